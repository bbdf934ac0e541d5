// The weekly reminders through the built bundle (dist/Code.js) in the offline runtime: the
// sidebar's switch installs one Monday-7h trigger for the user and removes it, the trigger's run
// mails the week through MailApp, a second run (or a second user's trigger) sends nothing more,
// and past the daily quota the rest wait for the next run.
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../gas-runtime/index.ts';
import { gasBook } from '../contract/gas-adapter.ts';
import { HA, HANG, fillRemindSchool } from '../fixtures/remind-school.ts';

function school(opts: { reminders?: boolean; quota?: number } = {}) {
  // Wednesday 03/07/2024, 07:00 in Hồ Chí Minh City (the fixture's as-of date, ISO week 2024-W27,
  // Monday 01/07); the script's Date follows the simulated clock.
  const book = gasBook({ now: '2024-07-03T07:00:00+07:00', virtualDate: true, userEmail: HANG, ...(opts.quota !== undefined ? { quotas: { mailRecipientsPerDay: opts.quota } } : {}) });
  fillRemindSchool(book.open(), { reminders: opts.reminders ?? false });
  const addon = loadAddon({ runtime: book.runtime });
  const rt = book.runtime;
  const logRows = () => (book.open().readSheet('Nhật ký')?.values ?? []).slice(1).filter((r) => r.some((c) => c !== null && c !== ''));
  return { rt, addon, logRows, book };
}

type Envelope = { ok: boolean; value?: { enabled: boolean; scheduled: boolean; lastMonday: string | null; notice: string }; error?: { code: string } };

describe('weekly reminders in Apps Script', () => {
  it('the switch installs one weekly trigger for the user and removes it', () => {
    const { rt, addon, book } = school();
    const off = addon.run('reminderState', {}) as Envelope;
    expect(off.value).toEqual({ enabled: false, scheduled: false, lastMonday: null, notice: '' });

    const on = addon.run('setReminders', { on: true }) as Envelope;
    expect(on.value).toMatchObject({ enabled: true, scheduled: true });
    expect(rt.triggers.list(HANG).map((t) => [t.handler, t.eventType, t.clock?.onWeekDay, t.clock?.atHour])).toEqual([['weeklyReminders', 'CLOCK', 'MONDAY', 7]]);
    // Thông tin says Có now.
    const settings = book.open().readSheet('Thông tin')!.values;
    expect(settings.find((r) => r[0] === 'Nhắc việc qua email')?.[1]).toBe('Có');
    // On again: still one (editor add-ons: one per user per document).
    addon.run('setReminders', { on: true });
    expect(rt.triggers.list(HANG)).toHaveLength(1);
    // Another user turning it on gets their own.
    rt.setUser(HA);
    addon.run('setReminders', { on: true });
    expect(rt.triggers.list(HA)).toHaveLength(1);
    rt.setUser(HANG);

    const offAgain = addon.run('setReminders', { on: false }) as Envelope;
    expect(offAgain.value).toMatchObject({ enabled: false, scheduled: false });
    expect(rt.triggers.list(HANG)).toHaveLength(0);
    expect(book.open().readSheet('Thông tin')!.values.find((r) => r[0] === 'Nhắc việc qua email')?.[1]).toBe('Không');
    // A bad input is refused by the API's schema.
    expect((addon.run('setReminders', { on: 'yes' }) as Envelope).error?.code).toBe('BAD_INPUT');
  });

  it("the trigger's run mails the week; a second run and a second user's trigger send nothing more", () => {
    const { rt, addon, logRows } = school();
    addon.run('setReminders', { on: true });
    addon.call('weeklyReminders');
    expect(rt.mail.sent.map((m) => [m.to, m.subject])).toEqual([
      [HANG, '[CCHC] Nhắc việc tuần 01/07/2024: tổng hợp'],
      [HANG, '[CCHC] Nhắc việc tuần 01/07/2024'],
      [HA, '[CCHC] Nhắc việc tuần 01/07/2024'],
    ]);
    expect(rt.mail.sent[2]!.body).toContain(`${rt.active!.getUrl()}#gid=`);
    expect(rt.mail.sent[2]!.body).toContain('&range=A2');
    expect(logRows()).toHaveLength(1);

    addon.call('weeklyReminders');
    rt.setUser(HA);
    addon.call('weeklyReminders');
    expect(rt.mail.sent).toHaveLength(3);
    expect(logRows()).toHaveLength(1);
    rt.setUser(HANG);
    expect((addon.run('reminderState', {}) as Envelope).value?.lastMonday).toBe('2024-07-01');
  });

  it('past the daily quota the rest wait for the next run, and the principal is told', () => {
    const { rt, addon } = school({ quota: 2, reminders: true });
    addon.call('weeklyReminders');
    expect(rt.mail.sent.map((m) => m.to)).toEqual([HANG, HANG]);
    expect(rt.mail.sent[0]!.body).toContain('1 thư chờ lần chạy sau (Trần Thu Hà)');
    // The same day: the quota is spent, nothing goes and nothing is thrown at the trigger.
    addon.call('weeklyReminders');
    expect(rt.mail.sent).toHaveLength(2);
    // The next day, the quota is back: only Hà's message.
    rt.clock.advance(24 * 3600_000);
    addon.call('weeklyReminders');
    expect(rt.mail.sent.map((m) => m.to)).toEqual([HANG, HANG, HA]);
  });

  it('MailApp refuses in AuthMode.NONE and past its quota with Google\'s messages', () => {
    const { rt } = school({ quota: 1 });
    const mail = rt.services.MailApp;
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail(HA, 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail(HA, 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    rt.authMode = 'NONE';
    expect(() => mail.sendEmail(HA, 's', 'b')).toThrow('You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail');
    expect(rt.calls.count('MailApp.sendEmail')).toBe(3);
  });
});
