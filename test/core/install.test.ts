// The installer on real ports: the .xlsx adapter (saved and reopened between steps) and, when
// present, the in-memory port. What a user would notice: the sheets and headers, their entries
// untouched on a re-run, their own columns kept, a newer template refused.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installTemplate, InstallError } from '../../src/core/install.ts';
import { guideRows } from '../../src/core/guide.ts';
import { DISTRICT_SHEETS, SCHOOL_SHEETS, TEMPLATE_VERSION, sheetSpec, dropdownValues, settingsFor } from '../../src/core/contract/index.ts';
import type { RawCell, SheetGrid, WorkbookPort } from '../../src/core/ports.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { readSchool } from '../../src/core/read/index.ts';
import { xlsxLayoutSnapshot } from '../contract/xlsx-helpers.ts';
import { gasBook, gasLayoutSnapshot } from '../contract/gas-adapter.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Book {
  port: WorkbookPort;
  /** Persist and reopen where the port has a file behind it. */
  reload(): Promise<WorkbookPort>;
  /** Adapter-specific view of the layout, for "run twice = identical". */
  layout(sheet: string): unknown;
}

async function xlsxBook(): Promise<Book> {
  let book = XlsxWorkbook.create();
  const b: Book = {
    port: book,
    async reload() {
      const file = path.join(dir, `i-${++n}.xlsx`);
      await book.save(file);
      book = await XlsxWorkbook.open(file);
      b.port = book;
      return book;
    },
    layout: (sheet) => xlsxLayoutSnapshot(book, sheet),
  };
  return b;
}

async function sheetsBook(): Promise<Book> {
  const g = gasBook();
  const b: Book = {
    port: g.open(),
    async reload() {
      b.port = g.open();
      return b.port;
    },
    layout: (sheet) => g.runtime.core.uncounted(() => gasLayoutSnapshot(g.ss.getSheetByName(sheet)!)),
  };
  return b;
}

const factories: { name: string; make(): Promise<Book> }[] = [
  { name: 'xlsx', make: xlsxBook },
  { name: 'Google Sheets adapter', make: sheetsBook },
];
const memoryPath = path.join(__dirname, 'helpers', 'memory-workbook.ts');
if (existsSync(memoryPath)) {
  const mod = (await import('./helpers/memory-workbook.ts')) as Record<string, unknown>;
  const Ctor = Object.values(mod).find((v) => typeof v === 'function' && /Memory/i.test((v as { name: string }).name)) as
    | (new () => WorkbookPort)
    | undefined;
  if (Ctor) {
    factories.push({
      name: 'memory',
      async make() {
        const port = new Ctor();
        // The memory port records the last layout applied to each sheet.
        // Widths are set only for columns the installer creates, so they are left out here.
        const layout = (sheet: string): unknown =>
          JSON.parse(
            JSON.stringify((port as unknown as { sheets: Map<string, { layout?: unknown }> }).sheets.get(sheet)?.layout ?? null, (k, v: unknown) =>
              k === 'width' ? undefined : v,
            ),
          );
        return { port, reload: async () => port, layout };
      },
    });
  }
}

const TODAY = '2024-06-30';
const OPTS = { lang: 'vi' as const, today: TODAY, name: 'Trường Mầm non Bến Thành', code: 'MNBT', year: 2024 };

const cell = (g: SheetGrid, r: number, c: number): RawCell => {
  const v = g.values[r - 1]?.[c - 1];
  return v === undefined || v === '' ? null : v;
};
const row = (g: SheetGrid, r: number): RawCell[] => {
  const out = (g.values[r - 1] ?? []).map((v) => (v === '' ? null : v));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
};
const allGrids = (port: WorkbookPort): Record<string, RawCell[][]> =>
  Object.fromEntries(
    port.sheetNames().map((name) => {
      const g = port.readSheet(name)!;
      return [name, g.values.map((_, i) => row(g, i + 1))];
    }),
  );
function settingsMap(port: WorkbookPort): Map<string, RawCell> {
  const g = port.readSheet('Thông tin')!;
  const m = new Map<string, RawCell>();
  for (let r = 2; r <= g.values.length; r++) m.set(String(cell(g, r, 1)), cell(g, r, 2));
  return m;
}

