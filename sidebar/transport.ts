// How the sidebar reaches the server: google.script.run inside Google Sheets, or HTTP
// `POST /api/<name>` under `cchc serve`. Both validate the input before sending and the output on
// arrival with the api.ts schemas, and both fail only with an ApiError in the user's language.

import {
  API,
  apiEnvelopeSchema,
  apiError,
  apiErrorSchema,
  type ApiError,
  type ApiInput,
  type ApiName,
  type ApiOutput,
} from '../src/core/api.ts';
import type { Lang } from '../src/core/model.ts';

export interface Transport {
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
}

/** What every failed call rejects with. */
export class CallError extends Error {
  readonly code: string;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
  }
}

/** The slice of the client-side google.script API we use (typed here, not from the global types). */
interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}
interface GoogleScript {
  run: ScriptRunner;
}

/** google.script.run allows at most 10 concurrent calls from one page (Apps Script's documented limit). */
export const MAX_CONCURRENT = 10;

/** A FIFO gate letting at most `limit` tasks run at once. */
export function createLimiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

function checkedInput<N extends ApiName>(name: N, input: ApiInput<N>, lang: Lang): unknown {
  const parsed = API[name].input.safeParse(input);
  if (!parsed.success) throw new CallError(apiError('BAD_INPUT', lang));
  return parsed.data;
}

function checkedOutput<N extends ApiName>(name: N, value: unknown, lang: Lang): ApiOutput<N> {
  const parsed = API[name].output.safeParse(value);
  if (!parsed.success) {
    console.error(`cchc: ${name} answered outside the contract`, parsed.error.issues);
    throw new CallError(apiError('BAD_OUTPUT', lang));
  }
  return parsed.data as ApiOutput<N>;
}

/**
 * What both transports share: at most MAX_CONCURRENT calls at once, the input checked before it
 * leaves, the output checked when it arrives. `send` only moves the checked input and returns
 * the raw output (or throws a CallError); `after` sees each successful call.
 */
function checkedTransport(
  getLang: () => Lang,
  send: (name: ApiName, sent: unknown, lang: Lang) => Promise<unknown>,
  after?: (name: ApiName, sent: unknown, output: unknown) => void,
): Transport {
  const limit = createLimiter(MAX_CONCURRENT);
  return {
    call(name, input) {
      const lang = getLang();
      return limit(async () => {
        const sent = checkedInput(name, input, lang);
        const output = checkedOutput(name, await send(name, sent, lang), lang);
        after?.(name, sent, output);
        return output;
      });
    },
  };
}

export function gasTransport(script: GoogleScript, getLang: () => Lang): Transport {
  return checkedTransport(getLang, async (name, sent, lang) => {
    const envelope = await new Promise<unknown>((resolve, reject) => {
      const runner = script.run
        .withSuccessHandler(resolve)
        .withFailureHandler((error) => {
          // An exception escaped the server (quota, authorisation, timeout): its text is not
          // meant for users, so log it and show the generic message.
          console.error(`cchc: ${name} failed on the server`, error);
          reject(new CallError(apiError('SERVER', lang)));
        });
      // One top-level server function per call, named like it (src/gas/main.ts).
      const entry = runner[name];
      if (typeof entry !== 'function') {
        reject(new CallError(apiError('SERVER', lang)));
        return;
      }
      entry.call(runner, sent);
    });
    const parsed = apiEnvelopeSchema.safeParse(envelope);
    if (!parsed.success) throw new CallError(apiError('BAD_OUTPUT', lang));
    if (!parsed.data.ok) throw new CallError(parsed.data.error);
    return parsed.data.value;
  });
}

/** A successful call, told to the page around the sidebar in `cchc serve` (it shows the workbook). */
export interface CallNotice {
  source: 'cchc-sidebar';
  name: ApiName;
  input: unknown;
  output: unknown;
}

export function httpTransport(getLang: () => Lang, fetchImpl: typeof fetch = fetch.bind(globalThis)): Transport {
  return checkedTransport(
    getLang,
    async (name, sent, lang) => {
      let response: Response;
      try {
        response = await fetchImpl(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': lang },
          body: JSON.stringify(sent),
        });
      } catch {
        throw new CallError(apiError('NETWORK', lang));
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new CallError(apiError(response.ok ? 'BAD_OUTPUT' : 'SERVER', lang));
      }
      if (!response.ok) {
        const error = apiErrorSchema.safeParse(body);
        throw new CallError(error.success ? error.data : apiError('SERVER', lang));
      }
      return body;
    },
    (name, sent, output) => {
      // The page around the sidebar in `cchc serve` refreshes its view of the workbook.
      if (window.parent !== window) {
        const notice: CallNotice = { source: 'cchc-sidebar', name, input: sent, output };
        window.parent.postMessage(notice, window.location.origin);
      }
    },
  );
}

/** google.script.run when the sidebar runs inside Google Sheets, else HTTP. */
export function detectTransport(getLang: () => Lang): Transport {
  const g = (globalThis as { google?: { script?: GoogleScript } }).google;
  return g?.script?.run ? gasTransport(g.script, getLang) : httpTransport(getLang);
}
