// The two ports the core talks through: a workbook (Google Sheet or .xlsx) and a clock.
// Adapters: src/gas/spreadsheet-workbook.ts (Apps Script) and src/node/xlsx-workbook.ts (exceljs).
// Both are held to the same contract tests (test/contract/workbook-port.contract.ts).
//
// Cost model: every method is meant to map to a constant number of service calls in Apps Script
// whatever the number of rows (one read per sheet, one write per block), never a call per cell.

import type { IsoDate } from './model.ts';

/** A date cell as the adapter saw it, reduced to its calendar date in the workbook's time zone. */
export interface DateCell {
  date: IsoDate;
}

/**
 * A formula whose value was never computed: a file saved by a program that does not calculate
 * (a script, an exporter) holds the formula and no cached result. Only an .xlsx can; a Google
 * Sheet always has the value. The reader says so at the cell instead of reading it as empty.
 */
export interface UncomputedCell {
  formula: string;
}

/** A cell's value: what a formula evaluates to, a date cell as DateCell, empty as null (or ''). */
export type RawCell = string | number | boolean | DateCell | UncomputedCell | null;

export const isUncomputed = (v: unknown): v is UncomputedCell =>
  typeof v === 'object' && v !== null && typeof (v as UncomputedCell).formula === 'string';

export interface SheetGrid {
  name: string;
  /** Rows from row 1 and column A to the last row/column with content; rows may be ragged. */
  values: RawCell[][];
  /** Number formats parallel to `values` (`0%`, `0.0%`, `dd/mm/yyyy`, `General`, …), '' when unknown. */
  formats: string[][];
}

export const isDateCell = (v: unknown): v is DateCell =>
  typeof v === 'object' && v !== null && typeof (v as DateCell).date === 'string';

// ---------------------------------------------------------------- layout (installer, dashboard)

export type CellValidation =
  | { kind: 'list'; values: string[]; /** reject other input (true) or only warn (false) */ strict: boolean }
  | { kind: 'date'; strict: boolean }
  | { kind: 'number'; min?: number; max?: number; strict: boolean }
  | { kind: 'email'; strict: boolean };

export type ConditionalFormat =
  /** Paint `color` on every cell of `columns` whose own text equals `text`. */
  | { kind: 'textEquals'; columns: number[]; text: string; background: string; fontColor?: string }
  /**
   * Paint `color` on the rows' cells of `columns` where `formula` holds; the formula is written for
   * row 2 in A1 notation with relative rows (e.g. `=AND($N2<>"",$N2<TODAY())`) and applied from row 2 down.
   */
  | { kind: 'formula'; columns: number[]; formula: string; background: string; fontColor?: string };

export interface ColumnLayout {
  /** 1-based column index in the sheet. */
  col: number;
  width?: number;
  /** Applied to the data rows (row 2 down). */
  numberFormat?: string;
  validation?: CellValidation;
  /** Note on the header cell. */
  note?: string;
  /** A ⚙ column: shaded, and covered by a warning-only protection. */
  computed?: boolean;
  /** Wrap text in the data rows. */
  wrap?: boolean;
}

export interface SheetLayout {
  /** Frozen header rows (1 for the templates). */
  frozenRows: number;
  /** Bold, shaded header row 1. */
  headerRow: boolean;
  columns: ColumnLayout[];
  /** Replaces the sheet's conditional format rules made by the add-on. */
  conditionalFormats: ConditionalFormat[];
  /** Protect the whole sheet with a warning-only protection (Tổng hợp, Nhật ký). */
  protectSheet?: boolean;
  /** How many data rows validation and formats cover (the templates use 1000). */
  dataRows: number;
  /**
   * 1-based row of the header when it is not row 1 (a user added title rows above it). Header
   * style and notes go on that row, data rows start below it, and the formulas of
   * `conditionalFormats` are then written for that first data row. Default 1.
   */
  headerRowNumber?: number;
  /**
   * Hide the sheet's tab (true) or show it (false); absent leaves it as it is. The installer
   * hides the sheets the contract marks hidden (the district's stored reads). A sheet stays
   * visible when hiding it would leave the workbook no visible sheet (neither Sheets nor Excel
   * allows that). Hidden sheets are still listed, read and written as any other.
   */
  hidden?: boolean;
}

/** A mark left on a cell by "mark problems on the cells": a note and a background colour. */
export interface CellMark {
  row: number;
  col: number;
  note: string;
  background: string;
}

/** Formatting for a block written whole (the dashboard). */
export interface BlockStyle {
  /** 1-based rows (relative to the sheet) to make bold. */
  boldRows?: number[];
  /** Background per row, e.g. section titles. */
  rowBackgrounds?: { row: number; color: string }[];
  columnWidths?: { col: number; width: number }[];
  /** Monospace font for these 1-based columns (text bars). */
  monospaceColumns?: number[];
  /**
   * Cells merged across `cols` columns from (row, col), one row each, their text wrapped and at
   * the top (the guide's paragraphs). The sheet's earlier merges are undone first.
   */
  merges?: { row: number; col: number; cols: number }[];
  /**
   * Row heights in pixels for rows whose text the spreadsheet would not fit by itself (merged
   * cells: neither Excel nor Calc fits them). Google Sheets takes them as a minimum (its rows
   * still grow to fit their text); an .xlsx file stores them as they are.
   */
  rowHeights?: { row: number; height: number }[];
}

export type WriteCell = string | number | boolean | DateCell | null;

// ---------------------------------------------------------------- the port

export interface WorkbookPort {
  /** The workbook's sheet names, in order. */
  sheetNames(): string[];
  /** One sheet's values and formats in one read; null when there is no such sheet. */
  readSheet(name: string): SheetGrid | null;
  /** Create the sheet if missing (at the end, or at `index`, 0-based); true when created. */
  ensureSheet(name: string, index?: number): boolean;
  /**
   * Write a rectangular block whose top-left cell is (row, col), 1-based. One call. A string is
   * always written as that text, never as a formula or a number (a task named `=HYPERLINK(…)`
   * stays those characters): the adapters see to it, so the core never escapes anything.
   */
  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void;
  /** Number formats for a block (parallel to a writeBlock). One call. */
  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void;
  /** Append rows after the last row with content. */
  appendRows(sheet: string, rows: WriteCell[][]): void;
  /** Clear values and formats of the whole sheet (the dashboard is rewritten whole); notes (the header's) stay. */
  clearSheet(sheet: string): void;
  /** Apply a layout: frozen rows, widths, header style and notes, validation, formats, protection. */
  applyLayout(sheet: string, layout: SheetLayout): void;
  /** Style a block written whole. */
  styleBlock(sheet: string, style: BlockStyle): void;
  /** Put marks on cells (notes + colour), replacing the add-on's earlier marks on that sheet. */
  setMarks(sheet: string, marks: CellMark[]): void;
  /** Remove every mark the add-on left on that sheet; the user's own notes are kept. */
  clearMarks(sheet: string): void;
}

/** Time, so tests and the offline runtime can fix "today". */
export interface Clock {
  /** Today in Asia/Ho_Chi_Minh. */
  today(): IsoDate;
  /** Now as an ISO timestamp with offset, e.g. `2024-06-30T09:15:00+07:00`. */
  now(): string;
}
