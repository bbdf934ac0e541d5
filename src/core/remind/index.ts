// Weekly reminders to task owners (issue 14): the public API of this folder: who gets what in a
// week. Sending them and the sidebar's switch are app/remind-run.ts and app/remind-switch.ts.
export { planReminders, type ReminderPlan, type ReminderMessage, type ReminderTask, type OwnerReminder, type Unreachable, type PlanOptions } from './plan.ts';
export type { ReminderState } from './state.ts';
export { writeReminderSetting } from './setting.ts';
export { weekKey, mondayOf, isoWeekday } from './week.ts';
