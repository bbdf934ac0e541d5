// All figures of a school for an as-of date and a report period (CLI.md `progress`).

import type { IsoDate, PeriodCode, SchoolData } from '../model.ts';
import { periodQuarter, quarterEnd, yearOf } from './dates.ts';
import { initiativeProgress } from './initiatives.ts';
import { countKpis, evaluateKpis, kpiContext, type KpiContext } from './kpis.ts';
import { countedTasks, peopleProgress, taskProgress } from './tasks.ts';
import type { Progress } from './types.ts';

export interface ProgressOptions {
  asOf: IsoDate;
  period: PeriodCode;
}

/** The plan year: `Năm` from `Thông tin`, else the as-of date's year. */
export const planYear = (data: SchoolData, asOf: IsoDate): number => data.settings.year ?? yearOf(asOf);

/** TEMPLATE.md: when the period ends before the as-of date, the as-of date becomes the period's end. */
export function effectiveAsOf(asOf: IsoDate, period: PeriodCode, year: number): IsoDate {
  const end = quarterEnd(year, periodQuarter(period));
  return end < asOf ? end : asOf;
}

/** The context targets are judged in, for the effective as-of date. */
export function kpiContextFor(data: SchoolData, opts: ProgressOptions): KpiContext {
  const year = planYear(data, opts.asOf);
  return kpiContext({
    asOf: effectiveAsOf(opts.asOf, opts.period, year),
    period: opts.period,
    year,
    tolerance: data.settings.tolerance,
    activities: data.activities,
  });
}

export function computeProgress(data: SchoolData, opts: ProgressOptions): Progress {
  const year = planYear(data, opts.asOf);
  const asOf = effectiveAsOf(opts.asOf, opts.period, year);
  const counted = countedTasks(data.tasks, asOf);
  const kpis = evaluateKpis(data.kpis, kpiContextFor(data, opts)).map((k) => k.kpi);
  return {
    templateVersion: data.templateVersion,
    asOf,
    period: opts.period,
    unit: { code: data.settings.unitCode, name: data.settings.unitName },
    tasks: taskProgress(counted),
    kpis,
    kpiCounts: countKpis(kpis),
    people: peopleProgress(counted, data.people),
    initiatives: initiativeProgress(data.initiatives, data.settings.minAwardScore),
  };
}
