// DocumentApp over the runtime's one document model (document-model.ts), the same Docs the Docs
// advanced service fake (docs-service.ts) reads and updates: a Doc made with
// Docs.Documents.create opens here, and what DocumentApp writes is what Docs.Documents.get
// returns once saved. Elements are views onto the model (a paragraph is its '\n', a table its
// start marker), so they stay valid while text is inserted around them.
//
// Faithful behaviours (developers.google.com/apps-script/reference/document/*):
// - DocumentApp.create counts against the daily "Documents created" quota (250 a day for a
//   consumer account, developers.google.com/apps-script/guides/services/quotas) with Google's
//   "Service invoked too many times for one day: docs create."; openById of an unknown id throws
//   "Document … is missing (perhaps it was deleted, or you don't have read access?)".
// - A Document edits its own copy; saveAndClose writes it back ("Causes pending updates to be
//   flushed and applied", document#saveAndClose), and so does the end of the execution. After
//   saveAndClose its elements refuse edits with "Document is closed, its contents cannot be
//   updated." (as real executions log it); reads still work (not verified).
// - "Too many changes applied before saving document…" past `store.maxChangesBeforeSave` edits of
//   one open Document (off by default).
// - A new Doc holds one empty paragraph; the last paragraph of the body cannot be removed
//   ("Can't remove the last paragraph in a document section."); a body or a cell always ends with
//   a paragraph, so appending a table at the end appends an empty paragraph after it (not
//   verified); appendPageBreak, appendHorizontalRule and appendImage on a body make a new
//   paragraph holding the element (body#appendPageBreak: "The PageBreak will be contained in a new
//   Paragraph"); page breaks are refused in table cells.
// - Styles are the Docs API's: Attribute.BOLD is textStyle.bold, FONT_SIZE textStyle.fontSize in
//   points, HEADING paragraphStyle.namedStyleType (HEADING1 ↔ HEADING_1), HORIZONTAL_ALIGNMENT
//   alignment (LEFT ↔ START, RIGHT ↔ END, JUSTIFY ↔ JUSTIFIED), LINE_SPACING lineSpacing × 100,
//   colours '#rrggbb' ↔ rgbColor; image sizes are pixels at 96 per inch (1 px = 0.75 pt).
// - getChild past the end throws "Child index (i) must be less than the number of child elements (n)."
// Not simulated: headers, footers, footnotes, bookmarks, named ranges, positioned images, equations.
// A '\n' or '\r' written into a paragraph's text becomes a soft line break (U+000B), as the Docs
// API stores one (not verified for DocumentApp).

import { FakeBlob } from './blob.ts';
import { gasError, type RuntimeCore } from './core.ts';
import {
  clone,
  DOC_MSG,
  isInline,
  isNewline,
  NEW_PARAGRAPH_STYLE,
  parseContent,
  parseTable,
  type CellTok,
  type ChTok,
  type ContentNode,
  type DocSession,
  type DocsDocument,
  type DocumentStore,
  type HrTok,
  type ImgTok,
  type InlineObject,
  type InlineTok,
  type Json,
  type ParaNode,
  type PbTok,
  type RowTok,
  type TableNode,
  type TblTok,
  type Tok,
} from './document-model.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const ParagraphHeading = enumOf('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const VerticalAlignment = enumOf('TOP', 'CENTER', 'BOTTOM');
export const GlyphType = enumOf('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');
export const ElementType = enumOf(
  'BODY_SECTION',
  'PARAGRAPH',
  'LIST_ITEM',
  'TABLE',
  'TABLE_ROW',
  'TABLE_CELL',
  'TEXT',
  'INLINE_IMAGE',
  'PAGE_BREAK',
  'HORIZONTAL_RULE',
);
export const Attribute = enumOf(
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
  'HORIZONTAL_ALIGNMENT',
  'HEADING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'LINE_SPACING',
  'INDENT_START',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'LEFT_TO_RIGHT',
  'MARGIN_TOP',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'PAGE_WIDTH',
  'PAGE_HEIGHT',
  'BORDER_WIDTH',
  'BORDER_COLOR',
  'PADDING_TOP',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
  'HEIGHT',
);

type Kind = keyof typeof ElementType;

const MSG = {
  childIndex: (i: number, n: number) => `Child index (${i}) must be less than the number of child elements (${n}).`,
  // (wording not verified)
  insertIndex: (i: number, n: number) => `Child index (${i}) must be less than or equal to the number of child elements (${n}).`,
  lastParagraph: "Can't remove the last paragraph in a document section.",
  gone: 'Element does not exist.',
  pageBreakInCell: 'PageBreak cannot be inserted in a TableCell.',
  offset: (o: number, len: number) => `Offset ${o} is out of range for a text of length ${len}.`,
  cast: (from: Kind, to: Kind) => `Cannot cast a ${from} element to ${to}.`,
  exportType: (t: string) => `Converting from application/vnd.google-apps.document to ${t} is not supported.`,
} as const;

// ------------------------------------------------------------------ DocumentApp ↔ Docs styles

const pt = (n: unknown) => ({ magnitude: Number(n), unit: 'PT' });
const ptOf = (v: unknown): number | null => {
  const m = (v as { magnitude?: unknown } | undefined)?.magnitude;
  return typeof m === 'number' ? m : null;
};

function hexToRgb(hex: unknown): Json {
  const h = String(hex).replace(/^#/, '');
  const full = h.length === 3 ? h.replace(/./g, (c) => c + c) : h;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw gasError(`Invalid color: ${String(hex)}`);
  const rgb: Json = {};
  // Google leaves zero components out of the JSON.
  (['red', 'green', 'blue'] as const).forEach((k, i) => {
    const v = parseInt(full.slice(i * 2, i * 2 + 2), 16) / 255;
    if (v !== 0) rgb[k] = Math.round(v * 1000) / 1000;
  });
  return { color: { rgbColor: rgb } };
}

function rgbToHex(v: unknown): string | null {
  const rgb = ((v as Json | undefined)?.color as Json | undefined)?.rgbColor as Record<string, number> | undefined;
  if (!rgb) return null;
  const c = (k: string) => Math.round((rgb[k] ?? 0) * 255).toString(16).padStart(2, '0');
  return `#${c('red')}${c('green')}${c('blue')}`;
}

interface StyleMap {
  field: string;
  toDocs: (v: unknown) => unknown;
  fromDocs: (v: unknown) => unknown;
}

const same = (v: unknown) => v;
const TEXT_ATTRS: Record<string, StyleMap> = {
  BOLD: { field: 'bold', toDocs: Boolean, fromDocs: same },
  ITALIC: { field: 'italic', toDocs: Boolean, fromDocs: same },
  UNDERLINE: { field: 'underline', toDocs: Boolean, fromDocs: same },
  STRIKETHROUGH: { field: 'strikethrough', toDocs: Boolean, fromDocs: same },
  FONT_SIZE: { field: 'fontSize', toDocs: pt, fromDocs: ptOf },
  FONT_FAMILY: { field: 'weightedFontFamily', toDocs: (v) => ({ fontFamily: String(v), weight: 400 }), fromDocs: (v) => (v as Json).fontFamily ?? null },
  FOREGROUND_COLOR: { field: 'foregroundColor', toDocs: hexToRgb, fromDocs: rgbToHex },
  BACKGROUND_COLOR: { field: 'backgroundColor', toDocs: hexToRgb, fromDocs: rgbToHex },
  LINK_URL: { field: 'link', toDocs: (v) => ({ url: String(v) }), fromDocs: (v) => (v as Json).url ?? null },
};

const HEADING_TO_DOCS: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};
const ALIGN_TO_DOCS: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const enumMap = (to: Record<string, string>, what: string): Pick<StyleMap, 'toDocs' | 'fromDocs'> => {
  const from = invert(to);
  return {
    toDocs: (v) => {
      const d = to[String(v)];
      if (d === undefined) throw gasError(`Invalid argument: ${what}`);
      return d;
    },
    fromDocs: (v) => from[String(v)] ?? null,
  };
};

