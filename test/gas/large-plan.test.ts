// The 10,000-task plan through the built add-on, as a user makes it from the sidebar: the Doc is
// made in a few batches within the limits, stays under Google Docs' 1.02 million characters, and
// says where the rest of the long lists is (the sheet), instead of one 16 MB batch Google refuses.

import { describe, expect, it } from 'vitest';
import { createRuntime, loadAddon } from '../gas-runtime/index.ts';
import { DOCS_MAX_DOCUMENT_CHARACTERS, DOCS_MAX_PAYLOAD_BYTES, docsServiceFor, docsServices, docText } from '../gas-runtime/docs-service.ts';
import { DOCS_BATCH_LIMITS } from '../../src/gas/docs-requests.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { fillScaledSchool } from '../fixtures/scale-school.ts';

type Json = Record<string, unknown>;

describe('a 10,000-task plan as a Google Doc', () => {
  it('a few batches within the limits, under the size limit, the long lists capped with a note pointing to the sheet', () => {
    const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
    const svc = docsServiceFor(rt);
    const addon = loadAddon({ runtime: rt });
    expect((addon.run('installTemplate', {}) as { ok: boolean }).ok).toBe(true);
    rt.core.uncounted(() =>
      fillScaledSchool(new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never), { tasks: 10_000, kpis: 500, initiatives: 1_000 }),
    );
    rt.calls.reset();
    const answer = addon.run('generateReport', { type: 'plan', asOf: '2024-06-30' }) as { ok: boolean; value?: { url: string }; error?: unknown };
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const id = /\/d\/([^/]+)\/edit/.exec(answer.value?.url ?? '')?.[1] ?? '';

    const sent = svc.Docs.Documents.sent.filter((s) => s.documentId === id);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThanOrEqual(10); // far from 60 writes a minute
    for (const s of sent) {
      expect(s.requests).toBeLessThanOrEqual(DOCS_BATCH_LIMITS.maxRequests);
      expect(s.bytes).toBeLessThanOrEqual(DOCS_BATCH_LIMITS.maxBytes);
      expect(s.bytes).toBeLessThan(DOCS_MAX_PAYLOAD_BYTES / 4);
    }
    expect(rt.calls.count('Docs.Documents.batchUpdate')).toBe(sent.length);
    expect(rt.calls.count('Docs.Documents.create')).toBe(1);

    const doc = svc.Docs.Documents.get(id);
    const content = (doc.body as Json).content as Json[];
    expect(content[content.length - 1]?.endIndex as number).toBeLessThan(DOCS_MAX_DOCUMENT_CHARACTERS / 2);
    const text = docText(doc);
    // Section III and the appendix each say how many more tasks there are, and where.
    expect(text.some((t) => /^… và \d{4} nhiệm vụ khác: danh sách đầy đủ ở Phụ lục và trang “Kế hoạch” của bảng tính\.$/.test(t))).toBe(true);
    expect(text.some((t) => /^Bảng trên liệt kê 500 trong tổng số \d+ dòng; danh sách đầy đủ ở trang “Kế hoạch” của bảng tính\.$/.test(t))).toBe(true);
    // The document still closes with its signature.
    expect(text).toContain('PHỤ LỤC');
  }, 240_000);
});
