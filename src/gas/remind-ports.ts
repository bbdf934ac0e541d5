// The weekly reminders inside Apps Script (issue 14): the ports of core/remind over MailApp
// (scope script.send_mail), document properties (the sent-week record, shared by every user of
// the document, so two users' triggers send a week once) and one weekly installable trigger per
// user per document (scope script.scriptapp; editor add-on rules,
// developers.google.com/apps-script/add-ons/concepts/editor-triggers: looked up before one is
// made, as the district's hourly trigger is). The trigger's execution has no UI and no active
// range: nothing here needs either. The trigger's handler itself is in remind.ts.
import { SHEET_NAMES } from '../core/contract/sheet-names.ts';
import type { ReminderPorts } from '../core/app/remind-run.ts';

/** The trigger's handler: a top-level function of main.ts. */
export const REMINDER_HANDLER = 'weeklyReminders';
const SENT_KEY = 'cchc.remind.sent';

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ScriptApp.getUserTriggers(ss).filter((tr) => tr.getHandlerFunction() === REMINDER_HANDLER);
}

export function reminderPorts(): ReminderPorts {
  const ss = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send: (m) => MailApp.sendEmail({ to: m.to, subject: m.subject, body: m.text, name: 'CCHC' }),
    loadSent: () => PropertiesService.getDocumentProperties().getProperty(SENT_KEY),
    saveSent: (text) => void PropertiesService.getDocumentProperties().setProperty(SENT_KEY, text),
    linkOf(row) {
      const sheet = ss().getSheetByName(SHEET_NAMES.tasks);
      return `${ss().getUrl()}#gid=${sheet ? sheet.getSheetId() : 0}&range=A${row}`;
    },
    workbookLink: () => ss().getUrl(),
    fallbackTo() {
      try {
        return Session.getEffectiveUser().getEmail();
      } catch {
        return '';
      }
    },
    trigger: {
      scheduled: () => ourTriggers().length > 0,
      set(on) {
        const mine = ourTriggers();
        if (on && mine.length === 0) ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).inTimezone('Asia/Ho_Chi_Minh').create();
        if (!on) for (const tr of mine) ScriptApp.deleteTrigger(tr);
      },
    },
  };
}

