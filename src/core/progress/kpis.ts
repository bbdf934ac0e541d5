// Targets (`Chỉ tiêu`): the value to date, `Tỷ lệ đạt` and `Đánh giá` of each row, exactly
// (the workbook contract). Numbers stay rationals until output, so no comparison meets float noise.
//
// Readings of the spec taken here (the spec leaves them open):
// - A ratio quarter has an entry when its Tổng is typed; an empty Đạt beside it counts as 0
//   (an Đạt typed without a Tổng is no entry: the reader reports it).
// - `Từng quý`: a ratio quarter whose Tổng is 0 (no case arose) is not judged; when no quarter
//   is judged but some had Tổng 0, the target is `Không phát sinh`. `value` is the latest
//   judged quarter's value and `achievement` is null (Thực hiện shows `2/2 quý` instead).
// - Quarters to date are Quý I up to the report period, and never past the quarter holding the
//   as-of date (entries for a quarter not begun are not results yet).
// - Activities count in their quarter when dated on or before the as-of date.
// - A row the reader did not block but whose figure cannot be formed (no kind, no target, a
//   value of the wrong type, a rating level off the target's scale) is left out like a blocked one.

import { RATING_SCALES, type RatingScale } from '../contract/enums.ts';
import type { Activity, Decimal, IsoDate, Kpi, KpiStatus, PeriodCode, QuarterEntry } from '../model.ts';
import { quartersToDate, type ReportingFrame } from '../frame.ts';
import { quarterEnd, quarterOf, quarterStart } from './dates.ts';
import { foldNameCached as foldName } from './names.ts';
import {
  add,
  compare,
  div,
  fromDecimal,
  fromNumber,
  isPositive,
  isZero,
  mul,
  ONE,
  rational,
  sub,
  toNumber,
  ZERO,
  type Rational,
} from './rational.ts';
import type { KpiCounts, KpiProgress } from './types.ts';

export interface KpiContext {
  /** The reporting frame: the as-of date, the period and the plan year, as settled once. */
  frame: ReportingFrame;
  /** `Ngưỡng gần đạt` as an exact fraction (5% → 1/20). */
  tolerance: Rational;
  activities: readonly Activity[];
}

export function kpiContext(opts: {
  frame: ReportingFrame;
  tolerance: number;
  activities: readonly Activity[];
}): KpiContext {
  let tol = Number.isFinite(opts.tolerance) ? fromNumber(opts.tolerance) : ZERO;
  if (compare(tol, ZERO) < 0) tol = ZERO;
  if (compare(tol, ONE) > 0) tol = ONE;
  return { frame: opts.frame, tolerance: tol, activities: opts.activities };
}


/** Activities of `type` (matched folded) per quarter of `year`, dated on or before `asOf`. */
export function activityCounts(activities: readonly Activity[], type: string, year: number, asOf: IsoDate): [number, number, number, number] {
  const key = foldName(type);
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const first = quarterStart(year, 1);
  const last = quarterEnd(year, 4);
  for (const a of activities) {
    if (a.blocked || a.date === null || a.date > asOf || a.date < first || a.date > last) continue;
    if (foldName(a.type) !== key) continue;
    const q = quarterOf(a.date) - 1;
    counts[q] = (counts[q] ?? 0) + 1;
  }
  return counts;
}

type Verdict = 'met' | 'near' | 'notMet';

/** A number against its target, exactly; "Gần đạt" includes its boundary. */
export function judgeNumber(value: Rational, target: Rational, direction: '>=' | '<=', tolerance: Rational): Verdict {
  if (direction === '>=') {
    if (compare(value, target) >= 0) return 'met';
    if (compare(value, mul(target, sub(ONE, tolerance))) >= 0) return 'near';
    return 'notMet';
  }
  if (compare(value, target) <= 0) return 'met';
  if (isPositive(target) && compare(value, mul(target, add(ONE, tolerance))) <= 0) return 'near';
  return 'notMet';
}

const asDecimal = (v: QuarterEntry['achieved'] | QuarterEntry['total']): Rational | null | 'bad' => {
  if (v === null) return null;
  if (typeof v === 'object') return fromDecimal(v as Decimal) ?? 'bad';
  return 'bad';
};

