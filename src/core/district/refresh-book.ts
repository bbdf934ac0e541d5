// What a refresh reads from and writes to the district workbook: its `Thông tin` (code, name,
// year, `Tự động cập nhật`), the schools of `Danh sách đơn vị`, the stored reads of the hidden
// `Lưu trữ đọc` (one row per school: code, link, the StoredRead as JSON), written a batch of
// answers at a time, and `Tổng hợp đơn vị` when the refresh is complete.
//
// Interim: the district sheets' installer and writer (`readDistrict`, `writeDistrictSheets`,
// `storeRead`, `writeStoredReads`) come with the district sheets' own work; the refresh uses
// them once they are in. Until then this file does the least the refresh needs.

import { sheetSpec } from '../contract/sheets.ts';
import { enumOption, UNIT_READ_STATUS } from '../contract/enums.ts';
import type { Lang, Settings } from '../model.ts';
import type { SheetGrid, WorkbookPort, WriteCell } from '../ports.ts';
import { parseYesNo } from '../parse/enum.ts';
import { IssueSink } from '../read/issues.ts';
import { readSettings } from '../read/settings.ts';
import { readUnitList } from '../read/units.ts';
import { foldKey } from '../text.ts';
import type { SchoolRef } from './school.ts';
import { decodeStored, encodeStored, storedKey, type StoredRead } from './state.ts';
import type { DistrictAggregate, SchoolResult } from './types.ts';

/** The `Thông tin` row that turns the hourly background refresh on (`Có`) or off. */
export const AUTO_REFRESH_LABEL = 'Tự động cập nhật';

export interface DistrictBook {
  settings: Settings;
  /** Rows of the list that can be read, in list order. */
  refs: SchoolRef[];
  /** Stored reads by storedKey, and the sheet row each is on. */
  stored: Map<string, StoredRead>;
  rows: Map<string, number>;
  autoRefresh: boolean;
}

/** `Tự động cập nhật` in `Thông tin`: Có / Không (also Yes/No, TRUE/FALSE); absent is off. */
export function autoRefreshOf(grid: SheetGrid | null): boolean {
  if (!grid) return false;
  const want = foldKey(AUTO_REFRESH_LABEL);
  for (const row of grid.values) {
    const i = row.findIndex((v) => typeof v === 'string' && foldKey(v).replace(/:$/, '') === want);
    if (i < 0) continue;
    const r = parseYesNo(row[i + 1] ?? null);
    return r.ok && r.value;
  }
  return false;
}

/** null when the workbook has no `Danh sách đơn vị` (not a district workbook). */
export function readDistrictBook(port: WorkbookPort, lang: Lang): DistrictBook | null {
  const unitsName = sheetSpec('units').name;
  if (!port.sheetNames().includes(unitsName)) return null;
  const settingsGrid = port.readSheet(sheetSpec('settings').name);
  const settings = readSettings(settingsGrid ?? { name: '', values: [], formats: [] }, new IssueSink(lang)).settings;
  const list = readUnitList(port, lang);
  const refs = list.units.filter((u) => !u.blocked && u.code !== '' && u.source !== '').map((u) => ({ code: u.code, name: u.name, source: u.source }));
  const { stored, rows } = readStored(port);
  return { settings, refs, stored, rows, autoRefresh: autoRefreshOf(settingsGrid) };
}

const STATE = () => sheetSpec('unitState');

function readStored(port: WorkbookPort): { stored: Map<string, StoredRead>; rows: Map<string, number> } {
  const stored = new Map<string, StoredRead>();
  const rows = new Map<string, number>();
  const grid = port.readSheet(STATE().name);
  grid?.values.forEach((line, i) => {
    if (i === 0) return; // header
    const s = decodeStored(line[2]);
    if (!s) return;
    const key = storedKey(s.code, s.source);
    stored.set(key, s);
    rows.set(key, i + 1);
  });
  return { stored, rows };
}

