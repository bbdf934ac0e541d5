import { describe, expect, it } from 'vitest';
import { elapsedShare, peopleProgress, taskProgress, taskState, countedTasks } from '../../../src/core/progress/tasks.ts';
import { toNumber } from '../../../src/core/progress/rational.ts';
import type { Task, TaskState } from '../../../src/core/model.ts';
import { task } from './fixtures.ts';

const AS_OF = '2024-06-30';

describe('taskState: the six Tình trạng rules, first that holds', () => {
  const cases: [string, Partial<Task>, TaskState | null][] = [
    ['Hủy bỏ wins over a past deadline', { status: 'cancelled', due: '2024-01-01' }, 'cancelled'],
    ['Hủy bỏ wins over Hoàn thành dates', { status: 'cancelled', doneDate: '2024-05-01' }, 'cancelled'],
    ['done before the deadline', { status: 'done', due: '2024-06-10', doneDate: '2024-06-01' }, 'doneOnTime'],
    ['done ON the deadline is on time', { status: 'done', due: '2024-06-10', doneDate: '2024-06-10' }, 'doneOnTime'],
    ['done the day after the deadline is late', { status: 'done', due: '2024-06-10', doneDate: '2024-06-11' }, 'doneLate'],
    ['done with 60% typed still counts as done', { status: 'done', due: '2024-06-10', doneDate: '2024-06-01', percent: 0.6 }, 'doneOnTime'],
    ['done with a future deadline is done, not due soon', { status: 'done', due: '2024-07-02', doneDate: '2024-06-20' }, 'doneOnTime'],
    ['deadline the day before the as-of date is overdue', { due: '2024-06-29' }, 'overdue'],
    ['deadline ON the as-of date is not overdue but due soon', { due: '2024-06-30' }, 'dueSoon'],
    ['deadline 7 days after is due soon', { due: '2024-07-07' }, 'dueSoon'],
    ['deadline 8 days after is not due soon', { due: '2024-07-08' }, 'onTrack'],
    ['paused past its deadline is overdue', { status: 'paused', due: '2024-06-01' }, 'overdue'],
    ['not started past its deadline is overdue', { status: 'notStarted', due: '2024-06-01', percent: 1 }, 'overdue'],
    ['overdue beats behind', { due: '2024-06-01', start: '2024-01-01', percent: 0 }, 'overdue'],
    ['due soon beats behind', { due: '2024-07-01', start: '2024-01-01', percent: 0 }, 'dueSoon'],
    // start 2024-06-20, due 2024-07-20: 10 of 30 days elapsed = 33.3…%; minus 20 points = 13.3…%
    ['behind: 13% < 33.3% − 20', { start: '2024-06-20', due: '2024-07-20', percent: 0.13 }, 'behind'],
    ['on track: 14% ≥ 33.3% − 20', { start: '2024-06-20', due: '2024-07-20', percent: 0.14 }, 'onTrack'],
    // start 2024-06-10, due 2024-07-30: 20 of 50 days = 40%; exactly 20 points below is not "more than"
    ['exactly 20 points below is not behind', { start: '2024-06-10', due: '2024-07-30', percent: 0.2 }, 'onTrack'],
    ['a hair more than 20 points below is behind', { start: '2024-06-10', due: '2024-07-30', percent: 0.1999 }, 'behind'],
    ['empty % counts as 0% when time has passed', { start: '2024-06-10', due: '2024-07-30', percent: null }, 'behind'],
    ['no Bắt đầu: never behind', { start: null, due: '2024-12-31', percent: 0 }, 'onTrack'],
    ['start in the future: nothing elapsed', { start: '2024-07-01', due: '2024-12-31', percent: 0 }, 'onTrack'],
    ['start on the as-of date: nothing elapsed', { start: '2024-06-30', due: '2024-12-31', percent: 0 }, 'onTrack'],
    ['no deadline: no state', { due: null }, null],
    ['Hoàn thành without Ngày hoàn thành: no state', { status: 'done', doneDate: null }, null],
    // Done after the as-of date: on that date it was still open, and counts by its deadline.
    ['done after the as-of date, deadline before it: overdue', { status: 'done', due: '2024-06-20', doneDate: '2024-07-05', percent: 1 }, 'overdue'],
    ['done after the as-of date, deadline within 7 days: due soon', { status: 'done', due: '2024-07-03', doneDate: '2024-07-05', percent: 1 }, 'dueSoon'],
    ['done after the as-of date, deadline far: on track', { status: 'done', due: '2024-09-30', doneDate: '2024-07-05', percent: 1 }, 'onTrack'],
    ['done after the as-of date is never judged behind (its % then is unknown)', { status: 'done', start: '2024-01-01', due: '2024-09-30', doneDate: '2024-09-01', percent: 1 }, 'onTrack'],
    ['done ON the as-of date is done', { status: 'done', due: '2024-07-03', doneDate: '2024-06-30' }, 'doneOnTime'],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(taskState(task(over), AS_OF)).toBe(expected);
  });
});