/** One quarter's entry in the kind's own terms; null when the quarter has no entry. */
type Entry =
  | { kind: 'ratio'; achieved: Rational; total: Rational }
  | { kind: 'count'; value: Rational }
  | { kind: 'yesno'; value: boolean }
  | { kind: 'rating'; value: string };

class Unusable extends Error {}

function entryOf(kpi: Kpi, q: QuarterEntry, activityCount: number | null): Entry | null {
  const achieved = activityCount !== null ? rational(BigInt(activityCount)) : asDecimal(q.achieved);
  switch (kpi.kind) {
    case 'ratio': {
      const total = asDecimal(q.total);
      if (total === 'bad' || achieved === 'bad') throw new Unusable();
      if (total === null) return null;
      return { kind: 'ratio', achieved: achieved ?? ZERO, total };
    }
    case 'count':
      if (achieved === 'bad') throw new Unusable();
      return achieved === null ? null : { kind: 'count', value: achieved };
    case 'yesno':
      if (q.achieved === null) return null;
      if (typeof q.achieved !== 'boolean') throw new Unusable();
      return { kind: 'yesno', value: q.achieved };
    case 'rating':
      if (q.achieved === null || (typeof q.achieved === 'string' && q.achieved.trim() === '')) return null;
      if (typeof q.achieved !== 'string') throw new Unusable();
      return { kind: 'rating', value: q.achieved };
    default:
      throw new Unusable();
  }
}

/** The scale holding a level (matched folded) and the level's rank on it, 0 best. */
function findLevel(level: string): { scale: RatingScale; rank: number } | null {
  const key = foldName(level);
  for (const scale of RATING_SCALES) {
    const rank = scale.levels.findIndex((l) => foldName(l.value) === key || (l.aliases ?? []).some((a) => foldName(a) === key));
    if (rank >= 0) return { scale, rank };
  }
  return null;
}

type Target = { kind: 'number'; value: Rational } | { kind: 'yes' } | { kind: 'level'; scale: RatingScale; rank: number; name: string };

function targetOf(kpi: Kpi): Target {
  const t = kpi.target;
  switch (kpi.kind) {
    case 'ratio':
    case 'count': {
      if (t === null || typeof t !== 'object') throw new Unusable();
      const r = fromDecimal(t);
      if (!r) throw new Unusable();
      return { kind: 'number', value: r };
    }
    case 'yesno':
      // `Mục tiêu` of a yes/no target is `Có`; "Có → Đạt, Không → Chưa đạt" whatever is typed.
      return { kind: 'yes' };
    case 'rating': {
      if (typeof t !== 'string') throw new Unusable();
      const level = findLevel(t);
      if (!level) throw new Unusable();
      return { kind: 'level', ...level, name: level.scale.levels[level.rank]?.value ?? t };
    }
    default:
      throw new Unusable();
  }
}

/** What one entry is worth as a value, and its verdict against the target. */
function judgeEntry(e: Entry, target: Target, kpi: Kpi, ctx: KpiContext): { value: Rational | boolean | string; verdict: Verdict } {
  switch (e.kind) {
    case 'ratio': {
      const value = div(e.achieved, e.total);
      return { value, verdict: judgeNumber(value, numberTarget(target), kpi.direction, ctx.tolerance) };
    }
    case 'count':
      return { value: e.value, verdict: judgeNumber(e.value, numberTarget(target), kpi.direction, ctx.tolerance) };
    case 'yesno':
      return { value: e.value, verdict: e.value ? 'met' : 'notMet' };
    case 'rating': {
      if (target.kind !== 'level') throw new Unusable();
      const level = findLevel(e.value);
      // A level from another scale than the target's is an error (the reader reports it).
      if (!level || level.scale.key !== target.scale.key) throw new Unusable();
      return { value: level.scale.levels[level.rank]?.value ?? e.value, verdict: level.rank <= target.rank ? 'met' : 'notMet' };
    }
  }
}

function numberTarget(t: Target): Rational {
  if (t.kind !== 'number') throw new Unusable();
  return t.value;
}

const outValue = (v: Rational | boolean | string | null): number | boolean | string | null =>
  v === null || typeof v !== 'object' ? v : toNumber(v);

/**
 * One target's figure for the context; null when the row stays out of the figures (blocked by
 * the reader, or unusable, see the file comment).
 */
