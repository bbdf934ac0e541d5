import { describe, expect, it } from 'vitest';
import {
  AREAS, KPI_STATUS, SHEETS, SETTINGS, TASK_STATE, TASK_STATUS, TEMPLATE_VERSION, a1, columnLetter, columnSpec,
  dropdownValues, enumValues, installerValidation, sheetSpec, INITIATIVE_STAGE, SCHOOL_SHEETS, DISTRICT_SHEETS,
} from '../../../src/core/contract/index.ts';
import { AREA_CODES } from '../../../src/core/model.ts';

describe('A1 helpers', () => {
  it('names columns like a spreadsheet', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(a1(7, 7)).toBe('G7');
    expect(a1(1, 28)).toBe('AB1');
  });
  it('refuses positions that do not exist', () => {
    expect(() => columnLetter(0)).toThrow();
    expect(() => a1(0, 1)).toThrow();
  });
});

describe('contract data', () => {
  it('is template version 1 with every sheet of the workbook contract in order', () => {
    expect(TEMPLATE_VERSION).toBe(1);
    expect(SCHOOL_SHEETS.map((s) => s.name)).toEqual([
      'Thông tin', 'Nhân sự', 'Kế hoạch', 'Chỉ tiêu', 'Sáng kiến', 'Hoạt động', 'Tổng hợp', 'Nhật ký', 'Hướng dẫn',
    ]);
    expect(SHEETS.filter((s) => !s.school).map((s) => s.name)).toEqual(['Danh sách đơn vị', 'Tổng hợp đơn vị', 'Chỉ tiêu toàn đơn vị', 'Lưu trữ đọc']);
    expect(DISTRICT_SHEETS.map((s) => s.name)).toContain('Danh sách đơn vị');
  });

  it('has unique keys and headers per sheet, and NFC text', () => {
    for (const s of SHEETS) {
      expect(new Set(s.columns.map((c) => c.key)).size).toBe(s.columns.length);
      const headers = s.columns.map((c) => c.header.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
      for (const c of s.columns) {
        expect(c.header).toBe(c.header.normalize('NFC'));
        expect(c.help.vi.length).toBeGreaterThan(0);
        expect(c.help.en.length).toBeGreaterThan(0);
        expect(c.computed).toBe(c.type.kind === 'computed');
      }
    }
  });

  it('names the computed columns with the keys the engines use', () => {
    expect(columnSpec('tasks', 'state').header).toBe('⚙ Tình trạng');
    expect(columnSpec('kpis', 'value').header).toBe('⚙ Thực hiện');
    expect(columnSpec('kpis', 'achievement').header).toBe('⚙ Tỷ lệ đạt');
    expect(columnSpec('kpis', 'evaluation').header).toBe('⚙ Đánh giá');
    expect(columnSpec('initiatives', 'totalScore').header).toBe('⚙ Tổng điểm');
    expect(columnSpec('initiatives', 'award').header).toBe('⚙ Đề xuất khen thưởng');
    expect(columnSpec('kpis', 'q3Achieved').header).toBe('Quý III - Đạt');
    expect(columnSpec('kpis', 'q4Total').header).toBe('Quý IV - Tổng');
    expect(columnSpec('tasks', 'due').numberFormat).toBe('dd/mm/yyyy');
    expect(columnSpec('kpis', 'achievement').numberFormat).toBe('0.0%');
  });

  it('derives dropdowns from the enums, so the list is the canonical spellings', () => {
    expect(dropdownValues(columnSpec('tasks', 'status'))).toEqual(enumValues(TASK_STATUS));
    expect(enumValues(TASK_STATUS)).toEqual(['Chưa bắt đầu', 'Đang thực hiện', 'Hoàn thành', 'Tạm dừng', 'Hủy bỏ']);
    expect(installerValidation(columnSpec('tasks', 'area'))).toEqual({
      kind: 'list', strict: false, values: AREAS.map((a) => `${a.number}. ${a.vi}`),
    });
    expect(installerValidation(columnSpec('tasks', 'due'))).toEqual({ kind: 'date', strict: false });
    expect(installerValidation(columnSpec('initiatives', 'scoreLegal'))).toEqual({ kind: 'number', min: 0, max: 20, strict: false });
    expect(installerValidation(columnSpec('tasks', 'state'))).toBeUndefined();
  });

  it('covers every machine value of model.ts with a Vietnamese and English label', () => {
    expect(AREAS.map((a) => a.code)).toEqual([...AREA_CODES]);
    expect(TASK_STATE.options.map((o) => o.vi)).toEqual([
      'Đã hủy', 'Hoàn thành đúng hạn', 'Hoàn thành trễ hạn', 'Quá hạn', 'Sắp đến hạn', 'Chậm tiến độ', 'Đúng tiến độ',
    ]);
    expect(KPI_STATUS.options.map((o) => o.vi)).toEqual(['Đạt', 'Gần đạt', 'Chưa đạt', 'Không phát sinh', 'Chưa có số liệu']);
    expect(INITIATIVE_STAGE.options.map((o) => o.value)).toEqual(['registered', 'inProgress', 'done', 'accepted', 'proposed', 'recognised', 'stopped']);
  });

  it('lists the Thông tin keys with required ones and defaults', () => {
    expect(SETTINGS.filter((s) => s.required).map((s) => s.label)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Năm']);
    expect(SETTINGS.find((s) => s.key === 'tolerance')?.default).toBe('5');
    expect(sheetSpec('settings').columns.map((c) => c.header)).toEqual(['Mục', 'Giá trị']);
  });
});

describe('header matching data', () => {
  it('no two columns of a sheet share a header or alias once folded', async () => {
    const { headerKey } = await import('../../../src/core/read/table.ts');
    for (const s of SHEETS) {
      const seen = new Map<string, string>();
      for (const c of s.columns) {
        for (const h of new Set([c.header, ...c.aliases].map(headerKey))) {
          expect(seen.get(h), `${s.name}: “${h}” used by ${seen.get(h)} and ${c.key}`).toBeUndefined();
          seen.set(h, c.key);
        }
      }
    }
  });
});
