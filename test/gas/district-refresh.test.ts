// The district refresh in Google Sheets, end to end: the BUILT bundle (dist/Code.js, run
// `node build.mjs` first) in the offline runtime, school spreadsheets behind the runtime's Sheets
// and Drive API fakes (per-user and per-project read quota answering 429, latencies, fetchAll
// ending with its slowest request, the 6-minute execution limit), driven the way the sidebar
// drives it (sidebar/commands/district.ts: call districtRefresh, and again while the answer's
// progress says it is running; each call one execution). Expected figures are each school's own
// progress, computed with the core's school reader on the same spreadsheet, never from the
// district code.

import { describe, expect, it } from 'vitest';
import { sheetSpec, TEMPLATE_VERSION } from '../../src/core/contract/index.ts';
import { findHeaderRow } from '../../src/core/install.ts';
import { computeProgress } from '../../src/core/progress/index.ts';
import { readSchool } from '../../src/core/read/index.ts';
import { mulberry32, ScriptRunFailure } from '../gas-runtime/index.ts';
import type { FakeSpreadsheet } from '../gas-runtime/index.ts';
import {
  buildDistrict, editSchools, OFFICER, portOf, schoolId, schoolUrl, setSettings, sidebarLoop, type District, type ListRow,
} from '../helpers/district.ts';

const SUMMARY = sheetSpec('unitSummary');
const header = (key: string): string => SUMMARY.columns.find((c) => c.key === key)!.header;
const FIGURES = ['tasksTotal', 'tasksDone', 'tasksDoneOnTime', 'tasksDoneLate', 'tasksOverdue', 'kpiMet', 'kpiNear', 'kpiNotMet', 'kpiNotApplicable', 'kpiNoData', 'initiativesTotal', 'initiativesEligible'] as const;

type Row = Record<string, unknown>;

/** `Tổng hợp đơn vị` as the officer sees it: one object per school row, by the sheet's own headers. */
function summaryTable(d: District): Row[] {
  return d.rt.core.uncounted(() => {
    const sheet = d.district.getSheetByName(SUMMARY.name);
    if (!sheet) return [];
    const values = sheet.getDataRange().getValues() as unknown[][];
    const [head, ...rows] = values;
    return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i]])));
  });
}

/** The table without the columns that say when (file change, read time): what must not depend on how the run went. */
const timeless = (rows: Row[]): Row[] => rows.map((r) => {
  const { [header('readAt')]: _a, [header('changedAt')]: _c, ...rest } = r;
  return rest;
});

/** A school's own figures for the district's date (30/06/2024, Quý II), from the core's reader and progress. */
function ownFigures(d: District, ss: FakeSpreadsheet): Record<(typeof FIGURES)[number], number> {
  return d.rt.core.uncounted(() => {
    const p = computeProgress(readSchool(portOf(d.rt, ss), { lang: 'vi', today: '2024-06-30', asOf: '2024-06-30', period: 'Q2' }));
    return {
      tasksTotal: p.tasks.total, tasksDone: p.tasks.done, tasksDoneOnTime: p.tasks.doneOnTime, tasksDoneLate: p.tasks.doneLate, tasksOverdue: p.tasks.overdue,
      kpiMet: p.kpiCounts.met, kpiNear: p.kpiCounts.near, kpiNotMet: p.kpiCounts.notMet, kpiNotApplicable: p.kpiCounts.notApplicable, kpiNoData: p.kpiCounts.noData,
      initiativesTotal: p.initiatives.total, initiativesEligible: p.initiatives.eligible,
    };
  });
}

const figuresOf = (row: Row): Record<string, unknown> => Object.fromEntries(FIGURES.map((k) => [k, row[header(k)]]));

const idOfLink = (link: string): string => /\/d\/([^/]+)/.exec(link)![1]!;

/** Spreadsheets.get answers the fake gave, by spreadsheet ID and code. */
function readsById(d: District, from = 0): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of d.rt.google.log.slice(from)) if (e.api === 'sheets.get' && e.id) out.set(e.id, [...(out.get(e.id) ?? []), e.code]);
  return out;
}

