// `Kế hoạch` → Task rows (the workbook contract). An error keeps the row out of the figures: each field
// feeds the state, the area counts, the people counts or the lists in reports; only an
// over-long output, evidence or note breaks none.

import { TASK_STATUS } from '../contract/enums.ts';
import type { ReportingFrame } from '../frame.ts';
import type { Task } from '../model.ts';
import { formatDate } from '../parse/date.ts';
import { formatPercent } from '../parse/decimal.ts';
import type { Table } from './table.ts';

const FREE_TEXT = ['output', 'evidence', 'note'];

/** `planYear`: `Năm` as typed (null when empty or wrong: then no deadline is "before the plan year"). */
export function readTasks(table: Table, frame: ReportingFrame, planYear: number | null = frame.year): Task[] {
  const tasks: Task[] = [];
  const lang = table.lang;
  for (const r of table.rows()) {
    const stt = r.text('stt');
    const area = r.area('area');
    const title = r.text('title');
    const owner = r.text('owner');
    const support = r.text('support');
    const start = r.date('start');
    const due = r.date('due');
    if (start !== null && due !== null && due < start) {
      r.issue('due', 'error', 'DUE_BEFORE_START', { due: formatDate(due), start: formatDate(start) });
    }
    const output = r.text('output');
    const status = r.enumOf('status', TASK_STATUS, 'notStarted');
    // A task still open whose deadline lies in an earlier year than the plan's: carried over by
    // `Năm mới` (core/rollover) with its old deadline, for the user to review (not an error).
    // Without a typed plan year the frame's stand-in year (the as-of date's) says nothing of it.
    if (planYear !== null && due !== null && due < `${planYear}-01-01` && status !== 'done' && status !== 'cancelled') {
      r.issue('due', 'warning', 'DUE_IN_PAST_YEAR', { due: formatDate(due), dueYear: due.slice(0, 4), year: planYear });
    }
    const typedPercent = r.ratio('percent');
    let percent = typedPercent === null ? null : Number(typedPercent.text);
    // Done after the as-of date is no problem: on that date it was open (progress/tasks.ts).
    const doneDate = r.pastDate('doneDate', frame.today);
    const evidence = r.text('evidence');
    const note = r.text('note');

    if (status === 'done') {
      if (typedPercent !== null && typedPercent.text !== '1') {
        r.issue('percent', 'warning', 'DONE_PERCENT_MISMATCH', { percent: formatPercent(typedPercent, lang) });
      }
      percent = 1; // Hoàn thành means 100%
      if (doneDate === null && !r.erred('doneDate')) r.issue('doneDate', 'error', 'DONE_DATE_REQUIRED');
      if (evidence === '') r.issue('evidence', 'warning', 'TASK_EVIDENCE_MISSING');
    }

    tasks.push({
      row: r.row, stt, area, title, owner, support, start, due, output,
      status: status ?? 'notStarted',
      percent, doneDate, evidence, note,
      blocked: r.erredOutside(FREE_TEXT),
    });
  }
  return tasks;
}
