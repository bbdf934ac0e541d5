// `cchc serve`: the real sidebar in a local browser page, beside a read-only view of the
// workbook, with the sidebar's calls answered over HTTP by handlers the caller passes in.
// Listens on 127.0.0.1 only; refuses other Host/Origin headers (DNS rebinding, cross-site POSTs);
// and answers nothing but 403 without the session's token. The token is in the URL printed on the
// terminal (as Jupyter does): another local user, or a page in the browser, does not have it. The
// first page load with `?token=` sets it as an HttpOnly, SameSite=Strict cookie for the rest.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The namespace import lets esbuild drop what is unused (the named `z` pulls all of zod, ~750 KB).
import * as z from 'zod';
import { apiError, apiErrorStatus, dispatchApiCall, type ApiError, type ApiHandlers } from '../core/api.ts';
import { t } from '../core/i18n.ts';
import type { Lang } from '../core/model.ts';

// ---------------------------------------------------------------- the read-only workbook view

const cellTextSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const sheetViewSchema = z.object({
  name: z.string(),
  /** Row 1 first, column A first, as the user sees the values (dates already as text). */
  rows: z.array(z.array(cellTextSchema)),
  /** Cells the add-on marked (markProblems), shown tinted with the note as a tooltip. */
  marks: z.array(z.object({ cell: z.string(), note: z.string() })).optional(),
});
export type SheetView = z.output<typeof sheetViewSchema>;
const sheetsSchema = z.array(sheetViewSchema);

export interface Download {
  body: Uint8Array;
  contentType: string;
}

export type ServeHandlers = ApiHandlers & {
  /** Every sheet of the workbook, for `GET /api/sheets`. */
  readSheets(): SheetView[] | Promise<SheetView[]>;
  /** A file a report wrote, for `GET /download/<name>` (generateReport's `url`); null when none. */
  download?(name: string): Download | null | Promise<Download | null>;
};

export interface ServeOptions {
  /** The workbook's path, shown in the page title. */
  file?: string;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  handlers: ServeHandlers;
  /** The built sidebar page; default dist/Sidebar.html, else built now from sidebar/. */
  sidebarHtml?: string;
  /** Called with unexpected handler errors (they reach the user only as a generic message). */
  onError?: (error: unknown) => void;
}

export interface RunningServer {
  /** The page's address, with the session's token: open this one. */
  url: string;
  /** The session's token (a cookie after the first load; `x-cchc-token` for scripts). */
  token: string;
  /** `path` on this server, with the token (for tests and links printed to the user). */
  urlFor(path: string): string;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'cchc_session';

const MAX_BODY = 1_000_000;
/**
 * The project's folder: the nearest one above this module holding package.json (this code runs
 * from src/node/ under tsx and from dist/cli/chunks/ when built).
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const repoRoot = projectRoot();

/** What build-html.mjs builds; imported only when dist/ lacks its output. */
interface PageBuilder {
  buildSidebarHtml(): Promise<string>;
  buildHostScript(): Promise<string>;
}

/** `dist/<file>` as `npm run build` wrote it, else built now from sidebar/. */
async function loadBuilt(file: string, build: (builder: PageBuilder) => Promise<string>): Promise<string> {
  try {
    return await readFile(join(repoRoot, 'dist', file), 'utf8');
  } catch {
    // No build yet (a fresh checkout): build it now; esbuild is a dev dependency, present then.
    return build((await import(join(repoRoot, 'sidebar', 'build-html.mjs'))) as PageBuilder);
  }
}

const loadSidebarHtml = () => loadBuilt('Sidebar.html', (b) => b.buildSidebarHtml());
/** The host page's script (sidebar/host/host.ts), built and safe to inline. */
const loadHostScript = () => loadBuilt('serve-host.js.txt', (b) => b.buildHostScript());

/** `script-src` hashes of a page's inline scripts: inline event handlers stay forbidden. */
function cspFor(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src ${hashes.join(' ') || "'none'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const langOf = (req: IncomingMessage): Lang => (/^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'vi');

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

const sendError = (res: ServerResponse, error: ApiError) => sendJson(res, apiErrorStatus(error.code), error);

/** The body, or 'tooLarge' past MAX_BODY (announced by Content-Length, or once counted). */
async function readBody(req: IncomingMessage): Promise<string | 'tooLarge'> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return 'tooLarge';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return 'tooLarge';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return null;
}

/** Which methods each path answers (405 with Allow otherwise). */
function allowedMethods(path: string): string | null {
  if (path === '/' || path === '/sidebar' || path === '/favicon.ico' || path === '/api/sheets' || path.startsWith('/download/')) return 'GET';
  if (path.startsWith('/api/')) return 'POST';
  return null;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { handlers, file, onError } = options;
  const sidebar = options.sidebarHtml ?? (await loadSidebarHtml());
  const host = hostPage(file ? basename(file) : 'CCHC', await loadHostScript());
  const sidebarCsp = cspFor(sidebar);
  const hostCsp = cspFor(host);
  let allowedHosts = new Set<string>();
  const token = randomBytes(24).toString('base64url');

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      onError?.(error);
      if (!res.headersSent) sendError(res, apiError('SERVER', langOf(req)));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const lang = langOf(req);
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendError(res, { code: 'NOT_ALLOWED', message: t(lang, 'cli.hostNotAllowed') });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendError(res, apiError('BAD_INPUT', lang));
      return;
    }
    const path = url.pathname;
    // The session's token: in the query on the first load (then a cookie), or a header.
    const given = url.searchParams.get('token') ?? (req.headers['x-cchc-token'] as string | undefined) ?? cookieToken(req);
    if (given === null || !sameSecret(given, token)) {
      sendError(res, { code: 'NOT_ALLOWED', message: t(lang, 'cli.noSessionToken') });
      return;
    }
    const cookie: Record<string, string> = url.searchParams.has('token') ? { 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {};
    const allow = allowedMethods(path);
    if (allow !== null && req.method !== allow && !(allow === 'GET' && req.method === 'HEAD')) {
      send(res, 405, 'application/json; charset=utf-8', JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: t(lang, 'cli.onlyMethod', { method: allow }) }), { allow });
      return;
    }

