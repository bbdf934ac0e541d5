// The district's operations as every shell calls them: the frame, loading the district workbook,
// writing after a refresh (with its Nhật ký row), and the report with its number taken only once
// the document exists. A whole refresh over sample schools ends the file.

import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/core/app/context.ts';
import { districtFrame, districtReportName, loadDistrict, makeDistrictReport, writeDistrict } from '../../../src/core/app/district.ts';
import { TemplateProblem } from '../../../src/core/app/operations.ts';
import { aggregateDistrict, readSchoolForDistrict, type SchoolResult, type StoredRead } from '../../../src/core/district/index.ts';
import { readDistrict, storeRead, storedRow, unitsToRead } from '../../../src/core/district/sheets.ts';
import { reusable, reusedResult, storedKey } from '../../../src/core/district/state.ts';
import type { DocModel } from '../../../src/core/report/doc-model.ts';
import type { WorkbookPort } from '../../../src/core/ports.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { AS_OF, districtBook, failed, kpi, readResult, sampleSchool, setSetting, tasks } from './fixtures.ts';

const clock = { today: () => '2024-07-05', now: () => '2024-07-05T09:00:00+07:00' };

function context(workbook: WorkbookPort, documents: AppContext['documents'] = { createDocument: (_m, { name }) => ({ id: name, url: `https://docs.google.com/document/d/${name}/edit`, name }) }): AppContext {
  return {
    workbook, clock, documents,
    prefs: { getLang: () => 'vi', setLang: () => undefined },
    user: () => 'canbo@tanhung.gov.vn',
    selectCell: () => undefined,
    withLock: (fn) => ({ ran: true, value: fn() }),
  };
}

const results = (): SchoolResult[] => [
  readResult('MNA', 'Trường Mầm non A', tasks({ total: 10, done: 6, doneOnTime: 6, onTrack: 4 }), [kpi('CT01', 'met')]),
  readResult('MNB', 'Trường Mầm non B', tasks({ total: 2, done: 1, doneOnTime: 1, overdue: 1 }), [kpi('CT01', 'near')]),
  failed('MNC', 'Trường Mầm non C', 'notFound', 'Không tìm thấy "mnc.xlsx": kiểm tra liên kết trong Danh sách đơn vị.'),
];
const aggregate = (r = results()) =>
  aggregateDistrict({ asOf: '2024-06-30', period: 'Q2', unit: { code: 'TANHUNG', name: 'UBND phường Tân Hưng' }, results: r, lang: 'vi', stats: { filesRead: r.length, ms: 1 } });

describe('districtFrame', () => {
  it('takes the district’s Năm for its year', () => {
    expect(districtFrame(context(districtBook([], 2024)))).toEqual({ today: '2024-07-05', asOf: '2024-07-05', period: 'Q3', year: 2024 });
    // A 2023 district read in July 2024: its figures stop at the end of its year.
    expect(districtFrame(context(districtBook([], 2023)))).toEqual({ today: '2024-07-05', asOf: '2023-12-31', period: 'Q4', year: 2023 });
    expect(districtFrame(context(districtBook([], 2024)), { asOf: '2024-06-30' })).toMatchObject({ asOf: '2024-06-30', period: 'Q2', year: 2024 });
  });

  it('without a district workbook (or its Năm), the as-of date’s year', () => {
    expect(districtFrame({ clock })).toEqual({ today: '2024-07-05', asOf: '2024-07-05', period: 'Q3', year: 2024 });
    expect(districtFrame({ clock, workbook: null }, { asOf: '2023-05-02' })).toEqual({ today: '2024-07-05', asOf: '2023-05-02', period: 'Q2', year: 2023 });
    const noYear = districtBook();
    setSetting(noYear, 'Năm', null);
    expect(districtFrame(context(noYear), { asOf: '2025-01-15' })).toMatchObject({ year: 2025, period: 'Q1' });
  });
});

describe('loadDistrict', () => {
  it('reads the district once and settles its frame', () => {
    const port = districtBook([{ code: 'MNA', name: 'A', source: 'a.xlsx' }]);
    port.resetCalls();
    const { district, frame } = loadDistrict(context(port), { lang: 'vi', asOf: '2024-06-30' });
    expect(port.calls).toEqual({ readSheet: 3 });
    expect(district.units.map((u) => u.code)).toEqual(['MNA']);
    expect(frame).toEqual({ today: '2024-07-05', asOf: '2024-06-30', period: 'Q2', year: 2024 });
  });

  it('refuses a school’s workbook, and a newer district template', () => {
    const school = sampleSchool();
    expect(() => loadDistrict(context(school), { lang: 'vi' })).toThrow(TemplateProblem);
    expect(() => loadDistrict(context(school), { lang: 'vi' })).toThrow('Bảng tính này chưa có mẫu tổng hợp của đơn vị cấp trên (sheet “Danh sách đơn vị”): chạy Cài đặt mẫu tổng hợp (cchc init --district).');
    const newer = districtBook();
    setSetting(newer, 'Phiên bản mẫu', 3);
    try {
      loadDistrict(context(newer), { lang: 'en' });
      expect.unreachable();
    } catch (e) {
      expect((e as TemplateProblem).code).toBe('WRONG_TEMPLATE');
    }
  });
});