export function evaluateKpi(kpi: Kpi, ctx: KpiContext): KpiProgress | null {
  if (kpi.blocked || kpi.kind === null) return null;
  try {
    return evaluate(kpi, kpi.kind, ctx);
  } catch (e) {
    if (e instanceof Unusable) return null;
    throw e;
  }
}

function evaluate(kpi: Kpi, kind: NonNullable<Kpi['kind']>, ctx: KpiContext): KpiProgress {
  const target = targetOf(kpi);
  // The quarters that count are the frame's, so the reader's "no entry" warnings match.
  const quarters = quartersToDate(ctx.frame);
  const counts = kpi.sourceActivityType !== null ? activityCounts(ctx.activities, kpi.sourceActivityType, ctx.frame.year, ctx.frame.asOf) : null;
  const entries: Entry[] = [];
  for (let q = 0; q < quarters; q++) {
    const e = entryOf(kpi, kpi.quarters[q] as QuarterEntry, counts ? (counts[q] ?? 0) : null);
    if (e) entries.push(e);
  }
  const base: KpiProgress = {
    code: kpi.code,
    area: kpi.area,
    kind,
    direction: kpi.direction,
    target: target.kind === 'number' ? toNumber(target.value) : target.kind === 'yes' ? true : target.name,
    value: null,
    achievement: null,
    status: 'noData',
  };
  const withAchievement = (value: Rational | boolean | string, status: KpiStatus): KpiProgress => {
    const out: KpiProgress = { ...base, value: outValue(value), status };
    if ((kind === 'ratio' || kind === 'count') && kpi.direction === '>=' && target.kind === 'number' && isPositive(target.value) && typeof value === 'object') {
      out.achievement = toNumber(div(value, target.value));
    }
    return out;
  };

  if (kpi.method === 'perQuarter') {
    let judged = 0;
    let met = 0;
    let latest: Rational | boolean | string | null = null;
    for (const e of entries) {
      if (e.kind === 'ratio' && isZero(e.total)) continue;
      const { value, verdict } = judgeEntry(e, target, kpi, ctx);
      judged++;
      if (verdict === 'met') met++;
      latest = value;
    }
    const status: KpiStatus = judged === 0 ? (entries.length > 0 ? 'notApplicable' : 'noData') : met === judged ? 'met' : 'notMet';
    return { ...base, value: outValue(latest), status, quarters: { judged, met } };
  }

  if (entries.length === 0) return base;

  if (kpi.method === 'cumulative' && (kind === 'ratio' || kind === 'count')) {
    if (kind === 'ratio') {
      let achieved = ZERO;
      let total = ZERO;
      for (const e of entries) {
        if (e.kind !== 'ratio') continue;
        achieved = add(achieved, e.achieved);
        total = add(total, e.total);
      }
      if (isZero(total)) return { ...base, status: 'notApplicable' };
      const { value, verdict } = judgeEntry({ kind: 'ratio', achieved, total }, target, kpi, ctx);
      return withAchievement(value, verdict);
    }
    let sum = ZERO;
    for (const e of entries) if (e.kind === 'count') sum = add(sum, e.value);
    const { value, verdict } = judgeEntry({ kind: 'count', value: sum }, target, kpi, ctx);
    return withAchievement(value, verdict);
  }

  // `Kỳ gần nhất`, and `Lũy kế` for yes/no and rating: the latest quarter with an entry.
  const last = entries[entries.length - 1] as Entry;
  if (last.kind === 'ratio' && isZero(last.total)) return { ...base, status: 'notApplicable' };
  const { value, verdict } = judgeEntry(last, target, kpi, ctx);
  return withAchievement(value, verdict);
}

/** The counted targets with their rows, in sheet order. */
export function evaluateKpis(kpis: readonly Kpi[], ctx: KpiContext): { row: number; kpi: KpiProgress }[] {
  const out: { row: number; kpi: KpiProgress }[] = [];
  for (const k of kpis) {
    const r = evaluateKpi(k, ctx);
    if (r) out.push({ row: k.row, kpi: r });
  }
  return out.sort((a, b) => a.row - b.row);
}

/** Every `Đánh giá` at 0. */
export const zeroKpiCounts = (): KpiCounts => ({ met: 0, near: 0, notMet: 0, notApplicable: 0, noData: 0 });

export function countKpis(kpis: readonly KpiProgress[]): KpiCounts {
  const c = zeroKpiCounts();
  for (const k of kpis) c[k.status]++;
  return c;
}
