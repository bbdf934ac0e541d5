// The chart as the core describes and lays it out (core/report/chart.ts): the axis, where the
// names go, and the per-colour series Google's Charts service needs.
import { describe, expect, it } from 'vitest';
import { barValue, chartAxis, chartLayout, niceStep, seriesPerColour, wrapText } from '../../../src/core/report/chart.ts';
import type { ChartBlock } from '../../../src/core/report/doc-model.ts';

const chart = (over: Partial<ChartBlock> = {}): ChartBlock => ({
  kind: 'chart',
  title: 'Biểu đồ 1',
  categories: ['Đạt', 'Gần đạt', 'Chưa đạt'],
  series: [{ name: 'Số chỉ tiêu', color: '#70ad47', values: [7, 2, 1], colors: ['#70ad47', '#ffc000', '#c00000'] }],
  valueLabel: 'Số chỉ tiêu',
  alt: '',
  widthMm: 160,
  aspect: 0.5,
  ...over,
});

describe('the value axis', () => {
  it.each([
    [0, 1], [1, 1], [5, 1], [9, 2], [12, 2], [40, 10], [100, 20],
  ])('niceStep(%i) = %i', (max, step) => expect(niceStep(max)).toBe(step));

  it('runs from 0 to a round number at or above the longest bar', () => {
    expect(chartAxis(chart())).toEqual({ top: 8, step: 2 });
    expect(chartAxis(chart({ series: [{ name: 'a', color: '#000000', values: [23, 4] }] }))).toEqual({ top: 25, step: 5 });
    // No data, negative or broken values: an axis to 1, never 0 (no division by zero).
    expect(chartAxis(chart({ series: [{ name: 'a', color: '#000000', values: [Number.NaN, -3, 0] }] }))).toEqual({ top: 1, step: 1 });
  });

  it('prints a bar value with a Vietnamese decimal comma, never negative', () => {
    expect(barValue(2.25)).toBe('2,3');
    expect(barValue(-4)).toBe('0');
    expect(barValue(Number.POSITIVE_INFINITY)).toBe('0');
  });
});

describe('the layout', () => {
  it('gives the names the room they need, and long names wrap within 40% of the width', () => {
    const short = chartLayout(chart());
    expect(short.plotLeft).toBeLessThan(short.width * 0.2);
    const long = chartLayout(chart({ categories: ['Công tác chỉ đạo, điều hành và truyền thông cải cách hành chính', 'Thể chế', 'Công vụ'] }));
    expect(long.plotLeft).toBeLessThanOrEqual(long.width * 0.4 + 20);
    expect(long.labels[0]!.length).toBeGreaterThan(1);
    expect(long.labels[0]!.join(' ')).toBe('Công tác chỉ đạo, điều hành và truyền thông cải cách hành chính');
    expect(long.labels[1]).toEqual(['Thể chế']);
  });

  it('keeps every bar inside the plot and room for a legend only when there are several series', () => {
    const one = chartLayout(chart());
    expect(one.legendTop).toBeGreaterThan(one.plotBottom);
    expect(one.height - one.legendTop).toBeLessThan(30);
    const three = chart({ series: [1, 2, 3].map((k) => ({ name: `S${k}`, color: '#000000', values: [k, k, k] })) });
    const L = chartLayout(three);
    expect(L.bar * 3).toBeLessThanOrEqual(L.band);
    expect(L.height - L.legendTop).toBeGreaterThan(one.height - one.legendTop);
  });

  it('wraps words whole', () => {
    expect(wrapText('Chỉ đạo, điều hành', 1000, 11)).toEqual(['Chỉ đạo, điều hành']);
    expect(wrapText('Chỉ đạo, điều hành', 18, 11)).toEqual(['Chỉ đạo,', 'điều hành']);
    expect(wrapText('', 10, 11)).toEqual(['']);
  });
});

describe('one series per colour (the Charts service colours by series)', () => {
  it('turns a one-series chart coloured per category into stacked series, one bar each', () => {
    const { series, stacked } = seriesPerColour(chart());
    expect(stacked).toBe(true);
    expect(series.map((s) => [s.name, s.color, s.values])).toEqual([
      ['Đạt', '#70ad47', [7, 0, 0]],
      ['Gần đạt', '#ffc000', [0, 2, 0]],
      ['Chưa đạt', '#c00000', [0, 0, 1]],
    ]);
  });
  it('leaves a chart of plain series as it is', () => {
    const c = chart({ series: [{ name: 'Tổng', color: '#9dc3e6', values: [1, 2, 3] }, { name: 'Xong', color: '#2e75b6', values: [1, 1, 1] }] });
    expect(seriesPerColour(c)).toEqual({ series: c.series, stacked: false });
  });
});
