// The self-test's comparison (core/app/selftest.ts) on hand-written facts: what a maintainer reads
// when a real account disagrees with the build.
import { describe, expect, it } from 'vitest';
import { compareSelfTest, missingLines, normalizeLine, selfTestCellText, selfTestTable, type SelfTestFacts } from '../../../src/core/app/selftest.ts';

const facts = (over: Partial<SelfTestFacts> = {}): SelfTestFacts => ({
  counts: { error: 0, warning: 1, notice: 2 },
  figures: { 'Tổng hợp!A1': 'TỔNG HỢP', 'Tổng hợp!B3': '0.5', 'Kế hoạch!N2': 'Hoàn thành', 'Chỉ tiêu!K2': 'Đạt', 'Sáng kiến!H2': '12' },
  documents: { quarterly: ['BÁO CÁO', 'Kết quả quý II'], plan: ['KẾ HOẠCH'], initiatives: ['BÁO CÁO SÁNG KIẾN'] },
  ...over,
});
const texts = { quarterly: 'BÁO CÁO\nKết quả  quý II\n', plan: 'KẾ HOẠCH', initiatives: 'BÁO CÁO SÁNG KIẾN' };

describe('compareSelfTest', () => {
  it('passes every row when the run equals the build', () => {
    const rows = compareSelfTest(facts(), facts(), texts, 'vi');
    expect(rows.map((r) => r.ok)).toEqual([true, true, true, true, true, true, true, true]);
    expect(selfTestTable(rows, 'vi')).toContain('Tất cả 8/8 mục đạt.');
  });

  it('names the cell that differs, with both values', () => {
    const actual = facts({ figures: { ...facts().figures, 'Tổng hợp!B3': '0.49' } });
    const row = compareSelfTest(facts(), actual, texts, 'vi')[1]!;
    expect(row).toEqual({ check: 'Số liệu trang "Tổng hợp"', ok: false, detail: '1/2 ô khác: B3: "0.49" ≠ "0.5"' });
  });

  it('counts a cell Google left empty, and a sheet with no cell at all fails', () => {
    const { ['Sáng kiến!H2']: _gone, ...rest } = facts().figures;
    const rows = compareSelfTest(facts(), facts({ figures: rest }), texts, 'en');
    expect(rows[4]).toEqual({ check: 'Figures of "Sáng kiến"', ok: false, detail: '1/1 cells differ: H2: "" ≠ "12"' });
    const none = compareSelfTest(facts({ figures: rest }), facts({ figures: rest }), texts, 'en');
    expect(none[4]!.ok).toBe(false);
  });

  it('reports validation counts that differ', () => {
    const row = compareSelfTest(facts(), facts({ counts: { error: 1, warning: 1, notice: 2 } }), texts, 'vi')[0]!;
    expect(row.ok).toBe(false);
    expect(row.detail).toBe('1 lỗi, 1 cảnh báo, 2 lưu ý (cần 0, 1, 2)');
  });

  it('a line missing from the Doc read back, and a Doc that could not be read', () => {
    const rows = compareSelfTest(facts(), facts(), { ...texts, quarterly: 'BÁO CÁO\n', plan: null }, 'vi');
    expect(rows[5]).toEqual({ check: 'Văn bản: báo cáo quý', ok: false, detail: 'thiếu 1/2 dòng: "Kết quả quý II"' });
    expect(rows[6]).toEqual({ check: 'Văn bản: kế hoạch', ok: false, detail: 'không đọc lại được văn bản' });
    expect(selfTestTable(rows, 'vi')).toContain('Chỉ 6/8 mục đạt.');
  });
});

describe('the text both sides are compared in', () => {
  it('cells: numbers to 9 decimals, dates ISO, text NFC and trimmed, empty as nothing', () => {
    expect(selfTestCellText(0.1 + 0.2)).toBe('0.3');
    expect(selfTestCellText({ date: '2024-06-30' })).toBe('2024-06-30');
    expect(selfTestCellText(' Hoa\u0300n tha\u0300nh ')).toBe('Hoàn thành');
    expect(selfTestCellText(null)).toBe('');
    expect(selfTestCellText(true)).toBe('TRUE');
  });
  it('lines: a bullet mark and runs of spaces do not count; a table cell on its own line is found', () => {
    expect(normalizeLine('- Việc  một\t')).toBe('Việc một');
    expect(missingLines(['Việc một', 'Ô hai'], 'Việc một\nÔ hai\n')).toEqual([]);
    expect(missingLines(['Việc ba'], 'Việc một\nÔ hai')).toEqual(['Việc ba']);
  });
});
