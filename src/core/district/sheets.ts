// The district workbook through the port: reading it (Thông tin, the list, the stored reads) and
// writing what the add-on owns in it (⚙ Tổng hợp đơn vị, ⚙ Chỉ tiêu toàn đơn vị, the hidden
// Lưu trữ đọc). Pure: every cell is decided here, the shells only bring the port.
//
// Cost: readDistrict is three readSheet calls; writeDistrictSheets a constant number of calls per
// sheet (clearSheet, writeBlock, writeFormats, styleBlock) whatever the number of schools; one
// school's stored read is one writeBlock (storeRead with its row), so an Apps Script execution
// cut off at any point loses nothing it already read.

import { KPI_STATUS, SHEET_NAMES, UNIT_READ_STATUS, enumLabel, sheetSpec } from '../contract/index.ts';
import { CAVEAT_FILL, FAILED_FILL, HEADER_FILL } from '../contract/look.ts';
import { t } from '../i18n.ts';
import type { Issue, Lang, Settings } from '../model.ts';
import type { BlockStyle, SheetGrid, WorkbookPort, WriteCell } from '../ports.ts';
import { kpiValueCell, shareDone, textBar } from '../progress/index.ts';
import type { KpiProgress } from '../progress/types.ts';
import { IssueSink, sortIssues } from '../read/issues.ts';
import { defaultSettings, readSettings } from '../read/settings.ts';
import { readUnitList, type UnitEntry } from '../read/units.ts';
import { decodeStored, encodeStored, storedKey, type StoredRead } from './state.ts';
import { isCounted, type DistrictAggregate, type KpiTitles, type SchoolResult, type SchoolStatus } from './types.ts';

// ------------------------------------------------------------------------------------ reading

export interface DistrictRead {
  /** The district's `Thông tin` (its `Năm` is the district's year, `Tự động cập nhật` its autoRefresh). */
  settings: Settings;
  /** Problems of `Thông tin` and `Danh sách đơn vị`, each at its cell, in contract order. */
  issues: Issue[];
  /** Every row of `Danh sách đơn vị`, in list order; a `blocked` row (no link, a code listed twice) is not read. */
  units: UnitEntry[];
  /** The stored reads by storedKey(code, source); a damaged or edited cell is simply absent (read again). */
  stored: Map<string, StoredRead>;
}

/** Read the district workbook: three readSheet calls. Never throws for anything a cell may hold. */
export function readDistrict(port: WorkbookPort, opts: { lang: Lang }): DistrictRead {
  const sink = new IssueSink(opts.lang);
  const settingsSheet = sheetSpec('settings').name;
  const grid = port.readSheet(settingsSheet);
  let settings = defaultSettings('district');
  if (grid) settings = readSettings(grid, sink, 'district').settings;
  else sink.add(settingsSheet, null, null, null, 'error', 'SHEET_MISSING', { sheet: settingsSheet });
  const list = readUnitList(port, opts.lang);
  return {
    settings,
    issues: sortIssues([...sink.issues, ...list.issues]),
    units: list.units,
    stored: storedReadsOf(port.readSheet(SHEET_NAMES.unitState)),
  };
}

/** The schools of the list to read, in list order (the rows that are not blocked). */
export const unitsToRead = (units: readonly UnitEntry[]): UnitEntry[] => units.filter((u) => !u.blocked);

// ------------------------------------------------------------------------------------ stored reads

const STATE_HEADER: WriteCell[] = sheetSpec('unitState').columns.map((c) => c.header);

/**
 * The sheet row of the stored read of the school at `position` (0-based) among the schools read
 * (unitsToRead): row 1 is the header. A refresh writes each school's row as soon as it is read.
 */
export const storedRow = (position: number): number => position + 2;

function stateRow(s: StoredRead | null): WriteCell[] {
  if (!s) return [null, null, null];
  // Too big for one cell: the row says whose it was, with no data, so the school is read again.
  return [s.code, s.source, encodeStored(s) ?? ''];
}

/** The stored reads in a grid of `Lưu trữ đọc`; on two rows for one school, the later read wins. */
function storedReadsOf(grid: SheetGrid | null): Map<string, StoredRead> {
  const out = new Map<string, StoredRead>();
  if (!grid) return out;
  for (const [i, line] of grid.values.entries()) {
    if (i === 0) continue;
    const s = decodeStored(line[2]);
    // A row whose code or link cell no longer says whose data it holds was edited: not ours.
    if (!s || String(line[0] ?? '').trim() !== s.code.trim() || String(line[1] ?? '').trim() !== s.source.trim()) continue;
    const key = storedKey(s.code, s.source);
    const before = out.get(key);
    if (!before || (s.result.readAt ?? '') >= (before.result.readAt ?? '')) out.set(key, s);
  }
  return out;
}

