// `Năm mới` (issue 14): the new year's workbook made from the old year's, through the Workbook
// port only, so the same code runs on an .xlsx file and in Google Sheets.
//
// The new workbook is always a COPY of the old one rolled forward in place:
// - locally, `cchc rollover` opens the old file and saves the rolled workbook as another file
//   (files/workbook-file.ts saveAs), so the old file is never written by the roll;
// - in Google Sheets the add-on's scope (`spreadsheets.currentonly`) cannot create a file, so the
//   user makes the copy (File › Make a copy) and rolls the copy (see "Which file is the copy").
//
// What the new year keeps (the workbook contract's sheets):
// - `Thông tin`: every row, `Năm` + 1; the campaign deadlines typed as dates of the old year move
//   to the same day of the new year (29/02 → 28/02); the document-number counters of years before
//   the new one are dropped, so numbering restarts at 1 (report/numbering.ts: a missing counter
//   reads as 1). A counter of the new year itself is kept: the old workbook may already have
//   issued numbers in January of the new year (the annual report), and a number is never issued twice.
// - `Nhân sự`: as it is.
// - `Chỉ tiêu`: every target, its quarterly figures (Đạt, Tổng) and evidence emptied.
// - `Kế hoạch`: the tasks neither done nor cancelled (as the reader reads the status), with their
//   area, owner, dates, status and % as they were and `Ghi chú` saying "Chuyển từ năm 2024"; a
//   deadline in the old year is a DUE_IN_PAST_YEAR warning for the user to review (read/tasks.ts).
// - `Sáng kiến`: the initiatives still registered or in progress, with the same note.
// - `Hoạt động`: empty. `Tổng hợp`: empty until the first progress update. `Nhật ký`: the old
//   year's rows removed, one row saying where the workbook came from.
// - ⚙ columns emptied; the add-on's problem marks removed; rows kept in their order, compacted.
// Then the installer runs on it (a valid template, idempotent). A user's own sheets and columns stay.
//
// Which file is the copy (Google Sheets): "Năm mới" pressed in the original writes one `Nhật ký`
// row there (the only change to the old year's record) ending with a marker
// `[cchc-rollover <original's spreadsheet ID> <new year>]`. File › Make a copy copies the cells, so
// the copy holds the same marker under a different spreadsheet ID. Rolling is refused where the
// current ID is the marker's (the original), where there is no marker (a copy made without
// getting ready, or a workbook already rolled: rolling clears the old log, marker included), and
// where the marker's year is not `Năm` + 1.

import { SCHOOL_SHEETS, SHEET_NAMES, sheetSpec, type SheetKey } from '../contract/index.ts';
import { installTemplate } from '../install.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Issue, Lang, SchoolData } from '../model.ts';
import { isDateCell, isUncomputed, type RawCell, type SheetGrid, type WorkbookPort, type WriteCell } from '../ports.ts';
import { cellText } from '../parse/cell.ts';
import { isLeapYear, parseDate } from '../parse/date.ts';
import { readSchool } from '../read/school.ts';
import { settingForItem } from '../read/settings.ts';
import { findHeader } from '../read/table.ts';
import { numberKey } from '../report/numbering.ts';
import { foldKey } from '../text.ts';
import { isUnusable, validateSchool } from '../validate.ts';
import { appendLog } from '../app/log.ts';

export type RolloverErrorCode = 'NOT_INSTALLED' | 'WRONG_TEMPLATE' | 'NO_YEAR' | 'WRONG_YEAR' | 'IS_ORIGINAL' | 'NO_MARKER' | 'MARKER_YEAR';

/** The roll is refused; nothing was written. `message` is in the user's language. */
export class RolloverError extends Error {
  constructor(
    readonly code: RolloverErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RolloverError';
  }
}

export interface RolloverOptions {
  lang: Lang;
  /** The new year; must be the old `Năm` + 1 (default). */
  toYear?: number;
  /** Clock.today() and Clock.now(), and who runs it, for the log row and the check of the result. */
  today: IsoDate;
  now: string;
  user: string;
  /** Where the new workbook came from, for its log row (the old file's name or spreadsheet ID). */
  source: string;
}

