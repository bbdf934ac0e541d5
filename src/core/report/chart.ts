// A report's chart, described once: the bars, their labels and colours, the value axis, the
// size (doc-model.ts ChartBlock). The renderers draw it with real type from this description:
// Google with Apps Script's Charts service (src/gas/chart-image.ts), the local .docx with an SVG
// rendered by resvg (src/node/chart-png.ts). What both must agree on is decided here: the axis
// scale, the layout of a horizontal bar chart, and how a one-series chart coloured per category
// becomes series a chart library colours one by one.

import type { ChartBlock, ChartSeries } from './doc-model.ts';
import { textWidthMm } from './text-width.ts';

/** The smallest "nice" tick step (1, 2, 5 × 10^k) giving at most `maxTicks` steps up to `max`. */
export function niceStep(max: number, maxTicks = 6): number {
  if (max <= 0) return 1;
  const raw = max / maxTicks;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}

/** A count as it is printed on a bar: non-negative, at most one decimal, Vietnamese comma. */
export function barValue(v: number): string {
  const n = Number.isFinite(v) && v > 0 ? Math.round(v * 10) / 10 : 0;
  return String(n).replace('.', ',');
}

const clean = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) && v > 0 ? v : 0);

/** The value axis: from 0 to `top` in `step`s (top ≥ the largest bar; at least 1). */
export function chartAxis(chart: Pick<ChartBlock, 'series'>): { top: number; step: number } {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map(clean)));
  const step = niceStep(max);
  return { top: Math.ceil(max / step) * step, step };
}

/** Font sizes of a chart, in points at its printed size (readable in print: body text is 14). */
export const CHART_TYPE = { title: 0, label: 11, value: 10, legend: 11, axis: 10 } as const;

export interface ChartLayout {
  /** The drawing's size in points (the printed size). */
  width: number;
  height: number;
  /** The plot area: bars grow from `plotLeft` to the right. */
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** Height of one category's band, and of one bar in it. */
  band: number;
  bar: number;
  /** Lines of each category label (wrapped to the label column). */
  labels: string[][];
  /** The legend's row, under the plot (empty for one series). */
  legendTop: number;
  axis: { top: number; step: number };
}

/** Wrap `text` into lines no wider than `widthMm` at `sizePt` (words kept whole). */
export function wrapText(text: string, widthMm: number, sizePt: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidthMm(next, sizePt) > widthMm) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const PT_PER_MM = 72 / 25.4;

/**
 * Where everything of a horizontal bar chart goes, in points at the printed size. The label
 * column takes what the longest category name needs, up to 40% of the width (longer names wrap);
 * the bars share the rest; the legend, when there are several series, sits under the plot.
 */
export function chartLayout(chart: ChartBlock): ChartLayout {
  const width = chart.widthMm * PT_PER_MM;
  const height = width * chart.aspect;
  const pad = 6;
  const labelMaxMm = (width * 0.4) / PT_PER_MM;
  const widest = Math.max(...chart.categories.map((c) => textWidthMm(c, CHART_TYPE.label)), 5);
  const labelMm = Math.min(labelMaxMm, widest + 1);
  const labels = chart.categories.map((c) => wrapText(c, labelMm, CHART_TYPE.label));
  const axis = chartAxis(chart);
  const valueRoom = (textWidthMm(barValue(axis.top), CHART_TYPE.value) + 2) * PT_PER_MM;
  const legendH = chart.series.length > 1 ? CHART_TYPE.legend * 1.8 : 0;
  const axisH = CHART_TYPE.axis * 2.6;
  const plotLeft = pad + labelMm * PT_PER_MM + 6;
  const plotRight = width - pad - valueRoom;
  const plotTop = pad;
  const plotBottom = height - pad - axisH - legendH;
  const band = (plotBottom - plotTop) / Math.max(1, chart.categories.length);
  const bar = Math.min(16, (band * 0.78) / Math.max(1, chart.series.length));
  return { width, height, plotLeft, plotRight, plotTop, plotBottom, band, bar, labels, legendTop: plotBottom + axisH, axis };
}

/**
 * The same chart with one series per colour: a one-series chart coloured per category becomes
 * one series per category, each zero except at its own category, to be drawn stacked (so each
 * bar keeps its colour where a library colours by series only, as the Charts service does).
 */
export function seriesPerColour(chart: Pick<ChartBlock, 'series' | 'categories'>): { series: ChartSeries[]; stacked: boolean } {
  const only = chart.series.length === 1 ? chart.series[0] : undefined;
  if (!only?.colors) return { series: chart.series, stacked: false };
  return {
    stacked: true,
    series: chart.categories.map((name, i) => ({
      name,
      color: only.colors?.[i] ?? only.color,
      values: chart.categories.map((_, j) => (j === i ? clean(only.values[i]) : 0)),
    })),
  };
}
