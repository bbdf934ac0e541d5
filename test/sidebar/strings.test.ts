// The sidebar names task states and target evaluations with the words the add-on writes in
// `⚙ Tình trạng`, `⚙ Đánh giá` and `Tổng hợp`, in both languages. The expected words are written
// out here by hand, so a change to either the sidebar's strings or the contract's enums shows up
// as a failure instead of being copied along.
import { describe, expect, it } from 'vitest';
import { KPI_STATUS, TASK_STATE } from '../../src/core/contract/enums.ts';
import { t, type StringKey } from '../../sidebar/strings.ts';

const EXPECTED: Record<'vi' | 'en', Record<string, string>> = {
  vi: {
    state_overdue: 'Quá hạn',
    state_dueSoon: 'Sắp đến hạn',
    state_behind: 'Chậm tiến độ',
    state_onTrack: 'Đúng tiến độ',
    state_doneOnTime: 'Hoàn thành đúng hạn',
    state_doneLate: 'Hoàn thành trễ hạn',
    state_cancelled: 'Đã hủy',
    kpi_met: 'Đạt',
    kpi_near: 'Gần đạt',
    kpi_notMet: 'Chưa đạt',
    kpi_notApplicable: 'Không phát sinh',
    kpi_noData: 'Chưa có số liệu',
  },
  en: {
    state_overdue: 'Overdue',
    state_dueSoon: 'Due soon',
    state_behind: 'Behind schedule',
    state_onTrack: 'On track',
    state_doneOnTime: 'Done on time',
    state_doneLate: 'Done late',
    state_cancelled: 'Cancelled',
    kpi_met: 'Met',
    kpi_near: 'Nearly met',
    kpi_notMet: 'Not met',
    kpi_notApplicable: 'No cases arose',
    kpi_noData: 'No data yet',
  },
};

describe('sidebar words for states and evaluations', () => {
  it.each(['vi', 'en'] as const)('are the words written in the workbook (%s)', (lang) => {
    for (const [key, word] of Object.entries(EXPECTED[lang])) expect(t(lang, key as StringKey), key).toBe(word);
    // With a count of one too (the sidebar passes n for some words).
    expect(t(lang, 'state_overdue', { n: 1 })).toBe(EXPECTED[lang].state_overdue);
  });

  it('are NFC, as the workbook compares them', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const key of Object.keys(EXPECTED[lang])) {
        const word = t(lang, key as StringKey);
        expect(word.normalize('NFC'), key).toBe(word);
      }
    }
  });

  it.each(['vi', 'en'] as const)('the contract writes the same words in ⚙ Tình trạng and ⚙ Đánh giá (%s)', (lang) => {
    const contract = {
      ...Object.fromEntries(TASK_STATE.options.map((o) => [`state_${o.value}`, o[lang]])),
      ...Object.fromEntries(KPI_STATUS.options.map((o) => [`kpi_${o.value}`, o[lang]])),
    };
    // Every state and evaluation the core knows is in the list above, and no other.
    expect(contract).toEqual(EXPECTED[lang]);
  });
});
