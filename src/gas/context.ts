// The AppContext inside Apps Script: the active spreadsheet, the Docs renderer, the user's
// properties and the document lock. Built per call (Apps Script keeps no state between calls).
import type { DistrictContext } from '../core/app/district-refresh.ts';
import type { Lang } from '../core/model.ts';
import type { Clock } from '../core/ports.ts';
import { GoogleDocsRenderer } from './docs-renderer.ts';
import { SpreadsheetWorkbook } from './spreadsheet-workbook.ts';
import { districtPorts } from './district-ports.ts';
import type { RemindContext } from '../core/app/remind-run.ts';
import { reminderPorts } from './remind-ports.ts';

const LANG_KEY = 'cchc.lang';
/** How long a second user waits for the first one's write to finish before hearing "busy". */
const LOCK_WAIT_MS = 10_000;

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975): no Utilities call needed. */
const TZ_OFFSET_MS = 7 * 3_600_000;

/** Wall-clock time in Asia/Ho_Chi_Minh as `yyyy-MM-ddTHH:mm:ss`. */
function localNow(): string {
  return new Date(new Date().getTime() + TZ_OFFSET_MS).toISOString().slice(0, 19);
}

export function gasClock(): Clock {
  return {
    today: () => localNow().slice(0, 10),
    now: () => `${localNow()}+07:00`,
  };
}

export function userLangPreference(): Lang | null {
  const v = PropertiesService.getUserProperties().getProperty(LANG_KEY);
  return v === 'vi' || v === 'en' ? v : null;
}

/** Who acts, for `Nhật ký` (scope userinfo.email); '' where Google withholds it (other domain). */
function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

export function gasContext(): DistrictContext & RemindContext {
  const startedMs = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new SpreadsheetWorkbook(spreadsheet);
  // The user's language, read once per execution (two Properties calls) and kept with what is set.
  let lang: { value: Lang | null } | null = null;
  return {
    workbook,
    clock: gasClock(),
    documents: new GoogleDocsRenderer(),
    prefs: {
      getLang: () => (lang ??= { value: userLangPreference() }).value,
      setLang: (next) => {
        PropertiesService.getUserProperties().setProperty(LANG_KEY, next);
        lang = { value: next };
      },
    },
    user: activeUserEmail,
    fileId: () => spreadsheet.getId(),
    district: districtPorts(startedMs),
    reminders: reminderPorts(),
    selectCell(sheet, a1) {
      const target = spreadsheet.getSheetByName(sheet);
      if (target) target.getRange(a1).activate();
    },
    withLock(fn) {
      // getDocumentLock() is null "outside of the context of a containing document (such as from a
      // standalone script or webapp)" (developers.google.com/apps-script/reference/lock/lock-service):
      // then the script lock, which spans every user of the script: still one writer at a time.
      const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
      if (!lock.tryLock(LOCK_WAIT_MS)) return { ran: false };
      // What was read before waiting for the lock may have been changed by the execution that held it.
      workbook.forgetReads();
      try {
        return { ran: true, value: fn() };
      } finally {
        lock.releaseLock();
      }
    },
  };
}
