// The one document model every report is built into, and every renderer (the local .docx
// renderer, src/node/docx-renderer.ts; the Google Docs renderer, src/gas/docs-renderer.ts) draws.
// Plain data only (no classes, no Dates, no functions) so it crosses google.script.run and JSON.
//
// What the model decides and what the renderer decides:
// - The MODEL holds every word printed (already formatted: dates, numbers, capitals where the
//   Decree wants capitals in the text itself), the structure (which block is a heading, a table,
//   the signature…) and the page setup numbers (the report contract (README) "Layout").
// - The RENDERER holds the typography that follows from the block kind, per the report contract (README): header
//   table sizes, body 14 pt justified with a 1.27 cm first-line indent and 6 pt after, tables 13
//   pt bordered with a repeated bold header row, page numbers from page 2 centred in the top
//   margin, the short rules (`rule` fields say where and how long). A renderer must not change
//   the words: every `text` is user or report text to print literally (never as a formula, HTML
//   or a field), so `=HYPERLINK("x")` and `<script>` print as those characters.
//
// Sizes are points; lengths on the page are millimetres; widths of table columns are fractions
// of the table width (they sum to 1).
//
// Checklist for a renderer (the .docx one does each of these; test/node/docx-render.test.ts):
// - page: A4 portrait, `page.marginsMm`, `page.font` everywhere, body `page.bodySize`;
// - page numbers from `page.pageNumbersFrom` (2), centred in the top margin; none on page 1;
// - `header`: borderless 2×2 table, `widthMm` wide starting `outdentMm` into the left margin,
//   one centred paragraph per line, a short rule (`unitRule`, `mottoRule`) under row 1's text;
// - `title`: docType then each subject line centred bold 14, then `rule`;
// - `heading`/`paragraph`/`bullets`/`placeholder`: body paragraphs (justified, 1.27 cm first-line
//   indent, 6 pt after, line spacing `page.lineSpacing`); `\n` in a run is a line break;
// - `keepWithNext` on a paragraph: on the same page as the start of the next block, and not
//   broken across pages (.docx keepNext + keepLines; Docs keepWithNext + keepLinesTogether);
// - `table`: bordered, `size` pt, header row bold and repeated, `colSpan`, `fill`, `widthFraction`;
// - `chart`: `title` (bold, centred), then the chart as an image drawn from its description;
// - `pageBreak`: the next block starts a new page;
// - `signature`: borderless two-column table (left 45%), as its comment says, never broken
//   across pages (.docx: the row cannot split; anything printed before it keeps with it).
// - Strip characters the output format cannot carry (XML control characters) but change nothing
//   else of the text.

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * A piece of text with one style. `size` overrides the block's default size (points). A `\n` in
 * `text` is a line break inside the paragraph (users type them in cells; titles use them).
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
}

/** A horizontal rule drawn under a line of text, `lengthMm` long, centred under it. */
export interface RuleSpec {
  lengthMm: number;
}

// ------------------------------------------------------------------------------------ page

export interface PageSetup {
  size: 'A4';
  orientation: 'portrait';
  /** 210 × 297 for A4. */
  widthMm: number;
  heightMm: number;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  font: 'Times New Roman';
  /** Body size, points (14). */
  bodySize: number;
  /** Line spacing multiple for the body (Decree 30: 1.15 to 1.5). */
  lineSpacing: number;
  /** First-line indent of body paragraphs, mm (Decree 30: 1.27 cm). */
  firstLineIndentMm: number;
  /** Space after each body paragraph, points (Decree 30: 6 pt). */
  paragraphAfterPt: number;
  /** Page numbers: shown from this page on (2), centred in the top margin. */
  pageNumbersFrom: number;
}

export const DECREE_30_PAGE: PageSetup = {
  size: 'A4',
  orientation: 'portrait',
  widthMm: 210,
  heightMm: 297,
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
  bodySize: 14,
  lineSpacing: 1.2,
  firstLineIndentMm: 12.7,
  paragraphAfterPt: 6,
  pageNumbersFrom: 2,
};

/** Width available to text: 210 − 30 − 15 = 165 mm on A4 under Decree 30. */
export const textWidthMm = (p: PageSetup): number => p.widthMm - p.marginsMm.left - p.marginsMm.right;

// ------------------------------------------------------------------------------------ blocks

/**
 * The Decree 30 header: a two-column borderless table of two rows, so that the number line
 * and the place-and-date line sit on the same baseline.
 *   left  row 1: parentBody lines (caps, 13, regular); unitName lines (caps, 13, bold); rule
 *   right row 1: motto[0] (caps, 13, bold); motto[1] (14, bold); rule as long as motto[1]
 *   left  row 2: numberLine (13)          right row 2: placeDate (14, italic)
 * Texts are already in their printed case and already broken into lines that fit their column
 * (`TRƯỜNG MẦM NON` / `NGUYỄN THÁI BÌNH`, as the seeds break them): print one paragraph per line,
 * centred. `parentBody` may be empty (no parent body): print nothing there.
 * The table is `widthMm` wide and starts `outdentMm` into the left margin (so a school's name
 * fits on one line next to the motto); a renderer that cannot outdent uses the text width with
 * the same column fractions.
 */
