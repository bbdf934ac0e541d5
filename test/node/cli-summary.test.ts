import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/core/progress/compute.ts';
import { progressSummary, textTable } from '../../src/node/cli/summary.ts';
import { dec, initiative, kpi, quarters, school, task } from '../core/progress/fixtures.ts';
import { atFrame } from '../core/helpers/frame.ts';

const data = school({
  tasks: [
    task({ area: 'LV3', status: 'done', due: '2024-06-10', doneDate: '2024-06-01', owner: 'Lê Thị Hoà' }),
    task({ area: 'LV3', due: '2024-06-01', owner: 'Trần Văn Thuý' }),
    task({ area: 'LV3', status: 'cancelled', owner: 'Trần Văn Thuý' }),
  ],
  kpis: [
    kpi({ code: 'CT01', target: dec('0.98'), quarters: quarters([dec('197'), dec('200')]) }),
    kpi({ code: 'CT02', method: 'perQuarter', quarters: quarters([dec('3'), dec('3')], [dec('1'), dec('2')]) }),
    kpi({ code: 'CT03', kind: 'count', target: dec('2.5'), quarters: quarters([dec('1.5'), null]) }),
  ],
  initiatives: [initiative({ stage: 'accepted', scores: [20, 15, 15, 10, 10] })],
});
const p = computeProgress(atFrame(data, { asOf: '2024-06-30', period: 'Q2' }));

describe('progressSummary', () => {
  const vi = progressSummary(p, 'vi', 2024);
  const lines = vi.split('\n');

  it('heads with the unit, date and period in Vietnamese', () => {
    expect(lines[0]).toBe('Trường Mầm non Bến Thành (MNBT) — tính đến ngày 30/06/2024, Quý II năm 2024');
  });

  it('writes numbers with the decimal comma and shares of tasks left to do', () => {
    expect(vi).toMatch(/CT01 +LV3 +≥ 98% +98,5% +100,5% +Đạt/);
    expect(vi).toMatch(/CT02 +LV3 +≥ 100% +1\/2 quý +Chưa đạt/);
    expect(vi).toMatch(/CT03 +LV3 +≥ 2,5 +1,5 +60% +Chưa đạt/);
    // 1 done of 2 not cancelled
    expect(vi).toMatch(/3\. Thủ tục hành chính +3 +1 +1 +0 +1 +0 +0 +50%/);
    expect(vi).toContain('Đủ điều kiện đề xuất khen thưởng: 1');
  });

  it('aligns columns: every row of a table is as wide as its rule', () => {
    const rule = lines.findIndex((l) => l.startsWith('─'));
    const header = lines[rule - 1]!;
    const ruleLine = lines[rule]!;
    // The last column is right-aligned, so each data row ends where the rule ends.
    for (const l of lines.slice(rule + 1, rule + 10)) expect([...l].length).toBe([...ruleLine].length);
    expect([...header].length).toBe([...ruleLine].length);
  });

  it('speaks English with lang en', () => {
    const en = progressSummary(p, 'en', 2024);
    expect(en).toContain('as of 2024-06-30, Q2 2024');
    expect(en).toMatch(/CT01 +LV3 +≥ 98% +98.5%/);
    expect(en).toContain('Eligible for an award proposal: 1');
  });
});

describe('textTable', () => {
  it('pads by visible width, NFD text included', () => {
    const t = textTable(['Tên', 'Số'], [['Hoà'.normalize('NFD'), '1'], ['Lê Thị Hoà', '12']], ['left', 'right']);
    const rows = t.split('\n');
    expect(rows[2]).toBe(`${'Hoà'.normalize('NFD')}${' '.repeat(10)}1`);
    expect(rows[3]).toBe('Lê Thị Hoà  12');
  });
});
