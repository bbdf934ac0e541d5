// Date and number formatting shared by the fakes: calendar parts in a time zone (Intl), the
// Sheets number-format subset the add-on uses (getDisplayValues) and Java SimpleDateFormat
// patterns (Utilities.formatDate).

import { isDate } from './core.ts';

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  /** Minutes east of UTC, e.g. +420 for Asia/Ho_Chi_Minh. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const ms = date.getTime();
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const hour = Number(p.hour) % 24;
  const minute = Number(p.minute);
  const second = Number(p.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: WEEKDAYS.indexOf(p.weekday ?? 'Sun'),
    offsetMinutes: Math.round((asUtc - ms) / 60000),
  };
}

/** The instant at which the wall-clock time (y-m-d h:m:s) occurs in `timeZone`. */
export function zonedTimeToDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const off1 = zonedParts(new Date(guess), timeZone).offsetMinutes;
  const candidate = guess - off1 * 60000;
  const off2 = zonedParts(new Date(candidate), timeZone).offsetMinutes;
  return new Date(guess - off2 * 60000);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

function offsetString(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60));
  const m = pad(Math.abs(minutes) % 60);
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** ISO timestamp with offset in a zone, e.g. `2024-06-30T09:15:00+07:00` (the Clock port's `now`). */
export function isoWithOffset(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetString(p.offsetMinutes, true)}`;
}

// ------------------------------------------------------------------ Java SimpleDateFormat

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Utilities.formatDate: Java SimpleDateFormat letters y M d H h k K m s S E a Z X z u D and
 * quoted text ('…', '' for a quote). English names, as Apps Script uses.
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end === -1 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100) : pad(p.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? (MONTHS[p.month - 1] ?? '').slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : (DAYS[p.weekday] ?? '').slice(0, 3);
        break;
      case 'u':
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetString(p.offsetMinutes, false);
        break;
      case 'X':
        out += p.offsetMinutes === 0 ? 'Z' : n === 1 ? offsetString(p.offsetMinutes, false).slice(0, 3) : offsetString(p.offsetMinutes, n >= 3);
        break;
      case 'z':
        out += `GMT${offsetString(p.offsetMinutes, true)}`;
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        const doy = Math.floor((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1;
        out += pad(doy, n);
        break;
      }
      default:
        // Java throws IllegalArgumentException: Illegal pattern character
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ Sheets number formats

/** What Range.getNumberFormat() answers for a cell nobody formatted (Sheets' "Automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets' date serial (days since 1899-12-30) of a Date, in the spreadsheet's zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wall - SHEETS_EPOCH_UTC) / 86400000;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SHEETS_EPOCH_UTC + Math.round(serial * 86400000));
  return zonedTimeToDate(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );
}

const isGeneral = (format: string): boolean =>
  format === '' || format === DEFAULT_NUMBER_FORMAT || format.toLowerCase() === 'general';

export const isDateFormat = (format: string): boolean => !isGeneral(format) && /[dy]/i.test(format.replace(/"[^"]*"/g, ''));

function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Sheets shows about 10 significant digits in a default-width column.
  return String(Number(n.toPrecision(10)));
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberPattern(n: number, format: string): string {
  const section = format.split(';')[0] ?? format;
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const core = section.replace(/"[^"]*"/g, '').replace(/[^0#.,]/g, '');
  const dot = core.indexOf('.');
  const decimals = dot === -1 ? 0 : core.slice(dot + 1).replace(/[^0#]/g, '').length;
  const minDecimals = dot === -1 ? 0 : core.slice(dot + 1).replace(/[^0]/g, '').length;
  let text = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals && text.includes('.')) {
    // '#' decimals are optional: drop trailing zeros down to the required ones.
    let [i, d = ''] = text.split('.');
    while (d.length > minDecimals && d.endsWith('0')) d = d.slice(0, -1);
    text = d ? `${i}.${d}` : (i ?? '');
  }
  if (core.includes(',')) {
    const [i, d] = text.split('.');
    text = groupThousands(i ?? '') + (d !== undefined ? `.${d}` : '');
  }
  const negative = value < 0 && Number(text.replace(/,/g, '')) !== 0;
  const literalPrefix = (/^"([^"]*)"/.exec(section) ?? [])[1] ?? '';
  const literalSuffix = (/"([^"]*)"$/.exec(section) ?? [])[1] ?? '';
  return `${negative ? '-' : ''}${literalPrefix}${text}${percent ? '%' : ''}${literalSuffix}`;
}

function formatDatePattern(date: Date, format: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = format.match(/"[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\\.|./gi) ?? [];
  const kinds = tokens.map((t) => t.toLowerCase());
  let out = '';
  kinds.forEach((k, idx) => {
    const raw = tokens[idx] ?? '';
    const prev = kinds.slice(0, idx).reverse().find((x) => /^[dhmsy]/.test(x) && x !== 'a/p');
    const next = kinds.slice(idx + 1).find((x) => /^[dhmsy]/.test(x));
    const minuteContext = (prev !== undefined && prev.startsWith('h')) || (next !== undefined && next.startsWith('s'));
    switch (k) {
      case 'yyyy':
        out += String(p.year);
        break;
      case 'yy':
        out += pad(p.year % 100);
        break;
      case 'mmmm':
        out += MONTHS[p.month - 1];
        break;
      case 'mmm':
        out += (MONTHS[p.month - 1] ?? '').slice(0, 3);
        break;
      case 'mm':
        out += minuteContext ? pad(p.minute) : pad(p.month);
        break;
      case 'm':
        out += minuteContext ? String(p.minute) : String(p.month);
        break;
      case 'dddd':
        out += DAYS[p.weekday];
        break;
      case 'ddd':
        out += (DAYS[p.weekday] ?? '').slice(0, 3);
        break;
      case 'dd':
        out += pad(p.day);
        break;
      case 'd':
        out += String(p.day);
        break;
      case 'hh':
      case 'h': {
        const twelve = kinds.includes('am/pm') || kinds.includes('a/p');
        const h = twelve ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
        out += k === 'hh' ? pad(h) : String(h);
        break;
      }
      case 'ss':
        out += pad(p.second);
        break;
      case 's':
        out += String(p.second);
        break;
      case 'am/pm':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'a/p':
        out += p.hour < 12 ? 'A' : 'P';
        break;
      default:
        out += raw.startsWith('"') ? raw.slice(1, -1) : raw.startsWith('\\') ? raw.slice(1) : raw;
    }
  });
  return out;
}

/**
 * The text Sheets shows for a cell value under a number format (Range.getDisplayValues): enough
 * for General/Automatic, `0`, `0.00`, `#,##0`, `0%`, `0.0%`, `@` and date patterns such as
 * `dd/mm/yyyy` or `yyyy-mm-dd hh:mm`. Dates under General show as `dd/mm/yyyy` (vi_VN locale).
 */
export function displayValue(value: unknown, format: string, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    if (isDateFormat(format)) return formatDatePattern(value, format, timeZone);
    if (isGeneral(format)) return formatDatePattern(value, 'dd/mm/yyyy', timeZone);
    if (format === '@') return formatDatePattern(value, 'dd/mm/yyyy', timeZone);
    return formatNumberPattern(dateToSerial(value, timeZone), format);
  }
  if (typeof value === 'number') {
    if (format === '@' || isGeneral(format)) return generalNumber(value);
    if (isDateFormat(format)) return formatDatePattern(serialToDate(value, timeZone), format, timeZone);
    return formatNumberPattern(value, format);
  }
  return String(value);
}