export interface CarriedTask {
  /** Row in the new `Kế hoạch`. */
  row: number;
  /** Row it had in the old one. */
  fromRow: number;
  title: string;
  owner: string;
  due: IsoDate | null;
  /** The deadline lies in the old year (or before): the user reviews it. */
  pastYear: boolean;
}

export interface RolloverSummary {
  fromYear: number;
  toYear: number;
  people: number;
  kpis: number;
  tasks: { carried: CarriedTask[]; done: number; cancelled: number };
  initiatives: { carried: number; left: number };
  /** Activities of the old year, not carried. */
  activities: number;
  /** `Thông tin` items whose date moved to the new year (their labels). */
  shiftedSettings: string[];
  /** Document-number counters dropped (`Số văn bản tiếp theo BC/2024`…). */
  numberingDropped: string[];
  /** The new workbook's check: DUE_IN_PAST_YEAR warnings and whatever else it finds. */
  issues: Issue[];
  counts: { error: number; warning: number; notice: number };
}

// ---------------------------------------------------------------- the year

/** The old workbook's plan year and the new one; throws RolloverError before anything is written. */
export function rolloverYears(data: SchoolData, lang: Lang, asked?: number): { fromYear: number; toYear: number } {
  const unusable = data.issues.find((i) => isUnusable({ issues: [i] }));
  if (unusable) throw new RolloverError(unusable.code === 'TEMPLATE_NEWER' ? 'WRONG_TEMPLATE' : 'NOT_INSTALLED', unusable.message);
  const fromYear = data.settings.year;
  if (fromYear === null) throw new RolloverError('NO_YEAR', t(lang, 'rollover.noYear'));
  const next = fromYear + 1;
  if (asked !== undefined && asked !== next) {
    throw new RolloverError('WRONG_YEAR', t(lang, 'rollover.wrongYear', { fromYear, next, asked }));
  }
  return { fromYear, toYear: next };
}

// ---------------------------------------------------------------- cells

const toWrite = (v: RawCell | undefined): WriteCell => {
  if (v === undefined || v === '') return null;
  // A formula with no computed value (an .xlsx saved by a program that does not calculate) is
  // kept as its text, as the sample does: the port writes text, never formulas.
  if (isUncomputed(v)) return `=${v.formula}`;
  return v;
};

/** The same day in `year` (29 February becomes the 28th in a year without it). */
function sameDayIn(iso: IsoDate, year: number): IsoDate {
  const md = iso.slice(5);
  return `${String(year).padStart(4, '0')}-${md === '02-29' && !isLeapYear(year) ? '02-28' : md}`;
}

/** `Số văn bản tiếp theo BC/2024` → 2024, for any ký hiệu; null for another item. */
function numberingYear(item: string): number | null {
  const prefix = foldKey(numberKey('BC', 2000).replace(/BC\/2000$/, ''));
  const key = foldKey(item);
  if (!key.startsWith(prefix)) return null;
  const m = /\/(\d{4})$/.exec(key);
  return m ? Number(m[1]) : null;
}

interface Line {
  values: WriteCell[];
  formats: string[];
}

/**
 * Rewrite the data rows below the header with `lines` (in one block), the rows left over emptied.
 * Formats travel with their rows. One writeBlock, at most one writeFormats.
 */
function rewriteRows(port: WorkbookPort, sheet: string, grid: SheetGrid, headerRow: number, lines: Line[]): void {
  const oldRows = Math.max(0, grid.values.length - headerRow);
  const height = Math.max(oldRows, lines.length);
  if (height === 0) return;
  const width = Math.max(1, ...grid.values.map((r) => r.length), ...lines.map((l) => l.values.length));
  const block: WriteCell[][] = [];
  for (let i = 0; i < height; i++) {
    const line = lines[i];
    block.push(Array.from({ length: width }, (_, c) => (line ? line.values[c] ?? null : null)));
  }
  port.writeBlock(sheet, headerRow + 1, 1, block);
  if (lines.length > 0) {
    port.writeFormats(sheet, headerRow + 1, 1, lines.map((l) => Array.from({ length: width }, (_, c) => l.formats[c] ?? '')));
  }
}

