// Sending the week's reminders: never the same week twice, the quota's overflow waits for the
// next run and the principal is told, a `Nhật ký` row per run, nothing when the setting is off.
import { describe, expect, it } from 'vitest';
import type { ReminderMessage } from '../../../src/core/remind/index.ts';
import type { RemindContext, ReminderPorts } from '../../../src/core/app/remind-run.ts';
import { runWeeklyReminders } from '../../../src/core/app/remind-run.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { HA, HANG, REMIND_AS_OF, fillRemindSchool } from '../../fixtures/remind-school.ts';

function school(opts: { reminders?: boolean } = {}) {
  const book = new MemoryWorkbook();
  fillRemindSchool(book, opts);
  let today = REMIND_AS_OF;
  const ctx: RemindContext = {
    workbook: book,
    clock: { today: () => today, now: () => `${today}T07:00:00+07:00` },
    documents: { createDocument: () => { throw new Error('no documents here'); } },
    prefs: { getLang: () => 'vi', setLang: () => undefined },
    user: () => HANG,
    selectCell: () => undefined,
    withLock: (fn) => ({ ran: true, value: fn() }),
  };
  const outbox: ReminderMessage[] = [];
  let stored: string | null = null;
  let quota = 100;
  let triggerOn = true;
  const ports: ReminderPorts = {
    remainingQuota: () => quota,
    send: (m) => {
      if (quota <= 0) throw new Error('Service invoked too many times for one day: email.');
      quota--;
      outbox.push(m);
    },
    loadSent: () => stored,
    saveSent: (t) => void (stored = t),
    linkOf: (row) => `https://sheet/#row=${row}`,
    workbookLink: () => 'https://sheet/',
    fallbackTo: () => HANG,
    trigger: { scheduled: () => triggerOn, set: (on) => void (triggerOn = on) },
  };
  const logRows = () => (book.readSheet('Nhật ký')?.values ?? []).slice(1).filter((r) => r.some((c) => c !== null && c !== ''));
  return {
    ctx, ports, outbox, logRows,
    setQuota: (n: number) => void (quota = n),
    setToday: (d: string) => void (today = d),
    trigger: () => triggerOn,
  };
}

describe('runWeeklyReminders', () => {
  it('sends the week once: a second run (retry, second trigger) sends nothing more', () => {
    const s = school();
    const first = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(first.outcome).toBe('sent');
    expect(s.outbox.map((m) => [m.kind, m.to])).toEqual([['summary', HANG], ['owner', HANG], ['owner', HA]]);
    expect(s.logRows()).toHaveLength(1);
    expect(s.logRows()[0]).toContain('Nhắc việc tuần 01/07/2024');
    expect(s.logRows()[0]).toContain('Đã gửi 3 thư; 0 thư chờ hạn mức ngày mai');

    const again = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(again.outcome).toBe('alreadySent');
    expect(s.outbox).toHaveLength(3);
    // Later the same week (Friday): still nothing.
    s.setToday('2024-07-05');
    expect(runWeeklyReminders(s.ctx, s.ports, 'vi').outcome).toBe('alreadySent');
    expect(s.outbox).toHaveLength(3);
    expect(s.logRows()).toHaveLength(1);

    // The next Monday is a new week.
    s.setToday('2024-07-08');
    const next = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(next.outcome).toBe('sent');
    expect(next.week).toBe('2024-W28');
    expect(s.outbox.length).toBeGreaterThan(3);
  });

  it('past the quota: the summary first, telling the principal who waits; the rest go at the next run', () => {
    const s = school();
    s.setQuota(2);
    const first = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(first.sent).toEqual([HANG, HANG]);
    expect(first.waiting).toEqual([HA]);
    expect(s.outbox[0]!.kind).toBe('summary');
    expect(s.outbox[0]!.text).toContain('Đã hết hạn mức gửi thư trong ngày của Google: 1 thư chờ lần chạy sau (Trần Thu Hà).');
    expect(s.logRows()[0]).toContain('Đã gửi 2 thư; 1 thư chờ hạn mức ngày mai');

    // No quota left today: nothing sent, the wait is logged.
    const none = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(none.sent).toEqual([]);
    expect(none.waiting).toEqual([HA]);
    expect(s.outbox).toHaveLength(2);

    // The next day the quota is back: only Hà's message goes.
    s.setQuota(100);
    s.setToday('2024-07-04');
    const rest = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(rest.sent).toEqual([HA]);
    expect(s.outbox.map((m) => m.to)).toEqual([HANG, HANG, HA]);
    expect(runWeeklyReminders(s.ctx, s.ports, 'vi').outcome).toBe('alreadySent');
  });

  it('a refusal by the mail service stops the run; what was not sent waits', () => {
    const s = school();
    s.ports.remainingQuota = () => 100; // the service says 100 but refuses after one
    s.setQuota(1);
    const r = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(r.sent).toEqual([HANG]);
    expect(r.error).toBe('Service invoked too many times for one day: email.');
    expect(r.waiting).toEqual([HANG, HA]);
    expect(s.logRows()[0]!.join(' ')).toContain('lỗi khi gửi: Service invoked too many times for one day: email.');
  });

  it('sends nothing when Nhắc việc qua email is Không, and removes the trigger', () => {
    const s = school({ reminders: false });
    const r = runWeeklyReminders(s.ctx, s.ports, 'vi');
    expect(r.outcome).toBe('off');
    expect(s.outbox).toEqual([]);
    expect(s.trigger()).toBe(false);
    expect(s.logRows()).toHaveLength(0);
  });
});
