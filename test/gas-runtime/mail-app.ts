// MailApp: sendEmail and getRemainingDailyQuota, with the daily recipient quota
// (developers.google.com/apps-script/guides/services/quotas, "Email recipients per day": 100 for
// a consumer account, 1,500 for Google Workspace). Each recipient of a message counts (to, cc,
// bcc). Past the quota sendEmail throws Google's "Service invoked too many times for one day:
// email."; the quota is per user and per day (the simulated clock's UTC day, as Google resets it
// on a rolling day; close enough for a weekly sender). In AuthMode.NONE (a simple trigger) it
// refuses with Google's permission message, as a script without the send_mail scope hears.
import { gasError, type RuntimeCore } from './core.ts';

export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  name: string;
  replyTo: string;
  /** Simulated ISO time it was sent. */
  at: string;
}

export const MAIL_MSG = {
  quota: 'Service invoked too many times for one day: email.',
  noPermission: 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
  noRecipient: 'Failed to send email: no recipient',
  invalid: (address: string) => `Invalid email: ${address}`,
} as const;

export class MailStore {
  sent: SentMail[] = [];
  private used = new Map<string, number>();
  constructor(
    readonly core: RuntimeCore,
    /** Recipients per user per day. */
    public dailyRecipients: number,
  ) {}
  private key(user: string): string {
    return `${user}|${new Date(this.core.nowMillis()).toISOString().slice(0, 10)}`;
  }
  remaining(user: string): number {
    return Math.max(0, this.dailyRecipients - (this.used.get(this.key(user)) ?? 0));
  }
  use(user: string, n: number): void {
    this.used.set(this.key(user), (this.used.get(this.key(user)) ?? 0) + n);
  }
}

const ADDRESS = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;.]{2,}$/;
const split = (s: string | undefined): string[] => (s ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');

export class FakeMailApp {
  constructor(
    private readonly store: MailStore,
    private readonly ctx: { user(): string; authMode(): string },
  ) {}
  getRemainingDailyQuota(): number {
    return this.store.remaining(this.ctx.user());
  }
  sendEmail(...args: unknown[]): void {
    if (this.ctx.authMode() === 'NONE') throw gasError(MAIL_MSG.noPermission);
    let m: { to?: string; cc?: string; bcc?: string; subject?: string; body?: string; name?: string; replyTo?: string };
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) m = args[0] as typeof m;
    else {
      const [to, subject, body, options] = args as [string, string, string, Record<string, string> | undefined];
      m = { to, subject, body, ...(options ?? {}) };
    }
    const recipients = [...split(m.to), ...split(m.cc), ...split(m.bcc)];
    if (recipients.length === 0) throw gasError(MAIL_MSG.noRecipient);
    const bad = recipients.find((a) => !ADDRESS.test(a));
    if (bad) throw gasError(MAIL_MSG.invalid(bad));
    const user = this.ctx.user();
    if (this.store.remaining(user) < recipients.length) throw gasError(MAIL_MSG.quota);
    this.store.use(user, recipients.length);
    this.store.sent.push({
      from: user, to: m.to ?? '', cc: m.cc ?? '', bcc: m.bcc ?? '', subject: m.subject ?? '', body: m.body ?? '',
      name: m.name ?? '', replyTo: m.replyTo ?? '', at: new Date(this.store.core.nowMillis()).toISOString(),
    });
  }
}

export function createMailApp(core: RuntimeCore, store: MailStore, ctx: { user(): string; authMode(): string }): FakeMailApp {
  return core.instrument(new FakeMailApp(store, ctx), 'MailApp');
}
