// `cchc serve` over plain HTTP (no browser): status codes, ApiError bodies, and what it refuses.

import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/serve.ts';
import { createFakeServer, type FakeControl } from './fake-server.ts';

let server: RunningServer;
let control: FakeControl;
let errors: unknown[];

beforeEach(async () => {
  const fake = createFakeServer();
  control = fake.control;
  errors = [];
  server = await startServer({ handlers: fake.handlers, port: 0, sidebarHtml: '<!doctype html><script>1</script>', onError: (e) => errors.push(e) });
});
afterEach(() => server.close());

const post = (name: string, body: string, headers: Record<string, string> = {}) =>
  fetch(new URL(`/api/${name}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-cchc-token': server.token, ...headers }, body });

/** A raw request, for headers fetch will not let us set (Host). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /api/<name>', () => {
  it('answers 200 with the output', async () => {
    const res = await post('selectCell', JSON.stringify({ sheet: 'Kế hoạch', cell: 'G6' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sheet: 'Kế hoạch', cell: 'G6' });
  });

  it('answers 400 BAD_INPUT in the language asked, and never calls the handler', async () => {
    const res = await post('validate', JSON.stringify({ asOf: '31/12/2024' }), { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^The request is not valid/) });
    expect(control.calls).toEqual([]);
  });

  it('refuses a body that is not JSON, or not sent as JSON (a cross-site form post)', async () => {
    expect((await post('validate', '{not json')).status).toBe(400);
    const form = await fetch(new URL('/api/clearMarks', server.url), { method: 'POST', headers: { 'content-type': 'text/plain', 'x-cchc-token': server.token }, body: '{}' });
    expect(form.status).toBe(400);
    expect(control.calls).toEqual([]);
  });

  it('refuses a body over 1 MB with 413, and calls nothing', async () => {
    const res = await post('validate', JSON.stringify({ pad: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(control.calls).toEqual([]);
  });

  it('answers 404 UNKNOWN_CALL for a name outside the contract, and 405 for GET', async () => {
    expect((await post('deleteEverything', '{}')).status).toBe(404);
    expect((await fetch(server.urlFor('/api/validate'))).status).toBe(405);
  });

  it('refuses a POST from another origin', async () => {
    const res = await post('clearMarks', '{}', { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(control.calls).toEqual([]);
  });

  it('answers 500 with the generic message for an unexpected failure, and reports it', async () => {
    control.failNext('updateProgress', 'unexpected');
    const res = await post('updateProgress', '{}');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('SERVER');
    expect(body.message).not.toMatch(/TypeError|progress\.ts/);
    expect(errors).toHaveLength(1);
  });

  it('answers 409 for a handler saying it is busy', async () => {
    control.failNext('markProblems', 'busy');
    const res = await post('markProblems', '{}');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ code: 'BUSY', message: 'Đang có người khác cập nhật bảng tính. Vui lòng thử lại sau ít phút.' });
  });
});

describe('the session token: another local user or page gets nothing', () => {
  it('refuses every path without the token, with 403 and no handler called', async () => {
    for (const path of ['/', '/sidebar', '/api/sheets', '/download/bao-cao.docx']) {
      expect((await fetch(new URL(path, server.url))).status, path).toBe(403);
    }
    const res = await fetch(new URL('/api/clearMarks', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    const wrong = await fetch(new URL('/api/clearMarks', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-cchc-token': 'x'.repeat(server.token.length) }, body: '{}' });
    expect(wrong.status).toBe(403);
    expect(control.calls).toEqual([]);
  });

  it('sets an HttpOnly, SameSite=Strict cookie on the first load, which then opens the API', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cchc_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const api = await fetch(new URL('/api/selectCell', server.url), { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! }, body: JSON.stringify({ sheet: 'Kế hoạch', cell: 'A2' }) });
    expect(api.status).toBe(200);
  });

  it('two servers have two tokens', async () => {
    const other = await startServer({ handlers: createFakeServer().handlers, port: 0, sidebarHtml: '<!doctype html>' });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.token.length).toBeGreaterThanOrEqual(32);
      expect((await fetch(new URL(`/?token=${server.token}`, other.url))).status).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe('methods', () => {
  it('answers 405 with Allow for a wrong method, and never a stack', async () => {
    const put = await fetch(server.urlFor('/api/validate'), { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    const del = await fetch(server.urlFor('/sidebar'), { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET');
    expect(await del.text()).not.toMatch(/at .*\.ts/);
    expect(control.calls).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('pages and files', () => {
  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    expect((await raw('/api/sheets', { host: 'attacker.example:80' })).status).toBe(403);
    expect((await raw(`/api/sheets?token=${server.token}`, { host: new URL(server.url).host })).status).toBe(200);
  });

  it('serves the sidebar with a CSP that allows only its own inline script', async () => {
    const res = await fetch(server.urlFor('/sidebar'));
    expect(await res.text()).toBe('<!doctype html><script>1</script>');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
  });

  it('downloads a report by name, but not a path outside the folder', async () => {
    const ok = await fetch(server.urlFor('/download/bao-cao.docx'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain("filename*=UTF-8''bao-cao.docx");
    expect((await fetch(server.urlFor('/download/..%2F..%2Fetc%2Fpasswd.docx'))).status).toBe(404);
  });

  it('closes twice without complaint', async () => {
    await server.close();
    await server.close();
  });
});
