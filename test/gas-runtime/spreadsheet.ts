// A faithful offline fake of SpreadsheetApp: spreadsheets, sheets and ranges with values,
// formulas, formats, notes, validation, conditional formats, protections and charts.
//
// CROSS-REALM CARE. The add-on bundle runs in a vm context (gas-local); the objects this fake
// hands it (ranges, arrays of values, Dates) are host-realm objects. In the bundle,
// `v instanceof Date` is FALSE for a Date read from a range: detect dates with
// `Object.prototype.toString.call(v) === '[object Date]'`. Likewise use `Array.isArray(v)`, never
// `v instanceof Array`, on arrays from getValues().
// This fake accepts Dates from either realm in setValue(s) by the same toString check and stores
// copies; getValues returns fresh Date copies. Exceptions from the fakes are host-realm Errors
// named 'Exception': in the bundle `e instanceof Error` is false, `e.message` works, and
// String(e) reads "Exception: …" as in Apps Script.
//
// Faithful behaviours (with Google's messages): 1-based indices; getRange(0, …) → "The starting
// row of the range is too small."; setValues with the wrong shape → "The number of rows in the
// data does not match the number of rows in the range. The data has X but the range has Y." (and
// the columns variant); ranges beyond the sheet → "The coordinates of the range are outside the
// dimensions of the sheet." (sheets start at 1000 × 26; appendRow and insertRows grow them, as
// Sheets does; setValues does not); duplicate sheet names → 'A sheet with the name "X" already
// exists. Please enter another name.'; empty cells read as ''; numbers stay numbers; strings that
// look like numbers become numbers unless the cell format is plain text '@' or the string starts
// with an apostrophe (Sheets parses typed and script-written strings the same way: watch
// phone numbers like 0903…; date-like strings such as '30/09/2024' stay strings here, where Sheets
// would parse them as dates); a Date written into an unformatted cell gets 'dd/mm/yyyy' (the
// vi_VN date format); an unformatted cell's number format is '0.###############'.
//
// Merged cells (Range.merge, mergeAcross, mergeVertically, breakApart, getMergedRanges,
// isPartOfMerge): a merge keeps only the top-left value, as Sheets warns when merging by hand; a
// merge or unmerge over a range that holds only part of an existing merge throws Google's "You
// must select all cells in a merged range to merge or unmerge them." (as real executions log it).
// clear() leaves merges alone (not verified: the add-on unmerges before it merges anyway).
// Row heights: setRowHeight(s) stores a height; Google's reference says rows still grow to fit
// their contents (only setRowHeightsForced fixes it), which a fake without text layout cannot
// show: getRowHeight returns what was set.
// A conditional format formula that names another sheet directly is refused: Sheets' formulas
// there "can only reference the same sheet […] To reference another sheet in the formula, use
// the INDIRECT function" (support.google.com/docs/answer/78413); the exception wording is ours.
//
// Formulas are not evaluated: setFormula stores the formula and reads '' as its value, unless the
// test seeds the value with `sheet.__setFormula('B2', '=1+1', 2)` or gives the registry a
// `formulaValue` function.

import { cellA1, columnToLetters, parseA1, quoteSheetName, rangeA1, splitSheet } from './a1.ts';
import { gasError, isDate, type RuntimeCore } from './core.ts';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './formats.ts';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  Dimension,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  FakeProtection,
  ProtectionType,
  SheetType,
  WrapStrategy,
  type ProtectionTypeName,
} from './spreadsheet-builders.ts';
import { Button, ButtonSet, FakeUi, UiState } from './ui.ts';

export type CellValue = string | number | boolean | Date;

// Google's messages (checked against public reports of the real exceptions, e.g.
// github.com/alpatania/sassafras/issues/8 for the setValues shape message).
export const MSG = {
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteLastSheet: "You can't remove all the sheets in a document.",
  hideLastSheet: "You can't hide all the sheets in a document.", // wording ours, after deleteLastSheet
  partialMerge: 'You must select all cells in a merged range to merge or unmerge them.',
  signature: (args: unknown[], method: string) =>
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  // openById: an id nobody has → Google's generic failure; a forbidden one → the permission
  // message; a deleted one → the "missing" message (all three are seen from the real service).
  openUnknown: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  openForbidden: 'You do not have permission to access the requested document.',
  openMissing: (id: string) => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
} as const;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'number[]';
  return 'Object';
}

interface Cell {
  value: CellValue;
  formula: string;
  format?: string;
  note?: string;
  background?: string;
  fontWeight?: string;
  fontFamily?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  validation?: FakeDataValidation;
}

const EMPTY: Readonly<Cell> = Object.freeze({ value: '', formula: '' });

const DEFAULTS = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontFamily: 'Arial',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  wrap: false,
  hAlign: 'general',
  vAlign: 'bottom',
  columnWidth: 100,
  rowHeight: 21,
  maxRows: 1000,
  maxColumns: 26,
};

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

function copyValue(v: CellValue): CellValue {
  return isDate(v) ? new Date(v.getTime()) : v;
}

function hasContent(c: Cell | undefined): boolean {
  return c !== undefined && (c.value !== '' || c.formula !== '');
}

function isClearing(patch: Partial<Cell>): boolean {
  return Object.entries(patch).every(([k, v]) => v === undefined || ((k === 'value' || k === 'formula') && v === ''));
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
const overlaps = (a: Merge, b: Merge): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const inside = (a: Merge, b: Merge): boolean => a.r1 >= b.r1 && a.r2 <= b.r2 && a.c1 >= b.c1 && a.c2 <= b.c2;

/**
 * The first other sheet a formula names outside its string literals (`'Tổng hợp'!B2`, `Sheet2!A1`),
 * or null: `INDIRECT("'Tổng hợp'!$B$2")` names it inside a string, which Sheets accepts.
 */
function otherSheetNamed(formula: string, own: string): string | null {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const re = /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
    if (name.normalize('NFC') !== own.normalize('NFC')) return name;
  }
  return null;
}

// ------------------------------------------------------------------ registry

export interface SpreadsheetSeed {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Sheet names in order, or name → rows of values (row 1 first). Default: one empty "Sheet1". */
  sheets?: string[] | Record<string, unknown[][]>;
}

export interface SheetsEnv {
  core: RuntimeCore;
  ui: UiState;
  /** The email of the user running the script (protections list their creator as editor). */
  userEmail(): string;
  /** Optional evaluator for formulas written by the script (default: value ''). */
  formulaValue?: (formula: string, sheetName: string, row: number, col: number) => CellValue;
}

/**
 * All fake spreadsheets of a runtime, by id. openById reaches any of them unless the test marks
 * an id forbidden or deleted (the district aggregation opens many school files).
 */
export class SpreadsheetRegistry {
  private readonly books = new Map<string, FakeSpreadsheet>();
  private readonly forbidden = new Set<string>();
  private readonly deleted = new Set<string>();
  private nextId = 1;
  active: FakeSpreadsheet | null = null;
  /** Called when a spreadsheet is created (DriveApp registers it as a file). */
  onCreate: ((ss: FakeSpreadsheet) => void) | null = null;
  /** Called on every edit of a spreadsheet's cells (Drive's change time, google-apis.ts). */
  onChange: ((id: string) => void) | null = null;

  constructor(readonly env: SheetsEnv) {}

