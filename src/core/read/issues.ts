// Collecting problems as model.ts Issues, with messages in the user's language, and the order
// they are listed in (sheet order of the contract, then row, then column).

import { SHEETS } from '../contract/sheets.ts';
import { a1 } from '../contract/a1.ts';
import { t, type IssueCode, type MessageParams } from '../i18n.ts';
import type { Issue, Lang, Severity } from '../model.ts';

export class IssueSink {
  readonly issues: Issue[] = [];
  constructor(readonly lang: Lang) {}

  /** Add a problem; `col` is the 1-based column in the sheet (for the A1 cell), `column` the contract header. */
  add(sheet: string, row: number | null, column: string | null, col: number | null, severity: Severity, code: IssueCode, params: MessageParams = {}): Issue {
    const issue: Issue = {
      sheet, row, column,
      cell: row !== null && col !== null && col > 0 ? a1(row, col) : null,
      severity, code,
      message: t(this.lang, code, params),
    };
    this.issues.push(issue);
    return issue;
  }
}

const SHEET_ORDER = new Map(SHEETS.map((s, i) => [s.name, i]));

function cellColumn(cell: string | null): number {
  if (!cell) return 0;
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Sort issues by sheet order, row (whole-sheet problems first), column, severity, code. Stable. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => {
      const x = a.issue;
      const y = b.issue;
      return (
        (SHEET_ORDER.get(x.sheet) ?? 999) - (SHEET_ORDER.get(y.sheet) ?? 999) ||
        (x.row ?? 0) - (y.row ?? 0) ||
        cellColumn(x.cell) - cellColumn(y.cell) ||
        SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
        a.i - b.i
      );
    })
    .map((e) => e.issue);
}

export function countIssues(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
