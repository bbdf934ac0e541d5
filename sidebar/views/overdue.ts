// The overdue tasks, folded until the user opens it (and kept as they left it across redraws);
// each task is a button that selects its row in the plan sheet.

import type { Dashboard } from '../../src/core/api.ts';
import { SHEET_NAMES } from '../../src/core/contract/sheet-names.ts';
import { formatDate } from '../../src/core/parse/date.ts';
import { selectCell } from '../commands/workbook.ts';
import { h } from '../dom.ts';
import { set, state, tr } from '../state.ts';

// The plan sheet's name is fixed by the template contract (the workbook contract), so an overdue task can be
// selected by its row; column A is chosen because the sheet's columns may be reordered.
const PLAN_SHEET = SHEET_NAMES.tasks;

export function overdueView(summary: Dashboard): HTMLElement {
  const n = summary.overdue.length;
  if (n === 0) return h('div', {}, h('h3', {}, tr('overdueHeading', { n })), h('p', { class: 'muted' }, tr('noOverdue')));
  const fold = h(
    'details',
    {
      class: 'fold',
      key: 'overdue-fold',
      on: { toggle: (e) => set({ overdueOpen: (e.target as HTMLDetailsElement).open }) },
    },
    h('summary', { key: 'overdue-summary' }, h('span', { class: 'fold-title' }, tr('overdueHeading', { n }))),
    h(
      'ul',
      { class: 'overdue' },
      ...summary.overdue.map((task) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'item-button',
              key: `overdue-${task.row}`,
              attrs: { type: 'button', 'aria-disabled': String(state.busy !== null) },
              on: { click: () => void selectCell(PLAN_SHEET, `A${task.row}`) },
            },
            h('span', { class: 'item-title data' }, task.title),
            h('span', { class: 'item-meta data' }, tr('overdueItem', { owner: task.owner, due: formatDate(task.due), days: task.daysLate })),
          ),
        ),
      ),
    ),
  );
  fold.open = state.overdueOpen;
  return fold;
}
