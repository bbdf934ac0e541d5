// Dates (the workbook contract "Dates"): date cells, text d/m/yyyy, dd/mm/yyyy, d-m-yyyy, yyyy-mm-dd (day
// first, always), and .xlsx serial numbers. A date that does not exist (31/02/2024) is an
// error, never a roll-over.

import type { IsoDate } from '../model.ts';
import { isDateCell, type RawCell } from '../ports.ts';
import { cleanText } from '../text.ts';
import { fail, ok, type Parsed } from './result.ts';

/** Years outside this range are taken as typos. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export const isoDate = (y: number, m: number, d: number): IsoDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** True when y-m-d is a real calendar date. */
export const dateExists = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** `2024-06-10` → `10/06/2024`. */
export function formatDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Days from 1970-01-01 (UTC) of an ISO date. */
export function epochDay(iso: IsoDate): number {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromEpochDay(day: number): IsoDate {
  const dt = new Date(day * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export const addDays = (iso: IsoDate, n: number): IsoDate => fromEpochDay(epochDay(iso) + n);

const SERIAL_EPOCH = epochDay('1899-12-30');
const MAX_SERIAL = 2_958_465;

/**
 * An Excel/Sheets serial (1900 date system) → ISO date, or null for serial 60, the 29 February
 * 1900 that Lotus invented and Excel kept. Serials 1–59 are one day off from the simple rule.
 */
export function serialToIso(serial: number): IsoDate | null {
  // Excel's serials end at 2,958,465 (31/12/9999); past that a JS Date is invalid.
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  return fromEpochDay(SERIAL_EPOCH + (whole < 60 ? whole + 1 : whole));
}

/** The serial of an ISO date (1900 system), inverse of serialToIso for dates after 1900-03-01. */
export const isoToSerial = (iso: IsoDate): number => epochDay(iso) - SERIAL_EPOCH;

function checked(y: number, m: number, d: number, typed: string): Parsed<IsoDate> {
  if (!dateExists(y, m, d)) return fail('DATE_NOT_EXIST', { value: typed });
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('DATE_OUT_OF_RANGE', { value: typed });
  return ok(isoDate(y, m, d));
}

// A time after the date is ignored (`10/06/2024 08:30`, `2024-06-10T00:00:00`).
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const WORDS = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i;

/** Parse a date cell; see the file comment for what is accepted. */
export function parseDate(v: RawCell): Parsed<IsoDate> {
  if (isDateCell(v)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date);
    if (!m) return fail('DATE_INVALID', { value: v.date });
    return checked(Number(m[1]), Number(m[2]), Number(m[3]), formatDate(v.date));
  }
  if (typeof v === 'number') {
    // A bare number is a serial only when it lands in the accepted years; 2024 or 5 typed in a
    // date column are not dates.
    const iso = Number.isFinite(v) && v > 0 ? serialToIso(v) : null;
    if (iso === null) return fail('DATE_INVALID', { value: String(v) });
    const y = Number(iso.slice(0, 4));
    if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return fail('DATE_INVALID', { value: String(v) });
    return ok(iso);
  }
  if (typeof v !== 'string') return fail('DATE_INVALID', { value: String(v) });
  const s = cleanText(v).normalize('NFC');
  let m = DAY_FIRST.exec(s);
  if (m) {
    const year = m[4] ?? '';
    if (year.length !== 4) return fail(year.length <= 2 ? 'DATE_SHORT_YEAR' : 'DATE_INVALID', { value: s });
    return checked(Number(year), Number(m[3]), Number(m[1]), s);
  }
  m = YEAR_FIRST.exec(s);
  if (m) return checked(Number(m[1]), Number(m[3]), Number(m[4]), s);
  m = WORDS.exec(s);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]), s);
  return fail('DATE_INVALID', { value: s });
}
