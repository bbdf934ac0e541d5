// The sidebar's switch: `Nhắc việc qua email` in `Thông tin` and the weekly trigger of the user
// who turns it on (editor add-on rules: one per user per document). Only where the shell gives
// the reminder ports (Google Sheets); elsewhere NOT_AVAILABLE (`cchc remind` on a computer).
import { ApiFailure } from '../api.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang } from '../model.ts';
import { loadSchool } from './operations.ts';
import { decodeSent, type ReminderPorts, type RemindContext } from './remind-run.ts';
import { writeReminderSetting } from '../remind/setting.ts';
import type { ReminderState } from '../remind/state.ts';

export type { ReminderState } from '../remind/state.ts';


function portsOf(ctx: RemindContext, lang: Lang): ReminderPorts {
  if (!ctx.reminders) throw new ApiFailure('NOT_AVAILABLE', t(lang, 'remind.onlyInSheets'));
  return ctx.reminders;
}

export function reminderState(ctx: RemindContext, lang: Lang): ReminderState {
  const ports = portsOf(ctx, lang);
  const { data } = loadSchool(ctx, { lang });
  const scheduled = ports.trigger.scheduled();
  const enabled = data.settings.emailReminders;
  return {
    enabled,
    scheduled,
    lastMonday: decodeSent(ports.loadSent())?.monday ?? null,
    notice: enabled && !scheduled ? t(lang, 'remind.stateOnNoTrigger') : '',
  };
}

/** Turn reminders on (the setting Có, this user's trigger made) or off (Không, the trigger removed). */
export function setReminders(ctx: RemindContext, lang: Lang, on: boolean): ReminderState {
  const ports = portsOf(ctx, lang);
  loadSchool(ctx, { lang }); // a workbook without the template is refused before anything is written
  let notice = '';
  try {
    ports.trigger.set(on);
  } catch (e) {
    // The trigger refused (a Google limit): the setting stays as it was.
    notice = t(lang, 'remind.triggerFailed', { detail: e instanceof Error ? e.message : String(e) });
    return { ...reminderState(ctx, lang), notice };
  }
  writeReminderSetting(ctx.workbook, on);
  return reminderState(ctx, lang);
}
