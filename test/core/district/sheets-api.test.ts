// The Sheets API read of a school: its link, its URL and mask, its answer as a WorkbookPort that
// the school reader reads exactly as it reads the same sheet through SpreadsheetApp.
import { describe, expect, it } from 'vitest';
import { readSchoolForDistrict } from '../../../src/core/district/school.ts';
import {
  parseDriveList, schoolAnswer, schoolReadUrl, serialDate, sheetsWorkbook, spreadsheetIdOf, SCHOOL_FIELDS, vietnamTime,
} from '../../../src/core/district/sheets-api.ts';
import { reportingFrame } from '../../../src/core/frame.ts';
import { computeProgress } from '../../../src/core/progress/index.ts';
import { readSchool } from '../../../src/core/read/school.ts';
import { applyFieldMask, parseFieldMask, spreadsheetResource } from '../../gas-runtime/index.ts';
import { buildDistrict, portOf } from '../../helpers/district.ts';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';

describe('a school link', () => {
  it.each([
    [ID, ID],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`, ID],
    [`https://docs.google.com/spreadsheets/d/${ID}`, ID],
    [`docs.google.com/spreadsheets/u/1/d/${ID}/edit?usp=sharing`, ID],
    [`https://drive.google.com/open?id=${ID}`, ID],
    [`https://drive.google.com/file/d/${ID}/view`, ID],
    [`  ${ID}  `, ID],
  ])('%s → the ID', (link, id) => {
    expect(spreadsheetIdOf(link)).toBe(id);
  });
  it.each(['', 'truong-mn-ben-thanh.xlsx', '/home/pgd/truong.xlsx', 'https://example.com/spreadsheets/d/' + ID, 'https://docs.google.com/spreadsheets/d/short/edit', 'abc def', `https://docs.google.com/document/d/${ID}x/`])(
    '%s → no ID (notFound without a request)',
    (link) => {
      expect(spreadsheetIdOf(link)).toBeNull();
    },
  );
});

describe('the request', () => {
  it('is one spreadsheets.get with grid data and a mask of titles, values and number formats', () => {
    const url = schoolReadUrl(ID);
    expect(url.startsWith(`https://sheets.googleapis.com/v4/spreadsheets/${ID}?includeGridData=true&fields=`)).toBe(true);
    expect(decodeURIComponent(url.split('fields=')[1]!)).toBe(SCHOOL_FIELDS);
    expect(() => parseFieldMask(SCHOOL_FIELDS)).not.toThrow();
  });
});

