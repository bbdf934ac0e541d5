// The week's reminder e-mails of a school (issue 14), decided once for Apps Script and `cchc
// remind`: which tasks are overdue or due within 7 days on the as-of date (the states of
// progress/tasks.ts, the same rules as the figures), who owns each (read/owners.ts, the same
// resolver as the check and the per-person figures), one message per owner with a valid e-mail in
// `Nhân sự`, and one summary to the signer of `Thông tin` naming everyone, also the owners no
// message can reach (no e-mail, an invalid one, not listed in `Nhân sự`). Nobody with nothing due
// gets mail; with nothing due at all there is no message, the summary included.

import { SHEET_NAMES } from '../contract/sheet-names.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang, Person, SchoolData } from '../model.ts';
import { daysBetween, formatDateVi } from '../progress/dates.ts';
import { countedTasks } from '../progress/tasks.ts';
import { ownerIndex } from '../read/owners.ts';
import { foldKey } from '../text.ts';
import { mondayOf, weekKey } from './week.ts';

export interface ReminderTask {
  /** Row in `Kế hoạch` (1-based). */
  row: number;
  title: string;
  due: IsoDate;
  /** Whole days from the deadline to the as-of date: > 0 late, 0 due today, < 0 days left. */
  daysLate: number;
  state: 'overdue' | 'dueSoon';
  /** Where the row is (a link to the sheet's row in Google, the file locally). */
  link: string;
}

/** Why an owner gets no message. */
export type Unreachable = 'noEmail' | 'invalidEmail' | 'notListed';

export interface OwnerReminder {
  name: string;
  /** '' when unreachable. */
  email: string;
  unreachable: Unreachable | null;
  /** Most late first, then by row. */
  tasks: ReminderTask[];
}

export interface ReminderMessage {
  /** What the sent-week record keeps: `summary`, or the owner's e-mail in lower case. */
  key: string;
  kind: 'owner' | 'summary';
  /** '' for a summary whose signer has no valid e-mail (the shell decides where it goes). */
  to: string;
  toName: string;
  subject: string;
  text: string;
}

export interface ReminderPlan {
  /** ISO week of the as-of date, e.g. `2024-W27`. */
  week: string;
  monday: IsoDate;
  asOf: IsoDate;
  /** Every owner with something due, in `Nhân sự` order then by name. */
  owners: OwnerReminder[];
  signer: { name: string; email: string };
  /** Owners' messages, then the summary; empty when nothing is due. */
  messages: ReminderMessage[];
}

export interface PlanOptions {
  asOf: IsoDate;
  lang: Lang;
  /** The link shown for a row of `Kế hoạch`. */
  linkOf(row: number): string;
  /** The link of the whole workbook (the summary's last line). */
  workbookLink: string;
  /** Owners' keys whose message waits for the quota: named in the summary. */
  waiting?: readonly string[];
}

const byLateness = (a: ReminderTask, b: ReminderTask): number => b.daysLate - a.daysLate || a.row - b.row;

/** The people whose e-mail the reader refused (EMAIL_INVALID on their `Nhân sự` row). */
function invalidEmailRows(data: SchoolData): Set<number> {
  return new Set(data.issues.filter((i) => i.code === 'EMAIL_INVALID' && i.sheet === SHEET_NAMES.people && i.row !== null).map((i) => i.row!));
}

