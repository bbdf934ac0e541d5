// The top of the sidebar: title, unit and the frame line; and the language switch, which sits at
// the top right but comes after the main actions in tab order (styles.css places it).

import { formatDate } from '../../src/core/parse/date.ts';
import { switchLanguage } from '../commands/workbook.ts';
import { h } from '../dom.ts';
import { state, tr, type AppState } from '../state.ts';

export function headerView(app: AppState | null): HTMLElement {
  const frameLine = app
    ? app.planYear
      ? tr('asOfLineYear', { year: app.planYear, date: formatDate(app.asOf), period: tr(`periodShort_${app.period}`) })
      : tr('asOfLine', { date: formatDate(app.asOf), period: tr(`periodShort_${app.period}`) })
    : null;
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, tr('appTitle')),
    app ? h('p', { class: 'unit data' }, app.unit.name || tr('noUnit')) : null,
    frameLine ? h('p', { class: 'muted frame-line' }, frameLine) : null,
  );
}

export function languageSwitch(): HTMLElement {
  return h(
    'button',
    {
      class: 'btn-lang',
      key: 'lang',
      attrs: { type: 'button', 'aria-label': tr('switchLangLabel'), lang: state.lang === 'vi' ? 'en' : 'vi', 'aria-disabled': String(state.busy !== null) },
      on: { click: () => (state.busy === null ? switchLanguage() : undefined) },
    },
    tr('switchLang'),
  );
}
