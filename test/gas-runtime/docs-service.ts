// A faithful fake of the Docs advanced service (`Docs.Documents.create/get/batchUpdate`), for the
// requests the add-on sends, plus the few DocumentApp calls that reach a Doc made through it
// (find a marker, put an image there, export PDF).
//
// The document is kept as Google indexes it: a flat array of index positions (UTF-16 code units
// and structural markers), so index arithmetic is the API's own, not re-derived:
//   0                      the section break (body content starts at index 1)
//   'ch'                   one UTF-16 code unit of text; a '\n' ends a paragraph and carries its style
//   'pb' / 'img'           a page break / an inline image: one index each
//   'tbl' 'row' 'cell' 'tblEnd'  a table: start, one per row, one per cell, end marker
// so an empty R×C table takes 2 + R·(2C+1) indices (Google's "Work with tables" table: a 2×2
// table at S ends at S+12, cell (0,0)'s paragraph is [S+3, S+4)).
//
// Rules simulated (Google's "Structural edit rules and behavior" and the request references):
// - a batch is atomic: validated and applied in order on a copy, committed only if all pass;
// - insertText/insertTable/insertPageBreak only inside an existing paragraph; index < segment end;
// - insertTable inserts a newline before the table (table start = location + 1);
// - insertPageBreak inserts a page break then a newline; not inside a table;
// - inserted text takes the style of the text just before it; a new paragraph copies the
//   paragraph style of the paragraph it was inserted in;
// - control characters U+0000–U+0008, U+000C–U+001F and private-use U+E000–U+F8FF are stripped
//   from inserted text (so '\r' disappears and would shift a client's indices);
// - ranges may not include the segment's final newline; paragraph styles apply to every
//   paragraph a range overlaps (table cells included); `fields` masks what is set or reset.
// Error wording: "Index N must be less than the end index of the referenced segment, M." is
// Google's (seen in public bug reports, e.g. "Invalid requests[2].insertText: Index 118 must be
// less than the end index of the referenced segment, 117."), as is the fields message. The other
// messages marked (wording not verified) are plausible paraphrases: assert on them loosely.

import { FakeBlob } from './blob.ts';
import { gasError, type RuntimeCore } from './core.ts';

type Json = Record<string, unknown>;
type TextStyle = Json;
type ParagraphStyle = Json;

interface ChTok {
  t: 'ch';
  c: string;
  ts: TextStyle;
  /** Paragraph style, only on '\n'. */
  ps?: ParagraphStyle;
}
interface PbTok {
  t: 'pb';
  ts: TextStyle;
}
interface ImgTok {
  t: 'img';
  id: string;
  ts: TextStyle;
}
interface TblTok {
  t: 'tbl';
  columnProps: Json[];
}
interface RowTok {
  t: 'row';
  style: Json;
}
interface CellTok {
  t: 'cell';
  style: Json;
}
interface TblEndTok {
  t: 'tblEnd';
}
interface SbTok {
  t: 'sb';
}
type Tok = ChTok | PbTok | ImgTok | TblTok | RowTok | CellTok | TblEndTok | SbTok;

const isInline = (k: Tok | undefined): k is ChTok | PbTok | ImgTok => k !== undefined && (k.t === 'ch' || k.t === 'pb' || k.t === 'img');
const isNewline = (k: Tok | undefined): k is ChTok => k !== undefined && k.t === 'ch' && k.c === '\n';

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Characters the Docs API strips from inserted text. */
export const DOCS_STRIPPED_CHARS = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

export const DOCS_MSG = {
  notFound: 'Requested entity was not found.',
  apiFailed: (method: string, message: string) => `API call to docs.documents.${method} failed with error: ${message}`,
  endIndex: (index: number, end: number) => `Index ${index} must be less than the end index of the referenced segment, ${end}.`,
  noFields: "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
  // (wording not verified)
  outsideParagraph: 'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
  emptyRange: 'The range should not be empty.',
  startIndex: (index: number) => `Index ${index} must be greater than or equal to 1.`,
  emptyText: 'The text to insert must not be empty.',
  pageBreakInTable: 'Page breaks cannot be inserted inside a table, equation, footnote, header or footer.',
  noTable: (index: number) => `The provided table start location ${index} does not point to a table.`,
  badCell: 'The table cell location is outside the table.',
  columnWidth: 'The column width must be at least 5 points.',
  tooManyHeaderRows: 'The number of pinned header rows exceeds the number of rows of the table.',
} as const;

// ------------------------------------------------------------------ structure (parsed from tokens)

