import { describe, expect, it } from 'vitest';
import { evaluateKpi, judgeNumber, kpiContext, activityCounts } from '../../../src/core/progress/kpis.ts';
import { quartersToDate } from '../../../src/core/frame.ts';
import { parseDecimalText } from '../../../src/core/progress/rational.ts';
import type { Activity, Kpi, PeriodCode } from '../../../src/core/model.ts';
import type { KpiProgress } from '../../../src/core/progress/types.ts';
import { activity, dec, kpi, quarters } from './fixtures.ts';

const ctx = (over: { asOf?: string; period?: PeriodCode; tolerance?: number; activities?: Activity[] } = {}) =>
  kpiContext({ frame: { today: '2024-06-30', asOf: over.asOf ?? '2024-06-30', period: over.period ?? 'Q2', year: 2024 }, tolerance: over.tolerance ?? 0.05, activities: over.activities ?? [] });

const evalK = (over: Partial<Kpi>, c = ctx()): KpiProgress | null => evaluateKpi(kpi(over), c);
const pick = (r: KpiProgress | null) => r && { value: r.value, status: r.status, achievement: r.achievement, quarters: r.quarters };

describe('ratio targets', () => {
  it.each<[string, Partial<Kpi>, unknown]>([
    ['98,5% against 98% is met', { target: dec('0.98'), quarters: quarters([dec('197'), dec('200')]) }, { value: 0.985, status: 'met', achievement: 0.985 / 0.98 }],
    // Tổng in thirds: 1/3 + 2/3 of the cases would be 0.9999… summed as floats, never here.
    ['thirds add up to exactly 100%', { target: dec('1'), quarters: quarters([dec('0.3333333333333333'), dec('0.3333333333333333')], [dec('0.6666666666666667'), dec('0.6666666666666667')]) }, { value: 1, status: 'met', achievement: 1 }],
    ['exactly at the tolerance is Gần đạt', { target: dec('1'), quarters: quarters([dec('95'), dec('100')]) }, { value: 0.95, status: 'near', achievement: 0.95 }],
    ['just below the tolerance is Chưa đạt', { target: dec('1'), quarters: quarters([dec('949'), dec('1000')]) }, { value: 0.949, status: 'notMet', achievement: 0.949 }],
    ['cumulative sums numerators and denominators', { target: dec('0.9'), quarters: quarters([dec('10'), dec('10')], [dec('8'), dec('10')]) }, { value: 0.9, status: 'met', achievement: 1 }],
    ['Σ Tổng typed as 0 is Không phát sinh', { quarters: quarters([null, dec('0')], [dec('0'), dec('0')]) }, { value: null, status: 'notApplicable', achievement: null }],
    ['empty Tổng everywhere is Chưa có số liệu', { quarters: quarters() }, { value: null, status: 'noData', achievement: null }],
    ['a 0 quarter beside a real one counts the real one', { quarters: quarters([dec('0'), dec('0')], [dec('5'), dec('5')]) }, { value: 1, status: 'met', achievement: 1 }],
    ['empty Đạt beside a typed Tổng counts as 0', { quarters: quarters([null, dec('4')]) }, { value: 0, status: 'notMet', achievement: 0 }],
    ['quarters after the period are ignored', { quarters: quarters([dec('1'), dec('1')], [dec('1'), dec('1')], [dec('0'), dec('10')]) }, { value: 1, status: 'met', achievement: 1 }],
    ['only a quarter after the period: no data', { quarters: quarters(null, null, [dec('10'), dec('10')]) }, { value: null, status: 'noData', achievement: null }],
    ['≤: at most 2% late', { direction: '<=', target: dec('0.02'), quarters: quarters([dec('2'), dec('100')]) }, { value: 0.02, status: 'met', achievement: null }],
    ['≤: exactly target × (1 + tolerance) is Gần đạt', { direction: '<=', target: dec('0.2'), quarters: quarters([dec('21'), dec('100')]) }, { value: 0.21, status: 'near', achievement: null }],
    ['≤: above the tolerance is Chưa đạt', { direction: '<=', target: dec('0.2'), quarters: quarters([dec('211'), dec('1000')]) }, { value: 0.211, status: 'notMet', achievement: null }],
    ['latest: the last quarter with an entry alone', { method: 'latest', target: dec('0.94'), quarters: quarters([dec('10'), dec('10')], [dec('9'), dec('10')]) }, { value: 0.9, status: 'near', achievement: 45 / 47 }],
    ['latest with Tổng 0 is Không phát sinh', { method: 'latest', quarters: quarters([dec('10'), dec('10')], [dec('0'), dec('0')]) }, { value: null, status: 'notApplicable', achievement: null }],
  ])('%s', (_n, over, expected) => {
    expect(pick(evalK(over))).toEqual({ quarters: undefined, ...(expected as object) });
  });
});