describe('writeDistrict', () => {
  it('writes the ⚙ sheets, the stored reads and one Nhật ký row', () => {
    const port = districtBook();
    const agg = aggregate();
    const stored: (StoredRead | null)[] = agg.schools.map((r) => (r.status === 'notFound' ? null : { source: r.source, code: r.code, stamp: 's', asOf: agg.asOf, period: agg.period, result: r, titles: {} }));
    writeDistrict(context(port), agg, { CT01: 'Tỷ lệ hồ sơ đúng hạn' }, stored, 'vi');
    expect(port.readSheet('Tổng hợp đơn vị')!.values.map((r) => r[0])).toEqual(['Mã đơn vị', 'MNA', 'MNB', 'MNC']);
    expect(port.readSheet('Chỉ tiêu toàn đơn vị')!.values[1]).toEqual(['CT01', 'Tỷ lệ hồ sơ đúng hạn', 1, 'Đạt', 0.8, 'Gần đạt', 1]);
    expect(readDistrict(port, { lang: 'vi' }).stored.size).toBe(2);
    expect(port.readSheet('Nhật ký')!.values.at(-1)).toEqual([
      '05/07/2024 09:00', 'canbo@tanhung.gov.vn', 'Cập nhật số liệu các đơn vị', 'Đã tổng hợp 2/3 đơn vị; 1 đơn vị chưa tính được (xem Tổng hợp đơn vị).',
    ]);
  });

  it('leaves the stored reads alone when given none (each school’s row was written as it was read)', () => {
    const port = districtBook();
    const [a] = results();
    storeRead(port, { source: a!.source, code: a!.code, stamp: 'x', asOf: AS_OF, period: 'Q2', result: a!, titles: {} }, storedRow(0));
    writeDistrict(context(port), aggregate(), {}, null, 'en');
    expect(readDistrict(port, { lang: 'vi' }).stored.size).toBe(1);
    expect(port.readSheet('Nhật ký')!.values.at(-1)!.slice(2)).toEqual(['Refresh the units\' figures', '2/3 units counted; 1 could not be counted (see Tổng hợp đơn vị).']);
  });
});

describe('makeDistrictReport', () => {
  it('numbers BC documents in the district’s Thông tin, names the file, logs the document', () => {
    const port = districtBook();
    const models: DocModel[] = [];
    const ctx = context(port, { createDocument: (m, { name }) => (models.push(m), { id: name, url: `https://docs.google.com/document/d/${name}/edit`, name }) });
    const first = makeDistrictReport(ctx, aggregate(), { lang: 'vi', titles: {} });
    expect('then' in first).toBe(false);
    expect(first).toMatchObject({ number: '01/BC-TANHUNG', document: { name: 'BC-CCHC-TONGHOP-6-thang-2024-TANHUNG-so01-2024' } });
    const second = makeDistrictReport(ctx, aggregate(), { lang: 'vi', titles: {}, date: '2024-07-10' }) as { number: string };
    expect(second.number).toBe('02/BC-TANHUNG');
    expect(models.map((m) => m.meta.date)).toEqual(['2024-07-05', '2024-07-10']);
    const settings = new Map(port.readSheet('Thông tin')!.values.map((r) => [r[0], r[1]]));
    expect(settings.get('Số văn bản tiếp theo BC/2024')).toBe(3);
    expect(port.readSheet('Nhật ký')!.values.at(-1)).toEqual(['05/07/2024 09:00', 'canbo@tanhung.gov.vn', 'Tạo báo cáo số 02/BC-TANHUNG', 'https://docs.google.com/document/d/BC-CCHC-TONGHOP-6-thang-2024-TANHUNG-so02-2024/edit']);
  });

  it('burns no number when the document cannot be made; regenerates in place with a number given', async () => {
    const port = districtBook();
    const failing = context(port, { createDocument: () => { throw new Error('Service Docs failed'); } });
    const logRows = port.readSheet('Nhật ký')!.values.length;
    expect(() => makeDistrictReport(failing, aggregate(), { lang: 'vi', titles: {} })).toThrow('Service Docs failed');
    expect(port.readSheet('Nhật ký')!.values.length).toBe(logRows);
    // Node's docx port answers with a Promise.
    const later = context(port, { createDocument: async (_m, { name }) => ({ id: name, url: `file:///${name}.docx`, name }) });
    expect(await makeDistrictReport(later, aggregate(), { lang: 'vi', titles: {} })).toMatchObject({ number: '01/BC-TANHUNG' });
    expect(await makeDistrictReport(later, aggregate(), { lang: 'vi', titles: {}, number: 7 })).toMatchObject({ number: '07/BC-TANHUNG' });
    expect(await makeDistrictReport(later, aggregate(), { lang: 'vi', titles: {} })).toMatchObject({ number: '08/BC-TANHUNG' });
  });

  it('names its file in ASCII', () => {
    expect(districtReportName('ĐÔNG-HÒA', 'Q4', 2024, 12, 2025)).toBe('BC-CCHC-TONGHOP-Nam-2024-DONGHOA-so12-2025');
  });
});