  /** Create a spreadsheet (host-side setup; not counted). Returns the instrumented object. */
  create(seed: SpreadsheetSeed = {}): FakeSpreadsheet {
    return this.env.core.uncounted(() => {
      const id = seed.id ?? `fake-ss-${String(this.nextId++).padStart(4, '0')}`;
      if (this.books.has(id)) throw new Error(`SpreadsheetRegistry: id ${id} already exists`);
      const ss = new FakeSpreadsheet(this.env, this, id, seed);
      this.books.set(id, ss.__proxy);
      this.onCreate?.(ss.__proxy);
      return ss.__proxy;
    });
  }

  get(id: string): FakeSpreadsheet | undefined {
    return this.books.get(id);
  }

  all(): FakeSpreadsheet[] {
    return [...this.books.values()];
  }

  /**
   * Test helper: a new spreadsheet holding a copy of `sourceId`'s sheets (rows shared until
   * edited, so hundreds of schools cost little memory). Not counted. Also what the user's
   * File › Make a copy gives (`Năm mới`, core/rollover): a new ID, the same cells, formats,
   * notes, validations, sizes, frozen rows and columns, merges, hidden sheets, tab colours,
   * conditional format rules and protections.
   * Document properties are NOT carried: the fake keeps them per spreadsheet ID (properties.ts),
   * and Google documents them as "scoped to one document in which an add-on is used"
   * (https://developers.google.com/apps-script/guides/properties). No Google page found says
   * what a copy does with them, so the add-on does not rely on either answer: `Năm mới` keeps
   * its marker in the cells (`Nhật ký`), which every copy carries.
   * Conditional format rules and protections are copied onto the copy's own cells (their editors
   * start as the user making the copy); charts are not copied (the add-on draws none in a sheet).
   */
  copy(sourceId: string, seed: { id?: string; name?: string } = {}): FakeSpreadsheet {
    const src = this.books.get(sourceId);
    if (!src) throw new Error(`SpreadsheetRegistry: no spreadsheet ${sourceId}`);
    const from = src.__sheets();
    const ss = this.create({ ...seed, timeZone: src.getSpreadsheetTimeZone(), sheets: from.map((s) => s.__name()) });
    this.env.core.uncounted(() => ss.__sheets().forEach((s, i) => s.__copyFrom(from[i]!)));
    return ss;
  }

  /** The current user may not open this id (openById throws Google's permission message). */
  forbid(id: string): void {
    this.forbidden.add(id);
  }

  /** The file was deleted (openById throws the "is missing" message). */
  markDeleted(id: string): void {
    this.deleted.add(id);
  }

  open(id: string): FakeSpreadsheet {
    if (typeof id !== 'string') throw gasError(MSG.signature([id], 'SpreadsheetApp.openById'));
    if (this.deleted.has(id)) throw gasError(MSG.openMissing(id));
    if (this.forbidden.has(id)) throw gasError(MSG.openForbidden);
    const ss = this.books.get(id);
    if (!ss) throw gasError(MSG.openUnknown);
    return ss;
  }
}

// ------------------------------------------------------------------ Spreadsheet

interface NamedRange {
  name: string;
  sheet: FakeSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export class FakeSpreadsheet {
  readonly __proxy: FakeSpreadsheet;
  private name: string;
  private timeZone: string;
  private locale: string;
  private sheets: FakeSheet[] = [];
  private activeSheet: FakeSheet | null = null;
  private activeRange: FakeRange | null = null;
  private readonly named = new Map<string, NamedRange>();
  private nextSheetId = 0;

  constructor(
    readonly __env: SheetsEnv,
    private readonly registry: SpreadsheetRegistry,
    private readonly id: string,
    seed: SpreadsheetSeed,
  ) {
    this.__proxy = __env.core.instrument(this, 'Spreadsheet');
    this.name = seed.name ?? 'Untitled spreadsheet';
    this.timeZone = seed.timeZone ?? 'Asia/Ho_Chi_Minh';
    this.locale = seed.locale ?? 'vi_VN';
    const sheets = seed.sheets ?? ['Sheet1'];
    const entries: [string, unknown[][] | null][] = Array.isArray(sheets)
      ? sheets.map((n) => [n, null])
      : Object.entries(sheets);
    if (entries.length === 0) entries.push(['Sheet1', null]);
    for (const [name, rows] of entries) {
      const sheet = this.__addSheet(name, this.sheets.length);
      if (rows && rows.length) sheet.__setValues(1, 1, rows);
    }
  }

  /** Internal: create a sheet object (no name check). */
  __addSheet(name: string, index: number, maxRows = DEFAULTS.maxRows, maxColumns = DEFAULTS.maxColumns): FakeSheet {
    const gid = this.nextSheetId === 0 ? 0 : 100000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    const sheet = new FakeSheet(this, gid, name, maxRows, maxColumns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  __sheets(): FakeSheet[] {
    return this.sheets;
  }

  __findSheet(name: string): FakeSheet | undefined {
    // Sheet names are unique without regard to case in Sheets, and getSheetByName matches them
    // that way; no Unicode normalisation: an NFD "Kế hoạch" is a different name from the NFC one.
    return this.sheets.find((s) => s.__name() === name) ?? this.sheets.find((s) => s.__name().toLowerCase() === name.toLowerCase());
  }

  __checkNewName(name: string, except?: FakeSheet): void {
    const clash = this.sheets.find((s) => s !== except && s.__name().toLowerCase() === name.toLowerCase());
    if (clash) throw gasError(MSG.duplicateSheet(name));
  }

  __removeSheet(sheet: FakeSheet): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [k, nr] of this.named) if (nr.sheet === sheet) this.named.delete(k);
    if (this.activeSheet === sheet) this.activeSheet = null;
    if (this.activeRange?.__sheet() === sheet) this.activeRange = null;
  }

  __setActive(sheet: FakeSheet, range: FakeRange | null): void {
    this.activeSheet = sheet;
    this.activeRange = range;
  }

  __activeSheet(): FakeSheet | null {
    return this.activeSheet;
  }

  __registry(): SpreadsheetRegistry {
    return this.registry;
  }
  /** An edit: Drive's modifiedTime moves (google-apis.ts). */
  __changed(): void {
    this.registry.onChange?.(this.id);
  }

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = String(name);
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.timeZone = String(tz);
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }
  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => s.__proxy);
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.__findSheet(String(name))?.__proxy ?? null;
  }
  getSheetById(gid: number): FakeSheet | null {
    return this.sheets.find((s) => s.__gid() === gid)?.__proxy ?? null;
  }
  /** insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index). The new sheet becomes active. */
  insertSheet(a?: string | number, b?: number): FakeSheet {
    let name: string;
    let index: number;
    if (typeof a === 'number') {
      index = a;
      name = this.defaultSheetName();
    } else if (a === undefined) {
      index = this.sheets.length;
      name = this.defaultSheetName();
    } else {
      name = String(a);
      index = b ?? this.sheets.length;
    }
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length) {
      throw gasError(`Sheet index ${index} is out of range.`); // wording ours
    }
    if (name.trim() === '') throw gasError(MSG.signature([a, b], 'SpreadsheetApp.Spreadsheet.insertSheet'));
    this.__checkNewName(name);
    const sheet = this.__addSheet(name, index);
    this.__setActive(sheet, null);
    return sheet.__proxy;
  }
  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const candidate = `Sheet${n}`;
      if (!this.__findSheet(candidate)) return candidate;
    }
  }
  deleteSheet(sheet: FakeSheet): void {
    const raw = this.sheets.find((s) => s.__proxy === sheet || s === sheet);
    if (!raw) throw gasError('Sheet not found'); // wording ours
    if (this.sheets.length === 1) throw gasError(MSG.deleteLastSheet);
    this.__removeSheet(raw);
  }
  getActiveSheet(): FakeSheet {
    const s = this.activeSheet ?? this.sheets[0];
    if (!s) throw new Error('FakeSpreadsheet: no sheets');
    return s.__proxy;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    const raw = this.sheets.find((s) => s.__proxy === sheet || s === sheet);
    if (!raw) throw gasError('Sheet not found');
    this.__setActive(raw, null);
    return raw.__proxy;
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange?.__proxy ?? null;
  }
  getActiveCell(): FakeRange {
    const r = this.activeRange;
    if (r) return r.__sheet().__range(r.getRow(), r.getColumn(), 1, 1).__proxy;
    return this.getActiveSheet().getRange(1, 1);
  }
  setActiveRange(range: FakeRange): FakeRange {
    const raw = (range as FakeRange).__self();
    this.__setActive(raw.__sheet(), raw);
    return raw.__proxy;
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    const r = typeof range === 'string' ? this.__rangeFromA1(range) : (range as FakeRange).__self();
    this.__setActive(r.__sheet(), r);
    return r.__proxy;
  }
  /** `Sheet!A1:B2`, or A1 notation on the active sheet. */
  getRange(a1: string): FakeRange {
    return this.__rangeFromA1(String(a1)).__proxy;
  }
  __rangeFromA1(a1: string): FakeRange {
    const { sheetName } = splitSheet(a1);
    const sheet = sheetName === null ? (this.activeSheet ?? this.sheets[0]) : this.__findSheet(sheetName);
    if (!sheet) throw gasError(MSG.rangeNotFound);
    return sheet.__rangeA1(a1);
  }
  getRangeByName(name: string): FakeRange | null {
    const nr = this.named.get(String(name));
    if (!nr || !this.sheets.includes(nr.sheet)) return null;
    return nr.sheet.__range(nr.row, nr.col, nr.numRows, nr.numCols).__proxy;
  }
  setNamedRange(name: string, range: FakeRange): void {
    // Google: letters, numbers and underscores, not starting with a number, not like "A1" or "R1C1".
    if (!/^[A-Za-z_\p{L}][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) {
      throw gasError(`The name "${name}" is not valid.`); // wording ours
    }
    const r = (range as FakeRange).__self();
    this.named.set(name, { name, sheet: r.__sheet(), row: r.getRow(), col: r.getColumn(), numRows: r.getNumRows(), numCols: r.getNumColumns() });
  }
  removeNamedRange(name: string): void {
    this.named.delete(String(name));
  }
  getNamedRanges(): { getName(): string; getRange(): FakeRange; remove(): void }[] {
    return [...this.named.values()]
      .filter((nr) => this.sheets.includes(nr.sheet))
      .map((nr) => ({
        getName: () => nr.name,
        getRange: () => nr.sheet.__range(nr.row, nr.col, nr.numRows, nr.numCols).__proxy,
        remove: () => void this.named.delete(nr.name),
      }));
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }
  toast(message: string, title = '', timeoutSeconds = 5): void {
    this.__env.ui.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }
  moveActiveSheet(position: number): void {
    const s = this.activeSheet ?? this.sheets[0];
    if (!s) return;
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(Math.max(0, Math.min(this.sheets.length, position - 1)), 0, s);
  }
  getFormUrl(): null {
    return null;
  }
  /** Test helper: every sheet's values, for assertions. */
  __dump(): Record<string, CellValue[][]> {
    const out: Record<string, CellValue[][]> = {};
    for (const s of this.sheets) out[s.__name()] = s.__values();
    return out;
  }
}

