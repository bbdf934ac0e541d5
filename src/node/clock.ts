// The local clock: today and now in Asia/Ho_Chi_Minh, whatever the machine's time zone.
// CCHC_TODAY=YYYY-MM-DD fixes today (tests, reproducible demos).
import type { Clock } from '../core/ports.ts';

const TZ = 'Asia/Ho_Chi_Minh';

function partsIn(date: Date): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.CCHC_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.CCHC_TODAY) ? env.CCHC_TODAY : null;
  return {
    today() {
      if (fixed) return fixed;
      const p = partsIn(new Date());
      return `${p.year}-${p.month}-${p.day}`;
    },
    now() {
      const p = partsIn(new Date());
      const day = fixed ?? `${p.year}-${p.month}-${p.day}`;
      return `${day}T${p.hour}:${p.minute}:${p.second}+07:00`;
    },
  };
}

/** A moment (a file's modification time) as ISO with the +07:00 offset, as `now()` gives it. */
export function isoAt(date: Date): string {
  const p = partsIn(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+07:00`;
}
