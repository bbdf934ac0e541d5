// The template installer (the workbook contract): creates the sheets of the workbook contract, their header
// rows, validation, formats, notes and protection, the `Thông tin` rows and the `Hướng dẫn` guide.
//
// Idempotent: on a filled workbook it changes no user entry. It adds missing sheets, and missing
// columns after the last used header column (the user's own columns stay where they are); it
// re-applies validation and formats; it records the template version. A workbook with a newer
// template version is refused before anything is written. A header row found below the user's
// title rows (within the first 10 rows) is used where it is.

import type { IsoDate, Lang, TaskStatus } from './model.ts';
import { DUE_SOON_DAYS } from './progress/tasks.ts';
import type {
  ColumnLayout,
  ConditionalFormat,
  RawCell,
  SheetGrid,
  SheetLayout,
  WorkbookPort,
  WriteCell,
} from './ports.ts';
import { isDateCell } from './ports.ts';
import {
  DISTRICT_SHEETS,
  KPI_STATUS,
  SCHOOL_SHEETS,
  TASK_STATE,
  TASK_STATUS,
  TEMPLATE_VERSION,
  AWARD_ELIGIBILITY,
  columnLetter,
  dashboardAsOfReference,
  enumLabel,
  enumOption,
  headerNote,
  installerValidation,
  isUnitCode,
  settingDefaultIn,
  headTitleOf,
  settingsFor,
  type SettingSpec,
  type SheetSpec,
} from './contract/index.ts';
import { findHeader } from './read/table.ts';
import { wrappedHeightPx } from './row-height.ts';
import { settingForItem } from './read/settings.ts';
import { quoteValue } from './text.ts';
import { guideRows } from './guide.ts';
import { t, tr, type Text2 } from './i18n.ts';

export interface InstallOptions {
  lang: Lang;
  /** `Tên đơn vị`, written only where that cell is empty. */
  name?: string;
  /** `Mã đơn vị`, written only where that cell is empty. */
  code?: string;
  /** `Năm`, written only where that cell is empty; default the year of `today`. */
  year?: number;
  today: IsoDate;
  /** School workbook (default) or the district's. */
  kind?: 'school' | 'district';
}

export interface InstallResult {
  /** Sheets that did not exist before, in workbook order. */
  created: string[];
  /** Columns added to sheets that already existed. */
  addedColumns: { sheet: string; header: string }[];
  /** Settings asked for but already filled: kept as the user typed them. */
  kept: KeptSetting[];
  version: number;
}

/** A `Thông tin` value the user asked to set (`--name/--code/--year`) but that was already filled. */
export interface KeptSetting {
  item: string;
  current: string;
  asked: string;
}

/** What the caller asked for a setting, or null when it asked nothing. */
const asked = (key: string, opts: InstallOptions): string | number | null =>
  key === 'unitName' ? (opts.name?.trim() || null) : key === 'unitCode' ? (opts.code?.trim() || null) : key === 'year' ? (opts.year ?? null) : null;

/** The installer refused the workbook; `message` is in the requested language. */
export class InstallError extends Error {
  readonly code: 'TEMPLATE_NEWER' | 'HEADER_NOT_FOUND' | 'NO_ROOM_FOR_COLUMNS' | 'BAD_UNIT_CODE';
  constructor(code: InstallError['code'], message: string) {
    super(message);
    this.name = 'InstallError';
    this.code = code;
  }
}

/** Rows that validation and formats cover below the header (more when the data is longer). */
export const TEMPLATE_DATA_ROWS = 1000;

const COLORS = {
  red: '#f4cccc',
  redText: '#990000',
  amber: '#fff2cc',
  amberText: '#7f6000',
  green: '#d9ead3',
  greenText: '#274e13',
  section: '#cfe2f3',
  subsection: '#eeeeee',
} as const;



/** Columns a sheet may have: Excel's limit (XFD), lower than Google Sheets' (18,278). */
const MAX_COLUMNS = 16_384;

