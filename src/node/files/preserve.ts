// Keeping what exceljs does not model. exceljs reads cells, styles, notes, tables, pictures,
// validations and names, and writes only those: a chart, a shape, a sparkline, a custom document
// property or a protected workbook structure in the file would be gone after our write.
//
// So before a write the original package is inventoried (inventory), and after exceljs has written
// its package the parts it left out are put back (graft):
// - a sheet's drawing (charts, shapes, text boxes, pictures) with every part it reaches (charts,
//   their styles and colours, images), copied as they were and linked to the same sheet;
// - elements of a sheet exceljs drops but that stand alone (manual column breaks, protected
//   ranges, scenarios, watches, consolidation) and extensions without relationships (sparklines,
//   Excel 2010 validations referring to other sheets);
// - the workbook's write/structure protection and extensions, custom XML parts, custom document
//   properties, sensitivity labels and thumbnails.
// What cannot be put back safely (pivot tables, chart sheets, links to other files, slicers,
// macros, form controls, embedded objects, threaded comments, dynamic arrays…) is named, and the
// write is refused before anything is done (the caller may write a NEW file instead).
// After the graft the result is checked against the inventory (verifyKept): a write that would
// lose anything the inventory lists is refused, leaving the file as it was.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { t, type MessageKey, type MessageParams } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import { definedNames, PackageView, parseRels, relativeTarget, relsPartOf, type DefinedName, type Rel } from './package.ts';
import type { ScanResult } from './scan.ts';
import { elementsAt, escapeXml, parseAttrs, rootTag, withNamespaces } from './xml.ts';
import { writeZip, type ZipEntry, type ZipOutPart } from './zip.ts';

/** What a message names (a part that cannot be kept, something a write would lose): a catalogue entry. */
export interface Label {
  key: MessageKey;
  params?: MessageParams;
}

const L = (key: MessageKey, params?: MessageParams): Label => ({ key, params });

const LABELS: Record<string, Label> = {
  pivot: L('files.part_pivot'),
  chartsheet: L('files.part_chartsheet'),
  dialogsheet: L('files.part_dialogsheet'),
  externalLink: L('files.part_externalLink'),
  slicer: L('files.part_slicer'),
  threadedComment: L('files.part_threadedComment'),
  controls: L('files.part_controls'),
  ole: L('files.part_ole'),
  vba: L('files.part_vba'),
  connections: L('files.part_connections'),
  dynamicArrays: L('files.part_dynamicArrays'),
  richData: L('files.part_richData'),
  headerPictures: L('files.part_headerPictures'),
  customViews: L('files.part_customViews'),
  legacyShapes: L('files.part_legacyShapes'),
  smartTags: L('files.part_smartTags'),
  webPublish: L('files.part_webPublish'),
  dataModel: L('files.part_dataModel'),
  customProperties: L('files.part_customProperties'),
  drawingLinks: L('files.part_drawingLinks'),
};

function unknownLabel(what: string): Label {
  return L('files.part_other', { name: what.slice(0, 40) });
}

// ---------------------------------------------------------------- classification

/** Workbook relationships exceljs writes itself, or that may go (Excel rebuilds them). */
const BOOK_REL_OK = new Set(['worksheet', 'styles', 'sharedStrings', 'theme', 'calcChain', 'person']);
const BOOK_REL_LABEL: Record<string, string> = {
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  macrosheet: 'dialogsheet',
  xlMacrosheet: 'dialogsheet',
  xlIntlMacrosheet: 'dialogsheet',
  externalLink: 'externalLink',
  pivotCacheDefinition: 'pivot',
  connections: 'connections',
  sheetMetadata: 'dynamicArrays',
  slicerCache: 'slicer',
  timelineCache: 'slicer',
  vbaProject: 'vba',
  powerPivotData: 'dataModel',
  rdRichValue: 'richData',
  rdRichValueStructure: 'richData',
  rdRichValueTypes: 'richData',
  richValueRel: 'richData',
};

/** Sheet relationships exceljs keeps (or that may go: printer settings). */
const SHEET_REL_OK = new Set(['vmlDrawing', 'comments', 'hyperlink', 'table', 'printerSettings', 'image', 'drawing']);
const SHEET_REL_LABEL: Record<string, string> = {
  pivotTable: 'pivot',
  threadedComment: 'threadedComment',
  ctrlProp: 'controls',
  oleObject: 'ole',
  package: 'ole',
  activeXControl: 'ole',
  control: 'ole',
  slicer: 'slicer',
  timeline: 'slicer',
  customProperty: 'customProperties',
  queryTable: 'connections',
};

