// Reading one template sheet as a table (the workbook contract "General rules"): the header row is found
// by content within the first 10 rows, headers match after folding and through aliases, columns
// may be reordered, user columns are ignored, blank rows are skipped, and computed (⚙) columns
// are located (for writing back) but never read as input.

import type { AreaCode, Decimal, IsoDate, Lang, SheetHeaderMap } from '../model.ts';
import { isUncomputed, type RawCell, type SheetGrid } from '../ports.ts';
import type { ColumnSpec, SheetSpec } from '../contract/types.ts';
import type { EnumSpec } from '../contract/enums.ts';
import { columnLetter } from '../contract/a1.ts';
import { cleanText, foldKey, oneLine, quoteValue } from '../text.ts';
import type { IssueCode, MessageParams } from '../i18n.ts';
import type { Severity } from '../model.ts';
import { cellText, isBlank } from '../parse/cell.ts';
import { formatDate, parseDate } from '../parse/date.ts';
import { parseEnum, parseArea } from '../parse/enum.ts';
import { parseNumberInRange, parseRatio } from '../parse/number.ts';
import type { Parsed } from '../parse/result.ts';
import type { IssueSink } from './issues.ts';

export const HEADER_SEARCH_ROWS = 10;

/** Header text as matched: folded, without the ⚙ mark or a trailing `*` some users add. */
export const headerKey = (s: string): string => foldKey(s).replace(/^[⚙*\s]+/u, '').replace(/[\s*:]+$/, '');

const headerIndexes = new WeakMap<SheetSpec, Map<string, string>>();

/** Folded header or alias → column key, for one sheet (first column wins a clash). */
export function headerIndex(spec: SheetSpec): Map<string, string> {
  let idx = headerIndexes.get(spec);
  if (!idx) {
    idx = new Map();
    for (const c of spec.columns) {
      for (const h of [c.header, ...c.aliases]) if (!idx.has(headerKey(h))) idx.set(headerKey(h), c.key);
    }
    headerIndexes.set(spec, idx);
  }
  return idx;
}

interface HeaderFound {
  headerRow: number;
  columns: Record<string, number>;
  duplicates: { key: string; first: number; second: number }[];
}

/** Find the header row: the row within the first 10 matching the most columns (at least 2, or all when fewer). */
export function findHeader(grid: SheetGrid, spec: SheetSpec): HeaderFound | null {
  const idx = headerIndex(spec);
  const need = Math.min(2, spec.columns.length);
  let best: HeaderFound | null = null;
  let bestCount = 0;
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const columns: Record<string, number> = {};
    const duplicates: HeaderFound['duplicates'] = [];
    row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const key = idx.get(headerKey(v));
      if (!key) return;
      const first = columns[key];
      if (first === undefined) columns[key] = c + 1;
      else duplicates.push({ key, first, second: c + 1 });
    });
    const count = Object.keys(columns).length;
    if (count >= need && count > bestCount) {
      best = { headerRow: r + 1, columns, duplicates };
      bestCount = count;
    }
  }
  return best;
}

/** A located sheet: where its columns are, and what it lacks. */
export class Table {
  readonly header: SheetHeaderMap;
  /** Required input columns absent from the sheet. */
  readonly missingRequired: ReadonlySet<string>;
  private readonly byKey: Map<string, ColumnSpec>;

  constructor(
    readonly spec: SheetSpec,
    readonly grid: SheetGrid,
    found: HeaderFound,
    readonly sink: IssueSink,
  ) {
    let lastRow = grid.values.length;
    while (lastRow > 0 && (grid.values[lastRow - 1] ?? []).every((v) => isBlank(v))) lastRow--;
    this.header = { headerRow: found.headerRow, columns: found.columns, lastRow };
    this.byKey = new Map(spec.columns.map((c) => [c.key, c]));
    this.missingRequired = new Set(spec.columns.filter((c) => c.required && !c.computed && found.columns[c.key] === undefined).map((c) => c.key));
    for (const key of this.missingRequired) {
      sink.add(spec.name, null, this.column(key).header, null, 'error', 'COLUMN_MISSING', { sheet: spec.name, column: this.column(key).header });
    }
    for (const c of spec.columns) {
      if (c.computed && found.columns[c.key] === undefined) {
        sink.add(spec.name, null, c.header, null, 'notice', 'COMPUTED_COLUMN_MISSING', { sheet: spec.name, column: c.header });
      }
    }
    for (const d of found.duplicates) {
      sink.add(spec.name, found.headerRow, this.column(d.key).header, d.second, 'warning', 'COLUMN_DUPLICATE', {
        column: this.column(d.key).header, first: columnLetter(d.first), second: columnLetter(d.second),
      });
    }
  }