describe('a refresh over sample schools, as a shell runs it', () => {
  it('reads each listed school at the district’s frame, keeps each read as it goes, reuses an unchanged file the next time', () => {
    const files: Record<string, MemoryWorkbook> = {
      'truong/mnbt.xlsx': sampleSchool(),
      'truong/mnhb.xlsx': sampleSchool({ code: 'MNHB', name: 'Trường Mầm non Hoa Bé' }),
    };
    const stamps: Record<string, string> = { 'truong/mnbt.xlsx': '1:100', 'truong/mnhb.xlsx': '2:200' };
    const port = districtBook([
      { code: 'MNBT', name: 'Trường Mầm non Bến Thành', source: 'truong/mnbt.xlsx' },
      { code: 'MNHB', name: 'Trường Mầm non Hoa Bé', source: 'truong/mnhb.xlsx' },
      { code: 'MNXX', name: 'Trường Mầm non XX', source: 'truong/khong-co.xlsx' },
      { code: 'MNYY', name: 'Không có liên kết' },
    ]);
    const ctx = context(port);
    const refresh = () => {
      const { district, frame } = loadDistrict(ctx, { lang: 'vi', asOf: AS_OF });
      const titles: Record<string, string> = {};
      let filesRead = 0;
      const out = unitsToRead(district.units).map((u, i) => {
        const stamp = stamps[u.source] ?? null;
        const kept = district.stored.get(storedKey(u.code, u.source));
        if (reusable(kept, { stamp, asOf: frame.asOf, period: frame.period })) {
          Object.assign(titles, kept.titles);
          return reusedResult(kept);
        }
        const file = files[u.source];
        filesRead++;
        const read = readSchoolForDistrict(u, file ? { kind: 'workbook', port: file, changedAt: '2024-06-29T10:00:00Z' } : { kind: 'failed', status: 'notFound' }, { frame, lang: 'vi', readAt: clock.now() });
        for (const [k, v] of Object.entries(read.titles)) titles[k] ??= v;
        if (stamp !== null) storeRead(port, { source: u.source, code: u.code, stamp, asOf: frame.asOf, period: frame.period, result: read.result, titles: read.titles }, storedRow(i));
        return read.result;
      });
      const agg = aggregateDistrict({ asOf: frame.asOf, period: frame.period, unit: { code: district.settings.unitCode, name: district.settings.unitName }, results: out, lang: 'vi', stats: { filesRead, ms: 0 } });
      writeDistrict(ctx, agg, titles, null, 'vi');
      return agg;
    };
    const first = refresh();
    expect(first.schools.map((s) => [s.code, s.status, s.reused])).toEqual([['MNBT', 'ok', false], ['MNHB', 'ok', false], ['MNXX', 'notFound', false]]);
    expect(first.totals.tasks.total).toBe(68);
    expect(first.stats.filesRead).toBe(3);
    const summary = port.readSheet('Tổng hợp đơn vị')!.values;
    expect(summary.slice(1).map((r) => [r[0], r[2], r[7], r[8]])).toEqual([['MNBT', 'Đã đọc', 34, 19], ['MNHB', 'Đã đọc', 34, 19], ['MNXX', 'Không tìm thấy', null, null]]);

    stamps['truong/mnhb.xlsx'] = '3:210';
    const second = refresh();
    expect(second.schools.map((s) => [s.code, s.reused])).toEqual([['MNBT', true], ['MNHB', false], ['MNXX', false]]);
    expect(second.stats).toMatchObject({ filesRead: 2, reused: 1 });
    expect(second.totals).toEqual(first.totals);
    expect(port.readSheet('Chỉ tiêu toàn đơn vị')!.values[1]!.slice(0, 2)).toEqual(['CT01', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong từng lĩnh vực']);
  });
});