/** Root relationships exceljs writes; digital signatures do not survive any change anyway. */
const ROOT_REL_EXCELJS = new Set(['officeDocument', 'core-properties', 'extended-properties']);
const ROOT_REL_DROP = new Set(['origin', 'digital-signature']);

/** The children of <worksheet> in the schema's order (where a put-back element goes). */
const SHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];
/** After the cell data: what exceljs models, or what may go. */
const SHEET_TAIL_OK = new Set([
  'sheetData', 'sheetCalcPr', 'sheetProtection', 'autoFilter', 'sortState', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'ignoredErrors',
  'drawing', 'legacyDrawing', 'picture', 'tableParts', 'extLst',
]);
/** Stand-alone elements exceljs drops, put back as they were. */
const SHEET_TAIL_GRAFT = new Set(['protectedRanges', 'scenarios', 'dataConsolidate', 'colBreaks', 'cellWatches']);
const SHEET_TAIL_LABEL: Record<string, string> = {
  customSheetViews: 'customViews',
  customProperties: 'customProperties',
  smartTags: 'smartTags',
  legacyDrawingHF: 'headerPictures',
  drawingHF: 'headerPictures',
  oleObjects: 'ole',
  controls: 'controls',
  webPublishItems: 'webPublish',
  AlternateContent: 'controls',
};
/** The one sheet extension exceljs reads and writes (conditional formats of Excel 2010). */
const SHEET_EXT_EXCELJS = new Set(['{78C0D931-6437-407d-A8EE-F0AAD7539E65}'.toLowerCase()]);

const BOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];
const BOOK_OK = new Set([
  'fileVersion', 'workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr', 'oleSize', 'functionGroups', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'revisionPtr', 'extLst',
]);
const BOOK_LABEL: Record<string, string> = {
  externalReferences: 'externalLink',
  pivotCaches: 'pivot',
  customWorkbookViews: 'customViews',
  webPublishObjects: 'webPublish',
};
/** Workbook extensions that only say how the writing program computes or shows things. */
const BOOK_EXT_DROP = new Set(
  [
    '{7626C862-2A13-11E5-B345-FEFF819CDC9F}', // LibreOffice: string reference syntax
    '{140A7094-0E35-4892-8432-C4D2E57EDEB5}', // x15:workbookPr chartTrackingRefBase
    '{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}', // calcFeatures
    '{79F54976-1DA5-4618-B147-4CDE4B953A38}', // x14:workbookPr
  ].map((u) => u.toLowerCase()),
);

// ---------------------------------------------------------------- inventory

export interface Fragment {
  /** The element's local name (`colBreaks`, `ext`, `workbookProtection`). */
  element: string;
  /** For an extension, its uri. */
  uri?: string;
  xml: string;
}

export interface Inventory {
  /** What cannot be kept, by label key (deduplicated). */
  unsupported: Map<string, Label>;
  sheetNames: string[];
  /** Sheet name → its drawing part in the original. */
  drawings: Map<string, string>;
  sheetFragments: Map<string, Fragment[]>;
  /** Sheet name → the namespace declarations of its root element. */
  sheetNamespaces: Map<string, Record<string, string>>;
  tables: Map<string, number>;
  pictures: Set<string>;
  bookFragments: Fragment[];
  bookNamespaces: Record<string, string>;
  bookRels: Rel[];
  rootRels: Rel[];
  names: DefinedName[];
  /** Each defined name as written, with the sheet it is local to ('' for the workbook). */
  nameElements: { name: string; scope: string; xml: string }[];
}

function flag(inv: Inventory, key: string, label?: Label): void {
  const l = label ?? LABELS[key] ?? unknownLabel(key);
  if (!inv.unsupported.has(key)) inv.unsupported.set(key, l);
}

function namespaces(startTag: string): Record<string, string> {
  const attrs = parseAttrs(startTag);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (k.startsWith('xmlns:')) out[k] = v;
  return out;
}

/** `tail` (from `</sheetData>` or the end of `<sheetData/>`) as a list of the root's children. */
function tailElements(tail: string): { rest: string; offset: number; elements: ReturnType<typeof elementsAt> } {
  let offset = 0;
  const close = /^\s*<\/(?:[\w.-]+:)?sheetData\s*>/.exec(tail);
  if (close) offset = close[0].length;
  const endRoot = tail.lastIndexOf('</');
  const rest = tail.slice(offset, endRoot > offset ? endRoot : tail.length);
  return { rest, offset, elements: elementsAt(`<w>${rest}</w>`, 1).map((e) => ({ ...e, start: e.start - 3, end: e.end - 3 })) };
}

