// npm run bench: each operation at several sizes, in the offline Apps Script runtime (the built
// dist/Code.js driven through google.script.run's rules: service calls counted, Apps Script time
// modelled at the runtime's per-call costs) and locally on .xlsx (wall-clock time).
// Prints a table; `--json` prints the rows as JSON. Sizes: CCHC_BENCH_SIZES=100,1000,10000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeFigures, generateReport, install, updateProgress, validateWorkbook } from '../../src/core/app/operations.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { createRuntime, loadAddon, type Runtime } from '../gas-runtime/index.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';
import { fillScaledSchool, type SchoolSize } from '../fixtures/scale-school.ts';
import { spawnSync } from 'node:child_process';

interface Row {
  where: 'Apps Script (offline)' | 'local .xlsx';
  operation: string;
  tasks: number;
  calls: number | null;
  /** Modelled Apps Script time from the runtime's per-call costs. */
  modelledMs: number | null;
  localMs: number;
}

const sizes = (process.env.CCHC_BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const sizeFor = (tasks: number): SchoolSize => ({ tasks, kpis: Math.max(16, tasks / 20), initiatives: Math.max(2, tasks / 10) });
const clock = { today: () => '2024-06-30', now: () => '2024-06-30T09:00:00+07:00' };
const rows: Row[] = [];

function measureSheets(rt: Runtime, operation: string, tasks: number, fn: () => unknown): void {
  rt.calls.reset();
  const startSim = rt.clock.date().getTime();
  const t0 = performance.now();
  const result = fn() as { ok?: boolean; error?: unknown } | undefined;
  const localMs = performance.now() - t0;
  if (result && result.ok === false) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
  rows.push({ where: 'Apps Script (offline)', operation, tasks, calls: rt.calls.count(), modelledMs: rt.clock.date().getTime() - startSim, localMs });
}

async function measureLocal(operation: string, tasks: number, fn: () => unknown): Promise<void> {
  const t0 = performance.now();
  await fn();
  rows.push({ where: 'local .xlsx', operation, tasks, calls: null, modelledMs: null, localMs: performance.now() - t0 });
}

async function benchSheets(tasks: number): Promise<void> {
  const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
  const addon = loadAddon({ runtime: rt });
  measureSheets(rt, 'installTemplate', tasks, () => addon.run('installTemplate', {}));
  // The school's data is typed by its staff: written here from outside the add-on, not measured.
  rt.core.uncounted(() =>
    fillScaledSchool(new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never), sizeFor(tasks)),
  );
  measureSheets(rt, 'getState (sidebar opens)', tasks, () => addon.run('getState', {}));
  measureSheets(rt, 'validate', tasks, () => addon.run('validate', { asOf: '2024-06-30' }));
  measureSheets(rt, 'updateProgress', tasks, () => addon.run('updateProgress', { asOf: '2024-06-30' }));
  measureSheets(rt, 'generateReport quarterly', tasks, () => addon.run('generateReport', { type: 'quarterly', asOf: '2024-06-30', period: 'Q2' }));
}

async function benchLocal(tasks: number, dir: string): Promise<void> {
  const file = path.join(dir, `school-${tasks}.xlsx`);
  const book = XlsxWorkbook.create();
  const ctx = localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock });
  install(ctx, { lang: 'vi' });
  fillScaledSchool(book, sizeFor(tasks));
  await book.save(file);
  let opened = book;
  await measureLocal('open file', tasks, async () => void (opened = await XlsxWorkbook.open(file)));
  const octx = localContext(opened, { outDir: dir, prefs: fixedLang('vi'), clock });
  await measureLocal('validate', tasks, () => validateWorkbook(octx, { lang: 'vi', asOf: '2024-06-30' }));
  await measureLocal('progress (compute)', tasks, () => computeFigures(octx, { lang: 'vi', asOf: '2024-06-30' }));
  await measureLocal('progress --write', tasks, () => updateProgress(octx, { lang: 'vi', asOf: '2024-06-30' }));
  await measureLocal('report quarterly (.docx)', tasks, () => generateReport(octx, { lang: 'vi', type: 'quarterly', asOf: '2024-06-30', period: 'Q2' }));
  await measureLocal('save file', tasks, () => opened.save(file));
}

function table(): string {
  const head = ['where', 'operation', 'tasks', 'service calls', 'modelled Apps Script', 'local'];
  const body = rows.map((r) => [
    r.where,
    r.operation,
    String(r.tasks),
    r.calls === null ? '' : String(r.calls),
    r.modelledMs === null ? '' : `${(r.modelledMs / 1000).toFixed(1)} s`,
    `${r.localMs.toFixed(0)} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Peak memory and time of whole `cchc` processes on a large workbook (CCHC_BENCH_LARGE, default 100,000 tasks; 0 skips). */
const memory: { name: string; size: number; peakMB: number; ms: number }[] = [];
async function benchLarge(tasks: number, dir: string): Promise<void> {
  const file = path.join(dir, `large-${tasks}.xlsx`);
  const book = XlsxWorkbook.create();
  install(localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock }), { lang: 'vi' });
  fillScaledSchool(book, sizeFor(tasks));
  await book.save(file);
  const peak = path.join(path.dirname(new URL(import.meta.url).pathname), 'peak.ts');
  for (const args of [['validate', file, '--json'], ['progress', file, '--write']]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', peak, ...args], { encoding: 'utf8', env: { ...process.env, CCHC_TODAY: '2024-06-30' }, maxBuffer: 1 << 26 });
    const last = r.stderr.trim().split('\n').at(-1) ?? '{}';
    const m = JSON.parse(last) as { peakMB: number; ms: number };
    memory.push({ name: `cchc ${args[0]}${args[2] === '--write' ? ' --write' : ''}`, size: tasks, peakMB: m.peakMB, ms: m.ms });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
try {
  for (const n of sizes) {
    await benchSheets(n);
    await benchLocal(n, dir);
  }
  const large = Number(process.env.CCHC_BENCH_LARGE ?? 100_000);
  if (large > 0) await benchLarge(large, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
rows.sort((a, b) => a.where.localeCompare(b.where) || a.operation.localeCompare(b.operation) || a.tasks - b.tasks);
console.log(
  process.argv.includes('--json')
    ? JSON.stringify({ operations: rows, memory }, null, 2)
    : `${table()}\n\nWhole processes on a large workbook:\n${memory.map((m) => `  ${m.name}  ${m.size} tasks  ${(m.ms / 1000).toFixed(1)} s  peak ${m.peakMB} MB`).join('\n')}`,
);
console.log(`\nSizes: tasks as shown, targets = tasks/20 (min 16), initiatives = tasks/10. Modelled time = ${'the runtime\'s per-call costs'} (about 50 ms a call); local = this machine.`);