describe('elapsedShare', () => {
  it.each([
    ['2024-06-01', '2024-06-11', '2024-06-01', 0],
    ['2024-06-01', '2024-06-11', '2024-06-06', 0.5],
    ['2024-06-01', '2024-06-11', '2024-06-11', 1],
    ['2024-06-01', '2024-06-11', '2024-07-01', 1],
    ['2024-06-01', '2024-06-11', '2024-05-01', 0],
    ['2024-06-01', '2024-06-01', '2024-06-01', 0],
    ['2024-06-01', '2024-06-01', '2024-06-02', 1],
    // across the leap day: 2024-02-28 → 2024-03-01 is 2 days
    ['2024-02-28', '2024-03-01', '2024-02-29', 0.5],
  ])('from %s to %s on %s is %d', (start, due, asOf, share) => {
    expect(toNumber(elapsedShare(start, due, asOf))).toBe(share);
  });
});

describe('counts', () => {
  const tasks = [
    task({ area: 'LV1', status: 'done', due: '2024-06-10', doneDate: '2024-06-01', owner: 'Lê Thị Hoà' }),
    task({ area: 'LV1', status: 'done', due: '2024-06-10', doneDate: '2024-06-10', owner: 'lê thị hòa' }),
    task({ area: 'LV2', status: 'done', due: '2024-06-10', doneDate: '2024-06-12', owner: 'LÊ THỊ HOÀ' }),
    task({ area: 'LV2', due: '2024-06-01', owner: 'Trần Văn Thúy' }),
    task({ area: 'LV3', status: 'cancelled', owner: 'Trần Văn Thuý' }),
    task({ area: 'LV3', due: '2024-06-01', blocked: true, owner: 'Ghost' }),
    task({ area: null, due: '2024-07-01', owner: 'Trần Văn Thuý' }),
  ];
  const counted = countedTasks(tasks, AS_OF);
  const p = taskProgress(counted);

  it('counts each state, done = on time + late, blocked rows left out', () => {
    expect(p).toMatchObject({ total: 6, done: 3, doneOnTime: 2, doneLate: 1, overdue: 1, dueSoon: 1, behind: 0, onTrack: 0, cancelled: 1 });
    expect(p.rows.map((r) => r.state)).toEqual(['doneOnTime', 'doneOnTime', 'doneLate', 'overdue', 'cancelled', 'dueSoon']);
    expect(p.rows.some((r) => r.row === tasks[5]!.row)).toBe(false);
  });

  it('has all eight areas, each with every counter', () => {
    expect(Object.keys(p.byArea)).toEqual(['LV1', 'LV2', 'LV3', 'LV4', 'LV5', 'LV6', 'LV7', 'LV8']);
    expect(p.byArea.LV1).toEqual({ total: 2, done: 2, doneOnTime: 2, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 0, cancelled: 0 });
    expect(p.byArea.LV2).toMatchObject({ total: 2, done: 1, doneLate: 1, overdue: 1 });
    expect(p.byArea.LV8.total).toBe(0);
  });

  it('matches owners by folded name (case, hòa = hoà, thúy = thuý) and counts done ahead strictly', () => {
    const people = peopleProgress(counted, []);
    expect(people).toHaveLength(2);
    const hoa = people.find((x) => x.name.toLowerCase().startsWith('lê'));
    // Not in Nhân sự: the alphabetically first spelling seen is shown.
    expect(hoa).toEqual({ name: 'LÊ THỊ HOÀ', total: 3, done: 3, doneOnTime: 2, doneAhead: 1, overdue: 0 });
    const thuy = people.find((x) => x.name.startsWith('Trần'));
    expect(thuy).toMatchObject({ total: 3, done: 0, overdue: 1 });
  });

  it('shows the Nhân sự spelling and order when the owner is listed there', () => {
    const people = peopleProgress(counted, [
      { row: 2, name: 'Trần Văn Thuý', title: '', department: '', email: '', role: null },
      { row: 3, name: 'Lê Thị Hoà', title: '', department: '', email: '', role: null },
    ]);
    expect(people.map((x) => x.name)).toEqual(['Trần Văn Thuý', 'Lê Thị Hoà']);
  });

  it('folds NFD-typed owner names too', () => {
    const nfd = countedTasks([task({ owner: 'Lê Thị Hoà'.normalize('NFD') }), task({ owner: 'Lê Thị Hoà' })], AS_OF);
    expect(peopleProgress(nfd, [])).toHaveLength(1);
  });
});