/** Every part reachable from `start` through relationships (start included), or null if one is a main workbook part. */
function closure(view: PackageView, start: string): string[] | null {
  const seen = new Set<string>([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const r of view.relsOf(order[i] as string)) {
      if (r.external || seen.has(r.target) || !view.has(r.target)) continue;
      if (/spreadsheetml\.(sheet|worksheet|chartsheet|template)\.main|spreadsheetml\.worksheet|spreadsheetml\.styles|sharedStrings/.test(view.contentType(r.target))) return null;
      seen.add(r.target);
      order.push(r.target);
    }
  }
  return order;
}

export function inventory(view: PackageView, scan: ScanResult): Inventory {
  const inv: Inventory = {
    unsupported: new Map(),
    sheetNames: [],
    drawings: new Map(),
    sheetFragments: new Map(),
    sheetNamespaces: new Map(),
    tables: new Map(),
    pictures: new Set(),
    bookFragments: [],
    bookNamespaces: {},
    bookRels: [],
    rootRels: [],
    names: definedNames(view),
    nameElements: [],
  };
  for (const r of view.relsOf('')) {
    if (r.external || ROOT_REL_EXCELJS.has(r.type) || ROOT_REL_DROP.has(r.type) || !view.has(r.target)) continue;
    if (closure(view, r.target) === null) flag(inv, `root:${r.type}`, unknownLabel(r.target));
    else inv.rootRels.push(r);
  }
  for (const r of view.relsOf(view.workbookPart)) {
    if (r.external) {
      if (r.type !== 'worksheet') flag(inv, BOOK_REL_LABEL[r.type] ?? `book:${r.type}`, BOOK_REL_LABEL[r.type] ? undefined : unknownLabel(r.type));
      continue;
    }
    if (BOOK_REL_OK.has(r.type)) continue;
    if (r.type === 'customXml') {
      if (closure(view, r.target) === null) flag(inv, 'customXml', unknownLabel(r.target));
      else inv.bookRels.push(r);
      continue;
    }
    const key = BOOK_REL_LABEL[r.type];
    flag(inv, key ?? `book:${r.type}`, key ? undefined : unknownLabel(r.target));
  }

  // The workbook part.
  const bookXml = view.text(view.workbookPart) ?? '';
  inv.bookNamespaces = namespaces(rootTag(bookXml)?.name ? bookXml.slice(0, bookXml.indexOf('>', bookXml.indexOf('<workbook')) + 1) : '');
  for (const el of elementsAt(bookXml, 1)) {
    const xml = bookXml.slice(el.start, el.end);
    if (el.local === 'extLst') {
      for (const ext of elementsAt(`<x>${xml}</x>`, 2)) {
        if (ext.local !== 'ext') continue;
        const uri = (ext.attrs.uri ?? '').toLowerCase();
        if (BOOK_EXT_DROP.has(uri)) continue;
        const extXml = `<x>${xml}</x>`.slice(ext.start, ext.end);
        if (/\sr:id\s*=|\s[\w.-]+:id\s*=\s*"rId/i.test(extXml)) flag(inv, `bookext:${uri}`, /slicer/i.test(extXml) ? LABELS.slicer : /pivot/i.test(extXml) ? LABELS.pivot : /dataModel/i.test(extXml) ? LABELS.dataModel : unknownLabel(`extLst ${uri}`));
        else inv.bookFragments.push({ element: 'ext', uri, xml: extXml });
      }
      continue;
    }
    if (el.local === 'definedNames') {
      // exceljs keeps a name only if it is a plain range of the whole workbook (it drops
      // `_xlnm._FilterDatabase`, constants, #REF! names, names local to a sheet): all are put back.
      for (const d of elementsAt(`<x>${xml}</x>`, 2)) {
        if (d.local !== 'definedName') continue;
        const local = d.attrs.localSheetId;
        const scope = local === undefined ? '' : (view.sheets[Number(local)]?.name ?? `#${local}`);
        inv.nameElements.push({ name: d.attrs.name ?? '', scope, xml: `<x>${xml}</x>`.slice(d.start, d.end) });
      }
      continue;
    }
    if (el.local === 'AlternateContent') {
      // Excel's absolute path of where the file was saved: only a hint.
      if (!/absPath/.test(xml)) flag(inv, 'book:AlternateContent', unknownLabel('mc:AlternateContent'));
      continue;
    }
    if (el.local === 'fileSharing' || el.local === 'workbookProtection') {
      // Calc writes an empty <workbookProtection/>: nothing to keep.
      if (Object.keys(el.attrs).length > 0) inv.bookFragments.push({ element: el.local, xml });
      continue;
    }
    if (BOOK_OK.has(el.local)) continue;
    const key = BOOK_LABEL[el.local];
    flag(inv, key ?? `book:${el.local}`, key ? undefined : unknownLabel(el.local));
  }

  // The sheets.
  for (const sheet of view.sheets) {
    if (sheet.kind !== 'worksheet') {
      flag(inv, BOOK_REL_LABEL[sheet.kind] ?? 'chartsheet');
      continue;
    }
    inv.sheetNames.push(sheet.name);
    if (!sheet.part) continue;
    const rels = view.relsOf(sheet.part);
    let tables = 0;
    for (const r of rels) {
      if (r.type === 'table') {
        tables++;
        for (const tr of view.relsOf(r.target)) if (!tr.external) flag(inv, SHEET_REL_LABEL[tr.type] ?? 'connections');
      }
      if (r.type === 'drawing' && !r.external) {
        if (closure(view, r.target) === null) flag(inv, 'drawingLinks');
        else inv.drawings.set(sheet.name, r.target);
      }
      if (SHEET_REL_OK.has(r.type)) continue;
      const key = SHEET_REL_LABEL[r.type];
      flag(inv, key ?? `sheet:${r.type}`, key ? undefined : unknownLabel(r.type));
    }
    if (rels.some((r) => r.type === 'vmlDrawing') && !rels.some((r) => r.type === 'comments')) flag(inv, 'legacyShapes');
    if (tables) inv.tables.set(sheet.name, tables);
    const scanned = scan.sheets.get(sheet.part);
    if (!scanned) continue;
    inv.sheetNamespaces.set(sheet.name, namespaces(scanned.root));
    const fragments: Fragment[] = [];
    const { rest, elements } = tailElements(scanned.tail);
    for (const el of elements) {
      const xml = rest.slice(el.start, el.end);
      if (el.local === 'picture') inv.pictures.add(sheet.name);
      if (el.local === 'extLst') {
        for (const ext of elementsAt(`<x>${xml}</x>`, 2)) {
          if (ext.local !== 'ext') continue;
          const uri = (ext.attrs.uri ?? '').toLowerCase();
          if (SHEET_EXT_EXCELJS.has(uri)) continue;
          const extXml = `<x>${xml}</x>`.slice(ext.start, ext.end);
          if (/\sr:id\s*=|\s[\w.-]+:id\s*=\s*"rId/i.test(extXml)) flag(inv, `sheetext:${uri}`, /slicer/i.test(extXml) ? LABELS.slicer : /timeline/i.test(extXml) ? LABELS.slicer : unknownLabel(`extLst ${uri}`));
          else {
            const kept = keepableExt(extXml);
            if (kept) fragments.push({ element: 'ext', uri, xml: kept });
          }
        }
        continue;
      }
      if (SHEET_TAIL_GRAFT.has(el.local)) {
        fragments.push({ element: el.local, xml });
        continue;
      }
      if (SHEET_TAIL_OK.has(el.local)) continue;
      const key = SHEET_TAIL_LABEL[el.local];
      flag(inv, key ?? `sheetel:${el.local}`, key ? undefined : unknownLabel(el.local));
    }
    if (fragments.length) inv.sheetFragments.set(sheet.name, fragments);
  }
  return inv;
}

/**
 * An extension as it is put back. Excel 2010 stores list validations that refer to another sheet
 * in an extension; the ones pointing at our hidden lists sheet are the template's own and are
 * written again by the installer, so they are left out (two validations on one cell).
 */
function keepableExt(xml: string): string | null {
  if (!/dataValidations/.test(xml) || !/_cchc_lists/.test(xml)) return xml;
  const items = [...xml.matchAll(/<([\w.-]+:)?dataValidation\b[\s\S]*?<\/\1?dataValidation>/g)];
  const keep = items.filter((m) => !m[0].includes('_cchc_lists'));
  if (keep.length === 0) return null;
  let out = xml;
  for (const m of items) if (m[0].includes('_cchc_lists')) out = out.replace(m[0], '');
  return out.replace(/(<[\w.-]*:?dataValidations\b[^>]*\bcount=")\d+(")/, `$1${keep.length}$2`);
}

// ---------------------------------------------------------------- the package being written

class OutPackage {
  readonly order: string[] = [];
  private readonly parts = new Map<string, { name: string; data?: Buffer; entry?: ZipEntry; buf?: Buffer }>();
  readonly defaults = new Map<string, string>();
  readonly overrides = new Map<string, { name: string; type: string }>();
  private relSeq = 0;

  constructor(readonly base: PackageView) {
    for (const e of base.entries) {
      if (e.name.endsWith('/') || e.name === '[Content_Types].xml') continue;
      this.order.push(e.name.toLowerCase());
      this.parts.set(e.name.toLowerCase(), { name: e.name, entry: e, buf: base.buf });
    }
    for (const [ext, type] of base.defaults) this.defaults.set(ext, type);
    for (const [key, type] of base.overrides) this.overrides.set(key, { name: base.entry(key)?.name ?? key, type });
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  names(): string[] {
    return this.order.filter((k) => this.parts.has(k)).map((k) => this.parts.get(k)!.name);
  }

  bytes(name: string): Buffer | null {
    const p = this.parts.get(name.toLowerCase());
    if (!p) return null;
    if (p.data) return p.data;
    return this.base.bytes(p.name, 512 * 1024 * 1024);
  }

  text(name: string): string | null {
    return this.bytes(name)?.toString('utf8') ?? null;
  }

  set(name: string, data: Buffer | string, type?: string): void {
    const key = name.toLowerCase();
    if (!this.parts.has(key)) this.order.push(key);
    this.parts.set(key, { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
    if (type !== undefined) this.setType(name, type);
  }

  copyFrom(view: PackageView, from: string, to: string): void {
    const e = view.entry(from);
    if (!e) return;
    const key = to.toLowerCase();
    if (!this.parts.has(key)) this.order.push(key);
    if (from.toLowerCase() === to.toLowerCase()) this.parts.set(key, { name: to, entry: e, buf: view.buf });
    else this.parts.set(key, { name: to, data: view.bytes(from, 512 * 1024 * 1024) ?? Buffer.alloc(0) });
  }

  remove(name: string): void {
    this.parts.delete(name.toLowerCase());
    this.overrides.delete(name.toLowerCase());
  }

  setType(name: string, type: string): void {
    if (!type) return;
    const base = path.posix.basename(name);
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
    if (this.defaults.get(ext) === type) return;
    if (!this.defaults.has(ext) && !/xml$/.test(ext) && ext !== 'rels' && ext !== '') {
      this.defaults.set(ext, type);
      return;
    }
    this.overrides.set(name.toLowerCase(), { name, type });
  }

  /** A part name not taken yet, as close to `want` as can be. */
  freeName(want: string, taken: Set<string>): string {
    const free = (n: string) => !this.has(n) && !taken.has(n.toLowerCase()) && !this.has(relsPartOf(n));
    if (free(want)) return want;
    const dir = path.posix.dirname(want);
    const ext = path.posix.extname(want);
    const stem = path.posix.basename(want, ext).replace(/_\d+$/, '');
    for (let i = 1; ; i++) {
      const n = `${dir}/${stem}_${i}${ext}`;
      if (free(n)) return n;
    }
  }

  rels(part: string): Rel[] {
    const xml = this.text(relsPartOf(part));
    return xml === null ? [] : parseRels(xml, part);
  }

  writeRels(part: string, rels: Rel[]): void {
    const body = rels
      .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.typeUri)}" Target="${escapeXml(r.external ? r.target : relativeTarget(part, r.target))}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('');
    const name = relsPartOf(part);
    this.set(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
    this.setType(name, 'application/vnd.openxmlformats-package.relationships+xml');
  }

  newRelId(rels: Rel[]): string {
    for (;;) {
      const id = `rIdCchc${++this.relSeq}`;
      if (!rels.some((r) => r.id === id)) return id;
    }
  }

  contentTypesXml(): string {
    const defaults = [...this.defaults].map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
    const overrides = [...this.overrides.values()]
      .filter((o) => this.has(o.name))
      .map((o) => `<Override PartName="/${escapeXml(o.name)}" ContentType="${escapeXml(o.type)}"/>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`;
  }

  zip(): Buffer {
    const out: ZipOutPart[] = [{ name: '[Content_Types].xml', data: Buffer.from(this.contentTypesXml(), 'utf8') }];
    for (const key of this.order) {
      const p = this.parts.get(key);
      if (!p) continue;
      if (p.data) out.push({ name: p.name, data: p.data });
      else if (p.entry && p.buf) out.push({ name: p.name, from: p.buf, entry: p.entry });
    }
    return writeZip(out);
  }
}

/** Copy `start` and every part it reaches from `view` into `out`; returns start's new name. */
function copyClosure(view: PackageView, start: string, out: OutPackage, copied: Map<string, string>): string {
  const parts = closure(view, start) ?? [start];
  const taken = new Set<string>();
  for (const p of parts) {
    if (copied.has(p)) continue;
    const name = out.freeName(p, taken);
    taken.add(name.toLowerCase());
    copied.set(p, name);
  }
  for (const p of parts) {
    const to = copied.get(p) as string;
    if (out.has(to)) continue;
    out.copyFrom(view, p, to);
    out.setType(to, view.contentType(p));
    const rels = view.relsOf(p);
    if (rels.length) out.writeRels(to, rels.map((r) => (r.external ? r : { ...r, target: copied.get(r.target) ?? r.target })));
  }
  return copied.get(start) as string;
}

/** Where `xml` (an element named `name`) goes among the root's children in `rest`, by `order`. */
function insertAt(rest: string, elements: ReturnType<typeof elementsAt>, name: string, order: string[]): number {
  const want = order.indexOf(name);
  for (const el of elements) {
    const at = order.indexOf(el.local);
    if (at > want) return el.start;
  }
  return rest.length;
}

function insertFragments(rest: string, fragments: { element: string; xml: string }[], order: string[]): string {
  let out = rest;
  const exts = fragments.filter((f) => f.element === 'ext').map((f) => f.xml);
  for (const f of fragments) {
    if (f.element === 'ext') continue;
    const els = elementsAt(`<w>${out}</w>`, 1).map((e) => ({ ...e, start: e.start - 3, end: e.end - 3 }));
    if (els.some((e) => e.local === f.element)) continue;
    const at = insertAt(out, els, f.element, order);
    out = out.slice(0, at) + f.xml + out.slice(at);
  }
  if (exts.length) {
    const els = elementsAt(`<w>${out}</w>`, 1).map((e) => ({ ...e, start: e.start - 3, end: e.end - 3 }));
    const ext = els.find((e) => e.local === 'extLst');
    if (ext) {
      const close = out.lastIndexOf('</', ext.end - 1);
      out = out.slice(0, close) + exts.join('') + out.slice(close);
    } else {
      const at = insertAt(out, els, 'extLst', order);
      out = `${out.slice(0, at)}<extLst>${exts.join('')}</extLst>${out.slice(at)}`;
    }
  }
  return out;
}

/** Rewrite the end of a sheet part (after its cell data) with `edit`; the cells are not touched. */
function editSheetTail(out: OutPackage, part: string, edit: (rest: string) => string): void {
  const bytes = out.bytes(part);
  if (!bytes) return;
  let at = bytes.lastIndexOf('</sheetData>');
  let cut = at >= 0 ? at + '</sheetData>'.length : -1;
  if (at < 0) {
    at = bytes.lastIndexOf('<sheetData/>');
    cut = at >= 0 ? at + '<sheetData/>'.length : -1;
  }
  if (cut < 0) return;
  const tail = bytes.subarray(cut).toString('utf8');
  const endRoot = tail.lastIndexOf('</');
  const rest = tail.slice(0, endRoot);
  const edited = edit(rest);
  out.set(part, Buffer.concat([bytes.subarray(0, cut), Buffer.from(edited + tail.slice(endRoot), 'utf8')]));
}

/**
 * The workbook part with the original's defined names, each local one pointed at its sheet's new
 * place (sheets may have been added before it), and the names exceljs wrote that were not there
 * at all (a name it rewrote — a local one made global — gives way to the original).
 */
function mergeNames(inv: Inventory, base: PackageView, xml: string): string {
  const open = xml.indexOf('>', xml.indexOf('<workbook')) + 1;
  const close = xml.lastIndexOf('</');
  const rest = xml.slice(open, close);
  const els = elementsAt(`<w>${rest}</w>`, 1).map((e) => ({ ...e, start: e.start - 3, end: e.end - 3 }));
  const existing = els.find((e) => e.local === 'definedNames');
  const index = new Map(base.sheets.map((s, i) => [s.name, i]));
  const key = (scope: string, name: string) => `${scope}!${name.toLowerCase()}`;
  const items: string[] = [];
  const seen = new Set<string>();
  const seenNames = new Set(inv.nameElements.map((n) => n.name.toLowerCase()));
  for (const n of inv.nameElements) {
    let el = n.xml;
    if (n.scope !== '') {
      const at = index.get(n.scope);
      if (at === undefined) continue;
      el = el.replace(/(\slocalSheetId\s*=\s*["'])\d+(["'])/, `$1${at}$2`);
    }
    seen.add(key(n.scope, n.name));
    items.push(el);
  }
  if (existing) {
    const body = `<w>${rest}</w>`.slice(existing.start + 3, existing.end + 3);
    for (const d of elementsAt(`<x>${body}</x>`, 2)) {
      if (d.local !== 'definedName') continue;
      const local = d.attrs.localSheetId;
      const scope = local === undefined ? '' : (base.sheets[Number(local)]?.name ?? `#${local}`);
      // exceljs turns a name local to a sheet into a global one: the original's name wins.
      if (!seenNames.has((d.attrs.name ?? '').toLowerCase()) && !seen.has(key(scope, d.attrs.name ?? ''))) items.push(`<x>${body}</x>`.slice(d.start, d.end));
    }
  }
  const block = `<definedNames>${items.join('')}</definedNames>`;
  let edited: string;
  if (existing) edited = rest.slice(0, existing.start) + block + rest.slice(existing.end);
  else {
    const at = insertAt(rest, els, 'definedNames', BOOK_ORDER);
    edited = rest.slice(0, at) + block + rest.slice(at);
  }
  return xml.slice(0, open) + edited + xml.slice(close);
}

/**
 * exceljs's package `written`, with everything in `inv` put back from `original`. Parts that are
 * unsupported are not put back (the caller refused, or the user asked for a new file).
 */
export function graft(original: PackageView, inv: Inventory, written: Buffer): Buffer {
  const base = new PackageView(written);
  const out = new OutPackage(base);
  const copied = new Map<string, string>();
  const dropped: string[] = [];
  const sheetPart = new Map(base.sheets.filter((s) => s.kind === 'worksheet').map((s) => [s.name, s.part]));
  let changed = false;

  for (const [sheet, drawing] of inv.drawings) {
    const part = sheetPart.get(sheet);
    if (!part) continue;
    const kept = copyClosure(original, drawing, out, copied);
    const rels = out.rels(part);
    const mine = rels.find((r) => r.type === 'drawing' && !r.external);
    if (mine) {
      // exceljs wrote a drawing of its own (the pictures it knows): the original replaces it.
      dropped.push(mine.target, relsPartOf(mine.target));
      mine.target = kept;
      out.writeRels(part, rels);
    } else {
      const id = out.newRelId(rels);
      rels.push({ id, type: 'drawing', typeUri: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing', target: kept, external: false });
      out.writeRels(part, rels);
      editSheetTail(out, part, (rest) => {
        const els = elementsAt(`<w>${rest}</w>`, 1).map((e) => ({ ...e, start: e.start - 3, end: e.end - 3 }));
        const at = insertAt(rest, els, 'drawing', SHEET_ORDER);
        return `${rest.slice(0, at)}<drawing r:id="${id}"/>${rest.slice(at)}`;
      });
    }
    changed = true;
  }

  for (const [sheet, fragments] of inv.sheetFragments) {
    const part = sheetPart.get(sheet);
    if (!part) continue;
    const ns = inv.sheetNamespaces.get(sheet) ?? {};
    editSheetTail(out, part, (rest) => insertFragments(rest, fragments.map((f) => ({ element: f.element, xml: withNamespaces(f.xml, ns) })), SHEET_ORDER));
    changed = true;
  }

  if (inv.nameElements.length) {
    const xml = out.text(base.workbookPart) ?? '';
    const merged = mergeNames(inv, base, xml);
    if (merged !== xml) {
      out.set(base.workbookPart, merged);
      changed = true;
    }
  }

  if (inv.bookFragments.length) {
    const xml = out.text(base.workbookPart) ?? '';
    const open = xml.indexOf('>', xml.indexOf('<workbook')) + 1;
    const close = xml.lastIndexOf('</');
    const rest = xml.slice(open, close);
    const edited = insertFragments(rest, inv.bookFragments.map((f) => ({ element: f.element, xml: withNamespaces(f.xml, inv.bookNamespaces) })), BOOK_ORDER);
    out.set(base.workbookPart, xml.slice(0, open) + edited + xml.slice(close));
    changed = true;
  }

  for (const [source, list] of [[base.workbookPart, inv.bookRels], ['', inv.rootRels]] as const) {
    if (!list.length) continue;
    const rels = out.rels(source);
    for (const r of list) {
      if (rels.some((x) => x.type === r.type && !x.external && out.has(x.target))) continue;
      const target = copyClosure(original, r.target, out, copied);
      rels.push({ ...r, id: rels.some((x) => x.id === r.id) ? out.newRelId(rels) : r.id, target });
    }
    out.writeRels(source, rels);
    changed = true;
  }

  if (!changed) return written;
  for (const d of dropped) out.remove(d);
  // Pictures only the replaced drawing used.
  const used = new Set<string>();
  for (const name of out.names()) {
    if (!name.endsWith('.rels')) continue;
    const source = name === '_rels/.rels' ? '' : `${path.posix.dirname(path.posix.dirname(name))}/${path.posix.basename(name, '.rels')}`.replace(/^\.\//, '');
    for (const r of parseRels(out.text(name) ?? '', source)) if (!r.external) used.add(r.target.toLowerCase());
  }
  for (const name of out.names()) if (/^xl\/media\//i.test(name) && !used.has(name.toLowerCase())) out.remove(name);
  return out.zip();
}

// ---------------------------------------------------------------- the check after writing

const hash = (b: Buffer | null): string => createHash('sha256').update(b ?? Buffer.alloc(0)).digest('hex');

/**
 * What of `inv` the package `final` lacks, as labels (empty: everything kept). Pictures, tables,
 * names and sheets are what exceljs is trusted with; they are checked all the same.
 */
export function verifyKept(original: PackageView, inv: Inventory, final: Buffer): Label[] {
  const view = new PackageView(final);
  const missing: Label[] = [];
  const sheets = new Map(view.sheets.filter((s) => s.kind === 'worksheet').map((s) => [s.name, s.part]));
  for (const name of inv.sheetNames) if (!sheets.has(name)) missing.push(L('files.lost_sheet', { sheet: name }));
  const tailOf = (part: string): string => {
    const b = view.bytes(part, 512 * 1024 * 1024);
    if (!b) return '';
    const at = b.lastIndexOf('</sheetData>');
    return b.subarray(at >= 0 ? at : Math.max(0, b.lastIndexOf('<sheetData'))).toString('utf8');
  };
  for (const [sheet, drawing] of inv.drawings) {
    const part = sheets.get(sheet);
    const rel = part ? view.relsOf(part).find((r) => r.type === 'drawing') : undefined;
    const before = closure(original, drawing) ?? [];
    const after = rel ? (closure(view, rel.target) ?? []) : [];
    if (!rel || hash(view.bytes(rel.target)) !== hash(original.bytes(drawing)) || after.length < before.length) {
      missing.push(L('files.lost_drawings', { sheet }));
    }
  }
  for (const [sheet, fragments] of inv.sheetFragments) {
    const part = sheets.get(sheet);
    const tail = part ? tailOf(part) : '';
    for (const f of fragments) {
      const ok = f.element === 'ext' ? tail.toLowerCase().includes(`uri="${f.uri}"`) : tail.includes(`<${f.element}`) || tail.includes(`:${f.element}`);
      if (!ok) missing.push(L('files.lost_sheetElement', { element: f.element, sheet }));
    }
  }
  for (const [sheet, n] of inv.tables) {
    const part = sheets.get(sheet);
    const have = part ? view.relsOf(part).filter((r) => r.type === 'table').length : 0;
    if (have < n) missing.push(L('files.lost_tables', { sheet }));
  }
  for (const sheet of inv.pictures) {
    const part = sheets.get(sheet);
    if (!part || !/<picture\b/.test(tailOf(part))) missing.push(L('files.lost_background', { sheet }));
  }
  const names = new Set(definedNames(view).map((n) => `${n.scope}!${n.name}`));
  for (const n of inv.names) {
    if (!names.has(`${n.scope}!${n.name}`)) missing.push(L('files.lost_name', { name: n.name }));
  }
  const book = view.text(view.workbookPart) ?? '';
  for (const f of inv.bookFragments) {
    const ok = f.element === 'ext' ? book.toLowerCase().includes(`uri="${f.uri}"`) : new RegExp(`<(\\w+:)?${f.element}[\\s/>]`).test(book);
    if (!ok) missing.push(L('files.lost_bookElement', { element: f.element }));
  }
  for (const [source, list] of [[view.workbookPart, inv.bookRels], ['', inv.rootRels]] as const) {
    const have = view.relsOf(source);
    for (const r of list) {
      if (!have.some((x) => x.type === r.type && view.has(x.target))) missing.push(unknownLabel(r.target));
    }
  }
  return missing;
}

export const labelText = (l: Label, lang: Lang): string => t(lang, l.key, l.params);

/** The first `max` labels, each once (by its English text), joined; the rest counted. */
export function labelsText(labels: Iterable<Label>, lang: Lang, max = 4): string {
  const list = [...new Map([...labels].map((l) => [labelText(l, 'en'), l])).values()];
  const shown = list.slice(0, max).map((l) => labelText(l, lang));
  const more = list.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` ${t(lang, 'files.moreParts', { count: more })}` : '');
}
