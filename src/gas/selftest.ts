// cchcSelfTest: the proof on a real Google account (README "Checking on a real account"). Not in
// the menu: a maintainer runs it with `clasp run cchcSelfTest` or from the script editor, on a
// blank spreadsheet of a test deployment. It runs the school's whole job on the sample school
// (core/app/selftest.ts), reads each Doc back, compares every figure and every line with the
// values the same core computed from the same sample when the bundle was built, logs and returns
// a pass/fail table with the Docs' links, and removes the sheets it made (the Docs stay).
import { userLang } from '../core/app/handlers.ts';
import { isThenable } from '../core/app/maybe.ts';
import {
  compareSelfTest,
  runSelfTestFlow,
  selfTestContext,
  selfTestTable,
  SELFTEST_REPORTS,
  type SelfTestFacts,
  type SelfTestRun,
} from '../core/app/selftest.ts';
import { t } from '../core/i18n.ts';
import type { ReportType } from '../core/report/doc-model.ts';
import { gasContext } from './context.ts';

/**
 * The expected facts: dist/SelfTestExpected.html, JSON written by build.mjs
 * (src/node/selftest-expected.ts). HtmlOutput.getContent() gives a project file's text back
 * (developers.google.com/apps-script/reference/html/html-output#getContent()).
 */
function expectedFacts(): SelfTestFacts {
  return JSON.parse(HtmlService.createHtmlOutputFromFile('SelfTestExpected').getContent()) as SelfTestFacts;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Put the spreadsheet back as it was: the sheets it had (emptied, their names back), no other. */
function restore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, before: Map<number, string>): void {
  const now = spreadsheet.getSheets();
  const kept = now.filter((s) => before.has(s.getSheetId()));
  // A spreadsheet keeps at least one sheet: when the job reused every original one, make room first.
  if (kept.length === 0) spreadsheet.insertSheet();
  for (const s of now) {
    if (before.has(s.getSheetId())) {
      s.clear();
      for (const p of s.getProtections(SpreadsheetApp.ProtectionType.SHEET)) p.remove();
      const name = before.get(s.getSheetId())!;
      if (s.getName() !== name) s.setName(name);
      s.showSheet();
    } else {
      spreadsheet.deleteSheet(s as Sheet);
    }
  }
}

export function cchcSelfTest(): string {
  const base = gasContext();
  const lang = userLang(base);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return t(lang, 'selftest.noSpreadsheet');
  // Never on a school's data: every sheet must be empty.
  const sheets = spreadsheet.getSheets();
  const used = sheets.find((s) => s.getLastRow() > 0 || s.getLastColumn() > 0);
  if (used) {
    const message = t(lang, 'selftest.notBlank', { sheet: used.getName() });
    console.log(message);
    return message;
  }
  const before = new Map(sheets.map((s) => [s.getSheetId(), s.getName()] as const));
  let run: SelfTestRun;
  try {
    const answer = runSelfTestFlow(selfTestContext(base));
    if (isThenable(answer)) throw new Error('asynchronous document port');
    run = answer;
  } catch (e) {
    restore(spreadsheet, before);
    const message = t(lang, 'selftest.crashed', { detail: e instanceof Error ? e.message : String(e) });
    console.error(message, e instanceof Error ? e.stack : '');
    return message;
  }
  const texts: Partial<Record<ReportType, string | null>> = {};
  for (const type of SELFTEST_REPORTS) {
    try {
      texts[type] = DocumentApp.openById(run.made[type].id).getBody().getText();
    } catch {
      texts[type] = null;
    }
  }
  const rows = compareSelfTest(expectedFacts(), run.facts, texts, lang);
  restore(spreadsheet, before);
  const links = SELFTEST_REPORTS.map((type) => t(lang, 'selftest.docLink', { type: t(lang, `selftest.type_${type}`), url: run.made[type].url }));
  const table = selfTestTable(rows, lang, links);
  console.log(table);
  return table;
}
