// The district report's signer, read from the rendered .docx of a real `cchc aggregate --report`:
// the district's head signs (the title typed in its Thông tin, else the one its body's name
// gives), never a school principal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cchc } from './bin-helpers.ts';
import { sheet, tempDir } from './cli-helpers.ts';

let dir = '';
beforeAll(async () => {
  dir = tempDir();
  const r = await cchc(['init', path.join(dir, 'mnbt.xlsx'), '--sample']);
  if (r.code !== 0) throw new Error(r.err);
});

/** The paragraphs of word/document.xml, as Word shows them. */
async function docxText(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .filter((s) => s.trim() !== '');
}

async function setting(file: string, label: string, value?: ExcelJS.CellValue): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let found: unknown = undefined;
  sheet(wb, 'Thông tin').eachRow((row) => {
    if (row.getCell(1).value !== label) return;
    found = row.getCell(2).value;
    if (value !== undefined) row.getCell(2).value = value;
  });
  if (value !== undefined) await wb.xlsx.writeFile(file);
  return found;
}

/** A district named `name` listing the sample school; the title cell set when `title` is given. */
async function district(file: string, name: string, title?: string | null): Promise<void> {
  const init = await cchc(['init', file, '--district', '--code', 'PTH', '--name', name, '--year', '2024']);
  if (init.code !== 0) throw new Error(init.err);
  if (title !== undefined) await setting(file, 'Chức vụ người ký', title);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const list = sheet(wb, 'Danh sách đơn vị');
  list.getRow(2).getCell(1).value = 'MNBT';
  list.getRow(2).getCell(2).value = 'Trường Mầm non Bến Thành';
  list.getRow(2).getCell(3).value = 'mnbt.xlsx';
  await wb.xlsx.writeFile(file);
}

async function reportOf(file: string): Promise<string[]> {
  const docx = file.replace(/\.xlsx$/, '.docx');
  const r = await cchc(['aggregate', file, '--as-of', '30/06/2024', '--report', docx, '--date', '01/07/2024']);
  expect(r.code, r.err).toBe(0);
  return docxText(docx);
}

/** The lines after `Nơi nhận:` (the signature table's cells), upper case ones only: the titles. */
const titles = (text: string[]): string[] => text.filter((l) => /^(KT\. )?[A-ZÀ-Ỹ ]+$/u.test(l) && /TRƯỞNG|TỊCH|ĐỐC|THỦ/u.test(l));

describe('the district report signer', () => {
  it('a ward People\'s Committee: the installer writes Chủ tịch, the report signs CHỦ TỊCH, never HIỆU TRƯỞNG', async () => {
    const file = path.join(dir, 'phuong.xlsx');
    await district(file, 'Ủy ban nhân dân phường Tân Hưng');
    expect(await setting(file, 'Chức vụ người ký')).toBe('Chủ tịch');
    const text = await reportOf(file);
    expect(text).toContain('CHỦ TỊCH');
    expect(text.join('\n')).not.toContain('HIỆU TRƯỞNG');
  });

  it('a city department left empty: the title its name gives (Trưởng phòng)', async () => {
    const file = path.join(dir, 'phong.xlsx');
    await district(file, 'Phòng Giáo dục và Đào tạo Quận 1', null);
    expect(await setting(file, 'Chức vụ người ký')).toBeNull();
    const text = await reportOf(file);
    expect(titles(text)).toEqual(['TRƯỞNG PHÒNG']);
  });

  it('a deputy typed in Thông tin signs on the head\'s behalf (KT.)', async () => {
    const file = path.join(dir, 'pho.xlsx');
    await district(file, 'Ủy ban nhân dân xã An Phú', 'Phó Chủ tịch');
    const text = await reportOf(file);
    expect(titles(text)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('a body the name says nothing about, title empty: THỦ TRƯỞNG ĐƠN VỊ', async () => {
    const file = path.join(dir, 'trung-tam.xlsx');
    await district(file, 'Trung tâm Giáo dục thường xuyên', null);
    const text = await reportOf(file);
    expect(titles(text)).toEqual(['THỦ TRƯỞNG ĐƠN VỊ']);
    expect(text.join('\n')).not.toContain('HIỆU TRƯỞNG');
  });
});
