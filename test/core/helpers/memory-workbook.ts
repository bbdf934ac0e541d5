// An in-memory WorkbookPort for core tests, held to the same contract as the two real adapters
// (test/contract/memory-workbook.test.ts runs test/contract/workbook-port.contract.ts on it).
//
// It behaves as they do, with Google Sheets as the reference where they differ:
// - sheets are found by exact name, else by NFC-normalised, trimmed name; a write, a layout, a
//   style or a mark on a missing sheet throws (`No sheet named "X"`); readSheet gives null.
// - a string is stored as that string (never a formula or a number); '' and null empty a cell;
//   a block is rectangular (a shorter row empties the rest of its line, as setValues does).
// - a date written into an unformatted cell gets `dd/mm/yyyy` (what Sheets gives in vi_VN and
//   what the .xlsx adapter writes); writeFormats' '' keeps the cell's format.
// - readSheet ends at the last row and column with content; appendRows goes after the last row
//   with content (formatted empty rows do not count).
// - applyLayout: frozen rows, widths, header notes on the header row, the columns' number formats
//   on the data rows, validation per column over the data rows, our conditional format rules
//   (wrapped `AND(…,N("cchc")=0)`, over `B2:B1001`-style ranges, ours first, the user's kept after
//   them), warning-only protections of the ⚙ columns and of the whole sheet.
// - setMarks / clearMarks: notes holding `[CCHC]` below the user's own note, and a background;
//   clearing leaves the user's note and no background.
// - styleBlock merges: the sheet's earlier merges are undone first; a merge keeps only the
//   top-left value (Sheets does the same). Row heights are kept as given, in pixels.
// - applyLayout's `hidden` hides or shows the tab, never the last one shown; a hidden sheet is
//   listed, read and written as any other.
// `calls` counts the port's methods (one "service call" each), for "one read per sheet" tests.

import type {
  BlockStyle, CellMark, CellValidation, RawCell, SheetGrid, SheetLayout, WorkbookPort, WriteCell,
} from '../../../src/core/ports.ts';
import { inBothLanguages } from '../../../src/core/i18n.ts';
import { isDateCell } from '../../../src/core/ports.ts';
import { columnLetter } from '../../../src/core/contract/a1.ts';
import { sheetNameKey } from '../../../src/core/contract/sheet-names.ts';
import { columnRuns } from '../../../src/core/contract/look.ts';

export const CF_MARKER = 'N("cchc")=0';
export const MARK_TAG = '[CCHC]';
const PROTECTION_TAG = 'CCHC:';
const DATE_FORMAT = 'dd/mm/yyyy';

export interface MemoryRule {
  /** A1 ranges, space-separated (`A2:C1001 F2:F1001`). */
  ranges: string;
  /** The formula without its `=`. */
  formula: string;
  background: string;
  fontColor?: string;
}

export interface MemoryProtection {
  description: string;
  warningOnly: boolean;
  /** A1 range, or null for a whole-sheet protection. */
  range: string | null;
}

export interface MemorySheet {
  name: string;
  values: RawCell[][];
  /** Number formats parallel to `values`; '' is unformatted. */
  formats: string[][];
  /** Notes by `row:col` (1-based). */
  notes: Map<string, string>;
  /** Cell backgrounds by `row:col`, from marks and row backgrounds. */
  backgrounds: Map<string, string>;
  frozenRows: number;
  /** Column widths in pixels by 1-based column. */
  widths: Map<number, number>;
  /** Validation by 1-based column, over rows fromRow..toRow. */
  validations: Map<number, { fromRow: number; toRow: number; rule: CellValidation }>;
  rules: MemoryRule[];
  protections: MemoryProtection[];
  merges: { row: number; col: number; cols: number }[];
  /** Row heights in pixels by 1-based row, only those set. */
  rowHeights: Map<number, number>;
  /** The last layout applied (compared between runs by install tests). */
  layout?: SheetLayout;
  /** Every style applied, in order. */
  styles: BlockStyle[];
  /** The add-on's marks now on the sheet. */
  marks: CellMark[];
  /** The tab is hidden. */
  hidden: boolean;
}