/** A data row of the old sheet as a line to write, its ⚙ cells emptied. */
function lineOf(grid: SheetGrid, row: number, key: SheetKey, columns: Record<string, number>): Line {
  const raw = grid.values[row - 1] ?? [];
  const values = raw.map(toWrite);
  for (const c of sheetSpec(key).columns) {
    const col = columns[c.key];
    if (c.computed && col !== undefined) values[col - 1] = null;
  }
  return { values, formats: [...(grid.formats[row - 1] ?? [])] };
}

function setCell(line: Line, col: number | undefined, value: WriteCell): void {
  if (col === undefined) return;
  while (line.values.length < col) line.values.push(null);
  line.values[col - 1] = value;
}

/** `Ghi chú` of a carried row: "Chuyển từ năm 2024", before what the user wrote. */
function carriedNote(lang: Lang, fromYear: number, old: RawCell | undefined): string {
  const note = cellText(old).trim();
  return note === '' ? t(lang, 'rollover.carriedNote', { year: fromYear }) : t(lang, 'rollover.carriedNoteWith', { year: fromYear, note });
}

/** Numbered STT cells (1, 2, 3…) are numbered again in the new order; other STT text stays. */
function renumber(lines: Line[], col: number | undefined): void {
  if (col === undefined) return;
  let n = 0;
  for (const l of lines) {
    const v = l.values[col - 1];
    n++;
    if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v.trim()))) l.values[col - 1] = n;
  }
}

// ---------------------------------------------------------------- the sheets

function rollSettings(port: WorkbookPort, fromYear: number, toYear: number, out: RolloverSummary): void {
  const spec = sheetSpec('settings');
  const grid = port.readSheet(spec.name);
  if (!grid) return;
  const header = findHeader(grid, spec);
  if (!header) return;
  const itemCol = header.columns.item ?? 1;
  const valueCol = header.columns.value ?? 2;
  const lines: Line[] = [];
  for (let r = header.headerRow + 1; r <= grid.values.length; r++) {
    const raw = grid.values[r - 1] ?? [];
    const line: Line = { values: raw.map(toWrite), formats: [...(grid.formats[r - 1] ?? [])] };
    const item = cellText(raw[itemCol - 1]).trim();
    const numbered = numberingYear(item);
    if (numbered !== null && numbered < toYear) {
      out.numberingDropped.push(item);
      continue;
    }
    const setting = settingForItem(item);
    if (setting?.key === 'year') setCell(line, valueCol, toYear);
    else if (setting?.type === 'date') {
      const v = raw[valueCol - 1];
      const parsed = v === undefined || v === null || v === '' ? null : parseDate(v);
      if (parsed?.ok && Number(parsed.value.slice(0, 4)) === fromYear) {
        setCell(line, valueCol, { date: sameDayIn(parsed.value, toYear) });
        out.shiftedSettings.push(setting.label);
      }
    }
    lines.push(line);
  }
  rewriteRows(port, spec.name, grid, header.headerRow, lines);
}

function rollTasks(port: WorkbookPort, old: SchoolData, lang: Lang, fromYear: number, toYear: number, out: RolloverSummary): void {
  const spec = sheetSpec('tasks');
  const map = old.sheets[spec.name];
  const grid = port.readSheet(spec.name);
  if (!grid || !map || map.headerRow === 0) return;
  const lines: Line[] = [];
  for (const task of old.tasks) {
    if (task.status === 'done') out.tasks.done++;
    if (task.status === 'cancelled') out.tasks.cancelled++;
    if (task.status === 'done' || task.status === 'cancelled') continue;
    const line = lineOf(grid, task.row, 'tasks', map.columns);
    setCell(line, map.columns.note, carriedNote(lang, fromYear, grid.values[task.row - 1]?.[(map.columns.note ?? 0) - 1]));
    setCell(line, map.columns.doneDate, null);
    lines.push(line);
    out.tasks.carried.push({
      row: map.headerRow + lines.length,
      fromRow: task.row,
      title: task.title,
      owner: task.owner,
      due: task.due,
      pastYear: task.due !== null && task.due < `${toYear}-01-01`,
    });
  }
  renumber(lines, map.columns.stt);
  rewriteRows(port, spec.name, grid, map.headerRow, lines);
}

