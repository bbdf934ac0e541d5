// A simulated district in the offline runtime: the district workbook (the active spreadsheet,
// installed as a district), its `Danh sách đơn vị`, and N school spreadsheets built with the same
// fake as any sheet (the sample school, copied, each with its own code, name and a few tasks in
// another state), owned by their principals, shared with the officer and chosen in the Picker.
// Used by the district suites and the bench.

import { TEMPLATE_VERSION } from '../../src/core/contract/index.ts';
import { sheetSpec } from '../../src/core/contract/sheets.ts';
import { findHeaderRow, installTemplate } from '../../src/core/install.ts';
import type { WorkbookPort, WriteCell } from '../../src/core/ports.ts';
import { fillSample } from '../../src/core/sample.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { createRuntime, loadAddon, type FakeSpreadsheet, type GoogleApisOptions, type LoadedAddon, type Runtime } from '../gas-runtime/index.ts';

export const OFFICER = 'chuyenvien@pgdquan1.edu.vn';
export const TODAY = '2024-06-30T09:00:00+07:00';

/** A spreadsheet ID as Google makes them: 44 URL-safe characters. */
export const schoolId = (i: number): string => `1cchc${String(i).padStart(5, '0')}${'SchoolFileXyZ0123456789abcdefghijk'}`.slice(0, 44);
export const schoolUrl = (id: string): string => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

export function portOf(rt: Runtime, ss: FakeSpreadsheet): WorkbookPort {
  return new SpreadsheetWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never);
}

/** Write `Thông tin` values by their `Mục` (host side, not counted). */
export function setSettings(port: WorkbookPort, values: Record<string, WriteCell>): void {
  const spec = sheetSpec('settings');
  const grid = port.readSheet(spec.name)!;
  const found = findHeaderRow(grid, spec)!;
  const item = found.columns.item ?? 1;
  const value = found.columns.value ?? 2;
  const left = new Map(Object.entries(values));
  grid.values.forEach((row, i) => {
    const label = row[item - 1];
    if (typeof label === 'string' && left.has(label)) {
      port.writeBlock(spec.name, i + 1, value, [[left.get(label)!]]);
      left.delete(label);
    }
  });
  const rows = [...left].map(([k, v]) => {
    const line: WriteCell[] = [];
    line[item - 1] = k;
    line[value - 1] = v;
    return Array.from({ length: Math.max(item, value) }, (_, j) => line[j] ?? null);
  });
  if (rows.length) port.writeBlock(spec.name, grid.values.length + 1, 1, rows);
}

/** Put `n` of the school's done tasks back in progress (its figures differ from the sample's). */
export function reopenTasks(port: WorkbookPort, n: number): void {
  if (n <= 0) return;
  const spec = sheetSpec('tasks');
  const grid = port.readSheet(spec.name)!;
  const found = findHeaderRow(grid, spec)!;
  const status = found.columns.status!;
  const doneDate = found.columns.doneDate!;
  let left = n;
  for (let r = found.row; r < grid.values.length && left > 0; r++) {
    if (grid.values[r]?.[status - 1] !== 'Hoàn thành') continue;
    port.writeBlock(spec.name, r + 1, status, [['Đang thực hiện']]);
    port.writeBlock(spec.name, r + 1, doneDate, [[null]]);
    left--;
  }
}

export interface ListRow {
  code: string;
  name: string;
  link: string;
}

export interface District {
  rt: Runtime;
  addon: LoadedAddon;
  /** The school spreadsheets by ID. */
  schools: Map<string, FakeSpreadsheet>;
  list: ListRow[];
  /** The template school every school was copied from (not in the list). */
  templateId: string;
  district: FakeSpreadsheet;
  /** Rewrite `Danh sách đơn vị` (host side). */
  writeList(rows: ListRow[]): void;
  /** A new school file (copied from the template), shared with and chosen by the officer unless told otherwise. */
  addSchool(i: number, o?: { code?: string; name?: string; year?: number; reopen?: number; share?: boolean; choose?: boolean }): string;
}

export interface DistrictOptions {
  schools: number;
  googleApis?: GoogleApisOptions;
  autoRefresh?: boolean;
  /** Load the built add-on (default true). */
  load?: boolean;
  /** The runtime's execution limit (default Google's 6 minutes): lower, to end executions before the product's own step budget. */
  executionLimitMs?: number;
}

