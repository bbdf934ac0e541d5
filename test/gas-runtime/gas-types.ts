// The fakes implement the part of Apps Script the add-on uses, not the whole typed API. Code under
// test that is typed against @types/google-apps-script takes them through these casts.

import type { FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet.ts';

export const asGasSpreadsheetApp = (app: FakeSpreadsheetApp): GoogleAppsScript.Spreadsheet.SpreadsheetApp =>
  app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export const asGasSpreadsheet = (ss: FakeSpreadsheet): GoogleAppsScript.Spreadsheet.Spreadsheet =>
  ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

export const asGasSheet = (sheet: FakeSheet): GoogleAppsScript.Spreadsheet.Sheet => sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
