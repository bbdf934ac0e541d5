// npm run bench: each operation at several sizes, in the offline Apps Script runtime (the built
// dist/Code.js driven through google.script.run's rules: service calls counted, Apps Script time
// modelled at the runtime's per-call costs) and locally on .xlsx (wall-clock time).
// Prints a table; `--json` prints one JSON document (issue 13 item 6):
// {operations:[{name,where,size,serviceCalls,ms}], bundle:{bytes,coldStartMs}, cli, district:[…], memory:[{name,size,peakMB}]}. Sizes: CCHC_BENCH_SIZES=100,1000,10000.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { localAggregateBench } from './district-local.ts';
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

const ROOT = path.resolve(import.meta.dirname, '../..');
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

async function benchLocal(tasks: number, root: string): Promise<void> {
  // A folder per size: each size's report takes the same name (số 01), and cchc never writes over a document.
  const dir = path.join(root, String(tasks));
  mkdirSync(dir, { recursive: true });
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

/**
 * The bundle every Apps Script call loads: dist/Code.js's size, and the time to evaluate it in a
 * bare V8 context (node:vm, a fresh context each time, nothing else in it: no service is called
 * at top level, so none is needed). The median of 15.
 */
function bundleCost(): { bytes: number; coldStartMs: number } {
  const file = path.join(ROOT, 'dist/Code.js');
  const code = readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const context = vm.createContext({});
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { bytes: statSync(file).size, coldStartMs: Math.round(times[7]! * 10) / 10 };
}

/**
 * How fast `cchc` starts (issue 13 item 7), whole processes, the median of 5: `--help` against a
 * bare `node -e 0`, and `validate` of the 10,000-task workbook against a process that only opens
 * that file with exceljs.
 */
function median(fn: () => void, n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(n / 2)]!);
}
const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');
function startup(dir: string): Record<string, number> {
  const run = (args: string[]) => () => void spawnSync(process.execPath, args, { env: { ...process.env, CCHC_TODAY: '2024-06-30' }, stdio: 'ignore' });
  const helpMs = median(run([BIN, '--help']));
  const bareNodeMs = median(run(['-e', '0']));
  const out: Record<string, number> = { helpMs, bareNodeMs };
  const file = path.join(dir, '10000', 'school-10000.xlsx');
  if (existsSync(file)) {
    const validateMs = median(run([BIN, 'validate', file, '--json']), 3);
    const openMs = median(run(['-e', `require('exceljs'); new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(file)})`]), 3);
    Object.assign(out, { validate10000Ms: validateMs, exceljsOpen10000Ms: openMs, validateRatio: Math.round((validateMs / openMs) * 100) / 100 });
  }
  return out;
}

/** The district (issue 12): the simulated Apps Script refresh, when its bench is there, and the local aggregate. */
async function districtEntries(): Promise<unknown[]> {
  const entries: unknown[] = [];
  const sim = path.join(ROOT, 'test/bench/district-sim.ts');
  if (existsSync(sim)) {
    const { districtSimBench } = (await import(pathToFileURL(sim).href)) as { districtSimBench(): Promise<unknown[]> };
    entries.push(...(await districtSimBench()));
  }
  if (process.env.CCHC_BENCH_DISTRICT_SCHOOLS !== '0') entries.push({ name: 'local aggregate', where: 'local', ...(await localAggregateBench()) });
  return entries;
}

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
let bundle: { bytes: number; coldStartMs: number };
let cli: Record<string, number> = {};
let district: unknown[] = [];
try {
  bundle = bundleCost();
  for (const n of sizes) {
    await benchSheets(n);
    await benchLocal(n, dir);
  }
  cli = startup(dir);
  const large = Number(process.env.CCHC_BENCH_LARGE ?? 100_000);
  if (large > 0) await benchLarge(large, dir);
  district = await districtEntries();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
rows.sort((a, b) => a.where.localeCompare(b.where) || a.operation.localeCompare(b.operation) || a.tasks - b.tasks);
// The issue's shape: ms is the modelled Apps Script time in the offline runtime, the wall time locally.
const operations = [
  ...rows.map((r) => ({ name: r.operation, where: r.where === 'local .xlsx' ? 'local' : 'appsScript', size: r.tasks, serviceCalls: r.calls, ms: Math.round(r.modelledMs ?? r.localMs), localMs: Math.round(r.localMs) })),
  ...memory.map((m) => ({ name: m.name, where: 'local', size: m.size, serviceCalls: null, ms: m.ms, localMs: m.ms })),
];
console.log(
  process.argv.includes('--json')
    ? JSON.stringify({ operations, bundle: bundle!, cli, district, memory: memory.map(({ name, size, peakMB }) => ({ name, size, peakMB })) }, null, 2)
    : [
        table(),
        '',
        `Bundle: dist/Code.js ${(bundle!.bytes / 1024).toFixed(1)} KB, cold start ${bundle!.coldStartMs} ms in a bare V8 context`,
        `cchc start: ${Object.entries(cli).map(([k, v]) => `${k} ${v}`).join(', ')}`,
        'Whole processes on a large workbook:',
        ...memory.map((m) => `  ${m.name}  ${m.size} tasks  ${(m.ms / 1000).toFixed(1)} s  peak ${m.peakMB} MB`),
        'District:',
        ...district.map((d) => `  ${JSON.stringify(d)}`),
      ].join('\n'),
);
if (!process.argv.includes('--json')) console.log(`\nSizes: tasks as shown, targets = tasks/20 (min 16), initiatives = tasks/10. Modelled time = the runtime's per-call costs (about 50 ms a call); local = this machine.`);
