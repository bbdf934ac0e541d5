// The ⚙ columns of `Kế hoạch`, `Chỉ tiêu` and `Sáng kiến`, written back in one block per
// computed column (one service call each, whatever the number of rows). Only computed columns
// are ever written; an input cell is never touched.
//
// The words written are the contract's Vietnamese words whatever the user's language: they are
// what the installer's conditional formats and the district reader look for.

import { AWARD_ELIGIBILITY, KPI_STATUS, TASK_STATE, YES_NO, computedKeys, enumLabel, sheetSpec, type SheetKey, SHEET_NAMES } from '../contract/index.ts';
import { t } from '../i18n.ts';
import type { Lang, SchoolData, SheetHeaderMap } from '../model.ts';
import type { WorkbookPort, WriteCell } from '../ports.ts';
import { kpiContextFor } from './compute.ts';
import { countedInitiatives, isEligible, totalScore } from './initiatives.ts';
import { evaluateKpis } from './kpis.ts';
import type { KpiProgress, Progress } from './types.ts';

/** One computed column's values for the data rows of a sheet. */
export interface ColumnWrite {
  sheet: string;
  /** The contract's column key (`state`, `value`, …). */
  key: string;
  /** First data row (header + 1). */
  row: number;
  col: number;
  /** One cell per row, as a one-column block. */
  values: WriteCell[][];
  /** Number formats parallel to values ('' = leave as is). */
  formats: string[][];
}

/** The computed columns of each sheet, by contract key. */
export const COMPUTED_COLUMNS: Readonly<Record<'tasks' | 'kpis' | 'initiatives', readonly string[]>> = {
  tasks: computedKeys(sheetSpec('tasks')),
  kpis: computedKeys(sheetSpec('kpis')),
  initiatives: computedKeys(sheetSpec('initiatives')),
};

const RATIO_FORMAT = '0.0%';
const NUMBER_FORMAT = 'General';

interface Cell {
  value: WriteCell;
  format?: string;
}

/** `⚙ Thực hiện` of a target. */
export function kpiValueCell(k: KpiProgress, lang: Lang = 'vi'): Cell {
  if (k.quarters) {
    if (k.quarters.judged === 0) return { value: null };
    return { value: t(lang, 'dashboard.quartersMet', { met: k.quarters.met, n: k.quarters.judged }) };
  }
  if (k.value === null) return { value: null };
  if (typeof k.value === 'boolean') return { value: enumLabel(YES_NO, k.value ? 'yes' : 'no', lang) };
  if (typeof k.value === 'number') return { value: k.value, format: k.kind === 'ratio' ? RATIO_FORMAT : NUMBER_FORMAT };
  return { value: k.value };
}

function columnWrites(
  data: SchoolData,
  sheetKey: SheetKey,
  cellsByRow: Map<number, Record<string, Cell>>,
): ColumnWrite[] {
  const sheet = SHEET_NAMES[sheetKey];
  const map: SheetHeaderMap | undefined = data.sheets[sheet];
  if (!map) return [];
  const keys = COMPUTED_COLUMNS[sheetKey as keyof typeof COMPUTED_COLUMNS];
  // A computed column found where an input column also is (a damaged header) is not written:
  // never overwrite an input cell.
  const inputCols = new Set(Object.entries(map.columns).filter(([k]) => !keys.includes(k)).map(([, c]) => c));
  const first = map.headerRow + 1;
  let last = map.lastRow;
  for (const row of cellsByRow.keys()) if (row > last) last = row;
  if (last < first) return [];
  const out: ColumnWrite[] = [];
  for (const key of keys) {
    const col = map.columns[key];
    if (col === undefined || inputCols.has(col)) continue;
    const values: WriteCell[][] = [];
    const formats: string[][] = [];
    for (let row = first; row <= last; row++) {
      const cell = cellsByRow.get(row)?.[key];
      values.push([cell?.value ?? null]);
      formats.push([cell?.format ?? '']);
    }
    out.push({ sheet, key, row: first, col, values, formats });
  }
  return out;
}

/** Every ⚙ column write for the figures in `progress` (computed for `data.frame`). */
export function computedColumnWrites(data: SchoolData, progress: Progress): ColumnWrite[] {
  const tasks = new Map<number, Record<string, Cell>>();
  for (const r of progress.tasks.rows) tasks.set(r.row, { state: { value: enumLabel(TASK_STATE, r.state, 'vi') } });

  // Progress.kpis has no row numbers (the CLI contract (README)): evaluate again, for the same frame.
  const kpis = new Map<number, Record<string, Cell>>();
  for (const { row, kpi } of evaluateKpis(data.kpis, kpiContextFor(data))) {
    kpis.set(row, {
      value: kpiValueCell(kpi),
      achievement: kpi.achievement === null ? { value: null } : { value: kpi.achievement, format: RATIO_FORMAT },
      evaluation: { value: enumLabel(KPI_STATUS, kpi.status, 'vi') },
    });
  }

  const initiatives = new Map<number, Record<string, Cell>>();
  for (const i of countedInitiatives(data.initiatives, data.frame.asOf)) {
    const score = totalScore(i);
    initiatives.set(i.row, {
      totalScore: score === null ? { value: null } : { value: score, format: NUMBER_FORMAT },
      award: { value: enumLabel(AWARD_ELIGIBILITY, isEligible(i, data.settings.minAwardScore) ? 'eligible' : 'notEligible', 'vi') },
    });
  }

  return [...columnWrites(data, 'tasks', tasks), ...columnWrites(data, 'kpis', kpis), ...columnWrites(data, 'initiatives', initiatives)];
}

/**
 * Writes the blocks: a value block and a format block per run of adjacent computed columns (the
 * ⚙ columns of a sheet sit side by side, so a sheet costs one write, not one a column).
 */
export function applyColumnWrites(port: WorkbookPort, writes: readonly ColumnWrite[]): void {
  const runs: { sheet: string; row: number; col: number; values: WriteCell[][]; formats: string[][] }[] = [];
  // By sheet (in the order first met), then by column: adjacent columns meet whatever their order in the header.
  const sheetOrder = [...new Set(writes.map((w) => w.sheet))];
  const ordered = [...writes].sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.col - b.col);
  for (const w of ordered) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === w.sheet && last.row === w.row && last.values.length === w.values.length && last.col + (last.values[0]?.length ?? 0) === w.col) {
      w.values.forEach((line, i) => last.values[i]!.push(...line));
      w.formats.forEach((line, i) => last.formats[i]!.push(...line));
    } else {
      runs.push({ sheet: w.sheet, row: w.row, col: w.col, values: w.values.map((l) => [...l]), formats: w.formats.map((l) => [...l]) });
    }
  }
  for (const r of runs) {
    port.writeBlock(r.sheet, r.row, r.col, r.values);
    if (r.formats.some((line) => line.some((f) => f !== ''))) port.writeFormats(r.sheet, r.row, r.col, r.formats);
  }
}
