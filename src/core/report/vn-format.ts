// How numbers, dates and document numbers are written in a Vietnamese administrative document
// (Decree 30/2020/NĐ-CP, Phụ lục I; the report contract (README) "Layout").

import type { IsoDate, PeriodCode } from '../model.ts';

function dateParts(d: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * `Quận 1, ngày 05 tháng 02 năm 2024`. Decree 30: days below 10 and the months 1 and 2 take a
 * leading zero (`tháng 01`, `tháng 02`); other months do not (`tháng 6`, `tháng 10`).
 * With no place the line starts `Ngày …`.
 */
export function dateLine(place: string, date: IsoDate): string {
  const [y, m, d] = dateParts(date);
  const day = d < 10 ? pad2(d) : String(d);
  const month = m <= 2 ? pad2(m) : String(m);
  const p = place.trim();
  return p ? `${p}, ngày ${day} tháng ${month} năm ${y}` : `Ngày ${day} tháng ${month} năm ${y}`;
}

/** Long form used inside sentences (`ngày 05 tháng 02 năm 2024`), same zero rules. */
export function dateWords(date: IsoDate): string {
  return dateLine('', date).replace(/^Ngày/, 'ngày');
}

/** `dd/mm/yyyy`: the parser's formatter, so a document shows a date as the sheet and messages do. */
export { formatDate } from '../parse/date.ts';

// Numbers are written the same way everywhere (sheets, sidebar, documents): core/numbers.ts.
export { formatNumber, formatPercent, shareOf } from '../numbers.ts';

export type DocSymbol = 'BC' | 'KH';

/**
 * `Số: 12/BC-MNBT`. Decree 30: the number with a leading zero below 10 (`05`); the ký hiệu in
 * capitals (BC báo cáo, KH kế hoạch) then the unit code in capitals.
 */
export function documentNumber(n: number, symbol: DocSymbol, unitCode: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`document number must be a positive integer: ${n}`);
  const code = unitCode.normalize('NFC').trim().toUpperCase();
  return `Số: ${n < 10 ? pad2(n) : String(n)}/${symbol}${code ? `-${code}` : ''}`;
}

/**
 * The period as it reads in a title: Quý I → `quý I năm 2024`, Quý II → `6 tháng đầu năm 2024`,
 * Quý III → `9 tháng năm 2024`, Quý IV → `năm 2024` (the report contract (README)).
 */
export function periodPhrase(period: PeriodCode, year: number): string {
  switch (period) {
    case 'Q1':
      return `quý I năm ${year}`;
    case 'Q2':
      return `6 tháng đầu năm ${year}`;
    case 'Q3':
      return `9 tháng năm ${year}`;
    case 'Q4':
      return `năm ${year}`;
  }
}

/** Short name for file names: `Quy I`, `6 thang`, … (ASCII: Drive and Windows both keep it). */
export function periodFileTag(period: PeriodCode): string {
  return { Q1: 'Quy I', Q2: '6 thang', Q3: '9 thang', Q4: 'Nam' }[period];
}

/** Capitals the Vietnamese way (NFC first, so a decomposed `ệ` stays one letter). */
export const upperVi = (s: string): string => s.normalize('NFC').toUpperCase();

/** Capitalise the first letter only. */
export const capitalFirst = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
export function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** `a`, `b`, … for level-3 heads (`a)`), in the Vietnamese alphabet order (a, b, c, d, đ, e, g…). */
export const letter = (i: number): string => [...'abcdđeghiklmnopqrstuvxy'][i] ?? String(i + 1);
