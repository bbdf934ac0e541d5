// The reporting frame (the workbook contract "As-of date and period"): today, the as-of date, the report
// period and the plan year, worked out once by `reportingFrame` and carried to every reader,
// figure, sheet and document. Nothing else in the product decides a default as-of date, clamps it
// to a period or guesses a plan year: they all take a ReportingFrame.

import type { IsoDate, PeriodCode, Quarter, ReportingFrame } from './model.ts';

export type { ReportingFrame } from './model.ts';

/** What a user may ask for (`--as-of`, `--period`, the sidebar's control); both optional. */
export interface FrameRequest {
  asOf?: IsoDate | null;
  period?: PeriodCode | null;
}

export const quarterOfDate = (iso: IsoDate): Quarter => (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter;
export const periodOfQuarter = (q: Quarter): PeriodCode => `Q${q}` as PeriodCode;
export const quarterOfPeriod = (p: PeriodCode): Quarter => Number(p.slice(1)) as Quarter;
const yearOfDate = (iso: IsoDate): number => Number(iso.slice(0, 4));

/** Last day of a quarter of a year. */
export function quarterEndDate(year: number, q: Quarter): IsoDate {
  return `${String(year).padStart(4, '0')}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`;
}

/**
 * The one rule (the workbook contract):
 * - the as-of date defaults to today, or to 31 December of the plan year when today is later;
 * - the period defaults to the quarter holding the as-of date;
 * - when the period ends before the as-of date, the as-of date becomes the period's end.
 *
 * Readings the spec leaves open, chosen here once:
 * - without a plan year (`Năm` empty or wrong) the as-of date's year stands in for it;
 * - the period is always a quarter of the plan year: an as-of date after the plan year (asked
 *   for explicitly) defaults to Q4, so it becomes 31/12 of the plan year; one before the plan
 *   year defaults to Q1 and stays as asked (nothing is "to date" yet).
 */
export function reportingFrame(today: IsoDate, planYear: number | null, req: FrameRequest = {}): ReportingFrame {
  let asOf = req.asOf ?? today;
  const year = planYear ?? yearOfDate(asOf);
  if (!req.asOf) {
    const yearEnd = quarterEndDate(year, 4);
    if (asOf > yearEnd) asOf = yearEnd;
  }
  const asOfYear = yearOfDate(asOf);
  const period = req.period ?? periodOfQuarter(asOfYear > year ? 4 : asOfYear < year ? 1 : quarterOfDate(asOf));
  const end = quarterEndDate(year, quarterOfPeriod(period));
  return { today, asOf: end < asOf ? end : asOf, period, year };
}

/**
 * How many quarters (from Quý I) are "to date": up to the report period, and never past the
 * as-of date's quarter (a quarter not begun has no results yet); none when the as-of date is
 * before the plan year. The reader's "no entry" warnings and the figures both use this.
 */
export function quartersToDate(frame: Pick<ReportingFrame, 'asOf' | 'period' | 'year'>): number {
  const last = quarterOfPeriod(frame.period);
  const y = yearOfDate(frame.asOf);
  if (y < frame.year) return 0;
  if (y > frame.year) return last;
  return Math.min(last, quarterOfDate(frame.asOf));
}
