// The one message catalogue: every key in both languages, the same parameters in each, and no
// message written twice under two keys (one word for one thing).
import { describe, expect, it } from 'vitest';
import { AREAS_OF_CATALOGUE, MESSAGES, t, type MessageKey } from '../../src/core/i18n.ts';

const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the message catalogue', () => {
  const entries = Object.entries(MESSAGES) as [MessageKey, (typeof MESSAGES)[MessageKey]][];

  it('has every area, and each area some messages', () => {
    expect(Object.keys(AREAS_OF_CATALOGUE).sort()).toEqual(['app', 'cli', 'dashboard', 'district', 'files', 'issues', 'menu', 'remind', 'rollover', 'selftest', 'sidebar']);
    for (const [area, table] of Object.entries(AREAS_OF_CATALOGUE)) expect(Object.keys(table).length, area).toBeGreaterThan(3);
  });

  it('gives every key a Vietnamese and an English text, with the same parameters', () => {
    for (const [key, m] of entries) {
      expect(m.vi.trim(), `${key}.vi`).not.toBe('');
      expect(m.en.trim(), `${key}.en`).not.toBe('');
      expect(params(m.en), `${key}: {params} of en against vi`).toEqual(params(m.vi));
      for (const lang of ['vi', 'en'] as const) {
        const one = m.one?.[lang];
        if (one !== undefined) expect(params(one).filter((p) => p !== 'n'), `${key}.one.${lang}`).toEqual(params(m[lang]).filter((p) => p !== 'n'));
      }
    }
  });

  it('writes no message twice: one key for one thing', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [key, m] of entries) {
      const pair = `${m.vi}\u0000${m.en}`;
      const first = seen.get(pair);
      // An alias (the same entry reached by two keys, e.g. the menu's and the sidebar's name of
      // an action) is written once; a second object with the same words is a copy.
      if (first && MESSAGES[first as MessageKey] !== m) twice.push(`${first} = ${key} (“${m.vi}”)`);
      else seen.set(pair, key);
    }
    expect(twice).toEqual([]);
  });

  it('fills parameters, uses the one-form for a count of one, and leaves an unknown placeholder visible', () => {
    expect(t('vi', 'DATE_IN_FUTURE', { date: '15/07/2024', today: '30/06/2024' })).toBe('Ngày 15/07/2024 chưa tới (hôm nay là 30/06/2024). Kiểm tra lại ngày đã nhập.');
    expect(t('en', 'sidebar.marked', { n: 1 })).toBe('1 cell marked.');
    expect(t('en', 'sidebar.marked', { n: 3 })).toBe('3 cells marked.');
    expect(t('vi', 'sidebar.marked', { n: 1 })).toBe('Đã đánh dấu 1 ô.');
    expect(t('vi', 'app.reportIncomplete')).toBe('Không tạo văn bản, chưa lấy số: {problem}');
  });
});
