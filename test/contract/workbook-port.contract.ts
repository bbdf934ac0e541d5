// One suite of behaviour tests that every WorkbookPort adapter must pass (the .xlsx adapter and
// the Apps Script adapter on the offline runtime). Adapter-specific peeking (notes, rule counts,
// service calls) goes through the small `AdapterHandle` each test file provides.

import { describe, expect, it } from 'vitest';
import type { RawCell, SheetGrid, SheetLayout, WorkbookPort, WriteCell } from '../../src/core/ports.ts';

/** What an adapter's layout looks like from outside, normalised for comparison. */
export interface LayoutSnapshot {
  frozenRows: number;
  /** Conditional format rules made by the add-on / by someone else. */
  ourRules: number;
  otherRules: number;
  /** 1-based columns that carry data validation on row 2. */
  validatedColumns: number[];
  /** Header notes by 1-based column. */
  headerNotes: Record<number, string>;
  /** Anything else the adapter wants compared between two runs (widths, protections…). */
  extra: unknown;
}

export interface AdapterHandle {
  port: WorkbookPort;
  /** Persist and reopen (xlsx: save to a file and open it again); returns the port to read from. */
  reload(): Promise<WorkbookPort>;
  layoutSnapshot(sheet: string): LayoutSnapshot;
  /** Put a user's own note on a cell, and read a cell's note ('' when none). */
  setUserNote(sheet: string, row: number, col: number, note: string): void;
  noteAt(sheet: string, row: number, col: number): string;
  /** Add a conditional format rule the way a user would (not through the port). */
  addUserRule(sheet: string): void;
  /** Service calls made so far and a reset; absent for adapters without a call cost. */
  calls?: { count(): number; reset(): void };
  /** Conditional format rules in order: their ranges (A1, space-separated) and formula without `=`. */
  ruleFormulas(sheet: string): { ranges: string; formula: string }[];
  /** Merged blocks in A1 notation, sorted. */
  merges(sheet: string): string[];
  /** A row's height in pixels as stored (null: the default height, never set). */
  rowHeightPx(sheet: string, row: number): number | null;
  /** The sheet's tab is hidden (as the spreadsheet program would show it). */
  hidden(sheet: string): boolean;
}

export interface AdapterFactory {
  name: string;
  create(): Promise<AdapterHandle>;
}

/** A cell of a grid with empty ('' or missing) read as null. */
export function cellAt(grid: SheetGrid, row: number, col: number): RawCell {
  const v = grid.values[row - 1]?.[col - 1];
  return v === undefined || v === '' ? null : v;
}

export function formatAt(grid: SheetGrid, row: number, col: number): string {
  return grid.formats[row - 1]?.[col - 1] ?? '';
}

