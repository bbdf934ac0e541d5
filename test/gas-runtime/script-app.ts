// ScriptApp: enums, installable triggers with the editor add-on limits, OAuth token stub.
//
// Editor add-on limits (developers.google.com/apps-script/add-ons/concepts/editor-triggers):
// an add-on may have only one trigger of each type per user per document, and time-driven
// triggers may run at most once an hour. The "too many … triggers" message is Google's (seen in
// public reports for time-based triggers); the sub-hourly wording is ours, Google's exact text
// was not found.

import { gasError, type RuntimeCore } from './core.ts';
import { tokenFor } from './google-apis.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export type AuthModeName = keyof typeof AuthMode;
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');

const TRIGGER_LABEL: Record<EventTypeName, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_FORM_SUBMIT: 'form submit',
  ON_CHANGE: 'change',
  ON_EVENT_UPDATED: 'calendar',
};

export const TRIGGER_MSG = {
  tooMany: (type: EventTypeName) => `This add-on has created too many ${TRIGGER_LABEL[type]} triggers in this document for this Google user account.`,
  subHourly: 'Add-ons may not create time-based triggers that run more frequently than once per hour.',
  everyMinutes: 'Invalid argument: minutes. The value must be 1, 5, 10, 15 or 30.',
  everyHours: 'Invalid argument: hours. The value must be 1, 2, 4, 6, 8 or 12.',
  handler: 'Invalid argument: functionName',
} as const;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  atHour?: number;
  nearMinute?: number;
  onMonthDay?: number;
  inTimezone?: string;
  at?: Date;
  afterMs?: number;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: keyof typeof TriggerSource;
  sourceId: string | null;
  /** The document the add-on created the trigger in (limits are per document). */
  documentId: string | null;
  user: string;
  clock?: ClockSchedule;
}

export class TriggerTable {
  triggers: TriggerRecord[] = [];
  private next = 1;
  constructor(
    readonly core: RuntimeCore,
    readonly addOn: boolean,
  ) {}
  newId(): string {
    return `trigger-${this.next++}`;
  }
  list(user?: string): TriggerRecord[] {
    return this.triggers.filter((t) => user === undefined || t.user === user);
  }
}

export class FakeTrigger {
  constructor(readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.id;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): EventTypeName {
    return this.record.eventType;
  }
  getTriggerSource(): string {
    return this.record.source;
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

interface TriggerContext {
  user(): string;
  activeId(): string | null;
  authMode(): AuthModeName;
}

function register(table: TriggerTable, ctx: TriggerContext, rec: Omit<TriggerRecord, 'id' | 'user'>): FakeTrigger {
  const user = ctx.user();
  if (table.addOn) {
    const clash = table.triggers.find((t) => t.user === user && t.eventType === rec.eventType && t.documentId === rec.documentId);
    if (clash) throw gasError(TRIGGER_MSG.tooMany(rec.eventType));
  }
  const record: TriggerRecord = { ...rec, id: table.newId(), user };
  table.triggers.push(record);
  return table.core.instrument(new FakeTrigger(record), 'Trigger');
}

export class FakeClockTriggerBuilder {
  private s: ClockSchedule = {};
  constructor(
    private readonly table: TriggerTable,
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {}
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError(TRIGGER_MSG.everyMinutes);
    this.s.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError(TRIGGER_MSG.everyHours);
    this.s.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.s.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this.s.everyWeeks = n;
    return this;
  }
  onWeekDay(day: string): this {
    this.s.onWeekDay = String(day);
    return this;
  }
  onMonthDay(day: number): this {
    this.s.onMonthDay = day;
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw gasError('Invalid argument: hour'); // wording ours
    this.s.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.s.nearMinute = minute;
    return this;
  }
  inTimezone(tz: string): this {
    this.s.inTimezone = String(tz);
    return this;
  }
  at(date: Date): this {
    this.s.at = new Date(date.getTime());
    return this;
  }
  after(ms: number): this {
    this.s.afterMs = ms;
    return this;
  }
  create(): FakeTrigger {
    if (this.table.addOn) {
      const subHourly = this.s.everyMinutes !== undefined || (this.s.afterMs !== undefined && this.s.afterMs < 3600000);
      if (subHourly) throw gasError(TRIGGER_MSG.subHourly);
    }
    return register(this.table, this.ctx, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      documentId: this.ctx.activeId(),
      clock: { ...this.s },
    });
  }
}

export class FakeSpreadsheetTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly table: TriggerTable,
    private readonly ctx: TriggerContext,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    if (this.eventType === null) throw gasError('Trigger event type is not set.'); // wording ours
    return register(this.table, this.ctx, {
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      documentId: this.sourceId,
    });
  }
}

export class FakeTriggerBuilder {
  constructor(
    private readonly table: TriggerTable,
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return this.table.core.instrument(new FakeClockTriggerBuilder(this.table, this.ctx, this.handler), 'ClockTriggerBuilder');
  }
  forSpreadsheet(ss: string | { getId(): string }): FakeSpreadsheetTriggerBuilder {
    const id = typeof ss === 'string' ? ss : ss.getId();
    return this.table.core.instrument(new FakeSpreadsheetTriggerBuilder(this.table, this.ctx, this.handler, id), 'SpreadsheetTriggerBuilder');
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(
    private readonly table: TriggerTable,
    private readonly ctx: TriggerContext,
  ) {}
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw gasError(TRIGGER_MSG.handler);
    return this.table.core.instrument(new FakeTriggerBuilder(this.table, this.ctx, functionName), 'TriggerBuilder');
  }
  /** The current user's triggers in this project. */
  getProjectTriggers(): FakeTrigger[] {
    const user = this.ctx.user();
    return this.table.triggers.filter((t) => t.user === user).map((t) => this.table.core.instrument(new FakeTrigger(t), 'Trigger'));
  }
  /** The current user's triggers for one document. */
  getUserTriggers(doc: { getId(): string }): FakeTrigger[] {
    const user = this.ctx.user();
    const id = doc.getId();
    return this.table.triggers
      .filter((t) => t.user === user && t.documentId === id)
      .map((t) => this.table.core.instrument(new FakeTrigger(t), 'Trigger'));
  }
  deleteTrigger(trigger: FakeTrigger): void {
    const id = trigger.getUniqueId();
    const user = this.ctx.user();
    this.table.triggers = this.table.triggers.filter((t) => !(t.id === id && t.user === user));
  }
  /** The user's token (google-apis.ts knows its user from it, as Google does). */
  getOAuthToken(): string {
    return tokenFor(this.ctx.user());
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
  getAuthorizationInfo(_mode: AuthModeName): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    return { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null };
  }
  invalidateAuth(): void {}
}

export function createScriptApp(core: RuntimeCore, table: TriggerTable, ctx: TriggerContext): FakeScriptApp {
  return core.instrument(new FakeScriptApp(table, ctx), 'ScriptApp');
}
