// An .xlsx as the package (OPC) it is: its parts, their content types and the relationships
// between them, read from the zip without exceljs. Used to see what a workbook holds before
// exceljs loads it, and to graft back onto what exceljs wrote what it leaves out (preserve.ts).
import path from 'node:path';
import { readPart, readZipEntries, type ZipEntry } from './zip.ts';
import { decodeXml, elementsAt, parseAttrs, tags } from './xml.ts';

export interface Rel {
  id: string;
  /** The relationship type's last segment: `worksheet`, `drawing`, `chart`, `pivotTable`… */
  type: string;
  typeUri: string;
  /** The target part's name in the zip (no leading slash), or the URL of an external target. */
  target: string;
  external: boolean;
}

export interface SheetRef {
  name: string;
  rid: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet` (from the relationship's type). */
  kind: string;
  /** The part, '' when the relationship is missing. */
  part: string;
  state: string;
}

export const relsPartOf = (part: string): string => {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
};

/** A relationship target (relative to its source part) as a part name. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // Keep it as written.
  }
  if (t.startsWith('/')) return path.posix.normalize(t.slice(1));
  const dir = source === '' ? '' : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, t));
}

/** `target` as a relative reference from `source` (what a relationship's Target holds). */
export function relativeTarget(source: string, target: string): string {
  const dir = path.posix.dirname(source);
  return path.posix.relative(dir === '.' ? '' : dir, target) || path.posix.basename(target);
}

export function parseRels(xml: string, source: string): Rel[] {
  const out: Rel[] = [];
  for (const t of tags(xml)) {
    if (t.local !== 'Relationship' || t.kind === 'close') continue;
    const typeUri = t.attrs.Type ?? '';
    const external = (t.attrs.TargetMode ?? '').toLowerCase() === 'external';
    const raw = t.attrs.Target ?? '';
    out.push({
      id: t.attrs.Id ?? '',
      type: typeUri.slice(typeUri.lastIndexOf('/') + 1),
      typeUri,
      target: external ? raw : resolveTarget(source, raw),
      external,
    });
  }
  return out;
}

export class PackageView {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly relsCache = new Map<string, Rel[]>();
  private readonly textCache = new Map<string, string>();
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, string>();
  readonly workbookPart: string;
  readonly sheets: SheetRef[];

  constructor(
    readonly buf: Buffer,
    /** The most bytes one small part (not a sheet) may inflate to. */
    readonly partLimit = 64 * 1024 * 1024,
    entries?: ZipEntry[],
  ) {
    this.entries = entries ?? readZipEntries(buf);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
    const types = this.text('[Content_Types].xml') ?? '';
    for (const t of tags(types)) {
      if (t.kind === 'close') continue;
      if (t.local === 'Default' && t.attrs.Extension) this.defaults.set(t.attrs.Extension.toLowerCase(), t.attrs.ContentType ?? '');
      if (t.local === 'Override' && t.attrs.PartName) this.overrides.set(resolveTarget('', t.attrs.PartName).toLowerCase(), t.attrs.ContentType ?? '');
    }
    const office = this.relsOf('').find((r) => r.type === 'officeDocument' && !r.external);
    this.workbookPart = office?.target ?? 'xl/workbook.xml';
    const wbRels = this.relsOf(this.workbookPart);
    const wbXml = this.text(this.workbookPart) ?? '';
    this.sheets = [];
    for (const t of tags(wbXml)) {
      if (t.local !== 'sheet' || t.kind === 'close') continue;
      const ridKey = Object.keys(t.attrs).find((k) => k === 'r:id' || k.endsWith(':id'));
      const rid = ridKey ? (t.attrs[ridKey] ?? '') : '';
      const rel = wbRels.find((r) => r.id === rid);
      this.sheets.push({ name: t.attrs.name ?? '', rid, kind: rel?.type ?? 'worksheet', part: rel && !rel.external ? rel.target : '', state: t.attrs.state ?? 'visible' });
    }
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  bytes(name: string, limit = this.partLimit): Buffer | null {
    const e = this.entry(name);
    return e ? readPart(this.buf, e, limit) : null;
  }

  text(name: string): string | null {
    const key = name.toLowerCase();
    const cached = this.textCache.get(key);
    if (cached !== undefined) return cached;
    const b = this.bytes(name);
    if (b === null) return null;
    const s = b.toString('utf8');
    this.textCache.set(key, s);
    return s;
  }

  contentType(name: string): string {
    const o = this.overrides.get(name.toLowerCase());
    if (o !== undefined) return o;
    const base = path.posix.basename(name);
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
    return this.defaults.get(ext) ?? '';
  }

  relsOf(part: string): Rel[] {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const xml = this.text(relsPartOf(part));
    const rels = xml === null ? [] : parseRels(xml, part);
    this.relsCache.set(part, rels);
    return rels;
  }
}

export interface DefinedName {
  name: string;
  /** The sheet it belongs to ('' for the whole workbook). */
  scope: string;
}

/** The workbook's defined names, each with the name of the sheet it is local to. */
export function definedNames(view: PackageView): DefinedName[] {
  const xml = view.text(view.workbookPart) ?? '';
  const out: DefinedName[] = [];
  for (const t of tags(xml)) {
    if (t.local !== 'definedName' || t.kind === 'close') continue;
    const local = t.attrs.localSheetId;
    const scope = local === undefined ? '' : (view.sheets[Number(local)]?.name ?? `#${local}`);
    out.push({ name: decodeXml(t.attrs.name ?? ''), scope });
  }
  return out;
}

export { elementsAt, parseAttrs };