const PARAGRAPH_ATTRS: Record<string, StyleMap> = {
  HEADING: { field: 'namedStyleType', ...enumMap(HEADING_TO_DOCS, 'heading') },
  HORIZONTAL_ALIGNMENT: { field: 'alignment', ...enumMap(ALIGN_TO_DOCS, 'alignment') },
  SPACING_BEFORE: { field: 'spaceAbove', toDocs: pt, fromDocs: ptOf },
  SPACING_AFTER: { field: 'spaceBelow', toDocs: pt, fromDocs: ptOf },
  LINE_SPACING: { field: 'lineSpacing', toDocs: (v) => Math.round(Number(v) * 100), fromDocs: (v) => Number(v) / 100 },
  INDENT_START: { field: 'indentStart', toDocs: pt, fromDocs: ptOf },
  INDENT_END: { field: 'indentEnd', toDocs: pt, fromDocs: ptOf },
  INDENT_FIRST_LINE: { field: 'indentFirstLine', toDocs: pt, fromDocs: ptOf },
  LEFT_TO_RIGHT: { field: 'direction', toDocs: (v) => (v ? 'LEFT_TO_RIGHT' : 'RIGHT_TO_LEFT'), fromDocs: (v) => v === 'LEFT_TO_RIGHT' },
};

const CELL_ATTRS: Record<string, StyleMap> = {
  BACKGROUND_COLOR: { field: 'backgroundColor', toDocs: hexToRgb, fromDocs: rgbToHex },
  PADDING_TOP: { field: 'paddingTop', toDocs: pt, fromDocs: ptOf },
  PADDING_BOTTOM: { field: 'paddingBottom', toDocs: pt, fromDocs: ptOf },
  PADDING_LEFT: { field: 'paddingLeft', toDocs: pt, fromDocs: ptOf },
  PADDING_RIGHT: { field: 'paddingRight', toDocs: pt, fromDocs: ptOf },
  VERTICAL_ALIGNMENT: { field: 'contentAlignment', ...enumMap({ TOP: 'TOP', CENTER: 'MIDDLE', BOTTOM: 'BOTTOM' }, 'vertical alignment') },
};

const DOCUMENT_ATTRS: Record<string, (ds: Json, v: unknown) => void> = {
  MARGIN_TOP: (ds, v) => (ds.marginTop = pt(v)),
  MARGIN_BOTTOM: (ds, v) => (ds.marginBottom = pt(v)),
  MARGIN_LEFT: (ds, v) => (ds.marginLeft = pt(v)),
  MARGIN_RIGHT: (ds, v) => (ds.marginRight = pt(v)),
  PAGE_WIDTH: (ds, v) => (ds.pageSize = { ...(ds.pageSize as Json), width: pt(v) }),
  PAGE_HEIGHT: (ds, v) => (ds.pageSize = { ...(ds.pageSize as Json), height: pt(v) }),
};

function setStyle(target: Json, map: StyleMap, value: unknown): void {
  if (value === null || value === undefined) delete target[map.field];
  else target[map.field] = map.toDocs(value);
}
function getStyle(target: Json, map: StyleMap): unknown {
  const v = target[map.field];
  return v === undefined ? null : map.fromDocs(v);
}

/** A PNG's size from its IHDR chunk; null for anything else. */
function pngSize(bytes: Uint8Array): { w: number; h: number } | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50 || bytes[12] !== 0x49 || bytes[13] !== 0x48) return null;
  const u32 = (o: number) => ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  return { w: u32(16), h: u32(20) };
}

const softBreaks = (s: unknown): string => String(s).replace(/\r\n|\r|\n/g, '\u000b');

// ------------------------------------------------------------------ finding things in a document

type Container = { kind: 'body' } | { kind: 'cell'; tok: CellTok };

function indexOf(doc: DocsDocument, tok: Tok): number {
  const i = doc.toks.indexOf(tok);
  if (i < 0) throw gasError(MSG.gone);
  return i;
}

/** The cell holding index i (nested tables skipped), or null for the body. */
function enclosingCell(doc: DocsDocument, i: number): CellTok | null {
  let depth = 0;
  for (let k = i - 1; k >= 0; k -= 1) {
    const t = doc.toks[k];
    if (!t) continue;
    if (t.t === 'tblEnd') depth += 1;
    else if (t.t === 'tbl' && depth > 0) depth -= 1;
    else if (t.t === 'cell' && depth === 0) return t;
    else if (t.t === 'sb') return null;
  }
  return null;
}

/** The table holding a row or cell token at index i. */
function enclosingTable(doc: DocsDocument, i: number): TableNode {
  let depth = 0;
  for (let k = i - 1; k >= 0; k -= 1) {
    const t = doc.toks[k];
    if (t?.t === 'tblEnd') depth += 1;
    else if (t?.t === 'tbl') {
      if (depth === 0) return parseTable(doc.toks, k);
      depth -= 1;
    }
  }
  throw gasError(MSG.gone);
}

function children(doc: DocsDocument, c: Container): { nodes: ContentNode[]; end: number } {
  const from = c.kind === 'body' ? 1 : indexOf(doc, c.tok) + 1;
  const { nodes, next } = parseContent(doc.toks, from);
  return { nodes, end: c.kind === 'body' ? doc.toks.length : next };
}

/** Every paragraph and table inside a container, depth first, in reading order. */
function descendants(doc: DocsDocument, nodes: ContentNode[]): ContentNode[] {
  const out: ContentNode[] = [];
  for (const n of nodes) {
    out.push(n);
    if (n.kind === 'table') for (const r of n.rows) for (const c of r.cells) out.push(...descendants(doc, c.content));
  }
  return out;
}

function paragraphSpan(doc: DocsDocument, nl: ChTok): { start: number; nl: number } {
  const p = doc.paragraphAt(indexOf(doc, nl));
  if (!p) throw gasError(MSG.gone);
  return p;
}

function newParagraphToks(text: string, ps: Json = NEW_PARAGRAPH_STYLE, ts: Json = {}): Tok[] {
  const chars: Tok[] = [...softBreaks(text)].flatMap((ch) => ch.split('').map((u): Tok => ({ t: 'ch', c: u, ts: clone(ts) })));
  return [...chars, { t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) }];
}

function tableToks(cells: unknown[][]): Tok[] {
  const cols = Math.max(0, ...cells.map((r) => (Array.isArray(r) ? r.length : 0)));
  const toks: Tok[] = [{ t: 'tbl', columnProps: Array.from({ length: cols }, () => ({ widthType: 'EVENLY_DISTRIBUTED' })) }];
  for (const row of cells) {
    toks.push({ t: 'row', style: {} });
    for (let c = 0; c < cols; c += 1) toks.push({ t: 'cell', style: {} }, ...newParagraphToks(String((row as unknown[])[c] ?? '')));
  }
  toks.push({ t: 'tblEnd' });
  return toks;
}

// ------------------------------------------------------------------ views

