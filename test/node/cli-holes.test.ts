// Smaller holes a user fell into (issue: no edit ever lost): a report from a workbook missing a
// whole column takes no number and writes no document.
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellUnder, editXlsx, lines, run, sampleFolder, sheet } from './cli-helpers.ts';

const files = sampleFolder();

describe('a report from a workbook missing a required column', () => {
  it('says which, takes no number, writes no document; once repaired the first number is 01', async () => {
    const sub = path.join(files.dir, 'thieu-cot');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const file = path.join(sub, 'truong.xlsx');
    await editXlsx(files.sample, file, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      const due = cellUnder(tasks, 'Hạn hoàn thành', 1);
      tasks.spliceColumns(tasks.getColumn(due.replace(/\d+/, '')).number, 1);
    });
    for (const lang of ['vi', 'en']) {
      const r = await run(['report', file, '--type', 'quarterly', '--lang', lang]);
      expect(r.code, r.err).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain('Hạn hoàn thành');
      expect(r.err).toMatch(lang === 'vi' ? /Không tạo văn bản, chưa lấy số/ : /No document made and no number taken/);
    }
    expect(readdirSync(sub).filter((f) => f.endsWith('.docx'))).toEqual([]);
    expect((await run(['init', file])).code).toBe(0);
    const ok = JSON.parse((await run(['report', file, '--type', 'quarterly', '--json'])).out);
    expect(ok.number).toBe('01/BC-MNBT');
  });
});

describe('sheet names written decomposed (NFD), as Calc may write them', () => {
  it('are the template\'s sheets: validate reads them, init adds no second sheet, progress writes into them', async () => {
    const file = path.join(files.dir, 'nfd.xlsx');
    await editXlsx(files.sample, file, (wb) => {
      for (const ws of wb.worksheets) ws.name = ws.name.normalize('NFD');
    });
    const v = await run(['validate', file, '--json']);
    expect(v.code, v.out).toBe(0);
    expect(JSON.parse(v.out).issues.map((i: { code: string }) => i.code)).not.toContain('WORKBOOK_NOT_TEMPLATE');
    expect((await run(['init', file])).out).toMatch(/không có gì mới/);
    expect((await run(['progress', file, '--write'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name.normalize('NFC')).filter((n) => n !== '_cchc_lists');
    expect(names.filter((n) => n === 'Kế hoạch')).toHaveLength(1);
    expect(names.filter((n) => n === 'Tổng hợp')).toHaveLength(1);
  });
});

describe('odd cells and paths', () => {
  it('a formula saved with no computed value is "not computed" at its cell, not empty', async () => {
    const file = path.join(files.dir, 'formula.xlsx');
    let at = '';
    await editXlsx(files.sample, file, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      at = cellUnder(tasks, 'Hạn hoàn thành', 3);
      tasks.getCell(at).value = { formula: 'DATE(2024,6,30)' } as never;
    });
    const r = await run(['validate', file, '--json', '--lang', 'en']);
    const issue = JSON.parse(r.out).issues.find((i: { cell: string }) => i.cell === at);
    expect(issue).toMatchObject({ code: 'FORMULA_NOT_COMPUTED', severity: 'error', sheet: 'Kế hoạch' });
    expect(issue.message).toContain('=DATE(2024,6,30)');
    expect(JSON.parse(r.out).issues.filter((i: { cell: string; code: string }) => i.cell === at && i.code === 'REQUIRED')).toEqual([]);
  });

  it('a date serial out of range quotes what the user typed', async () => {
    const file = path.join(files.dir, 'serial.xlsx');
    let at = '';
    await editXlsx(files.sample, file, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      at = cellUnder(tasks, 'Hạn hoàn thành', 2);
      tasks.getCell(at).value = 9999999;
      tasks.getCell(at).numFmt = 'General';
    });
    const r = await run(['validate', file, '--json']);
    const issue = JSON.parse(r.out).issues.find((i: { cell: string }) => i.cell === at);
    expect(issue.message).toContain('9999999');
    expect(issue.message).not.toMatch(/NaN|Invalid/);
  });

  it('a folder given as the workbook is "a folder", not "damaged"', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await run(['validate', files.dir, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(lang === 'vi' ? /là một thư mục/ : /is a folder/);
      expect(r.err).not.toMatch(/hỏng|damaged/);
    }
  });

  it('init --code/--name/--year on a filled workbook keeps what was typed and says so', async () => {
    const file = path.join(files.dir, 'giu.xlsx');
    (await import('node:fs')).copyFileSync(files.sample, file);
    const before = (await import('node:fs')).readFileSync(file);
    const r = await run(['init', file, '--code', 'MN2', '--year', '2025']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Giữ nguyên Mã đơn vị “MNBT”');
    expect(r.out).toContain('Giữ nguyên Năm “2024”');
    expect((await import('node:fs')).readFileSync(file).equals(before)).toBe(true);
    const json = JSON.parse((await run(['init', file, '--name', 'Trường khác', '--json'])).out);
    expect(json.kept).toEqual([{ item: 'Tên đơn vị', current: 'Trường Mầm non Bến Thành', asked: 'Trường khác' }]);
  });
});
