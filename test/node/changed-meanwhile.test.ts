// A program that ignores our lock (Excel, Calc) saves the workbook while an action runs: the
// action's result is never written over that save; the file is read again and the action run
// again on it (what cchc serve does for every click).
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangedMeanwhile, withWorkbookFile } from '../../src/node/files/workbook-file.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { run, tempDir } from './cli-helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function otherProgramWrites(file: string, text: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet('Hoạt động')!.addRow(['01/06/2024', 'Khác', text]);
  await wb.xlsx.writeFile(file);
}

describe('withWorkbookFile and a file saved meanwhile', () => {
  it('runs the action again on the new file, so both the edit and the action are kept', async () => {
    const file = path.join(dir, 'a.xlsx');
    expect((await run(['init', file, '--sample'])).code).toBe(0);
    let runs = 0;
    await withWorkbookFile(file, async (book) => {
      runs++;
      if (runs === 1) await otherProgramWrites(file, 'Sửa trong Excel lúc đang chạy');
      book.appendRows('Nhật ký', [['01/07/2024 09:00', 'u', 'hành động', `lần ${runs}`]]);
    }, { retryIfChanged: 2 });
    expect(runs).toBe(2);
    const after = await XlsxWorkbook.open(file);
    expect(JSON.stringify(after.readSheet('Hoạt động')!.values)).toContain('Sửa trong Excel lúc đang chạy');
    expect(JSON.stringify(after.readSheet('Nhật ký')!.values)).toContain('lần 2');
    expect(JSON.stringify(after.readSheet('Nhật ký')!.values)).not.toContain('lần 1');
  });

  it('without retries left, refuses to save over the edit and leaves the file as the other program wrote it', async () => {
    const file = path.join(dir, 'b.xlsx');
    copyFileSync(path.join(dir, 'a.xlsx'), file);
    await expect(withWorkbookFile(file, async (book) => {
      await otherProgramWrites(file, 'Sửa lần nữa');
      book.appendRows('Nhật ký', [['x', 'u', 'không được ghi', '']]);
    })).rejects.toBeInstanceOf(ChangedMeanwhile);
    const after = await XlsxWorkbook.open(file);
    expect(JSON.stringify(after.readSheet('Hoạt động')!.values)).toContain('Sửa lần nữa');
    expect(JSON.stringify(after.readSheet('Nhật ký')!.values)).not.toContain('không được ghi');
  });
});
