// Calendar arithmetic on `YYYY-MM-DD` dates, by whole days, with no time zone involved: the
// dates are already the workbook's calendar dates.

import type { IsoDate, Quarter } from '../model.ts';

const MS_PER_DAY = 86_400_000;

function parts(d: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// A plan holds a few hundred distinct dates across thousands of rows: parse each once.
const dayCache = new Map<IsoDate, number>();

/** Days since 1970-01-01. */
export function dayNumber(d: IsoDate): number {
  let n = dayCache.get(d);
  if (n === undefined) {
    const [y, mo, da] = parts(d);
    n = Math.round(Date.UTC(y, mo - 1, da) / MS_PER_DAY);
    if (dayCache.size >= 5_000) dayCache.clear();
    dayCache.set(d, n);
  }
  return n;
}

/** Whole days from `a` to `b` (b − a); negative when b is earlier. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

export function addDays(d: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(d) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export const yearOf = (d: IsoDate): number => parts(d)[0];

// Quarters are the reader's (read/as-of.ts), so the as-of rule and the figures cannot disagree.
export { quarterOfDate as quarterOf, quarterOfPeriod as periodQuarter, quarterEndDate as quarterEnd } from '../frame.ts';

const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'] as const;

export const quarterStart = (year: number, q: Quarter): IsoDate => `${String(year).padStart(4, '0')}-${QUARTER_START[q - 1]}`;

/** `dd/mm/yyyy`, the way dates are shown to users: the parser's own formatter, one for the project. */
export { formatDate as formatDateVi } from '../parse/date.ts';