// ---------------------------------------------------------------- header rows

/** Where a sheet's header row is and which contract columns it holds. */
export interface FoundHeader {
  /** 1-based header row. */
  row: number;
  /** Contract column key → 1-based column. */
  columns: Record<string, number>;
  /** Last 1-based column with a non-empty header cell. */
  lastCol: number;
}

const cellText = (v: RawCell | undefined): string => {
  if (v === null || v === undefined) return '';
  if (isDateCell(v)) return v.date;
  return String(v);
};

/**
 * The header row of a sheet, found exactly as the reader finds it (read/table.ts findHeader), so
 * the installer never adds a column the reader would have recognised. Null when none.
 */
export function findHeaderRow(grid: SheetGrid, spec: SheetSpec): FoundHeader | null {
  const found = findHeader(grid, spec);
  if (!found) return null;
  let lastCol = 0;
  (grid.values[found.headerRow - 1] ?? []).forEach((v, c) => {
    if (cellText(v).trim() !== '') lastCol = c + 1;
  });
  return { row: found.headerRow, columns: found.columns, lastCol };
}

function lastContentRow(grid: SheetGrid): number {
  for (let r = grid.values.length; r > 0; r--) {
    if ((grid.values[r - 1] ?? []).some((v) => cellText(v).trim() !== '')) return r;
  }
  return 0;
}

// ---------------------------------------------------------------- layouts

/**
 * The as-of date in a conditional format formula: `Tổng hợp`!B2 when it holds a date (the date
 * the figures were computed for), else today (a fresh install before any progress update).
 * Through INDIRECT: Sheets refuses a direct reference to another sheet in a conditional format
 * (contract/sheets.ts dashboardAsOfReference).
 */
export function asOfFormula(): string {
  const ref = `INDIRECT("${dashboardAsOfReference().replace(/"/g, '""')}")`;
  return `IF(ISNUMBER(${ref}),${ref},TODAY())`;
}

const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
const TONE_ON_FIRST = new RegExp(`([oOuU])(${TONE})([aAeEyY])(?![\\p{L}\\p{M}])`, 'gu');
const TONE_ON_SECOND = new RegExp(`([oOuU])([aAeEyY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');

/** The word with the other tone-mark placement at a word end (`Hủy` ↔ `Huỷ`), or itself. */
function otherTonePlacement(word: string): string {
  const nfd = word.normalize('NFD');
  const moved = nfd.replace(TONE_ON_FIRST, '$1$3$2');
  return (moved !== nfd ? moved : nfd.replace(TONE_ON_SECOND, '$1$3$2')).normalize('NFC');
}

/**
 * `cell` holds the status `value` as a user may type it: its word, its other spellings and its
 * English label, either tone placement (a comparison of text ignores case in Sheets, Excel and
 * Calc). Other spellings the reader also takes (no accents at all) are not recognised here.
 */
function statusIs(cell: string, value: TaskStatus): string {
  const o = enumOption(TASK_STATUS, value);
  const words = new Set<string>();
  for (const w of [o.vi, ...(o.aliases ?? []), o.en]) {
    words.add(w);
    words.add(otherTonePlacement(w));
  }
  const tests = [...words].map((w) => `TRIM(${cell})="${w.replace(/"/g, '""')}"`);
  return tests.length === 1 ? tests[0]! : `OR(${tests.join(',')})`;
}

/**
 * The add-on's conditional formats for a sheet, given where its columns are. On `Kế hoạch` they
 * follow the rules of ⚙ Tình trạng (the workbook contract) for the as-of date of `Tổng hợp` (asOfFormula):
 * done by then (Hoàn thành with a done date on or before it) paints the status green; else, not
 * cancelled, a deadline before it paints the deadline red, and one from it to 7 days after amber.
 * A task done after the as-of date was still open on that date, so it is red or amber by its
 * deadline, as ⚙ Tình trạng counts it.
 */
