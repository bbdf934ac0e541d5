// UrlFetchApp: answers from responses the test registers (and Google's Sheets and Drive APIs,
// google-apis.ts); any other URL fails like a failed DNS lookup ("DNS error: <url>", as Apps
// Script reports an unknown host). HTTP errors throw unless muteHttpExceptions, with Google's
// "Request failed for … returned code …" message.
//
// Time: an answer may carry a latency. fetch waits for it; fetchAll sends every request at once
// ("makes multiple requests to fetch multiple URLs", developers.google.com/apps-script/reference/
// url-fetch/url-fetch-app#fetchAll(Object)) and returns, in request order, when the slowest is
// back. Each request counts against the daily URL fetch quota.

import { FakeBlob } from './blob.ts';
import { gasError, type RuntimeCore } from './core.ts';
import type { Quotas } from './runtime.ts';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: unknown;
  contentType: string | null;
}

export interface FetchResponseSpec {
  code?: number;
  /** A string, or any other value sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Simulated milliseconds until the answer is back. */
  latencyMs?: number;
}

type Matcher = string | RegExp | ((url: string) => boolean);

export interface FetchParams {
  method?: string;
  payload?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
  muteHttpExceptions?: boolean;
}

export class UrlFetchTable {
  private routes: { match: Matcher; respond: FetchResponseSpec | ((req: FetchRequest) => FetchResponseSpec) }[] = [];
  requests: FetchRequest[] = [];
  private perDay = new Map<string, number>();
  constructor(
    readonly core: RuntimeCore,
    private readonly quotas: Quotas,
  ) {}
  /** Answer requests whose URL equals / matches `match`. Later registrations win. */
  register(match: Matcher, respond: FetchResponseSpec | ((req: FetchRequest) => FetchResponseSpec)): void {
    this.routes.unshift({ match, respond });
  }
  find(req: FetchRequest): FetchResponseSpec | null {
    for (const r of this.routes) {
      const ok = typeof r.match === 'string' ? r.match === req.url : r.match instanceof RegExp ? r.match.test(req.url) : r.match(req.url);
      if (ok) return typeof r.respond === 'function' ? r.respond(req) : r.respond;
    }
    return null;
  }
  countToday(day: string): number {
    const n = (this.perDay.get(day) ?? 0) + 1;
    this.perDay.set(day, n);
    return n;
  }
  get dailyLimit(): number {
    return this.quotas.urlFetchPerDay;
  }
}

export class FakeHttpResponse {
  constructor(
    private readonly code: number,
    private readonly text: string,
    private readonly headers: Record<string, string>,
  ) {}
  getResponseCode(): number {
    return this.code;
  }
  getContentText(_charset?: string): string {
    return this.text;
  }
  getContent(): number[] {
    return new FakeBlob(this.text).getBytes();
  }
  getBlob(): FakeBlob {
    return new FakeBlob(this.text, this.headers['Content-Type'] ?? null);
  }
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
}

export class FakeUrlFetchApp {
  constructor(
    private readonly core: RuntimeCore,
    private readonly table: UrlFetchTable,
  ) {}
  /** Send one request at the current instant: its answer, or the exception Apps Script throws. */
  private send(url: string, params: FetchParams): { response: FakeHttpResponse | null; error: Error | null; latencyMs: number } {
    const day = new Date(this.core.nowMillis()).toISOString().slice(0, 10);
    if (this.table.countToday(day) > this.table.dailyLimit) return { response: null, error: gasError('Service invoked too many times for one day: urlfetch.'), latencyMs: 0 };
    const req: FetchRequest = {
      url: String(url),
      method: (params.method ?? 'get').toUpperCase(),
      headers: { ...(params.headers ?? {}) },
      payload: params.payload ?? null,
      contentType: params.contentType ?? null,
    };
    this.table.requests.push(req);
    const spec = this.table.find(req);
    if (!spec) return { response: null, error: gasError(`DNS error: ${req.url}`), latencyMs: 0 };
    const code = spec.code ?? 200;
    const text = spec.body === undefined ? '' : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
    const latencyMs = Math.max(0, spec.latencyMs ?? 0);
    if (code >= 400 && !params.muteHttpExceptions) {
      let origin = req.url;
      const m = /^[a-z]+:\/\/[^/?#]+/i.exec(req.url);
      if (m) origin = m[0];
      return { response: null, error: gasError(`Request failed for ${origin} returned code ${code}. Truncated server response: ${text.slice(0, 100)} (use muteHttpExceptions option to examine full response)`), latencyMs };
    }
    return { response: this.core.instrument(new FakeHttpResponse(code, text, { ...(spec.headers ?? {}) }), 'HTTPResponse'), error: null, latencyMs };
  }
  fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    const out = this.send(url, params);
    this.core.advance(out.latencyMs);
    if (out.error) throw out.error;
    return out.response!;
  }
  fetchAll(requests: (string | (FetchParams & { url: string }))[]): FakeHttpResponse[] {
    if (!Array.isArray(requests)) throw gasError(`The parameters (${typeof requests}) don't match the method signature for UrlFetchApp.fetchAll.`);
    const outs = requests.map((r) => (typeof r === 'string' ? this.send(r, {}) : this.send(r.url, r)));
    // Concurrent: the call ends with its slowest request.
    this.core.advance(Math.max(0, ...outs.map((o) => o.latencyMs)));
    const failed = outs.find((o) => o.error);
    if (failed?.error) throw failed.error;
    return outs.map((o) => o.response!);
  }
}

export function createUrlFetchApp(core: RuntimeCore, table: UrlFetchTable): FakeUrlFetchApp {
  return core.instrument(new FakeUrlFetchApp(core, table), 'UrlFetchApp');
}
