// `validate`: every problem of a school workbook (TEMPLATE.md), as CLI.md's validate JSON.
// The rules run while reading (read/), so progress, reports and the district see the same
// issues and the same blocked rows.

import type { Issue, IsoDate, Lang, PeriodCode, SchoolData, Severity } from './model.ts';
import type { WorkbookPort } from './ports.ts';
import { SHEET_NAMES } from './contract/sheet-names.ts';
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

/** Rows of one sheet that errors keep out of the figures. */
export interface LeftOut {
  sheet: string;
  rows: number;
}

/**
 * The rows an error keeps out of the figures, per input sheet, in template order: what the sidebar
 * warns of before a report and what the report itself says. A row is left out when the reader
 * blocked it (an error in a cell a figure needs); an error in free text leaves nothing out.
 */
export function leftOutRows(data: SchoolData): LeftOut[] {
  const counts: [string, { blocked: boolean }[]][] = [
    [SHEET_NAMES.tasks, data.tasks],
    [SHEET_NAMES.kpis, data.kpis],
    [SHEET_NAMES.initiatives, data.initiatives],
    [SHEET_NAMES.activities, data.activities],
  ];
  return counts.map(([sheet, rows]) => ({ sheet, rows: rows.filter((r) => r.blocked).length })).filter((l) => l.rows > 0);
}

/** True when the workbook cannot be used at all (CLI exit code 2): not this template, or newer. */
export function isUnusable(result: Pick<ValidateResult, 'issues'>): boolean {
  return result.issues.some((i) => UNUSABLE_CODES.has(i.code));
}

const UNUSABLE_CODES = new Set(['WORKBOOK_EMPTY', 'WORKBOOK_NOT_TEMPLATE', 'TEMPLATE_NEWER']);