/** A read for one cell: without its per-target lines if the whole does not fit. */
function cellOf(s: StoredRead): string | null {
  return encodeStored(s) ?? encodeStored({ ...s, titles: {}, result: { ...s.result, kpis: [] } });
}

/**
 * Write reads into `Lưu trữ đọc`: a school's row replaced where it has one (one write per run of
 * consecutive rows), new ones appended in one block. `book.rows` follows.
 */
export function storeReads(port: WorkbookPort, book: DistrictBook, reads: readonly StoredRead[]): void {
  if (reads.length === 0) return;
  const name = STATE().name;
  if (port.ensureSheet(name)) port.writeBlock(name, 1, 1, [STATE().columns.map((c) => c.header)]);
  const existing: { row: number; line: WriteCell[] }[] = [];
  const fresh: WriteCell[][] = [];
  const freshKeys: string[] = [];
  for (const s of reads) {
    const key = storedKey(s.code, s.source);
    book.stored.set(key, s);
    const line: WriteCell[] = [s.code, s.source, cellOf(s)];
    const row = book.rows.get(key);
    if (row !== undefined) existing.push({ row, line });
    else if (!freshKeys.includes(key)) {
      fresh.push(line);
      freshKeys.push(key);
    }
  }
  existing.sort((a, b) => a.row - b.row);
  for (let i = 0; i < existing.length; ) {
    let j = i;
    while (j + 1 < existing.length && existing[j + 1]!.row === existing[j]!.row + 1) j++;
    port.writeBlock(name, existing[i]!.row, 1, existing.slice(i, j + 1).map((e) => e.line));
    i = j + 1;
  }
  if (fresh.length > 0) {
    let last = 1;
    for (const r of book.rows.values()) last = Math.max(last, r);
    port.writeBlock(name, last + 1, 1, fresh);
    freshKeys.forEach((k, i) => book.rows.set(k, last + 1 + i));
  }
}

const share = (r: SchoolResult): number | null => (r.tasks && r.tasks.total > 0 ? r.tasks.done / r.tasks.total : null);

/** `Tổng hợp đơn vị`: one row per school, in list order, under the contract's header. */
export function writeUnitSummary(port: WorkbookPort, aggregate: DistrictAggregate, lang: Lang): void {
  const spec = sheetSpec('unitSummary');
  port.ensureSheet(spec.name);
  port.clearSheet(spec.name);
  const cell = (r: SchoolResult, key: string): WriteCell => {
    switch (key) {
      case 'unitCode': return r.code;
      case 'unitName': return r.name;
      case 'readStatus': return enumOption(UNIT_READ_STATUS, r.status)[lang];
      case 'templateVersion': return r.templateVersion;
      case 'errors': return r.errors;
      case 'changedAt': return r.changedAt;
      case 'readAt': return r.readAt;
      case 'tasksTotal': return r.tasks?.total ?? null;
      case 'tasksDone': return r.tasks?.done ?? null;
      case 'tasksDoneOnTime': return r.tasks?.doneOnTime ?? null;
      case 'tasksDoneLate': return r.tasks?.doneLate ?? null;
      case 'tasksOverdue': return r.tasks?.overdue ?? null;
      case 'tasksDoneShare': return share(r);
      case 'kpiMet': return r.kpiCounts?.met ?? null;
      case 'kpiNear': return r.kpiCounts?.near ?? null;
      case 'kpiNotMet': return r.kpiCounts?.notMet ?? null;
      case 'kpiNotApplicable': return r.kpiCounts?.notApplicable ?? null;
      case 'kpiNoData': return r.kpiCounts?.noData ?? null;
      case 'initiativesTotal': return r.initiatives?.total ?? null;
      case 'initiativesEligible': return r.initiatives?.eligible ?? null;
      case 'message': return r.message;
      default: return null;
    }
  };
  const rows: WriteCell[][] = [spec.columns.map((c) => c.header), ...aggregate.schools.map((r) => spec.columns.map((c) => cell(r, c.key)))];
  port.writeBlock(spec.name, 1, 1, rows);
}