const key = (row: number, col: number): string => `${row}:${col}`;
const isEmpty = (v: RawCell | undefined): boolean => v === null || v === undefined || v === '';
const normName = sheetNameKey;


function checkCell(row: number, col: number): void {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`The starting row of the range is too small. (row ${row})`);
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`The starting column of the range is too small. (column ${col})`);
}

function freshSheet(name: string): MemorySheet {
  return {
    name,
    values: [],
    formats: [],
    notes: new Map(),
    backgrounds: new Map(),
    frozenRows: 0,
    widths: new Map(),
    validations: new Map(),
    rules: [],
    protections: [],
    merges: [],
    rowHeights: new Map(),
    styles: [],
    marks: [],
    hidden: false,
  };
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  /** Calls per port method, so tests can assert "one read per sheet". */
  readonly calls: Record<string, number> = {};

  constructor(init: Record<string, RawCell[][]> = {}, formats: Record<string, string[][]> = {}) {
    for (const [name, values] of Object.entries(init)) {
      const s = freshSheet(name);
      s.values = values.map((r) => [...r]);
      s.formats = (formats[name] ?? []).map((r) => [...r]);
      this.sheets.set(name, s);
    }
  }

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  /** Every call counted so far, all methods together. */
  callCount(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  resetCalls(): void {
    for (const k of Object.keys(this.calls)) delete this.calls[k];
  }

  private find(name: string): MemorySheet | undefined {
    const exact = this.sheets.get(name);
    if (exact) return exact;
    const want = normName(name);
    for (const s of this.sheets.values()) if (normName(s.name) === want) return s;
    return undefined;
  }

  private sheet(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new Error(inBothLanguages('app.noSheet', { name }));
    return s;
  }

  sheetNames(): string[] {
    this.count('sheetNames');
    // As the real adapters give them: NFC, trimmed (contract/sheet-names.ts).
    return [...this.sheets.keys()].map(sheetNameKey);
  }

  readSheet(name: string): SheetGrid | null {
    this.count('readSheet');
    const s = this.find(name);
    if (!s) return null;
    // To the last row and column with content, as the adapters read.
    let lastRow = s.values.length;
    while (lastRow > 0 && (s.values[lastRow - 1] ?? []).every(isEmpty)) lastRow--;
    let lastCol = 0;
    for (let r = 0; r < lastRow; r++) {
      const row = s.values[r] ?? [];
      for (let c = row.length; c > lastCol; c--) if (!isEmpty(row[c - 1])) { lastCol = c; break; }
    }
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < lastRow; r++) {
      values.push(Array.from({ length: lastCol }, (_, c) => {
        const v = s.values[r]?.[c];
        return v === undefined ? null : v;
      }));
      formats.push(Array.from({ length: lastCol }, (_, c) => s.formats[r]?.[c] ?? ''));
    }
    return { name: s.name, values, formats };
  }

  ensureSheet(name: string, index?: number): boolean {
    this.count('ensureSheet');
    if (this.find(name)) return false;
    const fresh = freshSheet(name);
    const entries = [...this.sheets.entries()];
    const at = index === undefined ? entries.length : Math.max(0, Math.min(index, entries.length));
    entries.splice(at, 0, [name, fresh]);
    this.sheets.clear();
    for (const [k, v] of entries) this.sheets.set(k, v);
    return true;
  }

  private static setAt<T>(grid: T[][], row: number, col: number, v: T, blank: T): void {
    while (grid.length < row) grid.push([]);
    const line = grid[row - 1]!;
    while (line.length < col - 1) line.push(blank);
    line[col - 1] = v;
  }

  private writeCell(s: MemorySheet, row: number, col: number, v: WriteCell): void {
    if (v === null || v === '') {
      // Only touch the grid where something is there (a 200,000-row block of nulls stays cheap).
      if (s.values[row - 1]?.[col - 1] !== undefined) s.values[row - 1]![col - 1] = null;
      return;
    }
    if (isDateCell(v)) {
      MemoryWorkbook.setAt<RawCell>(s.values, row, col, { date: v.date }, null);
      if ((s.formats[row - 1]?.[col - 1] ?? '') === '') MemoryWorkbook.setAt(s.formats, row, col, DATE_FORMAT, '');
      return;
    }
    MemoryWorkbook.setAt<RawCell>(s.values, row, col, v, null);
  }

  private write(s: MemorySheet, row: number, col: number, values: WriteCell[][]): void {
    checkCell(row, col);
    let width = 0;
    for (const line of values) if (line.length > width) width = line.length;
    values.forEach((line, i) => {
      for (let j = 0; j < width; j++) this.writeCell(s, row + i, col + j, line[j] ?? null);
    });
  }

  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    this.count('writeBlock');
    this.write(this.sheet(sheet), row, col, values);
  }

  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void {
    this.count('writeFormats');
    const s = this.sheet(sheet);
    checkCell(row, col);
    formats.forEach((line, i) => line.forEach((f, j) => {
      if (f !== '') MemoryWorkbook.setAt(s.formats, row + i, col + j, f, '');
    }));
  }

  private lastContentRow(s: MemorySheet): number {
    let last = s.values.length;
    while (last > 0 && (s.values[last - 1] ?? []).every(isEmpty)) last--;
    return last;
  }

  appendRows(sheet: string, rows: WriteCell[][]): void {
    this.count('appendRows');
    const s = this.sheet(sheet);
    this.write(s, this.lastContentRow(s) + 1, 1, rows);
  }

  clearSheet(sheet: string): void {
    this.count('clearSheet');
    // Sheet.clear(): "Clears the sheet of content and formatting information" (values, number
    // formats, backgrounds); notes, validation, rules and merges stay.
    const s = this.sheet(sheet);
    s.values = [];
    s.formats = [];
    s.backgrounds.clear();
  }

  applyLayout(sheet: string, layout: SheetLayout): void {
    this.count('applyLayout');
    const s = this.sheet(sheet);
    const headerRow = layout.headerRowNumber ?? 1;
    const firstData = headerRow + 1;
    const dataRows = Math.max(0, layout.dataRows);
    s.layout = layout;
    s.frozenRows = layout.frozenRows;
    if (layout.hidden === false) s.hidden = false;
    if (layout.hidden === true && [...this.sheets.values()].some((x) => x !== s && !x.hidden)) s.hidden = true;
    for (const c of layout.columns) {
      if (c.width !== undefined) s.widths.set(c.col, Math.round(c.width));
      if (c.note !== undefined) s.notes.set(key(headerRow, c.col), c.note);
      if (c.numberFormat !== undefined) {
        for (let r = firstData; r < firstData + dataRows; r++) MemoryWorkbook.setAt(s.formats, r, c.col, c.numberFormat, '');
      }
      if (c.validation && dataRows > 0) s.validations.set(c.col, { fromRow: firstData, toRow: firstData + dataRows - 1, rule: c.validation });
    }

    const users = s.rules.filter((r) => !r.formula.includes(CF_MARKER));
    const rows = Math.max(1, dataRows);
    const ours = layout.conditionalFormats.map((rule): MemoryRule => {
      const cols = [...new Set(rule.columns)].sort((a, b) => a - b);
      const first = columnLetter(cols[0] ?? 1);
      const condition =
        rule.kind === 'textEquals' ? `TRIM(${first}${firstData})="${rule.text.replace(/"/g, '""')}"` : rule.formula.replace(/^=/, '');
      const out: MemoryRule = {
        ranges: columnRuns(cols).map(([a, b]) => `${columnLetter(a)}${firstData}:${columnLetter(b)}${firstData + rows - 1}`).join(' '),
        formula: `AND(${condition},${CF_MARKER})`,
        background: rule.background,
      };
      if (rule.fontColor) out.fontColor = rule.fontColor;
      return out;
    });
    s.rules = [...ours, ...users];

    s.protections = s.protections.filter((p) => p.range === null || !p.description.startsWith(PROTECTION_TAG));
    if (dataRows > 0) {
      for (const [a, b] of columnRuns(layout.columns.filter((c) => c.computed).map((c) => c.col))) {
        s.protections.push({
          description: `${PROTECTION_TAG} ⚙ cột do tiện ích tính / computed by the add-on`,
          warningOnly: true,
          range: `${columnLetter(a)}${firstData}:${columnLetter(b)}${firstData + dataRows - 1}`,
        });
      }
    }
    const sheetProtections = s.protections.filter((p) => p.range === null);
    if (layout.protectSheet && sheetProtections.length === 0) {
      s.protections.push({ description: `${PROTECTION_TAG} trang do tiện ích ghi / written by the add-on`, warningOnly: true, range: null });
    } else if (!layout.protectSheet) {
      s.protections = s.protections.filter((p) => p.range !== null || !p.description.startsWith(PROTECTION_TAG));
    }
  }

  styleBlock(sheet: string, style: BlockStyle): void {
    this.count('styleBlock');
    const s = this.sheet(sheet);
    s.styles.push(style);
    let width = 1;
    for (const r of s.values) if (r.length > width) width = r.length;
    for (const { row, color } of style.rowBackgrounds ?? []) for (let c = 1; c <= width; c++) s.backgrounds.set(key(row, c), color);
    for (const { col, width: w } of style.columnWidths ?? []) s.widths.set(col, Math.round(w));
    if ((style.merges ?? []).length > 0) {
      s.merges = [];
      for (const m of style.merges ?? []) {
        checkCell(m.row, m.col);
        s.merges.push({ ...m });
        // A merge keeps only the top-left value.
        for (let c = m.col + 1; c < m.col + m.cols; c++) this.writeCell(s, m.row, c, null);
      }
    }
    for (const { row, height } of style.rowHeights ?? []) s.rowHeights.set(row, Math.round(height));
  }

  setMarks(sheet: string, marks: CellMark[]): void {
    this.count('setMarks');
    const s = this.sheet(sheet);
    this.unmark(s);
    const byCell = new Map<string, CellMark[]>();
    for (const m of marks) {
      checkCell(m.row, m.col);
      byCell.set(key(m.row, m.col), [...(byCell.get(key(m.row, m.col)) ?? []), m]);
    }
    for (const [k, list] of byCell) {
      const ours = `${MARK_TAG} ${list.map((m) => m.note).join('\n')}`;
      const user = s.notes.get(k) ?? '';
      s.notes.set(k, user ? `${user}\n\n${ours}` : ours);
      s.backgrounds.set(k, list[0]!.background);
    }
    s.marks = [...marks];
  }

  clearMarks(sheet: string): void {
    this.count('clearMarks');
    this.unmark(this.sheet(sheet));
  }

  private unmark(s: MemorySheet): void {
    for (const [k, note] of [...s.notes]) {
      const at = note.indexOf(MARK_TAG);
      if (at < 0) continue;
      const user = note.slice(0, at).trimEnd();
      if (user) s.notes.set(k, user);
      else s.notes.delete(k);
      s.backgrounds.delete(k);
    }
    s.marks = [];
  }

  // ------------------------------------------------------------ peeking (not counted)

  /** A cell's value (1-based), for assertions. */
  cell(sheet: string, row: number, col: number): RawCell {
    return this.find(sheet)?.values[row - 1]?.[col - 1] ?? null;
  }

  /** A cell's note, '' when none. */
  noteAt(sheet: string, row: number, col: number): string {
    return this.find(sheet)?.notes.get(key(row, col)) ?? '';
  }

  /** Put a note on a cell the way a user would (not through the port). */
  setUserNote(sheet: string, row: number, col: number, note: string): void {
    const s = this.sheet(sheet);
    if (note === '') s.notes.delete(key(row, col));
    else s.notes.set(key(row, col), note);
  }

  /** Add a conditional format rule the way a user would (not through the port). */
  addUserRule(sheet: string, rule: MemoryRule): void {
    this.sheet(sheet).rules.push({ ...rule });
  }

  /** Merged blocks in A1 notation, sorted. */
  mergedRanges(sheet: string): string[] {
    return this.sheet(sheet).merges.map((m) => `${columnLetter(m.col)}${m.row}:${columnLetter(m.col + m.cols - 1)}${m.row}`).sort();
  }

  /** The sheet's tab is hidden. */
  isHidden(sheet: string): boolean {
    return this.sheet(sheet).hidden;
  }

  /** A row's height in pixels, null when never set. */
  rowHeightPx(sheet: string, row: number): number | null {
    return this.sheet(sheet).rowHeights.get(row) ?? null;
  }
}
