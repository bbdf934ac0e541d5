import { describe, expect, it } from 'vitest';
import { inflateRawSync, inflateSync, deflateRawSync } from 'node:zlib';
import { niceStep, renderBarChart } from '../../../src/core/report/chart.ts';
import { adler32, crc32, deflateRuns, encodePalettePng, fromBase64, toBase64 } from '../../../src/core/report/png.ts';

interface Chunk { type: string; data: Buffer; crcOk: boolean }
function chunks(png: Uint8Array): Chunk[] {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Chunk[] = [];
  for (let i = 8; i < b.length; ) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const data = b.subarray(i + 8, i + 8 + len);
    out.push({ type, data, crcOk: b.readUInt32BE(i + 8 + len) === crc32(b.subarray(i + 4, i + 8 + len)) });
    i += 12 + len;
  }
  return out;
}

describe('deflateRuns', () => {
  it.each([
    ['empty', new Uint8Array(0), 0],
    ['one byte', Uint8Array.from([7]), 0],
    ['a long run', new Uint8Array(100_000).fill(3), 0],
    ['rows that repeat', Uint8Array.from({ length: 30_000 }, (_, i) => (i % 300 < 150 ? 1 : (i % 7) + 2)), 300],
    ['noise', Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24), 0],
    ['every byte value', Uint8Array.from({ length: 512 }, (_, i) => i % 256), 0],
  ])('%s inflates back to the same bytes', (_name, data, row) => {
    const out = inflateRawSync(Buffer.from(deflateRuns(data, row)));
    expect(Buffer.compare(out, Buffer.from(data))).toBe(0);
  });

  it('compresses flat colour well', () => {
    expect(deflateRuns(new Uint8Array(100_000).fill(3)).length).toBeLessThan(1000);
  });
});

describe('PNG', () => {
  it('is a valid palette PNG whose pixels inflate back', () => {
    const px = Uint8Array.from([0, 1, 1, 0, 2, 2]);
    const png = encodePalettePng(3, 2, px, ['#ffffff', '#000000', '#ff0000']);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcOk)).toBe(true);
    const ihdr = cs[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 3]);
    expect([...cs[1]!.data]).toEqual([255, 255, 255, 0, 0, 0, 255, 0, 0]);
    const raw = inflateSync(cs[2]!.data);
    expect([...raw]).toEqual([0, 0, 1, 1, 0, 0, 2, 2]);
    expect(cs[2]!.data.readUInt32BE(cs[2]!.data.length - 4)).toBe(adler32(raw));
  });

  it('accepts a real deflate from the caller', () => {
    const png = encodePalettePng(2, 1, Uint8Array.from([0, 1]), ['#000000', '#ffffff'], (d) => deflateRawSync(d));
    expect([...inflateSync(chunks(png)[2]!.data)]).toEqual([0, 0, 1]);
  });

  it('refuses a bad palette or size', () => {
    expect(() => encodePalettePng(1, 1, Uint8Array.from([0]), ['red'])).toThrow(RangeError);
    expect(() => encodePalettePng(2, 2, Uint8Array.from([0]), ['#000000'])).toThrow(RangeError);
  });

  it('base64 round-trips and matches Node', () => {
    for (const n of [0, 1, 2, 3, 4, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
  });
});

describe('bar chart', () => {
  it.each([
    [0, 1], [1, 1], [5, 1], [9, 2], [12, 2], [40, 10], [100, 20],
  ])('niceStep(%i) = %i', (max, step) => expect(niceStep(max)).toBe(step));

  it('draws every series colour, taller bars for bigger values', () => {
    const img = renderBarChart({ categories: ['LV1', 'LV2'], series: [{ color: '#2e75b6', values: [4, 8] }, { color: '#c00000', values: [1, 0] }], width: 400, height: 300 });
    const cs = chunks(img.png);
    const palette = cs[1]!.data;
    const colours = Array.from({ length: palette.length / 3 }, (_, i) => palette.subarray(i * 3, i * 3 + 3).toString('hex'));
    expect(colours).toEqual(expect.arrayContaining(['ffffff', '000000', '2e75b6', 'c00000']));
    const raw = inflateSync(cs[2]!.data);
    const blue = colours.indexOf('2e75b6');
    // Height of blue in each half of the picture (category LV1 on the left, LV2 on the right).
    const columnHeight = (x0: number, x1: number) => {
      let h = 0;
      for (let y = 0; y < img.height; y++) {
        const row = raw.subarray(y * (img.width + 1) + 1, (y + 1) * (img.width + 1));
        if (row.subarray(x0, x1).includes(blue)) h++;
      }
      return h;
    };
    const left = columnHeight(0, img.width / 2);
    const right = columnHeight(img.width / 2, img.width);
    expect(right).toBeGreaterThan(left * 1.8);
  });

  it('survives empty and hostile input', () => {
    expect(() => renderBarChart({ categories: [], series: [] })).not.toThrow();
    expect(() => renderBarChart({ categories: ['<x>', 'Đạt'], series: [{ color: '#000000', values: [Number.NaN, -3] }] })).not.toThrow();
  });
});
