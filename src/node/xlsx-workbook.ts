// WorkbookPort over an .xlsx file (exceljs), for the local command line.
//
// Excel differs from Google Sheets in a few places; the choices made here:
// - Widths in a SheetLayout are pixels (as Sheets takes them); Excel wants characters: px / 7.
// - Number formats, wrap and the ⚙ shading are column styles (one `<col>` element, not 1000 styled
//   cells), so a sheet with the template layout stays small.
// - Dropdown lists live in a very hidden sheet `_cchc_lists` (an inline Excel list is limited to
//   255 characters and splits on commas, and our area names hold commas). That sheet is internal:
//   sheetNames() and readSheet() never show it.
// - Excel has no warning-only protection of a range. ⚙ columns are shaded and carry the header
//   note; whole-sheet protection (Tổng hợp, Nhật ký) is a sheet protection with NO password, which
//   Excel shows as a warning the user can lift with one click (Review › Unprotect Sheet).
// - Our conditional format rules carry the marker `N("cchc")=0` (always true) in their formula, so a
//   re-run replaces ours and keeps the user's own rules.
// - Our cell marks are notes whose text holds `[CCHC]`; a user's own note on the cell is kept above it.
// - Row heights: Sheets grows a row to fit its wrapped text, Excel and Calc show the height stored
//   in the file. So a row whose wrapped text (a wrapped column, the header) needs more than one
//   line is given the height it needs (core/row-height.ts) when it is written or laid out; a row
//   only ever grows. Merged rows take the height the core gives (BlockStyle.rowHeights).
// - Fonts are written whole (Calibri 11, the workbook's default): a font with only `bold` set is
//   shown by Calc in its own default face.

import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
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
import { inBothLanguages, t } from '../core/i18n.ts';
import { isDateCell } from '../core/ports.ts';
import { columnLetter } from '../core/contract/a1.ts';
import { LINE_HEIGHT_PX, wrappedHeightPx } from '../core/row-height.ts';
import type { Lang } from '../core/model.ts';
import { writeFileAtomic } from './files/atomic.ts';
import { PackageView } from './files/package.ts';
import { graft, inventory, labelsText, verifyKept, type Inventory } from './files/preserve.ts';
import { FileProblem, count, shortName } from './files/problems.ts';
import { EXCEL_CELL_CHARS, fileTooLarge, limitsFromEnv, scanWorkbook, type Limits, type ScanResult } from './files/scan.ts';
import { ZipFormatError, writeZip } from './files/zip.ts';
import { CF_MARKER, COMPUTED_FILL, DEFAULT_DATE_FORMAT, HEADER_FILL, MARK_TAG, columnRuns } from '../core/contract/look.ts';
import { sheetNameKey } from '../core/contract/sheet-names.ts';

export { MARK_TAG } from '../core/contract/look.ts';

type Worksheet = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;

/** Members exceljs 4.4 has at run time but leaves out of its type declarations. */
interface WorksheetInternals {
  orderNo: number;
  sheetProtection: Record<string, unknown> | null;
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  _rows: unknown[];
  _merges: Record<string, unknown>;
}
const internals = (ws: Worksheet): WorksheetInternals => ws as unknown as WorksheetInternals;

/** The internal sheet holding dropdown lists. */
export const LISTS_SHEET = '_cchc_lists';
/** Marks our conditional format rules (always true, so it never changes what a rule paints). */
/** Marks our notes on problem cells. */

const PX_PER_CHAR = 7;
/** Excel's default column width, 8.43 characters, in pixels. */
const DEFAULT_COLUMN_PX = 64;
/** Row heights are points in the file; the port's are pixels at 96 dpi. */
const PT_PER_PX = 0.75;
/** The workbook's default font (exceljs writes it as font 0). */
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
const MONOSPACE_FONT: Partial<ExcelJS.Font> = { name: 'Consolas', family: 3, size: 11 };

/** Why a workbook could not be opened: each reason is its message's key in the catalogue's `files` area. */
export type WorkbookOpenReason = 'notFound' | 'folder' | 'unreadable';

/** Opening a workbook failed; `message` is Vietnamese then English, `text(lang)` one of them. */
export class WorkbookOpenError extends Error {
  readonly reason: WorkbookOpenReason;
  readonly path: string;
  constructor(reason: WorkbookOpenReason, filePath: string, cause?: unknown) {
    super(`${t('vi', `files.${reason}`, { file: filePath })} / ${t('en', `files.${reason}`, { file: filePath })}`, cause === undefined ? undefined : { cause });
    this.name = 'WorkbookOpenError';
    this.reason = reason;
    this.path = filePath;
  }
  text(lang: Lang): string {
    return t(lang, `files.${this.reason}`, { file: this.path });
  }
}

