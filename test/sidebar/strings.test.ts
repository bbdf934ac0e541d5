// The sidebar names task states and target evaluations with the contract's words, the ones the
// add-on writes in `⚙ Tình trạng`, `⚙ Đánh giá` and `Tổng hợp`, in both languages.
import { describe, expect, it } from 'vitest';
import { KPI_STATUS, TASK_STATE } from '../../src/core/contract/enums.ts';
import { t } from '../../sidebar/strings.ts';

describe('sidebar words for states and evaluations', () => {
  it.each(['vi', 'en'] as const)('are the contract labels (%s)', (lang) => {
    for (const o of TASK_STATE.options) expect(t(lang, `state_${o.value}`), o.value).toBe(o[lang]);
    for (const o of KPI_STATUS.options) expect(t(lang, `kpi_${o.value}`), o.value).toBe(o[lang]);
  });
});
