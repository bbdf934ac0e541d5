// What the sidebar's Năm mới card is told (src/core/api.ts checks these shapes): where this
// spreadsheet stands, and what rolling a copy forward carried. Types only, so api.ts and the
// handlers in app/rollover.ts both take them from here and neither imports the other for them.

export interface RolloverView {
  /** none: not got ready (or a copy made without it); original: got ready here; copy: to roll; local: no spreadsheet ID here. */
  place: 'none' | 'original' | 'copy' | 'local';
  fromYear: number;
  toYear: number;
}

export interface RolloverDone {
  fromYear: number;
  toYear: number;
  tasks: number;
  /** Carried tasks whose deadline lies in the old year (DUE_IN_PAST_YEAR warnings). */
  pastYear: number;
  kpis: number;
  initiatives: number;
  counts: { error: number; warning: number; notice: number };
}