describe('count targets', () => {
  it.each<[string, Partial<Kpi>, unknown]>([
    ['cumulative sums the quarters', { kind: 'count', target: dec('4'), quarters: quarters([dec('1'), null], [dec('3'), null]) }, { value: 4, status: 'met', achievement: 1 }],
    ['typed 0 is data, not no data', { kind: 'count', target: dec('1'), quarters: quarters([dec('0'), null]) }, { value: 0, status: 'notMet', achievement: 0 }],
    ['target 0 with ≥: no achievement figure', { kind: 'count', target: dec('0'), quarters: quarters([dec('0'), null]) }, { value: 0, status: 'met', achievement: null }],
    ['≤ with target 0 and a value above it is Chưa đạt', { kind: 'count', direction: '<=', target: dec('0'), quarters: quarters([dec('1'), null]) }, { value: 1, status: 'notMet', achievement: null }],
    ['≤ within tolerance', { kind: 'count', direction: '<=', target: dec('20'), quarters: quarters([dec('21'), null]) }, { value: 21, status: 'near', achievement: null }],
    ['≤ with float noise: 0.1 + 0.2 ≤ 0.3 is met', { kind: 'count', direction: '<=', target: dec('0.3'), quarters: quarters([dec('0.1'), null], [dec('0.2'), null]) }, { value: 0.3, status: 'met', achievement: null }],
    ['decimal counts stay exact: 0.1 + 0.2 = 0.3', { kind: 'count', target: dec('0.3'), quarters: quarters([dec('0.1'), null], [dec('0.2'), null]) }, { value: 0.3, status: 'met', achievement: 1 }],
    ['latest takes the last entry only', { kind: 'count', method: 'latest', target: dec('2'), quarters: quarters([dec('5'), null], [dec('1'), null]) }, { value: 1, status: 'notMet', achievement: 0.5 }],
  ])('%s', (_n, over, expected) => {
    expect(pick(evalK(over))).toEqual({ quarters: undefined, ...(expected as object) });
  });
});

describe('yes/no and rating targets', () => {
  it.each<[string, Partial<Kpi>, unknown]>([
    ['yes/no Có is Đạt', { kind: 'yesno', target: true, quarters: quarters([true, null]) }, { value: true, status: 'met' }],
    ['yes/no: the latest entry counts (Có then Không)', { kind: 'yesno', target: true, quarters: quarters([true, null], [false, null]) }, { value: false, status: 'notMet' }],
    ['yes/no: nothing typed is no data', { kind: 'yesno', target: true }, { value: null, status: 'noData' }],
    ['rating above target is Đạt', { kind: 'rating', target: 'Khá', quarters: quarters(['Tốt', null]) }, { value: 'Tốt', status: 'met' }],
    ['rating at target is Đạt', { kind: 'rating', target: 'Khá', quarters: quarters(['Khá', null]) }, { value: 'Khá', status: 'met' }],
    ['rating below target is Chưa đạt', { kind: 'rating', target: 'Khá', quarters: quarters(['Tốt', null], ['Trung bình', null]) }, { value: 'Trung bình', status: 'notMet' }],
    ['rating folded spelling matches', { kind: 'rating', target: 'Hoàn thành tốt nhiệm vụ', quarters: quarters(['hoàn thành xuất sắc nhiệm vụ', null]) }, { value: 'Hoàn thành xuất sắc nhiệm vụ', status: 'met' }],
    ['rating latest method', { kind: 'rating', method: 'latest', target: 'Khá', quarters: quarters(['Yếu', null], ['Tốt', null]) }, { value: 'Tốt', status: 'met' }],
  ])('%s', (_n, over, expected) => {
    const r = evalK(over);
    expect(r && { value: r.value, status: r.status }).toEqual(expected);
    expect(r?.achievement).toBeNull();
  });

  it('a rating from another scale than the target is left out', () => {
    expect(evalK({ kind: 'rating', target: 'Khá', quarters: quarters(['Hoàn thành nhiệm vụ', null]) })).toBeNull();
  });
});