export function planReminders(data: SchoolData, opts: PlanOptions): ReminderPlan {
  const { asOf, lang } = opts;
  const owners = ownerIndex(data.people);
  const personByName = new Map<string, Person>();
  for (const p of data.people) if (!personByName.has(foldKey(p.name))) personByName.set(foldKey(p.name), p);
  const invalid = invalidEmailRows(data);
  const order = new Map<string, number>();
  data.people.forEach((p, i) => order.has(foldKey(p.name)) || order.set(foldKey(p.name), i));

  const byOwner = new Map<string, OwnerReminder>();
  for (const { task, state } of countedTasks(data.tasks, asOf)) {
    if ((state !== 'overdue' && state !== 'dueSoon') || task.due === null) continue;
    const item: ReminderTask = { row: task.row, title: task.title, due: task.due, daysLate: daysBetween(task.due, asOf), state, link: opts.linkOf(task.row) };
    for (const owner of owners.resolve(task.owner)) {
      const key = foldKey(owner.name);
      if (key === '') continue;
      let entry = byOwner.get(key);
      if (!entry) {
        const person = personByName.get(key);
        const email = person?.email ?? '';
        const unreachable: Unreachable | null = !person ? 'notListed' : email !== '' ? null : invalid.has(person.row) ? 'invalidEmail' : 'noEmail';
        entry = { name: person?.name ?? owner.name, email, unreachable, tasks: [] };
        byOwner.set(key, entry);
      }
      entry.tasks.push(item);
    }
  }
  const rank = (k: string): number => order.get(k) ?? Number.MAX_SAFE_INTEGER;
  const list = [...byOwner.entries()]
    .sort(([ka, a], [kb, b]) => rank(ka) - rank(kb) || a.name.localeCompare(b.name, 'vi'))
    .map(([, o]) => ({ ...o, tasks: o.tasks.sort(byLateness) }));

  const signerPerson = personByName.get(foldKey(data.settings.signer));
  const signer = { name: data.settings.signer, email: signerPerson?.email ?? '' };
  const monday = mondayOf(asOf);
  const plan: ReminderPlan = { week: weekKey(asOf), monday, asOf, owners: list, signer, messages: [] };
  if (list.length === 0) return plan;

  const unit = data.settings.unitName || data.settings.unitCode;
  const vars = { monday: formatDateVi(monday), asOf: formatDateVi(asOf), unit };
  for (const o of list) {
    if (o.unreachable !== null) continue;
    plan.messages.push({
      key: o.email.toLowerCase(),
      kind: 'owner',
      to: o.email,
      toName: o.name,
      subject: t(lang, 'remind.subject', vars),
      text: ownerText(o, lang, vars),
    });
  }
  plan.messages.push(summaryMessage(plan, lang, vars, opts));
  return plan;
}

function when(task: ReminderTask, lang: Lang): string {
  const due = formatDateVi(task.due);
  if (task.daysLate > 0) return t(lang, 'remind.taskLate', { due, n: task.daysLate });
  if (task.daysLate === 0) return t(lang, 'remind.taskToday', { due });
  return t(lang, 'remind.taskLeft', { due, n: -task.daysLate });
}

function ownerText(o: OwnerReminder, lang: Lang, vars: { asOf: string; unit: string }): string {
  const sheet = SHEET_NAMES.tasks;
  const lines = [t(lang, 'remind.greeting', { name: o.name }), '', t(lang, 'remind.ownerIntro', { ...vars, n: o.tasks.length }), ''];
  o.tasks.forEach((task, i) => {
    lines.push(`${i + 1}. ${task.title}`, `   ${when(task, lang)}`, `   ${t(lang, 'remind.taskWhere', { row: task.row, sheet, link: task.link })}`, '');
  });
  lines.push(t(lang, 'remind.ownerClose', { sheet }), '', '--', t(lang, 'remind.footer'));
  return lines.join('\n') + '\n';
}

function summaryMessage(plan: ReminderPlan, lang: Lang, vars: { monday: string; asOf: string; unit: string }, opts: PlanOptions): ReminderMessage {
  const people = SHEET_NAMES.people;
  const rows = new Map<number, ReminderTask>();
  for (const o of plan.owners) for (const task of o.tasks) rows.set(task.row, task);
  const overdue = [...rows.values()].filter((x) => x.state === 'overdue').length;
  const lines = [
    t(lang, 'remind.greeting', { name: plan.signer.name || plan.signer.email }),
    '',
    t(lang, 'remind.summaryIntro', { ...vars, overdue, dueSoon: rows.size - overdue, people: plan.owners.length }),
    '',
  ];
  for (const o of plan.owners) {
    const head =
      o.unreachable === null
        ? t(lang, 'remind.summaryOwner', { name: o.name, email: o.email })
        : t(lang, o.unreachable === 'noEmail' ? 'remind.summaryNoEmail' : o.unreachable === 'invalidEmail' ? 'remind.summaryBadEmail' : 'remind.summaryNotListed', { name: o.name, sheet: people });
    lines.push(`• ${head}`);
    for (const task of o.tasks) lines.push(`   - ${t(lang, 'remind.summaryTask', { title: task.title, when: when(task, lang), row: task.row })}`);
    lines.push('');
  }
  const waiting = opts.waiting ?? [];
  if (waiting.length > 0) {
    const names = plan.owners.filter((o) => waiting.includes(o.email.toLowerCase())).map((o) => o.name);
    lines.push(t(lang, 'remind.summaryWaiting', { n: waiting.length, names: names.join(', ') }), '');
  }
  if (opts.workbookLink !== '') lines.push(t(lang, 'remind.summaryClose', { link: opts.workbookLink }), '');
  lines.push('--', t(lang, 'remind.footer'));
  return {
    key: 'summary',
    kind: 'summary',
    to: plan.signer.email,
    toName: plan.signer.name,
    subject: t(lang, 'remind.subjectSummary', { monday: vars.monday }),
    text: lines.join('\n') + '\n',
  };
}