export interface HeaderBlock {
  kind: 'header';
  parentBody: string[];
  unitName: string[];
  unitRule: RuleSpec;
  numberLine: string;
  motto: [string, string];
  mottoRule: RuleSpec;
  placeDate: string;
  widthMm: number;
  outdentMm: number;
  /** Fractions of `widthMm` for the left and right columns. */
  columnWidths: [number, number];
}

/** `BÁO CÁO` / `KẾ HOẠCH` (caps, 14, bold, centred) and the subject lines (14, bold, centred). */
export interface TitleBlock {
  kind: 'title';
  docType: string;
  subject: string[];
  rule: RuleSpec;
}

/**
 * A numbered head. level 1: `I.` + text in bold capitals; level 2: `1.` bold; level 3: `a)`
 * upright regular (Decree 30 "điểm"). `number` includes its punctuation; `text` is printed as
 * given (level 1 text is already in capitals).
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  number: string;
  text: string;
}

/**
 * A body paragraph (14, justified, first-line indent, 6 pt after) unless `align`/`indent`
 * say otherwise. `indent: false` removes the first-line indent.
 */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  align?: Align;
  indent?: boolean;
  /**
   * Printed on the same page as the start of the next block, and never broken across pages. The
   * closing paragraph of every report (`Trên đây là …./.`) has it, so that the signature block
   * never stands alone on a page.
   */
  keepWithNext?: boolean;
}

/** Lines each printed as a body paragraph starting with `- ` (the Vietnamese dash list). */
export interface BulletsBlock {
  kind: 'bullets';
  items: Run[][];
}

export interface TableColumn {
  header: string;
  /** Fraction of the table's width (the text width × `widthFraction`). */
  width: number;
  align: Align;
}

export interface TableCell {
  runs: Run[];
  /** Defaults to the column's alignment. */
  align?: Align;
  /** Spans this many columns (the following cells of the row are omitted). */
  colSpan?: number;
  /** Background colour `#rrggbb` (legend swatches); none by default. */
  fill?: string;
}

/**
 * A bordered table, 13 pt, header row bold, centred and repeated on each page. `caption` is a
 * centred bold line printed above it (empty: none); `note` an italic line under it.
 */
export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: TableColumn[];
  rows: TableCell[][];
  note: string;
  /** Table font size (13 by the report contract (README); legends may be smaller). */
  size: number;
  /** Share of the text width the table takes, centred (1 unless said; legends are narrower). */
  widthFraction?: number;
}

/** A PNG image, centred. `widthMm` is the printed width; height follows the aspect ratio. */
export interface ImageBlock {
  kind: 'image';
  pngBase64: string;
  widthPx: number;
  heightPx: number;
  widthMm: number;
  alt: string;
  caption: string;
}

export interface ChartSeries {
  /** The series' name, printed in the chart's legend (Vietnamese). */
  name: string;
  /** `#rrggbb` */
  color: string;
  values: number[];
  /** Per-category colours overriding `color` (a one-series chart coloured by category). */
  colors?: string[];
}

/**
 * A horizontal bar chart, described once (chart.ts builds it, chartLayout sizes it) and drawn by
 * each renderer with real type: in Google by Apps Script's Charts service to a PNG
 * (src/gas/chart-image.ts), locally as an SVG rendered to PNG with resvg (src/node/chart-png.ts).
 * Categories are the real names (the areas' short names, the targets' results), one bar per
 * series per category, the value at the end of each bar; a legend of the series when there are
 * several.
 */
