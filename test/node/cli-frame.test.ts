// The reporting frame from the command line: dates typed as people type them, a past quarter
// reported later, unit codes a document number can carry, and the log's times.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyTo, lines, run, sampleFolder, sheet } from './cli-helpers.ts';

const files = sampleFolder();

describe('--as-of', () => {
  it('takes 30/06/2024 as well as 2024-06-30, with the same figures', async () => {
    const dayFirst = await run(['progress', files.sample, '--json', '--as-of', '30/06/2024']);
    const iso = await run(['progress', files.sample, '--json', '--as-of', '2024-06-30']);
    expect(dayFirst.code, dayFirst.err).toBe(0);
    expect(JSON.parse(dayFirst.out)).toEqual(JSON.parse(iso.out));
    expect(JSON.parse(dayFirst.out).asOf).toBe('2024-06-30');
  });

  it('a Q1 report in July: every task finished since counts as open on 31/03, with no error', async () => {
    const env = { CCHC_TODAY: '2024-07-20' };
    const v = await run(['validate', files.sample, '--json', '--as-of', '31/03/2024'], env);
    expect(v.code, v.out).toBe(0);
    expect(JSON.parse(v.out).counts.error).toBe(0);
    const p = JSON.parse((await run(['progress', files.sample, '--json', '--period', 'Q1'], env)).out);
    expect(p.asOf).toBe('2024-03-31');
    // 34 tasks in the sample, all counted; 8 done by 31/03 (see test/core/past-quarter.test.ts).
    expect([p.tasks.total, p.tasks.done]).toEqual([34, 8]);
    for (const area of ['LV1', 'LV2', 'LV3', 'LV4', 'LV5', 'LV6', 'LV7', 'LV8']) expect(p.tasks.byArea[area].total, area).toBeGreaterThan(0);
  });
});

describe('Mã đơn vị', () => {
  it.each([['mn bt'], ['mnbt'], ['MN BT'], ['MNBT!']])('init --code %j is refused with one line, nothing written', async (code) => {
    const file = path.join(files.dir, `code-${code.replace(/\W/g, '_')}.xlsx`);
    const r = await run(['init', file, '--code', code]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('chữ in hoa, chữ số và dấu gạch nối');
    expect((await import('node:fs')).existsSync(file)).toBe(false);
  });

  it('a lower-case code typed in Thông tin is an error at its cell', async () => {
    const file = copyTo(files.dir, files.sample);
    const { editXlsx } = await import('./cli-helpers.ts');
    await editXlsx(file, file, (wb) => {
      const ws = wb.getWorksheet('Thông tin')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'Mã đơn vị') row.getCell(2).value = 'mn bt';
      });
    });
    const r = await run(['validate', file, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const issue = JSON.parse(r.out).issues.find((i: { code: string }) => i.code === 'UNIT_CODE_INVALID');
    expect(issue).toMatchObject({ sheet: 'Thông tin', severity: 'error', column: 'Giá trị' });
    expect(issue.message).toContain('mn bt');
  });
});

describe('Nhật ký', () => {
  it('writes times day first, to the minute', async () => {
    const file = copyTo(files.dir, files.sample);
    await run(['progress', file, '--write'], { CCHC_TODAY: '2024-06-30' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const log = sheet(wb, 'Nhật ký');
    expect(String(log.getRow(log.actualRowCount).getCell(1).value)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});