/** Make `Lưu trữ đọc` if it is missing: header, protected, hidden (an older district workbook). */
function ensureStateSheet(port: WorkbookPort): void {
  const name = SHEET_NAMES.unitState;
  if (!port.ensureSheet(name)) return;
  port.writeBlock(name, 1, 1, [STATE_HEADER]);
  port.applyLayout(name, { frozenRows: 1, headerRow: true, columns: [], conditionalFormats: [], protectSheet: true, dataRows: 0, hidden: true });
}

/**
 * Rewrite `Lưu trữ đọc` whole: `stored[i]` on storedRow(i), null for a school with nothing kept
 * (a passing failure). Three calls (clear, the block, and ensureSheet).
 */
export function writeStoredReads(port: WorkbookPort, stored: readonly (StoredRead | null)[]): void {
  ensureStateSheet(port);
  const name = SHEET_NAMES.unitState;
  port.clearSheet(name);
  port.writeBlock(name, 1, 1, [STATE_HEADER, ...stored.map(stateRow)]);
}

/**
 * Keep one school's read. With its `row` (storedRow of its position) it is one writeBlock; without
 * one, the sheet is read to find the school's row (else the first free one) and then written.
 */
export function storeRead(port: WorkbookPort, stored: StoredRead, row?: number): number {
  const name = SHEET_NAMES.unitState;
  let at = row;
  if (at === undefined) {
    const grid = port.readSheet(name);
    if (!grid) ensureStateSheet(port);
    const key = storedKey(stored.code, stored.source);
    const values = grid?.values ?? [];
    const found = values.findIndex((line, i) => i > 0 && storedKey(String(line[0] ?? ''), String(line[1] ?? '')) === key);
    at = found > 0 ? found + 1 : Math.max(values.length, 1) + 1;
  }
  port.writeBlock(name, at, 1, [stateRow(stored)]);
  return at;
}

// ------------------------------------------------------------------------------------ writing

/** The product's time zone (the clock's): Asia/Ho_Chi_Minh, +07:00 all year. */
const ZONE_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A timestamp of the results (ISO with any offset) as a cell shows it: `30/06/2024 09:15` in the
 * product's time zone, as Nhật ký writes its times. '' for null; the text itself if unreadable.
 */
export function cellDateTime(iso: string | null): string {
  if (iso === null || iso === '') return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms + ZONE_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Not read at all (no figures): the red rows. */
const NOT_READ: ReadonlySet<SchoolStatus> = new Set(['noAccess', 'notFound', 'unreadable', 'wrongTemplate']);

/** A sheet the add-on writes whole, with what styleBlock and writeFormats get. */
export interface WholeSheet {
  values: WriteCell[][];
  formats: string[][];
  style: BlockStyle;
}

const TEXT = '@';
const NUMBER = '0';

/** The column of a contract key in `Tổng hợp đơn vị` (1-based). */
const summaryCol = (key: string): number => sheetSpec('unitSummary').columns.findIndex((c) => c.key === key) + 1;

/** `Tổng hợp đơn vị`: the header, then one row per school in list order. */
export function unitSummarySheet(aggregate: DistrictAggregate): WholeSheet {
  const columns = sheetSpec('unitSummary').columns;
  const header: WriteCell[] = columns.map((c) => c.header);
  const values: WriteCell[][] = [header];
  const formats: string[][] = [columns.map(() => TEXT)];
  const backgrounds: { row: number; color: string }[] = [{ row: 1, color: HEADER_FILL }];
  for (const r of aggregate.schools) {
    const cells = summaryCells(r);
    values.push(columns.map((c) => cells[c.key] ?? null));
    formats.push(columns.map((c) => (typeof cells[c.key] === 'number' ? NUMBER : TEXT)));
    const row = values.length;
    if (NOT_READ.has(r.status)) backgrounds.push({ row, color: FAILED_FILL });
    else if (!isCounted(r.status) || r.status === 'dataErrors') backgrounds.push({ row, color: CAVEAT_FILL });
  }
  const bar = summaryCol('tasksDoneShare');
  return {
    values,
    formats,
    style: { boldRows: [1], rowBackgrounds: backgrounds, monospaceColumns: [bar], columnWidths: [{ col: bar, width: 150 }] },
  };
}

/** One school's cells by contract key; figures only where the school was read. */
function summaryCells(r: SchoolResult): Record<string, WriteCell> {
  const cells: Record<string, WriteCell> = {
    unitCode: r.code,
    unitName: r.name,
    readStatus: enumLabel(UNIT_READ_STATUS, r.status, 'vi'),
    templateVersion: r.templateVersion,
    errors: NOT_READ.has(r.status) ? null : r.errors,
    changedAt: cellDateTime(r.changedAt),
    readAt: cellDateTime(r.readAt),
    message: r.message,
  };
  const t = r.tasks;
  if (t) {
    Object.assign(cells, {
      tasksTotal: t.total, tasksDone: t.done, tasksDoneOnTime: t.doneOnTime, tasksDoneLate: t.doneLate, tasksOverdue: t.overdue,
      // The dashboard's bar (Tổng hợp): done ÷ (total − cancelled), read at a glance.
      tasksDoneShare: textBar(shareDone(t)),
    });
  }
  const k = r.kpiCounts;
  if (k) Object.assign(cells, { kpiMet: k.met, kpiNear: k.near, kpiNotMet: k.notMet, kpiNotApplicable: k.notApplicable, kpiNoData: k.noData });
  const i = r.initiatives;
  if (i) Object.assign(cells, { initiativesTotal: i.total, initiativesEligible: i.eligible });
  return cells;
}

/** Target codes of the counted schools, in order of first appearance (list order, then each school's). */
export function districtKpiCodes(aggregate: DistrictAggregate): string[] {
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const s of aggregate.schools) {
    if (!isCounted(s.status)) continue;
    for (const k of s.kpis ?? []) {
      if (!seen.has(k.code)) {
        seen.add(k.code);
        codes.push(k.code);
      }
    }
  }
  return codes;
}

