// The sidebar: status at a glance, data check, progress, reports. Plain TypeScript and DOM, drawn
// again from the state (state.ts) on each change by the views (views/), which call the commands
// (commands/) that talk to the server (server.ts). This entry wires them and starts.

import { load, validate } from './commands/workbook.ts';
import { focusKey } from './dom.ts';
import { render, setRenderer, state } from './state.ts';
import { renderApp } from './views/app.ts';
import { trackPresses } from './work.ts';

/** The view the menu asked for (src/gas/menu.ts sets window.CCHC_VIEW): check data, or the report form. */
function openRequestedView(): void {
  const view = (window as { CCHC_VIEW?: unknown }).CCHC_VIEW;
  if (!state.app?.templateInstalled) return;
  if (view === 'validate') void validate();
  if (view === 'report') focusKey('report-type', 'h-report');
}

trackPresses();
setRenderer(renderApp);
render();
void load().then(openRequestedView);
