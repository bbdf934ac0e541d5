// The reminders' week: the ISO 8601 week of the as-of date (Monday to Sunday). Its key
// (`2024-W27`) is what "never the same week twice" compares; its Monday (dd/mm/yyyy) is what the
// subject line shows, because a school reads a date more readily than a week number.
import type { IsoDate } from '../model.ts';
import { addDays, dayNumber } from '../progress/dates.ts';

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01, day 0, was a Thursday). */
export const isoWeekday = (d: IsoDate): number => ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;

export const mondayOf = (d: IsoDate): IsoDate => addDays(d, 1 - isoWeekday(d));

/** `2024-W27`: the year is the year of the week's Thursday (ISO 8601), so 30/12/2024 is 2025-W01. */
export function weekKey(d: IsoDate): string {
  const thursday = addDays(mondayOf(d), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}
