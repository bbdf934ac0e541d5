// The .docx checked structurally (unzipped, word/document.xml read), then, where LibreOffice is
// installed, converted to PDF. Samples are left in test-artifacts/ for people to look at.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/report.ts';
import type { DocModel } from '../../src/core/report/doc-model.ts';
import { rmSync } from 'node:fs';
import { renderDocx } from '../../src/node/docx-renderer.ts';
import { safeFileName } from '../../src/node/files/documents.ts';
import { StagedDocuments, writeDocxFile } from '../../src/node/files/documents.ts';
import { findSoffice, LibreOfficeMissingError, toPdf } from '../../src/node/pdf.ts';
import { BUILD_OPTIONS, HOSTILE_FORMULA, HOSTILE_HTML, sampleData, sampleProgress } from '../core/report/fixture.ts';
import { requireTool } from '../helpers/tools.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');

interface Unzipped {
  document: string;
  styles: string;
  headers: Record<string, string>;
  rels: string;
  media: string[];
}

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (p: string) => zip.file(p)!.async('string');
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n))) headers[name.slice(5)] = await read(name);
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers,
    rels: await read('word/_rels/document.xml.rels'),
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
  };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text of each paragraph, as Word would show it. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
const tables = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

const models: Record<string, DocModel> = {};
const docs: Record<string, Unzipped> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const type of ['quarterly', 'plan', 'initiatives'] as const) {
    models[type] = buildReport(type, sampleData(), sampleProgress(), { ...BUILD_OPTIONS });
    const path = await writeDocxFile(models[type]!, join(ARTIFACTS, `sample-${type}.docx`), { replace: true });
    docs[type] = await unzip(readFileSync(path));
  }
});

