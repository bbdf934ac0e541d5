// The whole page (#app), drawn again from the state on each change: the loading or install
// screen, or the actions, the as-of control, the report form, the problems and the status.
// Keyboard focus stays on the element it was on (by its key).

import { installTemplate, load } from '../commands/workbook.ts';
import { byId, byKey, h, type Child } from '../dom.ts';
import { state, tr } from '../state.ts';
import { actionButton } from './action-button.ts';
import { actionsView } from './actions.ts';
import { frameView } from './as-of.ts';
import { districtView } from './district.ts';
import { headerView, languageSwitch } from './header.ts';
import { problemsView } from './problems.ts';
import { remindersView } from './reminders.ts';
import { reportFormView } from './report-form.ts';
import { rolloverView } from './rollover.ts';
import { summaryView } from './summary.ts';

export function renderApp(): void {
  const root = byId('app');
  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  document.documentElement.lang = state.lang;
  const app = state.app;

  const parts: Child[] = [headerView(app)];
  if (!app) {
    parts.push(
      languageSwitch(),
      state.loadFailed
        ? h('div', { class: 'card' }, actionButton('reload', tr('retry'), () => void load(), 'primary'))
        : h('p', { class: 'muted' }, tr('loading')),
    );
  } else if (app.district) {
    // A district workbook: its refresh, its schools by status and its report, not the school's view.
    parts.push(...districtView(state.district), languageSwitch());
  } else if (!app.templateInstalled) {
    parts.push(
      h(
        'section',
        { class: 'card' },
        h('p', {}, tr('notInstalled')),
        actionButton('install', tr('installTemplate'), () => void installTemplate(), 'primary'),
      ),
      languageSwitch(),
    );
  } else {
    parts.push(
      actionsView(),
      languageSwitch(),
      frameView(app),
      reportFormView(),
      problemsView(),
      app.summary ? summaryView(app.summary, app.dataErrors) : h('p', { class: 'card muted' }, tr('noSummary')),
      remindersView(),
      rolloverView(),
    );
  }
  root.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));

  if (focusedKey) byKey(focusedKey, root)?.focus({ preventScroll: true });
}
