// The district's shapes (the CLI contract's `aggregate` JSON, the district workbook): one result
// per school, never an exception; the aggregate over them. Keys in English, enums as the CLI
// contract lists them; Vietnamese only in `message`.

import type { UnitReadStatus } from '../contract/enums.ts';
import type { IsoDate, PeriodCode } from '../model.ts';
import type { InitiativeProgress, KpiCounts, KpiProgress, TaskProgress } from '../progress/types.ts';

/**
 * A school's read status (`Tổng hợp đơn vị` › Trạng thái đọc):
 * - `ok` / `dataErrors`: read; counted (with errors, as the school's own workbook counts them);
 * - `noAccess`, `notFound`, `unreadable` (not a workbook, or damaged), `wrongTemplate` (a template
 *   sheet or column missing, or a newer template): not read;
 * - `otherYear` (its `Năm` is not the district's), `duplicate` (a code already read): read, not counted.
 * The words are the contract's (contract/enums.ts UNIT_READ_STATUS).
 */
export type SchoolStatus = UnitReadStatus;

/** Counted in the district's figures. */
export const isCounted = (s: SchoolStatus): boolean => s === 'ok' || s === 'dataErrors';

/** `tasks` of `progress --json` without `rows`. */
export type SchoolTasks = Omit<TaskProgress, 'rows'>;

/** What `progress --json` gives for the school at the district's as-of date (for `ok`, `dataErrors`, `otherYear`, `duplicate`). */
export interface SchoolFigures {
  tasks: SchoolTasks;
  kpiCounts: KpiCounts;
  kpis: KpiProgress[];
  initiatives: InitiativeProgress;
}

/** One school in `aggregate --json` `schools[]` and in one `--ndjson` line. */
export interface SchoolResult extends Partial<SchoolFigures> {
  /** The list's `Mã đơn vị`, else the school's own. */
  code: string;
  /** The list's `Tên đơn vị`, else the school's own. */
  name: string;
  /** The list's `Liên kết` (a URL, an ID or a path), as typed. */
  source: string;
  status: SchoolStatus;
  /** What it means and what to do, in the district's language ('' when `ok`). */
  message: string;
  /** The school's own `Mã đơn vị` (the code `duplicate` compares), '' when not read. */
  ownCode: string;
  templateVersion: number | null;
  /** The school's `Năm`, null when not read. */
  year: number | null;
  /** Errors in its data (`validate`'s error count), 0 when not read. */
  errors: number;
  /** When its file last changed (ISO with offset), null when unknown. */
  changedAt: string | null;
  /** When it was read (ISO with offset); for a reused result, when it was read then. */
  readAt: string | null;
  /** An incremental run kept the figures of an unchanged file. */
  reused: boolean;
}

/** The wording of each target, by code (for `Chỉ tiêu toàn đơn vị`): the first school's. */
export type KpiTitles = Record<string, string>;

export interface DistrictTotals {
  schools: number;
  read: number;
  failed: number;
  tasks: SchoolTasks;
  kpiCounts: KpiCounts;
}

/** `aggregate --json`. */
export interface DistrictAggregate {
  asOf: IsoDate;
  period: PeriodCode;
  unit: { code: string; name: string };
  schools: SchoolResult[];
  totals: DistrictTotals;
  /** Per target code, how the counted schools stand. */
  kpis: Record<string, KpiCounts>;
  stats: { filesRead: number; reused: number; ms: number };
}