  get lang(): Lang {
    return this.sink.lang;
  }

  column(key: string): ColumnSpec {
    const c = this.byKey.get(key);
    if (!c) throw new Error(`${this.spec.key}: no column ${key}`);
    return c;
  }

  /** 1-based column of a key, or undefined when the sheet lacks it. */
  col(key: string): number | undefined {
    return this.header.columns[key];
  }

  /** The entry rows: below the header, with any input column (other than STT-like ones) non-empty. */
  *rows(): Generator<RowReader> {
    const entryCols = this.spec.columns
      .filter((c) => !c.computed && !c.notAnEntry)
      .map((c) => this.header.columns[c.key])
      .filter((c): c is number => c !== undefined);
    for (let r = this.header.headerRow + 1; r <= this.header.lastRow; r++) {
      const values = this.grid.values[r - 1] ?? [];
      if (entryCols.every((c) => isBlank(values[c - 1]))) continue;
      yield new RowReader(this, r, values, this.grid.formats[r - 1] ?? []);
    }
  }
}

/** Locate a sheet's table, or report HEADER_NOT_FOUND and return null. */
export function locateTable(spec: SheetSpec, grid: SheetGrid, sink: IssueSink): Table | null {
  const found = findHeader(grid, spec);
  if (found) return new Table(spec, grid, found, sink);
  const empty = grid.values.every((row) => row.every((v) => isBlank(v)));
  // A sheet with nothing at all in it lacks its header too; say so once.
  const headers = spec.columns.filter((c) => c.required).slice(0, 3).map((c) => `“${c.header}”`).join(', ');
  sink.add(spec.name, empty ? null : 1, null, null, 'error', 'HEADER_NOT_FOUND', { sheet: spec.name, headers });
  return null;
}

/** One entry row, with typed getters that report problems on the right cell. */
export class RowReader {
  /** Column keys whose cell has an error. */
  readonly errorKeys = new Set<string>();

  constructor(
    readonly table: Table,
    readonly row: number,
    private readonly values: readonly RawCell[],
    private readonly formats: readonly string[],
  ) {}

  get hasError(): boolean {
    return this.errorKeys.size > 0 || this.table.missingRequired.size > 0;
  }

  /**
   * True when a cell other than `ignored` has an error, or a required column is missing: the
   * row's figures are broken. Free-text cells (notes, evidence) break no figure.
   */
  erredOutside(ignored: readonly string[]): boolean {
    if (this.table.missingRequired.size > 0) return true;
    for (const k of this.errorKeys) if (!ignored.includes(k)) return true;
    return false;
  }

  /** True when the key's cell has an error, or the column is a missing required one. */
  erred(...keys: string[]): boolean {
    return keys.some((k) => this.errorKeys.has(k) || this.table.missingRequired.has(k));
  }

  raw(key: string): RawCell {
    const c = this.table.col(key);
    return c === undefined ? null : (this.values[c - 1] ?? null);
  }

  format(key: string): string {
    const c = this.table.col(key);
    return c === undefined ? '' : (this.formats[c - 1] ?? '');
  }

  blank(key: string): boolean {
    return isBlank(this.raw(key));
  }

