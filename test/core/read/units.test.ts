import { describe, expect, it } from 'vitest';
import { readUnitList } from '../../../src/core/read/index.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { headers, row } from './fixture.ts';

describe('Danh sách đơn vị', () => {
  it('lists the schools, flagging a repeated code and a missing link', () => {
    const wb = new MemoryWorkbook({
      'Danh sách đơn vị': [
        headers('units'),
        row('units', { unitCode: 'MNBT', unitName: 'Trường Mầm non Bến Thành', source: 'schools/mnbt.xlsx', email: 'a@b.vn' }),
        [],
        row('units', { unitCode: 'mnbt', unitName: 'Trùng', source: 'x.xlsx' }),
        row('units', { unitCode: 'MNHB', unitName: 'Trường Mầm non Hoa Bé' }),
      ],
    });
    const r = readUnitList(wb, 'vi');
    expect(r.units.map((u) => [u.row, u.code, u.blocked])).toEqual([[2, 'MNBT', false], [4, 'mnbt', true], [5, 'MNHB', true]]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['UNIT_CODE_DUPLICATE', 'A4'], ['REQUIRED', 'C5']]);
  });

  it('flags a code no school can have (a space, a slash, too long) and does not read that row; lower case is matched as upper', () => {
    const wb = new MemoryWorkbook({
      'Danh sách đơn vị': [
        headers('units'),
        row('units', { unitCode: 'MN 01', source: 'a.xlsx' }),
        row('units', { unitCode: 'MN/02', source: 'b.xlsx' }),
        row('units', { unitCode: 'M'.repeat(21), source: 'c.xlsx' }),
        row('units', { unitCode: 'mnhb', source: 'd.xlsx' }),
      ],
    });
    const r = readUnitList(wb, 'vi');
    expect(r.units.map((u) => [u.row, u.blocked])).toEqual([[2, true], [3, true], [4, true], [5, false]]);
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ['UNIT_CODE_INVALID', 'A2', 'error'],
      ['UNIT_CODE_INVALID', 'A3', 'error'],
      ['UNIT_CODE_INVALID', 'A4', 'error'],
    ]);
    expect(r.issues[0]?.message).toContain('MN 01');
  });

  it('a district workbook without the list says which sheet is missing', () => {
    const r = readUnitList(new MemoryWorkbook({}), 'vi');
    expect(r.issues.map((i) => i.code)).toEqual(['SHEET_MISSING']);
  });
});
