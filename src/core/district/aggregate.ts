// The district over its schools: duplicates settled in list order, totals over the counted
// schools, each target across schools. Pure: the shells bring the results.

import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import { AREA_CODES } from '../model.ts';
import { t } from '../i18n.ts';
import type { KpiCounts, TaskCounts } from '../progress/types.ts';
import { zeroKpiCounts } from '../progress/kpis.ts';
import { foldKey } from '../text.ts';
import { isCounted, type DistrictAggregate, type SchoolResult, type SchoolTasks } from './types.ts';

const zeroCounts = (): TaskCounts => ({ total: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 0, cancelled: 0 });
export const zeroTasks = (): SchoolTasks => ({ ...zeroCounts(), byArea: Object.fromEntries(AREA_CODES.map((a) => [a, zeroCounts()])) as SchoolTasks['byArea'] });
export { zeroKpiCounts };

function addCounts<T extends object>(into: T, from: T): void {
  for (const k of Object.keys(into) as (keyof T)[]) {
    if (typeof into[k] === 'number') (into[k] as number) += from[k] as number;
  }
}

/**
 * A second file with a code already read is `duplicate` (not counted), in list order: the first
 * read file keeps the code. The code compared is the school's own `Mã đơn vị` (what identifies the
 * file), else the list's; compared as names are (case, accents' placement).
 */
export function settleDuplicates(results: readonly SchoolResult[], lang: Lang): SchoolResult[] {
  const first = new Map<string, SchoolResult>();
  return results.map((r) => {
    if (!isCounted(r.status)) return r;
    const key = foldKey(r.ownCode || r.code);
    if (key === '') return r;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      return r;
    }
    return { ...r, status: 'duplicate', message: t(lang, 'district.reasonDuplicate', { code: r.ownCode || r.code, first: earlier.source }) };
  });
}

export interface AggregateInput {
  asOf: IsoDate;
  period: PeriodCode;
  unit: { code: string; name: string };
  /** In list order; duplicates not yet settled. */
  results: readonly SchoolResult[];
  lang: Lang;
  stats: { filesRead: number; ms: number };
}

export function aggregateDistrict(input: AggregateInput): DistrictAggregate {
  const schools = settleDuplicates(input.results, input.lang);
  const tasks = zeroTasks();
  const kpiCounts = zeroKpiCounts();
  const kpis: Record<string, KpiCounts> = {};
  let read = 0;
  for (const s of schools) {
    if (!isCounted(s.status)) continue;
    read++;
    if (s.tasks) {
      addCounts(tasks, s.tasks);
      for (const a of AREA_CODES) addCounts(tasks.byArea[a], s.tasks.byArea[a]);
    }
    if (s.kpiCounts) addCounts(kpiCounts, s.kpiCounts);
    for (const k of s.kpis ?? []) {
      const c = (kpis[k.code] ??= zeroKpiCounts());
      c[k.status]++;
    }
  }
  return {
    asOf: input.asOf,
    period: input.period,
    unit: input.unit,
    schools,
    totals: { schools: schools.length, read, failed: schools.length - read, tasks, kpiCounts },
    kpis,
    stats: { filesRead: input.stats.filesRead, reused: schools.filter((s) => s.reused).length, ms: input.stats.ms },
  };
}

export type PublicSchool = Omit<SchoolResult, 'ownCode' | 'year'>;

/**
 * A school's line of `--ndjson` and its entry in `--json`: the result without the internal
 * `ownCode`/`year`, keys in the CLI contract's order (figures only where the school was read).
 */
export function publicSchool(r: SchoolResult): PublicSchool {
  const out: PublicSchool = {
    code: r.code, name: r.name, source: r.source, status: r.status, message: r.message,
    templateVersion: r.templateVersion, errors: r.errors, changedAt: r.changedAt, readAt: r.readAt, reused: r.reused,
  };
  if (r.tasks) out.tasks = r.tasks;
  if (r.kpiCounts) out.kpiCounts = r.kpiCounts;
  if (r.kpis) out.kpis = r.kpis;
  if (r.initiatives) out.initiatives = r.initiatives;
  return out;
}

/** `aggregate --json` as printed. */
export function publicAggregate(a: DistrictAggregate): Omit<DistrictAggregate, 'schools'> & { schools: PublicSchool[] } {
  return { asOf: a.asOf, period: a.period, unit: a.unit, schools: a.schools.map(publicSchool), totals: a.totals, kpis: a.kpis, stats: a.stats };
}
