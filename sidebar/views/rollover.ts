// `Năm mới`: the next year's workbook. In Google Sheets the add-on cannot make a file, so the
// original gets ready (one Nhật ký row), the user makes a copy (File › Make a copy) and rolls the
// copy here; the original is never rolled (the server refuses it). Under `cchc serve` the card
// names the command that makes the new file (`cchc rollover`).

import type { ApiOutput } from '../../src/core/api.ts';
import { rollCopy, showRollover, startRollover } from '../commands/rollover.ts';
import { h, type Child } from '../dom.ts';
import { state, tr } from '../state.ts';
import { actionButton } from './action-button.ts';

function doneLines(done: ApiOutput<'rollCopy'>): Child[] {
  return [
    h('p', {}, tr('rolloverDone', { toYear: done.toYear, tasks: done.tasks, kpis: done.kpis, initiatives: done.initiatives })),
    done.pastYear > 0 ? h('p', { class: 'left-out' }, tr('rolloverReview', { n: done.pastYear, fromYear: done.fromYear })) : null,
  ];
}

function steps(view: ApiOutput<'rolloverState'>): Child[] {
  const { fromYear, toYear } = view;
  switch (view.place) {
    case 'local':
      return [h('p', {}, h('code', {}, tr('rolloverNotHere', { toYear })))];
    case 'copy':
      return [
        h('p', {}, tr('rolloverExplainCopy', { fromYear, toYear })),
        actionButton('rollover-action', tr('rolloverRunButton', { toYear }), () => void rollCopy(), 'primary'),
      ];
    case 'original':
    case 'none':
      return [
        h('p', {}, tr('rolloverExplainOriginal', { fromYear, toYear })),
        h(
          'ol',
          { class: 'steps' },
          h(
            'li',
            {},
            tr('rolloverStepStart'),
            view.place === 'none'
              ? actionButton('rollover-action', tr('rolloverStartButton', { toYear }), () => void startRollover(), 'primary')
              : h('p', { class: 'muted' }, tr('rolloverStarted')),
          ),
          h('li', {}, tr('rolloverStepCopy', { toYear })),
          h('li', {}, tr('rolloverStepRun')),
        ),
      ];
  }
}

export function rolloverView(): HTMLElement | null {
  const app = state.app;
  if (!app || !app.templateInstalled || app.district) return null;
  const view = state.rollover;
  const body: Child[] = [];
  if (state.rolloverDone) body.push(...doneLines(state.rolloverDone));
  if (view) body.push(...steps(view));
  else if (app.planYear !== null && !state.rolloverDone) {
    body.push(actionButton('rollover-action', tr('rolloverShow', { toYear: app.planYear + 1 }), () => void showRollover()));
  }
  if (body.length === 0) return null;
  return h(
    'section',
    { class: 'card rollover', attrs: { 'aria-labelledby': 'h-rollover' } },
    h('h2', { key: 'rollover-heading', attrs: { id: 'h-rollover', tabindex: '-1' } }, tr('rolloverHeading')),
    ...body,
  );
}
