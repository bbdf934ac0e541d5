// The `Tổng hợp` sheet, built whole as a grid (the workbook contract): the as-of date (a date cell at B2,
// contract/sheets.ts DASHBOARD_AS_OF_CELL) and the period; tasks by area with a text bar;
// targets by Đánh giá; initiatives by stage; milestones within 30 days; overdue tasks.
// Deterministic: the same data gives the same grid (no "updated at" here: Nhật ký has it).

import { AREAS, INITIATIVE_STAGE, KPI_STATUS, enumLabel } from '../contract/enums.ts';
import { settingSpec } from '../contract/settings.ts';
import { DASHBOARD_AS_OF_CELL, DASHBOARD_PERIOD_CELL } from '../contract/sheets.ts';
import { AREA_CODES, type IsoDate, type KpiStatus, type Lang, type SchoolData, type Settings, type TaskState } from '../model.ts';
import type { BlockStyle, WriteCell } from '../ports.ts';
import { rectangular, textBar } from './cells.ts';
import { addDays, daysBetween, periodQuarter } from './dates.ts';
import { INITIATIVE_STAGES } from './initiatives.ts';
import type { DashboardSummary, Milestone, OverdueTask, Progress, TaskCounts } from './types.ts';
import { t as message } from '../i18n.ts';
import type { DashboardWord } from '../messages/dashboard.ts';

export type { Milestone, OverdueTask } from './types.ts';


/** Days ahead that count as "upcoming". */
export const MILESTONE_WINDOW_DAYS = 30;



/** A campaign deadline is named as its `Mục` in `Thông tin` (contract/settings.ts). */
const deadlineLabel = (key: keyof Settings, lang: Lang): string => {
  const spec = settingSpec(key);
  return lang === 'vi' ? spec.label : spec.en;
};

/** `Quý II năm 2024` / `Q2 2024`. */
export function periodLabel(period: Progress['period'], year: number, lang: Lang): string {
  const q = periodQuarter(period);
  return message(lang, 'dashboard.periodLabel', { quarter: message(lang, `sidebar.periodShort_Q${q}`), year });
}

/** Share done of a set of tasks: done ÷ (total − cancelled); null when nothing is left to do. */
export function shareDone(c: TaskCounts): number | null {
  const base = c.total - c.cancelled;
  return base > 0 ? c.done / base : null;
}

/** A milestone with the `Kế hoạch` row it comes from (null for a campaign deadline). */
export interface MilestoneAt extends Milestone {
  row: number | null;
  owner: string;
}

/**
 * Campaign deadlines from `Thông tin` and the deadlines of open tasks (not done, not
 * cancelled) from the as-of date to 30 days after it, soonest first (campaign deadlines first
 * on the same day, then tasks in sheet order).
 */
export function milestonesWithRows(data: SchoolData, progress: Progress, lang: Lang): MilestoneAt[] {
  const { asOf } = progress;
  const until = addDays(asOf, MILESTONE_WINDOW_DAYS);
  const within = (d: IsoDate | null): d is IsoDate => d !== null && d >= asOf && d <= until;
  const out: MilestoneAt[] = [];
  const s = data.settings;
  const campaign: [keyof Settings, Milestone['kind']][] = [
    ['registrationDeadline', 'registration'],
    ['phase1Deadline', 'phase1'],
    ['phase2Deadline', 'phase2'],
    ['awardDossierDeadline', 'awardDossier'],
  ];
  for (const [key, kind] of campaign) {
    const date = s[key] as IsoDate | null;
    if (within(date)) out.push({ date, kind, label: deadlineLabel(key, lang), row: null, owner: '' });
  }
  const open = new Set<TaskState>(['overdue', 'dueSoon', 'behind', 'onTrack']);
  const stateByRow = new Map(progress.tasks.rows.map((r) => [r.row, r.state]));
  for (const t of data.tasks) {
    const state = stateByRow.get(t.row);
    if (state === undefined || !open.has(state) || !within(t.due)) continue;
    out.push({ date: t.due, kind: 'taskDue', label: t.title, row: t.row, owner: t.owner });
  }
  const rank = (m: MilestoneAt): number => m.row ?? 0;
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank(a) - rank(b)));
}

