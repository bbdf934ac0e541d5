// District test material: sample schools in memory (installed and filled as a principal would),
// an installed district workbook with its list, the district's frame, and hand-made results.

import { installTemplate } from '../../../src/core/install.ts';
import { fillSample, SAMPLE_SCHOOL } from '../../../src/core/sample.ts';
import { reportingFrame } from '../../../src/core/frame.ts';
import { readSchoolForDistrict, type SchoolOpening, type SchoolRead, type SchoolRef } from '../../../src/core/district/index.ts';
import type { SchoolResult, SchoolTasks } from '../../../src/core/district/types.ts';
import { sheetSpec } from '../../../src/core/contract/index.ts';
import { AREA_CODES } from '../../../src/core/model.ts';
import type { KpiCounts, KpiProgress, TaskCounts } from '../../../src/core/progress/types.ts';
import type { WriteCell } from '../../../src/core/ports.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';

export const AS_OF = SAMPLE_SCHOOL.asOf;
export const READ_AT = '2024-06-30T09:15:00+07:00';
/** The district's frame: 2024, as of 30/06/2024, Quý II. */
export const FRAME = reportingFrame(AS_OF, 2024, { asOf: AS_OF });

/** A `Thông tin` value rewritten the way a user would (the row found by its `Mục`). */
export function setSetting(port: MemoryWorkbook, label: string, value: WriteCell): void {
  const grid = port.readSheet('Thông tin')!;
  const row = grid.values.findIndex((line) => line[0] === label);
  if (row < 0) throw new Error(`no setting ${label}`);
  port.writeBlock('Thông tin', row + 1, 2, [[value]]);
}

/** The sample school (Trường Mầm non Bến Thành, 2024), installed and filled in memory. */
export function sampleSchool(o: { code?: string; name?: string; year?: WriteCell } = {}): MemoryWorkbook {
  const port = new MemoryWorkbook();
  installTemplate(port, { lang: 'vi', today: AS_OF, name: SAMPLE_SCHOOL.name, code: SAMPLE_SCHOOL.code, year: SAMPLE_SCHOOL.year });
  fillSample(port);
  if (o.code !== undefined) setSetting(port, 'Mã đơn vị', o.code);
  if (o.name !== undefined) setSetting(port, 'Tên đơn vị', o.name);
  if (o.year !== undefined) setSetting(port, 'Năm', o.year);
  return port;
}

/** A cell of `Kế hoạch` by the task's row and the contract column key. */
export function setTaskCell(port: MemoryWorkbook, row: number, key: string, value: WriteCell): void {
  const col = sheetSpec('tasks').columns.findIndex((c) => c.key === key) + 1;
  port.writeBlock('Kế hoạch', row, col, [[value]]);
}

export interface ListRow {
  code: string;
  name?: string;
  source?: string;
  manager?: string;
  email?: string;
  note?: string;
}

/** An installed district workbook (Ủy ban nhân dân phường Tân Hưng, 2024) with its list. */
export function districtBook(list: ListRow[] = [], year: number = 2024): MemoryWorkbook {
  const port = new MemoryWorkbook();
  installTemplate(port, { lang: 'vi', today: AS_OF, name: 'Ủy ban nhân dân phường Tân Hưng', code: 'TANHUNG', year, kind: 'district' });
  if (list.length > 0) {
    port.writeBlock('Danh sách đơn vị', 2, 1, list.map((r) => [r.code, r.name ?? '', r.source ?? '', r.manager ?? '', r.email ?? '', r.note ?? '']));
  }
  return port;
}

export const opened = (port: MemoryWorkbook, changedAt: string | null = '2024-06-29T10:00:00Z'): SchoolOpening => ({ kind: 'workbook', port, changedAt });

export function readOne(ref: SchoolRef, opening: SchoolOpening): SchoolRead {
  return readSchoolForDistrict(ref, opening, { frame: FRAME, lang: 'vi', readAt: READ_AT });
}

// ---------------------------------------------------------------- hand-made results

const counts = (c: Partial<TaskCounts>): TaskCounts => ({ total: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 0, cancelled: 0, ...c });

/** Tasks with every count given (all in LV1 unless `byArea` says otherwise). */
export function tasks(c: Partial<TaskCounts>, byArea: Partial<Record<(typeof AREA_CODES)[number], Partial<TaskCounts>>> = { LV1: c }): SchoolTasks {
  return { ...counts(c), byArea: Object.fromEntries(AREA_CODES.map((a) => [a, counts(byArea[a] ?? {})])) as SchoolTasks['byArea'] };
}

export const kpi = (code: string, status: KpiProgress['status'], over: Partial<KpiProgress> = {}): KpiProgress => ({
  code, area: 'LV3', kind: 'ratio', direction: '>=', target: 1, value: status === 'met' ? 1 : status === 'noData' || status === 'notApplicable' ? null : 0.8,
  achievement: null, status, ...over,
});

export const kpiCountsOf = (list: KpiProgress[]): KpiCounts => {
  const c: KpiCounts = { met: 0, near: 0, notMet: 0, notApplicable: 0, noData: 0 };
  for (const k of list) c[k.status]++;
  return c;
};

/** A school read, with its figures given by hand. */
export function readResult(code: string, name: string, t: SchoolTasks, kpis: KpiProgress[], o: Partial<SchoolResult> = {}): SchoolResult {
  return {
    code, name, source: `${code.toLowerCase()}.xlsx`, status: 'ok', message: '', ownCode: code, templateVersion: 1, year: 2024, errors: 0,
    changedAt: '2024-06-28T03:30:00Z', readAt: READ_AT, reused: false,
    tasks: t, kpiCounts: kpiCountsOf(kpis), kpis,
    initiatives: { total: 0, eligible: 0, byStage: { registered: 0, inProgress: 0, done: 0, accepted: 0, proposed: 0, recognised: 0, stopped: 0 } },
    ...o,
  };
}

/** A school not read. */
export function failed(code: string, name: string, status: SchoolResult['status'], message: string): SchoolResult {
  return {
    code, name, source: `${code.toLowerCase()}.xlsx`, status, message, ownCode: '', templateVersion: null, year: null, errors: 0,
    changedAt: null, readAt: READ_AT, reused: false,
  };
}