describe('answers', () => {
  const err = (code: number, status: string, message: string, reason?: string) =>
    JSON.stringify({ error: { code, status, message, ...(reason ? { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason }] } : {}) } });
  it('403 PERMISSION_DENIED is noAccess, 404 notFound, 429 and 5xx are retried, 400 unreadable', () => {
    expect(schoolAnswer(403, err(403, 'PERMISSION_DENIED', 'The caller does not have permission'))).toMatchObject({ kind: 'failed', status: 'noAccess' });
    expect(schoolAnswer(404, err(404, 'NOT_FOUND', 'Requested entity was not found.'))).toMatchObject({ kind: 'failed', status: 'notFound' });
    expect(schoolAnswer(429, err(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'))).toMatchObject({ kind: 'retry', quota: true });
    expect(schoolAnswer(403, err(403, 'PERMISSION_DENIED', 'Rate', 'RATE_LIMIT_EXCEEDED'))).toMatchObject({ kind: 'retry', quota: true });
    expect(schoolAnswer(503, err(503, 'UNAVAILABLE', 'The service is currently unavailable.'))).toMatchObject({ kind: 'retry', quota: false });
    expect(schoolAnswer(400, err(400, 'FAILED_PRECONDITION', 'This operation is not supported for this document'))).toMatchObject({ kind: 'failed', status: 'unreadable' });
    expect(schoolAnswer(200, 'not json')).toMatchObject({ kind: 'failed', status: 'unreadable' });
  });
});

describe('cells from the API', () => {
  it('dates come from serials under a DATE/DATE_TIME/TIME format; numbers, text, booleans, errors, percent formats', () => {
    const port = sheetsWorkbook({
      sheets: [{
        properties: { title: 'Ke\u0302\u0301 hoạch' },
        data: [{ rowData: [
          { values: [
            { effectiveValue: { numberValue: 45473 }, effectiveFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
            { effectiveValue: { numberValue: 45473.75 }, effectiveFormat: { numberFormat: { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' } } },
            { effectiveValue: { numberValue: 0.5 }, effectiveFormat: { numberFormat: { type: 'PERCENT', pattern: '0%' } } },
            { effectiveValue: { numberValue: 0.25 }, effectiveFormat: { numberFormat: { type: 'PERCENT' } } },
            { effectiveValue: { stringValue: '0903123456' } },
            { effectiveValue: { boolValue: true } },
            { effectiveValue: { errorValue: { type: 'N_A', message: 'x' } } },
            {},
          ] },
          {},
          { values: [{ effectiveFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } }] },
        ] }],
      }],
    });
    expect(port.sheetNames()).toEqual(['Kế hoạch']);
    const grid = port.readSheet('Kế hoạch')!;
    expect(grid.values).toEqual([[{ date: '2024-06-30' }, { date: '2024-06-30' }, 0.5, 0.25, '0903123456', true, '#N/A']]);
    expect(grid.formats).toEqual([['dd/mm/yyyy', 'dd/mm/yyyy hh:mm', '0%', '0%', '', '', '']]);
    expect(serialDate(0)).toBe('1899-12-30');
    expect(serialDate(60)).toBe('1900-02-28');
    expect(() => port.writeBlock('Kế hoạch', 1, 1, [[1]])).toThrow(/read-only/);
  });
});

describe('the same school through SpreadsheetApp and through the Sheets API', () => {
  it('gives the same grids and the same figures', { timeout: 60_000 }, () => {
    const d = buildDistrict({ schools: 3, load: false });
    const frame = reportingFrame('2024-06-30', 2024, { asOf: '2024-06-30' });
    const opts = { frame, lang: 'vi' as const, readAt: '2024-06-30T09:00:00+07:00' };
    for (const ss of d.schools.values()) {
      const viaApp = portOf(d.rt, ss);
      // Odd cells: a formula's error, a date-time, a percent, a boolean, an apostrophe number.
      d.rt.core.uncounted(() => {
        const sheet = ss.getSheetByName('Ghi chép') ?? ss.insertSheet('Ghi chép');
        sheet.__setFormula('A1', '=VLOOKUP(1,B:C,2,0)', '#N/A');
        sheet.getRange('B1').setValue(new Date('2024-05-02T15:30:00+07:00'));
        sheet.getRange('B1').setNumberFormat('dd/mm/yyyy hh:mm');
        sheet.getRange('C1').setValues([["'0903123456"]]);
        sheet.getRange('D1').setValue(true);
        sheet.getRange('E1').setValue('12,5%');
      });
      const text = JSON.stringify(applyFieldMask(d.rt.core.uncounted(() => spreadsheetResource(ss, true)), parseFieldMask(SCHOOL_FIELDS)));
      const answer = schoolAnswer(200, text);
      if (answer.kind !== 'workbook') throw new Error('not a workbook');
      const viaApi = answer.port;
      const names = d.rt.core.uncounted(() => viaApp.sheetNames());
      expect(viaApi.sheetNames()).toEqual(names);
      for (const name of names) {
        const a = d.rt.core.uncounted(() => viaApp.readSheet(name))!;
        const b = viaApi.readSheet(name)!;
        expect(b.values).toEqual(a.values);
        // Formats agree where the reader looks: percent or not.
        expect(b.formats.map((r) => r.map((f) => f.includes('%')))).toEqual(a.formats.map((r) => r.map((f) => f.includes('%'))));
      }
      const ref = { code: '', name: '', source: ss.getId() };
      const one = readSchoolForDistrict(ref, { kind: 'workbook', port: viaApp, changedAt: null }, opts);
      const two = readSchoolForDistrict(ref, { kind: 'workbook', port: viaApi, changedAt: null }, opts);
      expect(two).toEqual(d.rt.core.uncounted(() => one));
      // And both are the school's own figures.
      const own = computeProgress(readSchool(viaApi, { lang: 'vi', today: '2024-06-30', asOf: '2024-06-30', period: 'Q2' }));
      const { rows: _rows, ...tasks } = own.tasks;
      expect(two.result.tasks).toEqual(tasks);
      expect(two.result.kpiCounts).toEqual(own.kpiCounts);
    }
  });
});

describe('Drive files.list', () => {
  it('gives each chosen file a stamp (modifiedTime#version) and its change time in +07:00', () => {
    const page = parseDriveList(JSON.stringify({ nextPageToken: 'abc', files: [{ id: ID, modifiedTime: '2024-06-30T02:15:00.000Z', version: '17' }, { id: 'x' }] }))!;
    expect(page.nextPageToken).toBe('abc');
    expect([...page.files]).toEqual([[ID, { stamp: '2024-06-30T02:15:00.000Z#17', changedAt: '2024-06-30T09:15:00+07:00' }]]);
    expect(parseDriveList('{"error":{}}')).toBeNull();
    expect(vietnamTime('nope')).toBeNull();
  });
});
