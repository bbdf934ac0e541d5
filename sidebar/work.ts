// Long work, one piece at a time: progress shown, other actions held, failures as a message. The
// as-of date or period changing settles the figures first; a button pressed meanwhile runs after.

import { byId } from './dom.ts';
import { fetchState, server } from './server.ts';
import { frameShown, render, set, state } from './state.ts';
import type { StringKey } from './strings.ts';
import { announce, hideNotice, messageOf, setBusy, showError } from './views/status-bar.ts';

/**
 * An action pressed while the figures are (about to be) recomputed for a new as-of date or
 * period: it runs once they are, with them. Leaving the date field for a button is the usual way.
 */
let queued: (() => void) | null = null;

/**
 * A pointer is pressed. Leaving the as-of field by pressing a button settles the date before
 * the button is released; redrawing (or the busy bar moving the page) then would make that
 * press miss its button. So that refresh waits for the release (at most a moment: a native
 * popup may swallow it), and the button's click queues behind it.
 */
let pointerDown = false;
const PRESS_WAIT_MS = 800;
const refreshIfStale = () => (state.frameStale && state.busy === null ? refreshFrame() : undefined);

/** Follow the pointer (see `pointerDown`); called once, before the first render. */
export function trackPresses(): void {
  document.addEventListener('pointerdown', () => void (pointerDown = true), true);
  for (const type of ['pointerup', 'pointercancel']) {
    document.addEventListener(
      type,
      () => {
        pointerDown = false;
        // After the click this release makes, if any (it may have queued itself).
        setTimeout(refreshIfStale, 0);
      },
      true,
    );
  }
}

/** An action button was pressed: run it now, after the figures are settled, or not while busy. */
export function press(onClick: () => void): void {
  if (state.frameStale || state.busy === 'refreshing') {
    queued = onClick;
    if (state.busy === null) refreshFrame();
  } else if (state.busy === null) onClick();
}

/**
 * Run one piece of long work: progress shown, other actions held, failures as a message.
 * `work` returns the notice to show, if any; `after` runs once it succeeded.
 */
export async function runLong(busyKey: StringKey, work: () => Promise<string | null>, after?: () => void): Promise<void> {
  if (state.busy !== null) return;
  showError(null);
  hideNotice();
  setBusy(busyKey);
  // The buttons show they are held, in place; the page is drawn again when the work is done.
  byId('app').querySelectorAll('[aria-disabled]').forEach((el) => el.setAttribute('aria-disabled', 'true'));
  let ok = false;
  try {
    const done = await work();
    if (done) announce(done);
    ok = true;
  } catch (error) {
    showError(messageOf(error));
  } finally {
    setBusy(null);
    render();
  }
  if (ok) after?.();
  // The as-of date or period changed while this ran: settle the figures for it now; then what
  // was pressed meanwhile.
  if (state.frameStale) refreshFrame();
  else if (queued && state.busy === null) {
    const next = queued;
    queued = null;
    if (ok) next();
  }
}

/** The figures for the as-of date and period now chosen; a list of problems shown is redone. */
export function refreshFrame({ afterPress = false } = {}): void {
  set({ frameStale: true, preflight: null });
  if (state.busy !== null) return;
  if (afterPress && pointerDown) {
    setTimeout(() => {
      pointerDown = false;
      refreshIfStale();
    }, PRESS_WAIT_MS);
    return;
  }
  set({ frameStale: false });
  void runLong('refreshing', async () => {
    const app = await fetchState();
    if (state.validation && app.templateInstalled) set({ validation: await server.call('validate', frameShown()) });
    return null;
  });
}
