// Before a report from data with errors: what the figures will leave out, sheet by sheet, and
// the choice to check first or to go on.

import type { DataErrors } from '../../src/core/api.ts';
import { checkFirst, goOnWithReport } from '../commands/report.ts';
import { h } from '../dom.ts';
import { tr } from '../state.ts';
import { actionButton } from './action-button.ts';

/** One line per sheet: the rows an error keeps out, or the errors where no row is kept out. */
function errorLines(errors: DataErrors): HTMLElement {
  return h(
    'ul',
    { class: 'error-lines', attrs: { id: 'preflight-lines' } },
    ...errors.sheets.map((s) =>
      h(
        'li',
        { attrs: { 'data-sheet': s.sheet } },
        s.rowsLeftOut > 0 ? tr('preflightRows', { n: s.rowsLeftOut, sheet: s.sheet }) : tr('preflightSheetErrors', { n: s.errors, sheet: s.sheet }),
      ),
    ),
  );
}

export function preflightView(errors: DataErrors): HTMLElement {
  return h(
    'div',
    {
      class: 'preflight',
      key: 'preflight',
      attrs: { role: 'group', tabindex: '-1', 'aria-labelledby': 'preflight-title', 'aria-describedby': 'preflight-lines preflight-ask' },
    },
    h('p', { class: 'preflight-title', attrs: { id: 'preflight-title' } }, tr('preflightTitle', { n: errors.errors })),
    errorLines(errors),
    h('p', { class: 'muted', attrs: { id: 'preflight-ask' } }, tr(errors.rowsLeftOut > 0 ? 'preflightAsk' : 'preflightAskNoRows')),
    h(
      'div',
      { class: 'row' },
      actionButton('check-first', tr('checkFirst'), checkFirst),
      actionButton('go-on', tr('goOn'), goOnWithReport),
    ),
  );
}
