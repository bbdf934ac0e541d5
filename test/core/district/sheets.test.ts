// The district workbook through the port: what readDistrict finds, what the ⚙ sheets hold once
// written (read back cell by cell against values written out here by hand), what they cost, and
// the stored reads kept across executions.

import { describe, expect, it } from 'vitest';
import { aggregateDistrict, type DistrictAggregate, type SchoolResult } from '../../../src/core/district/index.ts';
import {
  cellDateTime, readDistrict, storeRead, storedRow, unitsToRead, writeDistrictSheets, writeStoredReads,
} from '../../../src/core/district/sheets.ts';
import { MAX_STORED_CHARS, reusable, storedKey, type StoredRead } from '../../../src/core/district/state.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import {
  AS_OF, districtBook, failed, kpi, opened, readOne, readResult, sampleSchool, setSetting, tasks,
} from './fixtures.ts';

const SUMMARY = 'Tổng hợp đơn vị';
const KPIS = 'Chỉ tiêu toàn đơn vị';
const STATE = 'Lưu trữ đọc';

const aggregate = (results: SchoolResult[]): DistrictAggregate =>
  aggregateDistrict({ asOf: AS_OF, period: 'Q2', unit: { code: 'TANHUNG', name: 'Ủy ban nhân dân phường Tân Hưng' }, results, lang: 'vi', stats: { filesRead: results.length, ms: 5 } });

/** Four schools: one read clean, one with data errors, one not shared, one of another year. */
function fourSchools(): SchoolResult[] {
  const a = readResult('MNA', 'Trường Mầm non A', tasks({ total: 10, done: 6, doneOnTime: 4, doneLate: 2, overdue: 1, onTrack: 2, cancelled: 1 }), [kpi('CT01', 'met'), kpi('CT02', 'near'), kpi('CT03', 'notMet')]);
  a.initiatives = { total: 3, eligible: 1, byStage: { registered: 1, inProgress: 1, done: 0, accepted: 1, proposed: 0, recognised: 0, stopped: 0 } };
  const b = readResult('MNB', 'Trường Mầm non B', tasks({ total: 4, done: 4, doneOnTime: 4 }), [kpi('CT01', 'met'), kpi('CT04', 'noData', { kind: 'count', target: 3 })], {
    status: 'dataErrors', errors: 3, message: 'Có 3 lỗi dữ liệu: các dòng lỗi không được tính.',
  });
  const c = failed('MNC', 'Trường Mầm non C', 'noAccess', 'Chưa chia sẻ với phong@tanhung.gov.vn, hoặc chưa chọn tệp trong hộp chọn tệp.');
  const d = readResult('MND', 'Trường Mầm non D', tasks({ total: 2, done: 0, overdue: 2 }), [kpi('CT05', 'met')], {
    status: 'otherYear', year: 2023, message: 'Kế hoạch năm 2023, không phải năm 2024: không tính.', changedAt: '2023-12-31T20:05:00+07:00',
  });
  return [a, b, c, d];
}

const TITLES = { CT01: 'Tỷ lệ hồ sơ giải quyết đúng hạn', CT02: 'Tỷ lệ đơn xử lý đúng hạn', CT03: 'Tỷ lệ phản ánh được trả lời', CT04: 'Số bài viết tuyên truyền' };

describe('readDistrict', () => {
  it('reads Thông tin (with Tự động cập nhật), the list with its errors at their cells, and the stored reads, in three reads', () => {
    const port = districtBook([
      { code: 'MNBT', name: 'Trường Mầm non Bến Thành', source: 'truong/mnbt.xlsx', email: 'bt@mn.edu.vn' },
      { code: 'MNHB', name: 'Trường Mầm non Hoa Bé' },
      { code: 'mnbt', name: 'Bến Thành lần hai', source: 'truong/mnbt-2.xlsx' },
      { code: 'MNTH', name: 'Trường Mầm non Tân Hưng', source: 'https://docs.google.com/spreadsheets/d/1AbC/edit' },
    ]);
    setSetting(port, 'Tự động cập nhật', 'Có');
    port.resetCalls();
    const d = readDistrict(port, { lang: 'vi' });
    expect(port.calls).toEqual({ readSheet: 3 });
    expect(d.settings).toMatchObject({ unitCode: 'TANHUNG', unitName: 'Ủy ban nhân dân phường Tân Hưng', year: 2024, autoRefresh: true, templateVersion: 1 });
    expect(d.issues.map((i) => [i.sheet, i.cell, i.code, i.severity])).toEqual([
      ['Danh sách đơn vị', 'C3', 'REQUIRED', 'error'],
      ['Danh sách đơn vị', 'A4', 'UNIT_CODE_DUPLICATE', 'error'],
    ]);
    expect(d.issues[1]!.message).toBe('Mã đơn vị “mnbt” đã có ở dòng 2. Mỗi đơn vị cần một mã riêng; xóa dòng trùng hoặc sửa mã.');
    expect(unitsToRead(d.units).map((u) => [u.row, u.code, u.source])).toEqual([
      [2, 'MNBT', 'truong/mnbt.xlsx'],
      [5, 'MNTH', 'https://docs.google.com/spreadsheets/d/1AbC/edit'],
    ]);
    expect(d.stored.size).toBe(0);
  });

  it('says which sheet is missing in a workbook that is not the district’s', () => {
    const d = readDistrict(new MemoryWorkbook({ Sheet1: [['x']] }), { lang: 'en' });
    expect(d.issues.map((i) => [i.sheet, i.code])).toEqual([['Thông tin', 'SHEET_MISSING'], ['Danh sách đơn vị', 'SHEET_MISSING']]);
    expect(d.settings.autoRefresh).toBe(false);
  });
});

