// A district for the `cchc aggregate` tests: school files made from the sample (cchc init
// --sample) and edited with exceljs, and a district workbook whose Danh sách đơn vị links them.
import { chmodSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { installTemplate } from '../../src/core/install.ts';
import { SHEET_NAMES } from '../../src/core/contract/index.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { TODAY, editXlsx, sheet } from './cli-helpers.ts';

export interface SchoolEdit {
  code: string;
  name: string;
  /** `Năm` (default the sample's 2024). */
  year?: number;
  /** `Phiên bản mẫu`. */
  version?: number;
  /** Task rows emptied from the end of `Kế hoạch`. */
  dropTasks?: number;
  /** Target rows emptied from the end of `Chỉ tiêu`. */
  dropKpis?: number;
  /** A deadline that is no date (a data error). */
  badDate?: boolean;
  /** A template sheet removed. */
  removeSheet?: string;
}

function setSetting(ws: ExcelJS.Worksheet, label: string, value: ExcelJS.CellValue): void {
  let found = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) {
      row.getCell(2).value = value;
      found = true;
    }
  });
  if (!found) throw new Error(`no ${label} in ${ws.name}`);
}

/** Empty the last `n` data rows of a sheet whose header is row 1. */
function dropLastRows(ws: ExcelJS.Worksheet, n: number): void {
  let last = 1;
  ws.eachRow((row, i) => {
    if (i > 1 && row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) last = i;
  });
  for (let r = Math.max(2, last - n + 1); r <= last; r++) ws.getRow(r).eachCell((c) => void (c.value = null));
}

/** A school file from the sample, edited. */
export async function makeSchool(sample: string, to: string, e: SchoolEdit): Promise<void> {
  await editXlsx(sample, to, (wb) => {
    const info = sheet(wb, SHEET_NAMES.settings);
    setSetting(info, 'Mã đơn vị', e.code);
    setSetting(info, 'Tên đơn vị', e.name);
    if (e.year !== undefined) setSetting(info, 'Năm', e.year);
    if (e.version !== undefined) setSetting(info, 'Phiên bản mẫu', e.version);
    if (e.dropTasks) dropLastRows(sheet(wb, SHEET_NAMES.tasks), e.dropTasks);
    if (e.dropKpis) dropLastRows(sheet(wb, SHEET_NAMES.kpis), e.dropKpis);
    if (e.badDate) sheet(wb, SHEET_NAMES.tasks).getCell('G3').value = 'cuối tháng';
    if (e.removeSheet) wb.removeWorksheet(sheet(wb, e.removeSheet).id);
  });
}

/** A file that is not a workbook: the sample cut in half. */
export function makeCorrupt(sample: string, to: string): void {
  const bytes = readFileSync(sample);
  writeFileSync(to, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/** A file its owner cannot read (no effect for root, who reads anything). */
export function makeUnreadable(sample: string, to: string): void {
  copyFileSync(sample, to);
  chmodSync(to, 0o000);
}

export interface ListRow {
  code: string;
  name: string;
  link: string;
}

/** A district workbook (the district template) with `rows` in Danh sách đơn vị. */
export async function makeDistrict(file: string, rows: ListRow[], o: { code?: string; name?: string; year?: number } = {}): Promise<void> {
  const book = XlsxWorkbook.create();
  installTemplate(book, { lang: 'vi', today: TODAY, kind: 'district', code: o.code ?? 'PGDQ1', name: o.name ?? 'Phòng Giáo dục và Đào tạo Quận 1', year: o.year ?? 2024 });
  book.writeBlock(SHEET_NAMES.units, 2, 1, rows.map((r) => [r.code, r.name, r.link]));
  await book.save(file);
}
