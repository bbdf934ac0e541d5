// Where a district refresh stands: what the sidebar shows (a bar, the school being read, the
// schools by status) and what a resumed step continues from. Plain JSON: it crosses
// google.script.run and HTTP, and is kept in document properties between executions.

import type { IsoDate, PeriodCode } from '../model.ts';
import type { SchoolStatus } from './types.ts';

export interface RefreshProgress {
  asOf: IsoDate;
  period: PeriodCode;
  /** True while schools are left to read: the sidebar (or the hourly trigger) calls again. */
  running: boolean;
  /** Schools in the list (rows that can be read). */
  total: number;
  /** Schools settled in this refresh (read, reused or failed for good). */
  done: number;
  /** Of `done`, kept from the stored reads because the file did not change. */
  reused: number;
  /** The school being read, or null. */
  current: { code: string; name: string } | null;
  /** When this refresh started, and when it last moved (ISO with offset). */
  startedAt: string | null;
  updatedAt: string | null;
  /** Read requests sent in this refresh, and answers 429 (retried). */
  readRequests: number;
  quotaErrors: number;
  /** How many schools stand in each status now (after the refresh so far). */
  byStatus: Partial<Record<SchoolStatus, number>>;
}
