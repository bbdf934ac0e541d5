import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { NumberingError, numberKey, peekNextNumber, takeNumber } from '../../../src/core/report/numbering.ts';

const settingsSheet = () => [
  ['Mục', 'Giá trị'],
  ['Mã đơn vị', 'MNBT'],
  ['Tên đơn vị', 'Trường Mầm non Bến Thành'],
  ['Năm', 2024],
];

describe('document numbers kept in Thông tin', () => {
  it('starts at 1, then counts up, one read and one write each time', () => {
    const wb = new MemoryWorkbook({ 'Thông tin': settingsSheet() });
    expect(peekNextNumber(wb, 'BC', 2024)).toBe(1);
    expect(takeNumber(wb, 'BC', 2024)).toEqual({ number: 1, regenerated: false });
    expect(takeNumber(wb, 'BC', 2024).number).toBe(2);
    expect(wb.cell('Thông tin', 5, 1)).toBe('Số văn bản tiếp theo BC/2024');
    expect(wb.cell('Thông tin', 5, 2)).toBe(3);
    // the user's settings are untouched
    expect(wb.cell('Thông tin', 2, 2)).toBe('MNBT');
    const calls = { ...wb.calls };
    takeNumber(wb, 'BC', 2024);
    expect(wb.calls.readSheet! - calls.readSheet!).toBe(1);
    expect(wb.calls.writeBlock! - calls.writeBlock!).toBe(1);
  });

  it('counts BC and KH apart, and each calendar year apart', () => {
    const wb = new MemoryWorkbook({ 'Thông tin': settingsSheet() });
    takeNumber(wb, 'BC', 2024);
    takeNumber(wb, 'BC', 2024);
    expect(takeNumber(wb, 'KH', 2024).number).toBe(1);
    expect(takeNumber(wb, 'BC', 2025).number).toBe(1);
    expect(takeNumber(wb, 'BC', 2024).number).toBe(3);
  });

  it('continues from a number the văn thư typed (as text, with spaces, in NFD)', () => {
    const wb = new MemoryWorkbook({ 'Thông tin': [...settingsSheet(), [numberKey('KH', 2024).normalize('NFD').replace(' ', '  '), ' 29 ']] });
    expect(takeNumber(wb, 'KH', 2024).number).toBe(29);
    expect(wb.cell('Thông tin', 5, 2)).toBe(30);
  });

  it('regenerating in place keeps the number and never hands it out again', () => {
    const wb = new MemoryWorkbook({ 'Thông tin': settingsSheet() });
    takeNumber(wb, 'BC', 2024); // 1
    expect(takeNumber(wb, 'BC', 2024, 1)).toEqual({ number: 1, regenerated: true });
    expect(peekNextNumber(wb, 'BC', 2024)).toBe(2);
    // an explicit number ahead of the counter moves the counter past it
    expect(takeNumber(wb, 'BC', 2024, 7).number).toBe(7);
    expect(takeNumber(wb, 'BC', 2024).number).toBe(8);
  });

  it('finds the columns by header, below a title row, in any order', () => {
    const wb = new MemoryWorkbook({
      'Thông tin': [['THÔNG TIN ĐƠN VỊ'], [], ['Ghi chú', ' giá trị ', 'MỤC'], ['', 'MNBT', 'Mã đơn vị'], ['', 4, 'Số văn bản tiếp theo BC/2024']],
    });
    expect(takeNumber(wb, 'BC', 2024).number).toBe(4);
    expect(wb.cell('Thông tin', 5, 2)).toBe(5);
    expect(takeNumber(wb, 'KH', 2024).number).toBe(1);
    expect(wb.cell('Thông tin', 6, 3)).toBe('Số văn bản tiếp theo KH/2024');
    expect(wb.cell('Thông tin', 6, 2)).toBe(2);
  });

  it('creates Thông tin when it is missing', () => {
    const wb = new MemoryWorkbook({});
    expect(takeNumber(wb, 'BC', 2024).number).toBe(1);
    expect(wb.cell('Thông tin', 1, 1)).toBe('Mục');
    expect(wb.cell('Thông tin', 2, 2)).toBe(2);
  });

  it.each([['abc'], [0], [-3], [2.5], ['12a']])('refuses a stored value %j with the cell named', (bad) => {
    const wb = new MemoryWorkbook({ 'Thông tin': [...settingsSheet(), ['Số văn bản tiếp theo BC/2024', bad]] });
    expect(() => takeNumber(wb, 'BC', 2024)).toThrow(NumberingError);
    expect(() => takeNumber(wb, 'BC', 2024)).toThrow(/B5/);
    expect(() => takeNumber(wb, 'BC', 2024, null, 'en')).toThrow(/not a document number/);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses an explicit number %s', (n) => {
    const wb = new MemoryWorkbook({ 'Thông tin': settingsSheet() });
    expect(() => takeNumber(wb, 'BC', 2024, n)).toThrow(NumberingError);
    expect(peekNextNumber(wb, 'BC', 2024)).toBe(1);
  });
});
