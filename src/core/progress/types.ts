// The figures of `cchc progress --json` (the CLI contract (README)), exactly: keys in English, enums as the CLI contract (README) says.
// Reports, the dashboard, the sidebar and the district aggregation all build on this shape, so
// a key added here is a key added to the public JSON: add nothing that the CLI contract (README) does not list.

import type {
  AreaCode,
  InitiativeStage,
  IsoDate,
  KpiDirection,
  KpiKind,
  KpiStatus,
  PeriodCode,
  TaskState,
} from '../model.ts';

/** The counters of `tasks` and of each `tasks.byArea` entry. `total` = the seven states summed. */
export interface TaskCounts {
  total: number;
  /** doneOnTime + doneLate */
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  behind: number;
  onTrack: number;
  cancelled: number;
}

export interface TaskRowState {
  /** 1-based row in `Kế hoạch`. */
  row: number;
  state: TaskState;
}

export interface TaskProgress extends TaskCounts {
  /** All eight areas LV1…LV8 always present. */
  byArea: Record<AreaCode, TaskCounts>;
  /** Counted rows, in sheet order. */
  rows: TaskRowState[];
}

export interface KpiProgress {
  code: string;
  area: AreaCode | null;
  kind: KpiKind;
  direction: KpiDirection;
  /** ratio: fraction (1 = 100%); count: number; yes/no: true/false; rating: level name. */
  target: number | boolean | string | null;
  /** As target; null when there is no data (and for `notApplicable` ratios). */
  value: number | boolean | string | null;
  /** value ÷ target, for ratio and count with direction `>=` and target > 0; else null. */
  achievement: number | null;
  status: KpiStatus;
  /** Only for `Từng quý` targets. */
  quarters?: { judged: number; met: number };
}

export interface KpiCounts {
  met: number;
  near: number;
  notMet: number;
  notApplicable: number;
  noData: number;
}

export interface PersonProgress {
  name: string;
  total: number;
  done: number;
  doneOnTime: number;
  /** Done strictly before the deadline. */
  doneAhead: number;
  overdue: number;
}

export interface InitiativeProgress {
  total: number;
  byStage: Record<InitiativeStage, number>;
  /** How many are `Đủ điều kiện` for an award proposal. */
  eligible: number;
}

export interface Progress {
  templateVersion: number | null;
  /** The effective as-of date (the period's end when the period ends earlier). */
  asOf: IsoDate;
  period: PeriodCode;
  unit: { code: string; name: string };
  tasks: TaskProgress;
  kpis: KpiProgress[];
  kpiCounts: KpiCounts;
  people: PersonProgress[];
  initiatives: InitiativeProgress;
}

/** A coming date: a campaign deadline from `Thông tin`, or a task's deadline. */
export interface Milestone {
  date: IsoDate;
  /** In the user's language, e.g. `Hạn báo cáo đợt 1` or the task's title. */
  label: string;
  kind: 'registration' | 'phase1' | 'phase2' | 'awardDossier' | 'taskDue';
}

export interface OverdueTask {
  /** Row in `Kế hoạch` (1-based). */
  row: number;
  title: string;
  owner: string;
  due: IsoDate;
  /** Whole days from the deadline to the as-of date (≥ 1). */
  daysLate: number;
}

/** The school's status at a glance (what `Tổng hợp` shows, trimmed for a 300-px sidebar). */
export interface DashboardSummary {
  asOf: IsoDate;
  period: PeriodCode;
  tasks: { total: number; done: number; byState: Omit<TaskCounts, 'total' | 'done'> };
  kpis: { total: number; byStatus: KpiCounts };
  milestones: Milestone[];
  overdue: OverdueTask[];
}
