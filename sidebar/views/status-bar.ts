// The bars above the page (index.html's .statusbar, outside #app): work in progress, the notice
// of what was done, and the error, with the message fit for the user.

import { byId, h } from '../dom.ts';
import { set, state, tr } from '../state.ts';
import type { StringKey } from '../strings.ts';
import { apiError } from '../../src/core/api.ts';
import { CallError } from '../transport.ts';

/** Show the work running (null: none), and hold #app as busy for assistive technology. */
export function setBusy(key: StringKey | null): void {
  set({ busy: key });
  const bar = byId('busy');
  bar.hidden = key === null;
  byId('busy-text').textContent = key ? tr(key) : '';
  byId('app').setAttribute('aria-busy', String(key !== null));
}

export function announce(text: string): void {
  const el = byId('notice');
  el.hidden = false;
  el.textContent = text;
}

export function hideNotice(): void {
  byId('notice').hidden = true;
}

/** The error bar with `message` and a dismiss button; null hides it. */
export function showError(message: string | null): void {
  const box = byId('error');
  box.replaceChildren();
  if (message === null) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(
    h('strong', {}, tr('errorPrefix')),
    ' ',
    h('span', { class: 'error-text' }, message),
    h('button', { class: 'btn-link', attrs: { type: 'button' }, on: { click: () => showError(null) } }, tr('dismiss')),
  );
}

/** The message of any failure, fit for the user: a CallError's own, else the generic one. */
export function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message;
  console.error('cchc sidebar:', error);
  // The catalogue's one text for an unexpected failure (the SERVER error of src/core/api.ts).
  return apiError('SERVER', state.lang).message;
}