// ------------------------------------------------------------------ Sheet

export class FakeSheet {
  readonly __proxy: FakeSheet;
  /** rows[r-1][c-1]; missing entries are empty cells. */
  private rows: (Cell | undefined)[][] = [];
  private columnWidths: (number | undefined)[] = [];
  private rowHeights: (number | undefined)[] = [];
  private frozenRows = 0;
  private frozenColumns = 0;
  private hidden = false;
  private tabColor: string | null = null;
  private protections: FakeProtection[] = [];
  private conditionalRules: FakeConditionalFormatRule[] = [];
  /** Merged blocks, 1-based and inclusive. */
  private merges: Merge[] = [];
  private charts: FakeEmbeddedChart[] = [];
  private nextChartId = 1;

  constructor(
    private readonly parent: FakeSpreadsheet,
    private readonly gid: number,
    private name: string,
    private maxRows: number,
    private maxColumns: number,
  ) {
    this.__proxy = parent.__env.core.instrument(this, 'Sheet');
  }

  // ---------------------------------------------------------------- internals
  __name(): string {
    return this.name;
  }
  __gid(): number {
    return this.gid;
  }
  __env(): SheetsEnv {
    return this.parent.__env;
  }
  __parent(): FakeSpreadsheet {
    return this.parent;
  }
  /** Rows that may hold cells (an upper bound). */
  __rowCount(): number {
    return this.rows.length;
  }
  __maxRows(): number {
    return this.maxRows;
  }
  __maxColumns(): number {
    return this.maxColumns;
  }
  __cell(row: number, col: number): Readonly<Cell> {
    return this.rows[row - 1]?.[col - 1] ?? EMPTY;
  }
  /** Rows this sheet shares with the sheet it was copied from (copied on their first edit). */
  private shared: WeakSet<(Cell | undefined)[]> | null = null;
  /** Test helper: this sheet becomes a copy of `other` (cells, size, frozen rows), its rows shared until edited. */
  __copyFrom(other: FakeSheet): void {
    this.rows = other.rows.slice();
    this.shared = new WeakSet(this.rows.filter((r): r is (Cell | undefined)[] => Array.isArray(r)));
    if (other.shared) for (const r of other.rows) if (r) this.shared.add(r);
    other.shared ??= new WeakSet();
    for (const r of other.rows) if (r) other.shared.add(r);
    this.maxRows = other.maxRows;
    this.maxColumns = other.maxColumns;
    this.frozenRows = other.frozenRows;
    this.frozenColumns = other.frozenColumns;
    this.columnWidths = other.columnWidths.slice();
    this.rowHeights = other.rowHeights.slice();
    this.hidden = other.hidden;
    this.tabColor = other.tabColor;
    this.merges = other.merges.map((m) => ({ ...m }));
    // Conditional format rules and protections, bound to this sheet's own cells.
    const here = (r: unknown): FakeRange => {
      const x = r as FakeRange;
      return this.__range(x.getRow(), x.getColumn(), x.getNumRows(), x.getNumColumns());
    };
    this.conditionalRules = other.conditionalRules.map((rule) => rule.copy().setRanges(rule.getRanges().map((r) => here(r).__proxy)).build());
    this.protections = [];
    for (const p of other.protections) {
      if (p.removed) continue;
      const made = p.type === 'SHEET' ? this.protect() : here(p.getRange()).protect();
      made.setDescription(p.getDescription());
      made.setWarningOnly(p.isWarningOnly());
    }
  }
  private unshareAll(): void {
    if (!this.shared) return;
    this.rows = this.rows.map((r) => (r && this.shared?.has(r) ? r.slice() : r));
    this.shared = null;
  }
  /** Cells kept in a row (content or format): where the Sheets API's rowData of that row ends. */
  __rowLength(row: number): number {
    return this.rows[row - 1]?.length ?? 0;
  }
  __edit(row: number, col: number, patch: Partial<Cell>): void {
    // Clearing an empty cell changes nothing: do not allocate (whole-sheet clears stay cheap).
    if (this.rows[row - 1]?.[col - 1] === undefined && isClearing(patch)) return;
    this.parent.__changed();
    let r = this.rows[row - 1];
    if (r && this.shared?.has(r)) {
      r = r.slice();
      this.rows[row - 1] = r;
    }
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    const next: Cell = { ...(r[col - 1] ?? EMPTY), ...patch };
    for (const k of Object.keys(next) as (keyof Cell)[]) if (next[k] === undefined) delete next[k];
    r[col - 1] = next;
  }
  __lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => hasContent(c))) return r;
    }
    return 0;
  }
  __lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) last = c;
    }
    return last;
  }
  __values(): CellValue[][] {
    const lr = this.__lastRow();
    const lc = this.__lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= lr; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= lc; c++) row.push(copyValue(this.__cell(r, c).value));
      out.push(row);
    }
    return out;
  }
  __range(row: number, col: number, numRows: number, numCols: number): FakeRange {
    return new FakeRange(this, row, col, numRows, numCols);
  }
  /** Validate getRange arguments the way Sheets does, in Google's order. */
  __checkedRange(args: unknown[], method: string): FakeRange {
    const [row, col, numRows = 1, numCols = 1] = args;
    if (!isInt(row) || !isInt(col) || !isInt(numRows) || !isInt(numCols)) throw gasError(MSG.signature(args, method));
    const [r, c, nr, nc] = [row, col, numRows, numCols].map(Math.trunc) as [number, number, number, number];
    if (r < 1) throw gasError(MSG.rowTooSmall);
    if (c < 1) throw gasError(MSG.columnTooSmall);
    if (nr < 1) throw gasError(MSG.numRowsTooSmall);
    if (nc < 1) throw gasError(MSG.numColumnsTooSmall);
    if (r + nr - 1 > this.maxRows || c + nc - 1 > this.maxColumns) throw gasError(MSG.outsideSheet);
    return this.__range(r, c, nr, nc);
  }
  __rangeA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw gasError(MSG.rangeNotFound);
    if (ref.sheetName !== null && this.parent.__findSheet(ref.sheetName) !== this) {
      const other = this.parent.__findSheet(ref.sheetName);
      if (!other) throw gasError(MSG.rangeNotFound);
      return other.__rangeA1(a1);
    }
    const row = ref.row ?? 1;
    const col = ref.col ?? 1;
    const endRow = ref.endRow ?? (ref.row === null || ref.endRow === null ? this.maxRows : row);
    const endCol = ref.endCol ?? (ref.col === null || ref.endCol === null ? this.maxColumns : col);
    if (endRow > this.maxRows || endCol > this.maxColumns) throw gasError(MSG.outsideSheet);
    return this.__range(row, col, endRow - row + 1, endCol - col + 1);
  }
  /** Write values from row/col without shape checks (setup and appendRow). */
  __setValues(row: number, col: number, values: unknown[][]): void {
    const needRows = row + values.length - 1;
    const needCols = col + Math.max(0, ...values.map((r) => r.length)) - 1;
    if (needRows > this.maxRows) this.maxRows = needRows;
    if (needCols > this.maxColumns) this.maxColumns = needCols;
    values.forEach((r, i) => r.forEach((v, j) => writeValue(this, row + i, col + j, v)));
  }
  __resize(maxRows: number, maxColumns: number): void {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }
  __removeProtection(p: FakeProtection): void {
    this.protections = this.protections.filter((x) => x !== p);
  }
  /** Keeps the raw protection (remove() reports the raw one) and hands out its proxy. */
  __addProtection(p: FakeProtection): FakeProtection {
    p.__proxy = this.parent.__env.core.instrument(p, 'Protection');
    this.protections.push(p);
    return p.__proxy;
  }

  /** Merges that share a cell with the block. */
  __mergesIn(b: Merge): Merge[] {
    return this.merges.filter((m) => overlaps(m, b));
  }
  /** Replace the merges inside `area` (all of each, or Google's exception) by `next`. */
  __remerge(area: Merge, next: Merge[]): void {
    const hit = this.__mergesIn(area);
    if (hit.some((m) => !inside(m, area))) throw gasError(MSG.partialMerge);
    this.merges = [...this.merges.filter((m) => !hit.includes(m)), ...next];
    for (const m of next) {
      for (let r = m.r1; r <= m.r2; r++) {
        for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) this.__edit(r, c, { value: '', formula: '' });
      }
    }
  }

  // ---------------------------------------------------------------- test helpers (not counted)
  /** Seed a formula with the value Sheets would compute for it. */
  __setFormula(a1: string, formula: string, value: CellValue): void {
    const r = this.__rangeA1(a1);
    this.__edit(r.getRow(), r.getColumn(), { formula, value: copyValue(value) });
  }
  /** Seed values from a cell (A1) without shape checks; grows the sheet as needed. */
  __seed(a1: string, values: unknown[][]): void {
    const r = this.__rangeA1(a1);
    this.__setValues(r.getRow(), r.getColumn(), values);
  }

  // ---------------------------------------------------------------- public API
  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    const n = String(name);
    this.parent.__checkNewName(n, this);
    this.name = n;
    return this.__proxy;
  }
  getSheetName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.gid;
  }
  getIndex(): number {
    return this.parent.__sheets().indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.parent.__proxy;
  }
  getType(): string {
    return SheetType.GRID;
  }
  activate(): FakeSheet {
    this.parent.__setActive(this, null);
    return this.__proxy;
  }
  /** As Sheets: the last visible sheet cannot be hidden; hiding the active sheet activates the first one still shown. */
  hideSheet(): FakeSheet {
    if (this.hidden) return this.__proxy;
    const shown = this.parent.__sheets().filter((s) => s !== this && !s.__hidden());
    if (shown.length === 0) throw gasError(MSG.hideLastSheet);
    this.hidden = true;
    if (this.parent.__activeSheet() === this) this.parent.__setActive(shown[0]!, null);
    return this.__proxy;
  }
  __hidden(): boolean {
    return this.hidden;
  }
  showSheet(): FakeSheet {
    this.hidden = false;
    return this.__proxy;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): FakeSheet {
    this.tabColor = color === null ? null : String(color).toLowerCase();
    return this.__proxy;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  /** getRange(row, col[, numRows[, numCols]]) | getRange(a1Notation) */
  getRange(...args: unknown[]): FakeRange {
    if (args.length === 1 && typeof args[0] === 'string') return this.__rangeA1(args[0]).__proxy;
    if (args.length < 2 || args.length > 4) throw gasError(MSG.signature(args, 'SpreadsheetApp.Sheet.getRange'));
    return this.__checkedRange(args, 'SpreadsheetApp.Sheet.getRange').__proxy;
  }
  /**
   * A RangeList of A1 ranges of this sheet (developers.google.com/apps-script/reference/spreadsheet/
   * sheet#getrangelista1notations): one call, whatever the number of ranges; each notation is
   * resolved as getRange(a1) would (a bad one throws "Range not found").
   */
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== 'string')) {
      throw gasError(MSG.signature([a1Notations], 'SpreadsheetApp.Sheet.getRangeList'));
    }
    return new FakeRangeList(this.parent.__env.core, a1Notations.map((a) => this.__rangeA1(a))).__proxy;
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): CellValue[][] {
    const lr = this.__lastRow();
    const lc = this.__lastColumn();
    const nr = numRows === -1 ? lr - row + 1 : numRows;
    const nc = numCols === -1 ? lc - col + 1 : numCols;
    return this.__checkedRange([row, col, nr, nc], 'SpreadsheetApp.Sheet.getSheetValues').getValues();
  }
  getDataRange(): FakeRange {
    return this.__range(1, 1, Math.max(1, this.__lastRow()), Math.max(1, this.__lastColumn())).__proxy;
  }
  getLastRow(): number {
    return this.__lastRow();
  }
  getLastColumn(): number {
    return this.__lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  setFrozenRows(n: number): void {
    if (!isInt(n) || n < 0) throw gasError(MSG.signature([n], 'SpreadsheetApp.Sheet.setFrozenRows'));
    this.frozenRows = n;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(n: number): void {
    if (!isInt(n) || n < 0) throw gasError(MSG.signature([n], 'SpreadsheetApp.Sheet.setFrozenColumns'));
    this.frozenColumns = n;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(col: number, width: number): FakeSheet {
    this.checkColumns(col, 1);
    this.columnWidths[col - 1] = width;
    return this.__proxy;
  }
  setColumnWidths(start: number, num: number, width: number): FakeSheet {
    this.checkColumns(start, num);
    for (let c = start; c < start + num; c++) this.columnWidths[c - 1] = width;
    return this.__proxy;
  }
  getColumnWidth(col: number): number {
    this.checkColumns(col, 1);
    return this.columnWidths[col - 1] ?? DEFAULTS.columnWidth;
  }
  setRowHeight(row: number, height: number): FakeSheet {
    this.checkRows(row, 1);
    this.rowHeights[row - 1] = height;
    return this.__proxy;
  }
  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    this.checkRows(startRow, numRows);
    if (!isInt(height)) throw gasError(MSG.signature([startRow, numRows, height], 'SpreadsheetApp.Sheet.setRowHeights'));
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights[r - 1] = height;
    return this.__proxy;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): FakeSheet {
    return this.setRowHeights(startRow, numRows, height);
  }
  getRowHeight(row: number): number {
    this.checkRows(row, 1);
    return this.rowHeights[row - 1] ?? DEFAULTS.rowHeight;
  }
  /** Fits the rows to their contents; the fake has no text layout, so heights go back to the default. */
  autoResizeRows(startRow: number, numRows: number): FakeSheet {
    this.checkRows(startRow, numRows);
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights[r - 1] = undefined;
    return this.__proxy;
  }
  autoResizeColumns(start: number, num: number): FakeSheet {
    this.checkColumns(start, num);
    return this.__proxy;
  }
  private checkRows(start: number, num: number): void {
    if (!isInt(start) || !isInt(num) || start < 1 || num < 1 || start + num - 1 > this.maxRows) throw gasError(MSG.rowsOutOfBounds);
  }
  private checkColumns(start: number, num: number): void {
    if (!isInt(start) || !isInt(num) || start < 1 || num < 1 || start + num - 1 > this.maxColumns) throw gasError(MSG.columnsOutOfBounds);
  }

  // rows and columns: cells shift; conditional format ranges and protections keep their A1 (simplification)
  insertRowsBefore(before: number, howMany = 1): FakeSheet {
    this.checkRows(before, 1);
    this.rows.splice(before - 1, 0, ...Array.from({ length: howMany }, () => [] as (Cell | undefined)[]));
    this.rowHeights.splice(before - 1, 0, ...Array.from({ length: howMany }, () => undefined));
    this.maxRows += howMany;
    return this.__proxy;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertRowBefore(before: number): FakeSheet {
    return this.insertRowsBefore(before, 1);
  }
  insertRowsAfter(after: number, howMany = 1): FakeSheet {
    this.checkRows(after, 1);
    if (after === this.maxRows) {
      this.maxRows += howMany;
      return this.__proxy;
    }
    return this.insertRowsBefore(after + 1, howMany);
  }
  insertRowAfter(after: number): FakeSheet {
    return this.insertRowsAfter(after, 1);
  }
  deleteRows(start: number, howMany = 1): void {
    this.checkRows(start, howMany);
    if (howMany >= this.maxRows) throw gasError("Can't delete all the rows on the sheet."); // wording ours
    this.rows.splice(start - 1, howMany);
    this.rowHeights.splice(start - 1, howMany);
    this.maxRows -= howMany;
  }
  deleteRow(row: number): FakeSheet {
    this.deleteRows(row, 1);
    return this.__proxy;
  }
  insertColumnsBefore(before: number, howMany = 1): FakeSheet {
    this.checkColumns(before, 1);
    this.unshareAll();
    for (const row of this.rows) if (row && row.length >= before) row.splice(before - 1, 0, ...Array.from({ length: howMany }, () => undefined));
    if (this.columnWidths.length >= before) this.columnWidths.splice(before - 1, 0, ...Array.from({ length: howMany }, () => undefined));
    this.maxColumns += howMany;
    return this.__proxy;
  }
  insertColumnBefore(before: number): FakeSheet {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnsAfter(after: number, howMany = 1): FakeSheet {
    this.checkColumns(after, 1);
    if (after === this.maxColumns) {
      this.maxColumns += howMany;
      return this.__proxy;
    }
    return this.insertColumnsBefore(after + 1, howMany);
  }
  insertColumnAfter(after: number): FakeSheet {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumns(index: number, num = 1): void {
    this.insertColumnsBefore(index, num);
  }
  deleteColumns(start: number, howMany = 1): void {
    this.checkColumns(start, howMany);
    if (howMany >= this.maxColumns) throw gasError("Can't delete all the columns on the sheet."); // wording ours
    this.unshareAll();
    for (const row of this.rows) if (row) row.splice(start - 1, howMany);
    this.columnWidths.splice(start - 1, howMany);
    this.maxColumns -= howMany;
  }
  deleteColumn(col: number): FakeSheet {
    this.deleteColumns(col, 1);
    return this.__proxy;
  }
  /** Writes after the last row with content, from column A; grows the sheet like Sheets does. */
  appendRow(rowContents: unknown[]): FakeSheet {
    if (!Array.isArray(rowContents)) throw gasError(MSG.signature([rowContents], 'SpreadsheetApp.Sheet.appendRow'));
    this.__setValues(this.__lastRow() + 1, 1, [rowContents]);
    return this.__proxy;
  }
  /** Clears contents and formats (notes and validation rules stay). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): FakeSheet {
    this.__range(1, 1, this.maxRows, this.maxColumns).clear(options);
    return this.__proxy;
  }
  clearContents(): FakeSheet {
    this.__range(1, 1, this.maxRows, this.maxColumns).clearContent();
    return this.__proxy;
  }
  clearFormats(): FakeSheet {
    this.__range(1, 1, this.maxRows, this.maxColumns).clearFormat();
    return this.__proxy;
  }
  clearNotes(): FakeSheet {
    this.__range(1, 1, this.maxRows, this.maxColumns).clearNote();
    return this.__proxy;
  }
  clearConditionalFormatRules(): void {
    this.conditionalRules = [];
  }
  /** If the sheet is already protected, Google returns the existing protection. */
  protect(): FakeProtection {
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing.__proxy;
    const p = new FakeProtection(
      'SHEET',
      { range: () => this.__range(1, 1, this.maxRows, this.maxColumns).__proxy, remove: (x) => this.__removeProtection(x) },
      this.parent.__env.userEmail(),
    );
    return this.__addProtection(p);
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    if (typeof type !== 'string' || !(type in ProtectionType)) throw gasError(MSG.signature([type], 'SpreadsheetApp.Sheet.getProtections'));
    return this.protections.filter((p) => p.type === type).map((p) => p.__proxy);
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw gasError(MSG.signature([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
    for (const r of rules) {
      if (!r || typeof (r as FakeConditionalFormatRule).getRanges !== 'function') {
        throw gasError(MSG.signature([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
      }
      if ((r as FakeConditionalFormatRule).getRanges().length === 0) throw gasError('Conditional format rule must have at least one range.'); // wording ours
      const cond = (r as FakeConditionalFormatRule).getBooleanCondition();
      if (cond?.getCriteriaType() === 'CUSTOM_FORMULA') {
        const other = otherSheetNamed(String(cond.getCriteriaValues()[0] ?? ''), this.name);
        if (other !== null) throw gasError(`Invalid formula: a conditional format cannot refer to the sheet "${other}"; use INDIRECT.`); // wording ours
      }
    }
    this.conditionalRules = [...rules];
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.conditionalRules];
  }
  newChart(): FakeEmbeddedChartBuilder {
    const core = this.parent.__env.core;
    return core.instrument(
      new FakeEmbeddedChartBuilder(core, {
        chartType: ChartType.COLUMN,
        ranges: [],
        options: {},
        position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
        id: null,
      }),
      'EmbeddedChartBuilder',
    );
  }
  insertChart(chart: FakeEmbeddedChart): void {
    const core = this.parent.__env.core;
    const placed = core.instrument(new FakeEmbeddedChart(core, { ...chart.state, id: this.nextChartId++ }), 'EmbeddedChart');
    this.charts.push(placed);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    const id = chart.state.id;
    const i = this.charts.findIndex((c) => c.state.id === id);
    if (i === -1) throw gasError('Chart not found'); // wording ours
    const core = this.parent.__env.core;
    this.charts[i] = core.instrument(new FakeEmbeddedChart(core, { ...chart.state }), 'EmbeddedChart');
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.charts = this.charts.filter((c) => c.state.id !== chart.state.id);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this.charts];
  }
}

/** Sheets' parsing of a value written by a script (setValue/setValues/appendRow). */
function writeValue(sheet: FakeSheet, row: number, col: number, v: unknown): void {
  const cell = sheet.__cell(row, col);
  const format = cell.format;
  if (v === null || v === undefined || v === '') {
    sheet.__edit(row, col, { value: '', formula: '' });
    return;
  }
  if (isDate(v)) {
    const t = (v as Date).getTime();
    // Sheets gives a date written into an unformatted cell the locale's date format (vi_VN).
    const patch: Partial<Cell> = { value: new Date(t), formula: '' };
    if (format === undefined) patch.format = 'dd/mm/yyyy';
    sheet.__edit(row, col, patch);
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    sheet.__edit(row, col, { value: v, formula: '' });
    return;
  }
  if (typeof v === 'string') {
    if (format === '@') {
      sheet.__edit(row, col, { value: v, formula: '' });
      return;
    }
    if (v.startsWith('=') && v.length > 1) {
      const env = sheet.__env();
      const value = env.formulaValue ? env.formulaValue(v, sheet.__name(), row, col) : '';
      sheet.__edit(row, col, { value, formula: v });
      return;
    }
    if (v.startsWith("'")) {
      sheet.__edit(row, col, { value: v.slice(1), formula: '' });
      return;
    }
    const t = v.trim();
    if (NUMBER_TEXT.test(t)) {
      sheet.__edit(row, col, { value: Number(t), formula: '' });
      return;
    }
    if (PERCENT_TEXT.test(t)) {
      const patch: Partial<Cell> = { value: Number(t.slice(0, -1)) / 100, formula: '' };
      if (format === undefined) patch.format = '0%';
      sheet.__edit(row, col, patch);
      return;
    }
    if (/^(true|false)$/i.test(t)) {
      sheet.__edit(row, col, { value: t.toLowerCase() === 'true', formula: '' });
      return;
    }
    sheet.__edit(row, col, { value: v, formula: '' });
    return;
  }
  // Arrays and objects: Apps Script writes their string form.
  sheet.__edit(row, col, { value: String(v), formula: '' });
}

// ------------------------------------------------------------------ Range

type Grid<T> = T[][];

export class FakeRange {
  readonly __proxy: FakeRange;
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
  ) {
    this.__proxy = sheet.__env().core.instrument(this, 'Range');
  }

  __self(): FakeRange {
    return this;
  }
  __sheet(): FakeSheet {
    return this.sheet;
  }
  private tz(): string {
    return this.sheet.__parent().getSpreadsheetTimeZone();
  }
  private map<T>(f: (c: Readonly<Cell>, r: number, col: number) => T): Grid<T> {
    const out: Grid<T> = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(f(this.sheet.__cell(this.row + i, this.col + j), this.row + i, this.col + j));
      out.push(row);
    }
    return out;
  }
  private each(f: (r: number, c: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) f(this.row + i, this.col + j);
  }
  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw gasError(MSG.signature([data], `SpreadsheetApp.Range.${method}`));
    if (data.length !== this.numRows) throw gasError(MSG.rowsMismatch(data.length, this.numRows));
    for (const r of data as unknown[][]) {
      if (r.length !== this.numCols) throw gasError(MSG.columnsMismatch(r.length, this.numCols));
    }
  }
  private setEach<T>(data: unknown, method: string, f: (r: number, c: number, v: T) => void): FakeRange {
    this.checkShape(data, method);
    data.forEach((rowVals, i) => rowVals.forEach((v, j) => f(this.row + i, this.col + j, v as T)));
    return this.__proxy;
  }
  private setAll(patch: Partial<Cell>): FakeRange {
    if (isClearing(patch)) {
      // only cells that exist can change
      const last = Math.min(this.getLastRow(), this.sheet.__rowCount());
      for (let r = this.row; r <= last; r++) for (let c = this.col; c <= this.getLastColumn(); c++) this.sheet.__edit(r, c, patch);
      return this.__proxy;
    }
    this.each((r, c) => this.sheet.__edit(r, c, patch));
    return this.__proxy;
  }

  // geometry
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getSheet(): FakeSheet {
    return this.sheet.__proxy;
  }
  getGridId(): number {
    return this.sheet.__gid();
  }
  getA1Notation(): string {
    return rangeA1(this.row, this.col, this.numRows, this.numCols);
  }
  /** Test helper: `Sheet!A1:B2` with the sheet name quoted as needed. */
  __fullA1(): string {
    return `${quoteSheetName(this.sheet.__name())}!${this.getA1Notation()}`;
  }
  getCell(row: number, column: number): FakeRange {
    if (!isInt(row) || !isInt(column) || row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      throw gasError(MSG.outsideSheet);
    }
    return this.sheet.__range(this.row + row - 1, this.col + column - 1, 1, 1).__proxy;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet.__checkedRange(
      [this.row + rowOffset, this.col + columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols],
      'SpreadsheetApp.Range.offset',
    ).__proxy;
  }
  activate(): FakeRange {
    this.sheet.__parent().__setActive(this.sheet, this);
    return this.__proxy;
  }
  isBlank(): boolean {
    return this.map((c) => hasContent(c)).every((r) => r.every((x) => !x));
  }

  // values
  getValues(): CellValue[][] {
    return this.map((c) => copyValue(c.value));
  }
  getValue(): CellValue {
    return copyValue(this.sheet.__cell(this.row, this.col).value);
  }
  setValues(values: unknown[][]): FakeRange {
    return this.setEach<unknown>(values, 'setValues', (r, c, v) => writeValue(this.sheet, r, c, v));
  }
  /** Writes the same value into every cell of the range, as Google does. */
  setValue(value: unknown): FakeRange {
    this.each((r, c) => writeValue(this.sheet, r, c, value));
    return this.__proxy;
  }
  getDisplayValues(): string[][] {
    const tz = this.tz();
    return this.map((c) => displayValue(c.value, c.format ?? DEFAULT_NUMBER_FORMAT, tz));
  }
  getDisplayValue(): string {
    const c = this.sheet.__cell(this.row, this.col);
    return displayValue(c.value, c.format ?? DEFAULT_NUMBER_FORMAT, this.tz());
  }

  // formulas
  getFormulas(): string[][] {
    return this.map((c) => c.formula);
  }
  getFormula(): string {
    return this.sheet.__cell(this.row, this.col).formula;
  }
  setFormula(formula: string): FakeRange {
    const env = this.sheet.__env();
    this.each((r, c) => {
      const f = String(formula);
      if (f === '') return this.sheet.__edit(r, c, { formula: '', value: '' });
      const value = env.formulaValue ? env.formulaValue(f, this.sheet.__name(), r, c) : '';
      this.sheet.__edit(r, c, { formula: f, value });
    });
    return this.__proxy;
  }
  setFormulas(formulas: string[][]): FakeRange {
    const env = this.sheet.__env();
    return this.setEach<string>(formulas, 'setFormulas', (r, c, f) => {
      if (!f) return this.sheet.__edit(r, c, { formula: '', value: '' });
      const value = env.formulaValue ? env.formulaValue(String(f), this.sheet.__name(), r, c) : '';
      this.sheet.__edit(r, c, { formula: String(f), value });
    });
  }

  // number formats
  getNumberFormats(): string[][] {
    return this.map((c) => c.format ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.__cell(this.row, this.col).format ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: string): FakeRange {
    return this.setAll({ format: String(format) });
  }
  setNumberFormats(formats: string[][]): FakeRange {
    return this.setEach<string>(formats, 'setNumberFormats', (r, c, f) => this.sheet.__edit(r, c, { format: String(f) }));
  }

  // notes
  getNotes(): string[][] {
    return this.map((c) => c.note ?? '');
  }
  getNote(): string {
    return this.sheet.__cell(this.row, this.col).note ?? '';
  }
  setNote(note: string | null): FakeRange {
    const n = note === null || note === undefined || note === '' ? undefined : String(note);
    return this.setAll({ note: n });
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    return this.setEach<string | null>(notes, 'setNotes', (r, c, n) =>
      this.sheet.__edit(r, c, { note: n === null || n === undefined || n === '' ? undefined : String(n) }),
    );
  }
  clearNote(): FakeRange {
    return this.setAll({ note: undefined });
  }

  // backgrounds and fonts
  getBackgrounds(): string[][] {
    return this.map((c) => c.background ?? DEFAULTS.background);
  }
  getBackground(): string {
    return this.sheet.__cell(this.row, this.col).background ?? DEFAULTS.background;
  }
  setBackground(color: string | null): FakeRange {
    return this.setAll({ background: color === null || color === undefined ? undefined : String(color).toLowerCase() });
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    return this.setEach<string | null>(colors, 'setBackgrounds', (r, c, v) =>
      this.sheet.__edit(r, c, { background: v === null || v === undefined ? undefined : String(v).toLowerCase() }),
    );
  }
  setFontWeight(weight: string | null): FakeRange {
    return this.setAll({ fontWeight: weight === null ? undefined : String(weight) });
  }
  setFontWeights(weights: (string | null)[][]): FakeRange {
    return this.setEach<string | null>(weights, 'setFontWeights', (r, c, w) => this.sheet.__edit(r, c, { fontWeight: w === null ? undefined : String(w) }));
  }
  getFontWeight(): string {
    return this.sheet.__cell(this.row, this.col).fontWeight ?? DEFAULTS.fontWeight;
  }
  getFontWeights(): string[][] {
    return this.map((c) => c.fontWeight ?? DEFAULTS.fontWeight);
  }
  setFontFamily(family: string | null): FakeRange {
    return this.setAll({ fontFamily: family === null ? undefined : String(family) });
  }
  setFontFamilies(families: (string | null)[][]): FakeRange {
    return this.setEach<string | null>(families, 'setFontFamilies', (r, c, f) => this.sheet.__edit(r, c, { fontFamily: f === null ? undefined : String(f) }));
  }
  getFontFamily(): string {
    return this.sheet.__cell(this.row, this.col).fontFamily ?? DEFAULTS.fontFamily;
  }
  getFontFamilies(): string[][] {
    return this.map((c) => c.fontFamily ?? DEFAULTS.fontFamily);
  }
  setFontColor(color: string | null): FakeRange {
    return this.setAll({ fontColor: color === null ? undefined : String(color).toLowerCase() });
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    return this.setEach<string | null>(colors, 'setFontColors', (r, c, v) => this.sheet.__edit(r, c, { fontColor: v === null ? undefined : String(v).toLowerCase() }));
  }
  getFontColor(): string {
    return this.sheet.__cell(this.row, this.col).fontColor ?? DEFAULTS.fontColor;
  }
  getFontColors(): string[][] {
    return this.map((c) => c.fontColor ?? DEFAULTS.fontColor);
  }
  setFontStyle(style: string | null): FakeRange {
    return this.setAll({ fontStyle: style === null ? undefined : String(style) });
  }
  getFontStyle(): string {
    return this.sheet.__cell(this.row, this.col).fontStyle ?? DEFAULTS.fontStyle;
  }
  setFontSize(size: number): FakeRange {
    return this.setAll({ fontSize: size });
  }
  getFontSize(): number {
    return this.sheet.__cell(this.row, this.col).fontSize ?? DEFAULTS.fontSize;
  }
  setWrap(wrap: boolean): FakeRange {
    return this.setAll({ wrap: Boolean(wrap) });
  }
  setWraps(wraps: boolean[][]): FakeRange {
    return this.setEach<boolean>(wraps, 'setWraps', (r, c, w) => this.sheet.__edit(r, c, { wrap: Boolean(w) }));
  }
  setWrapStrategy(strategy: string): FakeRange {
    return this.setAll({ wrap: strategy === WrapStrategy.WRAP });
  }
  getWrap(): boolean {
    return this.sheet.__cell(this.row, this.col).wrap ?? DEFAULTS.wrap;
  }
  getWraps(): boolean[][] {
    return this.map((c) => c.wrap ?? DEFAULTS.wrap);
  }
  setHorizontalAlignment(alignment: string | null): FakeRange {
    return this.setAll({ hAlign: alignment === null ? undefined : String(alignment) });
  }
  getHorizontalAlignment(): string {
    return this.sheet.__cell(this.row, this.col).hAlign ?? DEFAULTS.hAlign;
  }
  getHorizontalAlignments(): string[][] {
    return this.map((c) => c.hAlign ?? DEFAULTS.hAlign);
  }
  setVerticalAlignment(alignment: string | null): FakeRange {
    return this.setAll({ vAlign: alignment === null ? undefined : String(alignment) });
  }
  getVerticalAlignment(): string {
    return this.sheet.__cell(this.row, this.col).vAlign ?? DEFAULTS.vAlign;
  }

  // data validation (not enforced on script writes, as in Sheets)
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.map((c) => c.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.sheet.__cell(this.row, this.col).validation ?? null;
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    if (rule !== null && (typeof rule !== 'object' || typeof (rule as FakeDataValidation).getCriteriaType !== 'function')) {
      throw gasError(MSG.signature([rule], 'SpreadsheetApp.Range.setDataValidation'));
    }
    return this.setAll({ validation: rule ?? undefined });
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    return this.setEach<FakeDataValidation | null>(rules, 'setDataValidations', (r, c, v) => this.sheet.__edit(r, c, { validation: v ?? undefined }));
  }
  clearDataValidations(): FakeRange {
    return this.setAll({ validation: undefined });
  }

  // merged cells
  private block(): Merge {
    return { r1: this.row, c1: this.col, r2: this.getLastRow(), c2: this.getLastColumn() };
  }
  /** The range as one merged block. */
  merge(): FakeRange {
    this.sheet.__remerge(this.block(), [this.block()]);
    return this.__proxy;
  }
  /** Each row of the range merged on its own. */
  mergeAcross(): FakeRange {
    const b = this.block();
    this.sheet.__remerge(b, Array.from({ length: this.numRows }, (_, i) => ({ r1: b.r1 + i, c1: b.c1, r2: b.r1 + i, c2: b.c2 })));
    return this.__proxy;
  }
  /** Each column of the range merged on its own. */
  mergeVertically(): FakeRange {
    const b = this.block();
    this.sheet.__remerge(b, Array.from({ length: this.numCols }, (_, j) => ({ r1: b.r1, c1: b.c1 + j, r2: b.r2, c2: b.c1 + j })));
    return this.__proxy;
  }
  breakApart(): FakeRange {
    this.sheet.__remerge(this.block(), []);
    return this.__proxy;
  }
  /** Merged blocks inside the range or holding one of its cells. */
  getMergedRanges(): FakeRange[] {
    return this.sheet.__mergesIn(this.block()).map((m) => this.sheet.__range(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).__proxy);
  }
  isPartOfMerge(): boolean {
    return this.sheet.__mergesIn(this.block()).length > 0;
  }

  // clearing
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): FakeRange {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.commentsOnly) this.clearNote();
    if (o.validationsOnly) this.clearDataValidations();
    return this.__proxy;
  }
  clearContent(): FakeRange {
    return this.setAll({ value: '', formula: '' });
  }
  clearFormat(): FakeRange {
    return this.setAll({
      format: undefined,
      background: undefined,
      fontWeight: undefined,
      fontFamily: undefined,
      fontColor: undefined,
      fontStyle: undefined,
      fontSize: undefined,
      wrap: undefined,
      hAlign: undefined,
      vAlign: undefined,
    });
  }

  protect(): FakeProtection {
    const sheet = this.sheet;
    const p = new FakeProtection('RANGE', { range: () => this.__proxy, remove: (x) => sheet.__removeProtection(x) }, sheet.__env().userEmail());
    return sheet.__addProtection(p);
  }
}

// ------------------------------------------------------------------ SpreadsheetApp

/**
 * RangeList (developers.google.com/apps-script/reference/spreadsheet/range-list): "A collection of
 * one or more Range instances in the same sheet", to apply one operation to non-adjacent ranges.
 * Each method is one call and acts on every range as the Range method of the same name does; the
 * setters return the RangeList for chaining. Only the methods the add-on may use are here.
 */
export class FakeRangeList {
  readonly __proxy: FakeRangeList;
  constructor(
    core: RuntimeCore,
    private readonly ranges: FakeRange[],
  ) {
    this.__proxy = core.instrument(this, 'RangeList');
  }
  private all(f: (r: FakeRange) => unknown): FakeRangeList {
    for (const r of this.ranges) f(r);
    return this.__proxy;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => r.__proxy);
  }
  setNumberFormat(format: string): FakeRangeList {
    return this.all((r) => r.setNumberFormat(format));
  }
  setBackground(color: string | null): FakeRangeList {
    return this.all((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): FakeRangeList {
    return this.all((r) => r.setFontWeight(weight));
  }
  setFontFamily(family: string | null): FakeRangeList {
    return this.all((r) => r.setFontFamily(family));
  }
  setFontColor(color: string | null): FakeRangeList {
    return this.all((r) => r.setFontColor(color));
  }
  setFontStyle(style: string | null): FakeRangeList {
    return this.all((r) => r.setFontStyle(style));
  }
  setFontSize(size: number): FakeRangeList {
    return this.all((r) => r.setFontSize(size));
  }
  setWrap(wrap: boolean): FakeRangeList {
    return this.all((r) => r.setWrap(wrap));
  }
  setHorizontalAlignment(alignment: string | null): FakeRangeList {
    return this.all((r) => r.setHorizontalAlignment(alignment));
  }
  setVerticalAlignment(alignment: string | null): FakeRangeList {
    return this.all((r) => r.setVerticalAlignment(alignment));
  }
  setNote(note: string | null): FakeRangeList {
    return this.all((r) => r.setNote(note));
  }
  setValue(value: unknown): FakeRangeList {
    return this.all((r) => r.setValue(value as CellValue));
  }
  breakApart(): FakeRangeList {
    return this.all((r) => r.breakApart());
  }
  clear(options?: Parameters<FakeRange['clear']>[0]): FakeRangeList {
    return this.all((r) => r.clear(options));
  }
  clearContent(): FakeRangeList {
    return this.all((r) => r.clearContent());
  }
  clearFormat(): FakeRangeList {
    return this.all((r) => r.clearFormat());
  }
  clearNote(): FakeRangeList {
    return this.all((r) => r.clearNote());
  }
  clearDataValidations(): FakeRangeList {
    return this.all((r) => r.clearDataValidations());
  }
}

export class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;
  /** Not in SpreadsheetApp (it is Charts.ChartType) but harmless and handy. */
  readonly ChartType = ChartType;
  private readonly uiObject: FakeUi;
  flushes = 0;

  constructor(private readonly registry: SpreadsheetRegistry) {
    this.uiObject = registry.env.core.instrument(new FakeUi(registry.env.core, registry.env.ui), 'Ui');
  }

  getActiveSpreadsheet(): FakeSpreadsheet | null {
    return this.registry.active;
  }
  getActive(): FakeSpreadsheet | null {
    return this.registry.active;
  }
  setActiveSpreadsheet(ss: FakeSpreadsheet): void {
    this.registry.active = ss;
  }
  getActiveSheet(): FakeSheet | null {
    return this.registry.active?.getActiveSheet() ?? null;
  }
  getActiveRange(): FakeRange | null {
    return this.registry.active?.getActiveRange() ?? null;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    const active = this.registry.active;
    if (!active) throw gasError('No active spreadsheet.'); // wording ours
    return active.setActiveSheet(sheet);
  }
  setActiveRange(range: FakeRange): FakeRange {
    return range.activate();
  }
  openById(id: string): FakeSpreadsheet {
    return this.registry.open(id);
  }
  openByUrl(url: string): FakeSpreadsheet {
    const m = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
    if (!m?.[1]) throw gasError(MSG.openUnknown.replace('openById', 'openByUrl'));
    return this.registry.open(m[1]);
  }
  create(name: string, rows = DEFAULTS.maxRows, columns = DEFAULTS.maxColumns): FakeSpreadsheet {
    const ss = this.registry.create({ name: String(name) });
    ss.__sheets()[0]?.__resize(rows, columns);
    return ss;
  }
  /** Forces pending writes; the fake writes immediately, so this only counts. */
  flush(): void {
    this.flushes += 1;
  }
  getUi(): FakeUi {
    return this.uiObject;
  }
  newDataValidation(): FakeDataValidationBuilder {
    const core = this.registry.env.core;
    return core.instrument(new FakeDataValidationBuilder(core), 'DataValidationBuilder');
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    const core = this.registry.env.core;
    return core.instrument(new FakeConditionalFormatRuleBuilder(core), 'ConditionalFormatRuleBuilder');
  }
}


/** Build a SpreadsheetApp around a registry. */
export function createSpreadsheetApp(registry: SpreadsheetRegistry): FakeSpreadsheetApp {
  return registry.env.core.instrument(new FakeSpreadsheetApp(registry), 'SpreadsheetApp');
}

export { Button, ButtonSet, cellA1, columnToLetters };
