// The district refresh inside Apps Script: the ports of core/app/district-refresh.ts over
// UrlFetchApp (the Sheets and Drive REST APIs with the user's own token, scope drive.file +
// script.external_request), Utilities.sleep, document properties (the cursor) and an hourly
// installable trigger (script.scriptapp), and the deployer's Picker settings.
//
// Limits kept (developers.google.com/apps-script/guides/services/quotas): an execution ends at 6
// minutes, so a step stops starting request batches 4.5 minutes in (a batch waits for its slowest
// request; the rows and the cursor are written after it) and sleeps only while its deadline
// allows; a property value holds 9 KB (the cursor is a few hundred bytes; every school's result
// lives in the workbook). Editor add-on triggers (developers.google.com/apps-script/add-ons/
// concepts/editor-triggers): time-driven at most once an hour, one of each type per user per
// document, so the trigger is looked up before one is made.

import { PICKER_PROPERTIES, type DistrictPorts } from '../core/app/district-refresh.ts';

const CURSOR_KEY = 'cchc.district.cursor';
/** The trigger's handler: a top-level function of main.ts. */
export const AUTO_REFRESH_HANDLER = 'districtAutoRefresh';
/** Stop starting request batches this long into an execution (Apps Script stops it at 6 minutes). */
export const STEP_BUDGET_MS = 270_000;
/** Utilities.sleep's most a call (developers.google.com/apps-script/reference/utilities/utilities#sleepmilliseconds). */
const MAX_SLEEP_MS = 300_000;

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ScriptApp.getUserTriggers(ss).filter((tr) => tr.getHandlerFunction() === AUTO_REFRESH_HANDLER);
}

/** The file picker (dist/Picker.html) in a dialog over the sheet. */
export function showPickerDialog(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Picker').setWidth(760).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** The ports for one execution that started at `startedMs`. Nothing is called until used. */
export function districtPorts(startedMs: number): DistrictPorts {
  let token: string | null = null;
  const oauthToken = (): string => (token ??= ScriptApp.getOAuthToken());
  return {
    nowMs: () => Date.now(),
    deadlineMs: startedMs + STEP_BUDGET_MS,
    sleep: (ms) => Utilities.sleep(Math.max(0, Math.min(MAX_SLEEP_MS, Math.round(ms)))),
    fetchAll(urls) {
      const headers = { Authorization: `Bearer ${oauthToken()}` };
      const answers = UrlFetchApp.fetchAll(urls.map((url) => ({ url, method: 'get' as const, headers, muteHttpExceptions: true })));
      return answers.map((r) => ({ code: r.getResponseCode(), text: r.getContentText() }));
    },
    random: () => Math.random(),
    loadCursor: () => PropertiesService.getDocumentProperties().getProperty(CURSOR_KEY),
    saveCursor: (text) => void PropertiesService.getDocumentProperties().setProperty(CURSOR_KEY, text),
    trigger: {
      scheduled: () => ourTriggers().length > 0,
      set(on) {
        const mine = ourTriggers();
        if (on && mine.length === 0) ScriptApp.newTrigger(AUTO_REFRESH_HANDLER).timeBased().everyHours(1).create();
        if (!on) for (const tr of mine) ScriptApp.deleteTrigger(tr);
      },
    },
    picker() {
      const props = PropertiesService.getScriptProperties();
      const clean = (v: string | null): string | null => (v && v.trim() !== '' ? v.trim() : null);
      return { apiKey: clean(props.getProperty(PICKER_PROPERTIES.apiKey)), appId: clean(props.getProperty(PICKER_PROPERTIES.appId)), oauthToken: oauthToken() };
    },
    account() {
      try {
        return Session.getActiveUser().getEmail();
      } catch {
        return '';
      }
    },
    showPicker: showPickerDialog,
  };
}