describe('Từng quý', () => {
  it.each<[string, Partial<Kpi>, unknown]>([
    ['every judged quarter met', { quarters: quarters([dec('5'), dec('5')], [dec('3'), dec('3')]) }, { status: 'met', quarters: { judged: 2, met: 2 }, value: 1 }],
    ['one quarter near is Chưa đạt (no Gần đạt)', { quarters: quarters([dec('5'), dec('5')], [dec('96'), dec('100')]) }, { status: 'notMet', quarters: { judged: 2, met: 1 }, value: 0.96 }],
    ['a quarter with no entry is not judged', { quarters: quarters(null, [dec('3'), dec('3')]) }, { status: 'met', quarters: { judged: 1, met: 1 }, value: 1 }],
    ['a quarter with Tổng 0 is not judged', { quarters: quarters([dec('0'), dec('0')], [dec('3'), dec('3')]) }, { status: 'met', quarters: { judged: 1, met: 1 }, value: 1 }],
    ['only Tổng 0 quarters: Không phát sinh', { quarters: quarters([dec('0'), dec('0')]) }, { status: 'notApplicable', quarters: { judged: 0, met: 0 }, value: null }],
    ['no entry: Chưa có số liệu', {}, { status: 'noData', quarters: { judged: 0, met: 0 }, value: null }],
    ['quarters after the period are not judged', { quarters: quarters([dec('1'), dec('1')], null, [dec('0'), dec('1')]) }, { status: 'met', quarters: { judged: 1, met: 1 }, value: 1 }],
    ['count per quarter', { kind: 'count', target: dec('1'), quarters: quarters([dec('2'), null], [dec('0'), null]) }, { status: 'notMet', quarters: { judged: 2, met: 1 }, value: 0 }],
    ['yes/no per quarter', { kind: 'yesno', target: true, quarters: quarters([true, null], [true, null]) }, { status: 'met', quarters: { judged: 2, met: 2 }, value: true }],
    ['rating per quarter', { kind: 'rating', target: 'Khá', quarters: quarters(['Tốt', null], ['Yếu', null]) }, { status: 'notMet', quarters: { judged: 2, met: 1 }, value: 'Yếu' }],
    ['≤ per quarter', { direction: '<=', target: dec('0.1'), quarters: quarters([dec('1'), dec('10')], [dec('1'), dec('20')]) }, { status: 'met', quarters: { judged: 2, met: 2 }, value: 0.05 }],
  ])('%s', (_n, over, expected) => {
    const r = evalK({ method: 'perQuarter', ...over });
    expect(r && { status: r.status, quarters: r.quarters, value: r.value }).toEqual(expected);
    expect(r?.achievement).toBeNull();
  });
});

