// The district sidebar's school list, as the officer reads it: the problems first, each group with
// what to do, the counted schools last, list order kept inside a group. The view itself is driven
// in Chromium by test/browser/serve-district.test.ts; these are its decisions, one by one.

import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n.ts';
import { groupSchools, schoolAdvice, STATUS_ORDER, type SchoolStatus } from '../../../sidebar/views/district-schools.ts';

const school = (code: string, status: SchoolStatus, statusLabel = `label ${status}`) => ({
  code, name: `Trường ${code}`, link: '', status, statusLabel, message: '', errors: 0, reused: false,
});

describe('groupSchools', () => {
  it('puts what needs the officer first and the counted schools last, each group in list order', () => {
    const list = [
      school('MN1', 'ok'), school('MN2', 'dataErrors'), school('MN3', 'noAccess'), school('MN4', 'ok'),
      school('MN5', 'otherYear'), school('MN6', 'noAccess'), school('MN7', 'notFound'), school('MN8', 'duplicate'),
      school('MN9', 'wrongTemplate'), school('MN10', 'unreadable'),
    ];
    const groups = groupSchools(list as never);
    expect(groups.map((g) => [g.status, g.schools.map((s) => s.code)])).toEqual([
      ['noAccess', ['MN3', 'MN6']],
      ['notFound', ['MN7']],
      ['unreadable', ['MN10']],
      ['wrongTemplate', ['MN9']],
      ['otherYear', ['MN5']],
      ['duplicate', ['MN8']],
      ['dataErrors', ['MN2']],
      ['ok', ['MN1', 'MN4']],
    ]);
  });

  it('leaves out empty groups, labels each by the server\'s status text, and loses no school', () => {
    const list = [school('A', 'ok', 'Đã đọc'), school('B', 'notFound', 'Không tìm thấy'), school('C', 'ok', 'Đã đọc')];
    const groups = groupSchools(list as never);
    expect(groups.map((g) => g.label)).toEqual(['Không tìm thấy', 'Đã đọc']);
    expect(groups.flatMap((g) => g.schools).length).toBe(3);
    expect(groupSchools([])).toEqual([]);
  });

  it('shows a school whatever its status: every status the contract has is in the order', () => {
    // The contract's `Trạng thái đọc` values (TEMPLATE.md), written out by hand.
    expect([...STATUS_ORDER].sort()).toEqual(['dataErrors', 'duplicate', 'noAccess', 'notFound', 'ok', 'otherYear', 'unreadable', 'wrongTemplate']);
  });
});

describe('schoolAdvice', () => {
  it('offers the file picker for a school not yet chosen only where there is one (Google)', () => {
    expect(schoolAdvice('noAccess', true)).toEqual({ hint: 'do_noAccess', picker: true });
    expect(schoolAdvice('noAccess', false)).toEqual({ hint: 'do_noAccessLocal', picker: false });
  });

  it('says nothing to do about a counted school', () => {
    expect(schoolAdvice('ok', true)).toEqual({ hint: null, picker: false });
  });

  it('gives every other status a hint in Vietnamese and English, and no picker', () => {
    for (const status of STATUS_ORDER.filter((s) => s !== 'ok' && s !== 'noAccess')) {
      const advice = schoolAdvice(status, true);
      expect(advice.picker).toBe(false);
      for (const lang of ['vi', 'en'] as const) {
        const text = t(lang, `sidebar.${advice.hint!}`);
        expect(text.length, `${status} ${lang}`).toBeGreaterThan(10);
        expect(text).not.toContain('sidebar.');
      }
      expect(t('vi', `sidebar.${advice.hint!}`)).not.toEqual(t('en', `sidebar.${advice.hint!}`));
    }
  });
});