export function templateConditionalFormats(spec: SheetSpec, cols: Record<string, number>, firstDataRow: number): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  const text = (key: string, value: string, background: string, fontColor: string): void => {
    const c = cols[key];
    if (c !== undefined) out.push({ kind: 'textEquals', columns: [c], text: value, background, fontColor });
  };
  if (spec.key === 'tasks') {
    const due = cols.due;
    const status = cols.status;
    const doneDate = cols.doneDate;
    if (status !== undefined) {
      const at = (col: number): string => `$${columnLetter(col)}${firstDataRow}`;
      const asOf = asOfFormula();
      const s = at(status);
      const doneBy =
        doneDate === undefined
          ? statusIs(s, 'done')
          : `AND(${statusIs(s, 'done')},ISNUMBER(${at(doneDate)}),${at(doneDate)}<=${asOf})`;
      const open = `NOT(${statusIs(s, 'cancelled')}),NOT(${doneBy})`;
      if (due !== undefined) {
        const d = at(due);
        out.push({ kind: 'formula', columns: [due], formula: `=AND(ISNUMBER(${d}),${d}<${asOf},${open})`, background: COLORS.red, fontColor: COLORS.redText });
        out.push({
          kind: 'formula',
          columns: [due],
          formula: `=AND(ISNUMBER(${d}),${d}>=${asOf},${d}<=${asOf}+${DUE_SOON_DAYS},${open})`,
          background: COLORS.amber,
          fontColor: COLORS.amberText,
        });
      }
      out.push({ kind: 'formula', columns: [status], formula: `=${doneBy}`, background: COLORS.green, fontColor: COLORS.greenText });
    }
    text('state', enumLabel(TASK_STATE, 'overdue', 'vi'), COLORS.red, COLORS.redText);
    text('state', enumLabel(TASK_STATE, 'doneLate', 'vi'), COLORS.amber, COLORS.amberText);
    text('state', enumLabel(TASK_STATE, 'dueSoon', 'vi'), COLORS.amber, COLORS.amberText);
    text('state', enumLabel(TASK_STATE, 'behind', 'vi'), COLORS.amber, COLORS.amberText);
    text('state', enumLabel(TASK_STATE, 'doneOnTime', 'vi'), COLORS.green, COLORS.greenText);
  }
  if (spec.key === 'kpis') {
    text('evaluation', enumLabel(KPI_STATUS, 'notMet', 'vi'), COLORS.red, COLORS.redText);
    text('evaluation', enumLabel(KPI_STATUS, 'near', 'vi'), COLORS.amber, COLORS.amberText);
    text('evaluation', enumLabel(KPI_STATUS, 'met', 'vi'), COLORS.green, COLORS.greenText);
  }
  if (spec.key === 'initiatives') {
    text('award', enumLabel(AWARD_ELIGIBILITY, 'eligible', 'vi'), COLORS.green, COLORS.greenText);
  }
  return out;
}

function sheetLayout(
  spec: SheetSpec,
  header: FoundHeader,
  newColumns: Set<string>,
  dataRows: number,
  lang: Lang,
): SheetLayout {
  const columns: ColumnLayout[] = [];
  for (const c of spec.columns) {
    const col = header.columns[c.key];
    if (col === undefined) continue;
    const layout: ColumnLayout = { col, note: headerNote(c, lang) };
    // Widths only for columns we create: a user who widened a column keeps it.
    if (newColumns.has(c.key)) layout.width = c.width;
    if (c.numberFormat !== undefined) layout.numberFormat = c.numberFormat;
    const validation = installerValidation(c);
    if (validation) layout.validation = validation;
    if (c.computed) layout.computed = true;
    if (c.wrap) layout.wrap = true;
    columns.push(layout);
  }
  const layout: SheetLayout = {
    frozenRows: header.row,
    headerRow: true,
    columns,
    conditionalFormats: templateConditionalFormats(spec, header.columns, header.row + 1),
    protectSheet: spec.protectSheet,
    dataRows,
  };
  if (header.row !== 1) layout.headerRowNumber = header.row;
  if (spec.hidden) layout.hidden = true;
  return layout;
}

