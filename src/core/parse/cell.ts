// Raw cell helpers shared by the parsers.

import { isDateCell, isUncomputed, type RawCell } from '../ports.ts';
import { cleanText } from '../text.ts';
import { formatDate } from './date.ts';
import { decimalFromNumber } from './decimal.ts';

/** Empty: null, '' or only spaces. */
export function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && BLANK.test(v));
}

// Spaces and the invisible characters cleanText drops; NFC never turns these into content.
const BLANK = /^[\s\u200B-\u200D\uFEFF\u00AD]*$/;

/**
 * A cell as text: strings cleaned (NFC, trimmed), numbers as typed (no float noise), booleans
 * as `TRUE`/`FALSE`, date cells as dd/mm/yyyy. Used for text columns and to quote values.
 */
export function cellText(v: RawCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return decimalFromNumber(v)?.text ?? String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateCell(v)) return formatDate(v.date);
  if (isUncomputed(v)) return `=${v.formula}`;
  return '';
}

/** A number format that shows percent (`0%`, `0.0%`); a literal `"%"` in quotes does not count. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}