class Views {
  constructor(
    readonly core: RuntimeCore,
    readonly s: DocSession,
  ) {}
  get doc(): DocsDocument {
    return this.s.doc;
  }
  paragraph(nl: ChTok): ParagraphView {
    return this.core.instrument(new ParagraphView(this, nl), nl.bullet ? 'ListItem' : 'Paragraph');
  }
  node(n: ContentNode): ParagraphView | TableView {
    return n.kind === 'paragraph' ? this.paragraph(this.doc.toks[n.end - 1] as ChTok) : this.table(n.tok);
  }
  table(tok: TblTok): TableView {
    return this.core.instrument(new TableView(this, tok), 'Table');
  }
  row(tok: RowTok): TableRowView {
    return this.core.instrument(new TableRowView(this, tok), 'TableRow');
  }
  cell(tok: CellTok): TableCellView {
    return this.core.instrument(new TableCellView(this, tok), 'TableCell');
  }
  text(nl: ChTok): TextView {
    return this.core.instrument(new TextView(this, nl), 'Text');
  }
  inline(tok: InlineTok, nl?: ChTok): InlineImageView | PageBreakView | HorizontalRuleView | TextView {
    if (tok.t === 'img') return this.core.instrument(new InlineImageView(this, tok), 'InlineImage');
    if (tok.t === 'pb') return this.core.instrument(new PageBreakView(this, tok), 'PageBreak');
    if (tok.t === 'hr') return this.core.instrument(new HorizontalRuleView(this, tok), 'HorizontalRule');
    if (!nl) throw new Error('docs fake: a Text needs its paragraph');
    return this.text(nl);
  }
  body(): BodyView {
    return this.core.instrument(new BodyView(this), 'Body');
  }
  container(c: Container): BodyView | TableCellView {
    return c.kind === 'body' ? this.body() : this.cell(c.tok);
  }
  /** The container holding index i. */
  containerAt(i: number): Container {
    const cell = enclosingCell(this.doc, i);
    return cell ? { kind: 'cell', tok: cell } : { kind: 'body' };
  }
  edit(): void {
    this.s.edit();
  }
}

abstract class ElementView {
  abstract readonly kind: Kind;
  constructor(protected readonly v: Views) {}
  getType(): Kind {
    return this.kind;
  }
  abstract getText(): string;
  abstract getParent(): unknown;
  protected cast<T>(to: Kind): T {
    if (this.kind !== to && !(to === 'PARAGRAPH' && this.kind === 'LIST_ITEM')) throw gasError(MSG.cast(this.kind, to));
    return this as unknown as T;
  }
  asParagraph(): ParagraphView {
    return this.cast('PARAGRAPH');
  }
  asListItem(): ParagraphView {
    return this.cast('LIST_ITEM');
  }
  asTable(): TableView {
    return this.cast('TABLE');
  }
  asTableRow(): TableRowView {
    return this.cast('TABLE_ROW');
  }
  asTableCell(): TableCellView {
    return this.cast('TABLE_CELL');
  }
  asText(): TextView {
    return this.cast('TEXT');
  }
  asInlineImage(): InlineImageView {
    return this.cast('INLINE_IMAGE');
  }
  asPageBreak(): PageBreakView {
    return this.cast('PAGE_BREAK');
  }
  asHorizontalRule(): HorizontalRuleView {
    return this.cast('HORIZONTAL_RULE');
  }
  asBody(): BodyView {
    return this.cast('BODY_SECTION');
  }
  /** Test helper (uncounted): the token this view stands for. */
  __token(): Tok | null {
    return null;
  }
}

// ---------------------------------------------------------------- containers (Body, TableCell)

abstract class ContainerView extends ElementView {
  protected abstract where(): Container;

  protected nodes(): { nodes: ContentNode[]; end: number } {
    return children(this.v.doc, this.where());
  }
  getNumChildren(): number {
    return this.nodes().nodes.length;
  }
  getChild(i: number): ParagraphView | TableView {
    const { nodes } = this.nodes();
    const n = nodes[i];
    if (!n) throw gasError(MSG.childIndex(i, nodes.length));
    return this.v.node(n);
  }
  getChildIndex(child: ElementView): number {
    const tok = child.__token();
    return this.nodes().nodes.findIndex((n) => (n.kind === 'paragraph' ? this.v.doc.toks[n.end - 1] : n.tok) === tok);
  }
  getText(): string {
    return this.nodes()
      .nodes.map((n) => this.v.node(n).getText())
      .join('\n');
  }

  /** Insert tokens before child `index` (or at the end); a container always ends with a paragraph. */
  protected insertAt(index: number | undefined, toks: Tok[]): number {
    const { nodes, end } = this.nodes();
    if (index !== undefined && (index < 0 || index > nodes.length)) throw gasError(MSG.insertIndex(index, nodes.length));
    const at = index === undefined || index === nodes.length ? end : nodes[index]!.start;
    const last = toks[toks.length - 1];
    const trailing = at === end && last?.t === 'tblEnd' ? newParagraphToks('') : [];
    this.v.doc.toks.splice(at, 0, ...toks, ...trailing);
    return at;
  }

  private addParagraph(index: number | undefined, text: unknown, bullet: boolean): ParagraphView {
    this.v.edit();
    const content = typeof text === 'object' && text !== null && typeof (text as ElementView).getText === 'function' ? (text as ElementView).getText() : String(text ?? '');
    const toks = newParagraphToks(content);
    const nl = toks[toks.length - 1] as ChTok;
    if (bullet) {
      const listId = this.v.s.store.listId();
      this.v.doc.lists.set(listId, { listProperties: { nestingLevels: [{ glyphType: 'GLYPH_TYPE_UNSPECIFIED', glyphSymbol: '●' }] } });
      nl.bullet = { listId, textStyle: {} };
    }
    this.insertAt(index, toks);
    return this.v.paragraph(nl);
  }
  appendParagraph(text: unknown): ParagraphView {
    return this.addParagraph(undefined, text, false);
  }
  insertParagraph(index: number, text: unknown): ParagraphView {
    return this.addParagraph(Number(index), text, false);
  }
  appendListItem(text: unknown): ParagraphView {
    return this.addParagraph(undefined, text, true);
  }
  insertListItem(index: number, text: unknown): ParagraphView {
    return this.addParagraph(Number(index), text, true);
  }
  private addTable(index: number | undefined, cells: unknown): TableView {
    this.v.edit();
    const toks = tableToks(Array.isArray(cells) ? (cells as unknown[][]) : []);
    this.insertAt(index, toks);
    return this.v.table(toks[0] as TblTok);
  }
  appendTable(cells?: unknown[][]): TableView {
    return this.addTable(undefined, cells);
  }
  insertTable(index: number, cells?: unknown[][]): TableView {
    return this.addTable(Number(index), cells);
  }
  private addInlineParagraph(index: number | undefined, tok: InlineTok): ParagraphView {
    const toks: Tok[] = [tok, ...newParagraphToks('')];
    this.insertAt(index, toks);
    return this.v.paragraph(toks[toks.length - 1] as ChTok);
  }
  appendHorizontalRule(): HorizontalRuleView {
    this.v.edit();
    const tok: HrTok = { t: 'hr', ts: {} };
    this.addInlineParagraph(undefined, tok);
    return this.v.inline(tok, undefined) as HorizontalRuleView;
  }
  appendImage(blob: FakeBlob): InlineImageView {
    this.v.edit();
    const tok = newImage(this.v, blob);
    this.addInlineParagraph(undefined, tok);
    return this.v.inline(tok, undefined) as InlineImageView;
  }
  insertImage(index: number, blob: FakeBlob): InlineImageView {
    this.v.edit();
    const tok = newImage(this.v, blob);
    this.addInlineParagraph(Number(index), tok);
    return this.v.inline(tok, undefined) as InlineImageView;
  }
  protected addPageBreak(index: number | undefined): PageBreakView {
    this.v.edit();
    const tok: PbTok = { t: 'pb', ts: {} };
    this.addInlineParagraph(index, tok);
    return this.v.inline(tok, undefined) as PageBreakView;
  }

