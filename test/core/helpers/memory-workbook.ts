// A tiny in-memory WorkbookPort for tests: sheets as RawCell[][] (row 1 first), formats parallel.
// Writes are applied to the grid; layouts, styles and marks are recorded for assertions.

import type {
  BlockStyle, CellMark, RawCell, SheetGrid, SheetLayout, WorkbookPort, WriteCell,
} from '../../../src/core/ports.ts';

export interface MemorySheet {
  values: RawCell[][];
  formats: string[][];
  layout?: SheetLayout;
  styles: BlockStyle[];
  marks: CellMark[];
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  /** Service-call counts per method, so tests can assert "one read per sheet". */
  readonly calls: Record<string, number> = {};

  constructor(init: Record<string, RawCell[][]> = {}, formats: Record<string, string[][]> = {}) {
    for (const [name, values] of Object.entries(init)) {
      this.sheets.set(name, { values: values.map((r) => [...r]), formats: (formats[name] ?? []).map((r) => [...r]), styles: [], marks: [] });
    }
  }

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private sheet(name: string): MemorySheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    this.count('sheetNames');
    return [...this.sheets.keys()];
  }

  readSheet(name: string): SheetGrid | null {
    this.count('readSheet');
    const s = this.sheets.get(name);
    if (!s) return null;
    // Trim trailing empty rows and columns, as adapters do ("to the last row/column with content").
    const empty = (v: RawCell | undefined) => v === null || v === undefined || v === '';
    let lastRow = s.values.length;
    while (lastRow > 0 && (s.values[lastRow - 1] ?? []).every(empty)) lastRow--;
    let lastCol = 0;
    for (let r = 0; r < lastRow; r++) {
      const row = s.values[r] ?? [];
      for (let c = row.length; c > lastCol; c--) if (!empty(row[c - 1])) { lastCol = c; break; }
    }
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < lastRow; r++) {
      values.push(Array.from({ length: lastCol }, (_, c) => s.values[r]?.[c] ?? null));
      formats.push(Array.from({ length: lastCol }, (_, c) => s.formats[r]?.[c] ?? ''));
    }
    return { name, values, formats };
  }

  ensureSheet(name: string, index?: number): boolean {
    this.count('ensureSheet');
    if (this.sheets.has(name)) return false;
    const fresh: MemorySheet = { values: [], formats: [], styles: [], marks: [] };
    if (index === undefined) this.sheets.set(name, fresh);
    else {
      const entries = [...this.sheets.entries()];
      entries.splice(index, 0, [name, fresh]);
      this.sheets.clear();
      for (const [k, v] of entries) this.sheets.set(k, v);
    }
    return true;
  }

  private put<T>(grid: T[][], row: number, col: number, block: T[][], blank: T): void {
    block.forEach((cells, i) => {
      const r = row - 1 + i;
      while (grid.length <= r) grid.push([]);
      const line = grid[r]!;
      cells.forEach((v, j) => {
        const c = col - 1 + j;
        while (line.length < c) line.push(blank);
        line[c] = v;
      });
    });
  }

  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    this.count('writeBlock');
    this.put<RawCell>(this.sheet(sheet).values, row, col, values, null);
  }

  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void {
    this.count('writeFormats');
    this.put(this.sheet(sheet).formats, row, col, formats, '');
  }

  appendRows(sheet: string, rows: WriteCell[][]): void {
    this.count('appendRows');
    const s = this.sheet(sheet);
    const grid = this.readSheet(sheet);
    this.calls.readSheet = (this.calls.readSheet ?? 1) - 1; // internal read, not a service call
    const last = grid?.values.length ?? 0;
    this.put<RawCell>(s.values, last + 1, 1, rows, null);
  }

  clearSheet(sheet: string): void {
    this.count('clearSheet');
    const s = this.sheet(sheet);
    s.values = [];
    s.formats = [];
  }

  applyLayout(sheet: string, layout: SheetLayout): void {
    this.count('applyLayout');
    this.sheet(sheet).layout = layout;
  }

  styleBlock(sheet: string, style: BlockStyle): void {
    this.count('styleBlock');
    this.sheet(sheet).styles.push(style);
  }

  setMarks(sheet: string, marks: CellMark[]): void {
    this.count('setMarks');
    this.sheet(sheet).marks = [...marks];
  }

  clearMarks(sheet: string): void {
    this.count('clearMarks');
    this.sheet(sheet).marks = [];
  }

  /** A cell's value (1-based), for assertions. */
  cell(sheet: string, row: number, col: number): RawCell {
    return this.sheets.get(sheet)?.values[row - 1]?.[col - 1] ?? null;
  }
}
