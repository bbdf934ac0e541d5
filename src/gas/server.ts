// One sidebar call inside Apps Script: build the context, dispatch through the typed API
// (input and output validated), answer an ApiEnvelope. Apps Script cannot wait for a Promise, so
// the dispatch must complete synchronously; it does, because every Apps Script port is synchronous.
import { apiError, dispatchApiCall, type ApiEnvelope } from '../core/api.ts';
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
