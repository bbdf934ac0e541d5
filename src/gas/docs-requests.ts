// The Google Docs API requests that draw a document model (src/core/report/doc-model.ts) into a
// new, empty Doc, in ONE documents.batchUpdate. Pure: no Apps Script here, so it is unit-tested
// against the fake Docs service (test/gas-runtime/docs-service.ts).
//
// Index rule (Docs API "Work with tables" and InsertTableRequest reference):
//   - a new Doc's body is [section break 0–1][empty paragraph 1–2]; text goes in at index ≥ 1,
//     always inside an existing paragraph and below the segment's end index;
//   - insertTable at L inserts a newline at L, the table starts at S = L + 1; an empty R×C table
//     is 1 (table start) + R × (1 row marker + C × (1 cell marker + 1 newline)) + 1 (end marker)
//     = 2 + R(2C+1) indices; cell (r,c)'s empty paragraph is at S + 3 + r(2C+1) + 2c;
//   - the paragraph the table was inserted in keeps its newline AFTER the table, so a table is
//     always followed by a paragraph.
// How this file keeps indices right: everything is APPENDED at the end of the body (before the
// last paragraph's newline), so nothing already placed ever moves; the cells of a new table are
// filled back to front (last cell first) so each cell's index is still the empty table's; text
// is cleaned exactly as the API cleans it (control characters stripped) before it is measured.
// Styles are sent after all the text, on the final indices, and ranges never touch the final
// newline (a trailing empty paragraph closes the body). Cell merges go last, last table first,
// so whatever a merge does to indices cannot affect another request.
//
// Layout decisions (the report contract (README) "Layout"), where the Docs API forces a choice:
//   - rules (short lines under the unit name, the motto, the title) are empty 1-pt paragraphs
//     with a top border, indented so the border is `lengthMm` long and centred;
//   - a Doc cannot start with a table: the header table is preceded by an empty 1-pt paragraph;
//   - page numbers: the Docs API (and DocumentApp) cannot insert a page-number field; we set
//     `useFirstPageHeaderFooter` so that Insert › Page numbers (one click by the principal)
//     leaves page 1 bare; the sidebar tells the principal how to add them (sidebar.pageNumberHint).
//   - images: the API's insertInlineImage needs a public URL, so each image is a marker
//     paragraph that the renderer replaces through DocumentApp (docs-renderer.ts).

import type { docs_v1 } from '@googleapis/docs';
import {
  textWidthMm,
  type Align,
  type Block,
  type ChartBlock,
  type DocModel,
  type ImageBlock,
  type PageSetup,
  type Run,
  type TableBlock,
} from '../core/report/doc-model.ts';

// ------------------------------------------------------------------ units and constants

export const PT_PER_MM = 72 / 25.4;
const pt = (magnitude: number): docs_v1.Schema$Dimension => ({ magnitude: round2(magnitude), unit: 'PT' satisfies DimensionUnit });
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
const mmToPt = (mm: number) => mm * PT_PER_MM;

/** Default cell padding of a Docs table (left and right), which narrows a rule in a cell. */
const CELL_PADDING_PT = 5;
const BLACK: docs_v1.Schema$OptionalColor = { color: { rgbColor: { red: 0, green: 0, blue: 0 } } };
const RULE_WIDTH_PT = 0.75;
const PLACEHOLDER_BACKGROUND: docs_v1.Schema$OptionalColor = { color: { rgbColor: { red: 1, green: 0.95, blue: 0.6 } } };

// ------------------------------------------------------------------ text cleaning

/** The characters the Docs API strips from inserted text (so they must not be counted). */
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

/**
 * Text as it will sit in the Doc: a line break typed inside one piece of text becomes a soft
 * line break (U+000B, Shift+Enter) so it does not split the paragraph; control characters the
 * API would strip are removed here so the lengths agree. Nothing is interpreted: `=HYPERLINK()`
 * and `<script>` stay those characters.
 */
export function docsText(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\u000b').replace(STRIPPED, '');
}