export interface ParaNode {
  kind: 'paragraph';
  start: number;
  /** Exclusive; the '\n' is at end - 1. */
  end: number;
}
export interface CellNode {
  start: number;
  end: number;
  tok: CellTok;
  content: (ParaNode | TableNode)[];
}
export interface RowNode {
  start: number;
  end: number;
  tok: RowTok;
  cells: CellNode[];
}
export interface TableNode {
  kind: 'table';
  start: number;
  end: number;
  tok: TblTok;
  rows: RowNode[];
}

function parseContent(toks: Tok[], from: number): { nodes: (ParaNode | TableNode)[]; next: number } {
  const nodes: (ParaNode | TableNode)[] = [];
  let i = from;
  while (i < toks.length) {
    const k = toks[i];
    if (!k || k.t === 'row' || k.t === 'cell' || k.t === 'tblEnd') break;
    if (k.t === 'sb') {
      i += 1;
      continue;
    }
    if (k.t === 'tbl') {
      const t = parseTable(toks, i);
      nodes.push(t);
      i = t.end;
      continue;
    }
    const start = i;
    while (i < toks.length && !isNewline(toks[i])) {
      if (!isInline(toks[i])) throw new Error(`docs fake: corrupt document, paragraph at ${start} has no newline`);
      i += 1;
    }
    i += 1;
    nodes.push({ kind: 'paragraph', start, end: i });
  }
  return { nodes, next: i };
}

function parseTable(toks: Tok[], at: number): TableNode {
  const tok = toks[at] as TblTok;
  let i = at + 1;
  const rows: RowNode[] = [];
  while (toks[i]?.t === 'row') {
    const row: RowNode = { start: i, end: i, tok: toks[i] as RowTok, cells: [] };
    i += 1;
    while (toks[i]?.t === 'cell') {
      const cellStart = i;
      const { nodes, next } = parseContent(toks, i + 1);
      row.cells.push({ start: cellStart, end: next, tok: toks[cellStart] as CellTok, content: nodes });
      i = next;
    }
    row.end = i;
    rows.push(row);
  }
  if (toks[i]?.t !== 'tblEnd') throw new Error(`docs fake: corrupt table at ${at}`);
  return { kind: 'table', start: at, end: i + 1, tok, rows };
}

// ------------------------------------------------------------------ one document

interface InlineObject {
  widthPt: number;
  heightPt: number;
  description: string;
  contentType: string | null;
  bytes: number;
}

export class DocsDocument {
  toks: Tok[];
  documentStyle: Json;
  inlineObjects = new Map<string, InlineObject>();
  revision = 1;
  constructor(
    readonly id: string,
    public title: string,
  ) {
    // A new Google Doc: a section break and one empty paragraph; Letter page, 1-inch margins.
    this.toks = [{ t: 'sb' }, { t: 'ch', c: '\n', ts: {}, ps: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' } }];
    const inch = { magnitude: 72, unit: 'PT' };
    this.documentStyle = {
      pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } },
      marginTop: inch,
      marginBottom: inch,
      marginLeft: inch,
      marginRight: inch,
      marginHeader: { magnitude: 36, unit: 'PT' },
      marginFooter: { magnitude: 36, unit: 'PT' },
      pageNumberStart: 1,
    };
  }

  content(): (ParaNode | TableNode)[] {
    return parseContent(this.toks, 1).nodes;
  }

  /** The paragraph holding index i: its start and its newline's index. */
  paragraphAt(i: number): { start: number; nl: number } | null {
    if (!isInline(this.toks[i])) return null;
    let s = i;
    while (s > 0 && isInline(this.toks[s - 1]) && !isNewline(this.toks[s - 1])) s -= 1;
    let e = i;
    while (!isNewline(this.toks[e])) e += 1;
    return { start: s, nl: e };
  }

  /** Inside a table cell? (walk back to the nearest structural marker) */
  inTable(i: number): boolean {
    for (let k = i; k >= 0; k -= 1) {
      const t = this.toks[k]?.t;
      if (t === 'cell') return true;
      if (t === 'tblEnd' || t === 'sb') return false;
    }
    return false;
  }

