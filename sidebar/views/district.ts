// The sidebar of a district workbook (one with `Danh sách đơn vị`): the refresh with its progress
// (continue a refresh left midway), the file picker where there is one, the schools by status,
// and the district report.

import { districtReport, refreshDistrict, showPicker } from '../commands/district.ts';
import { h } from '../dom.ts';
import { state, tr, type DistrictState } from '../state.ts';
import { actionButton } from './action-button.ts';
import { districtProgressView } from './district-progress.ts';
import { districtSchoolsView } from './district-schools.ts';
import { reportResultView } from './report-result.ts';

export function districtView(view: DistrictState | null): HTMLElement[] {
  if (!view) return [h('p', { class: 'muted' }, tr('districtLoading'))];
  const p = view.progress;
  const left = p?.running === true;
  const refresh = h(
    'section',
    { class: 'card actions', attrs: { 'aria-labelledby': 'h-district' } },
    h('h2', { attrs: { id: 'h-district' } }, tr('districtHeading')),
    left
      ? actionButton('district-continue', tr('districtContinue'), () => void refreshDistrict(), 'primary')
      : actionButton('district-refresh', tr('districtRefresh'), () => void refreshDistrict(), 'primary'),
    districtProgressView(p),
    state.districtStalled ? h('p', { class: 'paused' }, tr('districtStalled')) : null,
    view.notice ? h('p', { class: 'notice-inline data' }, view.notice) : null,
    view.autoRefresh.enabled && view.autoRefresh.scheduled ? h('p', { class: 'muted' }, tr('districtAuto')) : null,
    state.picker === 'available' ? actionButton('district-picker', tr('districtPicker'), () => void showPicker()) : null,
    p && !left ? actionButton('district-full', tr('districtRefreshFull'), () => void refreshDistrict(true)) : null,
  );
  const report = h(
    'section',
    { class: 'card actions', attrs: { 'aria-labelledby': 'h-district-report' } },
    h('h2', { attrs: { id: 'h-district-report' } }, tr('districtReportHeading')),
    actionButton('district-report', tr('districtReport'), () => void districtReport(), 'primary'),
    state.report ? reportResultView(state.report) : null,
  );
  return [refresh, report, ...[districtSchoolsView(view.schools)].filter((x): x is HTMLElement => x !== null)];
}
