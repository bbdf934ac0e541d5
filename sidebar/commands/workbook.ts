// What the sidebar asks of the workbook: load it, switch language, install the template, check
// the data, select a cell, mark and clear problems, update progress. Each says what it did.

import { formatDate } from '../../src/core/parse/date.ts';
import type { Lang } from '../../src/core/model.ts';
import { fetchState, server } from '../server.ts';
import { askPicker } from './district.ts';
import { askReminders } from './reminders.ts';
import { frameShown, render, set, state, tr } from '../state.ts';
import { messageOf, setBusy, showError } from '../views/status-bar.ts';
import { runLong } from '../work.ts';

/** The first load (and the reload offered when it failed). */
export async function load(withIssues = false): Promise<void> {
  showError(null);
  setBusy('loading');
  try {
    const app = await fetchState(withIssues);
    if (app.district) await askPicker();
    else if (app.templateInstalled) await askReminders();
    set({ loadFailed: false });
  } catch (error) {
    set({ loadFailed: true });
    showError(messageOf(error));
  } finally {
    setBusy(null);
    render();
  }
}

export function switchLanguage(): void {
  const previous = state.lang;
  const next: Lang = previous === 'vi' ? 'en' : 'vi';
  // Issue messages and milestone labels came in the old language: drop them and ask again.
  set({ lang: next, validation: null });
  void runLong('loading', async () => {
    try {
      await server.call('setLanguage', { lang: next });
      await fetchState();
    } catch (error) {
      set({ lang: previous });
      throw error;
    }
    return null;
  });
}

export const installTemplate = () =>
  runLong('installing', async () => {
    const r = await server.call('installTemplate', {});
    await fetchState();
    return r.createdSheets.length
      ? tr('installed', { version: r.templateVersion, sheets: r.createdSheets.join(', ') })
      : tr('installedNone', { version: r.templateVersion });
  });

export const validate = (then?: () => void) =>
  runLong(
    'validating',
    async () => {
      const r = await server.call('validate', frameShown());
      set({ validation: r, selected: null });
      return r.issues.length === 0 ? tr('validateNone') : tr('validateCounts', r.counts);
    },
    then,
  );

export const selectCell = (sheet: string, cell: string) =>
  runLong('selecting', async () => {
    const r = await server.call('selectCell', { sheet, cell });
    set({ selected: `${r.sheet}!${r.cell}` });
    return tr('selected', { cell: r.cell, sheet: r.sheet });
  });

export const markProblems = () =>
  runLong('marking', async () => {
    const r = await server.call('markProblems', frameShown());
    return tr('marked', { n: r.marked });
  });

export const clearMarks = () =>
  runLong('clearing', async () => {
    await server.call('clearMarks', {});
    return tr('cleared');
  });

export const updateProgress = () =>
  runLong('updating', async () => {
    const r = await server.call('updateProgress', frameShown());
    if (state.app) set({ app: { ...state.app, summary: r.summary, asOf: r.summary.asOf, period: r.summary.period, dataErrors: r.dataErrors } });
    return r.dataErrors.rowsLeftOut > 0
      ? tr('updatedWithErrors', { date: formatDate(r.summary.asOf), n: r.dataErrors.rowsLeftOut })
      : tr('updated', { date: formatDate(r.summary.asOf) });
  });
