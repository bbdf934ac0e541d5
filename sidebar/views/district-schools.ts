// The district's schools grouped by their read status (the contract's `Trạng thái đọc`), the
// problems first, each group with what to do about it; each school with the server's reason
// (why it is not counted, in the user's language). Data from the server goes in as text only.

import type { ApiOutput } from '../../src/core/api.ts';
import { showPicker } from '../commands/district.ts';
import { h } from '../dom.ts';
import { state, tr } from '../state.ts';
import type { StringKey } from '../strings.ts';
import { actionButton } from './action-button.ts';

type School = ApiOutput<'districtState'>['schools'][number];
export type SchoolStatus = School['status'];

/** The groups in the order they are shown: what needs the officer first, the counted last. */
export const STATUS_ORDER: readonly SchoolStatus[] = ['noAccess', 'notFound', 'unreadable', 'wrongTemplate', 'otherYear', 'duplicate', 'dataErrors', 'ok'];

export interface Advice {
  /** What to do, null when nothing is to be done. */
  hint: StringKey | null;
  /** Offer the file picker button with it. */
  picker: boolean;
}

/** What to do about a school of this status, with or without a file picker here. */
export function schoolAdvice(status: SchoolStatus, picker: boolean): Advice {
  switch (status) {
    case 'ok':
      return { hint: null, picker: false };
    case 'noAccess':
      return picker ? { hint: 'do_noAccess', picker: true } : { hint: 'do_noAccessLocal', picker: false };
    default:
      return { hint: `do_${status}`, picker: false };
  }
}

/** The schools by status, in STATUS_ORDER, each group in list order; empty groups left out. */
export function groupSchools(schools: readonly School[]): { status: SchoolStatus; label: string; schools: School[] }[] {
  return STATUS_ORDER.flatMap((status) => {
    const of = schools.filter((s) => s.status === status);
    return of.length ? [{ status, label: of[0]!.statusLabel, schools: of }] : [];
  });
}

function schoolItem(s: School): HTMLElement {
  return h(
    'li',
    { class: 'school' },
    h('span', { class: 'school-name data' }, s.name || s.code),
    s.code && s.name ? h('span', { class: 'muted school-code data' }, ` · ${s.code}`) : null,
    s.errors > 0 ? h('span', { class: 'muted' }, ` · ${tr('districtErrors', { n: s.errors })}`) : null,
    s.message ? h('p', { class: 'school-reason data' }, s.message) : null,
  );
}

export function districtSchoolsView(schools: readonly School[]): HTMLElement | null {
  if (schools.length === 0) return null;
  const picker = state.picker === 'available';
  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-schools' } },
    h('h2', { attrs: { id: 'h-schools' } }, tr('districtSchoolsHeading')),
    ...groupSchools(schools).map((g) => {
      const advice = schoolAdvice(g.status, picker);
      return h(
        'details',
        { class: `status-group status-${g.status}`, key: `group-${g.status}`, attrs: { 'data-status': g.status, ...(g.status !== 'ok' ? { open: '' } : {}) } },
        h('summary', {}, tr('districtGroup', { label: g.label, n: g.schools.length })),
        advice.hint ? h('p', { class: 'advice' }, tr(advice.hint)) : null,
        advice.picker ? actionButton(`picker-${g.status}`, tr('districtPicker'), () => void showPicker()) : null,
        h('ul', { class: 'schools' }, ...g.schools.map(schoolItem)),
      );
    }),
  );
}