export interface ChartBlock {
  kind: 'chart';
  /** Printed above the chart (`Biểu đồ 1. Nhiệm vụ theo lĩnh vực`): the document's text. */
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** What the bars count (`Số nhiệm vụ`): the value axis title. */
  valueLabel: string;
  /** The image's description for screen readers: every figure in words. */
  alt: string;
  /** Printed width; the height is `widthMm × aspect`. */
  widthMm: number;
  aspect: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/**
 * The end of the document: a two-column borderless table, kept whole on one page (it is the
 * paragraph before it, `keepWithNext`, that keeps it company).
 * left: `recipientsLabel` (12, bold italic) then each of `recipients` (11) on its own line,
 *       already written `- …;` with the last `- Lưu: VT.`;
 * right (centred): `authority` (`KT. HIỆU TRƯỞNG`, caps, bold) when the signer is a deputy,
 *       `title` (caps, bold), `signSpaceLines` empty lines to sign and stamp, `name` (bold).
 */
export interface SignatureBlock {
  kind: 'signature';
  recipientsLabel: string;
  recipients: string[];
  authority: string | null;
  title: string;
  signSpaceLines: number;
  name: string;
}

/**
 * Text the principal must write before signing. `text` already carries its visible marker
 * (`[Lãnh đạo đơn vị viết trước khi ký: …]`); renderers also show it so nobody can miss it
 * (italic, highlighted), and the principal replaces it.
 */
export interface PlaceholderBlock {
  kind: 'placeholder';
  text: string;
}

export type Block =
  | HeaderBlock
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | BulletsBlock
  | TableBlock
  | ImageBlock
  | ChartBlock
  | PageBreakBlock
  | SignatureBlock
  | PlaceholderBlock;

/** A school's reports (built from its own workbook by buildReport). */
export const REPORT_TYPES = ['quarterly', 'plan', 'initiatives'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
/** Every kind of document: a school's reports, and the district's report over its schools. */
export type DocumentType = ReportType | 'district';

export interface DocModel {
  /** Version of this shape, for renderers written apart from the builders. */
  modelVersion: 1;
  meta: {
    type: DocumentType;
    /** `Số: 12/BC-MNBT` pieces. */
    number: number;
    symbol: 'BC' | 'KH';
    unitCode: string;
    /** The date on the document, YYYY-MM-DD. */
    date: string;
    /** Suggested file / document name, e.g. `BC 12-2024 CCHC 6 thang - MNBT`. */
    name: string;
  };
  page: PageSetup;
  blocks: Block[];
}

// ------------------------------------------------------------------------------------ port

export interface CreatedDocument {
  /** Drive file id (Google) or the file path (local). */
  id: string;
  url: string;
  name: string;
  /** A link to the document as PDF, where the store gives one (a Google Doc's export). */
  pdfUrl?: string;
}

/**
 * Where a finished model becomes a document: a Google Doc in the spreadsheet's folder
 * (src/gas/docs-renderer.ts) or a .docx file (src/node/docx-renderer.ts). Apps Script returns
 * synchronously; Node's docx packer is asynchronous, hence the union: callers `await` it.
 */
export interface DocumentPort {
  createDocument(model: DocModel, options: { name: string }): CreatedDocument | Promise<CreatedDocument>;
}

// ------------------------------------------------------------------------------------ helpers

export const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text, ...style });
export const para = (runs: Run[] | string, extra: Omit<ParagraphBlock, 'kind' | 'runs'> = {}): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' ? [run(runs)] : runs,
  ...extra,
});
export const heading = (level: 1 | 2 | 3, number: string, text: string): HeadingBlock => ({ kind: 'heading', level, number, text });
export const bullets = (items: (Run[] | string)[]): BulletsBlock => ({
  kind: 'bullets',
  items: items.map((i) => (typeof i === 'string' ? [run(i)] : i)),
});
export const cell = (text: string, extra: Omit<TableCell, 'runs'> & { bold?: boolean } = {}): TableCell => {
  const { bold, ...rest } = extra;
  return { runs: [bold ? run(text, { bold: true }) : run(text)], ...rest };
};
export const PLACEHOLDER_MARK = 'Lãnh đạo đơn vị viết trước khi ký';
export const placeholder = (instruction: string): PlaceholderBlock => ({ kind: 'placeholder', text: `[${PLACEHOLDER_MARK}: ${instruction}]` });
export const table = (caption: string, columns: TableColumn[], rows: TableCell[][], note = '', size = 13): TableBlock => ({
  kind: 'table',
  caption,
  columns,
  rows,
  note,
  size,
});

/** Every piece of text of a model, in order: for tests and search. */
export function modelText(model: DocModel): string[] {
  const out: string[] = [];
  const runs = (rs: Run[]) => out.push(rs.map((r) => r.text).join(''));
  const table = (t: TableBlock) => {
    if (t.caption) out.push(t.caption);
    for (const c of t.columns) out.push(c.header);
    for (const r of t.rows) for (const c of r) runs(c.runs);
    if (t.note) out.push(t.note);
  };
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'header':
        out.push(...b.parentBody, ...b.unitName, b.numberLine, ...b.motto, b.placeDate);
        break;
      case 'title':
        out.push(b.docType, ...b.subject);
        break;
      case 'heading':
        out.push(`${b.number} ${b.text}`);
        break;
      case 'paragraph':
        runs(b.runs);
        break;
      case 'bullets':
        for (const i of b.items) out.push(`- ${i.map((r) => r.text).join('')}`);
        break;
      case 'table':
        table(b);
        break;
      case 'image':
        out.push(b.caption);
        break;
      case 'chart':
        // The chart's own labels are in its image, not in the document's text.
        out.push(b.title);
        break;
      case 'signature':
        out.push(b.recipientsLabel, ...b.recipients);
        if (b.authority) out.push(b.authority);
        out.push(b.title, b.name);
        break;
      case 'placeholder':
        out.push(b.text);
        break;
      case 'pageBreak':
        break;
    }
  }
  return out;
}
