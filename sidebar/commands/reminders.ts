// What the sidebar asks about e-mail reminders: where they stand (the setting and this user's
// weekly trigger), and the switch. Off Google Sheets (`cchc serve`) the server answers
// NOT_AVAILABLE: the sidebar says that `cchc remind` does it on a computer.

import { server } from '../server.ts';
import { set, tr } from '../state.ts';
import { CallError } from '../transport.ts';
import { runLong } from '../work.ts';

/** Ask once the school's sidebar is up; a failure here leaves the rest of the page as it is. */
export async function askReminders(): Promise<void> {
  try {
    set({ reminders: await server.call('reminderState', {}) });
  } catch (error) {
    if (error instanceof CallError && error.code === 'NOT_AVAILABLE') set({ reminders: 'unavailable' });
    else set({ reminders: null });
  }
}

/** Turn reminders on or off; a trigger Google refused comes back as the server's notice. */
export const switchReminders = (on: boolean) =>
  runLong('remindSaving', async () => {
    const next = await server.call('setReminders', { on });
    set({ reminders: next });
    if (next.notice && next.enabled !== on) throw new CallError({ code: 'TRIGGER_FAILED', message: next.notice });
    return tr(on ? 'remindTurnedOn' : 'remindTurnedOff');
  });
