// The local renderer: a document model (src/core/report/doc-model.ts) to a .docx laid out as
// Decree 30/2020/NĐ-CP, Phụ lục I (the report contract (README) "Layout"), with the `docx` package.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import {
  textWidthMm,
  type Align,
  type Block,
  type ChartBlock,
  type DocModel,
  type HeaderBlock,
  type ImageBlock,
  type Run,
  type SignatureBlock,
  type TableBlock,
  type TitleBlock,
} from '../core/report/doc-model.ts';
import { chartPng, type ChartPng } from './chart-png.ts';

const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const half = (pt: number): number => Math.round(pt * 2);

/** Header and signature lines: a little over single, so stacked Vietnamese marks on capitals clear the line above. */
const HEADER_LINE = 264;
/** 1 mm either side in table cells: narrow number columns keep `STT` and dates on one line. */
const CELL_MARGINS = { left: 57, right: 57, top: 0, bottom: 0 };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

// Characters XML 1.0 cannot carry: a user who pastes one must not get a corrupt file.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '');

interface RunDefaults {
  size: number;
  bold?: boolean;
  italic?: boolean;
  highlight?: boolean;
}

/** Text runs; a line break typed in a cell becomes a line break, not a lost character. */
function textRuns(runs: Run[], d: RunDefaults): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const lines = xmlSafe(r.text).split(/\r\n|\r|\n/);
    lines.forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: r.bold ?? d.bold,
          italics: r.italic ?? d.italic,
          underline: r.underline ? {} : undefined,
          size: half(r.size ?? d.size),
          highlight: d.highlight ? HighlightColor.YELLOW : undefined,
        }),
      );
    });
  }
  return out;
}

const plain = (text: string): Run[] => [{ text }];

class Renderer {
  private readonly textTwips: number;
  private readonly body: number;
  private readonly line: number;
  private readonly firstLine: number;
  private readonly after: number;
  private pendingBreak = false;

  constructor(
    private readonly model: DocModel,
    /** Each chart block's PNG, drawn before the document is built (rendering is asynchronous). */
    private readonly charts: ReadonlyMap<ChartBlock, ChartPng> = new Map(),
  ) {
    this.textTwips = mmToTwips(textWidthMm(model.page));
    this.body = model.page.bodySize;
    this.line = Math.round(240 * model.page.lineSpacing);
    // The Decree's indent and spacing come from the page setup, as in the Docs renderer.
    this.firstLine = mmToTwips(model.page.firstLineIndentMm);
    this.after = Math.round(model.page.paragraphAfterPt * 20);
  }

  /** A paragraph; takes a pending page break. */
  private p(opts: IParagraphOptions): Paragraph {
    const brk = this.pendingBreak;
    this.pendingBreak = false;
    return new Paragraph(brk ? { ...opts, pageBreakBefore: true } : opts);
  }

  /** `keepWithNext`: on the page of what follows (keepNext) and never split (keepLines). */
  private bodyParagraph(runs: Run[], o: { align?: Align; indent?: boolean; italic?: boolean; highlight?: boolean; keepWithNext?: boolean } = {}) {
    return this.p({
      children: textRuns(runs, { size: this.body, italic: o.italic, highlight: o.highlight }),
      alignment: ALIGN[o.align ?? 'justify'],
      indent: o.indent === false ? undefined : { firstLine: this.firstLine },
      spacing: { after: this.after, line: this.line },
      ...(o.keepWithNext ? { keepNext: true, keepLines: true } : {}),
    });
  }

  /** A short horizontal rule `lengthMm` long, centred in a space `spaceTwips` wide. */
  private rule(lengthMm: number, spaceTwips: number): Paragraph {
    const side = Math.max(0, Math.round((spaceTwips - mmToTwips(lengthMm)) / 2));
    return new Paragraph({
      children: [],
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      indent: { left: side, right: side },
      spacing: { before: 0, after: 0, line: 40, lineRule: 'exact' },
    });
  }

