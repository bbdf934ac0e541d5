// buildDocsRequests' index arithmetic, checked by applying the requests to the fake Docs service
// (which keeps Google's own index space), and the fake's own rules against Google's documented
// behaviour.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuntimeCore } from '../gas-runtime/core.ts';
import { createDocsService, docParagraphs, docTables, docText } from '../gas-runtime/docs-service.ts';
import { buildDocsPlan, buildDocsRequests, docsText } from '../../src/gas/docs-requests.ts';
import { DECREE_30_PAGE, cell, para, type Block, type DocModel, type TableBlock } from '../../src/core/report/doc-model.ts';
import { readingOrder, reportModel } from './docs-fixtures.ts';

type Json = Record<string, unknown>;

const fresh = () => {
  const core = new RuntimeCore({ now: new Date('2024-06-30T02:00:00Z') });
  const svc = createDocsService(core);
  const id = svc.Docs.Documents.create({ title: 't' }).documentId as string;
  return { core, svc, id, get: () => svc.Docs.Documents.get(id) };
};

const model = (blocks: Block[]): DocModel => ({
  modelVersion: 1,
  meta: { type: 'plan', number: 1, symbol: 'KH', unitCode: 'X', date: '2024-01-01', name: 'n' },
  page: DECREE_30_PAGE,
  blocks,
});

const table = (rows: string[][], header: string[]): TableBlock => ({
  kind: 'table',
  caption: '',
  columns: header.map((h) => ({ header: h, width: 1 / header.length, align: 'left' as const })),
  rows: rows.map((r) => r.map((t) => cell(t))),
  note: '',
  size: 13,
});

const bodyEnd = (doc: Json): number => {
  const content = (doc.body as Json).content as Json[];
  return content[content.length - 1]?.endIndex as number;
};

describe('the fake Docs service follows Google’s index rules', () => {
  it('a 2×2 table inserted at index 1 starts at 2 and spans 12 indices, cell (0,0) paragraph at S+3', () => {
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertTable: { rows: 2, columns: 2, location: { index: 1 } } }] }, id);
    const [t] = docTables(get());
    expect(t?.startIndex).toBe(2);
    expect(t?.endIndex).toBe(14);
    const rows = t?.tableRows as Json[];
    const c00 = (rows[0]?.tableCells as Json[])[0] as Json;
    expect([c00.startIndex, c00.endIndex]).toEqual([4, 6]);
    expect(((c00.content as Json[])[0] as Json).startIndex).toBe(5);
    const c11 = (rows[1]?.tableCells as Json[])[1] as Json;
    expect(((c11.content as Json[])[0] as Json).startIndex).toBe(12);
  });

  it('fills cells back to front at the documented indices (the A1…B2 example)', () => {
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate(
      {
        requests: [
          { insertTable: { rows: 2, columns: 2, location: { index: 1 } } },
          { insertText: { text: 'B2', location: { index: 12 } } },
          { insertText: { text: 'A2', location: { index: 10 } } },
          { insertText: { text: 'B1', location: { index: 7 } } },
          { insertText: { text: 'A1', location: { index: 5 } } },
        ],
      },
      id,
    );
    expect(docText(get())).toEqual(['A1', 'B1', 'A2', 'B2']);
  });

  it('rejects an index past the segment with Google’s message, and applies nothing of the batch', () => {
    const { svc, id, get } = fresh();
    const before = JSON.stringify(get());
    expect(() =>
      svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'ok', location: { index: 1 } } }, { insertText: { text: 'x', location: { index: 120 } } }] }, id),
    ).toThrow('API call to docs.documents.batchUpdate failed with error: Invalid requests[1].insertText: Index 120 must be less than the end index of the referenced segment, 4.');
    expect(JSON.stringify(get())).toBe(before);
  });

  it('rejects a style range that includes the final newline', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'abc', location: { index: 1 } } }] }, id);
    expect(() =>
      svc.Docs.Documents.batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 5 }, textStyle: { bold: true }, fields: 'bold' } }] }, id),
    ).toThrow('Index 5 must be less than the end index of the referenced segment, 5.');
  });

  it('refuses text at a table’s start index (outside any paragraph)', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }] }, id);
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'x', location: { index: 2 } } }] }, id)).toThrow(/requests\[0\]\.insertText: The insertion index must be inside the bounds of an existing paragraph/);
  });

  it('strips control characters as the API does, so a \\r shortens the text', () => {
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'a\r\u0007b', location: { index: 1 } } }] }, id);
    expect(docText(get())).toEqual(['ab']);
    expect(bodyEnd(get())).toBe(4);
  });

  it('an update without fields is refused with Google’s message', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'abc', location: { index: 1 } } }] }, id);
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } }] }, id)).toThrow(
      "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
  });

  it('an unknown document id fails like the advanced service', () => {
    const { svc } = fresh();
    expect(() => svc.Docs.Documents.get('nope')).toThrow('API call to docs.documents.get failed with error: Requested entity was not found.');
  });
});

