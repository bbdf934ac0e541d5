// A report's chart in Google: the core's description (doc-model.ts ChartBlock) drawn by Apps
// Script's Charts service (developers.google.com/apps-script/reference/charts) to a PNG, which
// the Docs renderer puts at the chart's marker paragraph. A horizontal bar chart with the real
// category names, the series' colours, the value axis from 0 to the core's top (chart.ts
// chartAxis), Times New Roman. A one-series chart coloured per category is drawn as one series
// per category, stacked (chart.ts seriesPerColour): the Charts service colours by series only.
// The Charts service needs no OAuth scope. The DataTable builder has no annotation role, so the
// value is not printed at the end of each bar as in the local image; the axis and gridlines give
// it, and the report's tables print every figure.
import { CHART_TYPE, chartAxis, chartLayout, seriesPerColour } from '../core/report/chart.ts';
import type { ChartBlock } from '../core/report/doc-model.ts';

/** Pixels per point of the PNG asked for: 2 (≈ 144 dpi at the printed size). */
const PX_PER_PT = 2;
const FONT = 'Times New Roman';

/**
 * Text styles built for the charts of one document, by size: a TextStyle is a finished value any
 * number of charts may take, so each size costs its four builder calls once per document.
 */
export type ChartTextStyles = Map<number, GoogleAppsScript.Charts.TextStyle>;

/** `charts`: the Charts service (the global one inside Apps Script; the runtime's in tests). */
export function chartBlob(chart: ChartBlock, charts: GoogleAppsScript.Charts.Charts = Charts, styles: ChartTextStyles = new Map()): GoogleAppsScript.Base.Blob {
  const { series, stacked } = seriesPerColour(chart);
  const table = charts.newDataTable().addColumn(charts.ColumnType.STRING, '');
  for (const s of series) table.addColumn(charts.ColumnType.NUMBER, s.name);
  chart.categories.forEach((c, i) => table.addRow([c, ...series.map((s) => { const v = s.values[i] ?? 0; return Number.isFinite(v) && v > 0 ? v : 0; })]));
  const layout = chartLayout(chart);
  const style = (size: number): GoogleAppsScript.Charts.TextStyle => {
    let built = styles.get(size);
    if (!built) styles.set(size, (built = charts.newTextStyle().setFontName(FONT).setFontSize(size * PX_PER_PT).build()));
    return built;
  };
  const axis = chartAxis(chart);
  let builder = charts.newBarChart()
    .setDataTable(table)
    .setColors(series.map((s) => s.color))
    .setDimensions(Math.round(layout.width * PX_PER_PT), Math.round(layout.height * PX_PER_PT))
    .setRange(0, axis.top)
    .setXAxisTitle(chart.valueLabel)
    .setXAxisTextStyle(style(CHART_TYPE.axis))
    .setXAxisTitleTextStyle(style(CHART_TYPE.axis))
    .setYAxisTextStyle(style(CHART_TYPE.label))
    .setLegendPosition(stacked || series.length < 2 ? charts.Position.NONE : charts.Position.BOTTOM)
    .setLegendTextStyle(style(CHART_TYPE.legend))
    .setBackgroundColor('#ffffff');
  if (stacked) builder = builder.setStacked();
  return builder.build().getAs('image/png');
}