describe('activity-sourced targets', () => {
  const type = 'Bài viết trên trang thông tin điện tử';
  const acts = [
    activity({ type, date: '2024-01-15' }),
    activity({ type, date: '2024-03-31' }),
    activity({ type, date: '2024-04-01' }),
    activity({ type: 'Hội thi', date: '2024-04-02' }),
    activity({ type, date: '2024-05-01', blocked: true }),
    activity({ type, date: '2024-07-01' }),
    activity({ type, date: '2023-12-31' }),
  ];

  it('counts activities of the type per quarter of the plan year, blocked ones left out', () => {
    expect(activityCounts(acts, type, 2024, '2024-12-31')).toEqual([2, 1, 1, 0]);
    expect(activityCounts(acts, type.toUpperCase(), 2024, '2024-12-31')).toEqual([2, 1, 1, 0]);
  });

  it('leaves out activities dated after the as-of date', () => {
    expect(activityCounts(acts, type, 2024, '2024-03-31')).toEqual([2, 0, 0, 0]);
  });

  it('replaces typed Đạt numbers with the counts', () => {
    const r = evalK({ kind: 'count', target: dec('3'), sourceActivityType: type, quarters: quarters([dec('99'), null]) }, ctx({ activities: acts }));
    expect(r).toMatchObject({ value: 3, status: 'met', achievement: 1 });
  });

  it('has an entry in every quarter to date, even with no activity (0, not no data)', () => {
    const r = evalK({ kind: 'count', method: 'perQuarter', target: dec('1'), sourceActivityType: 'Khảo sát' }, ctx({ activities: acts }));
    expect(r).toMatchObject({ value: 0, status: 'notMet', quarters: { judged: 2, met: 0 } });
  });

  it('per quarter: 1 to 2 posts each quarter', () => {
    const r = evalK({ kind: 'count', method: 'perQuarter', target: dec('1'), sourceActivityType: type }, ctx({ activities: acts }));
    expect(r).toMatchObject({ status: 'met', quarters: { judged: 2, met: 2 } });
  });
});

describe('rows left out and context', () => {
  it('leaves out blocked rows and rows with no kind or no usable target', () => {
    expect(evalK({ blocked: true, quarters: quarters([dec('1'), dec('1')]) })).toBeNull();
    expect(evalK({ kind: null })).toBeNull();
    expect(evalK({ target: null })).toBeNull();
    expect(evalK({ kind: 'count', quarters: quarters([true, null]) })).toBeNull();
  });

  it('uses the tolerance from settings, 0 tolerance makes no Gần đạt', () => {
    const over = { target: dec('1'), quarters: quarters([dec('99'), dec('100')]) };
    expect(evalK(over, ctx({ tolerance: 0 }))?.status).toBe('notMet');
    expect(evalK(over, ctx({ tolerance: 0.01 }))?.status).toBe('near');
    expect(evalK(over, ctx({ tolerance: 0.009 }))?.status).toBe('notMet');
  });

  it('quarters to date stop at the period and at the as-of date quarter', () => {
    expect(quartersToDate({ asOf: '2024-06-30', period: 'Q2', year: 2024 })).toBe(2);
    expect(quartersToDate({ asOf: '2024-06-30', period: 'Q1', year: 2024 })).toBe(1);
    expect(quartersToDate({ asOf: '2024-05-01', period: 'Q4', year: 2024 })).toBe(2);
    expect(quartersToDate({ asOf: '2025-02-01', period: 'Q4', year: 2024 })).toBe(4);
    expect(quartersToDate({ asOf: '2023-12-31', period: 'Q4', year: 2024 })).toBe(0);
  });

  it('judgeNumber is exact at its boundaries', () => {
    const r = (s: string) => parseDecimalText(s)!;
    expect(judgeNumber(r('0.95'), r('1'), '>=', r('0.05'))).toBe('near');
    expect(judgeNumber(r('0.9499999999999999999'), r('1'), '>=', r('0.05'))).toBe('notMet');
    expect(judgeNumber(r('1.05'), r('1'), '<=', r('0.05'))).toBe('near');
    expect(judgeNumber(r('1.0500000000000000001'), r('1'), '<=', r('0.05'))).toBe('notMet');
  });
});
