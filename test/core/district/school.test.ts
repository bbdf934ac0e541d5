// One school as the district reads it: the same figures as the school's own progress at the same
// as-of date, to the digit; every read status, with its reason; duplicates settled in list order.

import { describe, expect, it } from 'vitest';
import { aggregateDistrict, isCounted } from '../../../src/core/district/index.ts';
import { readSchool } from '../../../src/core/read/school.ts';
import { computeProgress } from '../../../src/core/progress/compute.ts';
import { validateSchool } from '../../../src/core/validate.ts';
import { reportingFrame } from '../../../src/core/frame.ts';
import { readSchoolForDistrict } from '../../../src/core/district/school.ts';
import type { WorkbookPort } from '../../../src/core/ports.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { AS_OF, READ_AT, opened, readOne, sampleSchool, setSetting, setTaskCell } from './fixtures.ts';

const REF = { code: 'MNBT', name: 'Trường Mầm non Bến Thành', source: 'truong/mnbt.xlsx' };

describe('a school read for the district', () => {
  it.each([
    ['2024-06-30', 'Q2'],
    ['2024-03-31', 'Q1'],
    ['2024-09-15', 'Q3'],
  ] as const)('has the figures of computeProgress on the same workbook as of %s (%s), to the digit', (asOf, period) => {
    const port = sampleSchool();
    const frame = reportingFrame(AS_OF, 2024, { asOf, period });
    const { result, titles } = readSchoolForDistrict(REF, opened(port), { frame, lang: 'vi', readAt: READ_AT });
    const own = computeProgress(readSchool(port, { lang: 'vi', today: AS_OF, asOf, period }));
    const { rows: _rows, ...ownTasks } = own.tasks;
    expect(result.status).toBe('ok');
    expect(result.tasks).toEqual(ownTasks);
    expect(result.kpis).toEqual(own.kpis);
    expect(result.kpiCounts).toEqual(own.kpiCounts);
    expect(result.initiatives).toEqual(own.initiatives);
    expect(result.templateVersion).toBe(1);
    expect(result.year).toBe(2024);
    expect(result.ownCode).toBe('MNBT');
    expect(titles.CT01).toBe('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong từng lĩnh vực');
  });

  it('keeps the figures the sample shows on 30/06/2024 (34 tasks, 19 done, 16 targets: 11 met)', () => {
    const { result } = readOne(REF, opened(sampleSchool()));
    expect([result.tasks?.total, result.tasks?.done, result.tasks?.doneOnTime, result.tasks?.doneLate, result.tasks?.overdue, result.tasks?.cancelled]).toEqual([34, 19, 16, 3, 2, 1]);
    expect(result.kpiCounts).toEqual({ met: 11, near: 3, notMet: 0, notApplicable: 2, noData: 0 });
    expect([result.initiatives?.total, result.initiatives?.eligible]).toEqual([2, 1]);
    expect(result.changedAt).toBe('2024-06-29T10:00:00Z');
    expect(result.readAt).toBe(READ_AT);
  });

  it('takes the list’s code and name, else the school’s own', () => {
    const port = sampleSchool();
    expect(readOne({ code: 'BT1', name: 'Bến Thành (danh sách)', source: 'x' }, opened(port)).result).toMatchObject({ code: 'BT1', name: 'Bến Thành (danh sách)', ownCode: 'MNBT' });
    expect(readOne({ code: '', name: '', source: 'x' }, opened(port)).result).toMatchObject({ code: 'MNBT', name: 'Trường Mầm non Bến Thành' });
  });
});

