// `validate`: every problem of a school workbook (the workbook contract), as the CLI contract (README)'s validate JSON.
// The rules run while reading (read/), so progress, reports and the district see the same
// issues and the same blocked rows.

import type { Issue, IsoDate, Lang, PeriodCode, SchoolData, Severity } from './model.ts';
import type { WorkbookPort } from './ports.ts';
import { SCHOOL_SHEETS, SHEET_NAMES } from './contract/sheets.ts';
import { countIssues, sortIssues } from './read/issues.ts';
import { readSchool } from './read/school.ts';

export interface ValidateResult {
  /** The workbook's template version (`Phiên bản mẫu`), null when it records none. */
  templateVersion: number | null;
  asOf: IsoDate;
  issues: Issue[];
  counts: Record<Severity, number>;
}

/** Package a read workbook's issues, for the as-of date it was read for. */
export function validateSchool(data: SchoolData): ValidateResult {
  const issues = sortIssues(data.issues);
  return { templateVersion: data.templateVersion, asOf: data.frame.asOf, issues, counts: countIssues(issues) };
}

export interface ValidateOptions {
  asOf?: IsoDate;
  period?: PeriodCode;
  lang: Lang;
  today: IsoDate;
}

/** Read and validate a workbook. */
export function validate(port: WorkbookPort, opts: ValidateOptions): ValidateResult {
  return validateSchool(readSchool(port, opts));
}

/** Errors and the rows they keep out of the figures, per sheet (the sidebar's warning, the report's note). */
export interface DataErrors {
  errors: number;
  rowsLeftOut: number;
  sheets: { sheet: string; errors: number; rowsLeftOut: number }[];
}

/** Rows of one input sheet as read: where each is, and whether an error keeps it out. */
function rowsOf(data: SchoolData): Map<string, { row: number; blocked: boolean }[]> {
  return new Map<string, { row: number; blocked: boolean }[]>([
    [SHEET_NAMES.people, data.people.map((p) => ({ row: p.row, blocked: false }))],
    [SHEET_NAMES.tasks, data.tasks],
    [SHEET_NAMES.kpis, data.kpis],
    [SHEET_NAMES.initiatives, data.initiatives],
    [SHEET_NAMES.activities, data.activities],
  ]);
}

/**
 * The errors per sheet and the rows they keep out of the figures. A row is left out when the
 * reader blocked it, or when it has an error and was not read at all (a person with no name);
 * a row whose only error breaks no figure (a note, an e-mail) still counts.
 */
export function dataErrorsOf(data: SchoolData): DataErrors {
  const errors = new Map<string, number>();
  const errorRows = new Map<string, Set<number>>();
  for (const issue of data.issues) {
    if (issue.severity !== 'error') continue;
    errors.set(issue.sheet, (errors.get(issue.sheet) ?? 0) + 1);
    const header = data.sheets[issue.sheet]?.headerRow ?? 0;
    if (issue.row !== null && issue.row > header) {
      const rows = errorRows.get(issue.sheet) ?? new Set<number>();
      rows.add(issue.row);
      errorRows.set(issue.sheet, rows);
    }
  }
  const leftOut = new Map<string, number>();
  for (const [sheet, rows] of rowsOf(data)) {
    const counted = new Set(rows.filter((r) => !r.blocked).map((r) => r.row));
    const out = new Set(rows.filter((r) => r.blocked).map((r) => r.row));
    for (const row of errorRows.get(sheet) ?? []) if (!counted.has(row)) out.add(row);
    if (out.size > 0) leftOut.set(sheet, out.size);
  }
  const order = SCHOOL_SHEETS.map((s) => s.name);
  const rank = (sheet: string) => (order.includes(sheet) ? order.indexOf(sheet) : order.length);
  const sheets = [...new Set([...errors.keys(), ...leftOut.keys()])]
    .sort((a, b) => rank(a) - rank(b))
    .map((sheet) => ({ sheet, errors: errors.get(sheet) ?? 0, rowsLeftOut: leftOut.get(sheet) ?? 0 }));
  return {
    errors: sheets.reduce((n, s) => n + s.errors, 0),
    rowsLeftOut: sheets.reduce((n, s) => n + s.rowsLeftOut, 0),
    sheets,
  };
}

/** The sheets with rows left out, as the report's note names them. */
export const leftOutRows = (data: SchoolData): { sheet: string; rows: number }[] =>
  dataErrorsOf(data).sheets.filter((s) => s.rowsLeftOut > 0).map((s) => ({ sheet: s.sheet, rows: s.rowsLeftOut }));

/** True when the workbook cannot be used at all (CLI exit code 2): not this template, or newer. */
export function isUnusable(result: Pick<ValidateResult, 'issues'>): boolean {
  return result.issues.some((i) => UNUSABLE_CODES.has(i.code));
}

const UNUSABLE_CODES = new Set(['WORKBOOK_EMPTY', 'WORKBOOK_NOT_TEMPLATE', 'TEMPLATE_NEWER']);