// ---------------------------------------------------------------- Thông tin

function settingValue(spec: SettingSpec, opts: InstallOptions, year: number): WriteCell {
  switch (spec.key) {
    case 'templateVersion':
      return TEMPLATE_VERSION;
    case 'unitName':
      return opts.name?.trim() || null;
    case 'unitCode':
      return opts.code?.trim() || null;
    case 'year':
      return year;
    case 'signerTitle':
      // The district's signer is its head, whose title goes by the body (never a principal).
      if ((opts.kind ?? 'school') === 'district') return opts.name?.trim() ? headTitleOf(opts.name) : null;
  }
  const d = settingDefaultIn(spec, opts.kind ?? 'school', year);
  if (d === undefined) return null;
  if (spec.type === 'date') {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d);
    return m ? { date: `${m[3]}-${m[2]}-${m[1]}` } : d;
  }
  if (spec.type === 'percentPoints' || spec.type === 'number' || spec.type === 'integer') {
    const n = Number(d);
    return Number.isFinite(n) ? n : d;
  }
  return d;
}


/** The template version recorded in `Thông tin`, or null when none is. */
export function recordedTemplateVersion(grid: SheetGrid | null, spec: SheetSpec): number | null {
  if (!grid) return null;
  const header = findHeaderRow(grid, spec);
  const itemCol = header?.columns.item ?? 1;
  const valueCol = header?.columns.value ?? 2;
  for (let r = header?.row ?? 0; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    const setting = settingForItem(cellText(line[itemCol - 1]));
    if (setting?.key !== 'templateVersion') continue;
    const raw = line[valueCol - 1];
    const n = typeof raw === 'number' ? raw : Number(cellText(raw).trim().replace(',', '.'));
    return cellText(raw).trim() !== '' && Number.isFinite(n) ? n : null;
  }
  return null;
}

function installSettingsRows(port: WorkbookPort, spec: SheetSpec, header: FoundHeader, opts: InstallOptions, kept: KeptSetting[]): void {
  const grid = port.readSheet(spec.name);
  if (!grid) return;
  const itemCol = header.columns.item ?? 1;
  const valueCol = header.columns.value ?? 2;
  const year = opts.year ?? Number(opts.today.slice(0, 4));
  const rowsOf = settingsFor(opts.kind ?? 'school');
  const present = new Map<string, { row: number; value: RawCell }>();
  for (let r = header.row; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    const setting = settingForItem(cellText(line[itemCol - 1]));
    if (setting && !present.has(setting.key)) present.set(setting.key, { row: r + 1, value: line[valueCol - 1] ?? null });
  }
  // Existing rows: record the version; fill name/code/year only where the cell is empty.
  for (const s of rowsOf) {
    const at = present.get(s.key);
    if (!at) continue;
    const empty = cellText(at.value).trim() === '';
    const wanted = settingValue(s, opts, year);
    if (s.key === 'templateVersion') {
      if (at.value !== TEMPLATE_VERSION) port.writeBlock(spec.name, at.row, valueCol, [[TEMPLATE_VERSION]]);
    } else if (empty && wanted !== null && (s.key === 'unitName' || s.key === 'unitCode' || s.key === 'year')) {
      port.writeBlock(spec.name, at.row, valueCol, [[wanted]]);
    } else if (!empty && asked(s.key, opts) !== null && cellText(at.value) !== String(asked(s.key, opts))) {
      // A value typed by the user is never overwritten: say so, so the user can change it there.
      kept.push({ item: s.label, current: cellText(at.value), asked: String(asked(s.key, opts)) });
    }
  }
  // Missing rows: appended in one block, in contract order, below the last row with content.
  const missing = rowsOf.filter((s) => !present.has(s.key));
  if (missing.length === 0) return;
  const width = Math.max(itemCol, valueCol);
  const rows: WriteCell[][] = missing.map((s) => {
    const line: WriteCell[] = Array.from({ length: width }, () => null);
    line[itemCol - 1] = s.label;
    line[valueCol - 1] = settingValue(s, opts, year);
    return line;
  });
  const start = Math.max(lastContentRow(grid), header.row) + 1;
  port.writeBlock(spec.name, start, 1, rows);
}

