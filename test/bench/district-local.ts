// The district locally: 200 school files aggregated by the real `cchc aggregate` process (all
// cores, --full so every file is read) against opening the same files one after another with
// exceljs in this process (`new ExcelJS.Workbook().xlsx.readFile`, nothing else). Issue 12 aims
// for a ratio of 0.6 on two cores. Run alone: `node --import tsx test/bench/district-local.ts`
// (prints the JSON); the files are made once per call in a temporary folder and removed after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { makeSchool } from '../node/district-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');
const TODAY = '2024-06-30';

export interface LocalAggregateBench {
  schools: number;
  aggregateMs: number;
  sequentialExceljsMs: number;
  ratio: number;
}

function cchc(args: string[]): { ms: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CCHC_TODAY: TODAY }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: performance.now() - t0, status: r.status, stderr: r.stderr };
}

/** `schools` files from the sample, each its own code and a little different, in `dir/truong`. */
export async function makeSchools(dir: string, schools: number): Promise<string> {
  const sample = path.join(dir, 'sample.xlsx');
  const init = cchc(['init', sample, '--sample']);
  if (init.status !== 0) throw new Error(init.stderr);
  const folder = path.join(dir, 'truong');
  mkdirSync(folder);
  for (let k = 1; k <= schools; k += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, schools - k + 1) }, (_, j) => {
        const n = k + j;
        const code = `MN${String(n).padStart(3, '0')}`;
        return makeSchool(sample, path.join(folder, `${code.toLowerCase()}.xlsx`), { code, name: `Trường Mầm non Số ${n}`, dropTasks: n % 7, dropKpis: n % 4 });
      }),
    );
  }
  rmSync(sample);
  return folder;
}

export async function localAggregateBench(schools = Number(process.env.CCHC_BENCH_DISTRICT_SCHOOLS ?? 200)): Promise<LocalAggregateBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-district-'));
  try {
    const folder = await makeSchools(dir, schools);
    const files = Array.from({ length: schools }, (_, i) => path.join(folder, `mn${String(i + 1).padStart(3, '0')}.xlsx`));
    // One warm-up of each (the file cache, tsx's transform cache), then the timed runs.
    const out = path.join(dir, 'tong-hop.xlsx');
    const args = ['aggregate', folder, '--as-of', '30/06/2024', '--out', out, '--full'];
    const warm = cchc(args);
    if (warm.status !== 0) throw new Error(warm.stderr);
    await new ExcelJS.Workbook().xlsx.readFile(files[0]!);
    const run = cchc(args);
    if (run.status !== 0) throw new Error(run.stderr);
    const t0 = performance.now();
    for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    const sequentialExceljsMs = performance.now() - t0;
    const aggregateMs = run.ms;
    return { schools, aggregateMs: Math.round(aggregateMs), sequentialExceljsMs: Math.round(sequentialExceljsMs), ratio: Math.round((aggregateMs / sequentialExceljsMs) * 1000) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `… district-local.ts --make DIR`: only make the files there (to time the commands by hand).
  const at = process.argv.indexOf('--make');
  if (at > 0 && process.argv[at + 1]) {
    mkdirSync(process.argv[at + 1]!, { recursive: true });
    console.log(await makeSchools(process.argv[at + 1]!, Number(process.env.CCHC_BENCH_DISTRICT_SCHOOLS ?? 200)));
  } else console.log(JSON.stringify(await localAggregateBench()));
}
