// Numbers and ratios (the workbook contract "Numbers", "Ratios").

import type { Decimal, Lang } from '../model.ts';
import type { RawCell } from '../ports.ts';
import { cleanText } from '../text.ts';
import { isPercentFormat } from './cell.ts';
import { compareDecimal, decimalFromNumber, decimalFromText, formatDecimal, formatPercent, isNegative, shiftDecimal } from './decimal.ts';
import { fail, ok, type ParseNote, type Parsed } from './result.ts';

const ONE: Decimal = { text: '1' };
const HUNDRED: Decimal = { text: '100' };
const ZERO: Decimal = { text: '0' };

/** Text of a number: `98,5`, `98.5`, `-3`, `,5`. A thousands separator is refused, not guessed. */
function parseNumberText(s: string): Parsed<Decimal> {
  const t = s.replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, ' ').trim();
  if (/^[+-]?\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*(?:(?!\1)[.,]\d+)$/.test(t) || /^[+-]?\d{1,3}(?:([., ])\d{3}){2,}$/.test(t) || /^[+-]?\d{1,3}(?: \d{3})+$/.test(t)) {
    return fail('NUMBER_THOUSANDS', { value: t });
  }
  const d = decimalFromText(t.replace(/\s/g, '').replace(',', '.'));
  return d ? ok(d) : fail('NUMBER_INVALID', { value: t });
}

/** A number cell or text. Booleans and dates are not numbers. */
export function parseNumber(v: RawCell): Parsed<Decimal> {
  if (typeof v === 'number') {
    const d = decimalFromNumber(v);
    return d ? ok(d) : fail('NUMBER_INVALID', { value: String(v) });
  }
  if (typeof v === 'string') return parseNumberText(cleanText(v));
  return fail('NUMBER_INVALID', { value: typeof v === 'boolean' ? String(v).toUpperCase() : '' });
}

/** A number ≥ 0. */
export function parseNonNegative(v: RawCell, lang: Lang = 'vi'): Parsed<Decimal> {
  const r = parseNumber(v);
  if (r.ok && isNegative(r.value)) return fail('NUMBER_NEGATIVE', { value: formatDecimal(r.value, lang) });
  return r;
}

/** A number within [min, max]. */
export function parseNumberInRange(v: RawCell, min: number, max: number, lang: Lang = 'vi'): Parsed<Decimal> {
  const r = parseNumber(v);
  if (!r.ok) return r;
  const n = Number(r.value.text);
  if (n < min || n > max) return fail('NUMBER_RANGE', { value: formatDecimal(r.value, lang), min, max });
  return r;
}

export interface NumberOrPercent {
  value: Decimal;
  /** True when the cell said percent (a `%` in the text, or a percent number format): `value` is then a fraction. */
  percent: boolean;
}

/** A number, or a percent read as a fraction (`98,5%` → 0.985; a percent-formatted 0.985 → 0.985). */
export function parseNumberOrPercent(v: RawCell, format?: string): Parsed<NumberOrPercent> {
  if (typeof v === 'number') {
    const d = decimalFromNumber(v);
    if (!d) return fail('NUMBER_INVALID', { value: String(v) });
    return ok({ value: d, percent: isPercentFormat(format) });
  }
  if (typeof v === 'string') {
    const s = cleanText(v);
    const m = /^(.*?)\s*[%％]$/.exec(s);
    if (m) {
      const r = parseNumberText(m[1] ?? '');
      if (!r.ok) return fail('RATIO_INVALID', { value: s });
      return ok({ value: shiftDecimal(r.value, -2), percent: true });
    }
    const r = parseNumberText(s);
    return r.ok ? ok({ value: r.value, percent: false }) : r;
  }
  return fail('NUMBER_INVALID', { value: typeof v === 'boolean' ? String(v).toUpperCase() : '' });
}

/**
 * A ratio as a fraction 0..1. A percent (text with `%`, percent format) is taken as is; a bare
 * number above 1 is percent points (98 → 98%) with a notice; a bare 0..1 is a fraction.
 */
export function parseRatio(v: RawCell, format?: string, lang: Lang = 'vi'): Parsed<Decimal> {
  const r = parseNumberOrPercent(v, format);
  if (!r.ok) return r.error.code === 'NUMBER_INVALID' ? fail('RATIO_INVALID', r.error.params) : r;
  let { value } = r.value;
  let notice: ParseNote | undefined;
  if (!r.value.percent && compareDecimal(value, ONE) > 0) {
    const typed = value;
    value = shiftDecimal(value, -2);
    if (compareDecimal(typed, HUNDRED) <= 0) {
      notice = { code: 'RATIO_PERCENT_POINTS', params: { value: formatDecimal(typed, lang), percent: formatPercent(value, lang) } };
    }
  }
  if (compareDecimal(value, ZERO) < 0 || compareDecimal(value, ONE) > 0) {
    return fail('RATIO_OUT_OF_RANGE', { value: formatPercent(value, lang) });
  }
  return ok(value, notice);
}
