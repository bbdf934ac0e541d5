// Where the district's refresh stands: the bar with n/N, the school being read, or when it ended
// and what it kept; a refresh left midway (the sidebar was closed) says so.

import type { ApiOutput } from '../../src/core/api.ts';
import { formatDate } from '../../src/core/parse/date.ts';
import { h } from '../dom.ts';
import { state, tr } from '../state.ts';

type Progress = NonNullable<ApiOutput<'districtState'>['progress']>;

export function districtProgressView(p: Progress | null): HTMLElement {
  if (!p) return h('p', { class: 'muted', key: 'district-never' }, tr('districtNever'));
  const working = state.busy === 'districtRefreshing';
  const bar = h('progress', { key: 'district-bar', attrs: { max: String(Math.max(1, p.total)), value: String(p.done), 'aria-label': tr('districtProgressLabel') } });
  const counted = (p.byStatus.ok ?? 0) + (p.byStatus.dataErrors ?? 0);
  return h(
    'div',
    { class: 'district-progress', attrs: { 'aria-live': 'polite' } },
    p.running ? bar : null,
    p.running ? h('p', { class: 'progress-count' }, tr('districtProgress', { done: p.done, total: p.total })) : null,
    p.running && p.current ? h('p', { class: 'muted progress-current data' }, tr('districtReading', { name: p.current.name || p.current.code })) : null,
    p.running && !working ? h('p', { class: 'paused' }, tr('districtPaused', { date: formatDate(p.asOf), n: p.total - p.done })) : null,
    !p.running ? h('p', { class: 'progress-done' }, tr('districtDone', { date: formatDate(p.asOf), ok: counted, total: p.total })) : null,
    !p.running && p.reused > 0 ? h('p', { class: 'muted' }, tr('districtReused', { n: p.reused })) : null,
  );
}