interface ViewValue {
  progress: { running: boolean; done: number; total: number; readRequests: number; byStatus: Record<string, number> } | null;
  schools: { code: string; status: string; message: string; errors: number; reused: boolean }[];
  autoRefresh: { enabled: boolean; scheduled: boolean };
}

const valueOf = (last: { ok: boolean; value?: unknown }): ViewValue => {
  expect(last.ok).toBe(true);
  return last.value as ViewValue;
};

/** Put one cell of a school's `Kế hoạch` on the row of its `n`-th task (host side). */
function setTaskCell(d: District, ss: FakeSpreadsheet, n: number, key: string, value: string | null): void {
  d.rt.core.uncounted(() => {
    const port = portOf(d.rt, ss);
    const spec = sheetSpec('tasks');
    const found = findHeaderRow(port.readSheet(spec.name)!, spec)!;
    port.writeBlock(spec.name, found.row + n, found.columns[key]!, [[value]]);
  });
}

/** The district refresh log rows (Nhật ký) written so far. */
function refreshLogRows(d: District): number {
  return d.rt.core.uncounted(() => {
    const sheet = d.district.getSheetByName(sheetSpec('log').name);
    const values = (sheet?.getDataRange().getValues() ?? []) as unknown[][];
    return values.filter((r) => r.some((v) => String(v) === 'Cập nhật số liệu các đơn vị')).length;
  });
}

