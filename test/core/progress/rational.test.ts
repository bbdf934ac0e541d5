import { describe, expect, it } from 'vitest';
import { compare, fromNumber, parseDecimalText, toNumber } from '../../../src/core/progress/rational.ts';

describe('exact decimals', () => {
  it.each([
    ['98.5', 197n, 2n],
    ['0.985', 197n, 200n],
    ['-1', -1n, 1n],
    ['.5', 1n, 2n],
    ['98,5', 197n, 2n],
    ['1e-3', 1n, 1000n],
    ['2.50', 5n, 2n],
  ])('%s reads as %d/%d', (text, n, d) => {
    expect(parseDecimalText(text)).toEqual({ n, d });
  });

  it.each(['', '.', 'abc', '1.2.3', '98%', '1e999'])('%j is not a decimal', (text) => {
    expect(parseDecimalText(text)).toBeNull();
  });

  it('takes a JS number at its shortest decimal form: 0.05 is exactly 1/20', () => {
    expect(fromNumber(0.05)).toEqual({ n: 1n, d: 20n });
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
    expect(compare(fromNumber(0.1 + 0.2), fromNumber(0.3))).toBe(1); // the float sum really is above
  });

  it('converts to the nearest number for output', () => {
    expect(toNumber(parseDecimalText('0.985')!)).toBe(0.985);
    expect(toNumber({ n: 1n, d: 3n })).toBe(1 / 3);
    expect(toNumber({ n: 10n ** 30n + 1n, d: 10n ** 30n })).toBe(1);
  });
});
