// The Apps Script adapter loaded the way it runs: bundled by esbuild and evaluated in its own vm
// context whose globals are the offline runtime's services. Values cross realms as in Apps
// Script (the fake's Dates fail `instanceof Date` inside the bundle).

import { buildSync } from 'esbuild';
import * as path from 'node:path';
import vm from 'node:vm';
import { createRuntime, type Runtime } from '../gas-runtime/index.ts';
import type { WorkbookPort } from '../../src/core/ports.ts';
import type { LayoutSnapshot } from './workbook-port.contract.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let bundle: string | null = null;

function adapterBundle(): string {
  if (bundle === null) {
    const out = buildSync({
      entryPoints: [path.resolve(__dirname, '../../src/gas/spreadsheet-workbook.ts')],
      bundle: true,
      format: 'iife',
      globalName: '__workbook',
      platform: 'neutral',
      target: 'es2020',
      write: false,
    });
    bundle = out.outputFiles[0]!.text;
  }
  return bundle;
}

export interface GasBook {
  runtime: Runtime;
  /** The spreadsheet as the test sees it (host side, instrumented). */
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A fresh adapter built inside the bundle's context. */
  open(): WorkbookPort;
}

export function gasBook(options: Parameters<typeof createRuntime>[0] = {}): GasBook {
  const runtime = createRuntime(options);
  const context = vm.createContext({ ...runtime.globals() });
  vm.runInContext(adapterBundle(), context);
  const mod = (context as { __workbook: { SpreadsheetWorkbook: new (ss: unknown) => WorkbookPort } }).__workbook;
  const ss = runtime.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return { runtime, ss, open: () => new mod.SpreadsheetWorkbook(ss) };
}


/** The layout of a sheet as the contract compares it (read through the fake, host side). */
export function gasLayoutSnapshot(sheet: Sheet): LayoutSnapshot {
  const rules = sheet.getConditionalFormatRules();
  const ours = rules.filter((r) => (r.getBooleanCondition()?.getCriteriaValues() ?? []).some((v) => String(v).includes('N("cchc")')));
  const lastCol = Math.max(sheet.getLastColumn(), 8);
  const validations = sheet.getRange(2, 1, 1, lastCol).getDataValidations()[0] ?? [];
  const notes = sheet.getRange(1, 1, 1, lastCol).getNotes()[0] ?? [];
  const headerNotes: Record<number, string> = {};
  notes.forEach((n, i) => {
    if (n) headerNotes[i + 1] = n;
  });
  return {
    frozenRows: sheet.getFrozenRows(),
    ourRules: ours.length,
    otherRules: rules.length - ours.length,
    validatedColumns: validations.flatMap((v, i) => (v ? [i + 1] : [])),
    headerNotes,
    extra: {
      widths: [1, 2, 3, 6].map((c) => sheet.getColumnWidth(c)),
      rules: rules.map((r) => ({
        values: r.getBooleanCondition()?.getCriteriaValues().map(String),
        ranges: r.getRanges().map((x) => x.getA1Notation()),
        background: r.getBooleanCondition()?.getBackground(),
      })),
      protections: [
        ...sheet.getProtections(ProtectionTypes.RANGE),
        ...sheet.getProtections(ProtectionTypes.SHEET),
      ].map((p) => [p.getDescription(), p.isWarningOnly(), (p.getRange() as GoogleAppsScript.Spreadsheet.Range).getA1Notation()]),
      backgrounds: sheet.getRange(1, 1, 3, 8).getBackgrounds(),
      formats: sheet.getRange(2, 1, 1, 8).getNumberFormats(),
    },
  };
}

/** Conditional format rules in order: ranges and formula without its `=`. */
export function gasRuleFormulas(sheet: Sheet): { ranges: string; formula: string }[] {
  return sheet.getConditionalFormatRules().map((r) => ({
    ranges: r.getRanges().map((x) => x.getA1Notation()).join(' '),
    formula: String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? '').replace(/^=/, ''),
  }));
}

/** Merged blocks in A1 notation, sorted. */
export function gasMerges(sheet: Sheet): string[] {
  return sheet
    .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
    .getMergedRanges()
    .map((r) => r.getA1Notation())
    .sort();
}

/** Sheets' default row height, 21 px. */
const DEFAULT_ROW_PX = 21;

/** A row's height in pixels, null when it is Sheets' default. */
export function gasRowHeightPx(sheet: Sheet, row: number): number | null {
  const h = sheet.getRowHeight(row);
  return h === DEFAULT_ROW_PX ? null : h;
}

export const ProtectionTypes = { RANGE: 'RANGE', SHEET: 'SHEET' } as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;