// ------------------------------------------------------------------ layout: what goes where

interface TStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  highlight: boolean;
}

interface PStyle {
  align: Align;
  firstLine: number;
  spaceAbove: number;
  spaceBelow: number;
  lineSpacing: number;
  indentStart: number;
  indentEnd: number;
  keepWithNext: boolean;
  keepLinesTogether: boolean;
  borderTop: boolean;
}

interface LRun {
  text: string;
  style: TStyle;
}

interface LParagraph {
  runs: LRun[];
  /** The paragraph's own base text style (the style of its newline and of plain runs). */
  base: TStyle;
  pstyle: PStyle;
  image?: ImagePlacement;
  // filled in by the emitter
  start?: number;
}

interface LCell {
  paras: LParagraph[];
  fill?: string;
  /** >1 on a head cell; 0 on a cell covered by a span. */
  span: number;
}

interface LTable {
  kind: 'table';
  rows: LCell[][];
  widthsPt: number[];
  borderless: boolean;
  headerRows: number;
  /** Text style of the table's cells before per-paragraph overrides. */
  base: TStyle;
  start?: number;
  /** Paragraph starts per cell, filled by the emitter. */
  cellRanges?: { start: number; end: number }[][];
}

type LItem = ({ kind: 'p' } & LParagraph) | LTable | { kind: 'pageBreak' };

/** An image the renderer puts in place of its marker paragraph. */
export interface ImagePlacement {
  /** Unique text of the marker paragraph (found with Body.findText). */
  marker: string;
  /** What goes there: a PNG of the model, or a chart the renderer draws (Charts service). */
  picture: { kind: 'png'; base64: string } | { kind: 'chart'; chart: ChartBlock };
  widthPt: number;
  heightPt: number;
  alt: string;
}

// The defaults every paragraph starts from (the batch sets them once, then only differences).
const plainText = (size: number): TStyle => ({ size, bold: false, italic: false, underline: false, highlight: false });
/** Body: justified, first-line indent 1.27 cm, 6 pt after, the model's line spacing. */
const bodyParagraph = (page: PageSetup): PStyle => ({
  align: 'justify',
  firstLine: round2(mmToPt(page.firstLineIndentMm)),
  spaceAbove: 0,
  spaceBelow: page.paragraphAfterPt,
  lineSpacing: Math.round(page.lineSpacing * 100),
  indentStart: 0,
  indentEnd: 0,
  keepWithNext: false,
  keepLinesTogether: false,
  borderTop: false,
});
/** Table cells: left, no indent, no space after, single spacing. */
const cellParagraph = (page: PageSetup): PStyle => ({ ...bodyParagraph(page), align: 'left', firstLine: 0, spaceBelow: 0, lineSpacing: 100 });