/**
 * `Chỉ tiêu toàn đơn vị`: a target code per row (its wording from `titles`), two columns per
 * counted school (its ⚙ Thực hiện and ⚙ Đánh giá, as its own Chỉ tiêu shows them), and at the
 * end how many schools met it.
 */
export function unitKpisSheet(aggregate: DistrictAggregate, titles: KpiTitles, lang: Lang): WholeSheet {
  const fixed = sheetSpec('unitKpis').columns.map((c) => c.header);
  const schools = aggregate.schools.filter((s) => isCounted(s.status));
  const header: WriteCell[] = [...fixed];
  for (const s of schools) header.push(t(lang, 'district.kpiValueHeader', { code: s.code }), t(lang, 'district.kpiEvaluationHeader', { code: s.code }));
  header.push(t(lang, 'district.kpiUnitsMet'));
  const values: WriteCell[][] = [header];
  const formats: string[][] = [header.map(() => TEXT)];
  const byCode = schools.map((s) => new Map<string, KpiProgress>((s.kpis ?? []).map((k) => [k.code, k])));
  for (const code of districtKpiCodes(aggregate)) {
    const line: WriteCell[] = [code, titles[code] ?? ''];
    const lineFormats: string[] = [TEXT, TEXT];
    for (const kpis of byCode) {
      const k = kpis.get(code);
      const cell = k ? kpiValueCell(k, 'vi') : { value: null };
      line.push(cell.value, k ? enumLabel(KPI_STATUS, k.status, 'vi') : null);
      lineFormats.push(cell.format ?? (typeof cell.value === 'number' ? NUMBER : TEXT), TEXT);
    }
    line.push(aggregate.kpis[code]?.met ?? 0);
    lineFormats.push(NUMBER);
    values.push(line);
    formats.push(lineFormats);
  }
  // No width per school column: in Sheets that is a call per column, and the calls stay constant.
  return { values, formats, style: { boldRows: [1], rowBackgrounds: [{ row: 1, color: HEADER_FILL }] } };
}

/** Make a district output sheet if it is missing (header frozen, protected as the installer does). */
function ensureOutputSheet(port: WorkbookPort, name: string): void {
  if (port.ensureSheet(name)) {
    port.applyLayout(name, { frozenRows: 1, headerRow: false, columns: [], conditionalFormats: [], protectSheet: true, dataRows: 0 });
  }
}

function writeWhole(port: WorkbookPort, name: string, sheet: WholeSheet): void {
  ensureOutputSheet(port, name);
  port.clearSheet(name);
  port.writeBlock(name, 1, 1, sheet.values);
  port.writeFormats(name, 1, 1, sheet.formats);
  port.styleBlock(name, sheet.style);
}

/**
 * Write ⚙ Tổng hợp đơn vị and ⚙ Chỉ tiêu toàn đơn vị whole, from the aggregate (its schools in
 * list order) and the targets' wording. A constant number of calls, whatever the schools.
 */
export function writeDistrictSheets(port: WorkbookPort, aggregate: DistrictAggregate, titles: KpiTitles, lang: Lang): void {
  writeWhole(port, SHEET_NAMES.unitSummary, unitSummarySheet(aggregate));
  writeWhole(port, SHEET_NAMES.unitKpis, unitKpisSheet(aggregate, titles, lang));
}
