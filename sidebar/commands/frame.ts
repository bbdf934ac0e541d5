// The as-of date and period the figures are for: typed, chosen, or back to the default. Each
// change asks the server for the figures again (work.ts `refreshFrame`).

import type { IsoDate, PeriodCode } from '../../src/core/model.ts';
import { parseDate } from '../../src/core/parse/date.ts';
import { focusKey } from '../dom.ts';
import { render, set, state } from '../state.ts';
import { refreshFrame } from '../work.ts';

/** The as-of date as it is being typed, not yet checked. */
export function draftAsOf(typed: string): void {
  set({ asOfDraft: typed });
}

/** The as-of field was left or Enter was pressed: check what was typed, then refresh. */
export function commitAsOf(): void {
  if (state.asOfDraft === null) return;
  const typed = state.asOfDraft.trim();
  let next: IsoDate | null = null;
  if (typed !== '') {
    // Day first (as Vietnamese offices write it), whatever the browser's locale.
    const parsed = parseDate(typed);
    if (!parsed.ok) {
      set({ asOfError: true });
      render();
      focusKey('as-of');
      return;
    }
    next = parsed.value;
  }
  const hadError = state.asOfError;
  set({ asOfError: false });
  if (next === state.frame.asOf || (next !== null && state.frame.asOf === null && next === state.app?.asOf)) {
    // The same date, perhaps written otherwise: nothing to ask. (No redraw unless a message
    // goes: a button being pressed must stay where it is.)
    set({ asOfDraft: null });
    if (hadError) render();
    return;
  }
  set({ frame: { ...state.frame, asOf: next } });
  refreshFrame({ afterPress: true });
}

export function choosePeriod(period: PeriodCode): void {
  set({ frame: { ...state.frame, period } });
  refreshFrame();
}

export function resetFrame(): void {
  set({ frame: { asOf: null, period: null }, asOfDraft: null, asOfError: false });
  refreshFrame();
}
