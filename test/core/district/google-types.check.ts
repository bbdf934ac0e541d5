// Compile-time proof that src/core/district/google-types.ts is the subset of Google's generated
// types it says it is (checked by `tsc -p tsconfig.json`; nothing here runs).
// - Google's object is assignable to ours: everything we read has Google's type there;
// - every key we name is one of Google's (no misspelt field that would always be undefined).
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type * as Ours from '../../../src/core/district/google-types.ts';

type Assignable<From, To> = [From] extends [To] ? true : false;
type KeysKnown<Mine, Google> = Exclude<keyof Mine, keyof Google> extends never ? true : false;
type Both<Mine, Google> = Assignable<Google, Mine> extends true ? KeysKnown<Mine, Google> : false;

export const checks: true[] = [
  true satisfies Both<Ours.SheetsSpreadsheet, sheets_v4.Schema$Spreadsheet>,
  true satisfies Both<Ours.SheetsSpreadsheetProperties, sheets_v4.Schema$SpreadsheetProperties>,
  true satisfies Both<Ours.SheetsSheet, sheets_v4.Schema$Sheet>,
  true satisfies Both<Ours.SheetsSheetProperties, sheets_v4.Schema$SheetProperties>,
  true satisfies Both<Ours.SheetsGridData, sheets_v4.Schema$GridData>,
  true satisfies Both<Ours.SheetsRowData, sheets_v4.Schema$RowData>,
  true satisfies Both<Ours.SheetsCellData, sheets_v4.Schema$CellData>,
  true satisfies Both<Ours.SheetsExtendedValue, sheets_v4.Schema$ExtendedValue>,
  true satisfies Both<Ours.SheetsErrorValue, sheets_v4.Schema$ErrorValue>,
  true satisfies Both<Ours.SheetsCellFormat, sheets_v4.Schema$CellFormat>,
  true satisfies Both<Ours.SheetsNumberFormat, sheets_v4.Schema$NumberFormat>,
  true satisfies Both<Ours.DriveFileList, drive_v3.Schema$FileList>,
  true satisfies Both<Ours.DriveFile, drive_v3.Schema$File>,
];
