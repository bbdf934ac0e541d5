// The sidebar's state: one store, read by every view, written only through the setters here.
// Nothing in it touches the DOM; `render()` redraws through the function the entry registers.

import type { ApiOutput, DataErrors, ReportType } from '../src/core/api.ts';
import type { IsoDate, Lang, PeriodCode } from '../src/core/model.ts';
import { t, type StringKey } from './strings.ts';

export type AppState = ApiOutput<'getState'>;

/** The as-of date and period the user chose; null leaves each to the server's default. */
export interface Frame {
  asOf: IsoDate | null;
  period: PeriodCode | null;
}

/** The report form. `date` as typed (day first); `dateError` when it is not a date. */
export interface ReportForm {
  type: ReportType;
  date: string;
  dateError: boolean;
}

export interface UiState {
  lang: Lang;
  app: AppState | null;
  /** The first load failed: offer a reload instead of an empty page. */
  loadFailed: boolean;
  busy: StringKey | null;
  validation: ApiOutput<'validate'> | null;
  /** `sheet!cell` of the last problem clicked. */
  selected: string | null;
  report: ApiOutput<'generateReport'> | null;
  /** The overdue list is folded until the user opens it. */
  overdueOpen: boolean;
  /**
   * The as-of date and period the user chose, for this sidebar only (a reopened sidebar starts
   * at the default): null leaves it to the server's default. What is shown and sent to every
   * other call is what the server settled (`app.asOf`, `app.period`).
   */
  frame: Readonly<Frame>;
  /** The as-of date as being typed (day first), null when untouched; `asOfError` when not a date. */
  asOfDraft: string | null;
  asOfError: boolean;
  /** The frame changed while other work ran: ask again when it ends. */
  frameStale: boolean;
  /** The data errors the user is told about before a report, until they choose. */
  preflight: DataErrors | null;
  form: Readonly<ReportForm>;
  /** A district workbook: where its refresh stands and its schools (null until asked). */
  district: DistrictState | null;
  /** The file picker: offered only where the server has one (not under `cchc serve`). */
  picker: 'unknown' | 'available' | 'unavailable';
  /** The refresh loop stopped with schools left: offer to continue. */
  districtStalled: boolean;
  /** E-mail reminders: where they stand, 'unavailable' off Google Sheets, null until asked. */
  reminders: ReminderState | 'unavailable' | null;
  /** `Năm mới`: original, copy or neither (null until the user opens the card). */
  rollover: ApiOutput<'rolloverState'> | null;
  /** What the last roll of this copy carried. */
  rolloverDone: ApiOutput<'rollCopy'> | null;
}

export type ReminderState = ApiOutput<'reminderState'>;

export type DistrictState = ApiOutput<'districtState'>;

const store: UiState = {
  lang: 'vi',
  app: null,
  loadFailed: false,
  busy: null,
  validation: null,
  selected: null,
  report: null,
  overdueOpen: false,
  frame: { asOf: null, period: null },
  asOfDraft: null,
  asOfError: false,
  frameStale: false,
  preflight: null,
  form: { type: 'quarterly', date: '', dateError: false },
  district: null,
  picker: 'unknown',
  districtStalled: false,
  reminders: null,
  rollover: null,
  rolloverDone: null,
};

/** What the views and commands read. Write through `set` and `setForm`. */
export const state: Readonly<UiState> = store;

export function set(patch: Partial<UiState>): void {
  Object.assign(store, patch);
}

export function setForm(patch: Partial<ReportForm>): void {
  store.form = { ...store.form, ...patch };
}

/** A string in the sidebar's language. */
export const tr = (key: StringKey, params?: Record<string, string | number>) => t(store.lang, key, params);

/** What getState is asked for: the user's choices only, so the server settles the rest. */
export const frameAsked = (): { asOf?: IsoDate; period?: PeriodCode } => ({
  ...(store.frame.asOf ? { asOf: store.frame.asOf } : {}),
  ...(store.frame.period ? { period: store.frame.period } : {}),
});

/** What every other call gets: the frame the server settled, the one on screen. */
export const frameShown = (): { asOf?: IsoDate; period?: PeriodCode } =>
  store.app ? { asOf: store.app.asOf, period: store.app.period } : frameAsked();

let draw: () => void = () => {};

/** The page is drawn by the function main.ts registers (views import commands, not the reverse). */
export function setRenderer(fn: () => void): void {
  draw = fn;
}

/** Draw the page again from the state. */
export function render(): void {
  draw();
}