// ---------------------------------------------------------------- exceljs fix

/**
 * exceljs 4.4 turns the cached result of EVERY formula in a date-formatted cell into a Date, also
 * when the result is text or an error (cell-xform.js reconcile → utils.excelToDate): `#REF!` or
 * `="10/06/2024"` become an Invalid Date, read as an empty cell ("Chưa nhập", or a done date
 * silently lost). Google Sheets gives those cells as the text they show, so here a result that
 * is not a number is left as it is; numbers convert as before.
 */
function keepNonNumericFormulaResults(): void {
  const utils = requireHere('exceljs/lib/utils/utils') as { excelToDate: (v: unknown, date1904?: boolean) => unknown; cchcPatched?: boolean };
  if (utils.cchcPatched) return;
  const excelToDate = utils.excelToDate.bind(utils);
  utils.excelToDate = (v, date1904) => (typeof v === 'number' ? excelToDate(v, date1904) : v);
  utils.cchcPatched = true;
}

const requireHere = createRequire(import.meta.url);
let excel: typeof ExcelJS | null = null;

/**
 * exceljs takes half a second to load: it loads with the first workbook a command opens or
 * makes, not with every `cchc` (`--help`, `template`). A CommonJS require, so create() stays
 * synchronous.
 */
function exceljs(): typeof ExcelJS {
  if (!excel) {
    excel = requireHere('exceljs') as typeof ExcelJS;
    keepNonNumericFormulaResults();
  }
  return excel;
}

// ---------------------------------------------------------------- small helpers

function decodeAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{3}$/.test(hex)) return `FF${hex.replace(/./g, (c) => c + c)}`;
  return 'FFFFFFFF';
}

function solidFill(color: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
}

function isoFromUtcDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  // Round to the nearest second: a serial like 45473.99999999 is midnight of the next day.
  const rounded = new Date(Math.round(t / 1000) * 1000);
  return rounded.toISOString().slice(0, 10);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** An exceljs cell value reduced to a RawCell. */
function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) {
    const iso = isoFromUtcDate(value);
    return iso === null ? null : { date: iso };
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    }
    if ('error' in o && typeof o.error === 'string') return o.error;
    if ('formula' in o || 'sharedFormula' in o) {
      // No cached result: saved by a program that does not calculate. Not the same as empty.
      if (o.result === undefined || o.result === null) return { formula: String(o.formula ?? o.sharedFormula ?? '') };
      return toRawCell(o.result);
    }
    if ('hyperlink' in o) {
      const text = toRawCell(o.text);
      return text === null || text === '' ? String(o.hyperlink ?? '') : text;
    }
    if ('text' in o) return toRawCell(o.text);
  }
  return null;
}

function isEmptyRaw(v: RawCell): boolean {
  return v === null || v === '';
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const stripped = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(stripped);
}


// ---------------------------------------------------------------- the adapter

export interface OpenOptions {
  /** The caps on what is read (default: limitsFromEnv()). */
  limits?: Limits;
  /** The path as the user typed it, for messages (default: the path given). */
  shown?: string;
  /**
   * Open to read the cells only (the district's reads of its schools): what only a save needs is
   * left out (the inventory of parts to keep, data validations, conditional formats: exceljs
   * expands a validated range into one object per cell), about half the time; the caps still
   * hold. Such a workbook cannot be saved.
   */
  readOnly?: boolean;
  /**
   * With readOnly: sheets whose cells the caller will not read (a school's Tổng hợp, Nhật ký,
   * Hướng dẫn for the district). They stay in sheetNames(), opened empty: exceljs never parses
   * them. With readOnly the cells' notes are left out as well (readOnly opens never show them).
   */
  unreadSheets?: readonly string[];
}

/** Parts of a sheet a read-only open leaves out: they never change what a cell reads. */
const READ_ONLY_IGNORED = ['dataValidations', 'conditionalFormatting'];

const EMPTY_SHEET_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);
const EMPTY_COMMENTS_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>',
);
const EMPTY_VML = Buffer.from('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"></xml>');

/**
 * What a read-only open leaves out of the package (lower case part names): the worksheets of
 * `unread` sheets, and the notes (comments and their VML shapes).
 */
