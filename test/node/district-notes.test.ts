// The installer's header notes (what each column means) on the district's ⚙ sheets survive
// `cchc aggregate`, which rewrites those sheets whole: read back after two real runs.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { cchc } from './bin-helpers.ts';
import { sheet, tempDir } from './cli-helpers.ts';

const OUTPUT_SHEETS = ['Tổng hợp đơn vị', 'Chỉ tiêu toàn đơn vị', 'Lưu trữ đọc', 'Danh sách đơn vị'];

const noteText = (n: ExcelJS.Cell['note']): string => (typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join(''));

/** Every note of every row-1 cell, by sheet and address. */
async function headerNotes(file: string): Promise<Record<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, string>> = {};
  for (const name of OUTPUT_SHEETS) {
    const notes: Record<string, string> = {};
    sheet(wb, name).getRow(1).eachCell((c) => {
      if (c.note) notes[c.address] = noteText(c.note);
    });
    out[name] = notes;
  }
  return out;
}

let dir = '';
beforeAll(async () => {
  dir = tempDir();
  const r = await cchc(['init', path.join(dir, 'mnbt.xlsx'), '--sample']);
  if (r.code !== 0) throw new Error(r.err);
});

it('keeps the header notes of Tổng hợp đơn vị, Chỉ tiêu toàn đơn vị and Lưu trữ đọc through two aggregate runs', async () => {
  const file = path.join(dir, 'phuong.xlsx');
  expect((await cchc(['init', file, '--district', '--code', 'PTH', '--name', 'Ủy ban nhân dân phường Tân Hưng', '--year', '2024'])).code).toBe(0);
  const installed = await headerNotes(file);
  // The installer does put them there (help text naming what the column holds).
  expect(Object.keys(installed['Tổng hợp đơn vị']!).length).toBeGreaterThan(10);
  expect(Object.keys(installed['Chỉ tiêu toàn đơn vị']!)).toEqual(['A1', 'B1']);
  expect(Object.keys(installed['Lưu trữ đọc']!).length).toBeGreaterThan(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const list = sheet(wb, 'Danh sách đơn vị');
  list.getCell('A2').value = 'MNBT';
  list.getCell('B2').value = 'Trường Mầm non Bến Thành';
  list.getCell('C2').value = 'mnbt.xlsx';
  await wb.xlsx.writeFile(file);

  const first = await cchc(['aggregate', file, '--as-of', '30/06/2024']);
  expect(first.code, first.err).toBe(0);
  const second = await cchc(['aggregate', file, '--as-of', '30/06/2024', '--full']);
  expect(second.code, second.err).toBe(0);
  const after = await headerNotes(file);
  expect(after).toEqual(installed);
  // The sheets were rewritten all the same: the school is on Tổng hợp đơn vị's row 2.
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(file);
  expect(sheet(out, 'Tổng hợp đơn vị').getCell('A2').value).toBe('MNBT');
  expect(sheet(out, 'Tổng hợp đơn vị').getCell('A3').note).toBeUndefined();
});