  private all(): ContentNode[] {
    return descendants(this.v.doc, this.nodes().nodes);
  }
  /** Every paragraph and list item, table cells included. */
  getParagraphs(): ParagraphView[] {
    return this.all()
      .filter((n): n is ParaNode => n.kind === 'paragraph')
      .map((n) => this.v.paragraph(this.v.doc.toks[n.end - 1] as ChTok));
  }
  getListItems(): ParagraphView[] {
    return this.getParagraphs().filter((p) => p.getType() === 'LIST_ITEM');
  }
  getTables(): TableView[] {
    return this.all()
      .filter((n): n is TableNode => n.kind === 'table')
      .map((n) => this.v.table(n.tok));
  }
  getImages(): InlineImageView[] {
    const out: InlineImageView[] = [];
    for (const n of this.all()) {
      if (n.kind !== 'paragraph') continue;
      for (let k = n.start; k < n.end; k += 1) {
        const t = this.v.doc.toks[k];
        if (t?.t === 'img') out.push(this.v.inline(t, t as unknown as ChTok) as InlineImageView);
      }
    }
    return out;
  }

  /** Remove every child, leaving one empty paragraph (a container cannot be empty). */
  clear(): this {
    this.v.edit();
    const { nodes, end } = this.nodes();
    const start = nodes[0]?.start ?? end;
    this.v.doc.toks.splice(start, end - start, ...newParagraphToks(''));
    return this;
  }
  setText(text: string): this {
    this.v.edit();
    const { nodes, end } = this.nodes();
    const start = nodes[0]?.start ?? end;
    this.v.doc.toks.splice(start, end - start, ...newParagraphToks(String(text)));
    return this;
  }

  /** Like Body.findText: a regular expression, the first match inside one paragraph, after `from`. */
  findText(pattern: string, from?: RangeElementView): RangeElementView | null {
    const paragraphs = this.all().filter((n): n is ParaNode => n.kind === 'paragraph');
    const re = new RegExp(pattern);
    const fromNl = from?.__nl() ?? null;
    let started = fromNl === null;
    for (const n of paragraphs) {
      const nl = this.v.doc.toks[n.end - 1] as ChTok;
      const text = this.v.doc.textOf(n.start, n.end - 1);
      let offset = 0;
      if (!started) {
        if (nl !== fromNl) continue;
        started = true;
        offset = (from?.getEndOffsetInclusive() ?? -1) + 1;
      }
      const m = re.exec(text.slice(offset));
      if (m) return this.v.core.instrument(new RangeElementView(this.v, nl, offset + m.index, offset + m.index + m[0].length, text.length), 'RangeElement');
    }
    return null;
  }

  replaceText(pattern: string, replacement: string): this {
    this.v.edit();
    for (const n of this.all()) if (n.kind === 'paragraph') replaceInParagraph(this.v.doc, this.v.doc.toks[n.end - 1] as ChTok, pattern, replacement);
    return this;
  }
}

function newImage(v: Views, blob: FakeBlob): ImgTok {
  const bytes = blob.__bytes();
  const size = pngSize(bytes) ?? { w: 100, h: 100 };
  const id = v.s.store.imageId();
  v.doc.inlineObjects.set(id, { widthPt: size.w * 0.75, heightPt: size.h * 0.75, description: '', contentType: blob.getContentType(), bytes: bytes.length, data: bytes });
  return { t: 'img', id, ts: {} };
}

function replaceInParagraph(doc: DocsDocument, nl: ChTok, pattern: string, replacement: string): void {
  const re = new RegExp(pattern, 'g');
  const { start } = paragraphSpan(doc, nl);
  // Character positions of the paragraph's text (images and breaks keep their place).
  const positions: number[] = [];
  let text = '';
  for (let k = start; doc.toks[k] !== nl; k += 1) {
    const t = doc.toks[k];
    if (t?.t === 'ch') {
      positions.push(k);
      text += t.c;
    }
  }
  const matches = [...text.matchAll(re)].filter((m) => m[0].length > 0);
  for (const m of matches.reverse()) {
    const first = positions[m.index!]!;
    const last = positions[m.index! + m[0].length - 1]!;
    const ts = (doc.toks[first] as ChTok).ts;
    const out = m[0].replace(new RegExp(pattern), replacement);
    const toks: Tok[] = [...softBreaks(out)].flatMap((ch) => ch.split('').map((u): Tok => ({ t: 'ch', c: u, ts: clone(ts) })));
    doc.toks.splice(first, last - first + 1, ...toks);
  }
}

class BodyView extends ContainerView {
  readonly kind = 'BODY_SECTION' as const;
  protected where(): Container {
    return { kind: 'body' };
  }
  getParent(): null {
    return null;
  }
  appendPageBreak(): PageBreakView {
    return this.addPageBreak(undefined);
  }
  insertPageBreak(index: number): PageBreakView {
    return this.addPageBreak(Number(index));
  }
  private docStyle(attr: string, v: unknown): this {
    this.v.edit();
    DOCUMENT_ATTRS[attr]!(this.v.doc.documentStyle, v);
    return this;
  }
  setMarginTop(v: number): this {
    return this.docStyle('MARGIN_TOP', v);
  }
  setMarginBottom(v: number): this {
    return this.docStyle('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number): this {
    return this.docStyle('MARGIN_LEFT', v);
  }
  setMarginRight(v: number): this {
    return this.docStyle('MARGIN_RIGHT', v);
  }
  setPageWidth(v: number): this {
    return this.docStyle('PAGE_WIDTH', v);
  }
  setPageHeight(v: number): this {
    return this.docStyle('PAGE_HEIGHT', v);
  }
  getMarginTop(): number | null {
    return ptOf(this.v.doc.documentStyle.marginTop);
  }
  getMarginBottom(): number | null {
    return ptOf(this.v.doc.documentStyle.marginBottom);
  }
  getMarginLeft(): number | null {
    return ptOf(this.v.doc.documentStyle.marginLeft);
  }
  getMarginRight(): number | null {
    return ptOf(this.v.doc.documentStyle.marginRight);
  }
  getPageWidth(): number | null {
    return ptOf((this.v.doc.documentStyle.pageSize as Json | undefined)?.width);
  }
  getPageHeight(): number | null {
    return ptOf((this.v.doc.documentStyle.pageSize as Json | undefined)?.height);
  }
  setAttributes(attrs: Record<string, unknown>): this {
    this.v.edit();
    for (const [k, val] of Object.entries(attrs)) DOCUMENT_ATTRS[k]?.(this.v.doc.documentStyle, val);
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return {
      MARGIN_TOP: this.getMarginTop(),
      MARGIN_BOTTOM: this.getMarginBottom(),
      MARGIN_LEFT: this.getMarginLeft(),
      MARGIN_RIGHT: this.getMarginRight(),
      PAGE_WIDTH: this.getPageWidth(),
      PAGE_HEIGHT: this.getPageHeight(),
    };
  }
}

// ---------------------------------------------------------------- paragraphs, list items, text

/** Text style helpers over the characters [from, to) of a paragraph's text. */
function textToks(doc: DocsDocument, nl: ChTok): ChTok[] {
  const { start, nl: end } = paragraphSpan(doc, nl);
  const out: ChTok[] = [];
  for (let k = start; k < end; k += 1) {
    const t = doc.toks[k];
    if (t?.t === 'ch') out.push(t);
  }
  return out;
}

function uniform(values: unknown[]): unknown {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0] ?? null);
  return values.every((x) => JSON.stringify(x ?? null) === first) ? (values[0] ?? null) : null;
}

