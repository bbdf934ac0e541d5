// A fake Blob (Utilities.newBlob, chart images, DocumentApp/HtmlOutput getAs).
// Apps Script byte arrays are Java bytes: numbers from -128 to 127, so getBytes() answers those.

export type ByteInput = string | readonly number[] | Uint8Array;

export function toUint8(data: ByteInput): Uint8Array {
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'utf8'));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  return Uint8Array.from(data, (b) => b & 0xff);
}

/** Java-style signed bytes. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export class FakeBlob {
  private bytes: Uint8Array;
  constructor(
    data: ByteInput = '',
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = toUint8(data);
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: ByteInput): this {
    this.bytes = toUint8(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    const enc = (charset ?? 'utf-8').toLowerCase().replace('-', '') === 'utf8' ? 'utf8' : 'latin1';
    return Buffer.from(this.bytes).toString(enc);
  }
  setDataFromString(s: string): this {
    this.bytes = toUint8(s);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(type: string): this {
    this.contentType = type;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.bytes, this.contentType, this.name);
  }
  /** Conversion is not simulated: the bytes stay, the content type changes. */
  getAs(contentType: string): FakeBlob {
    return new FakeBlob(this.bytes, contentType, this.name);
  }
  getBlob(): FakeBlob {
    return this.copyBlob();
  }
  /** Host-side helper for tests: the raw bytes. */
  __bytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

/** The 8-byte PNG signature, so a fake chart image is recognisably a PNG. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function fakePng(label: string): Uint8Array {
  return new Uint8Array([...PNG_SIGNATURE, ...Buffer.from(label, 'utf8')]);
}
