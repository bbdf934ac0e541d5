// GoogleDocsRenderer on the offline runtime: the Doc says what the model says, in order, with the
// Decree 30 typography on the paragraphs that carry it, user text printed literally, and a
// constant number of service calls whatever the length of the report.

import { describe, expect, it } from 'vitest';
import { createRuntime } from '../gas-runtime/runtime.ts';
import { docParagraphs, docsServiceFor, docsServices, docTables, docText } from '../gas-runtime/docs-service.ts';
import { GoogleDocsRenderer, pdfExportUrl } from '../../src/gas/docs-renderer.ts';
import { buildDocsRequests } from '../../src/gas/docs-requests.ts';
import { HOSTILE, readingOrder, reportModel } from './docs-fixtures.ts';

type Json = Record<string, unknown>;

function setup() {
  const rt = createRuntime({ now: '2024-02-05', services: docsServices() });
  const svc = docsServiceFor(rt);
  const renderer = new GoogleDocsRenderer({
    docs: rt.services.Docs as never,
    documentApp: rt.services.DocumentApp as never,
    utilities: rt.services.Utilities as never,
    charts: rt.services.Charts as never,
  });
  return { rt, svc, renderer };
}

const render = (opts: Parameters<typeof reportModel>[0] = {}) => {
  const s = setup();
  const model = reportModel(opts);
  s.rt.calls.reset();
  const created = s.renderer.createDocument(model, { name: model.meta.name });
  const calls = s.rt.calls.snapshot();
  const doc = s.svc.Docs.Documents.get(created.id);
  return { ...s, model, created, calls, doc };
};

const paragraphWith = (doc: Json, text: string) => {
  const p = docParagraphs(doc).find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
};
const mag = (v: unknown) => (v as { magnitude?: number } | undefined)?.magnitude;

