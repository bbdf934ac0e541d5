import { describe, expect, it } from 'vitest';
import {
  dateLine,
  dateWords,
  documentNumber,
  formatDate,
  formatNumber,
  formatPercent,
  letter,
  periodPhrase,
  roman,
  upperVi,
} from '../../../src/core/report/vn-format.ts';

describe('dateLine (Decree 30 leading zeros: day < 10, months 1 and 2)', () => {
  it.each([
    ['Quận 1', '2024-02-05', 'Quận 1, ngày 05 tháng 02 năm 2024'],
    ['Quận 1', '2024-01-04', 'Quận 1, ngày 04 tháng 01 năm 2024'],
    ['Quận 1', '2024-06-10', 'Quận 1, ngày 10 tháng 6 năm 2024'],
    ['Nhà Bè', '2024-06-09', 'Nhà Bè, ngày 09 tháng 6 năm 2024'],
    ['Phường Bến Thành', '2024-10-01', 'Phường Bến Thành, ngày 01 tháng 10 năm 2024'],
    ['Quận 1', '2024-12-31', 'Quận 1, ngày 31 tháng 12 năm 2024'],
    ['Quận 1', '2024-03-03', 'Quận 1, ngày 03 tháng 3 năm 2024'],
    ['  Quận 1  ', '2024-02-29', 'Quận 1, ngày 29 tháng 02 năm 2024'],
    ['', '2024-02-05', 'Ngày 05 tháng 02 năm 2024'],
  ])('%s %s → %s', (place, date, line) => {
    expect(dateLine(place, date)).toBe(line);
  });

  it('refuses what is not a date', () => {
    expect(() => dateLine('Quận 1', '05/02/2024')).toThrow(RangeError);
  });

  it('writes the same rules inside a sentence', () => {
    expect(dateWords('2024-01-04')).toBe('ngày 04 tháng 01 năm 2024');
  });
});

describe('numbers and dates in the body', () => {
  it.each([
    [98.5, '98,5'],
    [45, '45'],
    [2 / 3, '0,7'],
    [0, '0'],
    [1250, '1250'],
    [99.99999999, '100'],
    [-0.01, '0'],
  ])('formatNumber(%s) = %s', (x, s) => expect(formatNumber(x)).toBe(s));

  it.each([
    [0.985, '98,5%'],
    [1, '100%'],
    [0.98, '98%'],
    [0.5, '50%'],
    [1 / 3, '33,3%'],
    [0.9999999999, '100%'],
    [0, '0%'],
  ])('formatPercent(%s) = %s', (x, s) => expect(formatPercent(x)).toBe(s));

  it.each([
    ['2024-02-05', '05/02/2024'],
    ['2024-12-31', '31/12/2024'],
  ])('formatDate(%s) = %s', (d, s) => expect(formatDate(d)).toBe(s));
});

describe('documentNumber', () => {
  it.each([
    [12, 'BC', 'MNBT', 'Số: 12/BC-MNBT'],
    [5, 'BC', 'MNBT', 'Số: 05/BC-MNBT'],
    [1, 'KH', 'mnbt', 'Số: 01/KH-MNBT'],
    [10, 'KH', 'MNNTB', 'Số: 10/KH-MNNTB'],
    [128, 'KH', ' MNNTB ', 'Số: 128/KH-MNNTB'],
    [3, 'BC', '', 'Số: 03/BC'],
  ] as const)('%i %s %s → %s', (n, sym, code, s) => expect(documentNumber(n, sym, code)).toBe(s));

  it.each([0, -1, 1.5, Number.NaN])('refuses %s', (n) => expect(() => documentNumber(n, 'BC', 'MNBT')).toThrow(RangeError));
});

describe('period phrases', () => {
  it.each([
    ['Q1', 'quý I năm 2024'],
    ['Q2', '6 tháng đầu năm 2024'],
    ['Q3', '9 tháng năm 2024'],
    ['Q4', 'năm 2024'],
  ] as const)('%s → %s', (p, s) => expect(periodPhrase(p, 2024)).toBe(s));
});

describe('small helpers', () => {
  it('capitals keep decomposed Vietnamese letters whole', () => {
    expect(upperVi('Trường Mầm non Bến Thành'.normalize('NFD'))).toBe('TRƯỜNG MẦM NON BẾN THÀNH');
  });
  it('roman numerals and Vietnamese point letters', () => {
    expect([1, 4, 7, 9, 14].map(roman)).toEqual(['I', 'IV', 'VII', 'IX', 'XIV']);
    expect([0, 3, 4, 5].map(letter)).toEqual(['a', 'd', 'đ', 'e']);
  });
});

describe('one dd/mm/yyyy formatter', () => {
  it('reports, Tổng hợp and messages share the parser\'s, which never throws on a stray value', async () => {
    const { formatDate: parserFormat } = await import('../../../src/core/parse/date.ts');
    const { formatDateVi } = await import('../../../src/core/progress/dates.ts');
    expect(formatDate).toBe(parserFormat);
    expect(formatDateVi).toBe(parserFormat);
    expect(formatDate('2024-02-05')).toBe('05/02/2024');
    expect(formatDate('2024-6-5')).toBe('2024-6-5');
  });
});