/** The grid with empty cells and trailing empties dropped, for comparing two reads. */
export function normaliseGrid(grid: SheetGrid): RawCell[][] {
  const rows = grid.values.map((r) => {
    const out = r.map((v) => (v === '' ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

const LAYOUT: SheetLayout = {
  frozenRows: 1,
  headerRow: true,
  dataRows: 1000,
  columns: [
    { col: 1, width: 200, note: 'Tên nhiệm vụ' },
    { col: 2, width: 120, numberFormat: 'dd/mm/yyyy', validation: { kind: 'date', strict: true }, note: 'Hạn hoàn thành' },
    {
      col: 3,
      width: 150,
      validation: { kind: 'list', values: ['Chưa bắt đầu', 'Đang thực hiện', 'Hoàn thành', 'Tạm dừng, chờ', 'Hủy bỏ'], strict: false },
      note: 'Trạng thái',
    },
    { col: 4, numberFormat: '0%', validation: { kind: 'number', min: 0, max: 1, strict: true } },
    { col: 5, validation: { kind: 'email', strict: false } },
    { col: 6, width: 140, computed: true, note: '⚙ Tình trạng: do tiện ích ghi' },
  ],
  conditionalFormats: [
    { kind: 'textEquals', columns: [6], text: 'Quá hạn', background: '#f4cccc', fontColor: '#990000' },
    { kind: 'formula', columns: [1, 2, 3], formula: '=AND($B2<>"",$B2<TODAY(),$C2<>"Hoàn thành")', background: '#fce5cd' },
  ],
};

const VIET = 'Trường Mầm non Bến Thành — Nguyễn Thị Thu Hoà, Phạm Thuỳ Dương'.normalize('NFC');

export function runWorkbookPortContract(factory: AdapterFactory): void {
  describe(`WorkbookPort contract: ${factory.name}`, () => {
    it('creates sheets in order, at an index, once', async () => {
      const h = await factory.create();
      const before = h.port.sheetNames();
      expect(h.port.ensureSheet('Kế hoạch')).toBe(true);
      expect(h.port.ensureSheet('Chỉ tiêu')).toBe(true);
      expect(h.port.ensureSheet('Thông tin', 0)).toBe(true);
      expect(h.port.ensureSheet('Kế hoạch')).toBe(false);
      const port = await h.reload();
      const names = port.sheetNames();
      expect(names[0]).toBe('Thông tin');
      expect(names.filter((n) => !before.includes(n))).toEqual(['Thông tin', 'Kế hoạch', 'Chỉ tiêu']);
      expect(port.readSheet('Không có')).toBeNull();
      expect(port.readSheet('Kế hoạch')).toEqual({ name: 'Kế hoạch', values: [], formats: [] });
    });

    it('finds a sheet whose name was stored in decomposed Unicode (NFD)', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Kế hoạch'.normalize('NFD'));
      expect(h.port.ensureSheet('Kế hoạch')).toBe(false);
      h.port.writeBlock('Kế hoạch', 1, 1, [['x']]);
      const grid = h.port.readSheet('Kế hoạch')!;
      expect(cellAt(grid, 1, 1)).toBe('x');
      // The names are given as the product compares them (NFC, trimmed), whichever form the file
      // stores: a reader looking for `Kế hoạch` finds it in sheetNames().
      expect(h.port.sheetNames()).toContain('Kế hoạch');
      expect(h.port.sheetNames()).not.toContain('Kế hoạch'.normalize('NFD'));
      expect(grid.name.normalize('NFC')).toBe('Kế hoạch');
    });

    it('round-trips text, numbers, booleans, dates and percent formats', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Dữ liệu');
      const rows: WriteCell[][] = [
        ['Văn bản', 'Số', 'Đúng sai', 'Ngày', 'Tỷ lệ'],
        [VIET, 98.5, true, { date: '2024-02-29' }, 0.985],
        ['  có khoảng trắng  ', -3, false, { date: '1999-12-31' }, 1],
        ['Ghi chú: 1/2', 0, true, { date: '2024-01-01' }, 0],
      ];
      h.port.writeBlock('Dữ liệu', 1, 1, rows);
      h.port.writeFormats('Dữ liệu', 2, 5, [['0.0%'], ['0%'], ['0%']]);
      const grid = (await h.reload()).readSheet('Dữ liệu')!;
      expect(grid.name).toBe('Dữ liệu');
      expect(cellAt(grid, 2, 1)).toBe(VIET);
      expect((cellAt(grid, 2, 1) as string).normalize('NFC')).toBe(cellAt(grid, 2, 1));
      expect(cellAt(grid, 3, 1)).toBe('  có khoảng trắng  ');
      expect(cellAt(grid, 4, 1)).toBe('Ghi chú: 1/2');
      expect([cellAt(grid, 2, 2), cellAt(grid, 3, 2), cellAt(grid, 4, 2)]).toEqual([98.5, -3, 0]);
      expect([cellAt(grid, 2, 3), cellAt(grid, 3, 3), cellAt(grid, 4, 3)]).toEqual([true, false, true]);
      expect(cellAt(grid, 2, 4)).toEqual({ date: '2024-02-29' });
      expect(cellAt(grid, 3, 4)).toEqual({ date: '1999-12-31' });
      expect(cellAt(grid, 4, 4)).toEqual({ date: '2024-01-01' });
      expect(cellAt(grid, 2, 5)).toBe(0.985);
      expect(formatAt(grid, 2, 5)).toBe('0.0%');
      expect(formatAt(grid, 3, 5)).toBe('0%');
      expect(cellAt(grid, 4, 5)).toBe(0);
      expect(formatAt(grid, 2, 2)).not.toContain('%');
    });

    it('gives a date written into an unformatted cell a date format, and a number none', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Ngày');
      h.port.writeBlock('Ngày', 1, 1, [[{ date: '2024-06-30' }, 45473]]);
      const grid = (await h.reload()).readSheet('Ngày')!;
      expect(cellAt(grid, 1, 1)).toEqual({ date: '2024-06-30' });
      expect(formatAt(grid, 1, 1)).toMatch(/d/i);
      expect(formatAt(grid, 1, 1)).toMatch(/y/i);
      expect(cellAt(grid, 1, 2)).toBe(45473);
      expect(formatAt(grid, 1, 2)).not.toMatch(/[dy%]/i);
    });

    it('writeFormats: an empty format keeps the cell’s own', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Tỷ lệ');
      h.port.writeBlock('Tỷ lệ', 1, 1, [[0.5, 0.25, 0.125]]);
      h.port.writeFormats('Tỷ lệ', 1, 1, [['0%', '0.0%', '0%']]);
      h.port.writeFormats('Tỷ lệ', 1, 1, [['', '0%', '']]);
      const grid = (await h.reload()).readSheet('Tỷ lệ')!;
      expect([formatAt(grid, 1, 1), formatAt(grid, 1, 2), formatAt(grid, 1, 3)]).toEqual(['0%', '0%', '0%']);
      expect([cellAt(grid, 1, 1), cellAt(grid, 1, 2), cellAt(grid, 1, 3)]).toEqual([0.5, 0.25, 0.125]);
    });

    it('writes a block as a rectangle: a shorter row empties the rest of its line', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Khối');
      h.port.writeBlock('Khối', 1, 1, [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]);
      h.port.writeBlock('Khối', 1, 1, [['x', 'y', 'z'], ['w'], []]);
      const grid = (await h.reload()).readSheet('Khối')!;
      expect(normaliseGrid(grid)).toEqual([['x', 'y', 'z'], ['w']]);
    });

    it('writes every string as that text: never a formula, a number or a date', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Văn bản');
      const texts = ['=HYPERLINK("http://x","bấm")', '+84 903 123 456', '-', '-abc', '@mẹ', '0903123456', '10/6/2024', '98,5%', 'TRUE', "'trích dẫn", '<script>alert(1)</script>'];
      h.port.writeBlock('Văn bản', 1, 1, texts.map((t) => [t]));
      const grid = (await h.reload()).readSheet('Văn bản')!;
      expect(texts.map((_, i) => cellAt(grid, i + 1, 1))).toEqual(texts);
    });

    it('reads ragged rows and gaps; the grid ends at the last content', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Lẻ');
      h.port.writeBlock('Lẻ', 1, 1, [['a', 'b', 'c', 'd']]);
      h.port.writeBlock('Lẻ', 2, 1, [['e']]);
      h.port.writeBlock('Lẻ', 4, 2, [['f', null, 'g']]);
      const grid = (await h.reload()).readSheet('Lẻ')!;
      expect(grid.values.length).toBe(4);
      expect(grid.formats.length).toBe(4);
      grid.values.forEach((r, i) => expect(grid.formats[i]!.length).toBe(r.length));
      expect(normaliseGrid(grid)).toEqual([['a', 'b', 'c', 'd'], ['e'], [], [null, 'f', null, 'g']]);
      expect(cellAt(grid, 3, 1)).toBeNull();
      expect(cellAt(grid, 9, 9)).toBeNull();
    });

    it('overwrites a block, and writing null empties cells', async () => {
      const h = await factory.create();
      h.port.ensureSheet('S');
      h.port.writeBlock('S', 1, 1, [['a', 'b'], ['c', 'd']]);
      h.port.writeBlock('S', 1, 2, [[null], ['x']]);
      const grid = (await h.reload()).readSheet('S')!;
      expect(normaliseGrid(grid)).toEqual([['a'], ['c', 'x']]);
    });

    it('writes a one-column block of 200,000 rows (a ⚙ column down to a stray cell far below)', async () => {
      const h = await factory.create();
      h.port.ensureSheet('S');
      const rows: WriteCell[][] = Array.from({ length: 200_000 }, (_, i) => [i === 0 || i === 199_999 ? 'Quá hạn' : null]);
      expect(() => h.port.writeBlock('S', 2, 3, rows)).not.toThrow();
      expect(() => h.port.writeFormats('S', 2, 3, rows.map(() => ['']))).not.toThrow();
      const grid = h.port.readSheet('S')!;
      expect(cellAt(grid, 2, 3)).toBe('Quá hạn');
      expect(cellAt(grid, 200_001, 3)).toBe('Quá hạn');
    }, 60_000);

    it('appends after the last row with content, not after formatted empty rows', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Nhật ký');
      h.port.writeBlock('Nhật ký', 1, 1, [['Thời gian', 'Người dùng', 'Thao tác']]);
      h.port.applyLayout('Nhật ký', LAYOUT);
      h.port.appendRows('Nhật ký', [['2024-06-30 09:00', 'hang@mnbt.edu.vn', 'Tạo báo cáo']]);
      h.port.appendRows('Nhật ký', [['2024-06-30 10:00', 'hang@mnbt.edu.vn', 'Kiểm tra'], ['2024-06-30 11:00', 'x', 'y']]);
      const grid = (await h.reload()).readSheet('Nhật ký')!;
      expect(grid.values.length).toBe(4);
      expect(cellAt(grid, 2, 3)).toBe('Tạo báo cáo');
      expect(cellAt(grid, 4, 1)).toBe('2024-06-30 11:00');
    });

    it('clears a sheet whole', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Tổng hợp');
      h.port.writeBlock('Tổng hợp', 1, 1, [['Tiêu đề'], [1], [{ date: '2024-06-30' }]]);
      h.port.writeFormats('Tổng hợp', 2, 1, [['0%']]);
      h.port.clearSheet('Tổng hợp');
      h.port.writeBlock('Tổng hợp', 1, 1, [['Mới'], [0.5]]);
      const grid = (await h.reload()).readSheet('Tổng hợp')!;
      expect(normaliseGrid(grid)).toEqual([['Mới'], [0.5]]);
      // The formats went with the values.
      expect(formatAt(grid, 2, 1)).not.toContain('%');
    });

    it('applies a layout; applying it twice gives the same result and keeps user rules', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Kế hoạch');
      h.port.writeBlock('Kế hoạch', 1, 1, [
        ['Nhiệm vụ', 'Hạn', 'Trạng thái', '%', 'Email', '⚙ Tình trạng'],
        ['Rà soát TTHC', { date: '2024-03-31' }, 'Hoàn thành', 1, 'a@b.vn', 'Hoàn thành đúng hạn'],
      ]);
      h.addUserRule('Kế hoạch');
      h.port.applyLayout('Kế hoạch', LAYOUT);
      const once = h.layoutSnapshot('Kế hoạch');
      expect(once.frozenRows).toBe(1);
      expect(once.ourRules).toBe(2);
      expect(once.otherRules).toBe(1);
      expect(once.validatedColumns).toEqual([2, 3, 4, 5]);
      expect(once.headerNotes[1]).toBe('Tên nhiệm vụ');
      expect(once.headerNotes[6]).toBe('⚙ Tình trạng: do tiện ích ghi');
      const gridOnce = h.port.readSheet('Kế hoạch')!;
      h.port.applyLayout('Kế hoạch', LAYOUT);
      expect(h.layoutSnapshot('Kế hoạch')).toEqual(once);
      const port = await h.reload();
      port.applyLayout('Kế hoạch', LAYOUT);
      expect(h.layoutSnapshot('Kế hoạch')).toEqual(once);
      const grid = port.readSheet('Kế hoạch')!;
      expect(normaliseGrid(grid)).toEqual(normaliseGrid(gridOnce));
      expect(cellAt(grid, 2, 2)).toEqual({ date: '2024-03-31' });
      expect(formatAt(grid, 2, 4)).toBe('0%');
    });

    it('a layout for a header below title rows styles that row and leaves the title alone', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Kế hoạch');
      h.port.writeBlock('Kế hoạch', 1, 1, [['KẾ HOẠCH CCHC NĂM 2024'], [null], ['Nhiệm vụ', 'Hạn']]);
      h.port.applyLayout('Kế hoạch', { ...LAYOUT, frozenRows: 3, headerRowNumber: 3, conditionalFormats: [] });
      const snap = h.layoutSnapshot('Kế hoạch');
      expect(snap.frozenRows).toBe(3);
      expect(h.noteAt('Kế hoạch', 3, 1)).toBe('Tên nhiệm vụ');
      expect(h.noteAt('Kế hoạch', 1, 1)).toBe('');
      const grid = (await h.reload()).readSheet('Kế hoạch')!;
      expect(cellAt(grid, 1, 1)).toBe('KẾ HOẠCH CCHC NĂM 2024');
    });

    it('marks cells, replaces its own marks, and keeps the user’s notes', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Kế hoạch');
      h.port.writeBlock('Kế hoạch', 1, 1, [['Nhiệm vụ', 'Hạn'], ['A', 'sai ngày'], ['B', null]]);
      h.setUserNote('Kế hoạch', 2, 2, 'Ghi chú của cô Hằng');
      h.port.setMarks('Kế hoạch', [
        { row: 2, col: 2, note: 'Ngày không hợp lệ', background: '#f4cccc' },
        { row: 3, col: 2, note: 'Thiếu hạn hoàn thành', background: '#f4cccc' },
      ]);
      expect(h.noteAt('Kế hoạch', 2, 2)).toContain('Ghi chú của cô Hằng');
      expect(h.noteAt('Kế hoạch', 2, 2)).toContain('Ngày không hợp lệ');
      expect(h.noteAt('Kế hoạch', 3, 2)).toContain('Thiếu hạn hoàn thành');

      // A second run replaces the first marks rather than piling them up.
      h.port.setMarks('Kế hoạch', [{ row: 2, col: 2, note: 'Lỗi mới', background: '#fff2cc' }]);
      const port = await h.reload();
      expect(h.noteAt('Kế hoạch', 2, 2)).toContain('Lỗi mới');
      expect(h.noteAt('Kế hoạch', 2, 2)).not.toContain('Ngày không hợp lệ');
      expect(h.noteAt('Kế hoạch', 3, 2)).toBe('');

      port.clearMarks('Kế hoạch');
      expect(h.noteAt('Kế hoạch', 2, 2)).toBe('Ghi chú của cô Hằng');
      expect(h.noteAt('Kế hoạch', 3, 2)).toBe('');
      expect(normaliseGrid(port.readSheet('Kế hoạch')!)).toEqual([['Nhiệm vụ', 'Hạn'], ['A', 'sai ngày'], ['B']]);
    });

    it('styles a block written whole without changing its values', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Tổng hợp');
      h.port.writeBlock('Tổng hợp', 1, 1, [['TỔNG HỢP'], ['Lĩnh vực', 'Tiến độ'], ['LV1', '████░░']]);
      h.port.styleBlock('Tổng hợp', {
        boldRows: [1, 2],
        rowBackgrounds: [{ row: 2, color: '#d9ead3' }],
        columnWidths: [{ col: 1, width: 300 }],
        monospaceColumns: [2],
      });
      const grid = (await h.reload()).readSheet('Tổng hợp')!;
      expect(normaliseGrid(grid)).toEqual([['TỔNG HỢP'], ['Lĩnh vực', 'Tiến độ'], ['LV1', '████░░']]);
    });

    it('stores formula rules as given, wrapped with its marker; a rule may read another sheet through INDIRECT', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Tổng hợp');
      h.port.ensureSheet('Kế hoạch');
      h.port.writeBlock('Tổng hợp', 2, 1, [['Tính đến ngày', { date: '2024-06-30' }]]);
      h.port.writeBlock('Kế hoạch', 1, 1, [['Nhiệm vụ', 'Hạn'], ['A', { date: '2024-06-29' }]]);
      const formula = `=AND(ISNUMBER($B2),$B2<IF(ISNUMBER(INDIRECT("'Tổng hợp'!$B$2")),INDIRECT("'Tổng hợp'!$B$2"),TODAY()))`;
      h.addUserRule('Kế hoạch');
      h.port.applyLayout('Kế hoạch', { ...LAYOUT, conditionalFormats: [{ kind: 'formula', columns: [2], formula, background: '#f4cccc' }] });
      await h.reload();
      const ours = h.ruleFormulas('Kế hoạch').filter((r) => r.formula.includes('N("cchc")=0'));
      expect(ours).toEqual([
        {
          ranges: 'B2:B1001',
          formula: `AND(AND(ISNUMBER($B2),$B2<IF(ISNUMBER(INDIRECT("'Tổng hợp'!$B$2")),INDIRECT("'Tổng hợp'!$B$2"),TODAY())),N("cchc")=0)`,
        },
      ]);
      expect(h.ruleFormulas('Kế hoạch')).toHaveLength(2);
    });

    it('merges cells across a row keeping the top-left text, sets row heights, and merges again over its earlier merges', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Hướng dẫn');
      const text = 'Dòng 1 của mỗi sheet là dòng tiêu đề; nhập dữ liệu từ dòng 2.';
      h.port.writeBlock('Hướng dẫn', 1, 1, [[text, null, null], ['Cột', 'Bắt buộc', 'Cách nhập'], ['Đoạn hai', null, null]]);
      h.port.styleBlock('Hướng dẫn', { merges: [{ row: 1, col: 1, cols: 2 }, { row: 3, col: 1, cols: 3 }], rowHeights: [{ row: 1, height: 40 }] });
      // A later run merges differently (a guide of another version): the earlier merges give way.
      h.port.styleBlock('Hướng dẫn', { merges: [{ row: 1, col: 1, cols: 3 }, { row: 3, col: 1, cols: 3 }], rowHeights: [{ row: 1, height: 60 }, { row: 3, height: 40 }] });
      const port = await h.reload();
      expect(h.merges('Hướng dẫn')).toEqual(['A1:C1', 'A3:C3']);
      expect(h.rowHeightPx('Hướng dẫn', 1)).toBe(60);
      expect(h.rowHeightPx('Hướng dẫn', 3)).toBe(40);
      expect(h.rowHeightPx('Hướng dẫn', 2)).toBeNull();
      expect(normaliseGrid(port.readSheet('Hướng dẫn')!)).toEqual([[text], ['Cột', 'Bắt buộc', 'Cách nhập'], ['Đoạn hai']]);
      // After a reload too, the sheet's earlier merges give way to the new ones.
      port.styleBlock('Hướng dẫn', { merges: [{ row: 1, col: 1, cols: 2 }] });
      await h.reload();
      expect(h.merges('Hướng dẫn')).toEqual(['A1:B1']);
    });

    it('a merge keeps only the top-left value of the cells it joins', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Hướng dẫn');
      h.port.writeBlock('Hướng dẫn', 1, 1, [['Đầu', 'giữa', 'cuối', 'ngoài']]);
      h.port.styleBlock('Hướng dẫn', { merges: [{ row: 1, col: 1, cols: 3 }] });
      const grid = (await h.reload()).readSheet('Hướng dẫn')!;
      expect(normaliseGrid(grid)).toEqual([['Đầu', null, null, 'ngoài']]);
    });

    it('hides a sheet by its layout, keeps it listed, read and written, and shows it again', async () => {
      const h = await factory.create();
      for (const name of ['Thông tin', 'Lưu trữ đọc', 'Nhật ký']) h.port.ensureSheet(name);
      h.port.writeBlock('Lưu trữ đọc', 1, 1, [['Mã đơn vị', 'Dữ liệu'], ['MNBT', '{"a":1}']]);
      const hide: SheetLayout = { frozenRows: 1, headerRow: true, columns: [], conditionalFormats: [], dataRows: 0, protectSheet: true, hidden: true };
      h.port.applyLayout('Lưu trữ đọc', hide);
      h.port.applyLayout('Lưu trữ đọc', hide);
      // A layout that says nothing of `hidden` leaves the tab as it is.
      h.port.applyLayout('Lưu trữ đọc', { ...hide, hidden: undefined });
      let port = await h.reload();
      expect(h.hidden('Lưu trữ đọc')).toBe(true);
      expect(h.hidden('Thông tin')).toBe(false);
      expect(port.sheetNames()).toContain('Lưu trữ đọc');
      port.writeBlock('Lưu trữ đọc', 3, 1, [['MNHB', '{"b":2}']]);
      expect(normaliseGrid((await h.reload()).readSheet('Lưu trữ đọc')!)).toEqual([['Mã đơn vị', 'Dữ liệu'], ['MNBT', '{"a":1}'], ['MNHB', '{"b":2}']]);
      port = h.port;
      port.applyLayout('Lưu trữ đọc', { ...hide, hidden: false });
      await h.reload();
      expect(h.hidden('Lưu trữ đọc')).toBe(false);
    });

    it('never hides the last sheet shown', async () => {
      const h = await factory.create();
      const names = [...h.port.sheetNames(), 'Một', 'Hai'];
      h.port.ensureSheet('Một');
      h.port.ensureSheet('Hai');
      const layout: SheetLayout = { frozenRows: 0, headerRow: false, columns: [], conditionalFormats: [], dataRows: 0, hidden: true };
      for (const name of names) h.port.applyLayout(name, layout);
      await h.reload();
      const shown = names.filter((n) => !h.hidden(n));
      expect(shown).toEqual([names[names.length - 1]]);
    });

    it('rejects writes to a sheet that does not exist, and creates none', async () => {
      const h = await factory.create();
      h.port.ensureSheet('Có');
      const before = h.port.sheetNames();
      const missing = 'Không có';
      const changes: [string, () => void][] = [
        ['writeBlock', () => h.port.writeBlock(missing, 1, 1, [['x']])],
        ['writeFormats', () => h.port.writeFormats(missing, 1, 1, [['0%']])],
        ['appendRows', () => h.port.appendRows(missing, [['x']])],
        ['clearSheet', () => h.port.clearSheet(missing)],
        ['applyLayout', () => h.port.applyLayout(missing, LAYOUT)],
        ['styleBlock', () => h.port.styleBlock(missing, { boldRows: [1] })],
        ['setMarks', () => h.port.setMarks(missing, [{ row: 2, col: 1, note: 'Lỗi', background: '#f4cccc' }])],
        ['clearMarks', () => h.port.clearMarks(missing)],
      ];
      for (const [method, change] of changes) expect(change, method).toThrow(/Không có/);
      expect(h.port.readSheet(missing)).toBeNull();
      expect(h.port.sheetNames()).toEqual(before);
    });

    it('costs a constant number of service calls per read and per block, whatever the rows', async (ctx) => {
      const h = await factory.create();
      if (!h.calls) {
        ctx.skip();
        return;
      }
      // Warm-up: an adapter learns the time zone once, on its first date.
      h.port.ensureSheet('Khởi động');
      h.port.writeBlock('Khởi động', 1, 1, [[{ date: '2024-01-01' }]]);
      h.port.readSheet('Khởi động');
      const costs: { read: number; write: number; append: number }[] = [];
      for (const n of [10, 10_000]) {
        const sheet = `Dữ liệu ${n}`;
        h.port.ensureSheet(sheet);
        const rows: WriteCell[][] = Array.from({ length: n }, (_, i) => [`Nhiệm vụ ${i + 1}`, i, { date: '2024-06-30' }, i % 2 === 0]);
        h.calls.reset();
        h.port.writeBlock(sheet, 1, 1, rows);
        const write = h.calls.count();
        h.calls.reset();
        const grid = h.port.readSheet(sheet)!;
        const read = h.calls.count();
        h.calls.reset();
        h.port.appendRows(sheet, rows);
        const append = h.calls.count();
        expect(grid.values.length).toBe(n);
        expect(cellAt(grid, n, 3)).toEqual({ date: '2024-06-30' });
        costs.push({ read, write, append });
      }
      const [small, large] = costs as [(typeof costs)[number], (typeof costs)[number]];
      expect(small.read).toBeGreaterThan(0);
      expect(large.read).toBe(small.read);
      // Growing the grid past its size (Sheets starts at 1000 rows) is one more call, once.
      expect(large.write - small.write).toBeGreaterThanOrEqual(0);
      expect(large.write - small.write).toBeLessThanOrEqual(1);
      expect(large.append - small.append).toBeLessThanOrEqual(1);
      expect(Math.max(large.read, large.write, large.append)).toBeLessThanOrEqual(6);
    });
  });
}
