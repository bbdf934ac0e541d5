// `cchc init --district` and `cchc validate` on a district workbook, in real processes on real
// files: the district's sheets are made by the installer, an existing file keeps every row and
// its kind, and the district's own `Danh sách đơn vị` is validated cell by cell like any sheet.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cchc } from './bin-helpers.ts';
import { sheet, tempDir } from './cli-helpers.ts';
import { makeDistrict } from './district-fixture.ts';

let dir = '';
beforeAll(() => {
  dir = tempDir();
});

async function sheetsOf(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

async function settingOf(file: string, label: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let value: unknown = undefined;
  sheet(wb, 'Thông tin').eachRow((row) => {
    if (row.getCell(1).value === label) value = row.getCell(2).value;
  });
  return value;
}

describe('cchc init --district', () => {
  it('creates the district workbook: Thông tin, Danh sách đơn vị, the ⚙ sheets, no school sheet', async () => {
    const file = path.join(dir, 'phuong.xlsx');
    const r = await cchc(['init', file, '--district', '--code', 'UBNDTH', '--name', 'Ủy ban nhân dân phường Tân Hưng', '--year', '2024']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Danh sách đơn vị');
    const names = await sheetsOf(file);
    expect(names).toEqual(expect.arrayContaining(['Thông tin', 'Danh sách đơn vị', 'Tổng hợp đơn vị', 'Chỉ tiêu toàn đơn vị', 'Nhật ký', 'Hướng dẫn', 'Lưu trữ đọc']));
    expect(names).not.toContain('Kế hoạch');
    expect(names).not.toContain('Nhân sự');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const list = sheet(wb, 'Danh sách đơn vị');
    expect([1, 2, 3].map((c) => list.getRow(1).getCell(c).value)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Liên kết']);
    expect(await settingOf(file, 'Tên đơn vị')).toBe('Ủy ban nhân dân phường Tân Hưng');
    expect(await settingOf(file, 'Mã đơn vị')).toBe('UBNDTH');
    expect(await settingOf(file, 'Tự động cập nhật')).toBeDefined();
    // It validates clean and is what `cchc aggregate` takes as a list.
    const v = await cchc(['validate', file]);
    expect(v.code).toBe(0);
    const json = await cchc(['init', file, '--district', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ kind: 'district', createdSheets: [], addedColumns: [] });
  });

  it('the help names the option', async () => {
    const r = await cchc(['init', '--help']);
    expect(r.out).toMatch(/--district\s+bảng tính tổng hợp/);
  });

  it('on an existing district workbook keeps every school row, with or without --district, and writes nothing when complete', async () => {
    const file = path.join(dir, 'quan.xlsx');
    const rows = Array.from({ length: 30 }, (_, k) => ({ code: `MN${String(k + 1).padStart(2, '0')}`, name: `Trường Mầm non Số ${k + 1}`, link: `truong/mn${k + 1}.xlsx` }));
    await makeDistrict(file, rows);
    // A district sheet deleted by hand comes back; the list is untouched.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(sheet(wb, 'Chỉ tiêu toàn đơn vị').id);
    await wb.xlsx.writeFile(file);
    const up = await cchc(['init', file]);
    expect(up.err).toBe('');
    expect(up.code).toBe(0);
    expect(up.out).toContain('Chỉ tiêu toàn đơn vị');
    const names = await sheetsOf(file);
    expect(names).toContain('Chỉ tiêu toàn đơn vị');
    expect(names).not.toContain('Kế hoạch');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    const list = sheet(after, 'Danh sách đơn vị');
    const read = rows.map((_, k) => [1, 2, 3].map((c) => list.getRow(k + 2).getCell(c).value));
    expect(read).toEqual(rows.map((r) => [r.code, r.name, r.link]));
    const bytes = readFileSync(file);
    const again = await cchc(['init', file, '--district']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('không có gì mới');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses --district on a school workbook and leaves it as it was', async () => {
    const file = path.join(dir, 'truong.xlsx');
    expect((await cchc(['init', file, '--sample'])).code).toBe(0);
    const bytes = readFileSync(file);
    const r = await cchc(['init', file, '--district']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bảng tính của một trường');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // A plain init on it stays a school's upgrade.
    const plain = await cchc(['init', file]);
    expect(plain.code).toBe(0);
    expect(await sheetsOf(file)).not.toContain('Danh sách đơn vị');
  });

  it('refuses --sample with --district', async () => {
    const r = await cchc(['init', path.join(dir, 'mau.xlsx'), '--district', '--sample']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--sample');
  });
});

describe('cchc validate on a district workbook', () => {
  it('names a repeated code, a missing link and a malformed code at their cells; exit 1', async () => {
    const file = path.join(dir, 'loi.xlsx');
    await makeDistrict(file, [
      { code: 'MN01', name: 'Một', link: 'a.xlsx' },
      { code: 'MN01', name: 'Hai', link: 'b.xlsx' },
      { code: 'MN02', name: 'Ba', link: '' },
      { code: 'MN 03', name: 'Bốn', link: 'c.xlsx' },
      { code: 'MN04', name: 'Năm', link: 'd.xlsx' },
    ]);
    const r = await cchc(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { issues: { sheet: string; row: number; column: string; cell: string; severity: string; code: string; message: string }[]; counts: { error: number } };
    const brief = out.issues.map((i) => [i.sheet, i.row, i.column, i.cell, i.severity, i.code]);
    expect(brief).toEqual([
      ['Danh sách đơn vị', 3, 'Mã đơn vị', 'A3', 'error', 'UNIT_CODE_DUPLICATE'],
      ['Danh sách đơn vị', 4, 'Liên kết', 'C4', 'error', 'REQUIRED'],
      ['Danh sách đơn vị', 5, 'Mã đơn vị', 'A5', 'error', 'UNIT_CODE_INVALID'],
    ]);
    expect(out.counts.error).toBe(3);
    expect(out.issues[0]?.message).toContain('đã có ở dòng 2');
    expect(out.issues[1]?.message).toContain('Liên kết');
    expect(out.issues[2]?.message).toContain('MN 03');
    // The table names the same cells in Vietnamese.
    const text = await cchc(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('3 lỗi');
    expect(text.out).toMatch(/Lỗi\s+Danh sách đơn vị\s+A3\s+Mã đơn vị “MN01” đã có ở dòng 2/);
  });

  it('a clean list exits 0, and a newer district template exits 2', async () => {
    const file = path.join(dir, 'sach.xlsx');
    await makeDistrict(file, [{ code: 'MN01', name: 'Một', link: 'a.xlsx' }]);
    const ok = await cchc(['validate', file]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('0 lỗi');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    sheet(wb, 'Thông tin').eachRow((row) => {
      if (row.getCell(1).value === 'Phiên bản mẫu') row.getCell(2).value = 9;
    });
    await wb.xlsx.writeFile(file);
    const newer = await cchc(['validate', file]);
    expect(newer.code).toBe(2);
    expect(newer.err).toContain('9');
  });

  it('aggregate skips the rows validation marks as errors', async () => {
    const file = path.join(dir, 'bo-qua.xlsx');
    await makeDistrict(file, [
      { code: 'MN01', name: 'Một', link: 'khong-co-1.xlsx' },
      { code: 'mn 2', name: 'Hai', link: 'khong-co-2.xlsx' },
    ]);
    const r = await cchc(['aggregate', file, '--as-of', '15/05/2024', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { schools: { code: string }[] };
    expect(out.schools.map((s) => s.code)).toEqual(['MN01']);
  });
});
