// The sidebar: status at a glance, data check, progress, reports. Plain TypeScript and DOM, drawn
// again from the state (state.ts) on each change by the views (views/), which call the commands
// (commands/) that talk to the server (server.ts). This entry wires them and starts.

import { refreshDistrict } from './commands/district.ts';
import { showRollover } from './commands/rollover.ts';
import { load } from './commands/workbook.ts';
import { focusKey } from './dom.ts';
import { render, setRenderer, state } from './state.ts';
import { renderApp } from './views/app.ts';
import { trackPresses } from './work.ts';

/** The view the menu asked for (src/gas/menu.ts sets window.CCHC_VIEW): check data, the report form, or the district's refresh. */
const requested = (window as { CCHC_VIEW?: unknown }).CCHC_VIEW;

/** "Kiểm tra dữ liệu" from the menu: the first load brings the check too, one read of the school. */
function openRequestedView(): void {
  if (!state.app?.templateInstalled) return;
  // "Cập nhật số liệu các đơn vị" from the menu: the sidebar runs the refresh's steps.
  if (requested === 'districtRefresh' && state.app.district) void refreshDistrict();
  if (requested === 'validate') focusKey('issues-summary', 'h-check');
  if (requested === 'report') focusKey('report-type', 'h-report');
  // "Năm mới" from the menu: the new-year card, open on what this spreadsheet is (original or copy).
  if (requested === 'rollover' && !state.app.district) void showRollover();
}

trackPresses();
setRenderer(renderApp);
render();
void load(requested === 'validate').then(openRequestedView);
