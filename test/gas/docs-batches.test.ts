// A long report goes to Google Docs as several batchUpdate calls, in order, each within the
// limits; the offline Docs service refuses what Google refuses: a body over 10,485,760 bytes, a
// Doc over 1.02 million characters, a field or an enum value the Docs v1 reference does not have,
// a field mask naming one, and more than 60 writes a minute per user.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuntimeCore } from '../gas-runtime/core.ts';
import { createRuntime } from '../gas-runtime/runtime.ts';
import {
  createDocsService,
  DOCS_MAX_DOCUMENT_CHARACTERS,
  DOCS_MAX_PAYLOAD_BYTES,
  DOCS_WRITES_PER_MINUTE,
  docsServiceFor,
  docsServices,
  docText,
} from '../gas-runtime/docs-service.ts';
import { GoogleDocsRenderer } from '../../src/gas/docs-renderer.ts';
import { buildDocsPlan, DOCS_BATCH_LIMITS, splitBatches, utf8Length, type DocsRequest } from '../../src/gas/docs-requests.ts';
import { readingOrder, reportModel, tasksTable } from './docs-fixtures.ts';

const fresh = () => {
  const core = new RuntimeCore({ now: new Date('2024-06-30T02:00:00Z') });
  const svc = createDocsService(core);
  const id = svc.Docs.Documents.create({ title: 't' }).documentId as string;
  return { core, svc, id, get: () => svc.Docs.Documents.get(id) };
};
const bodyBytes = (requests: DocsRequest[]) => utf8Length(JSON.stringify({ requests }));

