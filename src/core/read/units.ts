// The district workbook's `Danh sách đơn vị`: the schools to read. One readSheet.

import { sheetSpec } from '../contract/sheets.ts';
import { isUnitCode } from '../contract/settings.ts';
import type { Issue, Lang, SheetHeaderMap } from '../model.ts';
import type { WorkbookPort } from '../ports.ts';
import { foldKey, isEmail, quoteValue } from '../text.ts';
import { IssueSink, sortIssues } from './issues.ts';
import { locateTable } from './table.ts';

export interface UnitEntry {
  row: number;
  code: string;
  name: string;
  /** Spreadsheet URL or ID; locally a file path. */
  source: string;
  manager: string;
  email: string;
  note: string;
  /** True when the row cannot be read (no code or no link, or a repeated code). */
  blocked: boolean;
}

export interface UnitList {
  units: UnitEntry[];
  header: SheetHeaderMap | null;
  issues: Issue[];
}

export function readUnitList(port: WorkbookPort, lang: Lang): UnitList {
  const spec = sheetSpec('units');
  const sink = new IssueSink(lang);
  const grid = port.readSheet(spec.name);
  if (!grid) {
    sink.add(spec.name, null, null, null, 'error', 'SHEET_MISSING', { sheet: spec.name });
    return { units: [], header: null, issues: sink.issues };
  }
  const table = locateTable(spec, grid, sink);
  if (!table) return { units: [], header: null, issues: sortIssues(sink.issues) };
  const units: UnitEntry[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows()) {
    const code = r.text('unitCode');
    if (code !== '') {
      const first = seen.get(foldKey(code));
      if (first !== undefined) r.issue('unitCode', 'error', 'UNIT_CODE_DUPLICATE', { value: code, firstRow: first });
      else {
        seen.set(foldKey(code), r.row);
        // A code no school's Thông tin can hold (the rule of Mã đơn vị; the list is matched
        // without regard to case): no school would ever match it.
        if (!isUnitCode(code.toLocaleUpperCase('vi'))) r.issue('unitCode', 'error', 'UNIT_CODE_INVALID', { value: quoteValue(code) });
      }
    }
    let email = r.text('email');
    if (email !== '' && !isEmail(email)) {
      r.issue('email', 'error', 'EMAIL_INVALID', { value: quoteValue(email) });
      email = '';
    }
    units.push({
      row: r.row, code, name: r.text('unitName'), source: r.text('source'), manager: r.text('manager'), email, note: r.text('note'),
      blocked: r.erred('unitCode', 'source'),
    });
  }
  return { units, header: table.header, issues: sortIssues(sink.issues) };
}