describe('Tổng hợp đơn vị', () => {
  it('holds one row per school in list order with the school’s figures, its status words and what to do', () => {
    const port = districtBook();
    writeDistrictSheets(port, aggregate(fourSchools()), TITLES, 'vi');
    const grid = port.readSheet(SUMMARY)!;
    expect(grid.values[0]).toEqual([
      'Mã đơn vị', 'Tên đơn vị', 'Trạng thái đọc', 'Phiên bản mẫu', 'Số lỗi dữ liệu', 'Tệp thay đổi lúc', 'Thời điểm đọc',
      'Tổng số nhiệm vụ', 'Hoàn thành', 'Hoàn thành đúng hạn', 'Hoàn thành trễ hạn', 'Quá hạn', 'Tỷ lệ hoàn thành',
      'Chỉ tiêu đạt', 'Gần đạt', 'Chưa đạt', 'Không phát sinh', 'Chưa có số liệu', 'Số sáng kiến', 'Đủ điều kiện khen thưởng', 'Cần làm',
    ]);
    expect(grid.values.slice(1)).toEqual([
      ['MNA', 'Trường Mầm non A', 'Đã đọc', 1, 0, '28/06/2024 10:30', '30/06/2024 09:15', 10, 6, 4, 2, 1, '██████░░░░ 66,7%', 1, 1, 1, 0, 0, 3, 1, null],
      ['MNB', 'Trường Mầm non B', 'Có lỗi dữ liệu', 1, 3, '28/06/2024 10:30', '30/06/2024 09:15', 4, 4, 4, 0, 0, '██████████ 100%', 1, 0, 0, 0, 1, 0, 0, 'Có 3 lỗi dữ liệu: các dòng lỗi không được tính.'],
      ['MNC', 'Trường Mầm non C', 'Không có quyền truy cập', null, null, null, '30/06/2024 09:15', null, null, null, null, null, null, null, null, null, null, null, null, null, 'Chưa chia sẻ với phong@tanhung.gov.vn, hoặc chưa chọn tệp trong hộp chọn tệp.'],
      ['MND', 'Trường Mầm non D', 'Khác năm', 1, 0, '31/12/2023 20:05', '30/06/2024 09:15', 2, 0, 0, 0, 2, '░░░░░░░░░░ 0%', 1, 0, 0, 0, 0, 0, 0, 'Kế hoạch năm 2023, không phải năm 2024: không tính.'],
    ]);
  });

  it('draws the header, colours the schools not read (red) and those read with a caveat (amber), the bar in a monospace column', () => {
    const port = districtBook();
    writeDistrictSheets(port, aggregate(fourSchools()), TITLES, 'vi');
    const sheet = port.sheets.get(SUMMARY)!;
    const fill = (row: number) => sheet.backgrounds.get(`${row}:1`) ?? null;
    expect([1, 2, 3, 4, 5].map(fill)).toEqual(['#ddebf7', null, '#fff2cc', '#f4cccc', '#fff2cc']);
    const style = sheet.styles.at(-1)!;
    expect(style.boldRows).toEqual([1]);
    expect(style.monospaceColumns).toEqual([13]);
    // Numbers as numbers, the rest as text.
    expect(port.readSheet(SUMMARY)!.formats[1]!.slice(0, 8)).toEqual(['@', '@', '@', '0', '0', '@', '@', '0']);
  });

  it('a rewrite leaves nothing of the earlier one: fewer schools, fewer rows, no stale colour', () => {
    const port = districtBook();
    writeDistrictSheets(port, aggregate(fourSchools()), TITLES, 'vi');
    writeDistrictSheets(port, aggregate(fourSchools().slice(0, 1)), TITLES, 'vi');
    expect(port.readSheet(SUMMARY)!.values).toHaveLength(2);
    expect(port.sheets.get(SUMMARY)!.backgrounds.get('4:1')).toBeUndefined();
    expect(port.readSheet(KPIS)!.values[0]).toEqual(['Mã', 'Chỉ tiêu', 'MNA - Thực hiện', 'MNA - Đánh giá', 'Số đơn vị đạt']);
  });

  it('costs the same calls for 4 schools as for 400', () => {
    const costs: number[] = [];
    for (const n of [1, 100]) {
      const port = districtBook();
      const many = Array.from({ length: n }, () => fourSchools()).flat().map((s, i) => ({ ...s, code: `${s.code}${i}`, ownCode: s.ownCode ? `${s.ownCode}${i}` : '' }));
      port.resetCalls();
      writeDistrictSheets(port, aggregate(many), TITLES, 'vi');
      costs.push(port.callCount());
      expect(port.readSheet(SUMMARY)!.values).toHaveLength(4 * n + 1);
    }
    expect(costs[1]).toBe(costs[0]);
    // Per sheet: ensureSheet, clearSheet, writeBlock, writeFormats, styleBlock.
    expect(costs[0]).toBe(10);
  });

  it('the sample school’s row holds its own Tổng hợp figures as of 30/06/2024', () => {
    const port = districtBook();
    const { result, titles } = readOne({ code: 'MNBT', name: 'Trường Mầm non Bến Thành', source: 'mnbt.xlsx' }, opened(sampleSchool(), '2024-06-30T02:00:00.000Z'));
    writeDistrictSheets(port, aggregate([result]), titles, 'vi');
    expect(port.readSheet(SUMMARY)!.values[1]).toEqual([
      'MNBT', 'Trường Mầm non Bến Thành', 'Đã đọc', 1, 0, '30/06/2024 09:00', '30/06/2024 09:15', 34, 19, 16, 3, 2, '█████░░░░░ 57,6%', 11, 3, 0, 2, 0, 2, 1, null,
    ]);
  });
});

