// Reading a school's spreadsheet through Google's REST APIs, decided here and carried out by the
// Apps Script shell (UrlFetchApp): the district reads schools it may not open with SpreadsheetApp
// (`spreadsheets.currentonly` covers only the open file), under `drive.file` (the files the
// officer chose in the Google Picker).
//
// - One read request per school: Sheets API v4 `spreadsheets.get` with `includeGridData` and a
//   `fields` mask giving each sheet's title, each cell's value and its number format, nothing else.
// - Its answer becomes a read-only WorkbookPort that readSchool reads exactly as it reads the same
//   sheet through SpreadsheetApp (src/gas/spreadsheet-workbook.ts): values as getValues gives them
//   (numbers, text, booleans, dates as DateCell, a formula's value, an error as its `#N/A` text),
//   formats parallel, names NFC, the grid ending at its last row with content.
// - Drive API v3 `files.list` tells which chosen files changed, 1,000 files a call.
// - A school's link (a spreadsheet URL or a bare ID) gives its spreadsheet ID, or nothing: then
//   the school is `notFound` at once, without a request.

import { sheetNameKey } from '../contract/sheet-names.ts';
import type { IsoDate } from '../model.ts';
import type { RawCell, SheetGrid, WorkbookPort } from '../ports.ts';
import type { DriveFileList, GoogleErrorBody, SheetsCellData, SheetsSpreadsheet } from './google-types.ts';

export const SHEETS_API = 'https://sheets.googleapis.com/v4/spreadsheets';
export const DRIVE_FILES_API = 'https://www.googleapis.com/drive/v3/files';
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * What one school's read asks for (developers.google.com/sheets/api/guides/field-masks): sheet
 * titles, and per cell its computed value and the number format the reader looks at (percent;
 * the type says which numbers are dates). A formula's `effectiveValue` is its result.
 */
export const SCHOOL_FIELDS = 'sheets(properties(title),data(startRow,startColumn,rowData(values(effectiveValue,effectiveFormat/numberFormat))))';

/** `spreadsheets.get` for one school: one request, every sheet, values and formats. */
export function schoolReadUrl(spreadsheetId: string): string {
  return `${SHEETS_API}/${encodeURIComponent(spreadsheetId)}?includeGridData=true&fields=${encodeURIComponent(SCHOOL_FIELDS)}`;
}

/** Drive's fields for deciding what changed: the file, when it changed and its version. */
export const DRIVE_LIST_FIELDS = 'nextPageToken,incompleteSearch,files(id,modifiedTime,version)';
/** files.list's largest page (developers.google.com/drive/api/reference/rest/v3/files/list: pageSize 1–1000). */
export const DRIVE_PAGE_SIZE = 1000;

/** One page of the spreadsheets this user chose (drive.file lists only those), not in the bin. */
export function driveListUrl(pageToken?: string | null): string {
  const q = `mimeType='${SPREADSHEET_MIME}' and trashed=false`;
  const params = [
    `q=${encodeURIComponent(q)}`,
    `pageSize=${DRIVE_PAGE_SIZE}`,
    `fields=${encodeURIComponent(DRIVE_LIST_FIELDS)}`,
    'supportsAllDrives=true',
    'includeItemsFromAllDrives=true',
  ];
  if (pageToken) params.push(`pageToken=${encodeURIComponent(pageToken)}`);
  return `${DRIVE_FILES_API}?${params.join('&')}`;
}

// ---------------------------------------------------------------- links

/** Drive IDs are URL-safe base64 (letters, digits, `-`, `_`); spreadsheet IDs are 44 long, older ones shorter. */
const ID = '[A-Za-z0-9_-]{25,128}';
const BARE_ID = new RegExp(`^${ID}$`);
const GOOGLE_HOSTS = new Set(['docs.google.com', 'drive.google.com', 'sheets.google.com']);

/**
 * The spreadsheet ID in a school's `Liên kết`: a Sheets URL (`…/spreadsheets/d/ID/edit#gid=0`,
 * with `/u/1/` or not), a Drive link (`/file/d/ID`, `open?id=ID`), or a bare ID. Anything else
 * (a local path, another site, a typo) is null: the school is `notFound` without a request.
 */