describe('Decree 30 page and type', () => {
  it.each(['quarterly', 'plan', 'initiatives'])('%s: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14', (type) => {
    const d = docs[type]!;
    expect(d.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(d.document)![1]!;
    expect(mar).toContain('w:top="1134"');
    expect(mar).toContain('w:bottom="1134"');
    expect(mar).toContain('w:left="1701"');
    expect(mar).toContain('w:right="850"');
    expect(d.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    // no other font anywhere in the body
    const fonts = new Set([...d.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].every((f) => f === 'Times New Roman')).toBe(true);
  });

  it('page numbers from page 2, centred in the top margin; page 1 has its own empty header', () => {
    const d = docs.quarterly!;
    expect(d.document).toContain('<w:titlePg/>');
    const refs = [...d.document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(refs.map((r) => r[0]).sort()).toEqual(['default', 'first']);
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(d.rels)![1]!;
    const def = d.headers[target(refs.find((r) => r[0] === 'default')![1]!)]!;
    const first = d.headers[target(refs.find((r) => r[0] === 'first')![1]!)]!;
    expect(def).toMatch(/PAGE/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(first).not.toMatch(/PAGE/);
  });

  it('body paragraphs: justified, first-line indent 1.27 cm, 6 pt after, line spacing 1.2', () => {
    const d = docs.quarterly!;
    const para = [...d.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('Căn cứ Kế hoạch'))!;
    expect(para).toContain('<w:jc w:val="both"/>');
    expect(para).toContain('<w:ind w:firstLine="720"/>');
    expect(para).toMatch(/<w:spacing w:after="120" w:line="288"\/>/);
  });
});

describe('header, tables and signature', () => {
  it('the header is a borderless two-column table of two rows, reaching into the left margin', () => {
    const header = tables(docs.quarterly!.document)[0]!;
    // 12 mm into the margin; 177 mm wide: 77 mm for the unit, 100 mm for the motto on one line
    expect(header).toContain('<w:tblInd w:type="dxa" w:w="-680"/>');
    expect(header).toContain('<w:tblGrid><w:gridCol w:w="4365"/><w:gridCol w:w="5670"/></w:tblGrid>');
    expect(header.match(/<w:tr>/g)).toHaveLength(2);
    expect(header.match(/<w:gridCol /g)).toHaveLength(2);
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header)![1]!;
    expect(borders.match(/w:val="none"/g)).toHaveLength(6);
    const texts = paragraphs(header);
    expect(texts).toEqual(
      expect.arrayContaining([
        'ỦY BAN NHÂN DÂN QUẬN 1',
        'TRƯỜNG MẦM NON BẾN THÀNH',
        'Số: 12/BC-MNBT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Quận 1, ngày 05 tháng 7 năm 2024',
      ]),
    );
    // the two short rules are bottom borders on empty paragraphs
    expect(header.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    // the place and date line is italic 14
    const dateRun = /<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>Quận 1, ngày/.exec(header)![1]!;
    expect(dateRun).toContain('<w:i/>');
    expect(dateRun).toContain('<w:sz w:val="28"/>');
  });

  it('data tables are bordered, 13 pt, with a bold header row repeated on each page', () => {
    const t = tables(docs.quarterly!.document).find((x) => x.includes('Tỷ lệ hoàn thành'))!;
    expect(t).toContain('<w:tblHeader/>');
    expect(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1]!.match(/w:val="single"/g)).toHaveLength(6);
    const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(t)![0];
    expect(firstRow).toContain('<w:b/>');
    expect(t).toContain('<w:sz w:val="26"/>');
  });

  it('ends with the signature block: Nơi nhận left (12 bold italic), signer right', () => {
    const sig = tables(docs.quarterly!.document).at(-1)!;
    const texts = paragraphs(sig).filter((x) => x !== '');
    expect(texts).toEqual(['Nơi nhận:', '- Phòng Nội vụ Quận 1;', '- Thành viên BCĐ CCHC;', '- Lưu: VT.', 'HIỆU TRƯỞNG', 'Nguyễn Mai Hằng']);
    const label = /<w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>Nơi nhận:/.exec(sig)![1]!;
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:i/>');
    expect(label).toContain('<w:sz w:val="24"/>');
  });

  it.each(['quarterly', 'plan', 'initiatives'])('%s: the closing paragraph keeps with the signature, whose row cannot split', (type) => {
    const xml = docs[type]!.document;
    const body = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const sigAt = body.findIndex((x) => x.startsWith('<w:tbl>') && x.includes('Nơi nhận:'));
    const closing = body.findIndex((x) => x.includes('Trên đây là'));
    expect(closing).toBeGreaterThan(0);
    // the closing paragraph: kept with the next and not split; then the space above the table, kept too
    expect(body[closing]).toMatch(/^<w:p><w:pPr><w:keepNext\/><w:keepLines\/>/);
    expect(sigAt).toBe(closing + 2);
    expect(body[closing + 1]).toMatch(/^<w:p><w:pPr><w:keepNext\/>/);
    expect(paragraphs(body[closing + 1]!)).toEqual(['']);
    // every row of the signature table: cantSplit
    const rows = body[sigAt]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/^<w:tr><w:trPr><w:cantSplit\/>/);
    // an ordinary body paragraph is not kept with the next
    const opening = body.find((x) => x.includes('Trường Mầm non Bến Thành') && !x.includes('Trên đây là') && x.includes('w:firstLine'))!;
    expect(opening).not.toContain('<w:keepNext/>');
  });

  it('a deputy signs KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG', async () => {
    const m = buildReport('quarterly', sampleData({ signerTitle: 'Phó Hiệu trưởng', signer: 'Trần Liên Hương' }), sampleProgress(), { ...BUILD_OPTIONS });
    const sig = tables((await unzip(await renderDocx(m))).document).at(-1)!;
    expect(paragraphs(sig).filter((x) => x !== '').slice(-3)).toEqual(['KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Trần Liên Hương']);
  });

  it('the quarterly report embeds its two charts as PNG with alt text', () => {
    expect(docs.quarterly!.media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
    expect(docs.quarterly!.document).toMatch(/descr="Biểu đồ 1\. Nhiệm vụ theo lĩnh vực: Tổng số nhiệm vụ: Chỉ đạo, điều hành 4, Thể chế 1, Thủ tục hành chính 2, Tổ chức bộ máy 0, /);
  });

  it('the plan puts its appendix on a new page', () => {
    const d = docs.plan!.document;
    const at = d.indexOf('PHỤ LỤC');
    expect(d.lastIndexOf('<w:pageBreakBefore/>', at)).toBeGreaterThan(d.lastIndexOf('Nơi nhận:', at));
  });
});

describe('user text stays text', () => {
  it.each(['quarterly', 'plan'])('%s: =HYPERLINK and <script> are escaped characters, not fields or tags', (type) => {
    const xml = docs[type]!.document;
    const texts = paragraphs(xml);
    expect(texts.some((t) => t.includes(HOSTILE_FORMULA))).toBe(true);
    expect(texts.some((t) => t.includes(HOSTILE_HTML))).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>[^<]*HYPERLINK|<w:hyperlink/);
  });

  it('control characters a user pasted do not corrupt the file; line breaks stay line breaks', async () => {
    const data = sampleData();
    data.tasks[0]!.title = 'Dòng một\nDòng hai\u0001\u0008\uFFFE có ký tự lạ';
    const m = buildReport('plan', data, sampleProgress(), { ...BUILD_OPTIONS });
    const xml = (await unzip(await renderDocx(m))).document;
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(xml).toMatch(/Dòng một<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>Dòng hai có ký tự lạ/);
  });
});

describe('DocumentPort for files', () => {
  it('writes <name>.docx into its folder and returns a file URL', async () => {
    rmSync(join(ARTIFACTS, 'port'), { recursive: true, force: true });
    const port = new StagedDocuments({ dir: join(ARTIFACTS, 'port'), replace: false, immediate: true });
    const out = await port.createDocument(models.initiatives!, { name: 'Báo cáo: sáng kiến 12/BC-MNBT' });
    expect(out.name).toBe('Báo cáo: sáng kiến 12/BC-MNBT');
    expect(out.id.endsWith('Báo cáo- sáng kiến 12-BC-MNBT.docx')).toBe(true);
    expect(out.url.startsWith('file://')).toBe(true);
    expect(existsSync(out.id)).toBe(true);
  });

  it.each([
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['   ', 'baocao'],
    ['Kế hoạch CCHC năm 2024', 'Kế hoạch CCHC năm 2024'],
  ])('safeFileName(%j) = %j', (a, b) => expect(safeFileName(a)).toBe(b));
});

describe('PDF', () => {
  it('says clearly when LibreOffice is not installed', async () => {
    await expect(toPdf(join(ARTIFACTS, 'sample-plan.docx'), { soffice: null })).rejects.toBeInstanceOf(LibreOfficeMissingError);
    await expect(toPdf('x.docx', { soffice: null, lang: 'en' })).rejects.toThrow(/LibreOffice was not found.*apt-get install libreoffice-writer/);
    expect(findSoffice({ PATH: '', CCHC_SOFFICE: '/nonexistent/soffice' })).toBeNull();
  });

  const soffice = requireTool(findSoffice() !== null, 'LibreOffice Writer', 'libreoffice-writer-nogui');
  const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
  const canRead = requireTool(pdftotext !== undefined, 'pdftotext', 'poppler-utils');
  it.runIf(soffice && canRead)(
    'converts the quarterly report: page 1 has no page number, page 2 starts with "2"',
    async () => {
      const pdf = await toPdf(join(ARTIFACTS, 'sample-quarterly.docx'));
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const page = (n: number) => execFileSync(pdftotext!, ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
      expect(page(1).trimStart().startsWith('ỦY BAN NHÂN DÂN QUẬN 1')).toBe(true);
      expect(page(2).trimStart().split('\n')[0]!.trim()).toBe('2');
      expect(page(1)).toContain('Quận 1, ngày 05 tháng 7 năm 2024');
      expect(page(1)).toContain('Số: 12/BC-MNBT');
    },
    120_000,
  );
});