describe('GoogleDocsRenderer', () => {
  it('creates the Doc and returns its id, edit URL and name', () => {
    const { created, svc } = render();
    expect(created.url).toBe(`https://docs.google.com/document/d/${created.id}/edit`);
    expect(created.name).toBe('BC 12-2024 CCHC 6 thang - MNBT');
    expect(svc.Docs.Documents.get(created.id).title).toBe('BC 12-2024 CCHC 6 thang - MNBT');
  });

  it('the Doc lands in My Drive root (drive.file cannot reach the spreadsheet’s folder)', () => {
    const { created, rt } = render();
    expect(rt.drive.files.get(created.id)?.parents).toEqual(['fake-root-folder']);
  });

  it('prints every word of the model, in reading order', () => {
    const { doc, model } = render({ rows: 7 });
    expect(docText(doc)).toEqual(readingOrder(model));
  });

  it('puts the chart PNG in place of its marker, sized and described, and the words still match', () => {
    const { doc, model, rt } = render({ chart: true });
    expect(docText(doc)).toEqual(readingOrder(model));
    expect(docText(doc).some((t) => t.includes('CCHC-IMG'))).toBe(false);
    const withImage = docParagraphs(doc).filter((p) => p.images.length > 0);
    expect(withImage).toHaveLength(1);
    const obj = ((doc.inlineObjects as Json)[withImage[0]?.images[0] ?? ''] as Json).inlineObjectProperties as Json;
    const embedded = obj.embeddedObject as Json;
    expect(embedded.description).toBe('Biểu đồ nhiệm vụ');
    // 150 mm wide (425.2 pt) at 800×400 px: 212.6 pt high (rounded to whole pixels).
    expect(mag((embedded.size as Json).width)).toBeCloseTo(425.25, 1);
    expect(mag((embedded.size as Json).height)).toBeCloseTo(212.25, 1);
    expect(withImage[0]?.style.alignment).toBe('CENTER');
    // Google drew it with the Charts service from the chart's description: its real names.
    const [drawn] = rt.services.Charts.built;
    expect(rt.services.Charts.built).toHaveLength(1);
    expect([0, 1].map((r) => drawn!.data.getValue(r, 0))).toEqual(['LV1', 'LV2']);
    expect(drawn!.data.getColumnLabel(1)).toBe('Đúng hạn');
    expect(drawn!.colors).toEqual(['#2e7d32']);
    expect(drawn!.xAxisTitle).toBe('Số nhiệm vụ');
  });

  it('sets A4, the Decree 30 margins and Times New Roman', () => {
    const { doc } = render();
    const ds = doc.documentStyle as Json;
    expect(mag((ds.pageSize as Json).width)).toBe(595.28);
    expect(mag((ds.pageSize as Json).height)).toBe(841.89);
    expect([mag(ds.marginTop), mag(ds.marginBottom), mag(ds.marginLeft), mag(ds.marginRight)]).toEqual([56.69, 56.69, 85.04, 42.52]);
    expect(ds.useFirstPageHeaderFooter).toBe(true);
    // Every run but the body's closing empty paragraph (no request may reach the final newline).
    const paragraphs = docParagraphs(doc);
    for (const p of paragraphs.slice(0, -1)) for (const r of p.runs) expect((r.style.weightedFontFamily as Json | undefined)?.fontFamily).toBe('Times New Roman');
    expect(paragraphs[paragraphs.length - 1]?.text).toBe('');
  });

  it('title: bold 14 pt, centred, no indent', () => {
    const { doc } = render();
    for (const text of ['BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính']) {
      const p = paragraphWith(doc, text);
      expect(p.style.alignment).toBe('CENTER');
      expect(mag(p.style.indentFirstLine)).toBe(0);
      for (const r of p.runs.filter((x) => x.text.trim())) {
        expect(r.style.bold).toBe(true);
        expect(mag(r.style.fontSize)).toBe(14);
      }
    }
  });

  it('body: 14 pt, justified, first-line indent 36 pt, 6 pt after, line spacing 120', () => {
    const { doc } = render();
    const p = paragraphWith(doc, 'Thực hiện Kế hoạch số 05/KH-MNBT ngày 10/01/2024, trường báo cáo như sau:');
    expect(p.inTable).toBe(false);
    expect(p.style.alignment).toBe('JUSTIFIED');
    expect(mag(p.style.indentFirstLine)).toBe(36);
    expect(mag(p.style.spaceBelow)).toBe(6);
    expect(p.style.lineSpacing).toBe(120);
    expect(mag(p.runs[0]?.style.fontSize)).toBe(14);
    expect(p.runs[0]?.style.bold).toBe(false);
  });

  it('runs keep their own emphasis; headings are bold down to level 2, level 3 upright regular', () => {
    const { doc } = render();
    const p = paragraphWith(doc, 'Tỷ lệ nhiệm vụ hoàn thành: 98,5% (đạt chỉ tiêu).');
    const style = (t: string) => p.runs.find((r) => r.text.startsWith(t))?.style;
    expect(style('98,5%')?.bold).toBe(true);
    expect(style(' (đạt')?.italic).toBe(true);
    expect(style('Tỷ lệ')?.bold).toBe(false);
    expect(paragraphWith(doc, 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH').runs.every((r) => r.style.bold === true)).toBe(true);
    expect(paragraphWith(doc, '1. Ban hành văn bản').runs.every((r) => r.style.bold === true)).toBe(true);
    expect(paragraphWith(doc, 'a) Các nhiệm vụ đã hoàn thành').runs.every((r) => r.style.bold === false)).toBe(true);
    const underlined = paragraphWith(doc, '- Niêm yết công khai tại trường.').runs.find((r) => r.text === 'công khai');
    expect(underlined?.style.underline).toBe(true);
  });

  it('header: a borderless two-column table; unit name bold 13, motto line 14 bold, date italic 14, rules drawn', () => {
    const { doc } = render();
    const [header] = docTables(doc);
    const cells = (header?.tableRows as Json[]).flatMap((r) => r.tableCells as Json[]);
    expect(cells).toHaveLength(4);
    for (const c of cells) {
      const st = c.tableCellStyle as Json;
      for (const side of ['borderTop', 'borderBottom', 'borderLeft', 'borderRight']) expect(mag((st[side] as Json).width)).toBe(0);
    }
    expect(paragraphWith(doc, 'TRƯỜNG MẦM NON').runs[0]?.style.bold).toBe(true);
    expect(mag(paragraphWith(doc, 'TRƯỜNG MẦM NON').runs[0]?.style.fontSize)).toBe(13);
    expect(paragraphWith(doc, 'ỦY BAN NHÂN DÂN QUẬN 1').runs[0]?.style.bold).toBe(false);
    expect(mag(paragraphWith(doc, 'Độc lập - Tự do - Hạnh phúc').runs[0]?.style.fontSize)).toBe(14);
    const date = paragraphWith(doc, 'Quận 1, ngày 05 tháng 02 năm 2024');
    expect(date.runs[0]?.style.italic).toBe(true);
    expect(date.style.alignment).toBe('CENTER');
    // Two rules in the header (unit name, motto) and one under the title: empty paragraphs with a top border.
    const rules = docParagraphs(doc).filter((p) => p.text === '' && p.style.borderTop);
    expect(rules).toHaveLength(3);
    const motto = rules[1]?.style as Json;
    // 62 mm centred in the right column: the two indents leave 175.75 pt.
    const columnPt = Math.floor(0.61 * 467.72 * 100) / 100 - 10;
    expect(columnPt - (mag(motto.indentStart) ?? 0) - (mag(motto.indentEnd) ?? 0)).toBeCloseTo(175.75, 0);
  });

  it('tables: bordered, bold header row pinned to repeat, 13 pt, column widths summing to the text width', () => {
    const { doc } = render({ rows: 5 });
    const tables = docTables(doc);
    const tasks = tables[1] as Json;
    const rows = tasks.tableRows as Json[];
    expect(rows).toHaveLength(6);
    expect((rows[0]?.tableRowStyle as Json).tableHeader).toBe(true);
    expect((rows[1]?.tableRowStyle as Json).tableHeader).toBeUndefined();
    const first = (rows[0]?.tableCells as Json[])[0] as Json;
    expect(mag(((first.tableCellStyle as Json).borderTop as Json).width)).toBe(0.5);
    const widths = ((tasks.tableStyle as Json).tableColumnProperties as Json[]).map((c) => mag(c.width) ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(467.72, 0);
    const head = paragraphWith(doc, 'Nhiệm vụ');
    expect(head.inTable).toBe(true);
    expect(head.runs[0]?.style.bold).toBe(true);
    expect(head.style.alignment).toBe('CENTER');
    const body = paragraphWith(doc, 'Nhiệm vụ số 2');
    expect(body.runs[0]?.style.bold).toBe(false);
    expect(mag(body.runs[0]?.style.fontSize)).toBe(13);
    expect(body.style.alignment).toBe('START');
    expect(paragraphWith(doc, '01/06/2024').style.alignment).toBe('CENTER');
    expect(paragraphWith(doc, 'Trễ hạn').style.alignment).toBe('END');
  });

  it('a spanning cell is merged and the legend swatch is filled', () => {
    const { doc } = render({ chart: true });
    const tables = docTables(doc);
    const appendix = tables.find((t) => JSON.stringify(t).includes('LĨNH VỰC 1')) as Json;
    const row1 = (appendix.tableRows as Json[])[1]?.tableCells as Json[];
    expect((row1[1]?.tableCellStyle as Json).columnSpan).toBe(2);
    const legend = tables.find((t) => JSON.stringify(t).includes('Ý nghĩa')) as Json;
    const swatch = ((legend.tableRows as Json[])[1]?.tableCells as Json[])[0]?.tableCellStyle as Json;
    expect(((swatch.backgroundColor as Json).color as Json).rgbColor).toEqual({ red: 0.18, green: 0.49, blue: 0.196 });
  });

  it('signature: borderless; "Nơi nhận:" 12 bold italic; signer lines bold, centred, with space to sign', () => {
    const { doc } = render();
    const tables = docTables(doc);
    const sig = tables[tables.length - 1] as Json;
    const cell0 = ((sig.tableRows as Json[])[0]?.tableCells as Json[])[0]?.tableCellStyle as Json;
    expect(mag((cell0.borderLeft as Json).width)).toBe(0);
    const label = paragraphWith(doc, 'Nơi nhận:');
    expect([label.runs[0]?.style.bold, label.runs[0]?.style.italic, mag(label.runs[0]?.style.fontSize)]).toEqual([true, true, 12]);
    expect(mag(paragraphWith(doc, '- Lưu: VT.').runs[0]?.style.fontSize)).toBe(11);
    for (const t of ['KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Nguyễn Thị Lan']) {
      const p = paragraphWith(doc, t);
      expect(p.style.alignment).toBe('CENTER');
      expect(p.runs[0]?.style.bold).toBe(true);
    }
    const ps = docParagraphs(doc);
    const title = ps.findIndex((p) => p.text === 'PHÓ HIỆU TRƯỞNG');
    expect(ps.slice(title + 1, title + 5).every((p) => p.text === '')).toBe(true);
    expect(ps[title + 5]?.text).toBe('Nguyễn Thị Lan');
  });

  it('the placeholder the principal must replace is italic and highlighted', () => {
    const { doc, model } = render();
    const block = model.blocks.find((b) => b.kind === 'placeholder');
    const p = paragraphWith(doc, block?.kind === 'placeholder' ? block.text : '?');
    expect(p.runs[0]?.style.italic).toBe(true);
    expect(p.runs[0]?.style.backgroundColor).toBeDefined();
  });

  it('user text is printed literally: formulas, HTML, emoji, NFD, tabs; line breaks stay inside their line', () => {
    const { doc } = render({ hostile: true });
    const text = docText(doc);
    expect(text).toContain(HOSTILE.formula);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(`- ${HOSTILE.emoji}`);
    expect(text).toContain(`- ${HOSTILE.nfd}`);
    expect(text).toContain(`- ${HOSTILE.tab}`);
    // A typed line break becomes a soft break (one paragraph, two lines); control characters go.
    expect(docParagraphs(doc).find((p) => p.text.startsWith('- Dòng một'))?.text).toBe('- Dòng một\u000bDòng hai');
    expect(text).toContain('- Chuông và ký tự riêng  hết');
    // In a table cell too.
    expect(text.filter((t) => t === HOSTILE.formula)).toHaveLength(2);
  });

  it('costs exactly 2 Docs calls and nothing else, for 5 rows and for 500 rows', () => {
    const small = render({ rows: 5 });
    const large = render({ rows: 500 });
    for (const r of [small, large]) {
      expect(r.calls.byName).toEqual({ 'Docs.Documents.batchUpdate': 1, 'Docs.Documents.create': 1 });
    }
    expect(docText(large.doc)).toEqual(readingOrder(large.model));
    expect(buildDocsRequests(large.model).length).toBeGreaterThan(2000); // all in the one batch
  });

  it('with a chart: still 2 Docs calls, plus the same constant DocumentApp calls for 5 and 500 rows', () => {
    const small = render({ rows: 5, chart: true });
    const large = render({ rows: 500, chart: true });
    expect(small.calls.byName['Docs.Documents.create']).toBe(1);
    expect(small.calls.byName['Docs.Documents.batchUpdate']).toBe(1);
    expect(small.calls.byName['DocumentApp.openById']).toBe(1);
    expect(small.calls.byName['Document.saveAndClose']).toBe(1);
    expect(large.calls.byName).toEqual(small.calls.byName);
    // The Charts service builds the image from the chart's description (a constant ~30 builder
    // calls, no data read); the rest stays at most 16 calls.
    const chartCalls = Object.entries(small.calls.byName).filter(([n]) => /^(Charts|DataTableBuilder|BarChartBuilder|TextStyleBuilder|Chart)\./.test(n)).reduce((a, [, v]) => a + v, 0);
    expect(small.calls.byName['BarChartBuilder.build']).toBe(1);
    expect(chartCalls).toBeLessThanOrEqual(40);
    expect(small.calls.total - chartCalls).toBeLessThanOrEqual(16);
  });

  it('says clearly when the Docs advanced service is not enabled, before creating anything', () => {
    const { rt } = setup();
    const renderer = new GoogleDocsRenderer({ docs: undefined, documentApp: rt.services.DocumentApp as never });
    expect(() => renderer.createDocument(reportModel(), { name: 'x' })).toThrow(/Chưa bật dịch vụ Google Docs API.*Docs API advanced service \(Docs\) is not enabled/s);
    expect(rt.calls.count('Docs.*')).toBe(0);
  });

  it('a failed batch names the empty Doc that was created', () => {
    const { rt, renderer } = setup();
    const broken = { Documents: { create: (r: { title: string }) => (rt.services.Docs as never as { Documents: { create(r: unknown): Json } }).Documents.create(r), batchUpdate: () => { throw new Error('API call to docs.documents.batchUpdate failed with error: Internal error'); } } };
    const r2 = new GoogleDocsRenderer({ docs: broken as never });
    expect(() => r2.createDocument(reportModel(), { name: 'Báo cáo' })).toThrow(/Đã tạo văn bản “Báo cáo” nhưng chưa ghi được nội dung \(API call.*Internal error\).*https:\/\/docs\.google\.com\/document\/d\//s);
    void renderer;
  });

  it('exports the PDF through DocumentApp as base64, and gives the browser export link', () => {
    const { renderer, created } = render();
    const pdf = renderer.exportPdf(created.id);
    expect(pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').toString('utf8').startsWith('%PDF')).toBe(true);
    expect(pdfExportUrl(created.id)).toBe(`https://docs.google.com/document/d/${created.id}/export?format=pdf`);
  });
});

describe('GoogleDocsRenderer on the real report builders', () => {
  for (const type of ['quarterly', 'plan', 'initiatives'] as const) {
    it(`${type}: every word in reading order, hostile task names literal, 2 Docs calls`, async () => {
      const { buildReport } = await import('../../src/core/report/report.ts');
      const { BUILD_OPTIONS, HOSTILE_FORMULA, sampleData, sampleProgress } = await import('../core/report/fixture.ts');
      const model = buildReport(type, sampleData(), sampleProgress(), { ...BUILD_OPTIONS });
      const { rt, svc, renderer } = setup();
      rt.calls.reset();
      const created = renderer.createDocument(model, { name: model.meta.name });
      const calls = rt.calls.snapshot().byName;
      expect(calls['Docs.Documents.create']).toBe(1);
      expect(calls['Docs.Documents.batchUpdate']).toBe(1);
      const doc = svc.Docs.Documents.get(created.id);
      expect(docText(doc)).toEqual(readingOrder(model));
      if (JSON.stringify(model).includes(HOSTILE_FORMULA.slice(0, 10))) expect(docText(doc).join('\n')).toContain(HOSTILE_FORMULA);
    });
  }
});

describe('GoogleDocsRenderer inside an Apps Script-like bundle (another realm, globals only)', () => {
  it('finds Docs, DocumentApp and Utilities as globals and renders with 2 Docs calls', async () => {
    const esbuild = await import('esbuild');
    const vm = await import('node:vm');
    const path = await import('node:path');
    const entry = path.resolve(import.meta.dirname, '../../src/gas/docs-renderer.ts');
    const out = await esbuild.build({
      stdin: { contents: `import { GoogleDocsRenderer } from ${JSON.stringify(entry)};\nglobalThis.renderJson = (json) => new GoogleDocsRenderer().createDocument(JSON.parse(json), { name: 'Báo cáo thử' });`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2020',
    });
    const code = out.outputFiles[0]?.text ?? '';
    const withDocs = setup();
    const ctx = vm.createContext({ ...withDocs.rt.globals() });
    vm.runInContext(code, ctx);
    const model = reportModel({ rows: 20, chart: true, hostile: true });
    withDocs.rt.calls.reset();
    const created = JSON.parse(JSON.stringify((ctx.renderJson as (s: string) => unknown)(JSON.stringify(model)))) as { id: string; name: string };
    expect(created.name).toBe('Báo cáo thử');
    expect(withDocs.rt.calls.count('Docs.*')).toBe(2);
    expect(docText(withDocs.svc.Docs.Documents.get(created.id))).toEqual(readingOrder(model));

    // Without the advanced service (not enabled in the manifest): `Docs` is simply not defined.
    const bare = createRuntime({ now: '2024-02-05' });
    const ctx2 = vm.createContext({ ...bare.globals() });
    vm.runInContext(code, ctx2);
    expect(() => (ctx2.renderJson as (s: string) => unknown)(JSON.stringify(model))).toThrow(/Chưa bật dịch vụ Google Docs API/);
  });
});

describe('docsServices() in createRuntime', () => {
  it('DocumentApp still opens DocumentApp-made Docs (one counted call) besides API-made ones', () => {
    const { rt } = setup();
    const app = rt.services.DocumentApp as unknown as { create?: unknown; openById(id: string): { getName(): string } };
    const made = rt.documents.create('Làm bằng DocumentApp');
    rt.calls.reset();
    expect(app.openById(made.id).getName()).toBe('Làm bằng DocumentApp');
    expect(rt.calls.count('DocumentApp.openById')).toBe(1);
    expect(() => app.openById('no-such-doc')).toThrow(/no-such-doc is missing/);
  });
});

describe('docsServices() keeps the rest of DocumentApp', () => {
  it('create and the enums still work, each call counted once', () => {
    const { rt } = setup();
    const app = rt.services.DocumentApp as unknown as { create(n: string): { getId(): string }; ParagraphHeading: Record<string, string> };
    rt.calls.reset();
    const doc = app.create('Mới');
    expect(rt.documents.docs.has(doc.getId())).toBe(true);
    expect(rt.calls.count('DocumentApp.create')).toBe(1);
    expect(app.ParagraphHeading.HEADING1).toBe('HEADING1');
  });
});