  toJson(): Json {
    const textStyleOut = (ts: TextStyle): Json => clone(ts);
    const para = (p: ParaNode): Json => {
      const elements: Json[] = [];
      let i = p.start;
      while (i < p.end) {
        const k = this.toks[i] as ChTok | PbTok | ImgTok;
        if (k.t === 'pb') {
          elements.push({ startIndex: i, endIndex: i + 1, pageBreak: { textStyle: textStyleOut(k.ts) } });
          i += 1;
          continue;
        }
        if (k.t === 'img') {
          elements.push({ startIndex: i, endIndex: i + 1, inlineObjectElement: { inlineObjectId: k.id, textStyle: textStyleOut(k.ts) } });
          i += 1;
          continue;
        }
        const key = JSON.stringify(k.ts);
        let j = i;
        let text = '';
        while (j < p.end) {
          const m = this.toks[j];
          if (m?.t !== 'ch' || JSON.stringify(m.ts) !== key) break;
          text += m.c;
          j += 1;
        }
        elements.push({ startIndex: i, endIndex: j, textRun: { content: text, textStyle: textStyleOut(k.ts) } });
        i = j;
      }
      const nl = this.toks[p.end - 1] as ChTok;
      return { startIndex: p.start, endIndex: p.end, paragraph: { elements, paragraphStyle: clone(nl.ps ?? {}) } };
    };
    const node = (n: ParaNode | TableNode): Json => (n.kind === 'paragraph' ? para(n) : table(n));
    const table = (t: TableNode): Json => ({
      startIndex: t.start,
      endIndex: t.end,
      table: {
        rows: t.rows.length,
        columns: t.rows[0]?.cells.length ?? 0,
        tableRows: t.rows.map((r) => ({
          startIndex: r.start,
          endIndex: r.end,
          tableCells: r.cells.map((c) => ({ startIndex: c.start, endIndex: c.end, content: c.content.map(node), tableCellStyle: clone(c.tok.style) })),
          tableRowStyle: clone(r.tok.style),
        })),
        tableStyle: { tableColumnProperties: clone(t.tok.columnProps) },
      },
    });
    const inlineObjects: Json = {};
    for (const [id, o] of this.inlineObjects) {
      inlineObjects[id] = {
        objectId: id,
        inlineObjectProperties: {
          embeddedObject: {
            description: o.description,
            size: { width: { magnitude: o.widthPt, unit: 'PT' }, height: { magnitude: o.heightPt, unit: 'PT' } },
            imageProperties: {},
          },
        },
      };
    }
    return {
      documentId: this.id,
      title: this.title,
      revisionId: `rev-${this.revision}`,
      // The first section break has no startIndex: Google omits zero values.
      body: { content: [{ endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } }, ...this.content().map(node)] },
      documentStyle: clone(this.documentStyle),
      headers: {},
      footers: {},
      inlineObjects,
      namedStyles: { styles: [] },
    };
  }

  copy(): DocsDocument {
    const d = new DocsDocument(this.id, this.title);
    d.toks = this.toks.map((k) => clone(k));
    d.documentStyle = clone(this.documentStyle);
    d.inlineObjects = new Map([...this.inlineObjects].map(([k, v]) => [k, { ...v }]));
    d.revision = this.revision;
    return d;
  }
}

// ------------------------------------------------------------------ applying requests

class RequestError extends Error {}

