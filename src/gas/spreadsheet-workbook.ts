// WorkbookPort over a Google Sheet (Apps Script SpreadsheetApp).
//
// Cost: every method makes a constant number of service calls whatever the number of rows: a
// read is getDataRange + getValues + getNumberFormats; a block is one setValues; layouts and
// marks read and write whole ranges. Calls that grow with the number of COLUMNS (widths,
// validation per column, one protection per ⚙ column) are bounded by the template.
//
// Fewest calls (issue 13 item 8; test/gas/service-calls.test.ts bounds each operation):
// - A sheet read is kept until the adapter changes that sheet or the document lock is taken
//   (forgetReads); the size a write needs is known from the last read's data range.
// - A sheet this adapter inserted is blank: its protections, frozen rows, last row and column
//   are known without asking; what a user may add meanwhile and would lose (notes, validation,
//   conditional format rules) is still read before it is written.
// - Formats shared by several runs of columns: one RangeList; validation: the rule built once
//   per execution, one setDataValidations for a sheet's columns; Asia/Ho_Chi_Minh's offset is
//   known (no Utilities.formatDate).
//
// Choices:
// - Sheet objects and sizes are cached for the adapter's life (one execution).
// - Dates: Sheets hands back Date objects at midnight in the spreadsheet's time zone. The bundle
//   runs in a context where host Dates fail `instanceof Date`, so dates are detected with
//   Object.prototype.toString. The zone's UTC offset is learnt once (two Utilities.formatDate
//   calls); a zone with daylight saving falls back to one formatDate per distinct instant.
//   `{date}` is written as a Date at midnight in that zone, which round-trips.
// - A text that Sheets would parse (a formula `=…`/`+…`/`-…`/`@…`, a number, a percent, a date,
//   TRUE/FALSE, a leading apostrophe) is written with a leading apostrophe so it stays the text
//   it was (the port writes text, never formulas).
// - Rows shorter than the block are padded with empty cells (the block is rectangular).
// - Row heights: Sheets fits rows with wrapped text itself, so only the heights the core gives
//   (merged rows of the guide) are set, as minimums. Merges are undone over the whole sheet
//   before the guide's are made again.
// - Our conditional format rules carry `N("cchc")=0` in their formula; our protections carry a
//   description starting `CCHC:`; our cell marks are notes holding `[CCHC]`. Re-running replaces
//   ours and keeps what users made.

import type {
  BlockStyle,
  CellMark,
  CellValidation,
  ConditionalFormat,
  RawCell,
  SheetGrid,
  SheetLayout,
  WorkbookPort,
  WriteCell,
} from '../core/ports.ts';
import { inBothLanguages } from '../core/i18n.ts';
import { isDateCell } from '../core/ports.ts';
import { sheetNameKey } from '../core/contract/sheet-names.ts';
import { CF_MARKER, COMPUTED_FILL, HEADER_FILL, MARK_TAG, PROTECTION_TAG, columnRuns } from '../core/contract/look.ts';
import { columnLetter } from '../core/contract/a1.ts';

export { MARK_TAG } from '../core/contract/look.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Utils = GoogleAppsScript.Utilities.Utilities;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const MONOSPACE = 'Roboto Mono';

/**
 * Zones whose UTC offset has not changed since 1975 and that keep no daylight saving (IANA tz
 * database): their offset is known without asking Utilities.formatDate. The offset learnt for any
 * other zone (two formatDate calls on 2024 instants) is the same number for these.
 */
const FIXED_OFFSET_MS: Record<string, number> = {
  'Asia/Ho_Chi_Minh': 7 * 3_600_000,
  'Asia/Saigon': 7 * 3_600_000,
  'Asia/Bangkok': 7 * 3_600_000,
  UTC: 0,
  'Etc/UTC': 0,
  'Etc/GMT': 0,
};