class ParagraphView extends ElementView {
  constructor(
    v: Views,
    readonly nl: ChTok,
  ) {
    super(v);
  }
  get kind(): Kind {
    return this.nl.bullet ? 'LIST_ITEM' : 'PARAGRAPH';
  }
  override __token(): Tok {
    return this.nl;
  }
  private span(): { start: number; nl: number } {
    return paragraphSpan(this.v.doc, this.nl);
  }
  private ps(): Json {
    this.nl.ps = this.nl.ps ?? {};
    return this.nl.ps;
  }
  getText(): string {
    const { start, nl } = this.span();
    return this.v.doc.textOf(start, nl);
  }
  getParent(): BodyView | TableCellView {
    return this.v.container(this.v.containerAt(indexOf(this.v.doc, this.nl)));
  }
  getNextSibling(): ParagraphView | TableView | null {
    return sibling(this.v, this.nl, +1);
  }
  getPreviousSibling(): ParagraphView | TableView | null {
    return sibling(this.v, this.nl, -1);
  }
  /** Its children: the Text (when it has text), then its images, page breaks and rules, in order. */
  private inlineChildren(): (InlineImageView | PageBreakView | HorizontalRuleView | TextView)[] {
    const { start, nl } = this.span();
    const out: (InlineImageView | PageBreakView | HorizontalRuleView | TextView)[] = [];
    let text = false;
    for (let k = start; k < nl; k += 1) {
      const t = this.v.doc.toks[k] as InlineTok;
      if (t.t === 'ch') {
        if (!text) out.push(this.v.text(this.nl));
        text = true;
      } else out.push(this.v.inline(t, this.nl));
    }
    return out;
  }
  getNumChildren(): number {
    return this.inlineChildren().length;
  }
  getChild(i: number): unknown {
    const all = this.inlineChildren();
    const c = all[i];
    if (!c) throw gasError(MSG.childIndex(i, all.length));
    return c;
  }
  editAsText(): TextView {
    return this.v.text(this.nl);
  }
  setText(text: string): this {
    this.v.edit();
    const { start, nl } = this.span();
    const ts = (this.v.doc.toks[start] as InlineTok | undefined)?.ts ?? {};
    this.v.doc.toks.splice(start, nl - start, ...newParagraphToks(String(text), {}, ts).slice(0, -1));
    return this;
  }
  appendText(text: string): TextView {
    this.v.edit();
    insertChars(this.v.doc, this.nl, this.getText().length, String(text));
    return this.v.text(this.nl);
  }
  /** Removes its text and elements; the paragraph stays, empty. */
  clear(): this {
    this.v.edit();
    const { start, nl } = this.span();
    this.v.doc.toks.splice(start, nl - start);
    return this;
  }
  appendInlineImage(blob: FakeBlob): InlineImageView {
    this.v.edit();
    const { nl } = this.span();
    const tok = newImage(this.v, blob);
    const before = this.v.doc.toks[nl - 1];
    tok.ts = clone(isInline(before) && !isNewline(before) ? before.ts : this.nl.ts);
    this.v.doc.toks.splice(nl, 0, tok);
    return this.v.inline(tok, this.nl) as InlineImageView;
  }
  appendPageBreak(): PageBreakView {
    this.v.edit();
    if (this.v.containerAt(indexOf(this.v.doc, this.nl)).kind === 'cell') throw gasError(MSG.pageBreakInCell);
    const { nl } = this.span();
    const tok: PbTok = { t: 'pb', ts: clone(this.nl.ts) };
    this.v.doc.toks.splice(nl, 0, tok);
    return this.v.inline(tok, this.nl) as PageBreakView;
  }
  appendHorizontalRule(): HorizontalRuleView {
    this.v.edit();
    const { nl } = this.span();
    const tok: HrTok = { t: 'hr', ts: clone(this.nl.ts) };
    this.v.doc.toks.splice(nl, 0, tok);
    return this.v.inline(tok, this.nl) as HorizontalRuleView;
  }
  removeFromParent(): this {
    this.v.edit();
    const at = indexOf(this.v.doc, this.nl);
    const where = this.v.containerAt(at);
    const { nodes } = children(this.v.doc, where);
    const last = nodes[nodes.length - 1];
    if (last?.kind === 'paragraph' && this.v.doc.toks[last.end - 1] === this.nl && where.kind === 'body') throw gasError(MSG.lastParagraph);
    const { start, nl } = this.span();
    this.v.doc.toks.splice(start, nl - start + 1);
    return this;
  }
  findText(pattern: string, from?: RangeElementView): RangeElementView | null {
    const text = this.getText();
    const offset = from && from.__nl() === this.nl ? from.getEndOffsetInclusive() + 1 : 0;
    const m = new RegExp(pattern).exec(text.slice(offset));
    return m ? this.v.core.instrument(new RangeElementView(this.v, this.nl, offset + m.index, offset + m.index + m[0].length, text.length), 'RangeElement') : null;
  }
  replaceText(pattern: string, replacement: string): this {
    this.v.edit();
    replaceInParagraph(this.v.doc, this.nl, pattern, replacement);
    return this;
  }

  // paragraph style
  private setP(attr: string, value: unknown): this {
    this.v.edit();
    setStyle(this.ps(), PARAGRAPH_ATTRS[attr]!, value);
    return this;
  }
  private getP(attr: string): unknown {
    return getStyle(this.nl.ps ?? {}, PARAGRAPH_ATTRS[attr]!);
  }
  setHeading(h: string): this {
    return this.setP('HEADING', h);
  }
  getHeading(): unknown {
    return this.getP('HEADING') ?? 'NORMAL';
  }
  setAlignment(a: string): this {
    return this.setP('HORIZONTAL_ALIGNMENT', a);
  }
  getAlignment(): unknown {
    return this.getP('HORIZONTAL_ALIGNMENT');
  }
  setSpacingAfter(n: number): this {
    return this.setP('SPACING_AFTER', n);
  }
  getSpacingAfter(): unknown {
    return this.getP('SPACING_AFTER');
  }
  setSpacingBefore(n: number): this {
    return this.setP('SPACING_BEFORE', n);
  }
  getSpacingBefore(): unknown {
    return this.getP('SPACING_BEFORE');
  }
  setLineSpacing(n: number): this {
    return this.setP('LINE_SPACING', n);
  }
  getLineSpacing(): unknown {
    return this.getP('LINE_SPACING');
  }
  setIndentStart(n: number): this {
    return this.setP('INDENT_START', n);
  }
  getIndentStart(): unknown {
    return this.getP('INDENT_START');
  }
  setIndentEnd(n: number): this {
    return this.setP('INDENT_END', n);
  }
  getIndentEnd(): unknown {
    return this.getP('INDENT_END');
  }
  setIndentFirstLine(n: number): this {
    return this.setP('INDENT_FIRST_LINE', n);
  }
  getIndentFirstLine(): unknown {
    return this.getP('INDENT_FIRST_LINE');
  }
  setLeftToRight(ltr: boolean): this {
    return this.setP('LEFT_TO_RIGHT', ltr);
  }
  isLeftToRight(): unknown {
    return this.getP('LEFT_TO_RIGHT');
  }
  setLinkUrl(url: string | null): this {
    this.v.edit();
    for (const t of textToks(this.v.doc, this.nl)) setStyle(t.ts, TEXT_ATTRS.LINK_URL!, url);
    return this;
  }
  getLinkUrl(): unknown {
    return uniform(textToks(this.v.doc, this.nl).map((t) => getStyle(t.ts, TEXT_ATTRS.LINK_URL!)));
  }
  /** Paragraph attributes, and text attributes applied to all its text. */
  setAttributes(attrs: Record<string, unknown>): this {
    this.v.edit();
    for (const [k, val] of Object.entries(attrs)) {
      if (PARAGRAPH_ATTRS[k]) setStyle(this.ps(), PARAGRAPH_ATTRS[k]!, val);
      else if (TEXT_ATTRS[k]) for (const t of [...textToks(this.v.doc, this.nl), this.nl]) setStyle(t.ts, TEXT_ATTRS[k]!, val);
    }
    return this;
  }
  getAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(PARAGRAPH_ATTRS)) out[k] = this.getP(k);
    const toks = textToks(this.v.doc, this.nl);
    for (const [k, m] of Object.entries(TEXT_ATTRS)) out[k] = uniform(toks.map((t) => getStyle(t.ts, m)));
    return out;
  }

  // list items
  getListId(): string | null {
    return (this.nl.bullet?.listId as string | undefined) ?? null;
  }
  setNestingLevel(n: number): this {
    this.v.edit();
    if (this.nl.bullet) this.nl.bullet.nestingLevel = Number(n);
    return this;
  }
  getNestingLevel(): number {
    return Number(this.nl.bullet?.nestingLevel ?? 0);
  }
  setGlyphType(g: string): this {
    this.v.edit();
    if (this.nl.bullet) this.nl.bullet.glyphType = String(g);
    return this;
  }
  getGlyphType(): string | null {
    return (this.nl.bullet?.glyphType as string | undefined) ?? (this.nl.bullet ? 'BULLET' : null);
  }
}

