// All figures of a school for its reporting frame (the CLI contract (README) `progress`).

import type { ReportingFrame } from '../frame.ts';
import type { SchoolData } from '../model.ts';
import { initiativeProgress } from './initiatives.ts';
import { countKpis, evaluateKpis, kpiContext, type KpiContext } from './kpis.ts';
import { countedTasks, peopleProgress, taskProgress } from './tasks.ts';
import type { Progress } from './types.ts';

/** The context targets are judged in: the school's frame, tolerance and activities. */
export function kpiContextFor(data: SchoolData): KpiContext {
  return kpiContext({ frame: data.frame, tolerance: data.settings.tolerance, activities: data.activities });
}

/**
 * The figures for the frame the school was read for (`data.frame`): the reader and the figures
 * cannot be for two different dates.
 */
export function computeProgress(data: SchoolData): Progress {
  const frame: ReportingFrame = data.frame;
  const counted = countedTasks(data.tasks, frame.asOf);
  const kpis = evaluateKpis(data.kpis, kpiContextFor(data)).map((k) => k.kpi);
  return {
    templateVersion: data.templateVersion,
    asOf: frame.asOf,
    period: frame.period,
    unit: { code: data.settings.unitCode, name: data.settings.unitName },
    tasks: taskProgress(counted),
    kpis,
    kpiCounts: countKpis(kpis),
    people: peopleProgress(counted, data.people),
    initiatives: initiativeProgress(data.initiatives, data.settings.minAwardScore, frame.asOf),
  };
}
