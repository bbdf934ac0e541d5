// Progress against targets: the public API of this folder.

export type * from './types.ts';
export { computeProgress, kpiContextFor } from './compute.ts';
export { taskState, elapsedShare, countedTasks, taskProgress, peopleProgress, TASK_STATES, DUE_SOON_DAYS, BEHIND_POINTS } from './tasks.ts';
export { evaluateKpi, evaluateKpis, countKpis, zeroKpiCounts, kpiContext, activityCounts, judgeNumber, type KpiContext } from './kpis.ts';
export { initiativeProgress, totalScore, isEligible, countedInitiatives, INITIATIVE_STAGES } from './initiatives.ts';
export { computedColumnWrites, applyColumnWrites, kpiValueCell, COMPUTED_COLUMNS, type ColumnWrite } from './writeback.ts';
export {
  buildDashboard,
  dashboardSummary,
  upcomingMilestones,
  milestonesWithRows,
  overdueTasks,
  periodLabel,
  shareDone,
  MILESTONE_WINDOW_DAYS,
  type DashboardSheet,
  type Milestone,
  type MilestoneAt,
  type OverdueTask,
} from './dashboard.ts';
export { textBar } from './cells.ts';