describe('splitBatches', () => {
  it('keeps every request, in order, and no batch passes its limits', () => {
    const request = fc.oneof(
      fc.string({ maxLength: 400 }).map((text): DocsRequest => ({ insertText: { location: { index: 1 }, text: text || 'x' } })),
      fc.constant<DocsRequest>({ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true }, fields: 'bold' } }),
    );
    fc.assert(
      fc.property(fc.array(request, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 200, max: 5000 }), (requests, maxRequests, maxBytes) => {
        const batches = splitBatches(requests, { maxRequests, maxBytes });
        expect(batches.flat()).toEqual(requests);
        for (const b of batches) {
          expect(b.length).toBeGreaterThan(0);
          expect(b.length).toBeLessThanOrEqual(maxRequests);
          // Over the byte limit only a request too big on its own, alone in its batch.
          if (b.length > 1) expect(bodyBytes(b)).toBeLessThanOrEqual(maxBytes);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('measures bytes as UTF-8, as Google does (Vietnamese letters are 2 or 3 bytes)', () => {
    expect(utf8Length('Ủy ban 😀')).toBe(Buffer.byteLength('Ủy ban 😀', 'utf8'));
    const text = 'Ủ'.repeat(300);
    const r: DocsRequest = { insertText: { location: { index: 1 }, text } };
    // Two fit by UTF-16 length (300 units each), not by UTF-8 bytes (900 each).
    const batches = splitBatches([r, r, r, r], { maxRequests: 100, maxBytes: bodyBytes([r, r]) - 1 });
    expect(batches.map((b) => b.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('a long report in several batches', () => {
  it('1,200 rows: several batchUpdate calls within the limits, in order; the Doc reads exactly as the model', () => {
    const rt = createRuntime({ now: '2024-02-05', services: docsServices() });
    const svc = docsServiceFor(rt);
    const model = { ...reportModel({ rows: 1 }), blocks: [...reportModel({ rows: 1 }).blocks, tasksTable(1_200)] };
    const plan = buildDocsPlan(model);
    const renderer = new GoogleDocsRenderer({ docs: rt.services.Docs as never, documentApp: rt.services.DocumentApp as never, utilities: rt.services.Utilities as never });
    rt.calls.reset();
    const created = renderer.createDocument(model, { name: 'Dài' });
    expect(plan.batches.length).toBeGreaterThan(1);
    expect(rt.calls.snapshot().byName).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': plan.batches.length });
    const sent = svc.Docs.Documents.sent.filter((s) => s.documentId === created.id);
    expect(sent.map((s) => s.requests)).toEqual(plan.batches.map((b) => b.length));
    for (const s of sent) {
      expect(s.requests).toBeLessThanOrEqual(DOCS_BATCH_LIMITS.maxRequests);
      expect(s.bytes).toBeLessThanOrEqual(DOCS_BATCH_LIMITS.maxBytes);
    }
    expect(docText(svc.Docs.Documents.get(created.id))).toEqual(readingOrder(model));
  }, 60_000);
});

describe('the offline Docs service refuses what Google refuses', () => {
  it('a request body over 10,485,760 bytes, with Google’s message, applying nothing', () => {
    const { svc, id, get } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'abc' } }] }, id);
    const before = JSON.stringify(get());
    const style: DocsRequest = { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true, italic: false, underline: false }, fields: 'bold,italic,underline' } };
    const requests = Array.from({ length: Math.ceil(DOCS_MAX_PAYLOAD_BYTES / (utf8Length(JSON.stringify(style)) + 1)) + 1 }, () => style);
    expect(bodyBytes(requests)).toBeGreaterThan(DOCS_MAX_PAYLOAD_BYTES);
    expect(() => svc.Docs.Documents.batchUpdate({ requests }, id)).toThrow('API call to docs.documents.batchUpdate failed with error: Request payload size exceeds the limit: 10485760 bytes.');
    expect(JSON.stringify(get())).toBe(before);
  });

  it('a Doc past 1.02 million characters: the batch that would pass it is refused whole', () => {
    const { svc, id } = fresh();
    const stored = () => svc.store.docs.get(id)!.doc;
    const half = 'a'.repeat(Math.floor(DOCS_MAX_DOCUMENT_CHARACTERS / 2) + 10);
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: half } }] }, id);
    const before = { revision: stored().revision, length: stored().toks.length };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: half } }] }, id)).toThrow(/Invalid requests\[0\]\.insertText: .*maximum size of 1020000 characters/);
    expect({ revision: stored().revision, length: stored().toks.length }).toEqual(before);
  });

  it('a style field the reference does not have', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'abc' } }] }, id);
    const bad = { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true, fontWeight: 700 }, fields: 'bold' } } as unknown as DocsRequest;
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [bad] }, id)).toThrow(`Invalid JSON payload received. Unknown name "fontWeight" at 'requests[0].update_text_style.text_style': Cannot find field.`);
    const nested = { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { spaceAbove: { magnitude: 3, units: 'PT' } }, fields: 'spaceAbove' } } as unknown as DocsRequest;
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [nested] }, id)).toThrow(`Unknown name "units" at 'requests[0].update_paragraph_style.paragraph_style.space_above'`);
  });

  it('an enum value the reference does not have (LEFT is START, PX is not a unit)', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'abc' } }] }, id);
    const left = { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { alignment: 'LEFT' }, fields: 'alignment' } };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [left] }, id)).toThrow(`Invalid value at 'requests[0].update_paragraph_style.paragraph_style.alignment' (TYPE_ENUM), "LEFT"`);
    const px = { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { fontSize: { magnitude: 12, unit: 'PX' } }, fields: 'fontSize' } };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [px] }, id)).toThrow(`'requests[0].update_text_style.text_style.font_size.unit' (TYPE_ENUM), "PX"`);
    const cell = { updateTableCellStyle: { tableStartLocation: { index: 2 }, tableCellStyle: { contentAlignment: 'CENTER' }, fields: 'contentAlignment' } };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [cell] }, id)).toThrow(/content_alignment' \(TYPE_ENUM\), "CENTER"/);
    // Every value the add-on sends is one the reference has.
    const { requests } = buildDocsPlan(reportModel({ rows: 3, chart: true }));
    const f = fresh();
    expect(() => f.svc.Docs.Documents.batchUpdate({ requests }, f.id)).not.toThrow();
  });

  it('a field mask naming a field the style does not have', () => {
    const { svc, id } = fresh();
    svc.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'abc' } }] }, id);
    const mask = { updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true }, fields: 'bold,fontWeight' } };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [mask] }, id)).toThrow(/Invalid requests\[0\]\.updateTextStyle: .*'fontWeight' is not a field of TextStyle/);
    const cols = { updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [0], tableColumnProperties: { width: { magnitude: 50, unit: 'PT' } }, fields: 'width,minWidth' } };
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [cols] }, id)).toThrow(/'minWidth' is not a field of TableColumnProperties/);
  });

  it('more than 60 writes a minute per user: HTTP 429 with Google’s message; a minute later they go through', () => {
    const { core, svc, id } = fresh(); // create was write 1
    const one: DocsRequest = { insertText: { location: { index: 1 }, text: 'a' } };
    for (let i = 1; i < DOCS_WRITES_PER_MINUTE; i += 1) svc.Docs.Documents.batchUpdate({ requests: [one] }, id);
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [one] }, id)).toThrow(
      /^API call to docs\.documents\.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs\.googleapis\.com'/,
    );
    expect(() => svc.Docs.Documents.get(id)).not.toThrow(); // reads have their own, larger quota
    core.advance(60_000);
    expect(() => svc.Docs.Documents.batchUpdate({ requests: [one] }, id)).not.toThrow();
  });

  it('reports each applied batch (uncounted), so tests and the bench see the sizes', () => {
    const { svc, id } = fresh();
    const requests: DocsRequest[] = [{ insertText: { location: { index: 1 }, text: 'Ủy ban' } }];
    svc.Docs.Documents.batchUpdate({ requests }, id);
    expect(svc.Docs.Documents.sent).toEqual([{ documentId: id, requests: 1, bytes: bodyBytes(requests) }]);
  });
});
