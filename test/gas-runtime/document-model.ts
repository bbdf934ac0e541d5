// ONE model of a Google Doc, which both fakes act on, as in Google where DocumentApp and the Docs
// advanced service see the same document: `DocumentApp` (document-app.ts) and `Docs.Documents`
// (docs-service.ts) read and write the documents of one DocumentStore (`runtime.documents`).
//
// The document is kept as the Docs API indexes it: a flat array of index positions (UTF-16 code
// units and structural markers), so index arithmetic is the API's own, not re-derived:
//   0                      the section break (body content starts at index 1)
//   'ch'                   one UTF-16 code unit of text; a '\n' ends a paragraph and carries its
//                          paragraph style (and, for a list item, its bullet)
//   'pb' / 'img' / 'hr'    a page break / an inline image / a horizontal rule: one index each
//   'tbl' 'row' 'cell' 'tblEnd'  a table: start, one per row, one per cell, end marker
// so an empty R×C table takes 2 + R·(2C+1) indices (Google's "Work with tables" table: a 2×2
// table at S ends at S+12, cell (0,0)'s paragraph is [S+3, S+4)).
//
// A new document is what Docs.Documents.create returns: a section break and one empty paragraph,
// Letter page, 1-inch margins (developers.google.com/docs/api/reference/rest/v1/documents/create
// and the DocumentStyle defaults it shows).
//
// Who sees what (developers.google.com/apps-script/reference/document/document#saveAndClose:
// "Saves the current Document. Causes pending updates to be flushed and applied. The
// saveAndClose() method is automatically invoked at the end of script execution for each open
// editable Document. A closed Document can't be edited."): a DocumentApp Document works on its
// own copy, which saveAndClose (or the end of the execution) writes back; until then the Docs API
// reads the document as it was. The Docs API's batchUpdate is atomic and visible at once.

import { gasError, type RuntimeCore } from './core.ts';
import type { DriveStore } from './drive-app.ts';
import { zonedParts } from './formats.ts';

export type Json = Record<string, unknown>;
export type TextStyle = Json;
export type ParagraphStyle = Json;

export interface ChTok {
  t: 'ch';
  c: string;
  ts: TextStyle;
  /** Paragraph style, only on '\n'. */
  ps?: ParagraphStyle;
  /** A list item's bullet, only on '\n'. */
  bullet?: Json;
}
export interface PbTok {
  t: 'pb';
  ts: TextStyle;
}
export interface ImgTok {
  t: 'img';
  id: string;
  ts: TextStyle;
}
export interface HrTok {
  t: 'hr';
  ts: TextStyle;
}
export interface TblTok {
  t: 'tbl';
  columnProps: Json[];
}
export interface RowTok {
  t: 'row';
  style: Json;
}
export interface CellTok {
  t: 'cell';
  style: Json;
}
export interface TblEndTok {
  t: 'tblEnd';
}
export interface SbTok {
  t: 'sb';
}
export type InlineTok = ChTok | PbTok | ImgTok | HrTok;
export type Tok = InlineTok | TblTok | RowTok | CellTok | TblEndTok | SbTok;

export const isInline = (k: Tok | undefined): k is InlineTok => k !== undefined && (k.t === 'ch' || k.t === 'pb' || k.t === 'img' || k.t === 'hr');
export const isNewline = (k: Tok | undefined): k is ChTok => k !== undefined && k.t === 'ch' && k.c === '\n';

export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/**
 * `arr.splice(at, 0, ...items)` without spreading `items` into arguments: a spread of a few
 * hundred thousand tokens (a long text inserted at once) overflows the call stack.
 */
export function spliceIn<T>(arr: T[], at: number, items: readonly T[]): void {
  if (items.length < 10_000) {
    arr.splice(at, 0, ...items);
    return;
  }
  const tail = arr.splice(at);
  for (const x of items) arr.push(x);
  for (const x of tail) arr.push(x);
}

/** The paragraph style Google gives a new paragraph. */
export const NEW_PARAGRAPH_STYLE: ParagraphStyle = { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };

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
export type ContentNode = ParaNode | TableNode;

