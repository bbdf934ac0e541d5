// The installer on a district workbook, through the three ports (.xlsx saved and reopened, the
// Apps Script adapter on the offline runtime, the in-memory workbook): the district's sheets in
// order, Thông tin with Tự động cập nhật, the list with its validation, the hidden stored-reads
// sheet, the guide from the contract; and a second run that changes nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installTemplate } from '../../../src/core/install.ts';
import { DISTRICT_SHEETS, SCHOOL_SHEETS, sheetSpec, settingsFor } from '../../../src/core/contract/index.ts';
import { readDistrict } from '../../../src/core/district/sheets.ts';
import type { WorkbookPort } from '../../../src/core/ports.ts';
import { XlsxWorkbook } from '../../../src/node/xlsx-workbook.ts';
import { sheetOf, xlsxLayoutSnapshot } from '../../contract/xlsx-helpers.ts';
import { gasBook, gasLayoutSnapshot } from '../../contract/gas-adapter.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-district-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Book {
  port: WorkbookPort;
  reload(): Promise<WorkbookPort>;
  hidden(sheet: string): boolean;
  layout(sheet: string): unknown;
}

const factories: { name: string; make(): Book }[] = [
  {
    name: 'xlsx',
    make() {
      let book = XlsxWorkbook.create();
      const b: Book = {
        port: book,
        async reload() {
          const file = path.join(dir, `d-${++n}.xlsx`);
          await book.save(file);
          book = await XlsxWorkbook.open(file);
          b.port = book;
          return book;
        },
        hidden: (sheet) => sheetOf(book, sheet).state !== 'visible',
        layout: (sheet) => xlsxLayoutSnapshot(book, sheet),
      };
      return b;
    },
  },
  {
    name: 'Google Sheets adapter',
    make() {
      const g = gasBook();
      const b: Book = {
        port: g.open(),
        async reload() {
          b.port = g.open();
          return b.port;
        },
        hidden: (sheet) => g.runtime.core.uncounted(() => g.ss.getSheetByName(sheet)!.isSheetHidden()),
        layout: (sheet) => g.runtime.core.uncounted(() => gasLayoutSnapshot(g.ss.getSheetByName(sheet)!)),
      };
      return b;
    },
  },
  {
    name: 'memory',
    make() {
      const port = new MemoryWorkbook();
      return {
        port,
        reload: async () => port,
        hidden: (sheet) => port.isHidden(sheet),
        // The last layout given; widths go only to columns the installer creates, so they are left out.
        layout: (sheet) => JSON.parse(JSON.stringify(port.sheets.get(sheet)?.layout ?? null, (k, v: unknown) => (k === 'width' ? undefined : v))),
      };
    },
  },
];

const OPTS = { lang: 'vi' as const, today: '2024-06-30', kind: 'district' as const, name: 'Ủy ban nhân dân phường Tân Hưng', code: 'TANHUNG', year: 2024 };

const settingsRows = (port: WorkbookPort): [string, unknown][] =>
  (port.readSheet('Thông tin')?.values ?? []).slice(1).map((r) => [String(r[0]), r[1] ?? null]);

