// Peeking into the exceljs workbook behind an XlsxWorkbook, for tests of the adapter and the installer.

import type ExcelJS from 'exceljs';
import { LISTS_SHEET, type XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import type { LayoutSnapshot } from './workbook-port.contract.ts';

interface SheetInternals {
  views: { ySplit?: number; state?: string }[];
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { model: Record<string, unknown> };
  sheetProtection: unknown;
}

/** The exceljs workbook behind an adapter (tests only peek, never write through it). */
export function excelOf(book: XlsxWorkbook): ExcelJS.Workbook {
  return (book as unknown as { wb: ExcelJS.Workbook }).wb;
}

export function sheetOf(book: XlsxWorkbook, name: string): ExcelJS.Worksheet {
  const ws = excelOf(book).getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export function xlsxLayoutSnapshot(book: XlsxWorkbook, name: string): LayoutSnapshot {
  const ws = sheetOf(book, name);
  const x = ws as unknown as SheetInternals;
  const ours = x.conditionalFormattings.filter((cf) => JSON.stringify(cf.rules).includes('N(\\"cchc\\")'));
  const validated = new Set<number>();
  for (const key of Object.keys(x.dataValidations.model)) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(key);
    if (!m || !x.dataValidations.model[key]) continue;
    const from = Number(m[2]);
    const to = m[4] ? Number(m[4]) : from;
    if (from <= 2 && to >= 2) validated.add(m[1]!.charCodeAt(0) - 64);
  }
  const headerNotes: Record<number, string> = {};
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    if (cell.note) headerNotes[col] = typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note);
  });
  const lists = excelOf(book).getWorksheet(LISTS_SHEET);
  return {
    frozenRows: x.views[0]?.state === 'frozen' ? (x.views[0]?.ySplit ?? 0) : 0,
    ourRules: ours.length,
    otherRules: x.conditionalFormattings.length - ours.length,
    validatedColumns: [...validated].sort((a, b) => a - b),
    headerNotes,
    extra: {
      widths: [1, 2, 3, 6].map((c) => ws.getColumn(c).width ?? null),
      fills: Array.from({ length: 8 }, (_, i) => {
        const fill = ws.getColumn(i + 1).fill;
        return fill?.type === 'pattern' && fill.pattern !== 'none' ? (fill.fgColor?.argb ?? null) : null;
      }),
      numFmts: Array.from({ length: 8 }, (_, i) => ws.getColumn(i + 1).numFmt ?? null),
      validations: Object.keys(x.dataValidations.model).sort(),
      // exceljs fills absent style parts with null after a reload: drop them before comparing.
      rules: JSON.parse(JSON.stringify(x.conditionalFormattings, (_k, v: unknown) => (v === null ? undefined : v))),
      listColumns: lists?.columnCount ?? 0,
      protection: x.sheetProtection ?? null,
    },
  };
}

export function noteOf(book: XlsxWorkbook, sheet: string, row: number, col: number): string {
  const note = sheetOf(book, sheet).getRow(row).getCell(col).note;
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}


/** Conditional format rules in order: ranges and formula (exceljs keeps them without `=`). */
export function xlsxRuleFormulas(book: XlsxWorkbook, name: string): { ranges: string; formula: string }[] {
  const x = sheetOf(book, name) as unknown as SheetInternals;
  return x.conditionalFormattings.flatMap((cf) =>
    cf.rules.map((r) => ({ ranges: cf.ref, formula: String(('formulae' in r ? r.formulae?.[0] : undefined) ?? '') })),
  );
}

/** Merged blocks in A1 notation, sorted. */
export function xlsxMerges(book: XlsxWorkbook, name: string): string[] {
  const merges = (sheetOf(book, name) as unknown as { _merges: Record<string, { range: string }> })._merges;
  return Object.values(merges)
    .map((m) => m.range)
    .sort();
}

/** A row's stored height in pixels (points ÷ 0.75), null when none is stored. */
export function xlsxRowHeightPx(book: XlsxWorkbook, name: string, row: number): number | null {
  const h = sheetOf(book, name).findRow(row)?.height;
  return h === undefined ? null : Math.round((h / 0.75) * 100) / 100;
}