describe('a district of a few dozen schools with every failure', () => {
  it('gives each school its status and reason, and each read school its own figures', { timeout: 120_000 }, () => {
    const d = buildDistrict({ schools: 24 });
    const rows: ListRow[] = [...d.list];
    const add = (i: number, o: Parameters<District['addSchool']>[1] = {}, row: Partial<ListRow> = {}): string => {
      const id = d.addSchool(i, o);
      rows.push({ code: `MN${i}`, name: `Trường Mầm non số ${i}`, link: schoolUrl(id), ...row });
      return id;
    };
    const notChosen = add(100, { choose: false });
    const unshared = add(101);
    d.rt.core.uncounted(() => d.rt.google.unshare(unshared, OFFICER));
    rows.push({ code: 'MN102', name: 'Trường Mầm non số 102', link: schoolUrl(schoolId(102)) }); // no such file
    const deleted = add(103);
    d.rt.core.uncounted(() => d.rt.google.deleteFile(deleted));
    rows.push({ code: 'MN104', name: 'Trường Mầm non số 104', link: 'D:\\Truong\\mn104.xlsx' }); // not a Google link
    const noPlan = add(105);
    d.rt.core.uncounted(() => {
      const ss = d.schools.get(noPlan)!;
      ss.deleteSheet(ss.getSheetByName('Kế hoạch')!);
    });
    const newer = add(106);
    d.rt.core.uncounted(() => setSettings(portOf(d.rt, d.schools.get(newer)!), { 'Phiên bản mẫu': TEMPLATE_VERSION + 1 }));
    const oldYear = add(107, { year: 2023 });
    const twin = add(108, { code: 'MN003' }); // its own Mã đơn vị is school 3's
    const broken = add(109);
    setTaskCell(d, d.schools.get(broken)!, 1, 'due', '31/02/2024');
    setTaskCell(d, d.schools.get(broken)!, 2, 'owner', null);
    const flaky = add(110);
    d.rt.core.uncounted(() => d.rt.google.failNext(flaky, 503, 500));
    d.writeList(rows);

    const loop = sidebarLoop(d);
    const view = valueOf(loop.last);
    expect(view.progress).toMatchObject({ running: false, total: rows.length, done: rows.length });

    const status = new Map(view.schools.map((s) => [s.code, s]));
    const expectStatus = (code: string, s: string, message: RegExp | string = ''): void => {
      const got = status.get(code)!;
      expect({ code, status: got.status }).toEqual({ code, status: s });
      if (typeof message === 'string') expect(got.message).toBe(message);
      else expect(got.message).toMatch(message);
    };
    for (let i = 0; i < 24; i++) expectStatus(`MN${String(i).padStart(3, '0')}`, 'ok');
    expectStatus('MN100', 'noAccess', `Chưa chia sẻ với ${OFFICER}, hoặc chưa chọn tệp trong hộp chọn tệp.`);
    expectStatus('MN101', 'noAccess', /^Chưa chia sẻ với /);
    expectStatus('MN102', 'notFound', /^Không tìm thấy "https:\/\/docs\.google\.com\/spreadsheets\/d\/1cchc00102/);
    expectStatus('MN103', 'notFound', /^Không tìm thấy /);
    expectStatus('MN104', 'notFound', 'Không tìm thấy "D:\\Truong\\mn104.xlsx": kiểm tra liên kết trong Danh sách đơn vị.');
    expectStatus('MN105', 'wrongTemplate', /Kế hoạch/);
    expectStatus('MN106', 'wrongTemplate', `Mẫu phiên bản ${TEMPLATE_VERSION + 1} mới hơn phiên bản ${TEMPLATE_VERSION} của đơn vị tổng hợp: cập nhật tiện ích.`);
    expectStatus('MN107', 'otherYear', 'Kế hoạch năm 2023, không phải năm 2024: không tính.');
    expectStatus('MN108', 'duplicate', /^Trùng mã MN003 với https:\/\/docs\.google\.com\/spreadsheets\/d\/1cchc00003/);
    expectStatus('MN109', 'dataErrors', /^Có \d+ lỗi dữ liệu: các dòng lỗi không được tính\.$/);
    expect(status.get('MN109')!.errors).toBeGreaterThanOrEqual(2);
    expectStatus('MN110', 'ok');

    // The table: every school once, in list order, its status in Vietnamese; figures where read.
    const table = summaryTable(d);
    expect(table.map((r) => r[header('unitCode')])).toEqual(rows.map((r) => r.code));
    const label = new Map(table.map((r) => [r[header('unitCode')], r[header('readStatus')]]));
    expect(label.get('MN100')).toBe('Không có quyền truy cập');
    expect(label.get('MN104')).toBe('Không tìm thấy');
    expect(label.get('MN106')).toBe('Sai mẫu');
    expect(label.get('MN107')).toBe('Khác năm');
    expect(label.get('MN108')).toBe('Trùng mã');
    expect(label.get('MN109')).toBe('Có lỗi dữ liệu');
    for (const [i, row] of rows.entries()) {
      const code = row.code;
      const s = status.get(code)!.status;
      const r = table[i]!;
      if (s === 'ok' || s === 'dataErrors' || s === 'otherYear' || s === 'duplicate') {
        expect({ code, ...figuresOf(r) }).toEqual({ code, ...ownFigures(d, d.schools.get(idOfLink(row.link))!) });
      } else {
        expect({ code, figures: figuresOf(r) }).toEqual({ code, figures: Object.fromEntries(FIGURES.map((k) => [k, ''])) });
      }
    }
    // The schools differ from one another (reopened tasks), so equal figures are not a coincidence.
    expect(new Set(table.slice(0, 5).map((r) => r[header('tasksDone')])).size).toBe(5);

    // One request per school with a Google link; the flaky one retried after its 503 and 500.
    const reads = readsById(d);
    expect(reads.get(flaky)).toEqual([503, 500, 200]);
    expect(reads.get(notChosen)).toEqual([403]);
    expect(reads.get(schoolId(102))).toEqual([404]);
    for (const row of rows) {
      if (!row.link.startsWith('https://')) continue;
      const id = idOfLink(row.link);
      if (id !== flaky) expect({ id, n: reads.get(id)?.length }).toEqual({ id, n: 1 });
    }
    expect(d.rt.google.counts.sheetsGet).toBe(rows.length - 1 + 2);
    expect(d.rt.google.counts.quota429).toBe(0);
    void oldYear;
    void twin;
  });
});

describe('500 schools', () => {
  it('completes through the sidebar loop with no unhandled 429, no execution past 6 minutes, each school read once', { timeout: 600_000 }, () => {
    const d = buildDistrict({ schools: 500 });
    // Another user of the project spends 280 of its 300 reads a minute as the refresh starts.
    d.rt.core.uncounted(() => d.rt.google.occupyProjectQuota(280));
    const loop = sidebarLoop(d);
    const view = valueOf(loop.last);
    expect(view.progress).toMatchObject({ running: false, total: 500, done: 500 });
    expect(view.progress!.byStatus).toEqual({ ok: 500 });
    expect(loop.calls).toBeGreaterThan(1); // past one execution
    expect(loop.maxExecutionSeconds).toBeLessThanOrEqual(360);
    const reads = readsById(d);
    expect(reads.size).toBe(500);
    const quota429 = [...reads.values()].flat().filter((c) => c === 429).length;
    expect(quota429).toBe(d.rt.google.counts.quota429);
    // Every school ends read: one 200, and any 429 before it (retried).
    for (const [id, codes] of reads) {
      expect({ id, codes: codes.filter((c) => c !== 429) }).toEqual({ id, codes: [200] });
      expect(codes[codes.length - 1]).toBe(200);
    }
    expect(summaryTable(d)).toHaveLength(500);
  });
});

/**
 * The sidebar loop where executions die: before each call, `kill(call)` may arm the runtime's
 * cut-off (at the n-th service call of that execution, as at the time limit). A failed call is
 * what the sidebar shows as an error; the officer presses the button again.
 */
function killedLoop(d: District, kill: (call: number) => void): { calls: number; failures: number; view: ViewValue } {
  let failures = 0;
  for (let calls = 0; calls < 300; calls++) {
    kill(calls);
    let last: { ok: boolean; value?: unknown };
    try {
      last = d.addon.run('districtRefresh', {}) as { ok: boolean; value?: unknown };
    } catch (e) {
      if (!(e instanceof ScriptRunFailure)) throw e;
      last = { ok: false };
    }
    d.rt.core.interruptAfter(null);
    d.rt.clock.advance(2000);
    if (!last.ok) {
      failures++;
      continue;
    }
    const view = last.value as ViewValue;
    if (!view.progress?.running) return { calls: calls + 1, failures, view };
  }
  throw new Error('killedLoop: no end');
}

describe('an execution cut off at any point', () => {
  const SCHOOLS = 70;
  const plain = (() => {
    let table: Row[] | null = null;
    return (): Row[] => {
      if (!table) {
        const d = buildDistrict({ schools: SCHOOLS });
        valueOf(sidebarLoop(d).last);
        table = timeless(summaryTable(d));
      }
      return table;
    };
  })();

  for (const seed of [1, 4, 5]) {
    it(`resumed by the sidebar loop gives the same table as an uninterrupted run, nothing counted twice (seed ${seed})`, { timeout: 180_000 }, () => {
      const d = buildDistrict({ schools: SCHOOLS });
      const rand = mulberry32(seed);
      // The first call and most later ones die somewhere in their first 150 service calls; some run
      // through (one that does finishes the whole district: 70 schools fit in one execution).
      const out = killedLoop(d, (call) => {
        if (call === 0 || rand() < 0.75) d.rt.core.interruptAfter(1 + Math.floor(rand() * 150));
      });
      expect(out.failures).toBeGreaterThan(0);
      expect(out.view.progress).toMatchObject({ running: false, total: SCHOOLS, done: SCHOOLS });
      expect(out.view.progress!.byStatus).toEqual({ ok: SCHOOLS });
      expect(timeless(summaryTable(d))).toEqual(plain());
      expect(refreshLogRows(d)).toBe(1);
      // A school is read again only when its execution died before its row was written.
      const reads = readsById(d);
      expect(reads.size).toBe(SCHOOLS);
    });
  }

  it('at the 6-minute limit itself (a runtime whose executions end sooner than the step budget): the same table', { timeout: 180_000 }, () => {
    const d = buildDistrict({ schools: SCHOOLS, executionLimitMs: 30_000 });
    const out = killedLoop(d, () => undefined);
    expect(out.failures).toBeGreaterThan(0);
    expect(out.view.progress).toMatchObject({ running: false, total: SCHOOLS, done: SCHOOLS });
    expect(timeless(summaryTable(d))).toEqual(plain());
    expect(refreshLogRows(d)).toBe(1);
  });
});

describe('an incremental refresh', () => {
  it('after one school in ten edits its sheet, reads only those, and the others keep their figures', { timeout: 300_000 }, () => {
    const d = buildDistrict({ schools: 100 });
    valueOf(sidebarLoop(d, { full: true }).last);
    const before = summaryTable(d);
    d.rt.clock.advance(3600_000); // an hour later: the same as-of date
    const positions = [3, 14, 25, 36, 47, 58, 69, 70, 81, 92];
    const edited = new Set(editSchools(d, positions));
    const from = d.rt.google.log.length;
    const sheetsGets = d.rt.google.counts.sheetsGet;
    const view = valueOf(sidebarLoop(d).last);
    expect(view.progress).toMatchObject({ running: false, total: 100, done: 100, reused: 90 });
    expect(d.rt.google.counts.sheetsGet - sheetsGets).toBe(10);
    expect(new Set(readsById(d, from).keys())).toEqual(edited);
    const after = summaryTable(d);
    d.list.forEach((row, i) => {
      const id = idOfLink(row.link);
      const own = ownFigures(d, d.schools.get(id)!);
      expect({ code: row.code, ...figuresOf(after[i]!) }).toEqual({ code: row.code, ...own });
      if (edited.has(id)) {
        expect(figuresOf(after[i]!)).not.toEqual(figuresOf(before[i]!));
        expect(after[i]![header('readAt')]).not.toEqual(before[i]![header('readAt')]);
      } else {
        expect(figuresOf(after[i]!)).toEqual(figuresOf(before[i]!));
      }
    });
    expect(view.schools.filter((s) => s.reused).length).toBe(90);
  });
});

describe('the hourly trigger', () => {
  it('districtAutoRefresh continues a refresh the sidebar left unfinished', { timeout: 300_000 }, () => {
    // The officer's first step is cut off part-way, and the sidebar is closed.
    const e = buildDistrict({ schools: 60, autoRefresh: true });
    e.rt.core.interruptAfter(150);
    let cut = false;
    try {
      const r = e.addon.run('districtRefresh', {}) as { ok: boolean };
      cut = !r.ok;
    } catch (err) {
      cut = err instanceof ScriptRunFailure;
    }
    e.rt.core.interruptAfter(null);
    expect(cut).toBe(true);
    const state = valueOf(e.addon.run('districtState', {}) as { ok: boolean; value?: unknown });
    expect(state.progress?.running).toBe(true);
    expect(state.progress!.done).toBeLessThan(60);
    const triggers = e.rt.triggers.list(OFFICER).filter((t) => t.handler === 'districtAutoRefresh');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]!.clock?.everyHours).toBe(1);
    // An hour later Apps Script runs the trigger's handler (one execution, as the officer).
    e.rt.clock.advance(3600_000);
    const before = e.rt.google.counts.sheetsGet;
    e.addon.call(triggers[0]!.handler);
    const after = valueOf(e.addon.run('districtState', {}) as { ok: boolean; value?: unknown });
    expect(after.progress).toMatchObject({ running: false, total: 60, done: 60 });
    expect(after.progress!.byStatus).toEqual({ ok: 60 });
    // Only the schools the cut-off step had not stored were read by the trigger.
    expect(e.rt.google.counts.sheetsGet - before).toBe(60 - state.progress!.done);
    expect(summaryTable(e)).toHaveLength(60);
    expect(refreshLogRows(e)).toBe(1);
  });
});
