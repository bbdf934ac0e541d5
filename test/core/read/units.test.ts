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

  it('a district workbook without the list says which sheet is missing', () => {
    const r = readUnitList(new MemoryWorkbook({}), 'vi');
    expect(r.issues.map((i) => i.code)).toEqual(['SHEET_MISSING']);
  });
});
