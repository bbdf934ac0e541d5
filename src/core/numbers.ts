// How a number reads to a Vietnamese user, in a sheet, the sidebar or a document: the decimal
// comma, no thousands separator (the workbook contract), percents to one decimal (66,7%).

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

