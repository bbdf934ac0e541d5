import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT_PX, MAX_ROW_HEIGHT_PX, textWidthPx, wrappedHeightPx, wrappedLines } from '../../src/core/row-height.ts';

describe('row heights for wrapped text (Calibri 11)', () => {
  it('measures text about as Calibri 11 sets it: digits 7.4 px, a space 3.3 px', () => {
    expect(textWidthPx('0')).toBeCloseTo(7.43, 1);
    expect(textWidthPx('0000000000')).toBeCloseTo(74.3, 0);
    expect(textWidthPx(' ')).toBeCloseTo(3.32, 1);
    // Vietnamese letters are their base letter (NFC or NFD alike); ơ and ư a little wider.
    expect(textWidthPx('ệ')).toBeCloseTo(textWidthPx('e'), 5);
    expect(textWidthPx('Việt'.normalize('NFD'))).toBeCloseTo(textWidthPx('Viet'), 5);
    expect(textWidthPx('ư')).toBeGreaterThan(textWidthPx('u'));
    expect(textWidthPx('Hoàn thành', true)).toBeGreaterThan(textWidthPx('Hoàn thành'));
  });

  it('counts lines: words that fit, line breaks, and a link broken at the edge', () => {
    expect(wrappedLines('Cộng', 100)).toBe(1);
    expect(wrappedLines('', 100)).toBe(1);
    // 20 digits ≈ 149 px: over the 93 px left in a 100 px cell, so two lines.
    expect(wrappedLines('00000 00000 00000 00000', 100)).toBe(2);
    expect(wrappedLines('Phòng Nội vụ Quận 1\nThành viên BCĐ CCHC\nLưu: VT', 360)).toBe(3);
    expect(wrappedLines('Phòng Nội vụ Quận 1\r\n\r\nLưu: VT', 360)).toBe(3);
    // A word longer than the line fills it and goes on: 40 digits ≈ 297 px in 93 px: 4 lines.
    expect(wrappedLines('0'.repeat(40), 100)).toBe(4);
  });

  it('gives 20 px a line, at most Excel’s 409 pt', () => {
    expect(LINE_HEIGHT_PX).toBe(20);
    expect(wrappedHeightPx('Hạn', 100)).toBe(20);
    expect(wrappedHeightPx('a\nb\nc', 100)).toBe(60);
    expect(wrappedHeightPx('x\n'.repeat(100), 100)).toBe(MAX_ROW_HEIGHT_PX);
  });
});
