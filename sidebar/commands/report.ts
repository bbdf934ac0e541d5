// "Tạo báo cáo": the document date checked, the data checked afresh, and with errors the user
// told how many rows the figures leave out, to check first or go on; then the report made.

import type { ReportType } from '../../src/core/api.ts';
import type { IsoDate } from '../../src/core/model.ts';
import { parseDate } from '../../src/core/parse/date.ts';
import { focusKey } from '../dom.ts';
import { fetchState, server } from '../server.ts';
import { frameShown, render, set, setForm, state, tr } from '../state.ts';
import { setBusy } from '../views/status-bar.ts';
import { runLong } from '../work.ts';
import { validate } from './workbook.ts';

export function chooseReportType(type: ReportType): void {
  setForm({ type });
  set({ preflight: null });
  render();
}

/** The document date as it is being typed, not yet checked. */
export function draftReportDate(typed: string): void {
  setForm({ date: typed });
}

/** The document date typed, checked; undefined (and the field marked) when it is not a date. */
function documentDate(): { date: IsoDate | null } | undefined {
  // The date is typed day first (as Vietnamese offices write it), whatever the browser's locale.
  const typed = state.form.date.trim();
  const parsed = typed ? parseDate(typed) : null;
  setForm({ dateError: parsed !== null && !parsed.ok });
  if (parsed && !parsed.ok) {
    render();
    focusKey('report-date');
    return undefined;
  }
  return { date: parsed?.ok ? parsed.value : null };
}

async function makeReport(date: IsoDate | null): Promise<string> {
  setBusy('generating');
  const r = await server.call('generateReport', { type: state.form.type, ...frameShown(), ...(date ? { date } : {}) });
  set({ report: r });
  if (state.app) set({ app: { ...state.app, dataErrors: r.dataErrors } });
  return tr('generated', { number: r.number });
}

/**
 * "Tạo báo cáo": the data is checked afresh first; with errors the user is told how many rows
 * the figures will leave out, and chooses to check first or to go on.
 */
export function requestReport(): void {
  const doc = documentDate();
  if (!doc) return;
  set({ preflight: null, report: null });
  let warned = false;
  void runLong(
    'checkingBeforeReport',
    async () => {
      const app = await fetchState();
      if (app.dataErrors && app.dataErrors.errors > 0) {
        set({ preflight: app.dataErrors });
        warned = true;
        return null;
      }
      return makeReport(doc.date);
    },
    () => focusKey(warned ? 'preflight' : 'report-link'),
  );
}

export function goOnWithReport(): void {
  const doc = documentDate();
  if (!doc) return;
  set({ preflight: null });
  void runLong('generating', () => makeReport(doc.date), () => focusKey('report-link'));
}

export function checkFirst(): void {
  set({ preflight: null });
  // The list, under its heading, in view; focus on its summary, so Tab goes through it.
  void validate(() => focusKey('issues-summary', 'h-check'));
}
