// Service calls per operation in the offline Apps Script runtime, through the built bundle, as
// test/bench/run.ts measures them (no timings). `npx tsx test/bench/calls.ts [--detail]`;
// sizes from CCHC_BENCH_SIZES (default 100).
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { createRuntime, loadAddon, type Runtime } from '../gas-runtime/index.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';
import { fillScaledSchool, type SchoolSize } from '../fixtures/scale-school.ts';

const sizes = (process.env.CCHC_BENCH_SIZES ?? '100').split(',').map(Number);
const sizeFor = (tasks: number): SchoolSize => ({ tasks, kpis: Math.max(16, tasks / 20), initiatives: Math.max(2, tasks / 10) });
const detail = process.argv.includes('--detail');
const trace = process.argv.includes('--trace');

function measure(rt: Runtime, name: string, tasks: number, fn: () => unknown): void {
  rt.calls.reset();
  const result = fn() as { ok?: boolean; error?: unknown } | undefined;
  if (result && result.ok === false) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  console.log(`${name.padEnd(28)} ${String(tasks).padStart(6)} ${String(rt.calls.count()).padStart(6)} ${(rt.calls.snapshot().simulatedMs / 1000).toFixed(1).padStart(6)} s`);
  if (detail) {
    const snap = rt.calls.snapshot().byName;
    for (const [k, v] of Object.entries(snap).sort((a, b) => b[1] - a[1])) console.log(`    ${String(v).padStart(5)} ${k}`);
  }
}

for (const tasks of sizes) {
  const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
  const addon = loadAddon({ runtime: rt });
  if (trace) {
    const core = rt.core as unknown as { tick(name: string): void };
    const tick = core.tick.bind(core);
    core.tick = (name: string) => {
      console.log(`      . ${name}`);
      tick(name);
    };
  }
  measure(rt, 'installTemplate', tasks, () => addon.run('installTemplate', {}));
  rt.core.uncounted(() =>
    fillScaledSchool(new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never), sizeFor(tasks)),
  );
  measure(rt, 'getState (sidebar opens)', tasks, () => addon.run('getState', {}));
  measure(rt, 'validate', tasks, () => addon.run('validate', { asOf: '2024-06-30' }));
  measure(rt, 'updateProgress', tasks, () => addon.run('updateProgress', { asOf: '2024-06-30' }));
  measure(rt, 'generateReport quarterly', tasks, () => addon.run('generateReport', { type: 'quarterly', asOf: '2024-06-30', period: 'Q2' }));
}