for (const f of factories) {
  describe(`installTemplate (${f.name})`, () => {
    it('creates every school sheet in order, headers on row 1, Thông tin and the guide', async () => {
      const b = await f.make();
      const before = b.port.sheetNames();
      const result = installTemplate(b.port, OPTS);
      expect(result.version).toBe(TEMPLATE_VERSION);
      expect(result.created).toEqual(SCHOOL_SHEETS.map((s) => s.name));
      expect(result.addedColumns).toEqual([]);
      const port = await b.reload();
      expect(port.sheetNames().filter((s) => !before.includes(s))).toEqual(SCHOOL_SHEETS.map((s) => s.name));
      for (const s of SCHOOL_SHEETS.filter((x) => x.columns.length > 0)) {
        expect(row(port.readSheet(s.name)!, 1), s.name).toEqual(s.columns.map((c) => c.header));
      }
      const settings = settingsMap(port);
      expect(settings.get('Phiên bản mẫu')).toBe(1);
      expect(settings.get('Tên đơn vị')).toBe('Trường Mầm non Bến Thành');
      expect(settings.get('Mã đơn vị')).toBe('MNBT');
      expect(settings.get('Năm')).toBe(2024);
      expect(settings.get('Hạn đăng ký sáng kiến')).toEqual({ date: '2024-04-22' });
      expect(settings.get('Ngưỡng gần đạt (%)')).toBe(5);
      expect(settings.get('Nhắc việc qua email')).toBe('Không');
      expect([...settings.keys()]).toEqual(settingsFor('school').map((s) => s.label));
      const guide = JSON.stringify(port.readSheet('Hướng dẫn')!.values);
      for (const c of sheetSpec('tasks').columns) expect(guide).toContain(c.header);
      expect(guide).toContain('Hoàn thành; Tạm dừng; Hủy bỏ');
      expect(port.readSheet('Tổng hợp')!.values).toEqual([]);
    });

    it('without a year takes the year of today, and leaves name and code empty', async () => {
      const b = await f.make();
      installTemplate(b.port, { lang: 'vi', today: '2025-03-01' });
      const settings = settingsMap(await b.reload());
      expect(settings.get('Năm')).toBe(2025);
      expect(settings.get('Hạn báo cáo đợt 1')).toEqual({ date: '2025-06-10' });
      expect(settings.get('Tên đơn vị')).toBeNull();
      expect(settings.get('Mã đơn vị')).toBeNull();
    });

    it('run twice gives identical sheets and reports nothing new', async () => {
      const b = await f.make();
      installTemplate(b.port, OPTS);
      let port = await b.reload();
      const grids = allGrids(port);
      const layouts = Object.fromEntries(port.sheetNames().map((s) => [s, b.layout(s)]));
      const again = installTemplate(port, OPTS);
      expect(again).toEqual({ created: [], addedColumns: [], kept: [], version: 1 });
      port = await b.reload();
      expect(allGrids(port)).toEqual(grids);
      expect(Object.fromEntries(port.sheetNames().map((s) => [s, b.layout(s)]))).toEqual(layouts);
    });

    it('on a filled workbook keeps every entry, keeps a user column, adds a missing one', async () => {
      const b = await f.make();
      const port = b.port;
      const preexisting = port.sheetNames();
      // A workbook made by hand: Kế hoạch without `Minh chứng` and `⚙ Tình trạng`, columns in
      // another order, a column of the user's own, NFD and odd-cased headers.
      port.ensureSheet('Kế hoạch');
      const tasks = sheetSpec('tasks').columns.filter((c) => c.key !== 'evidence' && c.key !== 'state');
      const rest = tasks.filter((c) => !['title', 'stt', 'area'].includes(c.key)).map((c) => c.header);
      const headers = ['Nội dung nhiệm vụ', 'STT', 'lĩnh   VỰC'.normalize('NFD'), ...rest, 'Ghi chú của tổ'];
      port.writeBlock('Kế hoạch', 1, 1, [
        headers,
        ['Xây dựng kế hoạch CCHC năm 2024', 'LV1', '1', 'Nguyễn Mai Hằng', '', { date: '2024-01-02' }, { date: '2024-01-15' }, 'Kế hoạch', 'Hoàn thành', 1, { date: '2024-01-10' }, '', 'riêng của tổ'],
        ['Rà soát TTHC', '3', '2', 'Lê Thị Hoà', 'Văn thư', null, '30/6/2024', '', 'đang thực hiện', 0.5, null, 'x', ''],
      ]);
      port.ensureSheet('Thông tin');
      port.writeBlock('Thông tin', 1, 1, [['Mục', 'Giá trị'], ['Tên đơn vị', 'MN Bến Thành (tên cũ)'], ['Năm', '2024'], ['Ghi chú riêng', 'giữ nguyên']]);
      const before = { tasks: port.readSheet('Kế hoạch')!, info: port.readSheet('Thông tin')! };
      await b.reload();

      const result = installTemplate(b.port, { ...OPTS, name: 'Tên mới không được ghi đè' });
      expect(result.created).not.toContain('Kế hoạch');
      expect(result.created).not.toContain('Thông tin');
      expect(result.addedColumns).toEqual([
        { sheet: 'Kế hoạch', header: 'Minh chứng' },
        { sheet: 'Kế hoạch', header: '⚙ Tình trạng' },
      ]);
      const after = await b.reload();
      const tasksAfter = after.readSheet('Kế hoạch')!;
      before.tasks.values.forEach((line, r) =>
        line.forEach((v, c) => expect(cell(tasksAfter, r + 1, c + 1), `Kế hoạch ${r + 1}:${c + 1}`).toEqual(v === '' ? null : v)),
      );
      expect(row(tasksAfter, 1).slice(-3)).toEqual(['Ghi chú của tổ', 'Minh chứng', '⚙ Tình trạng']);
      const infoAfter = after.readSheet('Thông tin')!;
      before.info.values.forEach((line, r) =>
        line.forEach((v, c) => expect(cell(infoAfter, r + 1, c + 1)).toEqual(v === '' ? null : v)),
      );
      const settings = settingsMap(after);
      expect(settings.get('Tên đơn vị')).toBe('MN Bến Thành (tên cũ)');
      expect(settings.get('Mã đơn vị')).toBe('MNBT');
      expect(settings.get('Phiên bản mẫu')).toBe(1);
      // Existing sheets stay where the user put them; new ones follow the contract order.
      expect(after.sheetNames().filter((x) => !preexisting.includes(x)).slice(0, 4)).toEqual(['Kế hoạch', 'Thông tin', 'Nhân sự', 'Chỉ tiêu']);

      // And a second run changes nothing more.
      const grids = allGrids(after);
      expect(installTemplate(after, OPTS).addedColumns).toEqual([]);
      expect(allGrids(await b.reload())).toEqual(grids);
    });

    it('respects a header row below the user’s title rows', async () => {
      const b = await f.make();
      b.port.ensureSheet('Hoạt động');
      b.port.writeBlock('Hoạt động', 1, 1, [
        ['NHẬT KÝ HOẠT ĐỘNG CCHC NĂM 2024'],
        [null],
        ['Ngày', 'Loại hoạt động', 'Tiêu đề'],
        [{ date: '2024-03-08' }, 'Hội thi', 'Hội thi tìm hiểu CCHC'],
      ]);
      const result = installTemplate(b.port, OPTS);
      expect(result.addedColumns.map((c) => c.header)).toEqual(['Lĩnh vực', 'Người thực hiện', 'Liên kết', 'Ghi chú']);
      const g = (await b.reload()).readSheet('Hoạt động')!;
      expect(row(g, 1)).toEqual(['NHẬT KÝ HOẠT ĐỘNG CCHC NĂM 2024']);
      expect(row(g, 2)).toEqual([]);
      expect(row(g, 3)).toEqual(sheetSpec('activities').columns.map((c) => c.header));
      expect(row(g, 4)).toEqual([{ date: '2024-03-08' }, 'Hội thi', 'Hội thi tìm hiểu CCHC']);
      const layout = b.layout('Hoạt động') as { frozenRows: number } | null;
      if (layout) expect(layout.frozenRows).toBe(3);
    });

    it('recognises headers as the reader does (no ⚙, a trailing colon, an alias): adds no duplicate', async () => {
      const b = await f.make();
      b.port.ensureSheet('Kế hoạch');
      // Typed by a secretary: `Tình trạng` without ⚙, `Lĩnh vực:` with a colon, `Thời hạn` alias.
      const typed = ['Lĩnh vực:', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Tình trạng'];
      b.port.writeBlock('Kế hoạch', 1, 1, [typed, ['LV1', 'Xây dựng kế hoạch', 'Nguyễn Mai Hằng', { date: '2024-01-15' }, '']]);
      const result = installTemplate(b.port, OPTS);
      const added = result.addedColumns.filter((c) => c.sheet === 'Kế hoạch').map((c) => c.header);
      expect(added).not.toContain('⚙ Tình trạng');
      expect(added).not.toContain('Lĩnh vực');
      expect(added).not.toContain('Hạn hoàn thành');
      const g = (await b.reload()).readSheet('Kế hoạch')!;
      expect(row(g, 1).slice(0, 5)).toEqual(typed);
    });

    it('refuses a workbook with a newer template version and changes nothing', async () => {
      const b = await f.make();
      installTemplate(b.port, OPTS);
      const g = b.port.readSheet('Thông tin')!;
      const versionRow = g.values.findIndex((r) => r[0] === 'Phiên bản mẫu') + 1;
      b.port.writeBlock('Thông tin', versionRow, 2, [[TEMPLATE_VERSION + 1]]);
      const port = await b.reload();
      const grids = allGrids(port);
      let error: unknown;
      try {
        installTemplate(port, OPTS);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InstallError);
      expect((error as InstallError).code).toBe('TEMPLATE_NEWER');
      expect((error as Error).message).toContain(`phiên bản ${TEMPLATE_VERSION + 1}`);
      expect(allGrids(port)).toEqual(grids);
    });

    it('refuses a template sheet holding data without a header row, writing nothing', async () => {
      const b = await f.make();
      b.port.ensureSheet('Nhân sự');
      b.port.writeBlock('Nhân sự', 1, 1, [['Nguyễn Mai Hằng', 'Hiệu trưởng'], ['Lê Thị Hoà', 'Phó Hiệu trưởng']]);
      const names = b.port.sheetNames();
      expect(() => installTemplate(b.port, { ...OPTS, lang: 'en' })).toThrow(/Nhân sự.*header row/);
      expect(b.port.sheetNames()).toEqual(names);
      expect(row(b.port.readSheet('Nhân sự')!, 1)).toEqual(['Nguyễn Mai Hằng', 'Hiệu trưởng']);
    });

    it('puts a missing sheet back in its place among the others', async () => {
      const b = await f.make();
      b.port.ensureSheet('Thông tin');
      b.port.ensureSheet('Sheet của tôi');
      b.port.ensureSheet('Chỉ tiêu');
      const result = installTemplate(b.port, OPTS);
      expect(result.created).not.toContain('Chỉ tiêu');
      const names = (await b.reload()).sheetNames();
      const template = names.filter((s) => SCHOOL_SHEETS.some((x) => x.name === s));
      expect(template).toEqual(SCHOOL_SHEETS.map((s) => s.name));
      expect(names).toContain('Sheet của tôi');
    });
  });
}

describe('installTemplate for a district workbook', () => {
  it('creates the district sheets, with Danh sách đơn vị headed and Thông tin filled', async () => {
    const b = await xlsxBook();
    const result = installTemplate(b.port, { lang: 'vi', today: TODAY, kind: 'district', name: 'Phòng Nội vụ Quận 1', code: 'PNV' });
    expect(result.created).toEqual(DISTRICT_SHEETS.map((s) => s.name));
    const port = await b.reload();
    expect(row(port.readSheet('Danh sách đơn vị')!, 1)).toEqual(sheetSpec('units').columns.map((c) => c.header));
    expect(settingsMap(port).get('Tên đơn vị')).toBe('Phòng Nội vụ Quận 1');
    expect(port.sheetNames()).not.toContain('Kế hoạch');
  });
});

describe('the guide', () => {
  it('lists every input column and every dropdown value of the contract', () => {
    const { rows } = guideRows(SCHOOL_SHEETS, 'vi');
    const text = rows.map((r) => r.join(' | ')).join('\n');
    for (const s of SCHOOL_SHEETS.filter((x) => x.role === 'input')) {
      expect(text).toContain(`Sheet “${s.name}”`);
      for (const c of s.columns) {
        expect(text).toContain(c.header);
        const values = dropdownValues(c);
        if (values && c.type.kind !== 'area') for (const v of values) expect(text).toContain(v);
      }
    }
    for (const s of settingsFor('school')) expect(text).toContain(s.label);
    expect(text).not.toContain('Tự động cập nhật');
    expect(text).toContain('3. Cải cách thủ tục hành chính');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('speaks English when asked', () => {
    const { rows } = guideRows(SCHOOL_SHEETS, 'en');
    expect(String(rows[0]?.[0])).toContain('HOW TO FILL IN');
  });
});

describe('installTemplate on a Thông tin typed by hand', () => {
  it('adds no second row for an item the reader already recognises (a trailing colon, no accents)', async () => {
    const { MemoryWorkbook } = await import('./helpers/memory-workbook.ts');
    const port = new MemoryWorkbook({
      'Thông tin': [
        ['Mục', 'Giá trị'],
        ['Phiên bản mẫu', 1],
        ['Mã đơn vị:', 'MNBT'],
        ['Ten don vi', 'Trường Mầm non Bến Thành'],
        ['NĂM', 2024],
      ],
    });
    installTemplate(port, { ...OPTS, code: 'KHAC', name: 'Tên khác' });
    const items = port.readSheet('Thông tin')!.values.slice(1).map((r) => String(r[0] ?? ''));
    const folded = items.map((s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/:$/, '').toLowerCase());
    for (const label of ['ma don vi', 'ten don vi', 'nam', 'phien ban mau']) {
      expect(folded.filter((f) => f === label), label).toHaveLength(1);
    }
    // Every other item was added once, and the user's values stand.
    expect(items).toHaveLength(settingsFor('school').length);
    const read = readSchool(port, { lang: 'vi', today: TODAY });
    expect(read.settings.unitCode).toBe('MNBT');
    expect(read.settings.unitName).toBe('Trường Mầm non Bến Thành');
  });
});
