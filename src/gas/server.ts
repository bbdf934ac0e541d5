// One sidebar call inside Apps Script: build the context, dispatch through the typed API
// (input and output validated), answer an ApiEnvelope. Apps Script cannot wait for a Promise, so
// the dispatch must complete synchronously; it does, because every Apps Script port is synchronous.
import { apiError, dispatchApiCall, type ApiEnvelope, type ApiError, type ApiInput, type ApiName, type ApiOutput } from '../core/api.ts';
import { createHandlers, userLang } from '../core/app/handlers.ts';
import { isThenable } from '../core/app/maybe.ts';
import { gasContext } from './context.ts';

export function callServer(name: string, input: unknown): ApiEnvelope {
  const ctx = gasContext();
  const lang = userLang(ctx);
  const answer = dispatchApiCall(createHandlers(ctx), name, input, lang, (error) => {
    console.error(`cchc: ${name} failed`, error instanceof Error ? error.stack ?? error.message : error);
  });
  if (isThenable(answer)) return { ok: false, error: apiError('SERVER', lang) };
  return answer;
}

/** The same call, typed for a caller inside the server (the menu): the value is the call's output. */
export function callChecked<N extends ApiName>(name: N, input: ApiInput<N>): { ok: true; value: ApiOutput<N> } | { ok: false; error: ApiError } {
  // dispatchApiCall validated the value against the call's output schema, so it is that output.
  return callServer(name, input) as { ok: true; value: ApiOutput<N> } | { ok: false; error: ApiError };
}