const KPI_FIGURES = ['q1Achieved', 'q2Achieved', 'q3Achieved', 'q4Achieved', 'q1Total', 'q2Total', 'q3Total', 'q4Total', 'evidence'];

function rollKpis(port: WorkbookPort, old: SchoolData, out: RolloverSummary): void {
  const spec = sheetSpec('kpis');
  const map = old.sheets[spec.name];
  const grid = port.readSheet(spec.name);
  if (!grid || !map || map.headerRow === 0) return;
  const lines = old.kpis.map((k) => {
    const line = lineOf(grid, k.row, 'kpis', map.columns);
    for (const key of KPI_FIGURES) setCell(line, map.columns[key], null);
    return line;
  });
  out.kpis = lines.length;
  rewriteRows(port, spec.name, grid, map.headerRow, lines);
}

function rollInitiatives(port: WorkbookPort, old: SchoolData, lang: Lang, fromYear: number, out: RolloverSummary): void {
  const spec = sheetSpec('initiatives');
  const map = old.sheets[spec.name];
  const grid = port.readSheet(spec.name);
  if (!grid || !map || map.headerRow === 0) return;
  const lines: Line[] = [];
  for (const i of old.initiatives) {
    if (i.stage !== 'registered' && i.stage !== 'inProgress') {
      out.initiatives.left++;
      continue;
    }
    const line = lineOf(grid, i.row, 'initiatives', map.columns);
    setCell(line, map.columns.note, carriedNote(lang, fromYear, grid.values[i.row - 1]?.[(map.columns.note ?? 0) - 1]));
    lines.push(line);
  }
  out.initiatives.carried = lines.length;
  renumber(lines, map.columns.stt);
  rewriteRows(port, spec.name, grid, map.headerRow, lines);
}

/** Empty every data row below the header (Hoạt động, Nhật ký). */
function emptyRows(port: WorkbookPort, key: SheetKey): void {
  const spec = sheetSpec(key);
  const grid = port.readSheet(spec.name);
  if (!grid) return;
  const header = findHeader(grid, spec);
  rewriteRows(port, spec.name, grid, header?.headerRow ?? 1, []);
}

/**
 * Roll the workbook the port holds forward to the next year, in place (it must be the copy: see
 * the top of this file). Refuses (RolloverError) before any write.
 */
export function rollForward(port: WorkbookPort, opts: RolloverOptions): RolloverSummary {
  const { lang } = opts;
  const before = readSchool(port, { lang, today: opts.today });
  const { fromYear, toYear } = rolloverYears(before, lang, opts.toYear);

  // The installer first: missing columns (Ghi chú…) are there to write into; idempotent.
  installTemplate(port, { lang, today: opts.today, year: toYear });
  const old = readSchool(port, { lang, today: opts.today });

  const out: RolloverSummary = {
    fromYear, toYear,
    people: old.people.length,
    kpis: 0,
    tasks: { carried: [], done: 0, cancelled: 0 },
    initiatives: { carried: 0, left: 0 },
    activities: old.activities.length,
    shiftedSettings: [],
    numberingDropped: [],
    issues: [],
    counts: { error: 0, warning: 0, notice: 0 },
  };
  rollSettings(port, fromYear, toYear, out);
  rollTasks(port, old, lang, fromYear, toYear, out);
  rollKpis(port, old, out);
  rollInitiatives(port, old, lang, fromYear, out);
  emptyRows(port, 'activities');
  emptyRows(port, 'log');
  if (port.sheetNames().includes(SHEET_NAMES.dashboard)) port.clearSheet(SHEET_NAMES.dashboard);
  // The add-on's problem marks point at cells of the old year's rows.
  for (const s of SCHOOL_SHEETS) if ((s.role === 'input' || s.role === 'settings') && port.sheetNames().includes(s.name)) port.clearMarks(s.name);

  appendLog(port, {
    now: opts.now,
    user: opts.user,
    action: t(lang, 'rollover.action'),
    result: t(lang, 'rollover.logNew', {
      toYear, fromYear, source: opts.source, tasks: out.tasks.carried.length, kpis: out.kpis, initiatives: out.initiatives.carried,
    }),
  });

  const check = validateSchool(readSchool(port, { lang, today: opts.today }));
  out.issues = check.issues;
  out.counts = check.counts;
  return out;
}