export function buildDistrict(o: DistrictOptions): District {
  const rt = createRuntime({
    now: TODAY, virtualDate: true, userEmail: OFFICER, spreadsheet: { id: '1cchcDistrictWorkbook0000000000000000000000', name: 'Tổng hợp CCHC Quận 1' },
    ...(o.googleApis ? { googleApis: o.googleApis } : {}),
    ...(o.executionLimitMs !== undefined ? { executionLimitMs: o.executionLimitMs } : {}),
  });
  const district = rt.active!;
  const schools = new Map<string, FakeSpreadsheet>();
  const list: ListRow[] = [];
  const templateId = '1cchcTemplateSchool000000000000000000000000';
  rt.core.uncounted(() => {
    const dport = portOf(rt, district);
    installTemplate(dport, { lang: 'vi', today: '2024-06-30', kind: 'district', code: 'PGD-Q1', name: 'Phòng GD&ĐT Quận 1', year: 2024 });
    setSettings(dport, { 'Tự động cập nhật': o.autoRefresh ? 'Có' : 'Không' });
    const tpl = rt.spreadsheets.create({ id: templateId, name: 'Mẫu trường' });
    const tport = portOf(rt, tpl);
    installTemplate(tport, { lang: 'vi', today: '2024-06-30', code: 'MNBT', name: 'Trường Mầm non Bến Thành', year: 2024 });
    fillSample(tport);
  });
  const d: District = {
    rt,
    addon: null as unknown as LoadedAddon,
    schools,
    list,
    templateId,
    district,
    writeList(rows) {
      rt.core.uncounted(() => {
        const port = portOf(rt, district);
        const name = sheetSpec('units').name;
        const spec = sheetSpec('units');
        const grid = port.readSheet(name)!;
        const found = findHeaderRow(grid, spec)!;
        const width = Math.max(...Object.values(found.columns));
        // Clear the old rows, then write the new ones under the header.
        if (grid.values.length > found.row) {
          port.writeBlock(name, found.row + 1, 1, Array.from({ length: grid.values.length - found.row }, () => Array.from({ length: width }, () => null)));
        }
        const block = rows.map((r) => {
          const line: WriteCell[] = Array.from({ length: width }, () => null);
          line[found.columns.unitCode! - 1] = r.code;
          line[found.columns.unitName! - 1] = r.name;
          line[found.columns.source! - 1] = r.link;
          return line;
        });
        if (block.length) port.writeBlock(name, found.row + 1, 1, block);
      });
      list.splice(0, list.length, ...rows);
    },
    addSchool(i, so = {}) {
      const id = schoolId(i);
      rt.core.uncounted(() => {
        const ss = rt.spreadsheets.copy(templateId, { id, name: `Kế hoạch CCHC 2024 - MN${i}` });
        const port = portOf(rt, ss);
        setSettings(port, { 'Mã đơn vị': so.code ?? `MN${String(i).padStart(3, '0')}`, 'Tên đơn vị': so.name ?? `Trường Mầm non số ${i}`, 'Năm': so.year ?? 2024, 'Phiên bản mẫu': TEMPLATE_VERSION });
        reopenTasks(port, so.reopen ?? i % 5);
        schools.set(id, ss);
        rt.google.setOwner(id, `hieutruong${i}@mn${i}.edu.vn`);
        if (so.share !== false) rt.google.share(id, OFFICER);
        if (so.choose !== false) rt.google.choose(OFFICER, [id]);
      });
      return id;
    },
  };
  const rows: ListRow[] = [];
  for (let i = 0; i < o.schools; i++) {
    const id = d.addSchool(i);
    rows.push({ code: `MN${String(i).padStart(3, '0')}`, name: `Trường Mầm non số ${i}`, link: schoolUrl(id) });
  }
  d.writeList(rows);
  if (o.load !== false) d.addon = loadAddon({ runtime: rt });
  return d;
}

export interface LoopOutcome {
  calls: number;
  /** Simulated seconds from the first call to the last answer (the gaps between calls included). */
  seconds: number;
  maxExecutionSeconds: number;
  last: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/**
 * What the sidebar does: call districtRefresh, and again while `progress.running`, each call a
 * fresh execution (google.script.run), `gapMs` between an answer and the next call.
 */
export function sidebarLoop(d: District, input: Record<string, unknown> = {}, o: { gapMs?: number; maxCalls?: number; between?: (call: number) => void } = {}): LoopOutcome {
  const start = d.rt.core.nowMillis();
  let maxExec = 0;
  let calls = 0;
  let last: LoopOutcome['last'] = { ok: false };
  for (;;) {
    if (calls >= (o.maxCalls ?? 200)) throw new Error('sidebarLoop: still running after maxCalls');
    o.between?.(calls);
    const t0 = d.rt.core.nowMillis();
    last = d.addon.run('districtRefresh', calls === 0 ? input : {}) as LoopOutcome['last'];
    calls++;
    maxExec = Math.max(maxExec, (d.rt.core.nowMillis() - t0) / 1000);
    const running = last.ok && (last.value as { progress: { running: boolean } | null }).progress?.running;
    if (!running) break;
    d.rt.clock.advance(o.gapMs ?? 1000);
  }
  return { calls, seconds: (d.rt.core.nowMillis() - start) / 1000, maxExecutionSeconds: maxExec, last };
}

/**
 * The principals of these list positions edit their sheets (host side): one more done task put
 * back in progress, so the school's figures change and Drive's modifiedTime moves. Returns the
 * spreadsheet IDs edited.
 */
export function editSchools(d: District, positions: readonly number[]): string[] {
  const ids: string[] = [];
  d.rt.core.uncounted(() => {
    for (const p of positions) {
      const row = d.list[p];
      const id = row ? /\/d\/([^/]+)/.exec(row.link)?.[1] : undefined;
      const ss = id ? d.schools.get(id) : undefined;
      if (!id || !ss) throw new Error(`editSchools: no school at position ${p}`);
      reopenTasks(portOf(d.rt, ss), 1);
      ids.push(id);
    }
  });
  return ids;
}