/** Set or reset (when absent from `style`) each top-level field named in the mask. */
function applyFields(target: Json, style: Json | undefined, fields: unknown): void {
  if (typeof fields !== 'string' || fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
  const src = style ?? {};
  const names = fields.trim() === '*' ? Object.keys(src) : fields.split(',').map((f) => f.trim().split('.')[0] ?? '');
  for (const f of names) {
    if (f === '') continue;
    if (f in src && src[f] !== undefined) target[f] = clone(src[f]);
    else delete target[f];
  }
}

function requireIndex(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RequestError(`${what} must be an integer.`);
  return v;
}

function applyRequest(doc: DocsDocument, req: Json, nextImageId: () => string): void {
  const kinds = Object.keys(req);
  if (kinds.length !== 1) throw new RequestError('A request must set exactly one kind of update.');
  const kind = kinds[0] as string;
  const body = (req[kind] ?? {}) as Json;
  const len = () => doc.toks.length;
  const location = (loc: unknown): number => {
    const l = (loc ?? {}) as Json;
    if (l.segmentId) throw new RequestError('docs fake: headers, footers and footnotes are not simulated.');
    return requireIndex(l.index, 'location.index');
  };
  const insertPoint = (i: number): { start: number; nl: number } => {
    if (i >= len()) throw new RequestError(DOCS_MSG.endIndex(i, len()));
    const p = i >= 1 ? doc.paragraphAt(i) : null;
    if (!p) throw new RequestError(DOCS_MSG.outsideParagraph);
    return p;
  };
  const inheritedTextStyle = (i: number): TextStyle => {
    const before = doc.toks[i - 1];
    if (isInline(before) && !isNewline(before)) return clone(before.ts);
    const at = doc.toks[i];
    return isInline(at) ? clone(at.ts) : {};
  };
  const range = (r: unknown): [number, number] => {
    const rr = (r ?? {}) as Json;
    if (rr.segmentId) throw new RequestError('docs fake: headers, footers and footnotes are not simulated.');
    const s = requireIndex(rr.startIndex, 'range.startIndex');
    const e = requireIndex(rr.endIndex, 'range.endIndex');
    if (s < 1) throw new RequestError(DOCS_MSG.startIndex(s));
    if (e >= len()) throw new RequestError(DOCS_MSG.endIndex(e, len()));
    if (e <= s) throw new RequestError(DOCS_MSG.emptyRange);
    return [s, e];
  };
  const tableAt = (loc: unknown): TableNode => {
    const i = location(loc);
    if (doc.toks[i]?.t !== 'tbl') throw new RequestError(DOCS_MSG.noTable(i));
    return parseTable(doc.toks, i);
  };

  switch (kind) {
    case 'insertText': {
      const i = location(body.location);
      const p = insertPoint(i);
      const text = String(body.text ?? '').replace(DOCS_STRIPPED_CHARS, '');
      if (text === '') throw new RequestError(DOCS_MSG.emptyText);
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      const toks: Tok[] = [...text].flatMap((ch) =>
        // [...text] splits by code point; the index space is UTF-16 units, so split surrogates.
        ch.split('').map((u): Tok => (u === '\n' ? { t: 'ch', c: u, ts: clone(ts), ps: clone(ps) } : { t: 'ch', c: u, ts: clone(ts) })),
      );
      doc.toks.splice(i, 0, ...toks);
      return;
    }
    case 'insertTable': {
      if (body.endOfSegmentLocation) throw new RequestError('docs fake: endOfSegmentLocation is not simulated; give a location.');
      const i = location(body.location);
      const p = insertPoint(i);
      const rows = requireIndex(body.rows, 'rows');
      const cols = requireIndex(body.columns, 'columns');
      if (rows < 1 || cols < 1) throw new RequestError('A table must have at least one row and one column.');
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      const toks: Tok[] = [{ t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) }, { t: 'tbl', columnProps: Array.from({ length: cols }, () => ({ widthType: 'EVENLY_DISTRIBUTED' })) }];
      for (let r = 0; r < rows; r += 1) {
        toks.push({ t: 'row', style: {} });
        for (let c = 0; c < cols; c += 1) toks.push({ t: 'cell', style: {} }, { t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) });
      }
      toks.push({ t: 'tblEnd' });
      doc.toks.splice(i, 0, ...toks);
      return;
    }
    case 'insertPageBreak': {
      if (body.endOfSegmentLocation) throw new RequestError('docs fake: endOfSegmentLocation is not simulated; give a location.');
      const i = location(body.location);
      const p = insertPoint(i);
      if (doc.inTable(i)) throw new RequestError(DOCS_MSG.pageBreakInTable);
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      doc.toks.splice(i, 0, { t: 'pb', ts }, { t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) });
      return;
    }
    case 'updateTextStyle': {
      const [s, e] = range(body.range);
      if (typeof body.fields !== 'string' || body.fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
      for (let k = s; k < e; k += 1) {
        const tok = doc.toks[k];
        if (isInline(tok)) applyFields(tok.ts, body.textStyle as Json, body.fields);
      }
      return;
    }
    case 'updateParagraphStyle': {
      const [s, e] = range(body.range);
      if (typeof body.fields !== 'string' || body.fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
      let k = s;
      // A paragraph starting before s but containing it is overlapped too.
      while (k < e) {
        const tok = doc.toks[k];
        if (!isInline(tok)) {
          k += 1;
          continue;
        }
        let nl = k;
        while (!isNewline(doc.toks[nl])) nl += 1;
        const n = doc.toks[nl] as ChTok;
        n.ps = n.ps ?? {};
        applyFields(n.ps, body.paragraphStyle as Json, body.fields);
        k = nl + 1;
      }
      return;
    }
    case 'updateDocumentStyle':
      applyFields(doc.documentStyle, body.documentStyle as Json, body.fields);
      return;
    case 'updateTableColumnProperties': {
      const t = tableAt(body.tableStartLocation);
      const cols = t.rows[0]?.cells.length ?? 0;
      const props = (body.tableColumnProperties ?? {}) as Json;
      const width = (props.width as Json | undefined)?.magnitude;
      if (typeof width === 'number' && width < 5) throw new RequestError(DOCS_MSG.columnWidth);
      const indices = Array.isArray(body.columnIndices) && body.columnIndices.length > 0 ? (body.columnIndices as number[]) : [...Array(cols).keys()];
      for (const c of indices) {
        if (c < 0 || c >= cols) throw new RequestError(DOCS_MSG.badCell);
        const target = t.tok.columnProps[c] ?? {};
        applyFields(target, props, body.fields);
        t.tok.columnProps[c] = target;
      }
      return;
    }
    case 'updateTableCellStyle': {
      const tr = body.tableRange as Json | undefined;
      const cellLoc = tr?.tableCellLocation as Json | undefined;
      const t = tableAt(cellLoc ? cellLoc.tableStartLocation : body.tableStartLocation);
      const r0 = cellLoc ? requireIndex(cellLoc.rowIndex ?? 0, 'rowIndex') : 0;
      const c0 = cellLoc ? requireIndex(cellLoc.columnIndex ?? 0, 'columnIndex') : 0;
      const rs = tr ? requireIndex(tr.rowSpan, 'rowSpan') : t.rows.length;
      const cs = tr ? requireIndex(tr.columnSpan, 'columnSpan') : (t.rows[0]?.cells.length ?? 0);
      for (let r = r0; r < r0 + rs; r += 1) {
        for (let c = c0; c < c0 + cs; c += 1) {
          const cell = t.rows[r]?.cells[c];
          if (!cell) throw new RequestError(DOCS_MSG.badCell);
          applyFields(cell.tok.style, body.tableCellStyle as Json, body.fields);
        }
      }
      return;
    }
    case 'pinTableHeaderRows': {
      const t = tableAt(body.tableStartLocation);
      const n = requireIndex(body.pinnedHeaderRowsCount ?? 0, 'pinnedHeaderRowsCount');
      if (n > t.rows.length) throw new RequestError(DOCS_MSG.tooManyHeaderRows);
      t.rows.forEach((r, i) => {
        if (i < n) r.tok.style.tableHeader = true;
        else delete r.tok.style.tableHeader;
      });
      return;
    }
    case 'mergeTableCells': {
      const tr = (body.tableRange ?? {}) as Json;
      const cellLoc = (tr.tableCellLocation ?? {}) as Json;
      const t = tableAt(cellLoc.tableStartLocation);
      const r0 = requireIndex(cellLoc.rowIndex ?? 0, 'rowIndex');
      const c0 = requireIndex(cellLoc.columnIndex ?? 0, 'columnIndex');
      const rs = requireIndex(tr.rowSpan, 'rowSpan');
      const cs = requireIndex(tr.columnSpan, 'columnSpan');
      for (let r = r0; r < r0 + rs; r += 1) {
        for (let c = c0; c < c0 + cs; c += 1) {
          const cell = t.rows[r]?.cells[c];
          if (!cell) throw new RequestError(DOCS_MSG.badCell);
          const empty = cell.content.length === 1 && cell.content[0]?.kind === 'paragraph' && cell.content[0].end - cell.content[0].start === 1;
          // Google concatenates the merged cells' text into the head cell; the add-on merges only
          // empty covered cells, and moving text is not simulated.
          if ((r !== r0 || c !== c0) && !empty) throw new Error('docs fake: merging cells that hold text is not simulated');
        }
      }
      const head = t.rows[r0]?.cells[c0];
      if (head) {
        head.tok.style.rowSpan = rs;
        head.tok.style.columnSpan = cs;
      }
      return;
    }
    case 'insertInlineImage': {
      // The API fetches `uri` (public, at most 2 KB): offline there is nothing to fetch.
      const uri = String(body.uri ?? '');
      if (!/^https:\/\//.test(uri)) throw new RequestError('The provided image URI is invalid or not publicly accessible.');
      const i = location(body.location);
      insertPoint(i);
      const id = nextImageId();
      doc.inlineObjects.set(id, { widthPt: 100, heightPt: 100, description: '', contentType: null, bytes: 0 });
      doc.toks.splice(i, 0, { t: 'img', id, ts: inheritedTextStyle(i) });
      return;
    }
    default:
      throw new Error(`docs fake: request kind "${kind}" is not simulated`);
  }
}

// ------------------------------------------------------------------ the service

export class DocsStore {
  readonly docs = new Map<string, DocsDocument>();
  private next = 1;
  private nextImage = 1;
  /** Called when a Doc is created (the runtime registers it in fake Drive, My Drive root). */
  onCreate: ((doc: DocsDocument) => void) | null = null;
  create(title: string): DocsDocument {
    const id = `fake-docs-api-${String(this.next++).padStart(4, '0')}`;
    const doc = new DocsDocument(id, title);
    this.docs.set(id, doc);
    this.onCreate?.(doc);
    return doc;
  }
  get(id: string, method: string): DocsDocument {
    const d = this.docs.get(String(id));
    if (!d) throw gasError(DOCS_MSG.apiFailed(method, DOCS_MSG.notFound));
    return d;
  }
  imageId(): string {
    return `kix.fakeimg${this.nextImage++}`;
  }
}

export class FakeDocumentsCollection {
  constructor(private readonly store: DocsStore) {}
  create(resource: { title?: string } = {}): Json {
    const title = typeof resource.title === 'string' && resource.title !== '' ? resource.title : 'Untitled document';
    return this.store.create(title).toJson();
  }
  get(documentId: string): Json {
    return this.store.get(documentId, 'get').toJson();
  }
  batchUpdate(resource: { requests?: unknown[] }, documentId: string): Json {
    const doc = this.store.get(documentId, 'batchUpdate');
    const requests = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      throw gasError(DOCS_MSG.apiFailed('batchUpdate', 'Invalid requests: at least one request is required.'));
    }
    const work = doc.copy();
    requests.forEach((req, i) => {
      const kind = req && typeof req === 'object' ? (Object.keys(req)[0] ?? '?') : '?';
      try {
        applyRequest(work, req as Json, () => this.store.imageId());
      } catch (e) {
        if (e instanceof RequestError) throw gasError(DOCS_MSG.apiFailed('batchUpdate', `Invalid requests[${i}].${kind}: ${e.message}`));
        throw e;
      }
    });
    work.revision += 1;
    this.store.docs.set(doc.id, work);
    return { documentId: doc.id, replies: requests.map(() => ({})), writeControl: { requiredRevisionId: `rev-${work.revision}` } };
  }
}