/** The old workbook's one change: its `Nhật ký` row saying where the new year's workbook is. */
export function logInOld(port: WorkbookPort, summary: Pick<RolloverSummary, 'fromYear' | 'toYear'>, entry: { lang: Lang; now: string; user: string; target: string }): void {
  appendLog(port, {
    now: entry.now,
    user: entry.user,
    action: t(entry.lang, 'rollover.action'),
    result: t(entry.lang, 'rollover.logOld', { toYear: summary.toYear, fromYear: summary.fromYear, target: entry.target }),
  });
}

// ---------------------------------------------------------------- Google Sheets: original and copy

const MARKER = /\[cchc-rollover ([A-Za-z0-9_-]+) (\d{4})\]/;

export const rolloverMarker = (sourceId: string, toYear: number): string => `[cchc-rollover ${sourceId} ${toYear}]`;

/** The last marker in `Nhật ký` (the latest "get ready"), or null. */
export function findMarker(port: WorkbookPort): { sourceId: string; toYear: number } | null {
  const grid = port.readSheet(SHEET_NAMES.log);
  if (!grid) return null;
  for (let r = grid.values.length - 1; r >= 0; r--) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== 'string' || isDateCell(v)) continue;
      const m = MARKER.exec(v);
      if (m) return { sourceId: m[1]!, toYear: Number(m[2]) };
    }
  }
  return null;
}

/**
 * "Năm mới" pressed in the original: checks it can be rolled (a plan year), then writes its one
 * `Nhật ký` row with the marker the copy will carry. Nothing else changes.
 */
export function startRollover(port: WorkbookPort, opts: { lang: Lang; today: IsoDate; now: string; user: string; fileId: string }): { fromYear: number; toYear: number } {
  const years = rolloverYears(readSchool(port, { lang: opts.lang, today: opts.today }), opts.lang);
  appendLog(port, {
    now: opts.now,
    user: opts.user,
    action: t(opts.lang, 'rollover.action'),
    result: `${t(opts.lang, 'rollover.logStart', { toYear: years.toYear })} ${rolloverMarker(opts.fileId, years.toYear)}`,
  });
  return years;
}

/** Where this spreadsheet stands: the original got ready, a copy to roll, or neither. */
export type RolloverPlace =
  | { kind: 'original'; fromYear: number; toYear: number }
  | { kind: 'copy'; fromYear: number; toYear: number; sourceId: string }
  | { kind: 'none'; fromYear: number; toYear: number };

export function rolloverPlace(port: WorkbookPort, opts: { lang: Lang; today: IsoDate; fileId: string }): RolloverPlace {
  const years = rolloverYears(readSchool(port, { lang: opts.lang, today: opts.today }), opts.lang);
  const marker = findMarker(port);
  if (!marker || marker.toYear !== years.toYear) return { kind: 'none', ...years };
  if (marker.sourceId === opts.fileId) return { kind: 'original', ...years };
  return { kind: 'copy', ...years, sourceId: marker.sourceId };
}

/** "Năm mới" pressed in the copy: refuses the original, a copy not got ready, a year already rolled. */
export function rollCopy(port: WorkbookPort, opts: Omit<RolloverOptions, 'source' | 'toYear'> & { fileId: string }): RolloverSummary {
  const data = readSchool(port, { lang: opts.lang, today: opts.today });
  const { fromYear, toYear } = rolloverYears(data, opts.lang);
  const marker = findMarker(port);
  if (!marker) throw new RolloverError('NO_MARKER', t(opts.lang, 'rollover.noMarker'));
  if (marker.sourceId === opts.fileId) throw new RolloverError('IS_ORIGINAL', t(opts.lang, 'rollover.isOriginal', { fromYear }));
  if (marker.toYear !== toYear) throw new RolloverError('MARKER_YEAR', t(opts.lang, 'rollover.markerYear', { toYear: marker.toYear, year: fromYear }));
  return rollForward(port, { ...opts, toYear, source: marker.sourceId });
}
