// E-mail reminders (`Nhắc việc qua email`): on or off, this user's weekly schedule, the last week
// sent, and the switch. Off Google Sheets, one line saying where reminders are sent from instead.

import { switchReminders } from '../commands/reminders.ts';
import { formatDate } from '../../src/core/parse/date.ts';
import { h } from '../dom.ts';
import { state, tr } from '../state.ts';
import type { StringKey } from '../strings.ts';
import { actionButton } from './action-button.ts';

/** The sentence for where reminders stand. */
export function reminderLine(r: { enabled: boolean; scheduled: boolean }): StringKey {
  if (!r.enabled) return 'remindStateOff';
  return r.scheduled ? 'remindStateOn' : 'remindStateOnNoTrigger';
}

export function remindersView(): HTMLElement | null {
  const r = state.reminders;
  if (r === null) return null;
  const heading = h('h2', { attrs: { id: 'h-remind' } }, tr('remindTitle'));
  if (r === 'unavailable') {
    return h('section', { class: 'card reminders', attrs: { 'aria-labelledby': 'h-remind' } }, heading, h('p', { class: 'muted' }, tr('remindOnlyInSheets')));
  }
  const on = r.enabled && r.scheduled;
  return h(
    'section',
    { class: 'card reminders', attrs: { 'aria-labelledby': 'h-remind' } },
    heading,
    h('p', { class: 'remind-state', attrs: { 'data-on': String(on) } }, tr(reminderLine(r))),
    r.lastMonday ? h('p', { class: 'muted' }, tr('remindLastWeek', { monday: formatDate(r.lastMonday) })) : null,
    actionButton(on ? 'remind-off' : 'remind-on', tr(on ? 'remindOff' : 'remindOn'), () => void switchReminders(!on)),
  );
}
