// The server, as the sidebar calls it: google.script.run in Sheets, HTTP under `cchc serve`
// (transport.ts), every call typed by src/core/api.ts. And the one call that sets the page's data
// (with a district workbook's state when the workbook is a district's).

import { frameAsked, set, state, type AppState } from './state.ts';
import { detectTransport } from './transport.ts';

export const server = detectTransport(() => state.lang);

/**
 * Ask for the state of the chosen frame; the as-of field shows what the server settled. With
 * `withIssues` the same read also gives the check (the menu's "Kiểm tra dữ liệu" opens on it).
 */
export async function fetchState(withIssues = false): Promise<AppState> {
  const app = await server.call('getState', { ...frameAsked(), ...(withIssues ? { withIssues: true } : {}) });
  // A district workbook: where its refresh stands and its schools, in the language now chosen.
  const district = app.district ? await server.call('districtState', {}) : null;
  set({ app, lang: app.lang, asOfDraft: null, district, ...(app.validation ? { validation: app.validation } : {}) });
  return app;
}