function sibling(v: Views, tok: Tok, step: number): ParagraphView | TableView | null {
  const at = indexOf(v.doc, tok);
  const { nodes } = children(v.doc, v.containerAt(at));
  const i = nodes.findIndex((n) => (n.kind === 'paragraph' ? v.doc.toks[n.end - 1] : n.tok) === tok);
  const n = nodes[i + step];
  return n ? v.node(n) : null;
}

/** Insert text at a character offset of a paragraph's text, in the style of the character before. */
function insertChars(doc: DocsDocument, nl: ChTok, offset: number, text: string): void {
  const { start, nl: end } = paragraphSpan(doc, nl);
  let k = start;
  let seen = 0;
  while (k < end && seen < offset) {
    if (doc.toks[k]?.t === 'ch') seen += 1;
    k += 1;
  }
  if (seen < offset) throw gasError(MSG.offset(offset, seen));
  const before = doc.toks[k - 1];
  const ts = isInline(before) && !isNewline(before) && k > start ? before.ts : ((doc.toks[k] as InlineTok | undefined)?.ts ?? {});
  const toks: Tok[] = [...softBreaks(text)].flatMap((ch) => ch.split('').map((u): Tok => ({ t: 'ch', c: u, ts: clone(ts) })));
  doc.toks.splice(k, 0, ...toks);
}

