// Plan tasks: the `Tình trạng` of each row for an as-of date (the workbook contract `Kế hoạch`) and the
// counts built on it (overall, by area, per owner).

import { AREA_CODES, type AreaCode, type IsoDate, type Person, type Task, type TaskState } from '../model.ts';
import { daysBetween } from './dates.ts';
import { foldNameCached as foldName } from './names.ts';
import { compare, fromNumber, rational, sub, type Rational } from './rational.ts';
import { ownerIndex } from '../read/owners.ts';
import type { PersonProgress, TaskCounts, TaskProgress, TaskRowState } from './types.ts';

/** "Sắp đến hạn": the deadline is the as-of date or at most this many days after it. */
export const DUE_SOON_DAYS = 7;
/** "Chậm tiến độ": % hoàn thành more than this many points below the elapsed share. */
export const BEHIND_POINTS = 20;

/** The seven states in the order of the rules (labels: contract/enums.ts TASK_STATE). */
export const TASK_STATES: readonly TaskState[] = ['cancelled', 'doneOnTime', 'doneLate', 'overdue', 'dueSoon', 'behind', 'onTrack'];

/**
 * The share of the time from Bắt đầu to the deadline that has passed on the as-of date, exactly,
 * in whole calendar days: (as-of − start) ÷ (deadline − start), held to 0..1. On the start day
 * nothing has elapsed; on the deadline all of it has. A task that starts and ends on the same day
 * has elapsed nothing before that day and everything from it.
 */
export function elapsedShare(start: IsoDate, due: IsoDate, asOf: IsoDate): Rational {
  const span = daysBetween(start, due);
  const passed = daysBetween(start, asOf);
  if (passed <= 0) return rational(0n);
  if (passed >= span) return rational(1n);
  return rational(BigInt(passed), BigInt(span));
}

/**
 * `Tình trạng` for the as-of date: the first of the six rules that holds. Null when the row lacks
 * what a state needs (no deadline; Hoàn thành without Ngày hoàn thành): the reader flags those as
 * errors and they stay out of the figures.
 */
export function taskState(task: Task, asOf: IsoDate): TaskState | null {
  // 1. Hủy bỏ
  if (task.status === 'cancelled') return 'cancelled';
  if (task.due === null) return null;
  // 2. Hoàn thành on or before the as-of date: any % typed on it counts as 100%, so only the
  // dates matter. Done after the as-of date, it was still open on that date and goes on to the
  // rules below, as it stood then (the workbook contract `Ngày hoàn thành`).
  const doneLater = task.status === 'done' && task.doneDate !== null && task.doneDate > asOf;
  if (task.status === 'done' && !doneLater) {
    if (task.doneDate === null) return null;
    return task.doneDate <= task.due ? 'doneOnTime' : 'doneLate';
  }
  const daysLeft = daysBetween(asOf, task.due);
  // 3. Deadline strictly before the as-of date; a deadline ON the as-of date is not yet overdue.
  if (daysLeft < 0) return 'overdue';
  // 4. Deadline from the as-of date to 7 days after it, both ends included.
  if (daysLeft <= DUE_SOON_DAYS) return 'dueSoon';
  // 5. Behind: % hoàn thành (empty = 0%) < elapsed share − 20 points, compared exactly. A task
  // done later has no % for the as-of date (its cell says 100% now), so this rule cannot judge it.
  if (task.start !== null && !doneLater) {
    const done = fromNumber(task.percent ?? 0);
    const threshold = sub(elapsedShare(task.start, task.due, asOf), rational(BigInt(BEHIND_POINTS), 100n));
    if (compare(done, threshold) < 0) return 'behind';
  }
  // 6.
  return 'onTrack';
}

export function emptyTaskCounts(): TaskCounts {
  return { total: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 0, cancelled: 0 };
}

function addState(c: TaskCounts, state: TaskState): void {
  c.total++;
  c[state]++;
  if (state === 'doneOnTime' || state === 'doneLate') c.done++;
}

/** A counted task with its state; rows that are blocked or have no state are not here. */
export interface CountedTask {
  task: Task;
  state: TaskState;
}

/** The tasks that count in the figures, in sheet order. */
export function countedTasks(tasks: readonly Task[], asOf: IsoDate): CountedTask[] {
  const out: CountedTask[] = [];
  for (const task of tasks) {
    if (task.blocked) continue;
    const state = taskState(task, asOf);
    if (state !== null) out.push({ task, state });
  }
  return out.sort((a, b) => a.task.row - b.task.row);
}

export function taskProgress(counted: readonly CountedTask[]): TaskProgress {
  const all = emptyTaskCounts();
  const byArea = Object.fromEntries(AREA_CODES.map((a) => [a, emptyTaskCounts()])) as Record<AreaCode, TaskCounts>;
  const rows: TaskRowState[] = [];
  for (const { task, state } of counted) {
    addState(all, state);
    // A task without an area (an error the reader reports) still counts overall.
    if (task.area !== null) addState(byArea[task.area], state);
    rows.push({ row: task.row, state });
  }
  return { ...all, byArea, rows };
}

/**
 * One entry per owner of a counted task, owners matched by folded name. The name shown is the
 * `Nhân sự` spelling when the owner is listed there, else the alphabetically first spelling
 * seen (so the order of rows never changes it). Order: as listed in `Nhân sự`, then the others
 * alphabetically.
 */
export function peopleProgress(counted: readonly CountedTask[], people: readonly Person[]): PersonProgress[] {
  // Owners are resolved as the check resolves them (read/owners.ts): a title one person holds is
  // that person, and every person a cell names is credited with the task.
  const owners = ownerIndex(people);
  const staffOrder = new Map<string, number>();
  people.forEach((p, index) => {
    const key = foldName(p.name);
    if (key !== '' && !staffOrder.has(key)) staffOrder.set(key, index);
  });
  const byKey = new Map<string, PersonProgress>();
  for (const { task, state } of counted) {
    for (const owner of owners.resolve(task.owner)) {
      const key = foldName(owner.name);
      if (key === '') continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { name: owner.name, total: 0, done: 0, doneOnTime: 0, doneAhead: 0, overdue: 0 };
        byKey.set(key, entry);
      } else if (!staffOrder.has(key) && owner.name < entry.name) {
        // Not in Nhân sự: the same spelling whatever the row order.
        entry.name = owner.name;
      }
      entry.total++;
      if (state === 'doneOnTime' || state === 'doneLate') entry.done++;
      if (state === 'doneOnTime') entry.doneOnTime++;
      if (state === 'overdue') entry.overdue++;
      if (state === 'doneOnTime' && task.doneDate !== null && task.due !== null && task.doneDate < task.due) entry.doneAhead++;
    }
  }
  const rank = (key: string): number => staffOrder.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => rank(ka) - rank(kb) || a.name.localeCompare(b.name, 'vi') || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, entry]) => entry);
}
