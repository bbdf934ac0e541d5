// What a real Google account answers and what the user reads: the Docs API disabled in a
// standard Cloud project, HTTP 429 (60 writes a minute per user: retried with backoff on the
// runtime's virtual clock), the daily quota of documents, a document too long for Google Docs.
// Each reaches the user as a clear Vietnamese message (an ApiFailure, not the generic error).

import { describe, expect, it } from 'vitest';
import { createRuntime } from '../gas-runtime/runtime.ts';
import { docsServiceFor, docsServices, docText, type DocsServiceOptions } from '../gas-runtime/docs-service.ts';
import { DOCS_BACKOFF_MS, GoogleDocsRenderer } from '../../src/gas/docs-renderer.ts';
import { buildDocsPlan } from '../../src/gas/docs-requests.ts';
import { isApiFailure } from '../../src/core/api.ts';
import { para } from '../../src/core/report/doc-model.ts';
import { readingOrder, reportModel } from './docs-fixtures.ts';

function setup(options: DocsServiceOptions = {}, quotas: { docsCreatedPerDay?: number } = {}) {
  const rt = createRuntime({ now: '2024-02-05', services: docsServices(options), quotas });
  const svc = docsServiceFor(rt);
  const renderer = new GoogleDocsRenderer({
    docs: rt.services.Docs as never,
    documentApp: rt.services.DocumentApp as never,
    utilities: rt.services.Utilities as never,
    random: () => 0.5,
  });
  return { rt, svc, renderer };
}

/** The error the renderer throws, which must be one the sidebar shows as it is. */
function failureOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isApiFailure(e), `a message for the user, not a bug: ${String(e)}`).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('did not fail');
}

describe('the Docs API disabled in the script’s standard Cloud project', () => {
  it('says in Vietnamese that the administrator must enable Google Docs API in the Cloud console, and tries nothing more', () => {
    const { rt, renderer } = setup({ apiDisabledInProject: '123456789012' });
    rt.calls.reset();
    const f = failureOf(() => renderer.createDocument(reportModel(), { name: 'Báo cáo' }));
    expect(f.code).toBe('DOCS');
    expect(f.message).toMatch(/^Google Docs API chưa được bật trong dự án Google Cloud của tiện ích/);
    expect(f.message).toContain('console.cloud.google.com');
    expect(f.message).toContain('has not been used in project 123456789012 before or it is disabled'); // Google's words, for the administrator
    expect(rt.calls.count('Docs.*')).toBe(1); // the create that answered so; no retry, no batch
    expect(rt.calls.count('Utilities.sleep')).toBe(0);
    expect(rt.documents.docs.size).toBe(0);
  });

  it('is told apart from the advanced service missing from the manifest (Docs undefined)', () => {
    const { rt } = setup();
    const bare = new GoogleDocsRenderer({ docs: undefined, documentApp: rt.services.DocumentApp as never });
    expect(failureOf(() => bare.createDocument(reportModel(), { name: 'x' })).message).toMatch(/^Chưa bật dịch vụ Google Docs API \(Docs\) cho tiện ích/);
  });
});

describe('HTTP 429: 60 writes a minute per user', () => {
  it('waits with Utilities.sleep (1 s, 2 s, 4 s… plus jitter) until the quota frees, then the Doc is complete', () => {
    const { rt, svc, renderer } = setup();
    svc.Docs.Documents._spendWrites(60); // another report, a moment ago
    const model = reportModel({ rows: 5 });
    rt.calls.reset();
    const start = rt.clock.date().getTime();
    const created = renderer.createDocument(model, { name: 'Báo cáo' });
    const waited = rt.clock.date().getTime() - start;
    const sleeps = rt.calls.count('Utilities.sleep');
    expect(sleeps).toBeGreaterThan(0);
    // The sleeps were the backoff's first steps (each plus 500 ms of jitter here), in total about the minute the quota needs.
    const slept = DOCS_BACKOFF_MS.slice(0, sleeps).reduce((a, b) => a + b + 500, 0);
    expect(waited).toBeGreaterThanOrEqual(slept);
    expect(waited).toBeGreaterThanOrEqual(60_000 - 1_000);
    expect(waited).toBeLessThan(6 * 60_000); // inside one execution
    expect(docText(svc.Docs.Documents.get(created.id))).toEqual(readingOrder(model));
    expect(rt.calls.count('Docs.Documents.create')).toBe(sleeps + 1);
  });

  it('a 429 that does not clear: six tries later a Vietnamese message to wait, with the unfinished Doc’s link', () => {
    const { rt, svc, renderer } = setup();
    const model = reportModel({ rows: 5 });
    // The create goes through, then every write is over quota (another add-on keeps writing).
    const docs = rt.services.Docs as { Documents: { batchUpdate: (...a: unknown[]) => unknown } };
    const real = docs.Documents;
    const flooded = {
      create: (r: unknown) => (real as unknown as { create(r: unknown): unknown }).create(r),
      batchUpdate: (...a: unknown[]) => {
        svc.Docs.Documents._spendWrites(60);
        return real.batchUpdate(...a);
      },
    };
    const r2 = new GoogleDocsRenderer({ docs: { Documents: flooded } as never, utilities: rt.services.Utilities as never, random: () => 0 });
    rt.calls.reset();
    const start = rt.clock.date().getTime();
    const f = failureOf(() => r2.createDocument(model, { name: 'Báo cáo' }));
    expect(f.message).toMatch(/^Google Docs đang giới hạn số lần ghi của tài khoản này \(60 lần một phút\)\. Tiện ích đã thử 7 lần/);
    expect(f.message).toMatch(/https:\/\/docs\.google\.com\/document\/d\/fake-doc-\d+\/edit/);
    expect(rt.calls.count('Utilities.sleep')).toBe(DOCS_BACKOFF_MS.length);
    expect(rt.clock.date().getTime() - start).toBeGreaterThanOrEqual(DOCS_BACKOFF_MS.reduce((a, b) => a + b, 0));
    void renderer;
  });
});

describe('the daily quota of documents', () => {
  it('says to try tomorrow (or make it on a computer), without retrying', () => {
    const { rt, renderer } = setup({ createCountsTowardsDailyQuota: true }, { docsCreatedPerDay: 1 });
    renderer.createDocument(reportModel(), { name: 'Một' });
    rt.calls.reset();
    const f = failureOf(() => renderer.createDocument(reportModel(), { name: 'Hai' }));
    expect(f.message).toMatch(/^Tài khoản Google này đã tạo đủ số văn bản Google Docs cho phép trong hôm nay/);
    expect(rt.calls.snapshot().byName).toEqual({ 'Docs.Documents.create': 1 });
    rt.clock.advance(24 * 3600_000);
    expect(() => renderer.createDocument(reportModel(), { name: 'Hai' })).not.toThrow();
  });
});

describe('a document too long for Google Docs', () => {
  it('is refused before anything is created, saying how long it is and Google’s limit', () => {
    const { rt, renderer } = setup();
    const model = { ...reportModel({ rows: 1 }), blocks: [para('Rất dài. '.repeat(120_000))] };
    expect(buildDocsPlan(model).endIndex).toBeGreaterThan(1_020_000);
    rt.calls.reset();
    const f = failureOf(() => renderer.createDocument(model, { name: 'Quá dài' }));
    expect(f.message).toMatch(/^Văn bản “Quá dài” quá dài cho Google Docs \(1080\d+ ký tự; Google Docs chứa tối đa 1020000 ký tự\)/);
    expect(rt.calls.count()).toBe(0);
  });
});