function layout(model: DocModel): { items: LItem[]; images: ImagePlacement[] } {
  const page = model.page;
  const body = page.bodySize;
  const textWidthPt = mmToPt(textWidthMm(page));
  const items: LItem[] = [];
  const images: ImagePlacement[] = [];

  const ts = (size: number, extra: Partial<TStyle> = {}): TStyle => ({ ...plainText(size), ...extra });
  const bodyStyle = bodyParagraph(page);
  const centred = (extra: Partial<PStyle> = {}): PStyle => ({ ...bodyStyle, align: 'center', firstLine: 0, spaceBelow: 0, ...extra });
  const cellStyle = (align: Align, extra: Partial<PStyle> = {}): PStyle => ({ ...cellParagraph(page), align, ...extra });

  const runsOf = (rs: Run[], base: TStyle): LRun[] =>
    rs
      .map((r) => ({
        text: docsText(r.text),
        style: {
          ...base,
          ...(r.size !== undefined ? { size: r.size } : {}),
          ...(r.bold !== undefined ? { bold: r.bold } : {}),
          ...(r.italic !== undefined ? { italic: r.italic } : {}),
          ...(r.underline !== undefined ? { underline: r.underline } : {}),
        },
      }))
      .filter((r) => r.text !== '');
  const para = (text: string | Run[], base: TStyle, pstyle: PStyle): LParagraph => ({
    runs: typeof text === 'string' ? runsOf([{ text }], base) : runsOf(text, base),
    base,
    pstyle,
  });
  const p = (text: string | Run[], base: TStyle, pstyle: PStyle): LItem => ({ kind: 'p', ...para(text, base, pstyle) });
  /** An empty 1-pt paragraph whose top border is the rule, centred in `availablePt`. */
  const rule = (lengthMm: number, availablePt: number, extra: Partial<PStyle> = {}): LParagraph => {
    const length = Math.min(mmToPt(lengthMm), availablePt);
    const side = Math.max(0, (availablePt - length) / 2);
    return { runs: [], base: ts(1), pstyle: cellStyle('center', { indentStart: side, indentEnd: side, borderTop: true, spaceAbove: 2, spaceBelow: 2, ...extra }) };
  };
  const widths = (fractions: number[]): number[] => fractions.map((f) => Math.max(5, Math.floor(f * textWidthPt * 100) / 100));

  const table = (t: TableBlock): void => {
    const cols = t.columns.length;
    if (cols === 0) throw new Error('docs-requests: a table needs at least one column');
    if (t.caption) items.push(p(t.caption, ts(body, { bold: true }), centred({ keepWithNext: true, spaceAbove: 6, spaceBelow: 3 })));
    const base = ts(t.size);
    const header: LCell[] = t.columns.map((c) => ({ paras: [para(c.header, ts(t.size, { bold: true }), cellStyle('center'))], span: 1 }));
    const rows: LCell[][] = [header];
    t.rows.forEach((row, ri) => {
      const out: LCell[] = [];
      for (const c of row) {
        const col = t.columns[out.length];
        if (!col) throw new Error(`docs-requests: row ${ri + 1} of table "${t.caption}" has more cells than the ${cols} columns`);
        const span = Math.max(1, Math.min(c.colSpan ?? 1, cols - out.length));
        out.push({ paras: [para(c.runs, base, cellStyle(c.align ?? col.align))], span, ...(c.fill ? { fill: c.fill } : {}) });
        for (let k = 1; k < span; k += 1) out.push({ paras: [para('', base, cellStyle('left'))], span: 0 });
      }
      while (out.length < cols) out.push({ paras: [para('', base, cellStyle('left'))], span: 1 });
      rows.push(out);
    });
    // Docs tables cannot be centred through the API: a narrower table (`widthFraction`, legends)
    // keeps its width but sits at the left margin.
    const fraction = t.widthFraction !== undefined && t.widthFraction > 0 && t.widthFraction <= 1 ? t.widthFraction : 1;
    items.push({ kind: 'table', rows, widthsPt: widths(t.columns.map((c) => c.width * fraction)), borderless: false, headerRows: 1, base });
    if (t.note) items.push(p(t.note, ts(t.size, { italic: true }), { ...bodyStyle, firstLine: 0, align: 'left' }));
  };

  const image = (img: ImageBlock | ChartBlock): void => {
    const marker = `[[CCHC-IMG-${images.length + 1}]]`;
    const widthPt = Math.min(mmToPt(img.widthMm), textWidthPt);
    const heightPt = img.kind === 'chart' ? widthPt * img.aspect : img.widthPx > 0 ? (widthPt * img.heightPx) / img.widthPx : widthPt;
    images.push({
      marker,
      picture: img.kind === 'chart' ? { kind: 'chart', chart: img } : { kind: 'png', base64: img.pngBase64 },
      widthPt: round2(widthPt),
      heightPt: round2(heightPt),
      alt: img.alt,
    });
    const item = p(marker, ts(body), centred({ spaceAbove: 6, spaceBelow: 3 }));
    if (item.kind === 'p') item.image = images[images.length - 1];
    items.push(item);
    if (img.kind === 'image' && img.caption) items.push(p(img.caption, ts(13, { italic: true }), centred({ spaceBelow: 6 })));
  };

  for (const b of model.blocks as Block[]) {
    switch (b.kind) {
      case 'header': {
        // The Docs API cannot move a table into the margin (`outdentMm`): as doc-model says, the
        // header then takes the text width with the same column fractions.
        const [wl, wr] = widths(b.columnWidths);
        const avail = (w: number | undefined) => (w ?? textWidthPt / 2) - 2 * CELL_PADDING_PT;
        const left: LParagraph[] = [];
        for (const line of b.parentBody) left.push(para(line, ts(13), cellStyle('center')));
        for (const line of b.unitName) left.push(para(line, ts(13, { bold: true }), cellStyle('center')));
        left.push(rule(b.unitRule.lengthMm, avail(wl)));
        const right: LParagraph[] = [
          para(b.motto[0], ts(13, { bold: true }), cellStyle('center')),
          para(b.motto[1], ts(14, { bold: true }), cellStyle('center')),
          rule(b.mottoRule.lengthMm, avail(wr)),
        ];
        items.push({
          kind: 'table',
          rows: [
            [
              { paras: left, span: 1 },
              { paras: right, span: 1 },
            ],
            [
              { paras: [para(b.numberLine, ts(13), cellStyle('center', { spaceAbove: 4 }))], span: 1 },
              { paras: [para(b.placeDate, ts(14, { italic: true }), cellStyle('center', { spaceAbove: 4 }))], span: 1 },
            ],
          ],
          widthsPt: [wl ?? 0, wr ?? 0],
          borderless: true,
          headerRows: 0,
          base: ts(13),
        });
        break;
      }
      case 'title':
        items.push(p(b.docType, ts(14, { bold: true }), centred({ spaceAbove: 18, keepWithNext: true })));
        for (const s of b.subject) items.push(p(s, ts(14, { bold: true }), centred({ keepWithNext: true })));
        items.push({ kind: 'p', ...rule(b.rule.lengthMm, textWidthPt, { spaceBelow: 12 }) });
        break;
      case 'heading': {
        const bold = b.level !== 3;
        items.push(p([{ text: `${b.number} ` }, { text: b.text }], ts(body, { bold }), { ...bodyStyle, keepWithNext: true }));
        break;
      }
      case 'paragraph': {
        const ps: PStyle = {
          ...bodyStyle,
          align: b.align ?? 'justify',
          firstLine: b.indent === false ? 0 : bodyStyle.firstLine,
          ...(b.keepWithNext ? { keepWithNext: true, keepLinesTogether: true } : {}),
        };
        items.push(p(b.runs, ts(body), ps));
        break;
      }
      case 'bullets':
        for (const item of b.items) items.push(p([{ text: '- ' }, ...item], ts(body), bodyStyle));
        break;
      case 'table':
        table(b);
        break;
      case 'image':
        image(b);
        break;
      case 'chart':
        if (b.title) items.push(p(b.title, ts(body, { bold: true }), centred({ spaceAbove: 6, keepWithNext: true })));
        image(b);
        break;
      case 'pageBreak':
        items.push({ kind: 'pageBreak' });
        break;
      case 'signature': {
        const left: LParagraph[] = [para(b.recipientsLabel, ts(12, { bold: true, italic: true }), cellStyle('left'))];
        for (const r of b.recipients) left.push(para(r, ts(11), cellStyle('left')));
        const right: LParagraph[] = [];
        if (b.authority) right.push(para(b.authority, ts(14, { bold: true }), cellStyle('center')));
        right.push(para(b.title, ts(14, { bold: true }), cellStyle('center')));
        for (let k = 0; k < Math.max(0, b.signSpaceLines); k += 1) right.push(para('', ts(14), cellStyle('center')));
        right.push(para(b.name, ts(14, { bold: true }), cellStyle('center')));
        // Keep each column's lines together, as far as paragraph styles reach inside a cell.
        for (const column of [left, right]) column.forEach((q, k) => (q.pstyle = { ...q.pstyle, keepLinesTogether: true, keepWithNext: k < column.length - 1 }));
        items.push({ kind: 'table', rows: [[{ paras: left, span: 1 }, { paras: right, span: 1 }]], widthsPt: widths([0.45, 0.55]), borderless: true, headerRows: 0, base: ts(12) });
        break;
      }
      case 'placeholder':
        items.push(p(b.text, ts(body, { italic: true, highlight: true }), bodyStyle));
        break;
    }
  }
  return { items, images };
}

