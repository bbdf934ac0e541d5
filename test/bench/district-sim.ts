// The district refresh in Google Sheets, simulated: the built bundle (dist/Code.js) in the offline
// runtime, a district of 50, 200 and 500 school spreadsheets behind the runtime's Sheets and
// Drive API fakes (60 reads a minute per user, 300 per project, latencies that vary, fetchAll
// ending with its slowest request, the 6-minute execution), driven the way the sidebar drives it
// (districtRefresh called again while the answer says it is running). All times are simulated
// (the runtime's clock), not wall time. Issue 12's targets: 500 schools within 1.15× the quota's
// floor (⌈500/60⌉ windows ≈ 8–9 min, so ≤ ~575 s), a 10% refresh under 90 s reading ~50.
//
// Run alone: `node build.mjs && node --import tsx test/bench/district-sim.ts` (prints the JSON).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDistrict, editSchools, sidebarLoop, type District } from '../helpers/district.ts';

export interface DistrictBenchEntry {
  name: string;
  schools: number;
  /** Schools edited since the last refresh (the whole list for a full refresh). */
  changed: number;
  /** Simulated seconds from the first districtRefresh call to the last answer. */
  simulatedSeconds: number;
  /** Sheets API spreadsheets.get requests sent (429s included). */
  readRequests: number;
  /** 429 answers the quota fake gave. */
  quotaErrors: number;
  /** districtRefresh calls (each one Apps Script execution). */
  executions: number;
  maxExecutionSeconds: number;
}

function measure(d: District, name: string, changed: number, input: Record<string, unknown>): DistrictBenchEntry {
  const before = { ...d.rt.google.counts };
  const loop = sidebarLoop(d, input);
  if (!loop.last.ok) throw new Error(`${name}: districtRefresh failed: ${JSON.stringify(loop.last.error)}`);
  return {
    name,
    schools: d.list.length,
    changed,
    simulatedSeconds: Math.round(loop.seconds * 10) / 10,
    readRequests: d.rt.google.counts.sheetsGet - before.sheetsGet,
    quotaErrors: d.rt.google.counts.quota429 - before.quota429,
    executions: loop.calls,
    maxExecutionSeconds: Math.round(loop.maxExecutionSeconds * 10) / 10,
  };
}

export async function districtSimBench(sizes: readonly number[] = [50, 200, 500]): Promise<DistrictBenchEntry[]> {
  const out: DistrictBenchEntry[] = [];
  let biggest: District | null = null;
  for (const n of sizes) {
    const d = buildDistrict({ schools: n });
    out.push(measure(d, `district sim ${n} schools, full refresh`, n, { full: true }));
    biggest = d;
  }
  if (biggest) {
    const d = biggest;
    const n = d.list.length;
    // An hour later (the same as-of date: another date reads every school again), one school in
    // ten edits its sheet.
    d.rt.clock.advance(3600_000);
    const changed = editSchools(d, Array.from({ length: Math.round(n / 10) }, (_, k) => k * 10));
    out.push(measure(d, `district sim ${n} schools, ${changed.length} changed (incremental)`, changed.length, {}));
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'ignore' });
  process.chdir(root);
  console.log(JSON.stringify(await districtSimBench(), null, 1));
}
