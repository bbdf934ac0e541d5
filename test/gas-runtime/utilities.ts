// Utilities: formatDate (Java SimpleDateFormat patterns through Intl), sleep on the simulated
// clock, blobs, base64 and digests with Java-style signed bytes, UUIDs.

import { createHash, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { FakeBlob, toSignedBytes, toUint8, type ByteInput } from './blob.ts';
import { gasError, isDate, type RuntimeCore } from './core.ts';
import { formatSimpleDate } from './formats.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const Charset = enumOf('US_ASCII', 'UTF_8');

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Utilities.sleep's documented maximum: 300000 ms (5 minutes). */
export const MAX_SLEEP_MS = 300000;

export class FakeUtilities {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  constructor(private readonly core: RuntimeCore) {}

  formatDate(date: Date, timeZone: string, pattern: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof pattern !== 'string') {
      const t = (v: unknown) => (isDate(v) ? 'Date' : typeof v === 'string' ? 'String' : typeof v);
      throw gasError(`The parameters (${[date, timeZone, pattern].map(t).join(',')}) don't match the method signature for Utilities.formatDate.`);
    }
    return formatSimpleDate(new Date(date.getTime()), timeZone, pattern);
  }
  /** Advances the simulated clock (so it counts against the 6-minute limit). */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
      throw gasError(`Invalid argument: milliseconds`); // Google rejects more than 300000 ms
    }
    this.core.advance(milliseconds);
  }
  newBlob(data: ByteInput, contentType?: string, name?: string): FakeBlob {
    return this.core.instrument(new FakeBlob(data, contentType ?? null, name ?? null), 'Blob');
  }
  base64Encode(data: ByteInput, _charset?: string): string {
    return Buffer.from(toUint8(data)).toString('base64');
  }
  base64EncodeWebSafe(data: ByteInput, _charset?: string): string {
    return Buffer.from(toUint8(data)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: string): number[] {
    return toSignedBytes(new Uint8Array(Buffer.from(String(encoded), 'base64')));
  }
  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    return toSignedBytes(new Uint8Array(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }
  computeDigest(algorithm: string, value: ByteInput, _charset?: string): number[] {
    const alg = NODE_DIGEST[algorithm];
    if (!alg) throw gasError(`Unsupported digest algorithm ${algorithm}`);
    return toSignedBytes(new Uint8Array(createHash(alg).update(toUint8(value)).digest()));
  }
  getUuid(): string {
    return randomUUID();
  }
  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
  }
  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }
  jsonParse(text: string): unknown {
    return JSON.parse(text);
  }
  /** Simple RFC 4180 parser (quotes, doubled quotes, CRLF). */
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}

export function createUtilities(core: RuntimeCore): FakeUtilities {
  return core.instrument(new FakeUtilities(core), 'Utilities');
}
