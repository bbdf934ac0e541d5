// The WorkbookPort contract on the .xlsx adapter; every reload saves to a real file and opens it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { runWorkbookPortContract, type AdapterHandle } from './workbook-port.contract.ts';
import { noteOf, sheetOf, xlsxLayoutSnapshot, xlsxMerges, xlsxRowHeightPx, xlsxRuleFormulas } from './xlsx-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-xlsx-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

runWorkbookPortContract({
  name: 'XlsxWorkbook (exceljs, saved and reopened)',
  async create(): Promise<AdapterHandle> {
    let book = XlsxWorkbook.create();
    const handle: AdapterHandle = {
      port: book,
      async reload() {
        const file = path.join(dir, `wb-${++fileNo}.xlsx`);
        await book.save(file);
        book = await XlsxWorkbook.open(file);
        handle.port = book;
        return book;
      },
      layoutSnapshot: (sheet) => xlsxLayoutSnapshot(book, sheet),
      setUserNote(sheet, row, col, note) {
        sheetOf(book, sheet).getRow(row).getCell(col).note = note;
      },
      noteAt: (sheet, row, col) => noteOf(book, sheet, row, col),
      ruleFormulas: (sheet) => xlsxRuleFormulas(book, sheet),
      merges: (sheet) => xlsxMerges(book, sheet),
      rowHeightPx: (sheet, row) => xlsxRowHeightPx(book, sheet, row),
      hidden: (sheet) => sheetOf(book, sheet).state !== 'visible',
      addUserRule(sheet) {
        sheetOf(book, sheet).addConditionalFormatting({
          ref: 'D2:D50',
          rules: [
            {
              type: 'cellIs',
              operator: 'lessThan',
              priority: 1,
              formulae: ['0.5'],
              style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFFF00' } } },
            },
          ],
        });
      },
    };
    return handle;
  },
});

describe('XlsxWorkbook: rows and fonts that read well in Excel and Calc', () => {
  const layout = { frozenRows: 1, headerRow: true, dataRows: 100, conditionalFormats: [], columns: [{ col: 1, width: 100, wrap: true }, { col: 2, width: 100 }] };

  it('grows a row to fit the wrapped text written in it, and never shrinks it', async () => {
    const book = XlsxWorkbook.create();
    book.ensureSheet('S');
    book.writeBlock('S', 1, 1, [['Nhiệm vụ', 'Ghi chú']]);
    book.applyLayout('S', layout);
    // 100 px leave 98 px for text: three short lines, then a long unwrapped note (column B).
    book.writeBlock('S', 2, 1, [['Một\nHai\nBa', 'x'.repeat(80)], ['Ngắn', 'x'.repeat(80)]]);
    const file = path.join(dir, 'rows.xlsx');
    await book.save(file);
    const again = await XlsxWorkbook.open(file);
    expect(xlsxRowHeightPx(again, 'S', 2)).toBe(60);
    expect(xlsxRowHeightPx(again, 'S', 3)).toBeNull();
    again.writeBlock('S', 2, 1, [['Một']]);
    expect(xlsxRowHeightPx(again, 'S', 2)).toBe(60);
  });

  it('writes the header font whole (Calibri 11, bold): Calc shows a bare “bold” in its own face', () => {
    const book = XlsxWorkbook.create();
    book.ensureSheet('S');
    book.writeBlock('S', 1, 1, [['Nhiệm vụ', 'Ghi chú']]);
    book.applyLayout('S', layout);
    book.styleBlock('S', { boldRows: [2] });
    expect(sheetOf(book, 'S').getCell('A1').font).toMatchObject({ name: 'Calibri', size: 11, bold: true });
    expect(sheetOf(book, 'S').getCell('B2').font).toMatchObject({ name: 'Calibri', size: 11, bold: true });
    expect(sheetOf(book, 'S').getCell('A2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheetOf(book, 'S').getCell('B2').alignment).toMatchObject({ vertical: 'top' });
  });
});
