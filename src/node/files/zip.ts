// A small zip reader and writer for .xlsx packages, with bounded memory.
//
// exceljs (through jszip) inflates every part of a workbook into memory before it parses any, so
// a workbook is looked at here first: the central directory gives each part's declared sizes, and
// a part is inflated as a stream that stops at a byte limit (a part that lies about its size, or
// a zip bomb, costs at most that limit). The writer copies parts it does not change as they are
// (no recompression) and deflates the rest. Zip64 is read; it is never written (the caps keep a
// workbook far below 4 GB).

import { crc32, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** A part's size went past the limit while it was inflated. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`${part}: more than ${limit} bytes uncompressed`);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** As the central directory declares it (checked while inflating). */
  size: number;
  /** Where the compressed bytes start in the zip. */
  dataOffset: number;
  /** Bit 11: the name is UTF-8. */
  flags: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value out of range');
  return Number(v);
}

/** The entries of a zip, from its central directory. Throws ZipFormatError on a damaged zip. */
export function readZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new ZipFormatError('too short for a zip');
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(buf, eocd - 20 + 8);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipFormatError('bad zip64 end record');
    count = u64(buf, at + 32);
    cdSize = u64(buf, at + 40);
    cdOffset = u64(buf, at + 48);
  }
  if (cdOffset + cdSize > buf.length) throw new ZipFormatError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // Zip64 extra field: the values that are 0xFFFFFFFF above follow, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(buf, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(buf, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) throw new ZipFormatError(`${name} runs past the end of the file`);
    entries.push({ name, method, crc, compressedSize, size, dataOffset, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const compressed = (buf: Buffer, e: ZipEntry): Buffer => buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);

/** A part's bytes, inflated in one go; at most `limit` bytes or ZipLimitError. */
export function readPart(buf: Buffer, e: ZipEntry, limit = 64 * 1024 * 1024): Buffer {
  if (e.method === 0) {
    if (e.compressedSize > limit) throw new ZipLimitError(e.name, limit);
    return compressed(buf, e);
  }
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
  try {
    return inflateRawSync(compressed(buf, e), { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipLimitError(e.name, limit);
    throw new ZipFormatError(`${e.name}: ${(err as Error).message}`);
  }
}

/**
 * Inflate a part a chunk at a time to `onChunk`; stops with ZipLimitError past `limit` bytes.
 * Memory: one chunk, whatever the part's size. Returns the part's size.
 */
export async function streamPart(buf: Buffer, e: ZipEntry, limit: number, onChunk: (chunk: Buffer) => void): Promise<number> {
  if (e.method === 0) {
    if (e.compressedSize > limit) throw new ZipLimitError(e.name, limit);
    const data = compressed(buf, e);
    for (let i = 0; i < data.length; i += 1 << 16) onChunk(data.subarray(i, i + (1 << 16)));
    return data.length;
  }
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
  return new Promise<number>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 1 << 16 });
    let total = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      inflater.destroy();
      reject(err);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > limit) return fail(new ZipLimitError(e.name, limit));
      try {
        onChunk(chunk);
      } catch (err) {
        fail(err as Error);
      }
    });
    inflater.on('error', (err) => fail(new ZipFormatError(`${e.name}: ${err.message}`)));
    inflater.on('end', () => {
      if (!failed) resolve(total);
    });
    inflater.end(compressed(buf, e));
  });
}

/** streamPart, as UTF-8 text. */
export async function streamPartText(buf: Buffer, e: ZipEntry, limit: number, onText: (text: string) => void): Promise<number> {
  const decoder = new StringDecoder('utf8');
  const n = await streamPart(buf, e, limit, (chunk) => onText(decoder.write(chunk)));
  onText(decoder.end());
  return n;
}

/** A part to write: new bytes, or an entry copied as it is from another zip. */
export type ZipOutPart = { name: string; data: Buffer } | { name: string; from: Buffer; entry: ZipEntry };

// DOS date of 1980-01-01 00:00: the parts carry no time (the file's own mtime says when).
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of `parts`, in their order. */
export function writeZip(parts: ZipOutPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let method: number;
    let crc: number;
    let size: number;
    let data: Buffer;
    if ('data' in part) {
      crc = crc32(part.data);
      size = part.data.length;
      const deflated = size > 0 ? deflateRawSync(part.data, { level: 6 }) : Buffer.alloc(0);
      if (deflated.length < size) {
        method = 8;
        data = deflated;
      } else {
        method = 0;
        data = part.data;
      }
    } else {
      ({ method, crc, size } = part.entry);
      data = compressed(part.from, part.entry);
    }
    if (offset > 0xfffffffe || data.length > 0xfffffffe || size > 0xfffffffe) throw new ZipFormatError('workbook too large for a zip without zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  if (parts.length > 0xffff) throw new ZipFormatError('too many parts for a zip without zip64');
  return Buffer.concat([...chunks, ...central, end]);
}