describe.each(factories)('installTemplate for the district ($name)', ({ make }) => {
  it('makes the district’s sheets in order, Thông tin with Tự động cập nhật, the list, the hidden stored reads and the guide', async () => {
    const b = make();
    const result = installTemplate(b.port, OPTS);
    expect(result.created).toEqual(['Thông tin', 'Danh sách đơn vị', 'Tổng hợp đơn vị', 'Chỉ tiêu toàn đơn vị', 'Nhật ký', 'Hướng dẫn', 'Lưu trữ đọc']);
    const port = await b.reload();
    const names = port.sheetNames();
    expect(names.filter((s) => DISTRICT_SHEETS.some((x) => x.name === s))).toEqual(DISTRICT_SHEETS.map((s) => s.name));
    expect(names).not.toContain('Kế hoạch');

    const rows = settingsRows(port);
    expect(rows.map(([item]) => item)).toEqual(settingsFor('district').map((s) => s.label));
    expect(Object.fromEntries(rows)).toMatchObject({ 'Phiên bản mẫu': 1, 'Mã đơn vị': 'TANHUNG', 'Tên đơn vị': 'Ủy ban nhân dân phường Tân Hưng', Năm: 2024, 'Tự động cập nhật': 'Không' });

    expect(port.readSheet('Danh sách đơn vị')!.values[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Liên kết', 'Người phụ trách', 'Email', 'Ghi chú']);
    expect(port.readSheet('Tổng hợp đơn vị')!.values[0]).toEqual(sheetSpec('unitSummary').columns.map((c) => c.header));
    expect(port.readSheet('Lưu trữ đọc')!.values[0]).toEqual(['Mã đơn vị', 'Liên kết', 'Dữ liệu']);
    expect(b.hidden('Lưu trữ đọc')).toBe(true);
    for (const name of ['Thông tin', 'Danh sách đơn vị', 'Tổng hợp đơn vị', 'Chỉ tiêu toàn đơn vị', 'Nhật ký', 'Hướng dẫn']) expect(b.hidden(name), name).toBe(false);

    const guide = port.readSheet('Hướng dẫn')!.values.map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | ')).join('\n');
    expect(guide).toContain('Sheet “Danh sách đơn vị”');
    expect(guide).toContain('Tự động cập nhật');
    expect(guide).toContain('Sheet “Lưu trữ đọc”');
    expect(guide).not.toContain('Sheet “Kế hoạch”');

    const read = readDistrict(port, { lang: 'vi' });
    expect(read.issues).toEqual([]);
    expect(read.settings).toMatchObject({ unitCode: 'TANHUNG', year: 2024, autoRefresh: false });
  });

  it('is idempotent: a second run creates nothing and changes no cell, layout or hidden state; typed entries stay', async () => {
    const b = make();
    installTemplate(b.port, OPTS);
    let port = await b.reload();
    port.writeBlock('Danh sách đơn vị', 2, 1, [['MNBT', 'Trường Mầm non Bến Thành', 'truong/mnbt.xlsx', 'Nguyễn Mai Hằng', 'hang@mnbt.edu.vn', '']]);
    const autoRow = settingsRows(port).findIndex(([item]) => item === 'Tự động cập nhật') + 2;
    port.writeBlock('Thông tin', autoRow, 2, [['Có']]);
    port = await b.reload();
    const grids = DISTRICT_SHEETS.map((s) => port.readSheet(s.name));
    const layouts = DISTRICT_SHEETS.map((s) => b.layout(s.name));
    const again = installTemplate(port, OPTS);
    expect(again).toMatchObject({ created: [], addedColumns: [], kept: [] });
    port = await b.reload();
    expect(DISTRICT_SHEETS.map((s) => port.readSheet(s.name))).toEqual(grids);
    expect(DISTRICT_SHEETS.map((s) => b.layout(s.name))).toEqual(layouts);
    expect(b.hidden('Lưu trữ đọc')).toBe(true);
    const read = readDistrict(port, { lang: 'vi' });
    expect(read.settings.autoRefresh).toBe(true);
    expect(read.units.map((u) => [u.code, u.source, u.email])).toEqual([['MNBT', 'truong/mnbt.xlsx', 'hang@mnbt.edu.vn']]);
  });
});

describe('the list’s checks as installed', () => {
  it('validates e-mails (warning only) and explains each column in its header note', () => {
    const port = new MemoryWorkbook();
    installTemplate(port, OPTS);
    const list = port.sheets.get('Danh sách đơn vị')!;
    expect(list.validations.get(5)?.rule).toEqual({ kind: 'email', strict: false });
    expect(list.frozenRows).toBe(1);
    expect(port.noteAt('Danh sách đơn vị', 1, 3)).toContain('dòng không có liên kết không được đọc');
    expect(port.noteAt('Danh sách đơn vị', 1, 1)).toContain('không trùng');
    expect(port.sheets.get('Lưu trữ đọc')!.protections.some((p) => p.range === null && p.warningOnly)).toBe(true);
  });

  it('a school’s workbook gets no Tự động cập nhật row, nor any district sheet', () => {
    const port = new MemoryWorkbook();
    installTemplate(port, { lang: 'vi', today: '2024-06-30', name: 'Trường Mầm non Bến Thành', code: 'MNBT', year: 2024 });
    expect(settingsRows(port).map(([item]) => item)).not.toContain('Tự động cập nhật');
    expect(port.sheetNames()).toEqual(SCHOOL_SHEETS.map((s) => s.name));
  });
});