/** Texts Sheets would turn into a number, percent, date, time or boolean when written. */
const PARSED_TEXT = [
  /^[+-]?[\d\s.,]*\d[\d\s.,]*(e[+-]?\d+)?\s*%?$/i,
  /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?)?$/i,
  /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i,
  /^(true|false)$/i,
  /^[$€£¥₫]\s*[\d.,]+$|^[\d.,]+\s*[$€£¥₫đ]$/,
];

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Runs of consecutive rows whose items share a key, in row order (one service call each). */
function rowRuns<T extends { row: number }>(items: readonly T[], key: (t: T) => string): { row: number; count: number; items: T[] }[] {
  const runs: { row: number; count: number; key: string; items: T[] }[] = [];
  const byRow = new Map<number, T>();
  for (const t of items) byRow.set(t.row, t);
  for (const t of [...byRow.values()].sort((a, b) => a.row - b.row)) {
    const k = key(t);
    const last = runs[runs.length - 1];
    if (last && last.key === k && last.row + last.count === t.row) {
      last.count++;
      last.items.push(t);
    } else runs.push({ row: t.row, count: 1, key: k, items: [t] });
  }
  return runs;
}

const normName = sheetNameKey;

function noteWithoutMark(note: string): string {
  const at = note.indexOf(MARK_TAG);
  return at < 0 ? note : note.slice(0, at).trimEnd();
}

export interface SpreadsheetServices {
  SpreadsheetApp: App;
  Utilities: Utils;
}

/** A number rule without bounds is a custom formula on the column's first cell (ISNUMBER). */
function isFormulaRule(v: CellValidation): boolean {
  return v.kind === 'number' && v.min === undefined && v.max === undefined;
}

/** Columns grouped by the value `pick` gives them (JSON-equal values together), in first-seen order. */
function groupsOf<C extends { col: number }, T>(columns: readonly C[], pick: (c: C) => T | undefined): { value: T; cols: number[] }[] {
  const groups = new Map<string, { value: T; cols: number[] }>();
  for (const c of columns) {
    const v = pick(c);
    if (v === undefined) continue;
    const key = JSON.stringify(v);
    const g = groups.get(key) ?? { value: v, cols: [] };
    g.cols.push(c.col);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** A grid the caller may change without changing the one kept. */
function copyGrid(g: SheetGrid): SheetGrid {
  return {
    name: g.name,
    values: g.values.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { ...v } : v))),
    formats: g.formats.map((r) => [...r]),
  };
}