describe('every read status', () => {
  it('noAccess and notFound: the shell’s answer, with what to do', () => {
    const a = readSchoolForDistrict(REF, { kind: 'failed', status: 'noAccess' }, { frame: reportingFrame(AS_OF, 2024, {}), lang: 'vi', readAt: READ_AT, account: 'phong@tanhung.gov.vn' });
    expect(a.result).toMatchObject({ status: 'noAccess', templateVersion: null, errors: 0 });
    expect(a.result.message).toBe('Chưa chia sẻ với phong@tanhung.gov.vn, hoặc chưa chọn tệp trong hộp chọn tệp.');
    expect(a.result.tasks).toBeUndefined();
    const n = readOne(REF, { kind: 'failed', status: 'notFound' });
    expect(n.result.message).toBe('Không tìm thấy "truong/mnbt.xlsx": kiểm tra liên kết trong Danh sách đơn vị.');
  });

  it('unreadable: not a workbook, a damaged part, an empty spreadsheet', () => {
    const notZip = readOne(REF, { kind: 'failed', status: 'unreadable', detail: 'not a zip file' });
    expect(notZip.result.status).toBe('unreadable');
    expect(notZip.result.message).toContain('not a zip file');
    const broken: WorkbookPort = Object.assign(Object.create(sampleSchool()) as WorkbookPort, {
      readSheet: () => {
        throw new Error('sheet3.xml: unexpected end');
      },
    });
    const damaged = readOne(REF, opened(broken as MemoryWorkbook));
    expect(damaged.result.status).toBe('unreadable');
    expect(damaged.result.message).toContain('sheet3.xml: unexpected end');
    const empty = readOne(REF, opened(new MemoryWorkbook()));
    expect(empty.result).toMatchObject({ status: 'unreadable', message: 'Bảng tính trống: đơn vị chưa cài mẫu.' });
  });

  it('wrongTemplate: another workbook, a template sheet missing, a newer template version', () => {
    const other = readOne(REF, opened(new MemoryWorkbook({ 'Sổ điểm': [['Họ tên', 'Điểm'], ['An', 9]] })));
    expect(other.result.status).toBe('wrongTemplate');
    expect(other.result.message).toMatch(/^Không đúng mẫu: /);

    const noPlan = sampleSchool();
    noPlan.sheets.delete('Kế hoạch');
    const missing = readOne(REF, opened(noPlan));
    expect(missing.result.status).toBe('wrongTemplate');
    expect(missing.result.message).toContain('Kế hoạch');

    const newer = sampleSchool();
    setSetting(newer, 'Phiên bản mẫu', 2);
    const r = readOne(REF, opened(newer)).result;
    expect(r).toMatchObject({ status: 'wrongTemplate', templateVersion: 2 });
    expect(r.message).toBe('Mẫu phiên bản 2 mới hơn phiên bản 1 của đơn vị tổng hợp: cập nhật tiện ích.');
    expect(r.tasks).toBeUndefined();
  });

  it('otherYear: a plan of another year, or no Năm, is read but not counted', () => {
    const r2023 = readOne(REF, opened(sampleSchool({ year: 2023 }))).result;
    expect(r2023).toMatchObject({ status: 'otherYear', year: 2023, message: 'Kế hoạch năm 2023, không phải năm 2024: không tính.' });
    expect(r2023.tasks).toBeDefined();
    expect(isCounted(r2023.status)).toBe(false);
    const none = readOne(REF, opened(sampleSchool({ year: null }))).result;
    expect(none).toMatchObject({ status: 'otherYear', year: null, message: 'Chưa ghi Năm trong Thông tin: không tính vào năm 2024.' });
  });

  it('dataErrors: counted, with validate’s error count and the rows left out', () => {
    const port = sampleSchool();
    // Two tasks made wrong: a deadline that does not exist, and a missing lead.
    setTaskCell(port, 2, 'due', '31/02/2024');
    setTaskCell(port, 3, 'owner', null);
    const expected = validateSchool(readSchool(port, { lang: 'vi', today: AS_OF, asOf: AS_OF })).counts.error;
    const r = readOne(REF, opened(port)).result;
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(r).toMatchObject({ status: 'dataErrors', errors: expected, message: `Có ${expected} lỗi dữ liệu: các dòng lỗi không được tính.` });
    expect(isCounted(r.status)).toBe(true);
    expect(r.tasks?.total).toBe(32);
  });

  it('duplicate: a second file with a code already read, in list order, is not counted', () => {
    const first = readOne({ code: 'MNBT', name: 'Bến Thành', source: 'a/mnbt.xlsx' }, opened(sampleSchool())).result;
    const notRead = readOne({ code: 'MNHB', name: 'Hoa Bé', source: 'hb.xlsx' }, { kind: 'failed', status: 'notFound' }).result;
    // Listed under another code, but the file says MNBT: the same school twice.
    const copy = readOne({ code: 'MNBT2', name: 'Bến Thành (bản sao)', source: 'b/mnbt-copy.xlsx' }, opened(sampleSchool())).result;
    const third = readOne({ code: 'MNBT3', name: 'Bến Thành (bản sao 2)', source: 'c.xlsx' }, opened(sampleSchool())).result;
    const agg = aggregateDistrict({ asOf: AS_OF, period: 'Q2', unit: { code: 'TANHUNG', name: 'UBND' }, results: [first, notRead, copy, third], lang: 'vi', stats: { filesRead: 4, ms: 0 } });
    expect(agg.schools.map((s) => s.status)).toEqual(['ok', 'notFound', 'duplicate', 'duplicate']);
    expect(agg.schools[2]!.message).toBe('Trùng mã MNBT với a/mnbt.xlsx: không tính lần hai.');
    expect(agg.totals).toMatchObject({ schools: 4, read: 1, failed: 3 });
    expect(agg.totals.tasks.total).toBe(34);
  });
});

describe('the aggregate', () => {
  it('sums the counted schools only, area by area, and counts each target across them', () => {
    const a = sampleSchool();
    const b = sampleSchool({ code: 'MNHB', name: 'Trường Mầm non Hoa Bé' });
    setTaskCell(b, 2, 'title', null);
    for (const key of ['area', 'owner', 'due', 'status', 'start', 'output', 'support', 'percent', 'doneDate', 'evidence', 'note', 'stt']) setTaskCell(b, 2, key, null);
    const old = sampleSchool({ code: 'MNCU', year: 2023 });
    const results = [
      readOne({ code: 'MNBT', name: 'A', source: 'a' }, opened(a)).result,
      readOne({ code: 'MNHB', name: 'B', source: 'b' }, opened(b)).result,
      readOne({ code: 'MNCU', name: 'C', source: 'c' }, opened(old)).result,
    ];
    const agg = aggregateDistrict({ asOf: AS_OF, period: 'Q2', unit: { code: 'TANHUNG', name: 'UBND' }, results, lang: 'vi', stats: { filesRead: 3, ms: 0 } });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'otherYear']);
    expect(results[1]!.tasks!.total).toBe(33);
    expect(agg.totals.tasks.total).toBe(34 + 33);
    expect(agg.totals.tasks.byArea.LV1.total).toBe(results[0]!.tasks!.byArea.LV1.total + results[1]!.tasks!.byArea.LV1.total);
    expect(agg.totals.kpiCounts).toEqual({ met: 22, near: 6, notMet: 0, notApplicable: 4, noData: 0 });
    expect(agg.kpis.CT01).toEqual({ met: 2, near: 0, notMet: 0, notApplicable: 0, noData: 0 });
  });
});
