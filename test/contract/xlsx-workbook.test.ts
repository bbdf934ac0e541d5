// The WorkbookPort contract on the .xlsx adapter; every reload saves to a real file and opens it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { runWorkbookPortContract, type AdapterHandle } from './workbook-port.contract.ts';
import { noteOf, sheetOf, xlsxLayoutSnapshot } from './xlsx-helpers.ts';

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
