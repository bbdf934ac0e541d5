// "Tình hình": the school's status at a glance for the as-of date: data errors, tasks by state,
// targets by status (as bars), milestones, and the folded overdue list.

import type { Dashboard, DataErrors } from '../../src/core/api.ts';
import { formatDate } from '../../src/core/parse/date.ts';
import { h } from '../dom.ts';
import { tr } from '../state.ts';
import { overdueView } from './overdue.ts';

const TASK_STATES = ['overdue', 'dueSoon', 'behind', 'onTrack', 'doneOnTime', 'doneLate', 'cancelled'] as const;
const KPI_STATUSES = ['met', 'near', 'notMet', 'notApplicable', 'noData'] as const;

function bars(rows: { id: string; label: string; value: number }[], total: number): HTMLElement {
  const list = h('ul', { class: 'bars' });
  for (const row of rows) {
    const share = total > 0 ? Math.round((row.value / total) * 100) : 0;
    const fill = h('span', { class: `bar-fill fill-${row.id}` });
    fill.style.width = `${share}%`;
    list.append(
      h(
        'li',
        { class: 'bar-row', attrs: { 'data-id': row.id } },
        h('span', { class: 'bar-label' }, row.label),
        h('span', { class: 'bar-count' }, row.value),
        h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
      ),
    );
  }
  return list;
}

export function summaryView(summary: Dashboard, errors: DataErrors | null): HTMLElement {
  const tasks = summary.tasks;
  const kpis = summary.kpis;
  const milestones = summary.milestones.length
    ? h(
        'ul',
        { class: 'milestones' },
        ...summary.milestones.map((m) =>
          h('li', { attrs: { 'data-kind': m.kind } }, h('time', { attrs: { datetime: m.date } }, formatDate(m.date)), h('span', { class: 'data' }, m.label)),
        ),
      )
    : h('p', { class: 'muted' }, tr('noMilestones'));

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-status' } },
    h('h2', { attrs: { id: 'h-status' } }, tr('statusHeading')),
    errors && errors.errors > 0
      ? h('p', { class: 'status-errors' }, errors.rowsLeftOut > 0 ? tr('statusErrors', { n: errors.errors, rows: errors.rowsLeftOut }) : tr('statusErrorsNoRows', { n: errors.errors }))
      : null,
    h('h3', {}, tr('tasksHeading', { n: tasks.total })),
    bars(
      TASK_STATES.map((s) => ({ id: s, label: tr(`state_${s}`), value: tasks.byState[s] })),
      tasks.total,
    ),
    h('h3', {}, tr('kpisHeading', { n: kpis.total })),
    bars(
      KPI_STATUSES.map((s) => ({ id: s, label: tr(`kpi_${s}`), value: kpis.byStatus[s] })),
      kpis.total,
    ),
    h('h3', {}, tr('milestonesHeading')),
    milestones,
    overdueView(summary),
  );
}
