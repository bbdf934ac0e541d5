// A minimal PNG encoder for palette images, in pure TypeScript (the core may not use Node's zlib).
// Compression: a small deflate of our own (fixed Huffman codes, matches against the previous
// byte and the row above), which suits flat-colour charts well; a caller may pass a real deflate
// (Node's zlib.deflateRawSync) instead.

/** Raw deflate (RFC 1951): bytes in, compressed bytes out. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  /** Write `len` bits of `value`, least significant first (deflate's bit order for numbers). */
  bits(value: number, len: number): void {
    for (let i = 0; i < len; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** Write a Huffman code, most significant bit first. */
  code(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
  }
  finish(): Uint8Array {
    if (this.n > 0) this.out.push(this.acc);
    return Uint8Array.from(this.out);
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function writeLiteralOrLength(w: BitWriter, sym: number): void {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

/** Index of the last base ≤ v. */
function baseIndex(bases: number[], v: number): number {
  let i = bases.length - 1;
  while (bases[i]! > v) i--;
  return i;
}

/**
 * Deflate with the fixed Huffman codes, one block, greedy matches at two distances only: 1 (runs
 * of one colour) and `rowDistance` (a row like the one above). Enough for charts: tens of KB.
 */
export function deflateRuns(data: Uint8Array, rowDistance = 0): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = 01, fixed codes
  const n = data.length;
  const matchLen = (i: number, dist: number): number => {
    if (dist <= 0 || dist > 32768 || i < dist) return 0;
    let k = 0;
    while (k < 258 && i + k < n && data[i + k] === data[i + k - dist]) k++;
    return k;
  };
  let i = 0;
  while (i < n) {
    const a = matchLen(i, 1);
    const b = matchLen(i, rowDistance);
    const len = Math.max(a, b);
    if (len >= 3) {
      const dist = b >= a ? rowDistance : 1;
      const li = baseIndex(LEN_BASE, len);
      writeLiteralOrLength(w, 257 + li);
      w.bits(len - LEN_BASE[li]!, LEN_EXTRA[li]!);
      const di = baseIndex(DIST_BASE, dist);
      w.code(di, 5);
      w.bits(dist - DIST_BASE[di]!, DIST_EXTRA[di]!);
      i += len;
    } else {
      writeLiteralOrLength(w, data[i]!);
      i++;
    }
  }
  writeLiteralOrLength(w, 256);
  return w.finish();
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/**
 * Encode an 8-bit palette image. `pixels` holds one palette index per pixel, row by row;
 * `palette` holds `#rrggbb` colours (at most 256).
 */
export function encodePalettePng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: string[],
  deflate?: DeflateRaw,
): Uint8Array {
  if (palette.length === 0 || palette.length > 256) throw new RangeError('palette must hold 1 to 256 colours');
  if (pixels.length !== width * height) throw new RangeError('pixels do not match the size');
  const stride = width + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * stride + 1);
  }
  const compressed = deflate ? deflate(raw) : deflateRuns(raw, stride);
  const zlib = new Uint8Array(2 + compressed.length + 4);
  zlib[0] = 0x78;
  zlib[1] = 0x01;
  zlib.set(compressed, 2);
  zlib.set(u32(adler32(raw)), 2 + compressed.length);

  const ihdr = Uint8Array.from([...u32(width), ...u32(height), 8, 3, 0, 0, 0]);
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach((c, i) => {
    const m = /^#([0-9a-f]{6})$/i.exec(c);
    if (!m) throw new RangeError(`not a #rrggbb colour: ${c}`);
    const v = parseInt(m[1]!, 16);
    plte[i * 3] = (v >> 16) & 255;
    plte[i * 3 + 1] = (v >> 8) & 255;
    plte[i * 3 + 2] = v & 255;
  });
  const bytes = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('PLTE', plte),
    ...chunk('IDAT', zlib),
    ...chunk('IEND', new Uint8Array(0)),
  ];
  return Uint8Array.from(bytes);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Node's Buffer or the DOM's btoa (neither exists in the core). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const v = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(v >> 6) & 63]!;
    out += c === undefined ? '=' : B64[v & 63]!;
  }
  return out;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64.indexOf(clean[i + k]!) : -1));
    const v = ((q[0]! & 63) << 18) | ((Math.max(q[1]!, 0) & 63) << 12) | ((Math.max(q[2]!, 0) & 63) << 6) | (Math.max(q[3]!, 0) & 63);
    out.push((v >> 16) & 255);
    if (q[2]! >= 0) out.push((v >> 8) & 255);
    if (q[3]! >= 0) out.push(v & 255);
  }
  return Uint8Array.from(out);
}