// ------------------------------------------------------------------ requests

// The requests are typed against Google's own generated types of the Docs API v1
// (`@googleapis/docs`, types only): a property Google does not have fails the build, and so does
// a field mask naming one (`mask`). Google types enums as plain strings; the values this file
// sends are narrowed to the reference's enums below (developers.google.com/docs/api/reference/rest/v1/documents,
// the Docs v1 discovery document), which the offline service also checks.
export type DocsRequest = docs_v1.Schema$Request;
type DimensionUnit = 'PT';
type Alignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';
type DashStyle = 'SOLID' | 'DOT' | 'DASH';
type WidthType = 'EVENLY_DISTRIBUTED' | 'FIXED_WIDTH';
type ContentAlignment = 'TOP' | 'MIDDLE' | 'BOTTOM';

/** A `fields` mask of top-level fields of T: only names Google's type has. */
function mask<T>(...names: (keyof T & string)[]): string {
  return names.join(',');
}

export interface DocsPlan {
  requests: DocsRequest[];
  /** `requests` cut, in order, into batches within DOCS_BATCH_LIMITS (one batchUpdate each). */
  batches: DocsRequest[][];
  images: ImagePlacement[];
  /** The body's end index once the batch is applied (for tests). */
  endIndex: number;
}

const ALIGNMENT: Record<Align, Alignment> = { left: 'START', center: 'CENTER', right: 'END', justify: 'JUSTIFIED' };

