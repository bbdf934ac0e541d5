// How a number reads to a Vietnamese user, in a sheet, the sidebar or a document: the decimal
// comma, no thousands separator (the workbook contract), percents to one decimal (66,7%).

import type { IsoDate, Lang } from './model.ts';
import { formatDate } from './parse/date.ts';

/**
 * A number with the decimal comma and at most `maxDecimals` decimals, trailing zeros dropped:
 * 98.5 → `98,5`, 45 → `45`, 2/3 → `0,7` (1 decimal). No thousands separator (the workbook contract: not
 * expected in this data; a count above 999 prints as `1250`, unambiguous with the decimal comma).
 */
export function formatNumber(x: number, maxDecimals = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const f = 10 ** maxDecimals;
  // Round half away from zero on the decimal value, with a nudge for binary noise (0.985*100).
  const rounded = Math.sign(x) * Math.round(Math.abs(x) * f + 1e-7) / f;
  let s = rounded.toFixed(maxDecimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s.replace('.', ',');
}

/** A fraction as a percent with the decimal comma: 0.985 → `98,5%`, 1 → `100%`. */
export const formatPercent = (fraction: number, maxDecimals = 1): string => `${formatNumber(fraction * 100, maxDecimals)}%`;

/** `part` of `whole` as a percent; `whole` 0 gives null (nothing to divide: not 0%). */
export function shareOf(part: number, whole: number): string | null {
  return whole > 0 ? formatPercent(part / whole) : null;
}


// ---------------------------------------------------------------- in the reader's language
// The command line and the district's lines also speak English (`--lang en`): there a number
// takes the decimal point, a large count the thousands comma, a date stays ISO.

/** A number in the language: `98,5` (vi) or `98.5` (en), at most `decimals` decimals. */
export const numberIn = (lang: Lang, n: number, decimals = 2): string =>
  lang === 'vi' ? formatNumber(n, decimals) : String(Math.round(n * 10 ** decimals) / 10 ** decimals);

/** A fraction as a percent in the language: `66,7%` (vi) or `66.7%` (en). */
export const percentIn = (lang: Lang, f: number): string => (lang === 'vi' ? formatPercent(f) : `${Math.round(f * 1000) / 10}%`);

/** A large count with the language's thousands separator: `1.234.567` (vi) or `1,234,567` (en). */
export const countIn = (lang: Lang, n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');

/** An ISO date as the language writes it: 30/06/2024 (vi), or 2024-06-30 as it is (en). */
export const dateIn = (lang: Lang, iso: IsoDate): string => (lang === 'vi' ? formatDate(iso) : iso);