/** Upcoming milestones as the sidebar gets them (api.ts `Dashboard`). */
export const upcomingMilestones = (data: SchoolData, progress: Progress, lang: Lang): Milestone[] =>
  milestonesWithRows(data, progress, lang).map(({ date, label, kind }) => ({ date, label, kind }));

/** Counted tasks whose state is `overdue`, most late first. */
export function overdueTasks(data: SchoolData, progress: Progress): OverdueTask[] {
  const overdueRows = new Set(progress.tasks.rows.filter((r) => r.state === 'overdue').map((r) => r.row));
  const out: OverdueTask[] = [];
  for (const t of data.tasks) {
    if (!overdueRows.has(t.row) || t.due === null) continue;
    out.push({ row: t.row, title: t.title, owner: t.owner, due: t.due, daysLate: daysBetween(t.due, progress.asOf) });
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || a.row - b.row);
}

/** What the sidebar shows (api.ts `dashboardSchema` checks it on the way out). */
export function dashboardSummary(data: SchoolData, progress: Progress, lang: Lang): DashboardSummary {
  const { total: _t, done: _d, byArea: _a, rows: _r, ...byState } = progress.tasks;
  return {
    asOf: progress.asOf,
    period: progress.period,
    tasks: { total: progress.tasks.total, done: progress.tasks.done, byState },
    kpis: { total: progress.kpis.length, byStatus: progress.kpiCounts },
    milestones: upcomingMilestones(data, progress, lang),
    overdue: overdueTasks(data, progress),
  };
}

export interface DashboardSheet {
  values: WriteCell[][];
  /** Parallel to values; '' leaves a cell's format alone. */
  formats: string[][];
  style: BlockStyle;
}

const SECTION_COLOR = '#d9ead3';
const HEADER_COLOR = '#f3f3f3';
const TITLE_COLOR = '#cfe2f3';
const DATE_FORMAT = 'dd/mm/yyyy';
/** Column of the task bars (after the five counts). */
const BAR_COL = 7;