const textStyleOf = (s: TStyle): docs_v1.Schema$TextStyle => ({
  bold: s.bold,
  italic: s.italic,
  underline: s.underline,
  fontSize: pt(s.size),
  ...(s.highlight ? { backgroundColor: PLACEHOLDER_BACKGROUND } : {}),
});
const TEXT_FIELDS = mask<docs_v1.Schema$TextStyle>('bold', 'italic', 'underline', 'fontSize', 'backgroundColor');

const paragraphStyleOf = (s: PStyle): docs_v1.Schema$ParagraphStyle => ({
  alignment: ALIGNMENT[s.align],
  indentFirstLine: pt(s.firstLine),
  indentStart: pt(s.indentStart),
  indentEnd: pt(s.indentEnd),
  spaceAbove: pt(s.spaceAbove),
  spaceBelow: pt(s.spaceBelow),
  lineSpacing: s.lineSpacing,
  keepWithNext: s.keepWithNext,
  keepLinesTogether: s.keepLinesTogether,
  ...(s.borderTop ? { borderTop: { color: BLACK, width: pt(RULE_WIDTH_PT), padding: pt(0), dashStyle: 'SOLID' satisfies DashStyle } } : {}),
});
const PARAGRAPH_FIELDS = mask<docs_v1.Schema$ParagraphStyle>(
  'alignment',
  'indentFirstLine',
  'indentStart',
  'indentEnd',
  'spaceAbove',
  'spaceBelow',
  'lineSpacing',
  'keepWithNext',
  'keepLinesTogether',
  'borderTop',
);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function hexColor(hex: string): docs_v1.Schema$OptionalColor | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const c = (h: string | undefined) => Math.round((parseInt(h ?? '0', 16) / 255) * 1000) / 1000;
  return { color: { rgbColor: { red: c(m[1]), green: c(m[2]), blue: c(m[3]) } } };
}

// ------------------------------------------------------------------ batches and size