export function parseContent(toks: Tok[], from: number): { nodes: ContentNode[]; next: number } {
  const nodes: ContentNode[] = [];
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

export function parseTable(toks: Tok[], at: number): TableNode {
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

export interface InlineObject {
  widthPt: number;
  heightPt: number;
  description: string;
  contentType: string | null;
  bytes: number;
  /** The image's bytes when DocumentApp put it there (InlineImage.getBlob). */
  data?: Uint8Array;
  /** DocumentApp's alt title. */
  title?: string;
}

export class DocsDocument {
  toks: Tok[];
  documentStyle: Json;
  inlineObjects = new Map<string, InlineObject>();
  lists = new Map<string, Json>();
  revision = 1;
  constructor(
    readonly id: string,
    public title: string,
  ) {
    this.toks = [{ t: 'sb' }, { t: 'ch', c: '\n', ts: {}, ps: clone(NEW_PARAGRAPH_STYLE) }];
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

  content(): ContentNode[] {
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

  /** The text of the paragraph [start, nl): its characters, nothing for images and breaks. */
  textOf(start: number, nl: number): string {
    let s = '';
    for (let k = start; k < nl; k += 1) {
      const tok = this.toks[k];
      if (tok?.t === 'ch') s += tok.c;
    }
    return s;
  }

  toJson(): Json {
    const textStyleOut = (ts: TextStyle): Json => clone(ts);
    const para = (p: ParaNode): Json => {
      const elements: Json[] = [];
      let i = p.start;
      while (i < p.end) {
        const k = this.toks[i] as InlineTok;
        if (k.t === 'pb') {
          elements.push({ startIndex: i, endIndex: i + 1, pageBreak: { textStyle: textStyleOut(k.ts) } });
          i += 1;
          continue;
        }
        if (k.t === 'hr') {
          elements.push({ startIndex: i, endIndex: i + 1, horizontalRule: { textStyle: textStyleOut(k.ts) } });
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
      const out: Json = { elements, paragraphStyle: clone(nl.ps ?? {}) };
      if (nl.bullet) out.bullet = clone(nl.bullet);
      return { startIndex: p.start, endIndex: p.end, paragraph: out };
    };
    const node = (n: ContentNode): Json => (n.kind === 'paragraph' ? para(n) : table(n));
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
    const out: Json = {
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
    if (this.lists.size > 0) out.lists = Object.fromEntries([...this.lists].map(([k, v]) => [k, clone(v)]));
    return out;
  }

  /** A deep copy (same id): the working copy of a DocumentApp Document, or of a batch. */
  copy(): DocsDocument {
    const d = new DocsDocument(this.id, this.title);
    d.toks = this.toks.map(copyTok);
    d.documentStyle = clone(this.documentStyle);
    d.inlineObjects = new Map([...this.inlineObjects].map(([k, v]) => [k, { ...v }]));
    d.lists = new Map([...this.lists].map(([k, v]) => [k, clone(v)]));
    d.revision = this.revision;
    return d;
  }
}

/**
 * A token's copy, two levels deep: every edit (the Docs requests' `fields` masks, DocumentApp's
 * setters) replaces a style's top-level fields whole, never changes a nested value in place, so
 * the styles' top level is all a copy must own. (A JSON round trip per token made a 10,000-row
 * report twice as slow.)
 */
function copyTok(k: Tok): Tok {
  switch (k.t) {
    case 'ch': {
      const c: ChTok = { t: 'ch', c: k.c, ts: { ...k.ts } };
      if (k.ps) c.ps = { ...k.ps };
      if (k.bullet) c.bullet = { ...k.bullet };
      return c;
    }
    case 'pb':
    case 'hr':
      return { t: k.t, ts: { ...k.ts } } as Tok;
    case 'img':
      return { t: 'img', id: k.id, ts: { ...k.ts } };
    case 'tbl':
      return { t: 'tbl', columnProps: k.columnProps.map((p) => ({ ...p })) };
    case 'row':
    case 'cell':
      return { t: k.t, style: { ...k.style } } as Tok;
    default:
      return { t: k.t } as Tok;
  }
}

// ------------------------------------------------------------------ the store

export const DOC_MSG = {
  quota: 'Service invoked too many times for one day: docs create.',
  tooManyChanges: 'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with DocumentApp.openById().',
  notFound: (id: string) => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  // Seen in real executions ("Exception: Document is closed, its contents cannot be updated.").
  closed: 'Document is closed, its contents cannot be updated.',
} as const;

/** A Google Doc in the store: its saved state, which the Docs API reads and writes. */
export interface StoredDoc {
  readonly id: string;
  doc: DocsDocument;
}

/** A DocumentApp Document: a working copy of one stored Doc, written back by saveAndClose. */
export class DocSession {
  closed = false;
  changes = 0;
  constructor(
    readonly store: DocumentStore,
    readonly entry: StoredDoc,
    /** The working copy the DocumentApp elements read and edit. */
    readonly doc: DocsDocument,
    /** The stored revision this copy was taken from. */
    readonly baseRevision: number,
  ) {}
  /** Before every edit: refused once closed; counts towards "Too many changes…". */
  edit(): void {
    if (this.closed) throw gasError(DOC_MSG.closed);
    this.changes += 1;
    if (this.changes > this.store.maxChangesBeforeSave) throw gasError(DOC_MSG.tooManyChanges);
  }
  /** Write the working copy back (saveAndClose, or the end of the execution). */
  save(): void {
    if (this.closed) return;
    this.closed = true;
    this.store.sessions.delete(this);
    if (this.changes === 0) return;
    if (this.entry.doc.revision !== this.baseRevision) {
      throw new Error('docs fake: the Doc was changed through the Docs API while a DocumentApp Document was open on it; merging the two is not simulated');
    }
    // Closed, the working copy takes no more edits: it becomes the saved Doc as it is.
    this.doc.revision = this.baseRevision + 1;
    this.entry.doc = this.doc;
  }
}

export interface DocumentStoreOptions {
  /** The daily "Documents created" quota (DocumentApp.create); Infinity when absent. */
  quotas?: { docsCreatedPerDay: number };
  /** Each new Doc goes into this fake Drive (My Drive root). */
  drive?: DriveStore | null;
  timeZone?: () => string;
}

export class DocumentStore {
  readonly docs = new Map<string, StoredDoc>();
  /** Edits a DocumentApp Document allows between opening and saveAndClose (Infinity: not modelled). */
  maxChangesBeforeSave = Number.POSITIVE_INFINITY;
  /** DocumentApp Documents open now. */
  readonly sessions = new Set<DocSession>();
  private created = new Map<string, number>();
  private next = 1;
  private nextImage = 1;
  private nextList = 1;
  constructor(
    readonly core: RuntimeCore,
    private readonly options: DocumentStoreOptions = {},
  ) {}

  private day(date: Date): string {
    const p = zonedParts(date, this.options.timeZone?.() ?? 'Asia/Ho_Chi_Minh');
    return `${p.year}-${p.month}-${p.day}`;
  }

  /**
   * A new Doc, registered in Drive. `quota` (DocumentApp.create): counts towards the daily
   * "Documents created" quota of developers.google.com/apps-script/guides/services/quotas (250 a
   * day for a consumer account) and throws Google's message past it. The Docs advanced service's
   * create is governed by the Docs API's own per-minute limits instead, which are not modelled.
   */
  create(title: string, options: { quota?: boolean } = {}): StoredDoc {
    if (options.quota ?? true) {
      const day = this.day(this.core.now());
      const n = (this.created.get(day) ?? 0) + 1;
      if (n > (this.options.quotas?.docsCreatedPerDay ?? Number.POSITIVE_INFINITY)) throw gasError(DOC_MSG.quota);
      this.created.set(day, n);
    }
    const id = `fake-doc-${String(this.next++).padStart(4, '0')}`;
    const entry: StoredDoc = { id, doc: new DocsDocument(id, title) };
    this.docs.set(id, entry);
    this.options.drive?.registerFile({
      id,
      name: () => entry.doc.title,
      rename: (nm) => (entry.doc.title = nm),
      url: `https://docs.google.com/document/d/${id}/edit`,
      mimeType: 'application/vnd.google-apps.document',
    });
    return entry;
  }

  /** Documents created through DocumentApp on the simulated day of `date` (default now). */
  createdOn(date = this.core.now()): number {
    return this.created.get(this.day(date)) ?? 0;
  }

  /** Open a DocumentApp Document on a stored Doc. */
  open(entry: StoredDoc): DocSession {
    const s = new DocSession(this, entry, entry.doc.copy(), entry.doc.revision);
    this.sessions.add(s);
    return s;
  }

  /**
   * The end of an execution: every open Document is saved, as Apps Script does. One that cannot be
   * (changed through the Docs API meanwhile) is dropped rather than throwing from the end.
   */
  saveOpen(): void {
    for (const s of [...this.sessions]) {
      try {
        s.save();
      } catch {
        s.closed = true;
        this.sessions.delete(s);
      }
    }
  }

  imageId(): string {
    return `kix.fakeimg${this.nextImage++}`;
  }

  listId(): string {
    return `kix.fakelist${this.nextList++}`;
  }

  /** Test helper: a stored Doc as Docs.Documents.get returns it (uncounted). */
  json(id: string): Json {
    const e = this.docs.get(id);
    if (!e) throw new Error(`docs fake: no document ${id}`);
    return e.doc.toJson();
  }
}
