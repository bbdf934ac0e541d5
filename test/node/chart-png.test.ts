// The local report's chart: an SVG with real type rendered to PNG by resvg (src/node/chart-png.ts).
// The pixels are read back: the names are drawn (in the label column of each bar's row), the
// bars are as long as their values, in their colours.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartFont, chartPng, chartSvg } from '../../src/node/chart-png.ts';
import { kpisByStatusChart, tasksByAreaChart } from '../../src/core/report/quarterly.ts';
import { chartLayout } from '../../src/core/report/chart.ts';
import { mustRun } from '../helpers/tools.ts';

/** An 8-bit RGBA/RGB PNG decoded to rows of pixels (the filters undone). */
function decode(png: Uint8Array): { width: number; height: number; px: (x: number, y: number) => [number, number, number] } {
  const b = Buffer.from(png);
  let i = 8;
  let width = 0, height = 0, channels = 4;
  const idat: Buffer[] = [];
  while (i < b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const data = b.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    }
    if (type === 'IDAT') idat.push(data);
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + up - c;
      const pr = Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c;
      out[y * stride + x] = (v + [0, a, up, (a + up) >> 1, pr][f]!) & 0xff;
    }
  }
  return { width, height, px: (x, y) => [out[y * stride + x * channels]!, out[y * stride + x * channels + 1]!, out[y * stride + x * channels + 2]!] };
}

const byArea = Object.fromEntries(['LV1', 'LV2', 'LV3', 'LV4', 'LV5', 'LV6', 'LV7', 'LV8'].map((c, i) => [c, { total: 2 + i, done: i, overdue: i % 2 }]));
const areas = tasksByAreaChart({ tasks: { total: 44, done: 28, overdue: 4, byArea } as never }, 'Biểu đồ 1. Nhiệm vụ theo lĩnh vực');
const kpis = kpisByStatusChart({ kpiCounts: { met: 10, near: 5, notMet: 2, notApplicable: 0, noData: 1 } as never }, 'Biểu đồ 2. Chỉ tiêu');

describe('the chart as SVG', () => {
  it('prints the real names, the series in a legend, the value axis title; text escaped', () => {
    const svg = chartSvg(areas);
    for (const name of ['Chỉ đạo, điều hành', 'Thủ tục hành chính', 'Chính quyền số', 'Tổng số nhiệm vụ', 'Quá hạn chưa hoàn thành', 'Số nhiệm vụ']) expect(svg).toContain(`>${name}<`);
    const hostile = chartSvg({ ...kpis, categories: ['<b>&"x"</b>', 'Gần đạt', 'Chưa đạt', 'a', 'b'] });
    expect(hostile).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(hostile).not.toContain('<b>');
  });
});

describe('the chart as PNG (resvg)', () => {
  it('uses a font file with every Vietnamese letter', () => {
    // Liberation Serif 2 on Debian (fonts-liberation2, installed by .ci/run), Times New Roman on
    // Windows and macOS. Without one the names fall back to another face.
    if (mustRun) expect(chartFont(), 'apt-get install -y fonts-liberation2').not.toBeNull();
  });

  it('draws each name left of its bars and each bar as long as its value, in its colour', async () => {
    const out = await chartPng(kpis);
    const img = decode(out.png);
    expect([img.width, img.height]).toEqual([out.widthPx, out.heightPx]);
    // 160 mm at 200 dpi.
    expect(img.width).toBe(1260);
    const L = chartLayout(kpis);
    const k = img.width / L.width; // pixels per point
    const dark = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = Math.round(y0 * k); y < Math.round(y1 * k); y++) for (let x = Math.round(x0 * k); x < Math.round(x1 * k); x++) if (img.px(x, y).every((c) => c < 100)) n++;
      return n;
    };
    const runOf = (y: number, rgb: [number, number, number]) => {
      let n = 0;
      for (let x = 0; x < img.width; x++) if (img.px(x, Math.round(y * k)).every((c, j) => Math.abs(c - rgb[j]!) < 8)) n++;
      return n;
    };
    const centre = (i: number) => L.plotTop + (i + 0.5) * L.band;
    for (let i = 0; i < 5; i++) {
      // Ink of the name in the label column, on the row of its bar.
      expect(dark(0, L.plotLeft - 4, centre(i) - L.band / 3, centre(i) + L.band / 3), `name ${i}`).toBeGreaterThan(40);
    }
    const green = runOf(centre(0), [0x70, 0xad, 0x47]);
    const amber = runOf(centre(1), [0xff, 0xc0, 0x00]);
    const red = runOf(centre(2), [0xc0, 0x00, 0x00]);
    expect(green / amber).toBeCloseTo(2, 1);
    expect(amber / red).toBeCloseTo(2.5, 1);
    expect(runOf(centre(3), [0xa5, 0xa5, 0xa5])).toBeLessThan(3); // Không phát sinh: 0, no bar
  });

  it('survives hostile input: no categories, NaN and negative values', async () => {
    const empty = await chartPng({ ...kpis, categories: [], series: [] });
    expect(empty.widthPx).toBe(1260);
    const bad = await chartPng({ ...kpis, series: [{ name: 'x', color: '#000000', values: [Number.NaN, -3, Infinity, 0, 1] }] });
    expect(bad.heightPx).toBeGreaterThan(100);
  });
});