// ---------------------------------------------------------------- Hướng dẫn (rows: guide.ts)

/** Column widths of `Hướng dẫn` in pixels: item or column name, required, how to fill, values. */
const GUIDE_WIDTHS = [230, 80, 520, 360] as const;

function writeGuide(port: WorkbookPort, name: string, sheets: readonly SheetSpec[], lang: Lang): void {
  const { rows, titleRows, sectionRows, headRows } = guideRows(sheets, lang);
  const width = Math.max(...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => null)]);
  port.clearSheet(name);
  port.writeBlock(name, 1, 1, block);
  port.applyLayout(name, {
    frozenRows: 0,
    headerRow: false,
    columns: [
      { col: 1, width: GUIDE_WIDTHS[0], wrap: true },
      { col: 2, width: GUIDE_WIDTHS[1] },
      { col: 3, width: GUIDE_WIDTHS[2], wrap: true },
      { col: 4, width: GUIDE_WIDTHS[3], wrap: true },
    ],
    conditionalFormats: [],
    dataRows: rows.length,
  });
  // A line of text alone in column A (the title, the rules, the section titles) reads across the
  // whole guide: merged over the four columns, wrapped, and given the height its text needs
  // (no spreadsheet fits a merged row by itself).
  const bold = new Set([...titleRows, ...sectionRows, ...headRows]);
  const across = GUIDE_WIDTHS.reduce((a, b) => a + b, 0);
  const paragraphs: { row: number; text: string }[] = [];
  rows.forEach((line, i) => {
    const first = line[0];
    if (typeof first === 'string' && first.trim() !== '' && line.slice(1).every((v) => v === null || v === '')) {
      paragraphs.push({ row: i + 1, text: first });
    }
  });
  port.styleBlock(name, {
    boldRows: [...bold],
    rowBackgrounds: [
      ...sectionRows.map((row) => ({ row, color: COLORS.section })),
      ...headRows.map((row) => ({ row, color: COLORS.subsection })),
    ],
    merges: paragraphs.map(({ row }) => ({ row, col: 1, cols: GUIDE_WIDTHS.length })),
    rowHeights: paragraphs.map(({ row, text }) => ({ row, height: wrappedHeightPx(text, across, bold.has(row)) })),
  });
}

// ---------------------------------------------------------------- the installer

/**
 * Install or upgrade the template on a workbook. Throws InstallError (TEMPLATE_NEWER) before any
 * write when the workbook records a newer template version, and (HEADER_NOT_FOUND) when a template
 * sheet holds data without a recognisable header row.
 */
