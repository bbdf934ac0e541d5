// DocumentApp, enough for simple documents: create/openById, Body with paragraphs, tables,
// list items, images and page breaks, text styling, getText. The daily "documents created" quota
// and the "Too many changes applied before saving document" failure are modelled (the latter off
// by default: set `runtime.documents.maxChangesBeforeSave`). The Docs *advanced* service
// (`Docs.Documents.*`) is a separate fake (docs-service.ts), injected through createRuntime's
// `services` option.

import { FakeBlob } from './blob.ts';
import { gasError, type RuntimeCore } from './core.ts';
import type { DriveStore } from './drive-app.ts';
import { zonedParts } from './formats.ts';
import type { Quotas } from './runtime.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const ParagraphHeading = enumOf('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const ElementType = enumOf('PARAGRAPH', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'LIST_ITEM', 'PAGE_BREAK', 'INLINE_IMAGE', 'HORIZONTAL_RULE', 'TEXT', 'BODY_SECTION');
export const Attribute = enumOf(
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'HORIZONTAL_ALIGNMENT',
  'HEADING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'LINE_SPACING',
  'INDENT_START',
  'INDENT_FIRST_LINE',
  'MARGIN_TOP',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'BORDER_WIDTH',
  'WIDTH',
);

export const DOC_MSG = {
  quota: 'Service invoked too many times for one day: docs create.',
  tooManyChanges: 'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with DocumentApp.openById().',
  notFound: (id: string) => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
} as const;

type ElementKind = keyof typeof ElementType;

