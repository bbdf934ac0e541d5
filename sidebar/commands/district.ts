// What the sidebar asks of a district workbook: where its refresh stands, the refresh itself (one
// step a call, called again while the server says schools are left, so it goes past Apps Script's
// 6 minutes and survives the sidebar being closed), the file picker and the district report.

import { focusKey } from '../dom.ts';
import { server } from '../server.ts';
import { render, set, state, tr } from '../state.ts';
import { CallError } from '../transport.ts';
import { setBusy } from '../views/status-bar.ts';
import { runLong } from '../work.ts';

/** Steps in a row that settle no school before the loop stops and offers to continue. */
export const MAX_IDLE_STEPS = 3;

/** Is there a file picker here (Sheets: yes; `cchc serve`: NOT_AVAILABLE)? Asked once. */
export async function askPicker(): Promise<void> {
  if (state.picker !== 'unknown') return;
  try {
    await server.call('pickerConfig', {});
    set({ picker: 'available' });
  } catch (error) {
    if (error instanceof CallError && error.code === 'NOT_AVAILABLE') set({ picker: 'unavailable' });
    else throw error;
  }
}

/**
 * Refresh the district: step after step while the server says schools are left, the view drawn
 * after each (the bar, the school being read, the statuses so far). `full`: read every school.
 */
export const refreshDistrict = (full = false) =>
  runLong('districtRefreshing', async () => {
    set({ districtStalled: false, report: null });
    let view = await server.call('districtRefresh', full ? { full: true } : {});
    let idle = 0;
    set({ district: view });
    render();
    while (view.progress?.running) {
      const before = view.progress.done;
      setBusy('districtRefreshing');
      view = await server.call('districtRefresh', {});
      set({ district: view });
      render();
      idle = (view.progress?.done ?? before) > before ? 0 : idle + 1;
      if (idle >= MAX_IDLE_STEPS && view.progress?.running) {
        set({ districtStalled: true });
        return tr('districtStalled');
      }
    }
    const p = view.progress;
    return p ? tr('districtDone', { date: p.asOf.split('-').reverse().join('/'), ok: (p.byStatus.ok ?? 0) + (p.byStatus.dataErrors ?? 0), total: p.total }) : null;
  });

export const showPicker = () =>
  runLong('loading', async () => {
    await server.call('showPicker', {});
    return tr('districtPickerOpened');
  });

/** The district report, from what the last refresh read (the existing report call, type `district`). */
export const districtReport = () =>
  runLong(
    'generating',
    async () => {
      set({ report: null });
      const r = await server.call('generateReport', { type: 'district' });
      set({ report: r });
      return tr('generated', { number: r.number });
    },
    () => focusKey('report-link'),
  );