/** The longest row's length. A loop: `Math.max(...rows)` overflows the stack past ~120,000 rows. */
function widestRow(rows: readonly unknown[][]): number {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

interface FreshSheet {
  lastRow: number;
  lastCol: number;
  noProtections: boolean;
  frozenRows: number;
  /** Our conditional format rules were set on it. */
  ourRules: boolean;
}

export class SpreadsheetWorkbook implements WorkbookPort {
  private readonly ss: Spreadsheet;
  private readonly app: App;
  private readonly utils: Utils;
  private sheets: { name: string; sheet: Sheet }[] | null = null;
  private readonly sizes = new Map<Sheet, { rows: number; cols: number }>();
  /** Sizes the sheet has at least: its data range as last read (the data range lies inside the grid). */
  private readonly atLeast = new Map<Sheet, { rows: number; cols: number }>();
  /**
   * What is known without asking of a sheet this adapter inserted (blank when made): the extent
   * of the content written since, its frozen rows, that it has no protection yet and none of our
   * conditional format rules. Only what a user's edit in the meantime could not be lost by: notes,
   * validation and conditional format rules are read before they are written, as the user's are
   * kept. Dropped after a merge (content not tracked).
   */
  private readonly fresh = new Map<Sheet, FreshSheet>();
  /**
   * The last read of each sheet, while this adapter has not changed it: the core reads `Thông tin`
   * up to three times in one operation (the school, then the document number).
   */
  private readonly reads = new Map<Sheet, SheetGrid>();
  /** Data validation rules built this execution: a built rule is applied to any number of ranges. */
  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  private zone: { tz: string; offsetMs: number | null; memo: Map<number, string> } | null = null;

  /** `services` default to the Apps Script globals (tests pass the offline runtime's). */
  constructor(ss: Spreadsheet, services?: Partial<SpreadsheetServices>) {
    this.ss = ss;
    this.app = services?.SpreadsheetApp ?? SpreadsheetApp;
    this.utils = services?.Utilities ?? Utilities;
  }

  // ------------------------------------------------------------ sheets

  private list(): { name: string; sheet: Sheet }[] {
    if (!this.sheets) this.sheets = this.ss.getSheets().map((sheet) => ({ name: sheet.getName(), sheet }));
    return this.sheets;
  }

  private find(name: string): Sheet | null {
    const all = this.list();
    const exact = all.find((s) => s.name === name);
    if (exact) return exact.sheet;
    const want = normName(name);
    return all.find((s) => normName(s.name) === want)?.sheet ?? null;
  }

  /** A sheet about to be changed: its last read is forgotten. */
  private sheet(name: string): Sheet {
    const s = this.find(name);
    if (!s) throw new Error(inBothLanguages('app.noSheet', { name }));
    this.reads.delete(s);
    return s;
  }

  /**
   * Forget every sheet read so far, so the next read asks Sheets again: called when the document
   * lock is taken, so what is read under the lock is what other executions left.
   */
  forgetReads(): void {
    this.reads.clear();
  }

  sheetNames(): string[] {
    return this.list().map((s) => sheetNameKey(s.name));
  }

  ensureSheet(name: string, index?: number): boolean {
    if (this.find(name)) return false;
    const all = this.list();
    const at = index === undefined ? all.length : Math.max(0, Math.min(index, all.length));
    const sheet = this.ss.insertSheet(name, at);
    all.splice(at, 0, { name, sheet });
    this.fresh.set(sheet, { lastRow: 0, lastCol: 0, noProtections: true, frozenRows: 0, ourRules: false });
    return true;
  }

  /** The sheet's grid size, asked once (two calls) and kept up to date by ensureSize. */
  private exactSize(sheet: Sheet): { rows: number; cols: number } {
    let size = this.sizes.get(sheet);
    if (!size) {
      size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
      this.sizes.set(sheet, size);
    }
    return size;
  }

  /** Rows and columns of a sheet, grown (one call each way) when a write needs more. */
  private ensureSize(sheet: Sheet, rows: number, cols: number): void {
    const known = this.atLeast.get(sheet);
    if (!this.sizes.has(sheet) && known && rows <= known.rows && cols <= known.cols) return;
    const size = this.exactSize(sheet);
    if (rows > size.rows) {
      sheet.insertRowsAfter(size.rows, rows - size.rows);
      size.rows = rows;
    }
    if (cols > size.cols) {
      sheet.insertColumnsAfter(size.cols, cols - size.cols);
      size.cols = cols;
    }
  }

  // ------------------------------------------------------------ dates

  private timeZone(): { tz: string; offsetMs: number | null; memo: Map<number, string> } {
    if (!this.zone) {
      const tz = this.ss.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE;
      const fixed = FIXED_OFFSET_MS[tz];
      if (fixed !== undefined) {
        this.zone = { tz, offsetMs: fixed, memo: new Map() };
        return this.zone;
      }
      const offsetAt = (t: number): number => {
        const local = this.utils.formatDate(new Date(t), tz, "yyyy-MM-dd'T'HH:mm:ss");
        return Date.parse(`${local}Z`) - t;
      };
      const winter = offsetAt(Date.UTC(2024, 0, 15));
      const summer = offsetAt(Date.UTC(2024, 6, 15));
      this.zone = { tz, offsetMs: winter === summer ? winter : null, memo: new Map() };
    }
    return this.zone;
  }

  private isoOf(d: Date): string | null {
    const t = d.getTime();
    if (!Number.isFinite(t)) return null;
    const zone = this.timeZone();
    if (zone.offsetMs !== null) return new Date(t + zone.offsetMs).toISOString().slice(0, 10);
    let iso = zone.memo.get(t);
    if (iso === undefined) {
      iso = this.utils.formatDate(new Date(t), zone.tz, 'yyyy-MM-dd');
      zone.memo.set(t, iso);
    }
    return iso;
  }

  private dateAt(iso: string): Date {
    const utc = Date.parse(`${iso}T00:00:00Z`);
    const zone = this.timeZone();
    if (zone.offsetMs !== null) return new Date(utc - zone.offsetMs);
    // Daylight saving: take the offset a few hours into that day, then midnight.
    const local = this.utils.formatDate(new Date(utc + 12 * 3_600_000), zone.tz, "yyyy-MM-dd'T'HH:mm:ss");
    const offset = Date.parse(`${local}Z`) - (utc + 12 * 3_600_000);
    return new Date(utc - offset);
  }

  private toRaw(v: unknown): RawCell {
    if (v === null || v === undefined || v === '') return v === '' ? '' : null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (isDate(v)) {
      const iso = this.isoOf(v);
      return iso === null ? null : { date: iso };
    }
    return String(v);
  }

  private toSheetValue(v: WriteCell): unknown {
    if (v === null) return '';
    if (isDateCell(v)) return this.dateAt(v.date);
    if (typeof v === 'string') {
      const t = v.trim();
      if (/^['=+\-@]/.test(v) || PARSED_TEXT.some((re) => re.test(t))) return `'${v}`;
      return v;
    }
    return v;
  }

  // ------------------------------------------------------------ reads and writes

  readSheet(name: string): SheetGrid | null {
    const sheet = this.find(name);
    if (!sheet) return null;
    const known = this.reads.get(sheet);
    if (known) return copyGrid(known);
    const range = sheet.getDataRange();
    const raw = range.getValues();
    const rawFormats = range.getNumberFormats();
    this.atLeast.set(sheet, { rows: raw.length, cols: widestRow(raw) });
    const values: RawCell[][] = raw.map((row) => row.map((v) => this.toRaw(v)));
    const formats: string[][] = rawFormats.map((row) => row.map((f) => String(f ?? '')));
    // An empty sheet reads as one empty cell: the grid ends at the last row with content.
    let last = values.length;
    while (last > 0 && (values[last - 1] ?? []).every((v) => v === '' || v === null)) last--;
    values.length = last;
    formats.length = last;
    const grid: SheetGrid = { name: this.list().find((s) => s.sheet === sheet)?.name ?? name, values, formats };
    this.reads.set(sheet, copyGrid(grid));
    return grid;
  }

  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    if (values.length === 0) return;
    const s = this.sheet(sheet);
    const width = widestRow(values);
    if (width === 0) return;
    const grid = values.map((r) => {
      const line = r.map((v) => this.toSheetValue(v));
      while (line.length < width) line.push('');
      return line;
    });
    this.ensureSize(s, row + values.length - 1, col + width - 1);
    s.getRange(row, col, values.length, width).setValues(grid);
    const fresh = this.fresh.get(s);
    if (fresh) {
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === '') return;
          fresh.lastRow = Math.max(fresh.lastRow, row + i);
          fresh.lastCol = Math.max(fresh.lastCol, col + j);
        }),
      );
    }
  }

  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void {
    if (formats.length === 0) return;
    const s = this.sheet(sheet);
    const width = widestRow(formats);
    if (width === 0) return;
    this.ensureSize(s, row + formats.length - 1, col + width - 1);
    const range = s.getRange(row, col, formats.length, width);
    // '' keeps the cell's format: read the current ones only when needed.
    const needsCurrent = formats.some((r) => r.length < width || r.some((f) => f === ''));
    const current = needsCurrent ? range.getNumberFormats() : null;
    const grid = formats.map((r, i) =>
      Array.from({ length: width }, (_, j) => {
        const f = r[j];
        return f === undefined || f === '' ? (current?.[i]?.[j] ?? 'General') : f;
      }),
    );
    range.setNumberFormats(grid);
  }

  appendRows(sheet: string, rows: WriteCell[][]): void {
    const s = this.sheet(sheet);
    this.writeBlock(sheet, this.lastRow(s) + 1, 1, rows);
  }

  clearSheet(sheet: string): void {
    const s = this.sheet(sheet);
    s.clear();
    const fresh = this.fresh.get(s);
    if (fresh) {
      fresh.lastRow = 0;
      fresh.lastCol = 0;
    }
  }

  /** getLastRow / getLastColumn, known without a call for a sheet this adapter made. */
  private lastRow(s: Sheet): number {
    return this.fresh.get(s)?.lastRow ?? s.getLastRow();
  }

  private lastColumn(s: Sheet): number {
    return this.fresh.get(s)?.lastCol ?? s.getLastColumn();
  }

  // ------------------------------------------------------------ layout

  applyLayout(sheet: string, layout: SheetLayout): void {
    const s = this.sheet(sheet);
    const headerRow = layout.headerRowNumber ?? 1;
    const firstData = headerRow + 1;
    const dataRows = Math.max(0, layout.dataRows);
    const maxCol = Math.max(0, ...layout.columns.map((c) => c.col));
    this.ensureSize(s, Math.max(headerRow, headerRow + dataRows), Math.max(1, maxCol));

    const fresh = this.fresh.get(s);
    if (fresh?.frozenRows !== layout.frozenRows) s.setFrozenRows(layout.frozenRows);
    if (fresh) fresh.frozenRows = layout.frozenRows;

    // Widths: one call per run of adjacent columns of the same width.
    const widths = layout.columns.filter((c) => c.width !== undefined).sort((a, b) => a.col - b.col);
    for (let i = 0; i < widths.length; ) {
      const first = widths[i];
      if (!first || first.width === undefined) break;
      let j = i;
      while (widths[j + 1]?.col === (widths[j]?.col ?? 0) + 1 && widths[j + 1]?.width === first.width) j++;
      s.setColumnWidths(first.col, j - i + 1, Math.round(first.width));
      i = j + 1;
    }

    // The header is wrapped with the wrapped data columns when there are some (one call for both).
    const wrapsData = dataRows > 0 && layout.columns.some((c) => c.wrap);
    let headerA1: string | null = null;
    if (maxCol > 0) {
      const lastCol = Math.max(maxCol, this.lastColumn(s));
      const header = s.getRange(headerRow, 1, 1, lastCol);
      if (layout.headerRow) {
        header.setFontWeight('bold').setBackground(HEADER_FILL).setVerticalAlignment('middle');
        if (wrapsData) headerA1 = `A${headerRow}:${columnLetter(lastCol)}${headerRow}`;
        else header.setWrap(true);
      }
      if (layout.columns.some((c) => c.note !== undefined)) {
        const notes = header.getNotes()[0] ?? [];
        const next = Array.from({ length: lastCol }, (_, i) => notes[i] ?? '');
        for (const c of layout.columns) if (c.note !== undefined) next[c.col - 1] = c.note;
        if (next.some((n, i) => n !== (notes[i] ?? ''))) header.setNotes([next]);
      }
    }

    if (dataRows > 0) {
      const dataRange = (from: number, to: number): Range => s.getRange(firstData, from, dataRows, to - from + 1);
      const lastData = firstData + dataRows - 1;
      // One format for several runs of columns: one RangeList and one call for all of them ("to
      // apply operations on collections of non-adjacent ranges": developers.google.com/apps-script/
      // reference/spreadsheet/range-list), instead of a range and a call per run.
      const eachRun = <T>(pick: (c: SheetLayout['columns'][number]) => T | undefined, apply: (r: Range | RangeList, v: T) => void, also: string[] = []): void => {
        for (const g of groupsOf(layout.columns, pick)) {
          const runs = columnRuns(g.cols);
          if (runs.length === 1 && also.length === 0) apply(dataRange(runs[0]![0], runs[0]![1]), g.value);
          else apply(s.getRangeList([...also, ...runs.map(([a, b]) => `${columnLetter(a)}${firstData}:${columnLetter(b)}${lastData}`)]), g.value);
        }
      };
      eachRun((c) => c.numberFormat, (r, f) => r.setNumberFormat(f));
      // Data cells sit at the top of their row (rows grow with wrapped text).
      if (maxCol > 0) dataRange(1, maxCol).setVerticalAlignment('top');
      eachRun((c) => (c.wrap ? true : undefined), (r) => r.setWrap(true), headerA1 ? [headerA1] : []);
      eachRun((c) => (c.computed ? COMPUTED_FILL : undefined), (r, color) => r.setBackground(color));
      this.setValidations(s, layout, firstData, dataRows);
    }

    this.setConditionalFormats(s, layout.conditionalFormats, firstData, dataRows);
    this.setProtections(s, layout, firstData, dataRows);
  }

  /**
   * Validation of the data rows. RangeList has no setDataValidation; instead the rules of all the
   * columns go in one Range.setDataValidations over the columns they span (a rule per cell:
   * developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationsrules), the
   * span's other columns given back the rules getDataValidations read there (null where none), so
   * a user's are kept. A custom-formula rule names its column's first cell, relative to the range
   * it is set on: such a rule stays on its own range, as it always was.
   */
  private setValidations(s: Sheet, layout: SheetLayout, firstData: number, dataRows: number): void {
    const columns: { col: number; rule: GoogleAppsScript.Spreadsheet.DataValidation }[] = [];
    for (const g of groupsOf(layout.columns, (c) => c.validation)) {
      if (isFormulaRule(g.value)) {
        for (const [a, b] of columnRuns(g.cols)) {
          s.getRange(firstData, a, dataRows, b - a + 1).setDataValidation(this.validationRule(g.value, columnLetter(a), firstData));
        }
        continue;
      }
      const rule = this.validationRule(g.value, '', firstData);
      for (const col of g.cols) columns.push({ col, rule });
    }
    if (columns.length === 0) return;
    const first = Math.min(...columns.map((c) => c.col));
    const last = Math.max(...columns.map((c) => c.col));
    const range = s.getRange(firstData, first, dataRows, last - first + 1);
    if (columns.length === last - first + 1 && columnRuns(columns.map((c) => c.col)).length === 1 && new Set(columns.map((c) => c.rule)).size === 1) {
      range.setDataValidation(columns[0]!.rule);
    } else {
      const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = range.getDataValidations();
      for (const row of grid) for (const { col, rule } of columns) row[col - first] = rule;
      range.setDataValidations(grid as GoogleAppsScript.Spreadsheet.DataValidation[][]);
    }
  }

  private validationRule(v: CellValidation, colLetter: string, firstRow: number): GoogleAppsScript.Spreadsheet.DataValidation {
    // A rule is built once and applied to every range it fits; only a custom formula names a cell.
    const formula = isFormulaRule(v);
    const key = `${JSON.stringify(v)}${formula ? `@${colLetter}${firstRow}` : ''}`;
    const built = this.rules.get(key);
    if (built) return built;
    const rule = this.buildValidationRule(v, colLetter, firstRow);
    this.rules.set(key, rule);
    return rule;
  }

  private buildValidationRule(v: CellValidation, colLetter: string, firstRow: number): GoogleAppsScript.Spreadsheet.DataValidation {
    const b = this.app.newDataValidation().setAllowInvalid(!v.strict);
    switch (v.kind) {
      case 'list':
        b.requireValueInList(v.values, true);
        break;
      case 'date':
        b.requireDate().setHelpText('Nhập ngày dạng dd/mm/yyyy. / Enter a date as dd/mm/yyyy.');
        break;
      case 'number':
        if (v.min !== undefined && v.max !== undefined) b.requireNumberBetween(v.min, v.max);
        else if (v.min !== undefined) b.requireNumberGreaterThanOrEqualTo(v.min);
        else if (v.max !== undefined) b.requireNumberLessThanOrEqualTo(v.max);
        else b.requireFormulaSatisfied(`=ISNUMBER(${colLetter}${firstRow})`);
        break;
      case 'email':
        b.requireTextIsEmail();
        break;
    }
    return b.build();
  }

  private setConditionalFormats(s: Sheet, rules: ConditionalFormat[], firstRow: number, dataRows: number): void {
    // A sheet made here holds none of our rules until we set some: with none to set, there is
    // nothing to replace (the user's rules are not touched). Otherwise always asked, even of a
    // sheet made here, so that a user's rule is kept whenever it came.
    const fresh = this.fresh.get(s);
    if (rules.length === 0 && fresh && !fresh.ourRules) return;
    const existing = s.getConditionalFormatRules();
    const isOurs = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
      const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
      return values.some((v) => String(v).includes(CF_MARKER));
    };
    const users = existing.filter((r) => !isOurs(r));
    if (rules.length === 0 && users.length === existing.length) return;
    const rows = Math.max(1, dataRows);
    const ours = rules.map((rule) => {
      const cols = [...new Set(rule.columns)].sort((a, b) => a - b);
      const first = columnLetter(cols[0] ?? 1);
      const condition =
        rule.kind === 'textEquals'
          ? `TRIM(${first}${firstRow})="${rule.text.replace(/"/g, '""')}"`
          : rule.formula.replace(/^=/, '');
      const b = this.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=AND(${condition},${CF_MARKER})`)
        .setBackground(rule.background)
        .setRanges(columnRuns(cols).map(([a, z]) => s.getRange(firstRow, a, rows, z - a + 1)));
      if (rule.fontColor) b.setFontColor(rule.fontColor);
      return b.build();
    });
    s.setConditionalFormatRules([...ours, ...users]);
    if (fresh && ours.length > 0) fresh.ourRules = true;
  }

  private setProtections(s: Sheet, layout: SheetLayout, firstRow: number, dataRows: number): void {
    const RANGE = this.app.ProtectionType.RANGE;
    const SHEET = this.app.ProtectionType.SHEET;
    const computed = layout.columns.filter((c) => c.computed).map((c) => c.col);
    const fresh = this.fresh.get(s);
    const none = fresh?.noProtections === true;
    const ranges = none ? [] : s.getProtections(RANGE);
    for (const p of ranges) if (p.getDescription().startsWith(PROTECTION_TAG)) p.remove();
    if (dataRows > 0) {
      for (const [a, b] of columnRuns(computed)) {
        s.getRange(firstRow, a, dataRows, b - a + 1)
          .protect()
          .setDescription(`${PROTECTION_TAG} ⚙ cột do tiện ích tính / computed by the add-on`)
          .setWarningOnly(true);
      }
    }
    if (layout.hidden !== undefined) this.setHidden(s, layout.hidden);

    const sheetProtections = none ? [] : s.getProtections(SHEET);
    if (fresh) fresh.noProtections = false;
    const ours = sheetProtections.find((p) => p.getDescription().startsWith(PROTECTION_TAG));
    if (layout.protectSheet && sheetProtections.length === 0) {
      s.protect().setDescription(`${PROTECTION_TAG} trang do tiện ích ghi / written by the add-on`).setWarningOnly(true);
    } else if (!layout.protectSheet && ours) {
      ours.remove();
    }
  }

  /**
   * Hide or show the tab. Sheets refuses to hide the last visible sheet, so that one stays; a
   * call is made only when the state changes (isSheetHidden costs one, hideSheet one more).
   */
  private setHidden(s: Sheet, hidden: boolean): void {
    const now = s.isSheetHidden();
    if (now === hidden) return;
    if (!hidden) {
      s.showSheet();
      return;
    }
    const othersShown = this.list().some((x) => x.sheet.getSheetId() !== s.getSheetId() && !x.sheet.isSheetHidden());
    if (othersShown) s.hideSheet();
  }

  styleBlock(sheet: string, style: BlockStyle): void {
    const s = this.sheet(sheet);
    const styledRows = [...(style.boldRows ?? []), ...(style.rowBackgrounds ?? []).map((b) => b.row)];
    const rows = Math.max(this.lastRow(s), ...styledRows, 1);
    const cols = Math.max(this.lastColumn(s), 1);
    if (styledRows.length > 0) {
      this.ensureSize(s, rows, cols);
      const block = s.getRange(1, 1, rows, cols);
      if (style.boldRows && style.boldRows.length > 0) {
        const bold = new Set(style.boldRows);
        block.setFontWeights(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, () => (bold.has(r + 1) ? 'bold' : 'normal'))));
      }
      if (style.rowBackgrounds && style.rowBackgrounds.length > 0) {
        const color = new Map(style.rowBackgrounds.map((b) => [b.row, b.color]));
        block.setBackgrounds(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, () => color.get(r + 1) ?? null)) as string[][]);
      }
    }
    // One call per run of adjacent columns of the same width.
    const widths = (style.columnWidths ?? []).map((w) => ({ row: w.col, width: Math.round(w.width) }));
    for (const run of rowRuns(widths, (w) => String(w.width))) s.setColumnWidths(run.row, run.count, run.items[0]!.width);
    for (const [a, b] of columnRuns(style.monospaceColumns ?? [])) s.getRange(1, a, rows, b - a + 1).setFontFamily(MONOSPACE);
    const merges = style.merges ?? [];
    if (merges.length > 0) {
      // Undo earlier merges first, over the whole sheet: a new merge that only partly covers an old
      // one is refused ("You must select all cells in a merged range to merge or unmerge them.").
      this.ensureSize(s, Math.max(rows, ...merges.map((m) => m.row)), Math.max(cols, ...merges.map((m) => m.col + m.cols - 1)));
      const size = this.exactSize(s);
      s.getRange(1, 1, size.rows, size.cols).breakApart();
      // A merge keeps only its top-left value: the content written is no longer known here.
      this.fresh.delete(s);
      // One call per run of rows merged alike (mergeAcross merges each row of a range on its own).
      // Their text wrapped and at the top: one RangeList for all the runs.
      const runs = rowRuns(merges, (m) => `${m.col}:${m.cols}`).map((run) => {
        const first = run.items[0]!;
        return { range: s.getRange(run.row, first.col, run.count, first.cols).mergeAcross(), a1: `${columnLetter(first.col)}${run.row}:${columnLetter(first.col + first.cols - 1)}${run.row + run.count - 1}` };
      });
      const merged = runs.length === 1 ? runs[0]!.range : runs.length > 1 ? s.getRangeList(runs.map((r) => r.a1)) : null;
      merged?.setWrap(true).setVerticalAlignment('top');
    }
    // Sheets grows rows to fit wrapped text by itself, and takes a height set with setRowHeights as
    // the least one ("By default, rows grow to fit cell contents": developers.google.com/apps-script/
    // reference/spreadsheet/sheet#setrowheightsstartrow,-numrows,-height). One call per run of rows
    // of the same height.
    const heights = (style.rowHeights ?? []).map((h) => ({ ...h, height: Math.round(h.height) }));
    if (heights.length > 0) this.ensureSize(s, Math.max(...heights.map((h) => h.row)), 1);
    for (const run of rowRuns(heights, (h) => String(h.height))) s.setRowHeights(run.row, run.count, run.items[0]!.height);
  }

  // ------------------------------------------------------------ marks

  setMarks(sheet: string, marks: CellMark[]): void {
    this.rewriteMarks(this.sheet(sheet), marks);
  }

  clearMarks(sheet: string): void {
    this.rewriteMarks(this.sheet(sheet), []);
  }

  /** One read and one write of notes and backgrounds over the used area, whatever the marks. */
  private rewriteMarks(s: Sheet, marks: CellMark[]): void {
    const rows = Math.max(this.lastRow(s), ...marks.map((m) => m.row), 1);
    const cols = Math.max(this.lastColumn(s), ...marks.map((m) => m.col), 1);
    this.ensureSize(s, rows, cols);
    const range = s.getRange(1, 1, rows, cols);
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const nextNotes = notes.map((r) => [...r]);
    // White is what Sheets reports for "no fill": write it back as none.
    const nextBackgrounds: (string | null)[][] = backgrounds.map((r) => r.map((b) => (b.toLowerCase() === '#ffffff' ? null : b)));
    let changed = false;
    // Remove our earlier marks: the user's part of the note stays; the colour goes back to none.
    nextNotes.forEach((r, i) =>
      r.forEach((note, j) => {
        if (!note.includes(MARK_TAG)) return;
        r[j] = noteWithoutMark(note);
        const line = nextBackgrounds[i];
        if (line) line[j] = null;
        changed = true;
      }),
    );
    const byCell = new Map<string, CellMark[]>();
    for (const m of marks) byCell.set(`${m.row}:${m.col}`, [...(byCell.get(`${m.row}:${m.col}`) ?? []), m]);
    for (const list of byCell.values()) {
      const first = list[0];
      const noteRow = first ? nextNotes[first.row - 1] : undefined;
      const bgRow = first ? nextBackgrounds[first.row - 1] : undefined;
      if (!first || !noteRow || !bgRow) continue;
      const ours = `${MARK_TAG} ${list.map((m) => m.note).join('\n')}`;
      const user = noteRow[first.col - 1] ?? '';
      noteRow[first.col - 1] = user ? `${user}\n\n${ours}` : ours;
      bgRow[first.col - 1] = first.background;
      changed = true;
    }
    if (!changed) return;
    range.setNotes(nextNotes);
    range.setBackgrounds(nextBackgrounds as string[][]);
  }
}