// ------------------------------------------------------------------ DocumentApp on API-made Docs

/**
 * The DocumentApp calls the renderer makes on a Doc created through the Docs API: find a marker,
 * put an inline image in its paragraph, export. Other ids go to the runtime's own DocumentApp.
 */
class ApiDocText {
  constructor(
    private readonly core: RuntimeCore,
    readonly doc: DocsDocument,
    readonly nl: ChTok,
  ) {}
  getParent(): ApiDocParagraph {
    return this.core.instrument(new ApiDocParagraph(this.core, this.doc, this.nl), 'Paragraph');
  }
  getText(): string {
    return this.getParent().getText();
  }
}

class ApiDocParagraph {
  constructor(
    private readonly core: RuntimeCore,
    private readonly doc: DocsDocument,
    /** The paragraph's newline token: stable identity while indices move. */
    private readonly nl: ChTok,
  ) {}
  private span(): { start: number; nl: number } {
    const at = this.doc.toks.indexOf(this.nl);
    if (at < 0) throw gasError('Element does not exist.');
    const p = this.doc.paragraphAt(at);
    if (!p) throw gasError('Element does not exist.');
    return p;
  }
  asParagraph(): this {
    return this;
  }
  getText(): string {
    const { start, nl } = this.span();
    return this.doc.toks
      .slice(start, nl)
      .map((k) => (k.t === 'ch' ? k.c : ''))
      .join('');
  }
  clear(): this {
    const { start, nl } = this.span();
    this.doc.toks.splice(start, nl - start);
    return this;
  }
  appendInlineImage(blob: FakeBlob): ApiDocImage {
    const { nl } = this.span();
    const id = `kix.fakeimg-da-${this.doc.inlineObjects.size + 1}`;
    this.doc.inlineObjects.set(id, { widthPt: 75, heightPt: 75, description: '', contentType: blob.getContentType(), bytes: blob.getBytes().length });
    const before = this.doc.toks[nl - 1];
    this.doc.toks.splice(nl, 0, { t: 'img', id, ts: isInline(before) && !isNewline(before) ? clone(before.ts) : clone(this.nl.ts) });
    return this.core.instrument(new ApiDocImage(this.doc, id), 'InlineImage');
  }
}