/** The whole `Tổng hợp` sheet. */
export function buildDashboard(data: SchoolData, progress: Progress, lang: Lang): DashboardSheet {
  const rows: WriteCell[][] = [];
  const formats = new Map<string, string>();
  const bold: number[] = [];
  const backgrounds: { row: number; color: string }[] = [];
  const year = data.settings.year ?? Number(progress.asOf.slice(0, 4));
  const push = (cells: WriteCell[]): number => rows.push(cells);
  const section = (title: string): void => {
    push([]);
    const r = push([title]);
    bold.push(r);
    backgrounds.push({ row: r, color: SECTION_COLOR });
  };
  const header = (cells: string[]): void => {
    const r = push(cells);
    bold.push(r);
    backgrounds.push({ row: r, color: HEADER_COLOR });
  };
  const date = (d: IsoDate, col: number, row: number): WriteCell => {
    formats.set(`${row},${col}`, DATE_FORMAT);
    return { date: d };
  };

  const t = (k: DashboardWord, params?: Record<string, number>): string => message(lang, `dashboard.${k}`, params);
  const r1 = push([t('title')]);
  bold.push(r1);
  backgrounds.push({ row: r1, color: TITLE_COLOR });
  // Row 2: the as-of date as a real date cell at its fixed address (the conditional colours of
  // Kế hoạch read it), each value after its label; then the unit.
  const asOfRow: WriteCell[] = [];
  const { row: asOfAt, col: asOfCol } = DASHBOARD_AS_OF_CELL;
  const { col: periodCol } = DASHBOARD_PERIOD_CELL;
  asOfRow[asOfCol - 2] = t('asOf');
  asOfRow[asOfCol - 1] = date(progress.asOf, asOfCol, asOfAt);
  asOfRow[periodCol - 2] = t('period');
  asOfRow[periodCol - 1] = periodLabel(progress.period, year, lang);
  if (push(Array.from(asOfRow, (v) => v ?? null)) !== asOfAt) throw new Error('Tổng hợp: the as-of date is not on its row');
  push([progress.unit.name]);

  // 1. tasks by area
  section(t('tasksTitle'));
  header([t('area'), t('total'), t('done'), t('onTime'), t('late'), t('overdue'), t('shareDone')]);
  const taskLine = (label: string, c: TaskCounts): WriteCell[] => [label, c.total, c.done, c.doneOnTime, c.doneLate, c.overdue, textBar(shareDone(c))];
  for (const code of AREA_CODES) {
    const a = AREAS.find((x) => x.code === code);
    push(taskLine(a ? `${a.number}. ${a[lang]}` : code, progress.tasks.byArea[code]));
  }
  bold.push(push(taskLine(t('sum'), progress.tasks)));

  // 2. targets by evaluation
  section(t('kpisTitle'));
  // Every bar sits in the one monospace column, under section 1's.
  const withBar = (label: string, n: number, bar: string): WriteCell[] => {
    const line: WriteCell[] = Array.from({ length: BAR_COL }, () => null);
    line[0] = label;
    line[1] = n;
    line[BAR_COL - 1] = bar;
    return line;
  };
  const shareHeader = (first: string): string[] => {
    const line = Array.from({ length: BAR_COL }, () => '');
    line[0] = first;
    line[1] = t('count');
    line[BAR_COL - 1] = t('share');
    return line;
  };
  header(shareHeader(t('evaluation')));
  const kpiTotal = progress.kpis.length;
  const statuses: KpiStatus[] = ['met', 'near', 'notMet', 'notApplicable', 'noData'];
  for (const s of statuses) {
    const n = progress.kpiCounts[s];
    push(withBar(enumLabel(KPI_STATUS, s, lang), n, textBar(kpiTotal > 0 ? n / kpiTotal : null)));
  }
  bold.push(push([t('sum'), kpiTotal]));

  // 3. initiatives by stage
  section(t('initiativesTitle'));
  header(shareHeader(t('stage')));
  const ini = progress.initiatives;
  for (const s of INITIATIVE_STAGES) {
    push(withBar(enumLabel(INITIATIVE_STAGE, s, lang), ini.byStage[s], textBar(ini.total > 0 ? ini.byStage[s] / ini.total : null)));
  }
  bold.push(push([t('sum'), ini.total]));
  push([t('eligible'), ini.eligible]);

  // 4. upcoming milestones
  section(t('milestonesTitle', { days: MILESTONE_WINDOW_DAYS }));
  const milestones = milestonesWithRows(data, progress, lang);
  if (milestones.length === 0) push([t('none')]);
  else {
    header([t('milestone'), t('date'), t('daysLeft'), t('owner')]);
    for (const m of milestones) {
      const r = rows.length + 1;
      push([m.label, date(m.date, 2, r), daysBetween(progress.asOf, m.date), m.owner]);
    }
  }

  // 5. overdue tasks
  section(t('overdueTitle'));
  const overdue = overdueTasks(data, progress);
  if (overdue.length === 0) push([t('none')]);
  else {
    header([t('task'), t('due'), t('daysLate'), t('owner'), t('row')]);
    for (const o of overdue) {
      const r = rows.length + 1;
      push([o.title, date(o.due, 2, r), o.daysLate, o.owner, o.row]);
    }
  }

  const values = rectangular(rows, null as WriteCell);
  const gridFormats = values.map((line, i) => line.map((_, j) => formats.get(`${i + 1},${j + 1}`) ?? ''));
  return {
    values,
    formats: gridFormats,
    style: {
      boldRows: bold,
      rowBackgrounds: backgrounds,
      columnWidths: [
        { col: 1, width: 420 },
        // Wide enough for the longest header of these columns (`Số ngày quá hạn`) in bold.
        ...[2, 3, 4, 5, 6].map((col) => ({ col, width: 120 })),
        { col: BAR_COL, width: 170 },
      ],
      // Bars line up only in a fixed-width font; they all sit in one column.
      monospaceColumns: [BAR_COL],
    },
  };
}