export function spreadsheetIdOf(link: string): string | null {
  const text = link.trim();
  if (BARE_ID.test(text)) return text;
  // By hand: Apps Script has no URL class. scheme? host path? query? fragment?
  const m = /^(?:https?:\/\/)?([^/?#\s]+)(\/[^?#\s]*)?(\?[^#\s]*)?(#\S*)?$/i.exec(text);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!GOOGLE_HOSTS.has(host)) return null;
  const inPath = new RegExp(`^/(?:spreadsheets|file)/(?:u/\\d+/)?d/(${ID})(?:/|$)`).exec(m[2] ?? '');
  if (inPath?.[1]) return inPath[1];
  const param = new RegExp(`[?&](?:id|key)=(${ID})(?:&|$)`).exec(m[3] ?? '');
  return param?.[1] ?? null;
}

// ---------------------------------------------------------------- answers

export type SchoolAnswer =
  | { kind: 'workbook'; port: WorkbookPort }
  | { kind: 'failed'; status: 'noAccess' | 'notFound' | 'unreadable'; detail: string }
  /** Try again later (429 quota, 5xx): not a result. */
  | { kind: 'retry'; code: number; detail: string; quota: boolean };

function errorOf(text: string): GoogleErrorBody['error'] | null {
  try {
    const body = JSON.parse(text) as GoogleErrorBody;
    return typeof body === 'object' && body !== null && typeof body.error === 'object' ? body.error : null;
  } catch {
    return null;
  }
}

/** Reasons Google gives on a 403 that mean "too fast", not "not allowed" (Drive's older style). */
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/**
 * What an HTTP answer to `spreadsheets.get` means for the school. 403 PERMISSION_DENIED: the file
 * was not chosen in the Picker (drive.file) or is not shared with the officer; 404: no such file
 * (or deleted); 429 and 5xx: try again later (developers.google.com/sheets/api/limits: "use an
 * exponential backoff algorithm"); 400 FAILED_PRECONDITION: not a Google Sheet (an uploaded .xlsx).
 */
export function schoolAnswer(code: number, text: string): SchoolAnswer {
  if (code >= 200 && code < 300) {
    let body: SheetsSpreadsheet;
    try {
      body = JSON.parse(text) as SheetsSpreadsheet;
    } catch {
      return { kind: 'failed', status: 'unreadable', detail: 'JSON' };
    }
    if (typeof body !== 'object' || body === null) return { kind: 'failed', status: 'unreadable', detail: 'JSON' };
    return { kind: 'workbook', port: sheetsWorkbook(body) };
  }
  const error = errorOf(text);
  const detail = `HTTP ${code}${error?.message ? `: ${error.message.slice(0, 160)}` : ''}`;
  const reasons = [...(error?.details ?? []).map((d) => d.reason ?? ''), ...(error?.errors ?? []).map((e) => e.reason ?? '')];
  if (code === 429) return { kind: 'retry', code, detail, quota: true };
  if (code === 403 && reasons.some((r) => RATE_REASONS.has(r))) return { kind: 'retry', code, detail, quota: true };
  if (code >= 500) return { kind: 'retry', code, detail, quota: false };
  if (code === 401 || code === 403) return { kind: 'failed', status: 'noAccess', detail };
  if (code === 404) return { kind: 'failed', status: 'notFound', detail };
  return { kind: 'failed', status: 'unreadable', detail };
}

// ---------------------------------------------------------------- the workbook

/** Sheets' serial day 0 (developers.google.com/sheets/api/guides/formats: "days since December 30, 1899"). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A serial date-time as its calendar date. Serials count local days: the spreadsheet's own clock,
 * so the date is the whole part, as SpreadsheetApp's Date read in the spreadsheet's zone gives it.
 */
export function serialDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const ms = SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * The text SpreadsheetApp's getValues gives for a formula error (`#N/A`…), by ErrorValue.type
 * (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#ErrorType).
 */
export const ERROR_TEXT: Readonly<Record<string, string>> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!',
  NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: 'Loading...',
};

/** Number format types whose numbers SpreadsheetApp hands back as Dates. */
const DATE_TYPES = new Set(['DATE', 'DATE_TIME', 'TIME']);

function cellValue(cell: SheetsCellData | undefined): RawCell {
  const v = cell?.effectiveValue;
  if (!v) return '';
  if (typeof v.numberValue === 'number') {
    const type = cell?.effectiveFormat?.numberFormat?.type ?? '';
    if (DATE_TYPES.has(type)) {
      const date = serialDate(v.numberValue);
      return date === null ? v.numberValue : { date };
    }
    return v.numberValue;
  }
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? ''] ?? '#ERROR!';
  return '';
}

function cellFormat(cell: SheetsCellData | undefined): string {
  const f = cell?.effectiveFormat?.numberFormat;
  if (!f) return '';
  const pattern = f.pattern ?? '';
  // A percent format shown by its type alone still reads as percent.
  if (pattern === '' && f.type === 'PERCENT') return '0%';
  return pattern;
}

function gridOf(title: string, sheet: NonNullable<SheetsSpreadsheet['sheets']>[number]): SheetGrid {
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  for (const data of sheet.data ?? []) {
    const top = data.startRow ?? 0;
    const left = data.startColumn ?? 0;
    (data.rowData ?? []).forEach((row, i) => {
      const r = top + i;
      const vals = (values[r] ??= []);
      const fmts = (formats[r] ??= []);
      (row.values ?? []).forEach((cell, j) => {
        vals[left + j] = cellValue(cell);
        fmts[left + j] = cellFormat(cell);
      });
    });
  }
  // Rectangular like getDataRange().getValues(): holes and short rows are empty cells, and the
  // grid ends at its last row with content (format-only rows below it are not data).
  const isEmpty = (v: RawCell | undefined): boolean => v === undefined || v === '' || v === null;
  let last = values.length;
  while (last > 0 && (values[last - 1] ?? []).every(isEmpty)) last--;
  let width = 0;
  for (let r = 0; r < last; r++) {
    const row = values[r] ?? [];
    for (let c = row.length; c > width; c--) if (!isEmpty(row[c - 1])) width = c;
  }
  const outValues: RawCell[][] = [];
  const outFormats: string[][] = [];
  for (let r = 0; r < last; r++) {
    outValues.push(Array.from({ length: width }, (_, c) => values[r]?.[c] ?? ''));
    outFormats.push(Array.from({ length: width }, (_, c) => formats[r]?.[c] ?? ''));
  }
  return { name: title, values: outValues, formats: outFormats };
}

const readOnly = (what: string): never => {
  throw new Error(`A school read through the Sheets API is read-only (${what})`);
};

/** The school as readSchool reads it: sheet names and grids, built lazily, one sheet at a time. */
export function sheetsWorkbook(body: SheetsSpreadsheet): WorkbookPort {
  const sheets = (body.sheets ?? []).map((s) => ({ title: sheetNameKey(s.properties?.title ?? ''), raw: s }));
  const grids = new Map<number, SheetGrid>();
  const find = (name: string): number => {
    const exact = sheets.findIndex((s) => s.title === name);
    if (exact >= 0) return exact;
    const want = sheetNameKey(name);
    return sheets.findIndex((s) => s.title === want);
  };
  return {
    sheetNames: () => sheets.map((s) => s.title),
    readSheet(name) {
      const i = find(name);
      if (i < 0) return null;
      let grid = grids.get(i);
      if (!grid) {
        const s = sheets[i]!;
        grid = gridOf(s.title, s.raw);
        grids.set(i, grid);
      }
      return { name: grid.name, values: grid.values.map((r) => [...r]), formats: grid.formats.map((r) => [...r]) };
    },
    ensureSheet: () => readOnly('ensureSheet'),
    writeBlock: () => readOnly('writeBlock'),
    writeFormats: () => readOnly('writeFormats'),
    appendRows: () => readOnly('appendRows'),
    clearSheet: () => readOnly('clearSheet'),
    applyLayout: () => readOnly('applyLayout'),
    styleBlock: () => readOnly('styleBlock'),
    setMarks: () => readOnly('setMarks'),
    clearMarks: () => readOnly('clearMarks'),
  };
}

// ---------------------------------------------------------------- Drive

export interface DriveStamp {
  /** What says the file changed: `modifiedTime#version` (state.ts StoredRead.stamp). */
  stamp: string;
  /** When it last changed, ISO with the +07:00 offset. */
  changedAt: string;
}

export interface DrivePage {
  files: Map<string, DriveStamp>;
  nextPageToken: string | null;
  /** Drive could not search every corpus: a file missing from the list may still exist. */
  incomplete: boolean;
}

/** Vietnam keeps +07:00 all year: an RFC 3339 instant as the product writes times. */
export function vietnamTime(instant: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/** One page of files.list; null when the body is not one. */
export function parseDriveList(text: string): DrivePage | null {
  let body: DriveFileList;
  try {
    body = JSON.parse(text) as DriveFileList;
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !Array.isArray(body.files)) return null;
  const files = new Map<string, DriveStamp>();
  for (const f of body.files) {
    if (typeof f.id !== 'string' || typeof f.modifiedTime !== 'string') continue;
    const changedAt = vietnamTime(f.modifiedTime);
    if (changedAt === null) continue;
    files.set(f.id, { stamp: `${f.modifiedTime}#${f.version ?? ''}`, changedAt });
  }
  return { files, nextPageToken: typeof body.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : null, incomplete: body.incompleteSearch === true };
}