/**
 * How the requests are cut into batchUpdate calls. Google documents no number of requests per
 * batch; the API infrastructure refuses a request body over 10,485,760 bytes ("Request payload
 * size exceeds the limit: 10485760 bytes.", seen from Google APIs, e.g.
 * github.com/googleworkspace/dotnet-samples/issues/23, where Google's devrel answers "break your
 * work into multiple requests"). A fifth of that (the 2 MB Google advises for the Sheets API's
 * payloads), and at most 5,000 requests, keep each call short and far from the limit, while the
 * batches of even a long report stay few: the Docs API allows 60 writes a minute per user
 * (developers.google.com/docs/api/limits).
 */
export const DOCS_BATCH_LIMITS = { maxRequests: 5_000, maxBytes: 2_000_000 } as const;

/**
 * Google Docs holds "up to 1.02 million characters" (support.google.com/drive/answer/37603). A
 * body's end index counts every character plus a few markers per table cell, so a plan whose end
 * index stays under this never reaches the limit.
 */
export const DOCS_MAX_CHARACTERS = 1_020_000;

/** UTF-8 length of a string (what a request body weighs), without TextEncoder (not in Apps Script). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/**
 * Cut `requests` into consecutive batches, in order, none over `limits` (a request bigger than
 * `maxBytes` on its own goes alone). Sending them one after the other gives the same Doc as one
 * batch: every index in the plan is valid once the requests before it have applied.
 */
