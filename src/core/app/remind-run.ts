// Sending the week's reminders (the weekly trigger in Google): once a week, within the mail quota.
//
// - The sent-week record (document properties in Google) holds the week's key and the messages
//   already sent; a second run in the same week (a retry, a second user's trigger) sends only what
//   is still waiting, so nothing twice. It is saved after every message, so a run cut off sends
//   nothing twice either. A new week starts a new record: what waited is superseded by the new
//   week's messages, computed afresh.
// - The quota is asked before sending. The summary goes first, so the principal hears what waits;
//   the owners past the quota wait for the next run.
// - One `Nhật ký` row per run that sent or had to leave something waiting.
// - `Nhắc việc qua email` off: nothing is sent, and the trigger of the user running it is removed.

import { t } from '../i18n.ts';
import type { IsoDate, Lang } from '../model.ts';
import type { AppContext } from './context.ts';
import { appendLog } from './log.ts';
import { loadSchool } from './operations.ts';
import { formatDateVi } from '../progress/dates.ts';
import { planReminders, type ReminderMessage, type ReminderPlan } from '../remind/plan.ts';

export interface ReminderPorts {
  /** Recipients the mail service still allows today (MailApp.getRemainingDailyQuota). */
  remainingQuota(): number;
  /** Send one message (one recipient); throws when the service refuses. */
  send(message: ReminderMessage): void;
  /** The sent-week record's text, null when none. */
  loadSent(): string | null;
  saveSent(text: string): void;
  /** Link to a row of `Kế hoạch`, and to the workbook. */
  linkOf(row: number): string;
  workbookLink(): string;
  /** Where the summary goes when the signer has no valid e-mail: the user whose trigger runs ('' none). */
  fallbackTo(): string;
  /** The weekly trigger of the user running this (one per user per document). */
  trigger: { scheduled(): boolean; set(on: boolean): void };
}

export interface RemindContext extends AppContext {
  reminders?: ReminderPorts;
}

export interface SentRecord {
  week: string;
  /** The week's Monday (shown by the sidebar). */
  monday: IsoDate;
  sent: string[];
}

export function decodeSent(text: string | null): SentRecord | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<SentRecord>;
    if (typeof v.week !== 'string' || typeof v.monday !== 'string' || !Array.isArray(v.sent)) return null;
    return { week: v.week, monday: v.monday, sent: v.sent.filter((s): s is string => typeof s === 'string') };
  } catch {
    return null;
  }
}

export interface RemindRun {
  week: string;
  monday: IsoDate;
  /** `off`: the setting is Không; `nothingDue`; `alreadySent`: this week's messages are all out; `sent`: this run sent or left some waiting. */
  outcome: 'off' | 'nothingDue' | 'alreadySent' | 'sent';
  /** Addresses sent to by this run. */
  sent: string[];
  /** Keys left for the next run (quota, or a refusal). */
  waiting: string[];
  /** The service's refusal, '' when none. */
  error: string;
}

/** The week's messages with the summary addressed (the signer, else the fallback). */
export function plannedMessages(plan: ReminderPlan, fallbackTo: string): ReminderMessage[] {
  return plan.messages.map((m) => (m.kind === 'summary' && m.to === '' ? { ...m, to: fallbackTo } : m)).filter((m) => m.to !== '');
}

export function runWeeklyReminders(ctx: RemindContext, ports: ReminderPorts, lang: Lang, asOf: IsoDate = ctx.clock.today()): RemindRun {
  const { data } = loadSchool(ctx, { lang, asOf });
  const planOpts = { asOf, lang, linkOf: ports.linkOf, workbookLink: ports.workbookLink() };
  let plan = planReminders(data, planOpts);
  const base = { week: plan.week, monday: plan.monday, sent: [] as string[], waiting: [] as string[], error: '' };
  if (!data.settings.emailReminders) {
    if (ports.trigger.scheduled()) ports.trigger.set(false);
    return { ...base, outcome: 'off' };
  }
  const before = decodeSent(ports.loadSent());
  const record: SentRecord = before && before.week === plan.week ? before : { week: plan.week, monday: plan.monday, sent: [] };
  const fallback = ports.fallbackTo();
  let todo = plannedMessages(plan, fallback).filter((m) => !record.sent.includes(m.key));
  if (plan.messages.length === 0) return { ...base, outcome: 'nothingDue' };
  if (todo.length === 0) return { ...base, outcome: 'alreadySent' };

  // The summary first: it tells the principal what waits.
  todo.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'summary' ? -1 : 1));
  const quota = Math.max(0, Math.floor(ports.remainingQuota()));
  let waiting = todo.slice(quota).map((m) => m.key);
  if (waiting.length > 0 && todo[0]!.kind === 'summary' && quota > 0) {
    plan = planReminders(data, { ...planOpts, waiting });
    const summary = plannedMessages(plan, fallback).find((m) => m.kind === 'summary');
    if (summary) todo = [summary, ...todo.slice(1)];
  }
  const sent: string[] = [];
  let error = '';
  for (const m of todo.slice(0, quota)) {
    try {
      ports.send(m);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      break;
    }
    sent.push(m.to);
    record.sent.push(m.key);
    ports.saveSent(JSON.stringify(record));
  }
  waiting = todo.filter((m) => !record.sent.includes(m.key)).map((m) => m.key);
  const monday = formatDateVi(plan.monday);
  appendLog(ctx.workbook, {
    now: ctx.clock.now(),
    user: ctx.user(),
    action: t(lang, 'remind.logAction', { monday }),
    result: error !== '' ? t(lang, 'remind.logResultFailed', { sent: sent.length, detail: error }) : t(lang, 'remind.logResult', { sent: sent.length, waiting: waiting.length }),
  });
  return { ...base, outcome: 'sent', sent, waiting, error };
}
