// The as-of date (typed day first) and the period every figure is computed for, with what the
// server made of them, and a way back to the default.

import type { PeriodCode } from '../../src/core/model.ts';
import { formatDate } from '../../src/core/parse/date.ts';
import { choosePeriod, commitAsOf, draftAsOf, resetFrame } from '../commands/frame.ts';
import { field, h } from '../dom.ts';
import { state, tr, type AppState } from '../state.ts';

const PERIODS: PeriodCode[] = ['Q1', 'Q2', 'Q3', 'Q4'];

export function frameView(app: AppState): HTMLElement {
  const asOf = h('input', {
    key: 'as-of',
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      placeholder: 'dd/mm/yyyy',
      autocomplete: 'off',
      'aria-describedby': 'as-of-hint',
      ...(state.asOfError ? { 'aria-invalid': 'true' } : {}),
    },
    on: {
      input: (e) => draftAsOf((e.target as HTMLInputElement).value),
      // Enter or leaving the field settles the date (the page is redrawn, so only one of them acts).
      keydown: (e) => {
        if ((e as KeyboardEvent).key !== 'Enter') return;
        e.preventDefault();
        commitAsOf();
      },
      change: () => commitAsOf(),
    },
  });
  asOf.value = state.asOfDraft ?? formatDate(app.asOf);

  const period = h(
    'select',
    { key: 'frame-period', on: { change: (e) => choosePeriod((e.target as HTMLSelectElement).value as PeriodCode) } },
    ...PERIODS.map((p) => h('option', { attrs: { value: p } }, tr(`period_${p}`))),
  );
  period.value = app.period;

  // The server moved the date typed (the period ends before it): say so, with its date.
  const moved = state.frame.asOf !== null && state.frame.asOf !== app.asOf && !state.asOfError;
  const hint = state.asOfError
    ? tr('asOfInvalid', { value: (state.asOfDraft ?? '').trim() })
    : moved
      ? tr('asOfMoved', { period: tr(`periodShort_${app.period}`), date: formatDate(app.asOf) })
      : tr('asOfHint');
  const chosen = state.frame.asOf !== null || state.frame.period !== null;

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-frame' } },
    h('h2', { attrs: { id: 'h-frame' } }, tr('frameHeading')),
    h(
      'div',
      { class: 'frame' },
      h('div', { class: 'pair' }, field(tr('asOfLabel'), asOf, undefined, false, 'grow'), field(tr('period'), period)),
      h('p', { class: state.asOfError ? 'field-hint field-error' : 'field-hint', attrs: { id: 'as-of-hint' } }, hint),
      chosen ? h('button', { class: 'btn-link reset', key: 'frame-reset', attrs: { type: 'button' }, on: { click: () => (state.busy === null ? resetFrame() : undefined) } }, tr('frameReset')) : null,
    ),
  );
}
