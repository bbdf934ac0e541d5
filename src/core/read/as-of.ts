// The as-of date and report period (TEMPLATE.md "As-of date and period").

import type { IsoDate, PeriodCode, Quarter } from '../model.ts';

export const quarterOfDate = (iso: IsoDate): Quarter => (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter;
export const periodOfQuarter = (q: Quarter): PeriodCode => `Q${q}` as PeriodCode;
export const quarterOfPeriod = (p: PeriodCode): Quarter => Number(p.slice(1)) as Quarter;

/** Last day of a quarter of a year. */
export function quarterEndDate(year: number, q: Quarter): IsoDate {
  return `${String(year).padStart(4, '0')}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`;
}

/**
 * The as-of date defaults to today (Asia/Ho_Chi_Minh, as the Clock gives it), or to 31 December
 * of the plan year when today is later. The period defaults to the quarter holding the as-of
 * date. When the period (of the plan year) ends before the as-of date, the as-of date becomes
 * the period's end. Without a plan year, the as-of date's year stands in for it.
 */
export function resolveAsOf(today: IsoDate, year: number | null, asOf?: IsoDate | null, period?: PeriodCode | null): { asOf: IsoDate; period: PeriodCode } {
  let date = asOf ?? today;
  if (!asOf && year !== null) {
    const yearEnd = quarterEndDate(year, 4);
    if (date > yearEnd) date = yearEnd;
  }
  if (!period) return { asOf: date, period: periodOfQuarter(quarterOfDate(date)) };
  const end = quarterEndDate(year ?? Number(date.slice(0, 4)), quarterOfPeriod(period));
  return { asOf: end < date ? end : date, period };
}

/**
 * How many quarters (from Quý I) are "to date": up to the report period, and never past the
 * as-of date's quarter (a quarter not begun has no results yet); none when the as-of date is
 * before the plan year. The reader's "no entry" warnings and the figures both use this.
 */
export function quartersToDate(asOf: IsoDate, period: PeriodCode, year: number): number {
  const last = quarterOfPeriod(period);
  const y = Number(asOf.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return last;
  return Math.min(last, quarterOfDate(asOf));
}
