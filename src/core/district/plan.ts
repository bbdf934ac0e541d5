// A district run over its schools: which schools there are (the list's rows, or a folder's
// files), which are read again and which keep their stored read, and what is stored after. Pure:
// the shells bring the file stamps and do the reading, in any order; results go back in list order.

import type { IsoDate, PeriodCode } from '../model.ts';
import type { UnitEntry } from '../read/units.ts';
import type { SchoolRef } from './school.ts';
import { unitsToRead } from './sheets.ts';
import { reusable, reusedResult, storedKey, type StoredRead } from './state.ts';
import type { KpiTitles, SchoolResult } from './types.ts';

/** The schools of `Danh sách đơn vị`, in list order: its rows that can be read (a code and a link, the code not repeated). */
export function schoolsOfList(units: readonly UnitEntry[]): SchoolRef[] {
  return unitsToRead(units).map((u) => ({ code: u.code, name: u.name, source: u.source }));
}

/** The rows of the list left out (no code, no link, a repeated code): their row numbers. */
export const skippedRows = (units: readonly UnitEntry[]): number[] => units.filter((u) => u.blocked && (u.code !== '' || u.source !== '')).map((u) => u.row);

/** The schools of a folder: one per file, as named; the code and name are the school's own. */
export function schoolsOfFolder(sources: readonly string[]): SchoolRef[] {
  return sources.map((source) => ({ code: '', name: '', source }));
}

/** Stored reads by their key (code and link); a later row with the same key wins. */
export function storedByKey(stored: readonly StoredRead[]): Map<string, StoredRead> {
  return new Map(stored.map((s) => [storedKey(s.code, s.source), s]));
}

export interface PlanInput {
  schools: readonly SchoolRef[];
  stored: ReadonlyMap<string, StoredRead>;
  /** Each school's file stamp now (null: cannot tell, the file is read). */
  stamps: readonly (string | null)[];
  asOf: IsoDate;
  period: PeriodCode;
  /** `--full`: read every file. */
  full: boolean;
}

/** For each school, the stored read that stands for it now, or null: read the file. */
export function planReads(input: PlanInput): (StoredRead | null)[] {
  return input.schools.map((s, i) => {
    if (input.full) return null;
    const stored = input.stored.get(storedKey(s.code, s.source));
    return reusable(stored, { stamp: input.stamps[i] ?? null, asOf: input.asOf, period: input.period }) ? stored : null;
  });
}

/** One school's outcome in a run: kept from the stored reads, or read now. */
export type SchoolOutcome =
  | { kind: 'reused'; stored: StoredRead }
  /** `stamp`: the file's stamp taken before the read; null when the read must not be kept (a reader that crashed). */
  | { kind: 'read'; result: SchoolResult; titles: KpiTitles; stamp: string | null };

export interface RunOutcome {
  /** In list order, duplicates not yet settled (aggregateDistrict settles them). */
  results: SchoolResult[];
  /** The wording of each target code: the first school's, in list order. */
  titles: KpiTitles;
  /** What the district keeps for the next run, one per school in list order (a school with no file stamp is kept with an empty stamp, read again next time). */
  stored: (StoredRead | null)[];
}

/** Put a run's outcomes together, in list order. */
export function runOutcome(schools: readonly SchoolRef[], outcomes: readonly SchoolOutcome[], frame: { asOf: IsoDate; period: PeriodCode }): RunOutcome {
  const results: SchoolResult[] = [];
  const titles: KpiTitles = {};
  const stored: (StoredRead | null)[] = [];
  schools.forEach((ref, i) => {
    const o = outcomes[i];
    if (!o) throw new Error(`no outcome for school ${i + 1}`);
    const own = o.kind === 'reused' ? o.stored.titles : o.titles;
    for (const [code, title] of Object.entries(own)) if (titles[code] === undefined) titles[code] = title;
    if (o.kind === 'reused') {
      results.push(reusedResult(o.stored));
      stored.push(o.stored);
      return;
    }
    results.push(o.result);
    // A school whose file was not there (no stamp) is stored too, with an empty stamp: the report
    // made from the stored reads then names it (Không tìm thấy) instead of refusing as if the
    // refresh had not reached it; an empty stamp never matches a file's, so it is read again.
    stored.push({ source: ref.source, code: ref.code, stamp: o.stamp ?? '', asOf: frame.asOf, period: frame.period, result: o.result, titles: o.titles });
  });
  return { results, titles, stored };
}
