// The weekly reminders' trigger in Apps Script (issue 14); its ports over MailApp, document
// properties and the trigger are in remind-ports.ts (which context.ts gives every AppContext).
import { userLang } from '../core/app/handlers.ts';
import { runWeeklyReminders } from '../core/app/remind-run.ts';
import { gasContext } from './context.ts';
import { reminderPorts } from './remind-ports.ts';

/** The weekly trigger (Monday 7h): this week's reminders, once, within the mail quota. */
export function weeklyReminders(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  try {
    const outcome = ctx.withLock(() => runWeeklyReminders(ctx, reminderPorts(), lang));
    if (!outcome.ran) console.log('cchc: reminders: another run holds the lock; it sends the week');
    else console.log(`cchc: reminders ${outcome.value.week}: ${outcome.value.outcome}, ${outcome.value.sent.length} sent, ${outcome.value.waiting.length} waiting`);
  } catch (e) {
    // A trigger has no one to show a message to: the execution log keeps it.
    console.error('cchc: reminders failed', e instanceof Error ? e.stack ?? e.message : e);
  }
}
