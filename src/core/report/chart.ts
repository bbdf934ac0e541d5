// A grouped bar chart drawn to a PNG in pure TypeScript, for the local report (in Google the
// renderer may use a Sheets chart from the same data). The image prints only ASCII: category
// codes (LV1…LV8, 1…5), values and the axis; the Vietnamese legend is a table in the document,
// because a bitmap font with every Vietnamese letter is not worth its weight here.

import { encodePalettePng, type DeflateRaw } from './png.ts';

// 5×7 glyphs, one string of 35 bits (rows top to bottom). Lower case is drawn as upper case.
const GLYPHS: Record<string, string> = {
  '0': '01110100011001110101110011000101110', '1': '00100011000010000100001000010001110',
  '2': '01110100010000100010001000100011111', '3': '11111000100010000010000011000101110',
  '4': '00010001100101010010111110001000010', '5': '11111100001111000001000011000101110',
  '6': '00110010001000011110100011000101110', '7': '11111000010001000100010000100001000',
  '8': '01110100011000101110100011000101110', '9': '01110100011000101111000010001001100',
  A: '01110100011000111111100011000110001', B: '11110100011000111110100011000111110',
  C: '01110100011000010000100001000101110', D: '11100100101000110001100011001011100',
  E: '11111100001000011110100001000011111', F: '11111100001000011110100001000010000',
  G: '01110100011000010111100011000101111', H: '10001100011000111111100011000110001',
  I: '01110001000010000100001000010001110', J: '00111000100001000010000101001001100',
  K: '10001100101010011000101001001010001', L: '10000100001000010000100001000011111',
  M: '10001110111010110101100011000110001', N: '10001100011100110101100111000110001',
  O: '01110100011000110001100011000101110', P: '11110100011000111110100001000010000',
  Q: '01110100011000110001101011001001101', R: '11110100011000111110101001001010001',
  S: '01111100001000001110000010000111110', T: '11111001000010000100001000010000100',
  U: '10001100011000110001100011000101110', V: '10001100011000110001010100101000100',
  W: '10001100011000110101101011010101010', X: '10001100010101000100010101000110001',
  Y: '10001100011000101010001000010000100', Z: '11111000010001000100010001000011111',
  '%': '11000110010001000100010001001100011', '/': '00000000010001000100010001000000000',
  '-': '00000000000000011111000000000000000', '.': '00000000000000000000000000110001100',
  ',': '00000000000000000000011000010001000', ':': '00000011000110000000011000110000000',
  '(': '00010001000100001000010000010000010', ')': '01000001000001000010000100010001000',
  '+': '00000001000010011111001000010000000', ' ': '00000000000000000000000000000000000',
  '?': '01110100010000100010001000000000100',
};

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height); // palette index 0: background
  }
  fill(x: number, y: number, w: number, h: number, color: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) this.pixels.fill(color, yy * this.width + x0, yy * this.width + x1);
  }
  /** Text in the 5×7 font, each dot `scale` px, 1 dot between letters. */
  text(s: string, x: number, y: number, scale: number, color: number, align: 'left' | 'center' | 'right' = 'left'): void {
    const w = textWidth(s, scale);
    let cx = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
    for (const ch of s.toUpperCase()) {
      const g = GLYPHS[ch] ?? GLYPHS['?']!;
      for (let i = 0; i < 35; i++) if (g[i] === '1') this.fill(cx + (i % 5) * scale, y + Math.floor(i / 5) * scale, scale, scale, color);
      cx += 6 * scale;
    }
  }
}

export const textWidth = (s: string, scale: number): number => (s.length ? s.length * 6 * scale - scale : 0);

/** The smallest "nice" tick step (1, 2, 5 × 10^k) giving at most `maxTicks` steps up to `max`. */
export function niceStep(max: number, maxTicks = 6): number {
  if (max <= 0) return 1;
  const raw = max / maxTicks;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}

export interface BarChartInput {
  categories: string[];
  series: { color: string; values: number[]; /** per-category colours (one bar per category) */ colors?: string[] }[];
  width?: number;
  height?: number;
}

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const BG = '#ffffff';
const INK = '#000000';
const GRID = '#d0d0d0';

/**
 * Draw the chart. Values are non-negative counts; each bar carries its value above it. Colours
 * are `#rrggbb`. Sizes are in pixels (default 1200 × 560: about 200 dpi at 150 mm wide).
 */
export function renderBarChart(input: BarChartInput, deflate?: DeflateRaw): ChartImage {
  const width = input.width ?? 1200;
  const height = input.height ?? 560;
  const palette = [BG, INK, GRID];
  const colorIndex = (c: string): number => {
    const k = c.toLowerCase();
    let i = palette.indexOf(k);
    if (i < 0) {
      palette.push(k);
      i = palette.length - 1;
    }
    return i;
  };
  const cv = new Canvas(width, height);
  const ink = 1;
  const grid = 2;

  const values = input.series.flatMap((s) => s.values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0)));
  const max = Math.max(1, ...values);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;

  const scale = 3; // label dots: 15 × 21 px letters
  const tickLabelW = textWidth(String(top), scale);
  const left = 24 + tickLabelW + 12;
  const right = width - 20;
  const plotTop = 20 + 7 * scale + 10; // room for the tallest bar's value
  const plotBottom = height - (7 * scale + 30);
  const plotH = plotBottom - plotTop;

  // grid lines and tick labels
  for (let v = 0; v <= top + 1e-9; v += step) {
    const y = Math.round(plotBottom - (v / top) * plotH);
    cv.fill(left, y, right - left, 2, v === 0 ? ink : grid);
    cv.text(String(v), left - 12, y - Math.floor((7 * scale) / 2), scale, ink, 'right');
  }
  cv.fill(left, plotTop, 2, plotH + 2, ink);

  const nCat = Math.max(1, input.categories.length);
  const groupW = (right - left) / nCat;
  const nSeries = Math.max(1, input.series.length);
  const barW = Math.min(90, (groupW * 0.75) / nSeries);
  const groupPad = (groupW - barW * nSeries) / 2;
  input.categories.forEach((cat, ci) => {
    const gx = left + ci * groupW;
    input.series.forEach((s, si) => {
      const raw = s.values[ci] ?? 0;
      const v = Number.isFinite(raw) && raw > 0 ? raw : 0;
      const h = (v / top) * plotH;
      const x = gx + groupPad + si * barW;
      const color = colorIndex(s.colors?.[ci] ?? s.color);
      cv.fill(x + 2, plotBottom - h, barW - 4, h, color);
      cv.text(String(Math.round(v * 10) / 10).replace('.', ','), x + barW / 2, plotBottom - h - 7 * scale - 6, barW < 24 ? 2 : scale, ink, 'center');
    });
    cv.text(cat, gx + groupW / 2, plotBottom + 12, scale, ink, 'center');
  });

  return { png: encodePalettePng(width, height, cv.pixels, palette, deflate), width, height };
}
