// What the .xlsx adapter does with real files beyond the port contract: files that cannot be
// opened, cells as Excel stores them (formulas, rich text, links, errors, merges, 1904 dates),
// and a save that never leaves half a file.

import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookOpenError, XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { cellAt, formatAt } from './workbook-port.contract.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-xlsx-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openError(file: string): Promise<WorkbookOpenError> {
  try {
    await XlsxWorkbook.open(file);
  } catch (e) {
    if (e instanceof WorkbookOpenError) return e;
    throw e;
  }
  throw new Error('opened');
}

describe('XlsxWorkbook.open refuses what is not a workbook, with a reason', () => {
  it('a missing file is notFound, in Vietnamese then English', async () => {
    const e = await openError(path.join(dir, 'khong-co.xlsx'));
    expect(e.reason).toBe('notFound');
    expect(e.message).toMatch(/^Không tìm thấy tệp: .*khong-co\.xlsx \/ File not found/);
  });

  it('a file inside a missing folder is notFound', async () => {
    expect((await openError(path.join(dir, 'khong-co', 'a.xlsx'))).reason).toBe('notFound');
  });

  it('a text file renamed .xlsx is unreadable', async () => {
    const file = path.join(dir, 'text.xlsx');
    writeFileSync(file, 'Họ và tên,Chức vụ\nNguyễn Mai Hằng,Hiệu trưởng\n');
    const e = await openError(file);
    expect(e.reason).toBe('unreadable');
    expect(e.message).toContain('Không đọc được tệp');
  });

  it('a truncated workbook is unreadable', async () => {
    const good = XlsxWorkbook.create();
    good.ensureSheet('Kế hoạch');
    good.writeBlock('Kế hoạch', 1, 1, [['Nhiệm vụ']]);
    const bytes = await good.toBuffer();
    const file = path.join(dir, 'cut.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await openError(file)).reason).toBe('unreadable');
  });

  it('an empty file is unreadable; a folder is said to be a folder', async () => {
    const file = path.join(dir, 'empty.xlsx');
    writeFileSync(file, '');
    expect((await openError(file)).reason).toBe('unreadable');
    const folder = path.join(dir, 'folder.xlsx');
    mkdirSync(folder);
    expect((await openError(folder)).reason).toBe('folder');
  });
});

describe('XlsxWorkbook reads cells as Excel stores them', () => {
  async function fixture(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kế hoạch');
    build(ws, wb);
    const file = path.join(dir, `fx-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return XlsxWorkbook.open(file);
  }

  it('formulas and shared formulas read as their cached results', async () => {
    const book = await fixture((ws) => {
      ws.getCell('A1').value = { formula: 'B1/C1', result: 0.985 } as ExcelJS.CellFormulaValue;
      ws.getCell('A1').numFmt = '0.0%';
      ws.getCell('A2').value = { formula: 'C1*2', result: 4, ref: 'A2:A3', shareType: 'shared' } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A3').value = { sharedFormula: 'A2', result: 8 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('A4').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 5, 30)) } as ExcelJS.CellFormulaValue;
      ws.getCell('A4').numFmt = 'dd/mm/yyyy';
      ws.getCell('A5').value = { formula: 'IF(1,"Đạt","")', result: 'Đạt' } as ExcelJS.CellFormulaValue;
      ws.getCell('A6').value = { formula: 'B1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    });
    const grid = book.readSheet('Kế hoạch')!;
    expect(cellAt(grid, 1, 1)).toBe(0.985);
    expect(formatAt(grid, 1, 1)).toBe('0.0%');
    expect(cellAt(grid, 2, 1)).toBe(4);
    expect(cellAt(grid, 3, 1)).toBe(8);
    expect(cellAt(grid, 4, 1)).toEqual({ date: '2024-06-30' });
    expect(cellAt(grid, 5, 1)).toBe('Đạt');
    expect(cellAt(grid, 6, 1)).toBe('#DIV/0!');
  });

  it('a formula with a text or error result in a date-formatted column reads as that text, as in Sheets', async () => {
    const book = await fixture((ws) => {
      ws.getColumn(1).numFmt = 'dd/mm/yyyy';
      ws.getCell('A1').value = { formula: 'Z1/0', result: { error: '#REF!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A2').value = { formula: '"10/06/2024"', result: '10/06/2024' } as ExcelJS.CellFormulaValue;
      ws.getCell('A3').value = { formula: 'DATE(2024,6,10)', result: new Date(Date.UTC(2024, 5, 10)) } as ExcelJS.CellFormulaValue;
      for (const a of ['A1', 'A2', 'A3']) ws.getCell(a).numFmt = 'dd/mm/yyyy';
    });
    const grid = book.readSheet('Kế hoạch')!;
    expect(cellAt(grid, 1, 1)).toBe('#REF!');
    expect(cellAt(grid, 2, 1)).toBe('10/06/2024');
    expect(cellAt(grid, 3, 1)).toEqual({ date: '2024-06-10' });
  });

  it('rich text, links and error values read as plain text', async () => {
    const book = await fixture((ws) => {
      ws.getCell('A1').value = { richText: [{ text: 'Rà soát ' }, { font: { bold: true }, text: 'thủ tục' }] };
      ws.getCell('A2').value = { text: 'Bài viết trên website', hyperlink: 'https://mnbenthanh.edu.vn/tin/1' };
      ws.getCell('A3').value = { text: { richText: [{ text: 'Minh chứng' }] }, hyperlink: 'https://drive.google.com/x' } as unknown as ExcelJS.CellHyperlinkValue;
      ws.getCell('A4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const grid = book.readSheet('Kế hoạch')!;
    expect(cellAt(grid, 1, 1)).toBe('Rà soát thủ tục');
    expect(cellAt(grid, 2, 1)).toBe('Bài viết trên website');
    expect(cellAt(grid, 3, 1)).toBe('Minh chứng');
    expect(cellAt(grid, 4, 1)).toBe('#N/A');
  });

  it('a merged title reads once, at its top-left cell', async () => {
    const book = await fixture((ws) => {
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = 'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024';
      ws.getCell('A2').value = 'STT';
    });
    const grid = book.readSheet('Kế hoạch')!;
    expect(grid.values[0]).toEqual(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024']);
    expect(cellAt(grid, 1, 2)).toBeNull();
  });

  it('a date with a time of day is its calendar date; a date a hair before midnight rounds', async () => {
    const book = await fixture((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2024, 5, 30, 18, 45));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('A2').value = new Date(Date.UTC(2024, 5, 30, 23, 59, 59, 999));
      ws.getCell('A2').numFmt = 'dd/mm/yyyy';
      ws.getCell('A3').value = new Date(Date.UTC(2024, 0, 1));
      ws.getCell('A3').numFmt = 'd/m/yyyy';
    });
    const grid = book.readSheet('Kế hoạch')!;
    expect(cellAt(grid, 1, 1)).toEqual({ date: '2024-06-30' });
    expect(cellAt(grid, 2, 1)).toEqual({ date: '2024-07-01' });
    expect(cellAt(grid, 3, 1)).toEqual({ date: '2024-01-01' });
  });

  it('dates in a workbook on the 1904 date system read right', async () => {
    const book = await fixture((ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('A1').value = new Date(Date.UTC(2024, 1, 29));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(cellAt(book.readSheet('Kế hoạch')!, 1, 1)).toEqual({ date: '2024-02-29' });
  });

  it('a number in General format stays a number (an .xlsx serial is the reader’s call)', async () => {
    const book = await fixture((ws) => {
      ws.getCell('A1').value = 45473;
    });
    expect(cellAt(book.readSheet('Kế hoạch')!, 1, 1)).toBe(45473);
  });
});

describe('XlsxWorkbook.save', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const file = path.join(dir, 'save', 'so-lieu.xlsx');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'old content');
    const book = XlsxWorkbook.create();
    book.ensureSheet('Thông tin');
    book.writeBlock('Thông tin', 1, 1, [['Mục', 'Giá trị'], ['Tên đơn vị', 'Trường Mầm non Bến Thành']]);
    await book.save(file);
    expect(readdirSync(path.dirname(file))).toEqual(['so-lieu.xlsx']);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const again = await XlsxWorkbook.open(file);
    expect(cellAt(again.readSheet('Thông tin')!, 2, 2)).toBe('Trường Mầm non Bến Thành');
  });

  it('a save that fails keeps the old file and leaves no temporary file', async () => {
    const folder = path.join(dir, 'fail');
    mkdirSync(folder);
    const target = path.join(folder, 'is-a-folder.xlsx');
    mkdirSync(target); // rename onto a non-empty folder fails
    writeFileSync(path.join(target, 'keep.txt'), 'x');
    const book = XlsxWorkbook.create();
    book.ensureSheet('A');
    await expect(book.save(target)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['is-a-folder.xlsx']);
    expect(existsSync(path.join(target, 'keep.txt'))).toBe(true);
  });

  it('an internal lists sheet never shows as a sheet of the workbook', async () => {
    const book = XlsxWorkbook.create();
    book.ensureSheet('Kế hoạch');
    book.applyLayout('Kế hoạch', {
      frozenRows: 1,
      headerRow: true,
      dataRows: 10,
      columns: [{ col: 1, validation: { kind: 'list', values: ['Tọa đàm, đối thoại', 'Khác'], strict: true } }],
      conditionalFormats: [],
    });
    book.ensureSheet('Chỉ tiêu');
    book.ensureSheet('Thông tin', 0);
    const file = path.join(dir, 'lists.xlsx');
    await book.save(file);
    const again = await XlsxWorkbook.open(file);
    expect(again.sheetNames()).toEqual(['Thông tin', 'Kế hoạch', 'Chỉ tiêu']);
    expect(again.readSheet('_cchc_lists')).toBeNull();
  });
});