describe('Chỉ tiêu toàn đơn vị', () => {
  it('a target per row, each counted school’s value and Đánh giá, and how many met it', () => {
    const port = districtBook();
    writeDistrictSheets(port, aggregate(fourSchools()), TITLES, 'vi');
    const grid = port.readSheet(KPIS)!;
    expect(grid.values).toEqual([
      ['Mã', 'Chỉ tiêu', 'MNA - Thực hiện', 'MNA - Đánh giá', 'MNB - Thực hiện', 'MNB - Đánh giá', 'Số đơn vị đạt'],
      ['CT01', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 1, 'Đạt', 1, 'Đạt', 2],
      ['CT02', 'Tỷ lệ đơn xử lý đúng hạn', 0.8, 'Gần đạt', null, null, 0],
      ['CT03', 'Tỷ lệ phản ánh được trả lời', 0.8, 'Chưa đạt', null, null, 0],
      ['CT04', 'Số bài viết tuyên truyền', null, null, null, 'Chưa có số liệu', 0],
    ]);
    expect(grid.formats[1]!.slice(2, 7)).toEqual(['0.0%', '@', '0.0%', '@', '0']);
    expect(port.sheets.get(KPIS)!.backgrounds.get('1:1')).toBe('#ddebf7');
  });

  it('speaks English in its own headers when asked; the words of the contract stay', () => {
    const port = districtBook();
    writeDistrictSheets(port, aggregate(fourSchools().slice(0, 1)), TITLES, 'en');
    expect(port.readSheet(KPIS)!.values[0]).toEqual(['Mã', 'Chỉ tiêu', 'MNA - Value', 'MNA - Evaluation', 'Units that met it']);
    expect(port.readSheet(KPIS)!.values[1]![3]).toBe('Đạt');
  });
});