/** One document element; the kind decides which methods make sense (as in Apps Script). */
export class DocElement {
  text = '';
  attributes: Record<string, unknown> = {};
  heading: string = ParagraphHeading.NORMAL;
  children: DocElement[] = [];
  parent: DocElement | null = null;
  image: FakeBlob | null = null;
  /** Styled spans: [start, end, attribute, value]. */
  spans: [number, number, string, unknown][] = [];
  constructor(
    readonly kind: ElementKind,
    private readonly doc: DocModel,
  ) {}
  private touch(): void {
    this.doc.change();
  }
  private wrap<T extends DocElement>(e: T): T {
    e.parent = this;
    return this.doc.core.instrument(e, elementClass(e.kind)) as T;
  }
  add(kind: ElementKind, text = '', index?: number): DocElement {
    this.touch();
    const e = new DocElement(kind, this.doc);
    e.text = text;
    e.parent = this;
    if (index === undefined) this.children.push(e);
    else this.children.splice(index, 0, e);
    return this.doc.core.instrument(e, elementClass(kind));
  }
  // shared
  getType(): ElementKind {
    return this.kind;
  }
  getText(): string {
    if (this.kind === 'TABLE') return this.children.map((r) => r.getText()).join('\n');
    if (this.kind === 'TABLE_ROW') return this.children.map((c) => c.getText()).join('\t');
    if (this.kind === 'BODY_SECTION' || this.kind === 'TABLE_CELL') {
      if (this.kind === 'TABLE_CELL' && this.children.length === 0) return this.text;
      return this.children.map((c) => c.getText()).join('\n');
    }
    return this.text;
  }
  setText(text: string): this {
    this.touch();
    this.text = String(text);
    if (this.kind === 'TABLE_CELL') this.children = [];
    return this;
  }
  appendText(text: string): this {
    this.touch();
    this.text += String(text);
    return this;
  }
  editAsText(): this {
    return this;
  }
  setAttributes(attrs: Record<string, unknown>): this {
    this.touch();
    this.attributes = { ...this.attributes, ...attrs };
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }
  private style(attr: string, args: unknown[]): this {
    this.touch();
    if (args.length >= 3) this.spans.push([Number(args[0]), Number(args[1]), attr, args[2]]);
    else this.attributes[attr] = args[0];
    return this;
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
  getBackgroundColor(): unknown {
    return this.attributes.BACKGROUND_COLOR ?? null;
  }
  isBold(): boolean {
    return this.attributes.BOLD === true;
  }
  setHeading(h: string): this {
    this.touch();
    this.heading = String(h);
    return this;
  }
  getHeading(): string {
    return this.heading;
  }
  setAlignment(a: string): this {
    return this.style('HORIZONTAL_ALIGNMENT', [a]);
  }
  getAlignment(): unknown {
    return this.attributes.HORIZONTAL_ALIGNMENT ?? null;
  }
  setSpacingAfter(n: number): this {
    return this.style('SPACING_AFTER', [n]);
  }
  setSpacingBefore(n: number): this {
    return this.style('SPACING_BEFORE', [n]);
  }
  setLineSpacing(n: number): this {
    return this.style('LINE_SPACING', [n]);
  }
  setIndentStart(n: number): this {
    return this.style('INDENT_START', [n]);
  }
  setIndentFirstLine(n: number): this {
    return this.style('INDENT_FIRST_LINE', [n]);
  }
  setWidth(n: number): this {
    return this.style('WIDTH', [n]);
  }
  setBorderWidth(n: number): this {
    return this.style('BORDER_WIDTH', [n]);
  }
  setColumnWidth(col: number, width: number): this {
    this.attributes[`COLUMN_WIDTH_${col}`] = width;
    return this;
  }
  setPaddingTop(n: number): this {
    return this.style('PADDING_TOP', [n]);
  }
  setPaddingBottom(n: number): this {
    return this.style('PADDING_BOTTOM', [n]);
  }
  // containers
  getNumChildren(): number {
    return this.children.length;
  }
  getChild(i: number): DocElement {
    const c = this.children[i];
    if (!c) throw gasError(`Child index (${i}) must be less than the number of child elements (${this.children.length}).`);
    return this.doc.core.instrument(c, elementClass(c.kind));
  }
  getChildIndex(child: DocElement): number {
    return this.children.findIndex((c) => c === child || c === (child as DocElement).__self());
  }
  removeFromParent(): this {
    this.touch();
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
    return this;
  }
  __self(): DocElement {
    return this;
  }
  // body
  appendParagraph(text: string | DocElement): DocElement {
    return this.add('PARAGRAPH', typeof text === 'string' ? text : text.getText());
  }
  insertParagraph(index: number, text: string): DocElement {
    return this.add('PARAGRAPH', String(text), index);
  }
  appendListItem(text: string): DocElement {
    return this.add('LIST_ITEM', String(text));
  }
  appendPageBreak(): DocElement {
    return this.add('PAGE_BREAK');
  }
  appendHorizontalRule(): DocElement {
    return this.add('HORIZONTAL_RULE');
  }
  appendImage(blob: FakeBlob): DocElement {
    const p = this.add('PARAGRAPH');
    return p.appendInlineImage(blob);
  }
  appendInlineImage(blob: FakeBlob): DocElement {
    const img = this.add('INLINE_IMAGE');
    img.image = blob;
    return img;
  }
  appendTable(cells?: unknown[][]): DocElement {
    const table = this.add('TABLE');
    for (const row of cells ?? []) table.appendTableRow(row);
    return table;
  }
  getParagraphs(): DocElement[] {
    return this.children.filter((c) => c.kind === 'PARAGRAPH' || c.kind === 'LIST_ITEM').map((c) => this.wrap(c));
  }
  getTables(): DocElement[] {
    return this.children.filter((c) => c.kind === 'TABLE').map((c) => this.wrap(c));
  }
  getImages(): DocElement[] {
    const out: DocElement[] = [];
    const walk = (e: DocElement): void => {
      if (e.kind === 'INLINE_IMAGE') out.push(e);
      e.children.forEach(walk);
    };
    walk(this);
    return out;
  }
  clear(): this {
    this.touch();
    this.children = [];
    this.text = '';
    return this;
  }
  replaceText(pattern: string, replacement: string): this {
    this.touch();
    const re = new RegExp(pattern, 'g');
    const walk = (e: DocElement): void => {
      e.text = e.text.replace(re, replacement);
      e.children.forEach(walk);
    };
    walk(this);
    return this;
  }
  setMarginTop(n: number): this {
    return this.style('MARGIN_TOP', [n]);
  }
  setMarginBottom(n: number): this {
    return this.style('MARGIN_BOTTOM', [n]);
  }
  setMarginLeft(n: number): this {
    return this.style('MARGIN_LEFT', [n]);
  }
  setMarginRight(n: number): this {
    return this.style('MARGIN_RIGHT', [n]);
  }
  setPageWidth(n: number): this {
    return this.style('PAGE_WIDTH', [n]);
  }
  setPageHeight(n: number): this {
    return this.style('PAGE_HEIGHT', [n]);
  }
  // tables
  appendTableRow(cells?: unknown[]): DocElement {
    const row = this.add('TABLE_ROW');
    for (const c of cells ?? []) row.appendTableCell(String(c ?? ''));
    return row;
  }
  getNumRows(): number {
    return this.children.length;
  }
  getRow(i: number): DocElement {
    return this.getChild(i);
  }
  getCell(r: number, c: number): DocElement {
    return this.getChild(r).getChild(c);
  }
  appendTableCell(text = ''): DocElement {
    return this.add('TABLE_CELL', String(text));
  }
  getNumCells(): number {
    return this.children.length;
  }
  // images
  getBlob(): FakeBlob | null {
    return this.image;
  }
  setAltDescription(text: string): this {
    return this.style('ALT_DESCRIPTION', [String(text)]);
  }
  getAltDescription(): string | null {
    return (this.attributes.ALT_DESCRIPTION as string | undefined) ?? null;
  }
  setHeight(n: number): this {
    return this.style('HEIGHT', [n]);
  }
  getWidth(): number | null {
    return (this.attributes.WIDTH as number | undefined) ?? null;
  }
  getHeight(): number | null {
    return (this.attributes.HEIGHT as number | undefined) ?? null;
  }
  // navigation
  getParent(): DocElement | null {
    return this.parent ? this.doc.core.instrument(this.parent, elementClass(this.parent.kind)) : null;
  }
  asParagraph(): this {
    return this;
  }
  asListItem(): this {
    return this;
  }
  asText(): this {
    return this;
  }
  asTable(): this {
    return this;
  }
  asTableCell(): this {
    return this;
  }
  asInlineImage(): this {
    return this;
  }
  /**
   * The first paragraph (or list item, or cell paragraph) whose text matches the regular
   * expression, after `from` when given: a RangeElement whose element is the paragraph's Text.
   */
  findText(pattern: string, from?: FoundText): FoundText | null {
    const re = new RegExp(pattern);
    const holders: DocElement[] = [];
    const walk = (e: DocElement): void => {
      if (e.kind === 'PARAGRAPH' || e.kind === 'LIST_ITEM' || (e.kind === 'TABLE_CELL' && e.children.length === 0)) holders.push(e);
      e.children.forEach(walk);
    };
    walk(this);
    const start = from ? holders.indexOf(from.__holder()) + 1 : 0;
    for (const h of holders.slice(start)) {
      const m = re.exec(h.text);
      if (m) {
        const text = new DocElement('TEXT', this.doc);
        text.text = h.text;
        text.parent = h;
        const core = this.doc.core;
        const found: FoundText = {
          getElement: () => core.instrument(text, 'Text'),
          getStartOffset: () => m.index,
          getEndOffsetInclusive: () => m.index + m[0].length - 1,
          isPartial: () => m[0].length !== h.text.length,
          __holder: () => h,
        };
        return core.instrument(found, 'RangeElement');
      }
    }
    return null;
  }
}

export interface FoundText {
  getElement(): DocElement;
  getStartOffset(): number;
  getEndOffsetInclusive(): number;
  isPartial(): boolean;
  __holder(): DocElement;
}

function elementClass(kind: ElementKind): string {
  return {
    PARAGRAPH: 'Paragraph',
    TABLE: 'Table',
    TABLE_ROW: 'TableRow',
    TABLE_CELL: 'TableCell',
    LIST_ITEM: 'ListItem',
    PAGE_BREAK: 'PageBreak',
    INLINE_IMAGE: 'InlineImage',
    HORIZONTAL_RULE: 'HorizontalRule',
    TEXT: 'Text',
    BODY_SECTION: 'Body',
  }[kind];
}

export class DocModel {
  readonly body: DocElement;
  changes = 0;
  constructor(
    readonly core: RuntimeCore,
    readonly store: DocumentStore,
    readonly id: string,
    public name: string,
  ) {
    this.body = new DocElement('BODY_SECTION', this);
  }
  change(): void {
    this.changes += 1;
    if (this.changes > this.store.maxChangesBeforeSave) throw gasError(DOC_MSG.tooManyChanges);
  }
}

export class DocumentStore {
  readonly docs = new Map<string, DocModel>();
  /** Edits allowed between opening and saveAndClose (Infinity: not modelled). */
  maxChangesBeforeSave = Number.POSITIVE_INFINITY;
  private created = new Map<string, number>();
  private next = 1;
  constructor(
    readonly core: RuntimeCore,
    private readonly quotas: Quotas,
    private readonly drive: DriveStore,
    private readonly timeZone: () => string,
  ) {}
  create(name: string): DocModel {
    const p = zonedParts(this.core.now(), this.timeZone());
    const day = `${p.year}-${p.month}-${p.day}`;
    const n = (this.created.get(day) ?? 0) + 1;
    if (n > this.quotas.docsCreatedPerDay) throw gasError(DOC_MSG.quota);
    this.created.set(day, n);
    const id = `fake-doc-${String(this.next++).padStart(4, '0')}`;
    const doc = new DocModel(this.core, this, id, name);
    this.docs.set(id, doc);
    this.drive.registerFile({
      id,
      name: () => doc.name,
      rename: (nm) => (doc.name = nm),
      url: `https://docs.google.com/document/d/${id}/edit`,
      mimeType: 'application/vnd.google-apps.document',
    });
    return doc;
  }
  /** Documents created on the simulated day of `date` (default now). */
  createdOn(date = this.core.now()): number {
    const p = zonedParts(date, this.timeZone());
    return this.created.get(`${p.year}-${p.month}-${p.day}`) ?? 0;
  }
}

export class FakeDocument {
  constructor(private readonly doc: DocModel) {}
  getId(): string {
    return this.doc.id;
  }
  getName(): string {
    return this.doc.name;
  }
  setName(name: string): this {
    this.doc.name = String(name);
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.doc.id}/edit`;
  }
  getBody(): DocElement {
    return this.doc.core.instrument(this.doc.body, 'Body');
  }
  saveAndClose(): void {
    this.doc.changes = 0;
  }
  /** Conversion is not simulated: the blob holds the document's text. */
  getAs(contentType: string): FakeBlob {
    return new FakeBlob(this.doc.body.getText(), contentType, `${this.doc.name}${contentType === 'application/pdf' ? '.pdf' : ''}`);
  }
  getBlob(): FakeBlob {
    return this.getAs('application/pdf');
  }
}

export class FakeDocumentApp {
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ElementType = ElementType;
  readonly Attribute = Attribute;
  constructor(
    private readonly core: RuntimeCore,
    private readonly store: DocumentStore,
  ) {}
  create(name: string): FakeDocument {
    return this.core.instrument(new FakeDocument(this.store.create(String(name))), 'Document');
  }
  openById(id: string): FakeDocument {
    const doc = this.store.docs.get(String(id));
    if (!doc) throw gasError(DOC_MSG.notFound(String(id)));
    doc.changes = 0;
    return this.core.instrument(new FakeDocument(doc), 'Document');
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