class ApiDocImage {
  constructor(
    private readonly doc: DocsDocument,
    private readonly id: string,
  ) {}
  private obj(): InlineObject {
    const o = this.doc.inlineObjects.get(this.id);
    if (!o) throw gasError('Element does not exist.');
    return o;
  }
  /** DocumentApp sizes images in pixels at 96 per inch: 1 px = 0.75 pt. */
  setWidth(px: number): this {
    this.obj().widthPt = px * 0.75;
    return this;
  }
  setHeight(px: number): this {
    this.obj().heightPt = px * 0.75;
    return this;
  }
  getWidth(): number {
    return Math.round(this.obj().widthPt / 0.75);
  }
  getHeight(): number {
    return Math.round(this.obj().heightPt / 0.75);
  }
  setAltDescription(text: string): this {
    this.obj().description = String(text);
    return this;
  }
}

class ApiDocRangeElement {
  constructor(
    private readonly text: ApiDocText,
    private readonly start: number,
    private readonly end: number,
  ) {}
  getElement(): ApiDocText {
    return this.text;
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end - 1;
  }
  isPartial(): boolean {
    return true;
  }
}

class ApiDocBody {
  constructor(
    private readonly core: RuntimeCore,
    private readonly store: DocsStore,
    private readonly id: string,
  ) {}
  private doc(): DocsDocument {
    return this.store.get(this.id, 'get');
  }
  /** Like Body.findText: a regular expression, the first match inside one paragraph. */
  findText(pattern: string): ApiDocRangeElement | null {
    const doc = this.doc();
    const re = new RegExp(pattern);
    const walk = (nodes: (ParaNode | TableNode)[]): ApiDocRangeElement | null => {
      for (const n of nodes) {
        if (n.kind === 'table') {
          for (const r of n.rows) for (const c of r.cells) {
            const hit = walk(c.content);
            if (hit) return hit;
          }
          continue;
        }
        const text = doc.toks
          .slice(n.start, n.end - 1)
          .map((k) => (k.t === 'ch' ? k.c : ''))
          .join('');
        const m = re.exec(text);
        if (m) {
          const t = this.core.instrument(new ApiDocText(this.core, doc, doc.toks[n.end - 1] as ChTok), 'Text');
          return this.core.instrument(new ApiDocRangeElement(t, m.index, m.index + m[0].length), 'RangeElement');
        }
      }
      return null;
    };
    return walk(doc.content());
  }
  getText(): string {
    return docText(this.doc().toJson()).join('\n');
  }
}

