// "Kiểm tra dữ liệu": mark and clear the problems on the cells, and the problems found, grouped by
// sheet; a problem at a cell is a button that selects that cell in the workbook.

import type { ApiIssue, ApiOutput } from '../../src/core/api.ts';
import { clearMarks, markProblems, selectCell } from '../commands/workbook.ts';
import { h } from '../dom.ts';
import { state, tr } from '../state.ts';
import { actionButton } from './action-button.ts';

const MAX_ISSUES_PER_SHEET = 100;

function issueItem(sheet: string, issue: ApiIssue, key: string): HTMLElement {
  const badge = h('span', { class: `badge badge-${issue.severity}` }, tr(`severity_${issue.severity}`));
  const where = h('span', { class: 'issue-cell' }, issue.cell ?? tr('wholeSheet'), issue.column ? h('span', { class: 'issue-column data' }, ` · ${issue.column}`) : null);
  const message = h('span', { class: 'issue-message data' }, issue.message);
  const cell = issue.cell;
  if (cell === null) return h('li', { class: 'issue' }, h('div', { class: 'item-static' }, badge, ' ', where, message));
  const selected = state.selected === `${sheet}!${cell}`;
  return h(
    'li',
    { class: 'issue' },
    h(
      'button',
      {
        class: `item-button${selected ? ' selected' : ''}`,
        key,
        attrs: {
          type: 'button',
          title: tr('issueGoTo', { cell, sheet }),
          'aria-disabled': String(state.busy !== null),
          ...(selected ? { 'aria-current': 'true' } : {}),
        },
        on: { click: () => void selectCell(sheet, cell) },
      },
      badge,
      ' ',
      where,
      message,
    ),
  );
}

function issuesView(result: ApiOutput<'validate'>): HTMLElement {
  const wrap = h('div', { class: 'issues', attrs: { id: 'issues' } });
  if (result.issues.length === 0) {
    wrap.append(h('p', { class: 'ok', key: 'issues-summary', attrs: { tabindex: '-1' } }, tr('validateNone')));
    return wrap;
  }
  wrap.append(h('p', { class: 'counts', key: 'issues-summary', attrs: { tabindex: '-1' } }, tr('validateCounts', result.counts)));
  const bySheet = new Map<string, ApiIssue[]>();
  for (const issue of result.issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  let sheetIndex = 0;
  for (const [sheet, issues] of bySheet) {
    const headingId = `issues-sheet-${sheetIndex++}`;
    const list = h(
      'ul',
      { class: 'issue-list', attrs: { 'aria-labelledby': headingId } },
      ...issues.slice(0, MAX_ISSUES_PER_SHEET).map((issue, i) => issueItem(sheet, issue, `issue-${headingId}-${i}`)),
    );
    const more = issues.length - MAX_ISSUES_PER_SHEET;
    wrap.append(
      h('h3', { attrs: { id: headingId } }, h('span', { class: 'data' }, sheet), ` (${issues.length})`),
      list,
    );
    if (more > 0) wrap.append(h('p', { class: 'muted' }, `+${more}`));
  }
  return wrap;
}

export function problemsView(): HTMLElement {
  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-check' } },
    h('h2', { attrs: { id: 'h-check' } }, tr('checkHeading')),
    h(
      'div',
      { class: 'row' },
      actionButton('mark', tr('markProblems'), () => void markProblems()),
      actionButton('clear', tr('clearMarks'), () => void clearMarks()),
    ),
    state.validation ? issuesView(state.validation) : h('p', { class: 'muted' }, tr('checkHint')),
  );
}