describe('buildDocsRequests', () => {
  it('writes a paragraph at index 1 of a new Doc and closes the body with an empty paragraph', () => {
    const requests = buildDocsRequests(model([para('Xin chào')]));
    expect(requests[1]).toEqual({ insertText: { location: { index: 1 }, text: 'Xin chào' } });
    expect(requests[2]).toEqual({ insertText: { location: { index: 9 }, text: '\n' } });
  });

  it('puts a table at index 1 and fills its last cell first, at S + 3 + r(2C+1) + 2c', () => {
    const requests = buildDocsRequests(model([table([['A2', 'B2']], ['A1', 'B1'])]));
    const inserts = requests.filter((r) => 'insertText' in r || 'insertTable' in r);
    expect(inserts.slice(0, 5)).toEqual([
      { insertTable: { rows: 2, columns: 2, location: { index: 1 } } },
      { insertText: { location: { index: 12 }, text: 'B2' } },
      { insertText: { location: { index: 10 }, text: 'A2' } },
      { insertText: { location: { index: 7 }, text: 'B1' } },
      { insertText: { location: { index: 5 }, text: 'A1' } },
    ]);
  });

  it('inserts a table after a paragraph inside it, so no blank line comes between', () => {
    const { svc, id, get } = fresh();
    const plan = buildDocsPlan(model([para('Trước'), table([['x']], ['h']), para('Sau')]));
    svc.Docs.Documents.batchUpdate({ requests: plan.requests }, id);
    const doc = get();
    const content = (doc.body as Json).content as Json[];
    const kinds = content.slice(1).map((e) => (e.table ? 'table' : ((e.paragraph as Json).elements as Json[]).map((x) => (x.textRun as Json)?.content ?? '').join('')));
    expect(kinds).toEqual(['Trước\n', 'table', 'Sau\n', '\n']);
    expect(plan.endIndex).toBe(bodyEnd(doc));
  });

  it('a whole report applies cleanly, reads in order, and the plan knows the final end index', () => {
    const m = reportModel({ rows: 12, chart: true, hostile: true });
    const { svc, id, get } = fresh();
    const plan = buildDocsPlan(m);
    svc.Docs.Documents.batchUpdate({ requests: plan.requests }, id);
    const doc = get();
    expect(plan.endIndex).toBe(bodyEnd(doc));
    // The chart image is still its marker here (the renderer replaces it through DocumentApp).
    const expected = readingOrder(m);
    const titleAt = expected.indexOf('Biểu đồ 1. Nhiệm vụ theo lĩnh vực');
    expected.splice(titleAt + 1, 0, '[[CCHC-IMG-1]]');
    expect(docText(doc)).toEqual(expected);
  });

  it('never leaves a style range on the body’s final newline', () => {
    const plan = buildDocsPlan(reportModel({ rows: 3 }));
    for (const r of plan.requests) {
      const body = (r.updateTextStyle ?? r.updateParagraphStyle) as Json | undefined;
      if (!body) continue;
      const range = body.range as { startIndex: number; endIndex: number };
      expect(range.endIndex).toBeLessThan(plan.endIndex);
      expect(range.startIndex).toBeGreaterThanOrEqual(1);
      expect(range.endIndex).toBeGreaterThan(range.startIndex);
    }
  });

  it('random documents: every request is valid in order and the text reads back exactly', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ễ', ' ', '\n', '\r', '\t', '\u0007', '😀', 'e\u0301', '=', '<', '\uE000'), maxLength: 12 });
    const block: fc.Arbitrary<Block> = fc.oneof(
      text.map((t) => para(t)),
      fc.constant<Block>({ kind: 'pageBreak' }),
      fc.array(text, { minLength: 1, maxLength: 3 }).map((items): Block => ({ kind: 'bullets', items: items.map((t) => [{ text: t }]) })),
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.array(text, { minLength: 1, maxLength: 20 }))
        .map(([cols, rows, texts]): Block => table(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => texts[(r * cols + c) % texts.length] ?? '')), Array.from({ length: cols }, (_, c) => texts[c % texts.length] ?? ''))),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const m = model(blocks);
        const { svc, id, get } = fresh();
        const plan = buildDocsPlan(m);
        svc.Docs.Documents.batchUpdate({ requests: plan.requests }, id);
        const doc = get();
        expect(plan.endIndex).toBe(bodyEnd(doc));
        expect(docText(doc)).toEqual(readingOrder(m));
      }),
      { numRuns: 150 },
    );
  });

  it('a keepWithNext paragraph gets keepWithNext and keepLinesTogether in the Doc; the one before it does not', () => {
    const signature: Block = {
      kind: 'signature',
      recipientsLabel: 'Nơi nhận:',
      recipients: ['- Phòng Nội vụ Quận 1;', '- Lưu: VT.'],
      authority: null,
      title: 'HIỆU TRƯỞNG',
      signSpaceLines: 2,
      name: 'Nguyễn Mai Hằng',
    };
    const m = model([para('Nội dung báo cáo.'), para('Trên đây là báo cáo./.', { keepWithNext: true }), signature]);
    const requests = buildDocsRequests(m);
    // the request itself names both fields
    const styled = requests.filter((r) => (r.updateParagraphStyle as Json | undefined)?.paragraphStyle && ((r.updateParagraphStyle as Json).paragraphStyle as Json).keepWithNext === true);
    expect(styled.length).toBeGreaterThan(0);
    expect(String((styled[0]!.updateParagraphStyle as Json).fields)).toMatch(/(^|,)keepWithNext(,|$)/);
    expect(String((styled[0]!.updateParagraphStyle as Json).fields)).toMatch(/(^|,)keepLinesTogether(,|$)/);
    // and the Doc they make
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate({ requests }, id);
    const ps = docParagraphs(get());
    const byText = (t: string) => ps.find((p) => p.text === t)!;
    expect(byText('Trên đây là báo cáo./.').style).toMatchObject({ keepWithNext: true, keepLinesTogether: true });
    expect(byText('Trên đây là báo cáo./.').inTable).toBe(false);
    expect(byText('Nội dung báo cáo.').style).toMatchObject({ keepWithNext: false, keepLinesTogether: false });
    // the table follows the closing paragraph directly: nothing between them to break the chain
    const content = (get().body as Json).content as Json[];
    const closingAt = content.findIndex((e) => ((e.paragraph as Json | undefined)?.elements as Json[] | undefined)?.some((x) => ((x.textRun as Json)?.content as string)?.startsWith('Trên đây là')));
    expect(content[closingAt + 1]?.table).toBeDefined();
    // inside the signature, each column's lines hold together: all but the last keep with the next
    const cells = ps.filter((p) => p.inTable);
    expect(cells.every((p) => p.style.keepLinesTogether === true)).toBe(true);
    expect(byText('Nơi nhận:').style.keepWithNext).toBe(true);
    expect(byText('- Lưu: VT.').style.keepWithNext).toBe(false);
    expect(byText('HIỆU TRƯỞNG').style.keepWithNext).toBe(true);
    expect(byText('Nguyễn Mai Hằng').style.keepWithNext).toBe(false);
  });

  it('keeps hostile text literal and counts it as the API does', () => {
    expect(docsText('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(docsText('a\r\nb')).toBe('a\u000bb');
    expect(docsText('x\u0000y\uE000z')).toBe('xyz');
  });

  it('rejects a row with more cells than the table has columns, naming the table', () => {
    const bad: TableBlock = { ...table([], ['A', 'B']), caption: 'Bảng lỗi', rows: [[cell('1'), cell('2'), cell('3')]] };
    expect(() => buildDocsRequests(model([bad]))).toThrow(/row 1 of table "Bảng lỗi" has more cells than the 2 columns/);
  });

  it('sets A4 and the Decree 30 margins in points, and a separate first-page header', () => {
    const [first] = buildDocsRequests(model([para('x')]));
    const ds = (first?.updateDocumentStyle as Json).documentStyle as Json;
    expect(ds.pageSize).toEqual({ width: { magnitude: 595.28, unit: 'PT' }, height: { magnitude: 841.89, unit: 'PT' } });
    expect(ds.marginTop).toEqual({ magnitude: 56.69, unit: 'PT' });
    expect(ds.marginLeft).toEqual({ magnitude: 85.04, unit: 'PT' });
    expect(ds.marginRight).toEqual({ magnitude: 42.52, unit: 'PT' });
    expect(ds.useFirstPageHeaderFooter).toBe(true);
  });

  it('an empty model still yields a valid batch', () => {
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: buildDocsRequests(model([])) }, id);
    expect(docText(get())).toEqual([]);
    expect(docParagraphs(get())).toHaveLength(1);
  });
});