  /** Report a problem on the key's cell (or on the row when key is null). */
  issue(key: string | null, severity: Severity, code: IssueCode, params: MessageParams = {}): void {
    const spec = this.table.spec;
    const column = key === null ? null : this.table.column(key).header;
    const col = key === null ? null : (this.table.col(key) ?? null);
    this.table.sink.add(spec.name, this.row, column, col, severity, code, params);
    if (severity === 'error' && key !== null) this.errorKeys.add(key);
    if (severity === 'error' && key === null) this.errorKeys.add('');
  }

  /** Take a parse result: report its error or notice on the key's cell. */
  take<T>(key: string, r: Parsed<T>): T | null {
    if (!r.ok) {
      this.issue(key, 'error', r.error.code, r.error.params);
      return null;
    }
    if (r.notice) this.issue(key, 'notice', r.notice.code, r.notice.params);
    return r.value;
  }

  /**
   * A formula with no computed value is an error at its cell, not an empty cell: the user opens
   * the file in Excel or Calc and saves it, and the value is there. False for such a cell.
   */
  private computed(key: string): boolean {
    const v = this.raw(key);
    if (!isUncomputed(v)) return true;
    if (!this.errorKeys.has(key)) this.issue(key, 'error', 'FORMULA_NOT_COMPUTED', { formula: quoteValue(`=${v.formula}`) });
    return false;
  }

  /** REQUIRED when the cell is empty and the column is present (a missing column is reported once). */
  private checkRequired(key: string): boolean {
    if (!this.computed(key)) return false;
    const c = this.table.column(key);
    if (!c.required || !this.blank(key)) return true;
    if (this.table.col(key) !== undefined) {
      this.issue(key, 'error', 'REQUIRED', { column: c.header, help: this.table.lang === 'vi' ? c.help.vi : c.help.en });
    }
    return false;
  }

  /** Text: one line for short text, line breaks kept for long text; over the limit is an error. */
  text(key: string): string {
    this.checkRequired(key);
    const c = this.table.column(key);
    const v = this.raw(key);
    if (c.type.kind === 'longText' || c.type.kind === 'link') {
      const s = typeof v === 'string' ? cleanText(v) : cellText(v);
      if (c.type.kind === 'longText' && s.length > c.type.maxLength) {
        this.issue(key, 'error', 'TEXT_TOO_LONG', { length: s.length, max: c.type.maxLength });
      }
      return s;
    }
    return oneLine(cellText(v));
  }

  date(key: string): IsoDate | null {
    if (!this.checkRequired(key) || this.blank(key)) return null;
    return this.take(key, parseDate(this.raw(key)));
  }

  /**
   * The date something happened (done, held, registered): after today it is a typing mistake
   * (the workbook contract "As-of date and period"); after the as-of date it is no problem.
   */
  pastDate(key: string, today: IsoDate): IsoDate | null {
    const d = this.date(key);
    if (d !== null && d > today) {
      this.issue(key, 'error', 'DATE_IN_FUTURE', { date: formatDate(d), today: formatDate(today) });
      return null;
    }
    return d;
  }

  ratio(key: string): Decimal | null {
    if (!this.checkRequired(key) || this.blank(key)) return null;
    return this.take(key, parseRatio(this.raw(key), this.format(key), this.table.lang));
  }

  numberIn(key: string, min: number, max: number): Decimal | null {
    if (!this.checkRequired(key) || this.blank(key)) return null;
    return this.take(key, parseNumberInRange(this.raw(key), min, max, this.table.lang));
  }

  area(key: string): AreaCode | null {
    if (!this.checkRequired(key) || this.blank(key)) return null;
    return this.take(key, parseArea(this.raw(key)));
  }

  /** An enumerated cell; empty gives the default (a machine value) or null. */
  enumOf<V extends string>(key: string, e: EnumSpec<V>, fallback: V | null): V | null {
    if (!this.checkRequired(key) || this.blank(key)) return fallback;
    return this.take(key, parseEnum(e, this.raw(key), this.table.column(key).header, this.table.lang));
  }

  /** The cell as quoted in a message. */
  quoted(key: string): string {
    return quoteValue(cellText(this.raw(key)));
  }
}