class ApiDocDocument {
  private closed = false;
  constructor(
    private readonly core: RuntimeCore,
    private readonly store: DocsStore,
    private readonly id: string,
  ) {}
  private open(): void {
    if (this.closed) throw gasError('Document is closed, its contents cannot be updated.');
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.store.get(this.id, 'get').title;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  getBody(): ApiDocBody {
    this.open();
    return this.core.instrument(new ApiDocBody(this.core, this.store, this.id), 'Body');
  }
  saveAndClose(): void {
    this.closed = true;
  }
  /** Conversion is not simulated: a PDF header, then the document's text. */
  getAs(contentType: string): FakeBlob {
    const doc = this.store.get(this.id, 'get');
    const text = docText(doc.toJson()).join('\n');
    return new FakeBlob(`%PDF-1.4\n${text}`, contentType, `${doc.title}.pdf`);
  }
}

export interface DocumentAppLike {
  openById(id: string): unknown;
  [member: string]: unknown;
}

/**
 * DocumentApp for a runtime with the Docs fake: opens API-made Docs itself and hands everything
 * else (other ids, create, openByUrl, the enums) to the runtime's own DocumentApp. One call from
 * the script counts once (the fallback's own counting is nested, hence not repeated).
 */
export class FakeDocsDocumentApp {
  constructor(
    private readonly core: RuntimeCore,
    private readonly store: DocsStore,
    private readonly fallback: DocumentAppLike | null,
  ) {
    for (const key of ['ParagraphHeading', 'HorizontalAlignment', 'ElementType', 'Attribute']) {
      if (fallback && key in fallback) (this as Record<string, unknown>)[key] = fallback[key];
    }
  }
  private other(method: string, args: unknown[]): unknown {
    const fn = this.fallback?.[method];
    if (typeof fn !== 'function') throw new Error(`docs fake: DocumentApp.${method} is not simulated here`);
    return (fn as (...a: unknown[]) => unknown).apply(this.fallback, args);
  }
  openById(id: string): unknown {
    if (this.store.docs.has(String(id))) return this.core.instrument(new ApiDocDocument(this.core, this.store, String(id)), 'Document');
    if (this.fallback) return this.other('openById', [id]);
    throw gasError(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
  }
  openByUrl(url: string): unknown {
    const m = /\/document\/d\/([^/]+)/.exec(String(url));
    if (m?.[1] && this.store.docs.has(m[1])) return this.openById(m[1]);
    return this.other('openByUrl', [url]);
  }
  create(name: string): unknown {
    return this.other('create', [name]);
  }
  getActiveDocument(): unknown {
    return this.fallback ? this.other('getActiveDocument', []) : null;
  }
}

// ------------------------------------------------------------------ wiring

export interface FakeDocsService {
  /** The `Docs` global: `Docs.Documents.create/get/batchUpdate`, each call counted as `Docs.Documents.*`. */
  Docs: { Documents: FakeDocumentsCollection };
  /** DocumentApp that opens API-made Docs (and hands other ids to `fallback`). */
  DocumentApp: FakeDocsDocumentApp;
  store: DocsStore;
}

/**
 * The Docs advanced service on a runtime's call counter. With createRuntime:
 *   createRuntime({ services: docsServices() })   // Docs + a DocumentApp that also opens API Docs
 * or on a bare RuntimeCore in unit tests: createDocsService(core).
 */
export function createDocsService(core: RuntimeCore, options: { fallbackDocumentApp?: DocumentAppLike | null; onCreate?: (doc: DocsDocument) => void } = {}): FakeDocsService {
  const store = new DocsStore();
  store.onCreate = options.onCreate ?? null;
  const documents = core.instrument(new FakeDocumentsCollection(store), 'Docs.Documents');
  const app = core.instrument(new FakeDocsDocumentApp(core, store, options.fallbackDocumentApp ?? null), 'DocumentApp');
  return { Docs: { Documents: documents }, DocumentApp: app, store };
}

interface RuntimeLike {
  core: RuntimeCore;
  services: Record<string, unknown>;
  drive?: { registerFile(f: { id: string; name: () => string; rename?: (n: string) => void; url: string; mimeType: string }): unknown };
}

const perRuntime = new WeakMap<object, FakeDocsService>();

/** Fake Docs for one runtime (memoised), registering each new Doc in the runtime's fake Drive. */
export function docsServiceFor(rt: RuntimeLike): FakeDocsService {
  let svc = perRuntime.get(rt);
  if (!svc) {
    const fallback = (rt.services.DocumentApp ?? null) as DocumentAppLike | null;
    svc = createDocsService(rt.core, {
      fallbackDocumentApp: fallback,
      onCreate: (doc) =>
        rt.drive?.registerFile({
          id: doc.id,
          name: () => doc.title,
          rename: (n) => (doc.title = n),
          url: `https://docs.google.com/document/d/${doc.id}/edit`,
          mimeType: 'application/vnd.google-apps.document',
        }),
    });
    perRuntime.set(rt, svc);
  }
  return svc;
}

/** For createRuntime's `services` option: `Docs`, and `DocumentApp` extended to API-made Docs. */
export function docsServices(): Record<string, (rt: RuntimeLike) => unknown> {
  return {
    Docs: (rt) => docsServiceFor(rt).Docs,
    DocumentApp: (rt) => docsServiceFor(rt).DocumentApp,
  };
}

// ------------------------------------------------------------------ test helpers

/**
 * The plain text of a Docs document JSON in reading order: one string per non-empty paragraph,
 * body and table cells (row by row, cell by cell), without the final newline. A soft line break
 * (U+000B) reads as '\n'.
 */
export function docText(doc: Json): string[] {
  const out: string[] = [];
  const walk = (content: unknown): void => {
    for (const el of (content as Json[]) ?? []) {
      const p = el.paragraph as Json | undefined;
      if (p) {
        const text = ((p.elements as Json[]) ?? [])
          .map((e) => ((e.textRun as Json | undefined)?.content as string | undefined) ?? '')
          .join('')
          .replace(/\n$/, '')
          .replace(/\u000b/g, '\n');
        if (text !== '') out.push(text);
      }
      const t = el.table as Json | undefined;
      if (t) for (const r of (t.tableRows as Json[]) ?? []) for (const c of (r.tableCells as Json[]) ?? []) walk(c.content);
    }
  };
  walk((doc.body as Json | undefined)?.content);
  return out;
}

/** Every paragraph of a Docs document JSON (body and cells) with its text, style and runs. */
export function docParagraphs(doc: Json): { text: string; style: Json; runs: { text: string; style: Json }[]; inTable: boolean; images: string[] }[] {
  const out: { text: string; style: Json; runs: { text: string; style: Json }[]; inTable: boolean; images: string[] }[] = [];
  const walk = (content: unknown, inTable: boolean): void => {
    for (const el of (content as Json[]) ?? []) {
      const p = el.paragraph as Json | undefined;
      if (p) {
        const elements = (p.elements as Json[]) ?? [];
        const runs = elements.filter((e) => e.textRun).map((e) => ({ text: (e.textRun as Json).content as string, style: ((e.textRun as Json).textStyle ?? {}) as Json }));
        const images = elements.filter((e) => e.inlineObjectElement).map((e) => (e.inlineObjectElement as Json).inlineObjectId as string);
        out.push({ text: runs.map((r) => r.text).join('').replace(/\n$/, ''), style: (p.paragraphStyle ?? {}) as Json, runs, inTable, images });
      }
      const t = el.table as Json | undefined;
      if (t) for (const r of (t.tableRows as Json[]) ?? []) for (const c of (r.tableCells as Json[]) ?? []) walk(c.content, true);
    }
  };
  walk((doc.body as Json | undefined)?.content, false);
  return out;
}

/** The tables of a Docs document JSON, top level, in order. */
export function docTables(doc: Json): Json[] {
  return (((doc.body as Json | undefined)?.content as Json[]) ?? []).filter((e) => e.table).map((e) => ({ startIndex: e.startIndex, endIndex: e.endIndex, ...(e.table as Json) }));
}
