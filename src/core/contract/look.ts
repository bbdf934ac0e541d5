// The contract's look: what both workbook adapters write the same way, defined once. The
// adapters only translate it into their own API (a Sheets colour string, an exceljs ARGB).

/** Marks our conditional format rules (always true, so it never changes what a rule paints). */
export const CF_MARKER = 'N("cchc")=0';
/** Marks our notes on problem cells, so clearing them keeps the user's own notes. */
export const MARK_TAG = '[CCHC]';
/** Starts the description of our protections (warning-only on ⚙ columns). */
export const PROTECTION_TAG = 'CCHC:';
/** The header row's fill and the ⚙ computed columns' shade. */
export const HEADER_FILL = '#ddebf7';
export const COMPUTED_FILL = '#efefef';
/** A row the add-on flags: a school the district could not read, and one read with a caveat (errors, not counted). */
export const FAILED_FILL = '#f4cccc';
export const CAVEAT_FILL = '#fff2cc';
/** How a date is shown where the contract gives no other format. */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/** Columns as runs of consecutive numbers, sorted, each once: [2,3,4,7] → [[2,4],[7,7]] (one call per run). */
export function columnRuns(cols: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...new Set(cols)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}
