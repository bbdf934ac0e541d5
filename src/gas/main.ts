// The only module Apps Script sees. build.mjs turns every export here into a top-level
// `function name() {}` in dist/Code.js, so this export list IS the add-on's list of entry points:
// triggers, menu items, and one function per sidebar call (src/core/api.ts). Logic lives in the
// modules; nothing here runs at load time (the bundle's top level calls no service).
import './zod-jitless.ts'; // first: before any zod schema is built
import type { ApiEnvelope, ApiName } from '../core/api.ts';
import { callServer } from './server.ts';
import { districtAutoRefresh, openPicker } from './district.ts';
import { cchcSelfTest } from './selftest.ts';
import { weeklyReminders } from './remind.ts';
import {
  buildMenu, menuAbout, menuDistrictPicker, menuDistrictRefresh, menuDistrictReport, menuGenerateReport, menuInstallTemplate, menuRollover, menuUpdateProgress, menuValidate, openSidebar,
} from './menu.ts';

// ---------------------------------------------------------------- triggers

/** Simple trigger: runs in AuthMode.NONE or LIMITED, so it only builds the menu. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

/** Runs when the add-on is installed: the document is already open, so build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e);
}

// ---------------------------------------------------------------- menu items

export { openSidebar, menuInstallTemplate, menuValidate, menuUpdateProgress, menuGenerateReport, menuAbout };
/** `Năm mới`: the sidebar on its new-year card (the original gets ready, the copy is rolled). */
export { menuRollover };
export { menuDistrictRefresh, menuDistrictPicker, menuDistrictReport };

// ---------------------------------------------------------------- the district

/** The hourly installable trigger of the district refresh (made when `Tự động cập nhật` = Có). */
export { districtAutoRefresh };
/** The Google Picker dialog: the officer chooses the schools' spreadsheets (drive.file). */
export { openPicker };

// ---------------------------------------------------------------- the weekly reminders

/** The weekly installable trigger (Monday 7h), made when the user turns reminders on in the sidebar. */
export { weeklyReminders };

// ---------------------------------------------------------------- the self-test

/** The proof on a real account (not in the menu): `clasp run cchcSelfTest` on a blank spreadsheet. */
export { cchcSelfTest };

// ---------------------------------------------------------------- sidebar calls (google.script.run)
// One top-level function per call of src/core/api.ts, each answering an ApiEnvelope.

export const getState = (input: unknown): ApiEnvelope => callServer('getState', input);
export const setLanguage = (input: unknown): ApiEnvelope => callServer('setLanguage', input);
export const installTemplate = (input: unknown): ApiEnvelope => callServer('installTemplate', input);
export const validate = (input: unknown): ApiEnvelope => callServer('validate', input);
export const selectCell = (input: unknown): ApiEnvelope => callServer('selectCell', input);
export const markProblems = (input: unknown): ApiEnvelope => callServer('markProblems', input);
export const clearMarks = (input: unknown): ApiEnvelope => callServer('clearMarks', input);
export const updateProgress = (input: unknown): ApiEnvelope => callServer('updateProgress', input);
export const generateReport = (input: unknown): ApiEnvelope => callServer('generateReport', input);
export const districtState = (input: unknown): ApiEnvelope => callServer('districtState', input);
export const districtRefresh = (input: unknown): ApiEnvelope => callServer('districtRefresh', input);
export const pickerConfig = (input: unknown): ApiEnvelope => callServer('pickerConfig', input);
export const showPicker = (input: unknown): ApiEnvelope => callServer('showPicker', input);
export const reminderState = (input: unknown): ApiEnvelope => callServer('reminderState', input);
export const setReminders = (input: unknown): ApiEnvelope => callServer('setReminders', input);
export const rolloverState = (input: unknown): ApiEnvelope => callServer('rolloverState', input);
export const startRollover = (input: unknown): ApiEnvelope => callServer('startRollover', input);
export const rollCopy = (input: unknown): ApiEnvelope => callServer('rollCopy', input);

// Every call of the API has its entry point above (checked when the bundle is built and typed).
const _allCallsExported: Record<ApiName, (input: unknown) => ApiEnvelope> = {
  getState, setLanguage, installTemplate, validate, selectCell, markProblems, clearMarks, updateProgress, generateReport,
  districtState, districtRefresh, pickerConfig, showPicker, reminderState, setReminders,
  rolloverState, startRollover, rollCopy,
};
void _allCallsExported;
