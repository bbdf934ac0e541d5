// The three main actions first (in view and in tab order), then what a report gave: the
// warning before a report from data with errors, or the link to the report made.

import { requestReport } from '../commands/report.ts';
import { updateProgress, validate } from '../commands/workbook.ts';
import { h } from '../dom.ts';
import { state, tr } from '../state.ts';
import { actionButton } from './action-button.ts';
import { preflightView } from './preflight.ts';
import { reportResultView } from './report-result.ts';

export function actionsView(): HTMLElement {
  return h(
    'section',
    { class: 'card actions', attrs: { 'aria-label': tr('actionsLabel') } },
    actionButton('validate', tr('validate'), () => void validate(), 'primary'),
    actionButton('progress', tr('updateProgress'), () => void updateProgress(), 'primary'),
    actionButton('generate', tr('generate'), requestReport, 'primary'),
    state.preflight ? preflightView(state.preflight) : null,
    state.report ? reportResultView(state.report) : null,
  );
}
