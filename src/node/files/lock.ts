// One writer at a time for a workbook file, across processes (two `cchc report`, `cchc serve`
// beside the CLI) and across asynchronous work inside one process.
//
// The lock is a file beside the workbook's real target: `.<name>.cchc-lock`, holding who holds it
// (pid, host, when, what). It is made complete and then linked into place, so nobody ever reads a
// half-written lock. The holder touches it every few seconds while it holds it.
//
// A lock is stale, and is taken over, when
// - its holder ran on this computer and that process is gone (or the pid now belongs to a
//   process that started later), or
// - it has not been touched for `staleMs` (a holder on another computer, or a pid that cannot be
//   checked).
// Taking over is itself guarded by a short-lived `.break` file, so two waiters cannot both take
// over and then remove each other's fresh lock.
//
// A writer that finds the lock held waits up to `timeoutMs` (CCHC_LOCK_TIMEOUT_MS, default 30 s),
// then gets LockBusy naming the holder.
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { t } from '../../core/i18n.ts';
import { processAlive, realTarget } from './atomic.ts';
import { FileProblem } from './problems.ts';

export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
  /** What holds it (`cchc report`, `cchc serve`). */
  what: string;
  /** The holder's start time in clock ticks since boot (Linux /proc), to tell a reused pid. */
  procStart: string | null;
}

export interface LockOptions {
  /** How long a second writer waits (ms). Default CCHC_LOCK_TIMEOUT_MS or 30,000. */
  timeoutMs?: number;
  /** A lock not touched for this long is stale (ms). Default CCHC_LOCK_STALE_MS or 120,000. */
  staleMs?: number;
  /** What takes the lock, shown to whoever waits for it. */
  what?: string;
  /** The path as the user gave it, for messages. */
  shown?: string;
  env?: NodeJS.ProcessEnv;
}

export interface HeldLock {
  readonly lockFile: string;
  /** The workbook's real path (links followed). */
  readonly target: string;
  release(): Promise<void>;
}

const HEARTBEAT_MS = 5_000;

export const lockFileFor = (realTargetPath: string): string =>
  path.join(path.dirname(realTargetPath), `.${path.basename(realTargetPath)}.cchc-lock`);

function envMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = Number(env[name]);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

const MY_START = procStart(process.pid);

async function readLock(lockFile: string): Promise<{ info: LockInfo | null; mtimeMs: number; ino: number } | null> {
  try {
    const [text, st] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    let info: LockInfo | null = null;
    try {
      const parsed = JSON.parse(text) as Partial<LockInfo>;
      if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') info = parsed as LockInfo;
    } catch {
      info = null;
    }
    return { info, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function isStale(found: { info: LockInfo | null; mtimeMs: number }, staleMs: number): boolean {
  const age = Date.now() - found.mtimeMs;
  const info = found.info;
  if (!info) return age > Math.min(staleMs, 10_000);
  if (info.host === hostname()) {
    if (!processAlive(info.pid)) return true;
    if (info.procStart !== null && info.pid !== process.pid) {
      const now = procStart(info.pid);
      if (now !== null && now !== info.procStart) return true;
    }
  }
  return age > staleMs;
}

/** Locks this process holds, removed if it exits while holding them. */
const held = new Map<string, string>();
let exitHook = false;
function removeHeldOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const [file, token] of held) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as LockInfo).token === token) unlinkSync(file);
      } catch {
        // Gone already.
      }
    }
  });
}

/** Half-made locks of killed processes (`<lock>.<pid>-<token>.tmp`). */
async function removeDeadLockTemps(lockFile: string): Promise<void> {
  const dir = path.dirname(lockFile);
  const prefix = `${path.basename(lockFile)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid && !processAlive(pid)) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Try once to put a lock in place; false when one is there. */
async function tryCreate(lockFile: string, info: LockInfo): Promise<boolean> {
  const tmp = `${lockFile}.${info.pid}-${info.token}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(info), { flag: 'wx', mode: 0o644 });
  try {
    await fs.link(tmp, lockFile);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // No hard links here: create exclusively and write (a reader may then see it empty for a moment).
    try {
      await fs.writeFile(lockFile, JSON.stringify(info), { flag: 'wx', mode: 0o644 });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Take over a stale lock, unless someone else is doing so or it changed meanwhile. */
async function breakStale(lockFile: string, seen: { info: LockInfo | null; ino: number; mtimeMs: number }): Promise<void> {
  const breaker = `${lockFile}.break`;
  try {
    await fs.writeFile(breaker, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Another waiter is taking it over (a few milliseconds); one left by a killed waiter goes after 30 s.
    const st = await fs.stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 30_000) await fs.rm(breaker, { force: true });
    return;
  }
  try {
    const again = await readLock(lockFile);
    if (!again) return;
    const same = seen.info && again.info ? again.info.token === seen.info.token : again.ino === seen.ino && again.mtimeMs === seen.mtimeMs;
    if (same) await fs.rm(lockFile, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

export function lockedProblem(shown: string, holder: LockInfo | null, waitedMs: number): FileProblem {
  const secs = Math.round(waitedMs / 1000);
  const who = holder ? `${holder.what || 'cchc'}, pid ${holder.pid}${holder.host && holder.host !== hostname() ? ` @${holder.host}` : ''}` : '?';
  const since = holder?.since ? `${holder.since.replace('T', ' ').slice(0, 19)} UTC` : '';
  return new FileProblem('LOCKED', 'files.locked', (lang) => ({ file: shown, who, since: since ? t(lang, 'files.lockedSince', { time: since }) : '', secs }), shown);
}

/**
 * Take the write lock of `file`, waiting up to the timeout. Also for a file that does not exist
 * yet (`cchc init`): the lock is beside where it will be.
 */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<HeldLock> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? envMs(env, 'CCHC_LOCK_TIMEOUT_MS', 30_000);
  const staleMs = opts.staleMs ?? envMs(env, 'CCHC_LOCK_STALE_MS', 120_000);
  const target = await realTarget(file);
  const lockFile = lockFileFor(target);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
    what: opts.what ?? 'cchc',
    procStart: MY_START,
  };
  const start = Date.now();
  let last: LockInfo | null = null;
  let pause = 20;
  for (;;) {
    if (await tryCreate(lockFile, info)) break;
    const found = await readLock(lockFile);
    if (found) {
      last = found.info;
      if (isStale(found, staleMs)) {
        await breakStale(lockFile, found);
        continue;
      }
    }
    const waited = Date.now() - start;
    if (waited >= timeoutMs) throw lockedProblem(opts.shown ?? file, last, waited);
    await sleep(Math.min(pause + Math.random() * pause, Math.max(1, timeoutMs - waited)));
    pause = Math.min(pause * 1.5, 250);
  }
  removeHeldOnExit();
  held.set(lockFile, info.token);
  await removeDeadLockTemps(lockFile);
  const beat = setInterval(() => {
    const t = new Date();
    fs.utimes(lockFile, t, t).catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return {
    lockFile,
    target,
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      held.delete(lockFile);
      const now = await readLock(lockFile).catch(() => null);
      // Remove it only if it is still ours (a stale takeover may have replaced it).
      if (now?.info?.token === info.token) await fs.rm(lockFile, { force: true });
    },
  };
}

/** Run `fn` holding the write lock of `file` (see acquireLock); the lock is released however fn ends. */
export async function withFileLock<T>(file: string, fn: (lock: HeldLock) => Promise<T> | T, opts: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(file, opts);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}