export function installTemplate(port: WorkbookPort, opts: InstallOptions): InstallResult {
  const sheets = opts.kind === 'district' ? DISTRICT_SHEETS : SCHOOL_SHEETS;
  const settingsSpec = sheets.find((s) => s.role === 'settings');

  // Refuse first, change nothing: a unit code no document number can carry, a newer template,
  // or a sheet whose data has no header row.
  const code = opts.code?.trim();
  if (code && !isUnitCode(code)) throw new InstallError('BAD_UNIT_CODE', t(opts.lang, 'UNIT_CODE_INVALID', { value: quoteValue(code) }));
  const grids = new Map<string, SheetGrid | null>();
  for (const s of sheets) grids.set(s.name, port.readSheet(s.name));
  if (settingsSpec) {
    const recorded = recordedTemplateVersion(grids.get(settingsSpec.name) ?? null, settingsSpec);
    if (recorded !== null && recorded > TEMPLATE_VERSION) {
      throw new InstallError('TEMPLATE_NEWER', t(opts.lang, 'TEMPLATE_NEWER', { version: recorded, supported: TEMPLATE_VERSION }));
    }
  }
  for (const s of sheets) {
    const grid = grids.get(s.name);
    if (!grid || s.columns.length === 0) continue;
    const found = findHeaderRow(grid, s);
    if (s.role !== 'output' && !found && lastContentRow(grid) > 0 && (grid.values[0] ?? []).some((v) => cellText(v).trim() !== '')) {
      throw new InstallError(
        'HEADER_NOT_FOUND',
        t(opts.lang, 'app.headerNotFound', { sheet: s.name, headers: s.columns.slice(0, 3).map((c) => `“${c.header}”`).join(', ') }),
      );
    }
    // Missing columns go after the last used header cell; a stray cell at the sheet's far end
    // leaves no room, and a write past it would fail half way.
    const missing = found ? s.columns.filter((c) => found.columns[c.key] === undefined) : [];
    if (found && missing.length > 0 && found.lastCol + missing.length > MAX_COLUMNS) {
      throw new InstallError(
        'NO_ROOM_FOR_COLUMNS',
        t(opts.lang, 'app.noRoom', { sheet: s.name, column: missing[0]?.header ?? '', last: columnLetter(found.lastCol), row: found.row }),
      );
    }
  }

  const created: string[] = [];
  const kept: KeptSetting[] = [];
  const addedColumns: { sheet: string; header: string }[] = [];
  for (const s of sheets) {
    const index = insertionIndex(port.sheetNames(), sheets, s);
    if (port.ensureSheet(s.name, index)) created.push(s.name);
  }

  for (const s of sheets) {
    if (s.role === 'guide') {
      writeGuide(port, s.name, sheets, opts.lang);
      continue;
    }
    const isNew = created.includes(s.name);
    if (s.columns.length === 0) {
      // Tổng hợp: written whole later by the add-on; protected now.
      port.applyLayout(s.name, { frozenRows: 0, headerRow: false, columns: [], conditionalFormats: [], protectSheet: s.protectSheet, dataRows: 0 });
      continue;
    }
    // Output sheets with columns (district summaries) are rewritten whole by the add-on: only
    // their header is ensured here, the same way as input sheets.
    const grid = isNew ? null : grids.get(s.name) ?? null;
    const found = grid ? findHeaderRow(grid, s) : null;
    const header: FoundHeader = found ?? { row: 1, columns: {}, lastCol: 0 };
    // An empty first row with data below and no header: put the header in that empty row.
    const missing = s.columns.filter((c) => header.columns[c.key] === undefined);
    const newColumns = new Set<string>(missing.map((c) => c.key));
    if (missing.length > 0) {
      const start = header.lastCol + 1;
      port.writeBlock(s.name, header.row, start, [missing.map((c) => c.header)]);
      missing.forEach((c, i) => {
        header.columns[c.key] = start + i;
      });
      header.lastCol = start + missing.length - 1;
      if (!isNew) for (const c of missing) addedColumns.push({ sheet: s.name, header: c.header });
    }
    const dataRows = Math.max(TEMPLATE_DATA_ROWS, (grid ? lastContentRow(grid) : 0) - header.row + 200);
    port.applyLayout(s.name, sheetLayout(s, header, newColumns, dataRows, opts.lang));
    if (s.role === 'settings') installSettingsRows(port, s, header, opts, kept);
  }

  return { created, addedColumns, kept, version: TEMPLATE_VERSION };
}

/**
 * Where a missing template sheet goes: after the last-placed template sheet that comes before it
 * in the contract (the user's order of existing sheets is kept), else first.
 */
function insertionIndex(names: string[], sheets: readonly SheetSpec[], s: SheetSpec): number {
  const folded = names.map((n) => n.normalize('NFC'));
  let index = 0;
  for (const prev of sheets.slice(0, sheets.indexOf(s))) {
    const pos = folded.indexOf(prev.name);
    if (pos >= 0) index = Math.max(index, pos + 1);
  }
  return index;
}
