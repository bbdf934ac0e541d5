// Weekly reminders to task owners (issue 14): the public API of this folder.
export { planReminders, type ReminderPlan, type ReminderMessage, type ReminderTask, type OwnerReminder, type Unreachable, type PlanOptions } from './plan.ts';
export { runWeeklyReminders, plannedMessages, decodeSent, type ReminderPorts, type RemindContext, type RemindRun, type SentRecord } from './run.ts';
export { reminderState, setReminders, type ReminderState } from './switch.ts';
export { writeReminderSetting } from './setting.ts';
export { weekKey, mondayOf, isoWeekday } from './week.ts';
