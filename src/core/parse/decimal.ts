// Exact decimals (model.ts Decimal): what the user typed, kept as normalised decimal text so
// comparisons have no float noise (98,5% against 98% is met; 1/3 arithmetic never misses 100%).

import type { Decimal, Lang } from '../model.ts';

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** `098.50` → `98.5`, `-0` → `0`, `.5` → `0.5`. Input must be plain decimal text with a dot. */
function normalise(text: string): string {
  let neg = text.startsWith('-');
  let body = neg || text.startsWith('+') ? text.slice(1) : text;
  if (body.startsWith('.')) body = `0${body}`;
  let [int = '0', frac = ''] = body.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  if (int === '0' && frac === '') neg = false;
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A decimal from plain text with a dot (`98.5`, `-3`, `.5`); null when it is not one. */
export function decimalFromText(text: string): Decimal | null {
  const t = text.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return null;
  return { text: normalise(t.endsWith('.') ? t.slice(0, -1) : t) };
}

/** A decimal from a JS number as the cell held it (no exponent in the result). */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return { text: normalise(s) };
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  return { text: normalise(`${sign}${shiftDigits(int, frac, Number(exp))}`) };
}

/** Digits `int.frac` multiplied by 10^k, as plain text. */
function shiftDigits(int: string, frac: string, k: number): string {
  const digits = int + frac;
  let point = int.length + k;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** d × 10^k, exact (percent points → fraction is k = -2). */
export function shiftDecimal(d: Decimal, k: number): Decimal {
  const neg = d.text.startsWith('-');
  const [int = '0', frac = ''] = (neg ? d.text.slice(1) : d.text).split('.');
  return { text: normalise(`${neg ? '-' : ''}${shiftDigits(int, frac, k)}`) };
}

/** -1, 0 or 1 as a < b, a = b, a > b; exact. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const an = a.text.startsWith('-');
  const bn = b.text.startsWith('-');
  if (an !== bn) return an ? -1 : 1;
  const sign = an ? -1 : 1;
  const [ai = '', af = ''] = (an ? a.text.slice(1) : a.text).split('.');
  const [bi = '', bf = ''] = (bn ? b.text.slice(1) : b.text).split('.');
  if (ai.length !== bi.length) return (ai.length < bi.length ? -sign : sign) as -1 | 1;
  const len = Math.max(af.length, bf.length);
  const x = ai + af.padEnd(len, '0');
  const y = bi + bf.padEnd(len, '0');
  if (x === y) return 0;
  return (x < y ? -sign : sign) as -1 | 1;
}

export const isNegative = (d: Decimal): boolean => d.text.startsWith('-');
export const decimalToNumber = (d: Decimal): number => Number(d.text);
export const isInteger = (d: Decimal): boolean => !d.text.includes('.');
export const isPlainDecimal = (s: string): boolean => PLAIN.test(s);

/** `98.5` → `98,5` in Vietnamese, `98.5` in English. */
export function formatDecimal(d: Decimal, lang: Lang): string {
  return lang === 'vi' ? d.text.replace('.', ',') : d.text;
}

/** A fraction as a percent: `0.985` → `98,5%` (vi) / `98.5%` (en). */
export function formatPercent(fraction: Decimal, lang: Lang): string {
  return `${formatDecimal(shiftDecimal(fraction, 2), lang)}%`;
}