  private centred(runs: Run[], size: number, style: { bold?: boolean; italic?: boolean } = {}, after = 0): Paragraph {
    return new Paragraph({
      children: textRuns(runs, { size, ...style }),
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after, line: HEADER_LINE },
    });
  }

  private header(b: HeaderBlock): Table {
    const total = mmToTwips(b.widthMm);
    const lw = Math.round(total * b.columnWidths[0]);
    const rw = total - lw;
    const margin = 28; // ½ mm each side: the motto needs the whole column
    const cell = (children: Paragraph[], width: number) =>
      new TableCell({
        children,
        width: { size: width, type: WidthType.DXA },
        margins: { left: margin, right: margin, top: 0, bottom: 0 },
        borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      });
    const left1: Paragraph[] = [
      ...b.parentBody.map((l) => this.centred(plain(l), 13)),
      ...b.unitName.map((l) => this.centred(plain(l), 13, { bold: true })),
      this.rule(b.unitRule.lengthMm, lw - 2 * margin),
    ];
    const right1 = [
      this.centred(plain(b.motto[0]), 13, { bold: true }),
      this.centred(plain(b.motto[1]), 14, { bold: true }),
      this.rule(b.mottoRule.lengthMm, rw - 2 * margin),
    ];
    const second = (text: string, size: number, italic: boolean) =>
      new Paragraph({ children: textRuns(plain(text), { size, italic }), alignment: AlignmentType.CENTER, spacing: { before: 120, line: HEADER_LINE } });
    return new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: [lw, rw],
      indent: { size: -mmToTwips(b.outdentMm), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({ children: [cell(left1, lw), cell(right1, rw)] }),
        new TableRow({ children: [cell([second(b.numberLine, 13, false)], lw), cell([second(b.placeDate, 14, true)], rw)] }),
      ],
    });
  }

  private title(b: TitleBlock): Paragraph[] {
    const out = [
      this.p({ children: textRuns(plain(b.docType), { size: 14, bold: true }), alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, keepNext: true }),
      ...b.subject.map((s) => new Paragraph({ children: textRuns(plain(s), { size: 14, bold: true }), alignment: AlignmentType.CENTER, keepNext: true })),
      this.rule(b.rule.lengthMm, this.textTwips),
    ];
    // Space under the title rule before the body.
    out.push(new Paragraph({ children: [], spacing: { before: 0, after: 120, line: 240 } }));
    return out;
  }

  private table(b: TableBlock): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    const width = Math.round(this.textTwips * (b.widthFraction ?? 1));
    const colTwips = b.columns.map((c) => Math.round(width * c.width));
    if (b.caption) out.push(this.p({ children: textRuns(plain(b.caption), { size: 13, bold: true }), alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true }));
    const cellPara = (runs: Run[], align: Align, bold?: boolean) =>
      new Paragraph({ children: textRuns(runs, { size: b.size, bold }), alignment: ALIGN[align], spacing: { before: 40, after: 40, line: 240 } });
    const headerRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map(
        (c, i) =>
          new TableCell({
            children: [cellPara(plain(c.header), 'center', true)],
            width: { size: colTwips[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: CELL_MARGINS,
          }),
      ),
    });
    const rows = b.rows.map((r) => {
      let col = 0;
      const cells = r.map((c) => {
        const span = Math.max(1, Math.min(c.colSpan ?? 1, b.columns.length - col));
        const w = colTwips.slice(col, col + span).reduce((a, x) => a + x, 0);
        const align = c.align ?? b.columns[col]?.align ?? 'left';
        col += span;
        return new TableCell({
          children: [cellPara(c.runs, align)],
          width: { size: w, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlign.CENTER,
          margins: CELL_MARGINS,
          shading: c.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: c.fill.replace('#', '').toUpperCase() } : undefined,
        });
      });
      return new TableRow({ children: cells, cantSplit: true });
    });
    if (this.pendingBreak) out.push(this.p({ children: [] }));
    out.push(
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: colTwips,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: ALL_BORDERS,
        rows: [headerRow, ...rows],
      }),
    );
    if (b.note) out.push(new Paragraph({ children: textRuns(plain(b.note), { size: 12, italic: true }), spacing: { before: 60, after: this.after } }));
    else out.push(new Paragraph({ children: [], spacing: { after: 60, line: 240 } }));
    return out;
  }

  private image(b: ImageBlock, caption: boolean): Paragraph[] {
    const widthPx = Math.round((b.widthMm / 25.4) * 96);
    const heightPx = Math.round((widthPx * b.heightPx) / b.widthPx);
    const out: Paragraph[] = [];
    if (caption && b.caption) out.push(this.p({ children: textRuns(plain(b.caption), { size: 13, bold: true }), alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true }));
    out.push(
      this.p({
        children: [
          new ImageRun({
            type: 'png',
            data: Buffer.from(b.pngBase64, 'base64'),
            transformation: { width: widthPx, height: heightPx },
            altText: { name: xmlSafe(b.caption || 'image'), title: xmlSafe(b.caption), description: xmlSafe(b.alt) },
          }),
        ],
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { after: 60 },
      }),
    );
    return out;
  }

  private chart(b: ChartBlock): (Paragraph | Table)[] {
    const drawn = this.charts.get(b);
    if (!drawn) throw new Error(`chart not drawn: ${b.title}`);
    const image: ImageBlock = {
      kind: 'image',
      pngBase64: Buffer.from(drawn.png).toString('base64'),
      widthPx: drawn.widthPx,
      heightPx: drawn.heightPx,
      widthMm: Math.min(b.widthMm, textWidthMm(this.model.page)),
      alt: b.alt,
      caption: b.title,
    };
    return this.image(image, true);
  }

  private signature(b: SignatureBlock): Table {
    const lw = Math.round(this.textTwips * 0.45);
    const rw = this.textTwips - lw;
    const tight = { before: 0, after: 0, line: 240 };
    const left = [
      new Paragraph({ children: textRuns(plain(b.recipientsLabel), { size: 12, bold: true, italic: true }), spacing: tight }),
      ...b.recipients.map((r) => new Paragraph({ children: textRuns(plain(r), { size: 11 }), spacing: tight })),
    ];
    const right: Paragraph[] = [];
    if (b.authority) right.push(this.centred(plain(b.authority), 14, { bold: true }));
    right.push(this.centred(plain(b.title), 14, { bold: true }));
    for (let i = 0; i < b.signSpaceLines; i++) right.push(new Paragraph({ children: [], spacing: { after: 0, line: 360 } }));
    if (b.name) right.push(this.centred(plain(b.name), 14, { bold: true }));
    const cell = (children: Paragraph[], width: number) =>
      new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
    return new Table({
      width: { size: this.textTwips, type: WidthType.DXA },
      columnWidths: [lw, rw],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [cell(left, lw), cell(right, rw)], cantSplit: true })],
    });
  }

  private heading(level: 1 | 2 | 3, number: string, text: string): Paragraph {
    return this.p({
      children: textRuns(plain(`${number} ${text}`), { size: this.body, bold: level < 3 }),
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: this.firstLine },
      spacing: { before: level === 1 ? 120 : 60, after: this.after, line: this.line },
      keepNext: true,
    });
  }

  block(b: Block): (Paragraph | Table)[] {
    switch (b.kind) {
      case 'header':
        return [this.header(b)];
      case 'title':
        return this.title(b);
      case 'heading':
        return [this.heading(b.level, b.number, b.text)];
      case 'paragraph':
        return [this.bodyParagraph(b.runs, { align: b.align, indent: b.indent, keepWithNext: b.keepWithNext })];
      case 'bullets':
        return b.items.map((i) => this.bodyParagraph([{ text: '- ' }, ...i]));
      case 'table':
        return this.table(b);
      case 'image':
        return this.image(b, true);
      case 'chart':
        return this.chart(b);
      case 'pageBreak':
        this.pendingBreak = true;
        return [];
      case 'signature':
        // The space above the block keeps with it, so a keepWithNext paragraph before the
        // signature reaches the table (whose one row cannot split).
        return [new Paragraph({ children: [], spacing: { after: 0 }, keepNext: true }), this.signature(b)];
      case 'placeholder':
        return [this.bodyParagraph(plain(b.text), { italic: true, highlight: true })];
    }
  }

  document(): Document {
    const m = this.model.page.marginsMm;
    const children = this.model.blocks.flatMap((b) => this.block(b));
    return new Document({
      creator: 'CCHC',
      title: xmlSafe(this.model.meta.name),
      styles: {
        default: {
          document: { run: { font: this.model.page.font, size: half(this.body) } },
        },
      },
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              size: { width: mmToTwips(this.model.page.widthMm), height: mmToTwips(this.model.page.heightMm), orientation: PageOrientation.PORTRAIT },
              margin: { top: mmToTwips(m.top), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), right: mmToTwips(m.right), header: mmToTwips(10), footer: mmToTwips(10) },
            },
          },
          headers: {
            // Page numbers from page 2, centred in the top margin; page 1 has an empty header.
            default: new Header({
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(13) })] })],
            }),
            first: new Header({ children: [new Paragraph({ children: [] })] }),
          },
          children,
        },
      ],
    });
  }
}

/** The .docx bytes of a model. */
export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  const chartBlocks = model.blocks.filter((b): b is ChartBlock => b.kind === 'chart');
  const charts = new Map(await Promise.all(chartBlocks.map(async (b) => [b, await chartPng(b)] as const)));
  const doc = new Renderer(model, charts).document();
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
