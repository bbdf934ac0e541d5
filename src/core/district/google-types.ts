// The parts of Google's REST answers the district reads: the Sheets API v4 `spreadsheets.get`
// (with grid data), Drive API v3 `files.list`, and the error body both APIs send. Each interface
// is the subset of Google's generated type of the same name (`sheets_v4.Schema$CellData`,
// `drive_v3.Schema$FileList`…, from @googleapis/sheets and @googleapis/drive) that the district's
// `fields` masks ask for, spelt as Google spells it.
//
// Why not import Google's types here: their declarations import Node's `stream`, which would put
// Node's globals into the core's type check (src/core/tsconfig.json proves the core has none).
// test/core/district/google-types.check.ts holds the proof that these ARE Google's: every field
// named here exists in Google's type with a compatible type, and Google's objects are assignable
// to these, checked by `tsc -p tsconfig.json`.

/** sheets_v4.Schema$Spreadsheet */
export interface SheetsSpreadsheet {
  spreadsheetId?: string | null;
  properties?: SheetsSpreadsheetProperties;
  sheets?: SheetsSheet[];
}

/** sheets_v4.Schema$SpreadsheetProperties */
export interface SheetsSpreadsheetProperties {
  title?: string | null;
  timeZone?: string | null;
}

/** sheets_v4.Schema$Sheet */
export interface SheetsSheet {
  properties?: SheetsSheetProperties;
  data?: SheetsGridData[];
}

/** sheets_v4.Schema$SheetProperties */
export interface SheetsSheetProperties {
  sheetId?: number | null;
  title?: string | null;
  index?: number | null;
  sheetType?: string | null;
}

/** sheets_v4.Schema$GridData */
export interface SheetsGridData {
  startRow?: number | null;
  startColumn?: number | null;
  rowData?: SheetsRowData[];
}

/** sheets_v4.Schema$RowData */
export interface SheetsRowData {
  values?: SheetsCellData[];
}

/** sheets_v4.Schema$CellData */
export interface SheetsCellData {
  userEnteredValue?: SheetsExtendedValue;
  effectiveValue?: SheetsExtendedValue;
  formattedValue?: string | null;
  userEnteredFormat?: SheetsCellFormat;
  effectiveFormat?: SheetsCellFormat;
}

/** sheets_v4.Schema$ExtendedValue */
export interface SheetsExtendedValue {
  numberValue?: number | null;
  stringValue?: string | null;
  boolValue?: boolean | null;
  formulaValue?: string | null;
  errorValue?: SheetsErrorValue;
}

/** sheets_v4.Schema$ErrorValue: `type` is ERROR, NULL_VALUE, DIVIDE_BY_ZERO, VALUE, REF, NAME, NUM, N_A or LOADING. */
export interface SheetsErrorValue {
  type?: string | null;
  message?: string | null;
}

/** sheets_v4.Schema$CellFormat */
export interface SheetsCellFormat {
  numberFormat?: SheetsNumberFormat;
}

/** sheets_v4.Schema$NumberFormat: `type` is TEXT, NUMBER, PERCENT, CURRENCY, DATE, TIME, DATE_TIME or SCIENTIFIC. */
export interface SheetsNumberFormat {
  type?: string | null;
  pattern?: string | null;
}

/** drive_v3.Schema$FileList */
export interface DriveFileList {
  kind?: string | null;
  nextPageToken?: string | null;
  incompleteSearch?: boolean | null;
  files?: DriveFile[];
}

/** drive_v3.Schema$File */
export interface DriveFile {
  kind?: string | null;
  id?: string | null;
  name?: string | null;
  mimeType?: string | null;
  modifiedTime?: string | null;
  /** A long, as a decimal string: it grows with every change to the file. */
  version?: string | null;
  trashed?: boolean | null;
}

/**
 * Google's JSON error body (the same for Sheets and Drive): `{ error: { code, message, status,
 * details } }` (cloud.google.com/apis/design/errors). Not in the generated types.
 */
export interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; reason?: string; domain?: string; metadata?: Record<string, string> }[];
    errors?: { reason?: string; message?: string; domain?: string }[];
  };
}
