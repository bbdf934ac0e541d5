// A report's chart for the local .docx: the core's description (doc-model.ts ChartBlock, laid out
// by core/report/chart.ts chartLayout) drawn as an SVG with real type, rendered to a PNG by resvg
// (@resvg/resvg-js: a well-kept Rust SVG renderer with prebuilt binaries, no browser, no system
// library). The type is the document's: Times New Roman, or Liberation Serif (same metrics) where
// Times is not installed, so Vietnamese names print with their marks, as in the text around.
import { existsSync } from 'node:fs';
import { barValue, CHART_TYPE, chartLayout } from '../core/report/chart.ts';
import type { ChartBlock } from '../core/report/doc-model.ts';
import { textWidthMm } from '../core/report/text-width.ts';

export const CHART_FONTS = ['Times New Roman', 'Liberation Serif', 'Tinos', 'DejaVu Serif'];
/**
 * Font files with Times metrics and every Vietnamese letter, first found wins: Windows' and
 * macOS's Times New Roman, Liberation Serif 2 (Debian/Ubuntu `fonts-liberation2`; version 1 has
 * no Vietnamese), Tinos (`fonts-croscore`). Given to resvg by path: by family name it may pick
 * an older face of the same name that lacks the marks, and print those words in another font.
 */
export const CHART_FONT_FILES: readonly { family: string; file: string }[] = [
  { family: 'Times New Roman', file: 'C:\\Windows\\Fonts\\times.ttf' },
  { family: 'Times New Roman', file: '/System/Library/Fonts/Supplemental/Times New Roman.ttf' },
  { family: 'Times New Roman', file: '/Library/Fonts/Times New Roman.ttf' },
  { family: 'Liberation Serif', file: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf' },
  { family: 'Liberation Serif', file: '/usr/share/fonts/liberation-serif/LiberationSerif-Regular.ttf' },
  { family: 'Tinos', file: '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf' },
];

/** The chart's font file, or null (then the system's fonts by family name). */
export function chartFont(): { family: string; file: string } | null {
  return CHART_FONT_FILES.find((f) => existsSync(f.file)) ?? null;
}

/** Pixels per inch of the PNG: sharp in print at the chart's printed width. */
export const CHART_DPI = 200;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number): string => String(Math.round(v * 100) / 100);

/** The chart as an SVG document, in points at its printed size. */
export function chartSvg(chart: ChartBlock): string {
  const L = chartLayout(chart);
  const family = CHART_FONTS.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ') + ', serif';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(L.width)}pt" height="${n(L.height)}pt" viewBox="0 0 ${n(L.width)} ${n(L.height)}" font-family="${esc(family)}">`,
    `<title>${esc(chart.title)}</title><desc>${esc(chart.alt)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  const plotW = L.plotRight - L.plotLeft;
  const x = (v: number) => L.plotLeft + (Math.max(0, v) / L.axis.top) * plotW;
  // Grid lines and the axis's figures under the plot.
  for (let v = 0; v <= L.axis.top + 1e-9; v += L.axis.step) {
    out.push(`<line x1="${n(x(v))}" y1="${n(L.plotTop)}" x2="${n(x(v))}" y2="${n(L.plotBottom)}" stroke="${v === 0 ? '#000000' : '#d0d0d0'}" stroke-width="${v === 0 ? 1 : 0.6}"/>`);
    out.push(`<text x="${n(x(v))}" y="${n(L.plotBottom + CHART_TYPE.axis + 2)}" font-size="${CHART_TYPE.axis}" text-anchor="middle">${esc(barValue(v))}</text>`);
  }
  out.push(`<text x="${n(L.plotLeft + plotW / 2)}" y="${n(L.plotBottom + CHART_TYPE.axis * 2.3)}" font-size="${CHART_TYPE.axis}" font-style="italic" text-anchor="middle">${esc(chart.valueLabel)}</text>`);
  const nSeries = Math.max(1, chart.series.length);
  chart.categories.forEach((cat, i) => {
    const bandTop = L.plotTop + i * L.band;
    const lines = L.labels[i] ?? [cat];
    const lineH = CHART_TYPE.label * 1.15;
    const firstBaseline = bandTop + L.band / 2 - ((lines.length - 1) * lineH) / 2 + CHART_TYPE.label * 0.35;
    lines.forEach((line, k) =>
      out.push(`<text x="${n(L.plotLeft - 6)}" y="${n(firstBaseline + k * lineH)}" font-size="${CHART_TYPE.label}" text-anchor="end">${esc(line)}</text>`),
    );
    const groupTop = bandTop + (L.band - L.bar * nSeries) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const y = groupTop + k * L.bar;
      const w = x(v) - L.plotLeft;
      if (w > 0) out.push(`<rect x="${n(L.plotLeft)}" y="${n(y + 0.5)}" width="${n(w)}" height="${n(L.bar - 1)}" fill="${esc(s.colors?.[i] ?? s.color)}"/>`);
      out.push(`<text x="${n(x(v) + 3)}" y="${n(y + L.bar / 2 + CHART_TYPE.value * 0.35)}" font-size="${CHART_TYPE.value}">${esc(barValue(v))}</text>`);
    });
  });
  if (chart.series.length > 1) {
    // The series' names in one row under the plot, centred as a whole.
    const items = chart.series.map((s) => ({ s, w: 14 + textWidthMm(s.name, CHART_TYPE.legend) * (72 / 25.4) + 16 }));
    let cx = (L.width - items.reduce((a, b) => a + b.w, 0)) / 2;
    const y = L.legendTop + CHART_TYPE.legend;
    for (const { s, w } of items) {
      out.push(`<rect x="${n(cx)}" y="${n(y - CHART_TYPE.legend * 0.8)}" width="10" height="${n(CHART_TYPE.legend * 0.8)}" fill="${esc(s.color)}"/>`);
      out.push(`<text x="${n(cx + 14)}" y="${n(y)}" font-size="${CHART_TYPE.legend}">${esc(s.name)}</text>`);
      cx += w;
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

export interface ChartPng {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** The chart as a PNG at CHART_DPI (resvg loaded on first use: only reports need it). */
export async function chartPng(chart: ChartBlock): Promise<ChartPng> {
  const { Resvg } = await import('@resvg/resvg-js');
  const widthPx = Math.round((chart.widthMm / 25.4) * CHART_DPI);
  const found = chartFont();
  const resvg = new Resvg(chartSvg(chart), {
    fitTo: { mode: 'width', value: widthPx },
    font: found
      ? { loadSystemFonts: false, fontFiles: [found.file, found.file.replace(/Regular\.ttf$/, 'Italic.ttf')].filter((f) => existsSync(f)), defaultFontFamily: found.family, serifFamily: found.family }
      : { loadSystemFonts: true, defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), widthPx: image.width, heightPx: image.height };
}
