// The server, as the sidebar calls it: google.script.run in Sheets, HTTP under `cchc serve`
// (transport.ts), every call typed by src/core/api.ts. And the one call that sets the page's data.

import { frameAsked, set, state, type AppState } from './state.ts';
import { detectTransport } from './transport.ts';

export const server = detectTransport(() => state.lang);

/**
 * Ask for the state of the chosen frame; the as-of field shows what the server settled. With
 * `withIssues` the same read also gives the check (the menu's "Kiểm tra dữ liệu" opens on it).
 */
export async function fetchState(withIssues = false): Promise<AppState> {
  const app = await server.call('getState', { ...frameAsked(), ...(withIssues ? { withIssues: true } : {}) });
  set({ app, lang: app.lang, asOfDraft: null, ...(app.validation ? { validation: app.validation } : {}) });
  return app;
}
