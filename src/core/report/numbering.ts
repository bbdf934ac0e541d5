// Document numbers (the report contract (README)): they count per ký hiệu (BC, KH) and calendar year; the next free
// number is kept IN THE WORKBOOK and used once.
//
// Where: one row per ký hiệu and year in `Thông tin`, e.g. `Số văn bản tiếp theo BC/2024` | `13`.
// Chosen over `Nhật ký` because the văn thư can see and correct it (a number taken by hand in the
// paper register, a fresh year), and because it is one cell to read and one to write.
// A row the add-on has not written yet reads as 1. A report generated again takes a new number;
// regenerating in place passes the number it already has (`explicit`), which is then kept and
// never handed out again.

import type { Lang } from '../model.ts';
import type { RawCell, WorkbookPort } from '../ports.ts';
import type { DocSymbol } from './vn-format.ts';
import { columnLetter } from '../contract/a1.ts';
import { SHEET_NAMES, columnSpec, sheetSpec } from '../contract/sheets.ts';
import { findHeader } from '../read/table.ts';
import { foldKey } from '../text.ts';

export const SETTINGS_SHEET = SHEET_NAMES.settings;

export const numberKey = (symbol: DocSymbol, year: number): string => `Số văn bản tiếp theo ${symbol}/${year}`;

const MESSAGES = {
  badValue: {
    vi: (cell: string, v: string) => `Trang "Thông tin", ô ${cell}: "${v}" không phải là số văn bản (cần một số nguyên dương).`,
    en: (cell: string, v: string) => `Sheet "Thông tin", cell ${cell}: "${v}" is not a document number (a positive whole number is needed).`,
  },
  badExplicit: {
    vi: (v: string) => `Số văn bản "${v}" không hợp lệ (cần một số nguyên dương).`,
    en: (v: string) => `Document number "${v}" is not valid (a positive whole number is needed).`,
  },
};

export class NumberingError extends Error {
  constructor(
    readonly code: 'NUMBER_CELL_INVALID' | 'NUMBER_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'NumberingError';
  }
}

function text(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return 'date' in c ? c.date : `=${c.formula}`;
  return String(c);
}


interface Located {
  /** The sheet exists. */
  exists: boolean;
  keyCol: number;
  valueCol: number;
  /** 1-based row of the key, or null when absent. */
  row: number | null;
  value: RawCell;
  /** First free row under the content. */
  nextRow: number;
}

/** The key's row in `Thông tin`, its header found as the reader finds it (read/table.ts). */
function locate(wb: WorkbookPort, key: string): Located {
  const grid = wb.readSheet(SETTINGS_SHEET);
  const values = grid?.values ?? [];
  const header = grid ? findHeader(grid, sheetSpec('settings')) : null;
  const keyCol = header?.columns.item ?? 1;
  const valueCol = header?.columns.value ?? 2;
  const headerRow = header?.headerRow ?? 0;
  const want = foldKey(key);
  for (let r = headerRow; r < values.length; r++) {
    const row = values[r] ?? [];
    if (foldKey(text(row[keyCol - 1])) === want) {
      return { exists: true, keyCol, valueCol, row: r + 1, value: row[valueCol - 1] ?? null, nextRow: values.length + 1 };
    }
  }
  return { exists: grid !== null, keyCol, valueCol, row: null, value: null, nextRow: Math.max(values.length, headerRow) + 1 };
}

function parseStored(loc: Located, lang: Lang): number {
  if (loc.row === null) return 1;
  const v = loc.value;
  const raw = text(v).trim();
  if (raw === '') return 1;
  const n = typeof v === 'number' ? v : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    const cell = `${columnLetter(loc.valueCol)}${loc.row}`;
    throw new NumberingError('NUMBER_CELL_INVALID', MESSAGES.badValue[lang](cell, raw));
  }
  return n;
}

function store(wb: WorkbookPort, loc: Located, key: string, next: number): void {
  if (!loc.exists) {
    wb.ensureSheet(SETTINGS_SHEET);
    wb.writeBlock(SETTINGS_SHEET, 1, 1, [[columnSpec('settings', 'item').header, columnSpec('settings', 'value').header]]);
    wb.writeBlock(SETTINGS_SHEET, 2, 1, [[key, next]]);
    return;
  }
  if (loc.row !== null) {
    wb.writeBlock(SETTINGS_SHEET, loc.row, loc.valueCol, [[next]]);
  } else if (loc.valueCol === loc.keyCol + 1) {
    wb.writeBlock(SETTINGS_SHEET, loc.nextRow, loc.keyCol, [[key, next]]);
  } else {
    wb.writeBlock(SETTINGS_SHEET, loc.nextRow, loc.keyCol, [[key]]);
    wb.writeBlock(SETTINGS_SHEET, loc.nextRow, loc.valueCol, [[next]]);
  }
}

/** The number the next document of this ký hiệu and year would take (reads only). */
export function peekNextNumber(wb: WorkbookPort, symbol: DocSymbol, year: number, lang: Lang = 'vi'): number {
  return parseStored(locate(wb, numberKey(symbol, year)), lang);
}

export interface TakenNumber {
  number: number;
  /** True when `explicit` was given (regenerated in place). */
  regenerated: boolean;
}

/**
 * Take a number: the next free one (and advance the counter), or `explicit` when a document is
 * regenerated in place (the counter then moves past it if needed, so it is never reused).
 * One read and at most one write of `Thông tin`.
 */
function checkExplicit(explicit: number | null | undefined, lang: Lang): void {
  if (explicit !== undefined && explicit !== null && (!Number.isInteger(explicit) || explicit < 1)) {
    throw new NumberingError('NUMBER_INVALID', MESSAGES.badExplicit[lang](String(explicit)));
  }
}

/**
 * The number a document about to be made will carry (reads only): `explicit` when regenerating
 * in place, else the next free one. Take it with takeNumber(…, that number) once the document
 * exists, so a failed render never burns a number.
 */
export function numberToUse(wb: WorkbookPort, symbol: DocSymbol, year: number, explicit?: number | null, lang: Lang = 'vi'): number {
  checkExplicit(explicit, lang);
  return explicit ?? peekNextNumber(wb, symbol, year, lang);
}

export function takeNumber(wb: WorkbookPort, symbol: DocSymbol, year: number, explicit?: number | null, lang: Lang = 'vi'): TakenNumber {
  checkExplicit(explicit, lang);
  const key = numberKey(symbol, year);
  const loc = locate(wb, key);
  const next = parseStored(loc, lang);
  if (explicit !== undefined && explicit !== null) {
    if (explicit >= next) store(wb, loc, key, explicit + 1);
    return { number: explicit, regenerated: true };
  }
  store(wb, loc, key, next + 1);
  return { number: next, regenerated: false };
}
