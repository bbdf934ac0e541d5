// An in-memory WorkbookPort that records every call, for write-back tests (a shared one is
// coming in test/core/helpers/memory-workbook.ts; this one stays small and local).

import type { BlockStyle, CellMark, RawCell, SheetGrid, SheetLayout, WorkbookPort, WriteCell } from '../../../src/core/ports.ts';

export interface Call {
  method: string;
  sheet?: string;
  row?: number;
  col?: number;
  rows?: number;
  cols?: number;
}

export class RecordingWorkbook implements WorkbookPort {
  readonly cells = new Map<string, Map<string, WriteCell>>();
  readonly formats = new Map<string, Map<string, string>>();
  readonly styles = new Map<string, BlockStyle>();
  readonly calls: Call[] = [];
  private readonly order: string[] = [];

  constructor(sheets: Record<string, WriteCell[][]> = {}) {
    for (const [name, grid] of Object.entries(sheets)) {
      this.ensureSheet(name);
      this.put(name, 1, 1, grid);
    }
    this.calls.length = 0;
  }

  private put(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    const s = this.cells.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    values.forEach((line, r) => line.forEach((v, c) => {
      const key = `${row + r},${col + c}`;
      if (v === null || v === '') s.delete(key);
      else s.set(key, v);
    }));
  }

  get(sheet: string, row: number, col: number): WriteCell {
    return this.cells.get(sheet)?.get(`${row},${col}`) ?? null;
  }

  lastRow(sheet: string): number {
    let last = 0;
    for (const k of this.cells.get(sheet)?.keys() ?? []) last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }

  /** The sheet as a dense grid from A1 (for equality checks). */
  grid(sheet: string): WriteCell[][] {
    const s = this.cells.get(sheet) ?? new Map();
    let rows = 0;
    let cols = 0;
    for (const k of s.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.get(`${r + 1},${c + 1}`) ?? null));
  }

  sheetNames(): string[] {
    return [...this.order];
  }
  readSheet(name: string): SheetGrid | null {
    if (!this.cells.has(name)) return null;
    this.calls.push({ method: 'readSheet', sheet: name });
    const values = this.grid(name) as RawCell[][];
    return { name, values, formats: values.map((l) => l.map(() => '')) };
  }
  ensureSheet(name: string): boolean {
    this.calls.push({ method: 'ensureSheet', sheet: name });
    if (this.cells.has(name)) return false;
    this.cells.set(name, new Map());
    this.formats.set(name, new Map());
    this.order.push(name);
    return true;
  }
  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    const width = values[0]?.length ?? 0;
    if (values.some((l) => l.length !== width)) throw new Error('writeBlock: not a rectangle');
    this.calls.push({ method: 'writeBlock', sheet, row, col, rows: values.length, cols: width });
    this.put(sheet, row, col, values);
  }
  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void {
    this.calls.push({ method: 'writeFormats', sheet, row, col, rows: formats.length, cols: formats[0]?.length ?? 0 });
    const s = this.formats.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    formats.forEach((line, r) => line.forEach((f, c) => {
      if (f !== '') s.set(`${row + r},${col + c}`, f);
    }));
  }
  appendRows(sheet: string, rows: WriteCell[][]): void {
    this.calls.push({ method: 'appendRows', sheet, rows: rows.length });
    this.put(sheet, this.lastRow(sheet) + 1, 1, rows);
  }
  clearSheet(sheet: string): void {
    this.calls.push({ method: 'clearSheet', sheet });
    this.cells.get(sheet)?.clear();
    this.formats.get(sheet)?.clear();
  }
  applyLayout(sheet: string, _layout: SheetLayout): void {
    this.calls.push({ method: 'applyLayout', sheet });
  }
  styleBlock(sheet: string, style: BlockStyle): void {
    this.calls.push({ method: 'styleBlock', sheet });
    this.styles.set(sheet, style);
  }
  setMarks(sheet: string, _marks: CellMark[]): void {
    this.calls.push({ method: 'setMarks', sheet });
  }
  clearMarks(sheet: string): void {
    this.calls.push({ method: 'clearMarks', sheet });
  }
}