export function splitBatches(requests: DocsRequest[], limits: { maxRequests: number; maxBytes: number } = DOCS_BATCH_LIMITS): DocsRequest[][] {
  const out: DocsRequest[][] = [];
  let current: DocsRequest[] = [];
  // `{"requests":[` + `]}` around the requests, a comma between two.
  const envelope = utf8Length('{"requests":[]}');
  let bytes = envelope;
  for (const r of requests) {
    const size = utf8Length(JSON.stringify(r));
    const comma = current.length > 0 ? 1 : 0;
    if (current.length > 0 && (current.length >= limits.maxRequests || bytes + comma + size > limits.maxBytes)) {
      out.push(current);
      current = [];
      bytes = envelope;
    }
    bytes += (current.length > 0 ? 1 : 0) + size;
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Every request, in order, for `Docs.Documents.batchUpdate` on a Doc just made by
 * `Docs.Documents.create` (cut into `batches`, sent in order), plus the images the renderer places
 * afterwards.
 */
export function buildDocsPlan(model: DocModel): DocsPlan {
  const { items, images } = layout(model);
  const page = model.page;
  const inserts: DocsRequest[] = [];
  const paragraphs: { p: LParagraph; container: 'body' | LTable }[] = [];
  const tables: LTable[] = [];

  // The body ends with paragraph `last` ([last.start, end)); `open` = still empty and unused.
  let end = 2;
  let last = { start: 1, open: true };
  const insertText = (index: number, text: string): void => void inserts.push({ insertText: { location: { index }, text } });

  const bodyDefaultText = plainText(page.bodySize);

  for (const item of items) {
    if (item.kind === 'p') {
      const text = item.runs.map((r) => r.text).join('');
      if (last.open) {
        if (text) insertText(last.start, text);
        item.start = last.start;
        end += text.length;
      } else {
        insertText(end - 1, `\n${text}`);
        item.start = end;
        end += text.length + 1;
      }
      last = { start: item.start, open: false };
      paragraphs.push({ p: item, container: 'body' });
      continue;
    }
    if (item.kind === 'pageBreak') {
      const at = last.open ? last.start : end - 1;
      inserts.push({ insertPageBreak: { location: { index: at } } });
      end += 2;
      last = { start: at + 2, open: true };
      continue;
    }
    // A table. Inserted inside the last paragraph: at its start when it is empty (it stays
    // before the table as the separator Docs needs), else before its newline.
    const R = item.rows.length;
    const C = item.rows[0]?.length ?? 0;
    const at = last.open ? last.start : end - 1;
    if (last.open) {
      // The empty paragraph left before the table: make it as small as possible.
      const spacer: LParagraph = { runs: [], base: { ...bodyDefaultText, size: 1 }, pstyle: { align: 'left', firstLine: 0, spaceAbove: 0, spaceBelow: 0, lineSpacing: 100, indentStart: 0, indentEnd: 0, keepWithNext: false, keepLinesTogether: false, borderTop: false }, start: last.start };
      paragraphs.push({ p: spacer, container: 'body' });
    }
    const S = at + 1;
    item.start = S;
    inserts.push({ insertTable: { rows: R, columns: C, location: { index: at } } });
    const cellText = item.rows.map((row) => row.map((cell) => cell.paras.map((q) => q.runs.map((r) => r.text).join('')).join('\n')));
    for (let r = R - 1; r >= 0; r -= 1) {
      for (let c = C - 1; c >= 0; c -= 1) {
        const text = cellText[r]?.[c] ?? '';
        if (text) insertText(S + 3 + r * (2 * C + 1) + 2 * c, text);
      }
    }
    // Final positions, walking forward.
    let pos = S + 1;
    item.cellRanges = [];
    for (const row of item.rows) {
      pos += 1; // row marker
      const ranges: { start: number; end: number }[] = [];
      for (const cell of row) {
        pos += 1; // cell marker
        const cellStart = pos;
        for (const q of cell.paras) {
          q.start = pos;
          pos += q.runs.reduce((n, r) => n + r.text.length, 0) + 1;
          paragraphs.push({ p: q, container: item });
        }
        ranges.push({ start: cellStart, end: pos });
      }
      item.cellRanges.push(ranges);
    }
    const tableEnd = pos + 1; // end marker
    end = tableEnd + 1;
    last = { start: tableEnd, open: true };
    tables.push(item);
  }
  // Close the body with an empty paragraph so no style range reaches the final newline.
  if (!last.open) {
    insertText(end - 1, '\n');
    end += 1;
  }
  const contentEnd = end - 1;

  // ---------------------------------------------------------------- styles, on final indices
  const styles: DocsRequest[] = [];
  const textStyle = (startIndex: number, endIndex: number, s: TStyle) => {
    if (endIndex > startIndex) styles.push({ updateTextStyle: { range: { startIndex, endIndex }, textStyle: textStyleOf(s), fields: TEXT_FIELDS } });
  };
  const paragraphStyle = (startIndex: number, endIndex: number, s: PStyle) => {
    if (endIndex > startIndex) styles.push({ updateParagraphStyle: { range: { startIndex, endIndex }, paragraphStyle: paragraphStyleOf(s), fields: PARAGRAPH_FIELDS } });
  };
  const bodyPStyle = bodyParagraph(page);
  const cellPStyle = cellParagraph(page);

  if (contentEnd > 1) {
    styles.push({
      updateTextStyle: {
        range: { startIndex: 1, endIndex: contentEnd },
        textStyle: { ...textStyleOf(bodyDefaultText), weightedFontFamily: { fontFamily: page.font, weight: 400 }, foregroundColor: BLACK },
        fields: `${TEXT_FIELDS},${mask<docs_v1.Schema$TextStyle>('weightedFontFamily', 'foregroundColor')}`,
      },
    });
    paragraphStyle(1, contentEnd, bodyPStyle);
  }
  const tableDefaults = new Map<LTable, { text: TStyle; para: PStyle }>();
  for (const t of tables) {
    const first = t.cellRanges?.[0]?.[0];
    const lastRow = t.cellRanges?.[t.cellRanges.length - 1];
    const lastCell = lastRow?.[lastRow.length - 1];
    if (!first || !lastCell) continue;
    // Whole-table defaults: one request each, then per-paragraph differences only. The range
    // starts at the first cell's first character (its paragraph's start), not one after it.
    textStyle(first.start, lastCell.end, t.base);
    paragraphStyle(first.start, lastCell.end, cellPStyle);
    tableDefaults.set(t, { text: t.base, para: cellPStyle });
  }
  for (const { p, container } of paragraphs) {
    const start = p.start ?? 0;
    const length = p.runs.reduce((n, r) => n + r.text.length, 0);
    const defaults = container === 'body' ? { text: bodyDefaultText, para: bodyPStyle } : (tableDefaults.get(container) ?? { text: container.base, para: cellPStyle });
    if (!same(p.pstyle, defaults.para)) paragraphStyle(start, start + length + 1, p.pstyle);
    // The paragraph's base style, on its text and its newline (the newline's size sets the
    // height of an empty line), then each run that differs from it.
    if (!same(p.base, defaults.text)) textStyle(start, start + length + 1, p.base);
    let at = start;
    for (const r of p.runs) {
      if (!same(r.style, p.base)) textStyle(at, at + r.text.length, r.style);
      at += r.text.length;
    }
  }
  for (const t of tables) {
    const tableStartLocation = { index: t.start ?? 0 };
    t.widthsPt.forEach((w, c) =>
      styles.push({
        updateTableColumnProperties: {
          tableStartLocation,
          columnIndices: [c],
          tableColumnProperties: { widthType: 'FIXED_WIDTH' satisfies WidthType, width: pt(w) },
          fields: mask<docs_v1.Schema$TableColumnProperties>('widthType', 'width'),
        },
      }),
    );
    const border: docs_v1.Schema$TableCellBorder = { color: BLACK, width: pt(t.borderless ? 0 : 0.5), dashStyle: 'SOLID' satisfies DashStyle };
    const contentAlignment: ContentAlignment = t.borderless ? 'TOP' : 'MIDDLE';
    styles.push({
      updateTableCellStyle: {
        tableStartLocation,
        tableCellStyle: { borderTop: border, borderBottom: border, borderLeft: border, borderRight: border, contentAlignment },
        fields: mask<docs_v1.Schema$TableCellStyle>('borderTop', 'borderBottom', 'borderLeft', 'borderRight', 'contentAlignment'),
      },
    });
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const bg = cell.fill ? hexColor(cell.fill) : null;
        if (bg) {
          styles.push({
            updateTableCellStyle: {
              tableRange: { tableCellLocation: { tableStartLocation, rowIndex: r, columnIndex: c }, rowSpan: 1, columnSpan: 1 },
              tableCellStyle: { backgroundColor: bg },
              fields: mask<docs_v1.Schema$TableCellStyle>('backgroundColor'),
            },
          });
        }
      }),
    );
    if (t.headerRows > 0) styles.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: t.headerRows } });
  }
  const merges: DocsRequest[] = [];
  for (const t of [...tables].reverse()) {
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.span > 1) {
          merges.push({
            mergeTableCells: { tableRange: { tableCellLocation: { tableStartLocation: { index: t.start ?? 0 }, rowIndex: r, columnIndex: c }, rowSpan: 1, columnSpan: cell.span } },
          });
        }
      }),
    );
  }

  const documentStyle: DocsRequest = {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(mmToPt(page.widthMm)), height: pt(mmToPt(page.heightMm)) },
        marginTop: pt(mmToPt(page.marginsMm.top)),
        marginBottom: pt(mmToPt(page.marginsMm.bottom)),
        marginLeft: pt(mmToPt(page.marginsMm.left)),
        marginRight: pt(mmToPt(page.marginsMm.right)),
        // Page numbers are shown from page 2: page 1 gets its own (empty) header.
        useFirstPageHeaderFooter: page.pageNumbersFrom > 1,
      },
      fields: mask<docs_v1.Schema$DocumentStyle>('pageSize', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight', 'useFirstPageHeaderFooter'),
    },
  };
  const requests = [documentStyle, ...inserts, ...styles, ...merges];
  return { requests, batches: splitBatches(requests), images, endIndex: end };
}

/** The requests of `buildDocsPlan`, for callers that only need the batch. */
export function buildDocsRequests(model: DocModel): DocsRequest[] {
  return buildDocsPlan(model).requests;
}