function partsNotRead(view: PackageView, unread: readonly string[]): Set<string> {
  const skip = new Set(unread.map((n) => n.normalize('NFC')));
  const out = new Set(view.sheets.filter((r) => r.part !== '' && skip.has(r.name.normalize('NFC'))).map((r) => r.part.toLowerCase()));
  for (const e of view.entries) {
    const key = e.name.replace(/^\//, '').toLowerCase();
    if (/^xl\/comments[^/]*\.xml$/.test(key) || /^xl\/drawings\/vmldrawing[^/]*\.vml$/.test(key)) out.add(key);
  }
  return out;
}

/** The package with the parts `skip` names emptied; every other part copied as it is stored (no inflate). */
function slimForReading(view: PackageView, buffer: Buffer, skip: ReadonlySet<string>): Buffer {
  return writeZip(
    view.entries.map((entry) => {
      const key = entry.name.replace(/^\//, '').toLowerCase();
      if (!skip.has(key)) return { name: entry.name, from: buffer, entry };
      const data = key.endsWith('.vml') ? EMPTY_VML : key.startsWith('xl/comments') ? EMPTY_COMMENTS_XML : EMPTY_SHEET_XML;
      return { name: entry.name, data };
    }),
  );
}

export interface SaveOptions {
  /** May an existing file be replaced? Default true. */
  replace?: boolean;
  /**
   * Write even though parts of the opened file cannot be kept (the user asked for a NEW file,
   * `--out`): those parts are left out of it. Never used for the file the workbook came from.
   */
  dropUnkept?: boolean;
  /** The path as the user typed it, for messages. */
  shown?: string;
}

/** The file a workbook was opened from, as it was: what a save must keep. */
interface Source {
  view: PackageView;
  scan: ScanResult;
  inv: Inventory;
  shown: string;
}

/**
 * What the file holds beyond what exceljs models. A package this code cannot make sense of is
 * still read (validate works), but never written back: better refused than half kept.
 */
function inventoryOrRefusal(view: PackageView, scan: ScanResult): Inventory {
  try {
    return inventory(view, scan);
  } catch {
    const inv = inventory(new PackageView(Buffer.from(EMPTY_ZIP)), { sheets: new Map(), overExcel: [], overExcelCount: 0, cells: 0, unzippedBytes: 0 });
    inv.unsupported.set('unreadableParts', { key: 'files.part_unreadable' });
    return inv;
  }
}

/** An empty zip (its end record only). */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export class XlsxWorkbook implements WorkbookPort {
  private readonly wb: ExcelJS.Workbook;
  private source: Source | null = null;
  private readOnly = false;

  private constructor(wb: ExcelJS.Workbook) {
    this.wb = wb;
  }

  /** A new, empty workbook. */
  static create(): XlsxWorkbook {
    const wb = new (exceljs().Workbook)();
    wb.creator = 'CCHC';
    return new XlsxWorkbook(wb);
  }

  /**
   * Open an .xlsx file; throws WorkbookOpenError (reason notFound | unreadable), or FileProblem
   * TOO_LARGE when the file is past a cap (files/scan.ts): that is measured on the zip before
   * exceljs loads anything, so a huge workbook costs a few MB, not the process.
   */
  static async open(filePath: string, opts: OpenOptions = {}): Promise<XlsxWorkbook> {
    const limits = opts.limits ?? limitsFromEnv();
    const shown = opts.shown ?? filePath;
    let buffer: Buffer;
    try {
      const stat = await fs.stat(filePath);
      if (stat.isDirectory()) throw new WorkbookOpenError('folder', filePath);
      if (!stat.isFile()) throw new WorkbookOpenError('unreadable', filePath);
      if (stat.size > limits.maxFileBytes) throw fileTooLarge(shown, stat.size, limits);
      buffer = await fs.readFile(filePath);
    } catch (e) {
      if (e instanceof WorkbookOpenError || e instanceof FileProblem) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new WorkbookOpenError(code === 'ENOENT' || code === 'ENOTDIR' ? 'notFound' : 'unreadable', filePath, e);
    }
    let source: Source | null = null;
    try {
      const view = new PackageView(buffer);
      const skip = opts.readOnly ? partsNotRead(view, opts.unreadSheets ?? []) : new Set<string>();
      const scan = await scanWorkbook(view, limits, shown, skip);
      if (!opts.readOnly) source = { view, scan, inv: inventoryOrRefusal(view, scan), shown };
      else buffer = slimForReading(view, buffer, skip);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new WorkbookOpenError('unreadable', filePath, e);
      throw e;
    }
    const wb = new (exceljs().Workbook)();
    try {
      // exceljs types want its own Buffer declaration; a Node Buffer is what it reads.
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer, opts.readOnly ? { ignoreNodes: READ_ONLY_IGNORED } : {});
    } catch (e) {
      throw new WorkbookOpenError('unreadable', filePath, e);
    }
    const book = new XlsxWorkbook(wb);
    book.source = source;
    book.readOnly = Boolean(opts.readOnly);
    if (!book.readOnly) for (const ws of wb.worksheets) compactValidations(ws);
    return book;
  }

  /**
   * Why this workbook may not be written back over the file it came from, or null: parts that
   * cannot be kept (pivot tables, chart sheets…: files/preserve.ts), or a cell over Excel's
   * 32,767 characters (Excel would cut it, or call the file damaged). `newFile`: the write goes to
   * another file the user named, where the parts may be left out (a long cell never may).
   */
  writeProblem(newFile = false): FileProblem | null {
    const src = this.source;
    if (!src) return null;
    const first = src.scan.overExcel[0];
    if (first) {
      const more = src.scan.overExcelCount - 1;
      return new FileProblem(
        'CELL_OVER_EXCEL_LIMIT',
        'files.cellOverExcel',
        (lang) => ({
          sheet: shortName(first.sheet),
          cell: first.cell,
          chars: count(first.chars, lang),
          others: more > 0 ? ` ${t(lang, 'files.moreCells', { count: count(more, lang) })}` : '',
          excel: count(EXCEL_CELL_CHARS, lang),
        }),
        src.shown,
      );
    }
    if (!newFile && src.inv.unsupported.size > 0) {
      const list = src.inv.unsupported.values();
      const items = [...list];
      return new FileProblem('UNKEPT_PARTS', 'files.unkeptParts', (lang) => ({ file: src.shown, parts: labelsText(items, lang) }), src.shown);
    }
    return null;
  }

  /** The bytes to write: exceljs's package, with what it leaves out of the opened file put back. */
  private async packageBytes(opts: SaveOptions = {}): Promise<Buffer> {
    if (this.readOnly) throw new Error('a workbook opened read-only is never written');
    const problem = this.writeProblem(Boolean(opts.dropUnkept));
    if (problem) throw problem;
    const written = Buffer.from((await this.wb.xlsx.writeBuffer()) as ArrayBuffer);
    const src = this.source;
    if (!src) return written;
    const bytes = graft(src.view, src.inv, written);
    const missing = verifyKept(src.view, src.inv, bytes);
    if (missing.length > 0) {
      throw new FileProblem('NOT_KEPT_ON_SAVE', 'files.notKeptOnSave', (lang) => ({ file: src.shown, parts: labelsText(missing, lang) }), src.shown);
    }
    return bytes;
  }

  /**
   * Write the workbook to `filePath` (files/atomic.ts): a temporary file beside the real target,
   * synced, then renamed over it; a symbolic link is written through, the file's permission bits
   * are kept, a read-only file is refused. What exceljs does not model is kept (files/preserve.ts)
   * or the write is refused with a FileProblem before anything is touched.
   */
  async save(filePath: string, opts: SaveOptions = {}): Promise<void> {
    const bytes = await this.packageBytes(opts);
    await writeFileAtomic(filePath, bytes, { replace: opts.replace ?? true, shown: opts.shown ?? filePath, kind: 'workbook' });
  }

  /** The file's bytes (for tests and for serving a download). */
  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.packageBytes({ dropUnkept: true }));
  }

  // ------------------------------------------------------------ sheets

  private visibleSheets(): Worksheet[] {
    return this.wb.worksheets.filter((ws) => ws.name !== LISTS_SHEET);
  }

  private find(name: string): Worksheet | undefined {
    const exact = this.wb.getWorksheet(name);
    if (exact && exact.name !== LISTS_SHEET) return exact;
    const want = sheetNameKey(name);
    return this.visibleSheets().find((ws) => sheetNameKey(ws.name) === want);
  }

  private sheet(name: string): Worksheet {
    const ws = this.find(name);
    if (!ws) throw new Error(inBothLanguages('app.noSheet', { name }));
    return ws;
  }

  /** The names as the product compares them (NFC, trimmed: contract/sheet-names.ts). */
  sheetNames(): string[] {
    return this.visibleSheets().map((ws) => sheetNameKey(ws.name));
  }

  ensureSheet(name: string, index?: number): boolean {
    if (this.find(name)) return false;
    const ws = this.wb.addWorksheet(name);
    if (index !== undefined) {
      const order = this.visibleSheets().filter((s) => s !== ws);
      const at = Math.max(0, Math.min(index, order.length));
      order.splice(at, 0, ws);
      order.forEach((s, i) => {
        internals(s).orderNo = i;
      });
      const lists = this.wb.getWorksheet(LISTS_SHEET);
      if (lists) internals(lists).orderNo = order.length;
    }
    return true;
  }

  readSheet(name: string): SheetGrid | null {
    const ws = this.find(name);
    if (!ws) return null;
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const rowValues: RawCell[] = [];
      const rowFormats: string[] = [];
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // A merged cell other than the top-left one reads empty, as in Google Sheets.
        const v = cell.isMerged && cell.master !== cell ? null : toRawCell(cell.value);
        if (isEmptyRaw(v)) return;
        while (rowValues.length < colNumber - 1) {
          rowValues.push(null);
          rowFormats.push('');
        }
        rowValues.push(v);
        rowFormats.push(cell.numFmt ?? '');
        last = colNumber;
      });
      if (last === 0) return;
      while (values.length < rowNumber - 1) {
        values.push([]);
        formats.push([]);
      }
      values.push(rowValues);
      formats.push(rowFormats);
    });
    return { name: ws.name, values, formats };
  }

  // ------------------------------------------------------------ writes

  writeBlock(sheet: string, row: number, col: number, values: WriteCell[][]): void {
    const ws = this.sheet(sheet);
    // The block is rectangular: a shorter row is padded with empty cells, as in Google Sheets.
    // A loop: `Math.max(...rows)` overflows the stack past ~120,000 rows.
    let width = 0;
    for (const line of values) if (line.length > width) width = line.length;
    values.forEach((line, r) => {
      const xrow = ws.getRow(row + r);
      for (let c = 0; c < width; c++) this.writeCell(xrow.getCell(col + c), line[c] ?? null);
    });
    // Rows holding wrapped text grow to fit it, as in Sheets (only when a wrapped column was written).
    const wraps = Array.from({ length: width }, (_, c) => ws.getColumn(col + c).alignment?.wrapText === true).some(Boolean);
    if (wraps) for (let r = 0; r < values.length; r++) fitRow(ws, row + r);
  }

  private writeCell(cell: Cell, v: WriteCell): void {
    if (typeof v === 'string' && v.length > EXCEL_CELL_CHARS) {
      // Never a cell Excel cannot hold: what we write is ours (⚙ columns, the dashboard, the log).
      v = `${v.slice(0, EXCEL_CELL_CHARS - 1)}…`;
    }
    if (v === null || v === '') {
      cell.value = null;
    } else if (isDateCell(v)) {
      cell.value = new Date(`${v.date}T00:00:00Z`);
      if (!isDateFormat(cell.numFmt)) cell.numFmt = DEFAULT_DATE_FORMAT;
    } else {
      // A string is stored as a string: Excel never reads `=…` in a string cell as a formula.
      cell.value = v;
    }
  }

  writeFormats(sheet: string, row: number, col: number, formats: string[][]): void {
    const ws = this.sheet(sheet);
    formats.forEach((line, r) => {
      const xrow = ws.getRow(row + r);
      line.forEach((f, c) => {
        if (f !== '') xrow.getCell(col + c).numFmt = f;
      });
    });
  }

  appendRows(sheet: string, rows: WriteCell[][]): void {
    const ws = this.sheet(sheet);
    this.writeBlock(sheet, lastContentRow(ws) + 1, 1, rows);
  }

  clearSheet(sheet: string): void {
    // exceljs 4.4's spliceRows leaves rows behind; dropping its row and merge stores is the
    // reliable way to empty a sheet (column widths, views and validation stay, as in Sheets).
    const ws = this.sheet(sheet);
    // Notes are neither values nor formats: the installer's notes on the header (what each
    // column means) stay on their cells, as a cleared sheet keeps them in Sheets; our problem
    // marks, about cells now gone, do not.
    const notes: { address: string; note: Cell['note'] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.note !== undefined && cell.note !== null && !noteText(cell.note).includes(MARK_TAG)) notes.push({ address: cell.address, note: cell.note });
      });
    });
    const x = internals(ws);
    x._rows = [];
    x._merges = {};
    for (const n of notes) ws.getCell(n.address).note = n.note;
  }

  // ------------------------------------------------------------ layout

  applyLayout(sheet: string, layout: SheetLayout): void {
    const ws = this.sheet(sheet);
    const headerRow = layout.headerRowNumber ?? 1;
    const firstData = headerRow + 1;
    const lastData = headerRow + layout.dataRows;

    ws.views =
      layout.frozenRows > 0
        ? [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows, topLeftCell: `A${layout.frozenRows + 1}` }]
        : [{ state: 'normal' }];

    for (const c of layout.columns) {
      const column = ws.getColumn(c.col);
      if (c.width !== undefined) column.width = Math.max(1, Math.round((c.width / PX_PER_CHAR) * 10) / 10);
      if (c.numberFormat !== undefined) column.numFmt = c.numberFormat;
      // Data cells sit at the top of their row (rows grow with wrapped text); wrap where asked.
      alignColumn(column, c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' });
      if (c.computed) column.fill = solidFill(COMPUTED_FILL);
    }

    if (layout.headerRow) {
      const hrow = ws.getRow(headerRow);
      const lastCol = Math.max(hrow.cellCount, ...layout.columns.map((c) => c.col));
      for (let col = 1; col <= lastCol; col++) {
        const cell = hrow.getCell(col);
        if (cell.value === null && !layout.columns.some((c) => c.col === col)) continue;
        cell.font = { ...BASE_FONT, bold: true };
        cell.fill = solidFill(HEADER_FILL);
        cell.alignment = { wrapText: true, vertical: 'middle' };
        cell.numFmt = '@';
      }
    }
    // The header and the rows already there get the height their wrapped text needs.
    ws.eachRow({ includeEmpty: false }, (_row, rowNumber) => {
      if ((layout.headerRow && rowNumber === headerRow) || (rowNumber >= firstData && rowNumber <= lastData)) fitRow(ws, rowNumber);
    });
    for (const c of layout.columns) {
      if (c.note !== undefined) ws.getRow(headerRow).getCell(c.col).note = c.note;
    }

    for (const c of layout.columns) {
      if (c.validation) this.setValidation(ws, c.col, firstData, lastData, c.validation);
    }

    this.setConditionalFormats(ws, layout.conditionalFormats, firstData, lastData);

    if (layout.hidden !== undefined) this.setHidden(ws, layout.hidden);

    if (layout.protectSheet) {
      const current = internals(ws).sheetProtection;
      // A protection with a password is the user's: keep it.
      if (!current?.hashValue) {
        internals(ws).sheetProtection = {
          sheet: true,
          formatCells: true,
          formatColumns: true,
          formatRows: true,
          sort: true,
          autoFilter: true,
        };
      }
    }
  }

  /**
   * A hidden tab (`<sheet state="hidden">`, which Excel and Calc list under Unhide). Never the
   * last visible one: Excel refuses a workbook whose every sheet is hidden. The workbook's active
   * tab moves off a sheet that is hidden, as Excel does.
   */
  private setHidden(ws: Worksheet, hidden: boolean): void {
    if (!hidden) {
      ws.state = 'visible';
      return;
    }
    if (ws.state !== 'visible') return;
    const shown = this.visibleSheets().filter((s) => s.state === 'visible' && s !== ws);
    if (shown.length === 0) return;
    ws.state = 'hidden';
    const views = this.wb.views ?? [];
    const order = this.wb.worksheets;
    const active = views[0]?.activeTab ?? 0;
    if (order[active] === ws && views[0]) views[0].activeTab = order.indexOf(shown[0]!);
  }

  private setValidation(ws: Worksheet, col: number, fromRow: number, toRow: number, v: CellValidation): void {
    const model = internals(ws).dataValidations.model;
    // Drop whatever covered these cells before (our earlier run, or per-cell entries after a reload).
    for (const key of Object.keys(model)) {
      const [a, b] = key.split(':');
      const start = a === undefined ? null : decodeAddress(a);
      const end = b === undefined ? start : decodeAddress(b);
      if (!start || !end) continue;
      if (start.col <= col && end.col >= col && start.row <= toRow && end.row >= fromRow) {
        if (start.col === col && end.col === col) delete model[key];
        else if (start.row >= fromRow && end.row <= toRow) delete model[key];
      }
    }
    const letter = columnLetter(col);
    const ref = `${letter}${fromRow}:${letter}${toRow}`;
    const errorStyle = v.strict ? 'stop' : 'warning';
    const base = { allowBlank: true, showErrorMessage: true, errorStyle };
    let dv: ExcelJS.DataValidation;
    switch (v.kind) {
      case 'list':
        dv = { ...base, type: 'list', formulae: [this.listRange(v.values)] };
        break;
      case 'date':
        dv = {
          ...base,
          type: 'date',
          operator: 'greaterThan',
          formulae: [new Date(Date.UTC(1900, 0, 1))],
          error: 'Nhập ngày dạng dd/mm/yyyy. / Enter a date as dd/mm/yyyy.',
        };
        break;
      case 'number': {
        const min = v.min ?? -1e15;
        const max = v.max ?? 1e15;
        dv = {
          ...base,
          type: 'decimal',
          operator: 'between',
          formulae: [min, max],
          error: `Nhập số từ ${min} đến ${max}. / Enter a number from ${min} to ${max}.`,
        };
        break;
      }
      case 'email':
        dv = {
          ...base,
          type: 'custom',
          formulae: [`ISNUMBER(MATCH("*@?*.?*",${letter}${fromRow},0))`],
          error: 'Nhập địa chỉ email. / Enter an e-mail address.',
        };
        break;
    }
    internals(ws).dataValidations.model[ref] = dv;
  }

  /** The hidden range holding `values`, reusing an identical list already stored. */
  private listRange(values: string[]): string {
    let lists = this.wb.getWorksheet(LISTS_SHEET);
    if (!lists) {
      lists = this.wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
    }
    const key = JSON.stringify(values);
    let col = 0;
    for (let c = 1; c <= lists.columnCount; c++) {
      const existing: string[] = [];
      lists.getColumn(c).eachCell({ includeEmpty: false }, (cell) => {
        const v = toRawCell(cell.value);
        if (!isEmptyRaw(v)) existing.push(String(v));
      });
      if (JSON.stringify(existing) === key) {
        col = c;
        break;
      }
    }
    if (col === 0) {
      col = lists.columnCount + 1;
      values.forEach((v, i) => {
        lists.getRow(i + 1).getCell(col).value = v;
      });
    }
    const letter = columnLetter(col);
    return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(1, values.length)}`;
  }

  private setConditionalFormats(ws: Worksheet, rules: ConditionalFormat[], fromRow: number, toRow: number): void {
    const isOurs = (cf: ExcelJS.ConditionalFormattingOptions): boolean =>
      cf.rules.some((r) => 'formulae' in r && (r.formulae ?? []).some((f: unknown) => String(f).includes(CF_MARKER)));
    const users = internals(ws).conditionalFormattings.filter((cf) => !isOurs(cf));
    const ours: ExcelJS.ConditionalFormattingOptions[] = rules.map((rule) => {
      const cols = [...new Set(rule.columns)].sort((a, b) => a - b);
      const ref = columnRuns(cols)
        .map(([a, b]) => `${columnLetter(a)}${fromRow}:${columnLetter(b)}${toRow}`)
        .join(' ');
      const first = columnLetter(cols[0] ?? 1);
      const condition =
        rule.kind === 'textEquals'
          ? `TRIM(${first}${fromRow})="${rule.text.replace(/"/g, '""')}"`
          : rule.formula.replace(/^=/, '');
      const style: Partial<ExcelJS.Style> = {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } },
      };
      if (rule.fontColor) style.font = { color: { argb: argb(rule.fontColor) } };
      return {
        ref,
        rules: [{ type: 'expression', priority: 0, formulae: [`AND(${condition},${CF_MARKER})`], style }],
      };
    });
    // Ours first, then the user's in their order: priorities 1..n, stable on every run.
    const all = [...ours, ...users];
    let priority = 1;
    for (const cf of all) for (const r of cf.rules) r.priority = priority++;
    internals(ws).conditionalFormattings = all;
  }

  styleBlock(sheet: string, style: BlockStyle): void {
    const ws = this.sheet(sheet);
    const lastCol = Math.max(1, ws.columnCount);
    for (const r of style.boldRows ?? []) {
      const row = ws.getRow(r);
      for (let c = 1; c <= lastCol; c++) {
        const cell = row.getCell(c);
        cell.font = { ...BASE_FONT, ...(cell.font ?? {}), bold: true };
      }
    }
    for (const { row: r, color } of style.rowBackgrounds ?? []) {
      const row = ws.getRow(r);
      for (let c = 1; c <= lastCol; c++) row.getCell(c).fill = solidFill(color);
    }
    for (const { col, width } of style.columnWidths ?? []) {
      ws.getColumn(col).width = Math.max(1, Math.round((width / PX_PER_CHAR) * 10) / 10);
    }
    for (const col of style.monospaceColumns ?? []) {
      ws.getColumn(col).eachCell({ includeEmpty: false }, (cell) => {
        cell.font = { ...(cell.font ?? {}), ...MONOSPACE_FONT };
      });
    }
    // The sheet's earlier merges go first, as in the Sheets adapter (exceljs refuses to merge
    // merged cells).
    if ((style.merges ?? []).length > 0) for (const master of Object.keys(internals(ws)._merges)) ws.unMergeCells(master);
    for (const m of style.merges ?? []) {
      const last = m.col + m.cols - 1;
      ws.mergeCells(m.row, m.col, m.row, last);
      const master = ws.getRow(m.row).getCell(m.col);
      master.alignment = { ...(master.alignment ?? {}), wrapText: true, vertical: 'top' };
    }
    for (const { row, height } of style.rowHeights ?? []) ws.getRow(row).height = Math.round(height * PT_PER_PX * 4) / 4;
  }

  // ------------------------------------------------------------ marks

  setMarks(sheet: string, marks: CellMark[]): void {
    this.clearMarks(sheet);
    const ws = this.sheet(sheet);
    const byCell = new Map<string, CellMark[]>();
    for (const m of marks) {
      const key = `${m.row}:${m.col}`;
      byCell.set(key, [...(byCell.get(key) ?? []), m]);
    }
    for (const list of byCell.values()) {
      const first = list[0];
      if (!first) continue;
      const cell = ws.getRow(first.row).getCell(first.col);
      const ours = `${MARK_TAG} ${list.map((m) => m.note).join('\n')}`;
      const user = noteText(cell.note);
      const text = user ? `${user}\n\n${ours}` : ours;
      // A note holds at most what a cell does.
      cell.note = text.length > EXCEL_CELL_CHARS ? `${text.slice(0, EXCEL_CELL_CHARS - 1)}…` : text;
      cell.fill = solidFill(first.background);
    }
  }

  /** The cells the add-on marked on a sheet, with our part of the note (for cchc serve's view). */
  markedCells(sheet: string): { cell: string; note: string }[] {
    const ws = this.find(sheet);
    if (!ws) return [];
    const out: { cell: string; note: string }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const text = noteText(cell.note);
        const at = text.indexOf(MARK_TAG);
        if (at >= 0) out.push({ cell: cell.address, note: text.slice(at + MARK_TAG.length).trim() });
      });
    });
    return out;
  }

  clearMarks(sheet: string): void {
    const ws = this.sheet(sheet);
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const text = noteText(cell.note);
        const at = text.indexOf(MARK_TAG);
        if (at < 0) return;
        const user = text.slice(0, at).trimEnd();
        if (user) cell.note = user;
        else (cell as unknown as { note: string | undefined }).note = undefined;
        // Back to the column's own shading (⚙ columns) or none.
        const colFill = ws.getColumn(colNumber).fill;
        cell.fill = colFill ?? ({ type: 'pattern', pattern: 'none' } as ExcelJS.Fill);
      });
    });
  }
}