/** DocumentApp's Text: the text of one paragraph (its characters; images are its siblings). */
class TextView extends ElementView {
  readonly kind = 'TEXT' as const;
  constructor(
    v: Views,
    readonly nl: ChTok,
  ) {
    super(v);
  }
  override __token(): Tok {
    return this.nl;
  }
  private chars(): ChTok[] {
    return textToks(this.v.doc, this.nl);
  }
  getText(): string {
    return this.chars()
      .map((t) => t.c)
      .join('');
  }
  getParent(): ParagraphView {
    return this.v.paragraph(this.nl);
  }
  editAsText(): this {
    return this;
  }
  setText(text: string): this {
    this.v.edit();
    const chars = this.chars();
    const ts = chars[0]?.ts ?? {};
    const doc = this.v.doc;
    for (const c of chars) doc.toks.splice(doc.toks.indexOf(c), 1);
    insertChars(doc, this.nl, 0, String(text));
    if (chars.length > 0) for (const t of this.chars()) t.ts = clone(ts);
    return this;
  }
  appendText(text: string): this {
    this.v.edit();
    insertChars(this.v.doc, this.nl, this.chars().length, String(text));
    return this;
  }
  insertText(offset: number, text: string): this {
    this.v.edit();
    insertChars(this.v.doc, this.nl, Number(offset), String(text));
    return this;
  }
  deleteText(start: number, endInclusive: number): this {
    this.v.edit();
    const chars = this.chars();
    if (start < 0 || endInclusive >= chars.length || endInclusive < start) throw gasError(MSG.offset(endInclusive, chars.length));
    for (const c of chars.slice(start, endInclusive + 1)) this.v.doc.toks.splice(this.v.doc.toks.indexOf(c), 1);
    return this;
  }
  /** (attr, value) for all the text, or (attr, start, endInclusive, value) for part of it. */
  private style(attr: string, args: unknown[]): this {
    this.v.edit();
    const chars = this.chars();
    const [from, to, value] = args.length >= 3 ? [Number(args[0]), Number(args[1]), args[2]] : [0, chars.length - 1, args[0]];
    if (args.length >= 3 && (from < 0 || to >= chars.length || to < from)) throw gasError(MSG.offset(to, chars.length));
    for (const c of chars.slice(from, to + 1)) setStyle(c.ts, TEXT_ATTRS[attr]!, value);
    return this;
  }
  private read(attr: string, offset?: number): unknown {
    const chars = this.chars();
    if (offset !== undefined) {
      const c = chars[Number(offset)];
      if (!c) throw gasError(MSG.offset(Number(offset), chars.length));
      return getStyle(c.ts, TEXT_ATTRS[attr]!);
    }
    return uniform(chars.map((c) => getStyle(c.ts, TEXT_ATTRS[attr]!)));
  }
  setBold(...args: unknown[]): this {
    return this.style('BOLD', args);
  }
  setItalic(...args: unknown[]): this {
    return this.style('ITALIC', args);
  }
  setUnderline(...args: unknown[]): this {
    return this.style('UNDERLINE', args);
  }
  setStrikethrough(...args: unknown[]): this {
    return this.style('STRIKETHROUGH', args);
  }
  setFontSize(...args: unknown[]): this {
    return this.style('FONT_SIZE', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this.style('FONT_FAMILY', args);
  }
  setForegroundColor(...args: unknown[]): this {
    return this.style('FOREGROUND_COLOR', args);
  }
  setBackgroundColor(...args: unknown[]): this {
    return this.style('BACKGROUND_COLOR', args);
  }
  setLinkUrl(...args: unknown[]): this {
    return this.style('LINK_URL', args);
  }
  isBold(offset?: number): unknown {
    return this.read('BOLD', offset);
  }
  isItalic(offset?: number): unknown {
    return this.read('ITALIC', offset);
  }
  isUnderline(offset?: number): unknown {
    return this.read('UNDERLINE', offset);
  }
  isStrikethrough(offset?: number): unknown {
    return this.read('STRIKETHROUGH', offset);
  }
  getFontSize(offset?: number): unknown {
    return this.read('FONT_SIZE', offset);
  }
  getFontFamily(offset?: number): unknown {
    return this.read('FONT_FAMILY', offset);
  }
  getForegroundColor(offset?: number): unknown {
    return this.read('FOREGROUND_COLOR', offset);
  }
  getBackgroundColor(offset?: number): unknown {
    return this.read('BACKGROUND_COLOR', offset);
  }
  getLinkUrl(offset?: number): unknown {
    return this.read('LINK_URL', offset);
  }
  setAttributes(...args: unknown[]): this {
    this.v.edit();
    const chars = this.chars();
    const [from, to, attrs] = args.length >= 3 ? [Number(args[0]), Number(args[1]), args[2]] : [0, chars.length - 1, args[0]];
    for (const [k, val] of Object.entries((attrs ?? {}) as Record<string, unknown>)) {
      if (TEXT_ATTRS[k]) for (const c of chars.slice(from, to + 1)) setStyle(c.ts, TEXT_ATTRS[k]!, val);
    }
    return this;
  }
  getAttributes(offset?: number): Record<string, unknown> {
    return Object.fromEntries(Object.keys(TEXT_ATTRS).map((k) => [k, this.read(k, offset)]));
  }
  findText(pattern: string, from?: RangeElementView): RangeElementView | null {
    return this.getParent().findText(pattern, from);
  }
  replaceText(pattern: string, replacement: string): this {
    this.v.edit();
    replaceInParagraph(this.v.doc, this.nl, pattern, replacement);
    return this;
  }
}

/** What findText returns: a part of one paragraph's Text. */
class RangeElementView {
  constructor(
    private readonly v: Views,
    private readonly nl: ChTok,
    private readonly start: number,
    private readonly end: number,
    private readonly length: number,
  ) {}
  getElement(): TextView {
    return this.v.text(this.nl);
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end - 1;
  }
  isPartial(): boolean {
    return this.start > 0 || this.end < this.length;
  }
  __nl(): ChTok {
    return this.nl;
  }
}

// ---------------------------------------------------------------- tables

class TableView extends ElementView {
  readonly kind = 'TABLE' as const;
  constructor(
    v: Views,
    readonly tok: TblTok,
  ) {
    super(v);
  }
  override __token(): Tok {
    return this.tok;
  }
  private node(): TableNode {
    return parseTable(this.v.doc.toks, indexOf(this.v.doc, this.tok));
  }
  getText(): string {
    return this.node()
      .rows.map((r) => this.v.row(r.tok).getText())
      .join('\n');
  }
  getParent(): BodyView | TableCellView {
    return this.v.container(this.v.containerAt(indexOf(this.v.doc, this.tok)));
  }
  getNextSibling(): ParagraphView | TableView | null {
    return sibling(this.v, this.tok, +1);
  }
  getPreviousSibling(): ParagraphView | TableView | null {
    return sibling(this.v, this.tok, -1);
  }
  getNumRows(): number {
    return this.node().rows.length;
  }
  getNumChildren(): number {
    return this.getNumRows();
  }
  getRow(i: number): TableRowView {
    const rows = this.node().rows;
    const r = rows[i];
    if (!r) throw gasError(MSG.childIndex(i, rows.length));
    return this.v.row(r.tok);
  }
  getChild(i: number): TableRowView {
    return this.getRow(i);
  }
  getCell(r: number, c: number): TableCellView {
    return this.getRow(r).getCell(c);
  }
  appendTableRow(cells?: unknown[]): TableRowView {
    this.v.edit();
    const t = this.node();
    const toks: Tok[] = [{ t: 'row', style: {} }];
    for (const c of Array.isArray(cells) ? cells : []) toks.push({ t: 'cell', style: {} }, ...newParagraphToks(String(c ?? '')));
    this.v.doc.toks.splice(t.end - 1, 0, ...toks);
    return this.v.row(toks[0] as RowTok);
  }
  insertTableRow(index: number): TableRowView {
    this.v.edit();
    const t = this.node();
    if (index < 0 || index > t.rows.length) throw gasError(MSG.insertIndex(index, t.rows.length));
    const at = index === t.rows.length ? t.end - 1 : t.rows[index]!.start;
    const tok: RowTok = { t: 'row', style: {} };
    this.v.doc.toks.splice(at, 0, tok);
    return this.v.row(tok);
  }
  removeRow(index: number): TableRowView {
    const row = this.getRow(index);
    row.removeFromParent();
    return row;
  }
  removeFromParent(): this {
    this.v.edit();
    const t = this.node();
    this.v.doc.toks.splice(t.start, t.end - t.start);
    return this;
  }
  setColumnWidth(col: number, width: number): this {
    this.v.edit();
    const props = this.tok.columnProps;
    while (props.length <= col) props.push({ widthType: 'EVENLY_DISTRIBUTED' });
    props[col] = { widthType: 'FIXED_WIDTH', width: pt(width) };
    return this;
  }
  getColumnWidth(col: number): number | null {
    return ptOf(this.tok.columnProps[col]?.width);
  }
  private borders(patch: Json): void {
    for (const r of this.node().rows) {
      for (const c of r.cells) {
        for (const side of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight']) {
          c.tok.style[side] = { color: { color: { rgbColor: {} } }, dashStyle: 'SOLID', width: pt(1), ...((c.tok.style[side] as Json | undefined) ?? {}), ...patch };
        }
      }
    }
  }
  setBorderWidth(width: number): this {
    this.v.edit();
    this.borders({ width: pt(width) });
    return this;
  }
  getBorderWidth(): number | null {
    const c = this.node().rows[0]?.cells[0];
    return ptOf((c?.tok.style.borderTop as Json | undefined)?.width);
  }
  setBorderColor(color: string): this {
    this.v.edit();
    this.borders({ color: hexToRgb(color) });
    return this;
  }
  getBorderColor(): string | null {
    const c = this.node().rows[0]?.cells[0];
    return rgbToHex((c?.tok.style.borderTop as Json | undefined)?.color);
  }
  setAttributes(attrs: Record<string, unknown>): this {
    if (attrs.BORDER_WIDTH !== undefined) this.setBorderWidth(Number(attrs.BORDER_WIDTH));
    if (attrs.BORDER_COLOR !== undefined) this.setBorderColor(String(attrs.BORDER_COLOR));
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return { BORDER_WIDTH: this.getBorderWidth(), BORDER_COLOR: this.getBorderColor() };
  }
  findText(pattern: string, from?: RangeElementView): RangeElementView | null {
    for (const r of this.node().rows) {
      for (const c of r.cells) {
        const hit = this.v.cell(c.tok).findText(pattern, from);
        if (hit) return hit;
      }
    }
    return null;
  }
  replaceText(pattern: string, replacement: string): this {
    for (const r of this.node().rows) for (const c of r.cells) this.v.cell(c.tok).replaceText(pattern, replacement);
    return this;
  }
}

class TableRowView extends ElementView {
  readonly kind = 'TABLE_ROW' as const;
  constructor(
    v: Views,
    readonly tok: RowTok,
  ) {
    super(v);
  }
  override __token(): Tok {
    return this.tok;
  }
  private located(): { table: TableNode; row: TableNode['rows'][number] } {
    const at = indexOf(this.v.doc, this.tok);
    const table = enclosingTable(this.v.doc, at);
    const row = table.rows.find((r) => r.tok === this.tok);
    if (!row) throw gasError(MSG.gone);
    return { table, row };
  }
  getText(): string {
    return this.located()
      .row.cells.map((c) => this.v.cell(c.tok).getText())
      .join('\t');
  }
  getParent(): TableView {
    return this.v.table(this.located().table.tok);
  }
  getParentTable(): TableView {
    return this.getParent();
  }
  getNumCells(): number {
    return this.located().row.cells.length;
  }
  getNumChildren(): number {
    return this.getNumCells();
  }
  getCell(i: number): TableCellView {
    const cells = this.located().row.cells;
    const c = cells[i];
    if (!c) throw gasError(MSG.childIndex(i, cells.length));
    return this.v.cell(c.tok);
  }
  getChild(i: number): TableCellView {
    return this.getCell(i);
  }
  appendTableCell(text?: unknown): TableCellView {
    this.v.edit();
    const { row } = this.located();
    const tok: CellTok = { t: 'cell', style: {} };
    this.v.doc.toks.splice(row.end, 0, tok, ...newParagraphToks(String(text ?? '')));
    return this.v.cell(tok);
  }
  removeCell(i: number): TableCellView {
    const cell = this.getCell(i);
    this.v.edit();
    const c = this.located().row.cells[i]!;
    this.v.doc.toks.splice(c.start, c.end - c.start);
    return cell;
  }
  removeFromParent(): this {
    this.v.edit();
    const { row } = this.located();
    this.v.doc.toks.splice(row.start, row.end - row.start);
    return this;
  }
}

class TableCellView extends ContainerView {
  readonly kind = 'TABLE_CELL' as const;
  constructor(
    v: Views,
    readonly tok: CellTok,
  ) {
    super(v);
  }
  override __token(): Tok {
    return this.tok;
  }
  protected where(): Container {
    return { kind: 'cell', tok: this.tok };
  }
  private located(): { table: TableNode; row: TableNode['rows'][number] } {
    const at = indexOf(this.v.doc, this.tok);
    const table = enclosingTable(this.v.doc, at);
    const row = table.rows.find((r) => r.cells.some((c) => c.tok === this.tok));
    if (!row) throw gasError(MSG.gone);
    return { table, row };
  }
  getParent(): TableRowView {
    return this.v.row(this.located().row.tok);
  }
  getParentRow(): TableRowView {
    return this.getParent();
  }
  getParentTable(): TableView {
    return this.v.table(this.located().table.tok);
  }
  appendPageBreak(): never {
    throw gasError(MSG.pageBreakInCell);
  }
  private setC(attr: string, value: unknown): this {
    this.v.edit();
    setStyle(this.tok.style, CELL_ATTRS[attr]!, value);
    return this;
  }
  private getC(attr: string): unknown {
    return getStyle(this.tok.style, CELL_ATTRS[attr]!);
  }
  setBackgroundColor(color: string | null): this {
    return this.setC('BACKGROUND_COLOR', color);
  }
  getBackgroundColor(): unknown {
    return this.getC('BACKGROUND_COLOR');
  }
  setPaddingTop(n: number): this {
    return this.setC('PADDING_TOP', n);
  }
  setPaddingBottom(n: number): this {
    return this.setC('PADDING_BOTTOM', n);
  }
  setPaddingLeft(n: number): this {
    return this.setC('PADDING_LEFT', n);
  }
  setPaddingRight(n: number): this {
    return this.setC('PADDING_RIGHT', n);
  }
  getPaddingTop(): unknown {
    return this.getC('PADDING_TOP');
  }
  getPaddingBottom(): unknown {
    return this.getC('PADDING_BOTTOM');
  }
  getPaddingLeft(): unknown {
    return this.getC('PADDING_LEFT');
  }
  getPaddingRight(): unknown {
    return this.getC('PADDING_RIGHT');
  }
  setVerticalAlignment(a: string): this {
    return this.setC('VERTICAL_ALIGNMENT', a);
  }
  getVerticalAlignment(): unknown {
    return this.getC('VERTICAL_ALIGNMENT');
  }
  getRowSpan(): number {
    return Number(this.tok.style.rowSpan ?? 1);
  }
  getColSpan(): number {
    return Number(this.tok.style.columnSpan ?? 1);
  }
  setAttributes(attrs: Record<string, unknown>): this {
    this.v.edit();
    for (const [k, val] of Object.entries(attrs)) if (CELL_ATTRS[k]) setStyle(this.tok.style, CELL_ATTRS[k]!, val);
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return Object.fromEntries(Object.keys(CELL_ATTRS).map((k) => [k, this.getC(k)]));
  }
}

// ---------------------------------------------------------------- images, breaks, rules

abstract class InlineElementView extends ElementView {
  constructor(
    v: Views,
    readonly tok: InlineTok,
  ) {
    super(v);
  }
  override __token(): Tok {
    return this.tok;
  }
  getText(): string {
    return '';
  }
  getParent(): ParagraphView {
    const at = indexOf(this.v.doc, this.tok);
    const p = this.v.doc.paragraphAt(at);
    if (!p) throw gasError(MSG.gone);
    return this.v.paragraph(this.v.doc.toks[p.nl] as ChTok);
  }
  removeFromParent(): this {
    this.v.edit();
    this.v.doc.toks.splice(indexOf(this.v.doc, this.tok), 1);
    return this;
  }
}

class InlineImageView extends InlineElementView {
  readonly kind = 'INLINE_IMAGE' as const;
  private obj(): InlineObject {
    const o = this.v.doc.inlineObjects.get((this.tok as ImgTok).id);
    if (!o) throw gasError(MSG.gone);
    return o;
  }
  /** DocumentApp sizes images in pixels at 96 per inch: 1 px = 0.75 pt. */
  setWidth(px: number): this {
    this.v.edit();
    this.obj().widthPt = Number(px) * 0.75;
    return this;
  }
  setHeight(px: number): this {
    this.v.edit();
    this.obj().heightPt = Number(px) * 0.75;
    return this;
  }
  getWidth(): number {
    return Math.round(this.obj().widthPt / 0.75);
  }
  getHeight(): number {
    return Math.round(this.obj().heightPt / 0.75);
  }
  setAltDescription(text: string): this {
    this.v.edit();
    this.obj().description = String(text);
    return this;
  }
  getAltDescription(): string | null {
    return this.obj().description || null;
  }
  setAltTitle(text: string): this {
    this.v.edit();
    this.obj().title = String(text);
    return this;
  }
  getAltTitle(): string | null {
    return this.obj().title ?? null;
  }
  getBlob(): FakeBlob {
    const o = this.obj();
    return new FakeBlob(o.data ?? new Uint8Array(), o.contentType ?? 'image/png', null);
  }
  getAs(contentType: string): FakeBlob {
    return this.getBlob().getAs(contentType);
  }
}

class PageBreakView extends InlineElementView {
  readonly kind = 'PAGE_BREAK' as const;
}

class HorizontalRuleView extends InlineElementView {
  readonly kind = 'HORIZONTAL_RULE' as const;
}

// ------------------------------------------------------------------ Document and DocumentApp

export class FakeDocument {
  private readonly v: Views;
  constructor(
    core: RuntimeCore,
    readonly session: DocSession,
  ) {
    this.v = new Views(core, session);
  }
  getId(): string {
    return this.session.entry.id;
  }
  getName(): string {
    return this.session.doc.title;
  }
  setName(name: string): this {
    this.session.edit();
    this.session.doc.title = String(name);
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.getId()}/edit`;
  }
  getBody(): BodyView {
    return this.v.body();
  }
  /** No headers or footers are modelled. */
  getHeader(): null {
    return null;
  }
  getFooter(): null {
    return null;
  }
  saveAndClose(): void {
    this.session.save();
  }
  /** Conversion is not simulated: a PDF header, then the document's text. Only PDF, as Google. */
  getAs(contentType: string): FakeBlob {
    if (String(contentType) !== 'application/pdf') throw gasError(MSG.exportType(String(contentType)));
    const text = this.v.body().getText();
    return new FakeBlob(`%PDF-1.4\n${text}`, 'application/pdf', `${this.getName()}.pdf`);
  }
  getBlob(): FakeBlob {
    return this.getAs('application/pdf');
  }
}

export class FakeDocumentApp {
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly VerticalAlignment = VerticalAlignment;
  readonly GlyphType = GlyphType;
  readonly ElementType = ElementType;
  readonly Attribute = Attribute;
  constructor(
    private readonly core: RuntimeCore,
    private readonly store: DocumentStore,
  ) {}
  private document(entryId: string): FakeDocument {
    const entry = this.store.docs.get(entryId);
    if (!entry) throw gasError(DOC_MSG.notFound(entryId));
    return this.core.instrument(new FakeDocument(this.core, this.store.open(entry)), 'Document');
  }
  create(name: string): FakeDocument {
    return this.document(this.store.create(String(name)).id);
  }
  openById(id: string): FakeDocument {
    return this.document(String(id));
  }
  openByUrl(url: string): FakeDocument {
    const m = /\/document\/d\/([^/]+)/.exec(String(url));
    return this.openById(m?.[1] ?? String(url));
  }
  /** An add-on in Sheets has no active document. */
  getActiveDocument(): null {
    return null;
  }
}

export function createDocumentApp(core: RuntimeCore, store: DocumentStore): FakeDocumentApp {
  return core.instrument(new FakeDocumentApp(core, store), 'DocumentApp');
}
