// What the sidebar gets about the weekly reminders (src/core/api.ts reminderState / setReminders):
// a file of its own, so api.ts takes the type without importing the code that uses ApiFailure.
import type { IsoDate } from '../model.ts';

export interface ReminderState {
  /** `Nhắc việc qua email` is Có. */
  enabled: boolean;
  /** This user's weekly trigger is in place. */
  scheduled: boolean;
  /** The Monday of the last week sent, null before the first. */
  lastMonday: IsoDate | null;
  /** A line for the user ('' when none). */
  notice: string;
}