function noteText(note: Cell['note'] | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}


/** Add to a column's alignment and to its cells' (exceljs' setter would replace theirs whole). */
function alignColumn(column: ExcelJS.Column, patch: Partial<ExcelJS.Alignment>): void {
  column.style = { ...column.style, alignment: { ...(column.style?.alignment ?? {}), ...patch } };
  column.eachCell({ includeEmpty: false }, (cell) => {
    cell.alignment = { ...(cell.alignment ?? {}), ...patch };
  });
}

/** A column's width on screen: Excel shows a width of n characters as n × 7 + 5 pixels. */
function columnPx(ws: Worksheet, col: number): number {
  const w = ws.getColumn(col).width;
  return w === undefined ? DEFAULT_COLUMN_PX : w * PX_PER_CHAR + 5;
}

/**
 * Grow a row to the height its wrapped text needs (what Sheets does by itself): the tallest of its
 * wrapped cells that are not merged (a merged row gets its height from the core). Never shrinks.
 */
function fitRow(ws: Worksheet, rowNumber: number): void {
  const row = ws.findRow(rowNumber);
  if (!row) return;
  let needed = 0;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.alignment?.wrapText !== true || cell.isMerged) return;
    const v = toRawCell(cell.value);
    if (typeof v !== 'string' || v.trim() === '') return;
    needed = Math.max(needed, wrappedHeightPx(v, columnPx(ws, col), cell.font?.bold === true));
  });
  if (needed <= LINE_HEIGHT_PX) return;
  const pt = Math.round(needed * PT_PER_PX * 4) / 4;
  if (row.height === undefined || row.height < pt) row.height = pt;
}

