// `Năm mới` from the sidebar: where this spreadsheet stands (the original, its copy, neither),
// getting the original ready (its one Nhật ký row), rolling the copy forward (app/rollover.ts).

import { focusKey } from '../dom.ts';
import { fetchState, server } from '../server.ts';
import { set, tr } from '../state.ts';
import { runLong } from '../work.ts';

export const showRollover = () =>
  runLong(
    'loading',
    async () => {
      set({ rollover: await server.call('rolloverState', {}) });
      return null;
    },
    () => focusKey('rollover-action', 'h-rollover'),
  );

export const startRollover = () =>
  runLong(
    'rolloverBusy',
    async () => {
      set({ rollover: await server.call('startRollover', {}) });
      return tr('rolloverStarted');
    },
    () => focusKey('rollover-heading'),
  );

export const rollCopy = () =>
  runLong(
    'rolloverBusy',
    async () => {
      const done = await server.call('rollCopy', {});
      set({ rolloverDone: done, rollover: null });
      // The sidebar shows the new year's figures.
      await fetchState();
      return tr('rolloverDone', { toYear: done.toYear, tasks: done.tasks, kpis: done.kpis, initiatives: done.initiatives });
    },
    () => focusKey('rollover-heading'),
  );