describe('stored reads (Lưu trữ đọc)', () => {
  const stored = (r: SchoolResult, stamp = '1719727200000:52431'): StoredRead => ({ source: r.source, code: r.code, stamp, asOf: AS_OF, period: 'Q2', result: r, titles: TITLES });

  it('round-trip: written whole, read back equal, keyed by code and link; a hidden sheet', () => {
    const port = districtBook();
    const [a, b] = fourSchools();
    writeStoredReads(port, [stored(a!), null, stored(b!, 'v7')]);
    expect(port.isHidden(STATE)).toBe(true);
    const grid = port.readSheet(STATE)!;
    expect(grid.values.map((r) => r.slice(0, 2))).toEqual([['Mã đơn vị', 'Liên kết'], ['MNA', 'mna.xlsx'], [null, null], ['MNB', 'mnb.xlsx']]);
    const back = readDistrict(port, { lang: 'vi' }).stored;
    expect([...back.keys()]).toEqual([storedKey('MNA', 'mna.xlsx'), storedKey('MNB', 'mnb.xlsx')]);
    expect(back.get(storedKey('MNA', 'mna.xlsx'))).toEqual(stored(a!));
    expect(back.get(storedKey('mnb', ' mnb.xlsx '))).toEqual(stored(b!, 'v7'));
    expect(reusable(back.get(storedKey('MNA', 'mna.xlsx')), { stamp: '1719727200000:52431', asOf: AS_OF, period: 'Q2' })).toBe(true);
    expect(reusable(back.get(storedKey('MNA', 'mna.xlsx')), { stamp: '1719727299999:52431', asOf: AS_OF, period: 'Q2' })).toBe(false);
    expect(reusable(back.get(storedKey('MNA', 'mna.xlsx')), { stamp: '1719727200000:52431', asOf: '2024-09-30', period: 'Q3' })).toBe(false);
  });

  it('one school’s read is one writeBlock on its row, so a cut-off refresh keeps what it read', () => {
    const port = districtBook();
    const [a, b] = fourSchools();
    port.resetCalls();
    storeRead(port, stored(b!), storedRow(1));
    expect(port.calls).toEqual({ writeBlock: 1 });
    storeRead(port, stored(a!), storedRow(0));
    const back = readDistrict(port, { lang: 'vi' }).stored;
    expect(back.size).toBe(2);
    expect(port.readSheet(STATE)!.values.map((r) => r[0])).toEqual(['Mã đơn vị', 'MNA', 'MNB']);
  });

  it('without a row, finds the school’s own row (or the next free one); makes the hidden sheet in an older workbook', () => {
    const port = districtBook();
    port.sheets.delete(STATE);
    const [a, b] = fourSchools();
    expect(storeRead(port, stored(a!))).toBe(2);
    expect(port.isHidden(STATE)).toBe(true);
    expect(storeRead(port, stored(b!))).toBe(3);
    expect(storeRead(port, stored(a!, 'again'))).toBe(2);
    expect(readDistrict(port, { lang: 'vi' }).stored.get(storedKey('MNA', 'mna.xlsx'))?.stamp).toBe('again');
  });

  it('a damaged or edited cell means the school is read again; a read too big for a cell is not kept', () => {
    const port = districtBook();
    const [a, b] = fourSchools();
    writeStoredReads(port, [stored(a!), stored(b!)]);
    const text = String(port.cell(STATE, 2, 3));
    port.writeBlock(STATE, 2, 3, [[text.slice(0, text.length - 10)]]);
    port.writeBlock(STATE, 3, 1, [['MNX']]);
    expect(readDistrict(port, { lang: 'vi' }).stored.size).toBe(0);

    const huge = stored({ ...a!, message: 'x'.repeat(MAX_STORED_CHARS) });
    writeStoredReads(port, [huge]);
    expect(port.readSheet(STATE)!.values[1]).toEqual(['MNA', 'mna.xlsx', null]);
    expect(readDistrict(port, { lang: 'vi' }).stored.size).toBe(0);
  });

  it('two rows for one school (the list was reordered): the later read stands', () => {
    const port = districtBook();
    const [a] = fourSchools();
    const older = stored({ ...a!, readAt: '2024-06-29T08:00:00+07:00' }, 'old');
    writeStoredReads(port, [stored(a!, 'new'), older]);
    expect(readDistrict(port, { lang: 'vi' }).stored.get(storedKey('MNA', 'mna.xlsx'))?.stamp).toBe('new');
  });
});

describe('cellDateTime', () => {
  it('shows a timestamp with any offset in Asia/Ho_Chi_Minh, day first', () => {
    expect(cellDateTime('2024-06-30T09:15:00+07:00')).toBe('30/06/2024 09:15');
    expect(cellDateTime('2024-06-29T17:30:00.000Z')).toBe('30/06/2024 00:30');
    expect(cellDateTime('2024-12-31T23:59:00-05:00')).toBe('01/01/2025 11:59');
    expect(cellDateTime(null)).toBe('');
    expect(cellDateTime('hôm qua')).toBe('hôm qua');
  });
});