function lastContentRow(ws: Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let has = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!has && !isEmptyRaw(toRawCell(cell.value))) has = true;
    });
    if (has) last = rowNumber;
  });
  return last;
}

/**
 * exceljs expands every validation range it reads into one entry per cell, and its writer then
 * re-squeezes them with overlaps; fold the per-cell entries back into one range per column run.
 */
function compactValidations(ws: Worksheet): void {
  const model = internals(ws).dataValidations.model;
  const cells: { row: number; col: number; dv: ExcelJS.DataValidation }[] = [];
  for (const [key, dv] of Object.entries(model)) {
    if (!dv || key.includes(':')) continue;
    const a = decodeAddress(key);
    if (!a) continue;
    cells.push({ ...a, dv });
    delete model[key];
  }
  cells.sort((x, y) => x.col - y.col || x.row - y.row);
  let i = 0;
  while (i < cells.length) {
    const start = cells[i];
    if (!start) break;
    let j = i;
    const sig = JSON.stringify(start.dv);
    while (true) {
      const next = cells[j + 1];
      const cur = cells[j];
      if (!next || !cur || next.col !== start.col || next.row !== cur.row + 1) break;
      if (next.dv !== start.dv && JSON.stringify(next.dv) !== sig) break;
      j++;
    }
    const end = cells[j] ?? start;
    const letter = columnLetter(start.col);
    const ref = start.row === end.row ? `${letter}${start.row}` : `${letter}${start.row}:${letter}${end.row}`;
    model[ref] = start.dv;
    i = j + 1;
  }
}