    if (path === '/') {
      send(res, 200, 'text/html; charset=utf-8', host, { 'content-security-policy': hostCsp, ...cookie });
      return;
    }
    if (path === '/sidebar') {
      send(res, 200, 'text/html; charset=utf-8', sidebar, { 'content-security-policy': sidebarCsp, ...cookie });
      return;
    }
    if (req.method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && path === '/api/sheets') {
      const sheets = sheetsSchema.safeParse(await handlers.readSheets());
      if (!sheets.success) {
        onError?.(sheets.error);
        sendError(res, apiError('BAD_OUTPUT', lang));
        return;
      }
      sendJson(res, 200, sheets.data);
      return;
    }
    if (req.method === 'GET' && path.startsWith('/download/') && handlers.download) {
      const name = decodeURIComponent(path.slice('/download/'.length));
      const file = name.includes('/') || name.includes('\\') ? null : await handlers.download(name);
      if (file) {
        send(res, 200, file.contentType, file.body, {
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
        return;
      }
    }
    if (path.startsWith('/api/')) {
      // A browser sends Origin on a POST; another site's page must not drive this server.
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        sendError(res, { code: 'NOT_ALLOWED', message: t(lang, 'cli.originNotAllowed') });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendError(res, apiError('BAD_INPUT', lang, 'content-type'));
        return;
      }
      const text = await readBody(req);
      if (text === 'tooLarge') {
        send(res, 413, 'application/json; charset=utf-8', JSON.stringify(apiError('BAD_INPUT', lang, t(lang, 'cli.bodyTooLarge'))), { connection: 'close' });
        req.resume();
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(text || '{}');
      } catch {
        input = undefined;
      }
      if (input === undefined) {
        sendError(res, apiError('BAD_INPUT', lang, 'JSON'));
        return;
      }
      const result = await dispatchApiCall(handlers, path.slice('/api/'.length), input, lang, onError);
      if (result.ok) sendJson(res, 200, result.value);
      else sendError(res, result.error);
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', t(lang, 'cli.pageNotFound'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 8080;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  let closing: Promise<void> | null = null;
  const urlFor = (path: string) => {
    const u = new URL(path, `http://127.0.0.1:${port}/`);
    u.searchParams.set('token', token);
    return u.href;
  };
  return {
    url: urlFor('/'),
    token,
    urlFor,
    // Idempotent: a second close (a test's cleanup after its own) waits for the first.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })),
  };
}

// ---------------------------------------------------------------- the page around the sidebar

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The host page: sheet tabs and a table (cells as text) on the left, the sidebar in a 300-px frame
 * on the right. Its script (sidebar/host/host.ts, `script`) shows the sheets and follows what the
 * sidebar tells it about each successful call (transport.ts `CallNotice`): a selectCell
 * highlights the cell; a call that writes to the workbook reloads the view.
 */
function hostPage(title: string, script: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · CCHC</title>
<style>
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 Roboto, Arial, sans-serif; color: #202124; }
body { display: flex; }
#book { flex: 1; min-width: 0; display: flex; flex-direction: column; }
#book header { padding: 6px 10px; background: #f8f9fa; border-bottom: 1px solid #dadce0; }
#book header h1 { font-size: 14px; margin: 0; }
#book header p { margin: 0; color: #5f6368; font-size: 12px; }
#grid { flex: 1; overflow: auto; }
#tabs { display: flex; gap: 2px; overflow-x: auto; padding: 4px 6px 0; background: #f1f3f4; border-top: 1px solid #dadce0; }
#tabs button { font: inherit; border: 1px solid #dadce0; border-top: 0; background: #e8eaed; padding: 4px 10px; cursor: pointer; white-space: nowrap; }
#tabs button[aria-selected="true"] { background: #fff; color: #1a73e8; font-weight: 600; }
#tabs button:focus-visible { outline: 3px solid #e37400; outline-offset: -3px; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #e0e0e0; padding: 2px 6px; max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: top; }
th { background: #f8f9fa; color: #5f6368; font-weight: 400; position: sticky; top: 0; }
th.rowhead { position: sticky; left: 0; }
td.marked { background: #fce8e6; }
td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; background: #e8f0fe; }
#sidebar { width: 300px; flex: none; border: 0; border-left: 1px solid #dadce0; height: 100%; }
#empty { padding: 16px; color: #5f6368; }
</style>
</head>
<body>
<section id="book" aria-label="Bảng tính (chỉ xem)">
<header><h1>${escapeHtml(title)}</h1><p>Chỉ xem · Read-only</p></header>
<div id="grid" tabindex="0"><p id="empty">Đang tải…</p></div>
<div id="tabs" role="tablist" aria-label="Trang tính"></div>
</section>
<iframe id="sidebar" src="/sidebar" title="CCHC"></iframe>
<script>${script}</script>
</body>
</html>`;
}
