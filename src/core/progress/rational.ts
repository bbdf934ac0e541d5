// Exact rational arithmetic on BigInt, so that target comparisons never meet float noise:
// 98,5% against 98% is met, Σ of thirds reaches exactly 100%, a value exactly at the tolerance
// is "Gần đạt". Numbers become JS numbers only for output.

import type { Decimal } from '../model.ts';

export interface Rational {
  /** Numerator, carries the sign. */
  n: bigint;
  /** Denominator, always > 0. */
  d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Exact value of decimal text such as `98.5`, `-1`, `0.985`, `1e-3`; null when it is not one. */
export function parseDecimalText(text: string): Rational | null {
  const m = DECIMAL_TEXT.exec(text.trim().replace(',', '.'));
  if (!m) return null;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return null;
  let n = BigInt((int || '0') + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (!Number.isSafeInteger(e) || Math.abs(e) > 400) return null;
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return rational(sign === '-' ? -n : n, d);
}

export function fromDecimal(dec: Decimal): Rational | null {
  return parseDecimalText(dec.text);
}

/**
 * A JS number taken at its shortest decimal form (0.05 → 1/20, not the binary fraction near it):
 * that is the number the user typed, for fields the model keeps as numbers (tolerance, percent).
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rational: not a finite number: ${x}`);
  const r = parseDecimalText(String(x));
  if (!r) throw new RangeError(`rational: cannot read ${x}`);
  return r;
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('rational: division by zero');
  return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const isZero = (a: Rational): boolean => a.n === 0n;
export const isPositive = (a: Rational): boolean => a.n > 0n;

/** Nearest JS number, for output only. */
export function toNumber(a: Rational): number {
  const n = Number(a.n);
  const d = Number(a.d);
  if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) < 2 ** 53 && d < 2 ** 53) return n / d;
  // Huge terms: scale down exactly to 17 significant digits before dividing.
  const scale = 10n ** 20n;
  return Number((a.n * scale) / a.d) / 1e20;
}
