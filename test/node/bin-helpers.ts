// The real `cchc` bin in child processes (dist/cli/cchc.mjs, built by build.mjs), for the tests of
// what only real processes show: several writers at once, a process killed mid-write, caps that
// keep the process alive. Also a helper process that holds a workbook's write lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NO_SOFFICE, TODAY } from './cli-helpers.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');
const HOLD_LOCK = path.join(import.meta.dirname, 'hold-lock.mjs');

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
}

export function binEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, CCHC_TODAY: TODAY, ...NO_SOFFICE, ...extra };
}

/** Start `cchc …`; `done` settles when it exits. `nodeArgs` go to node (`--max-old-space-size=…`). */
export function startCchc(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): { child: ChildProcess; done: Promise<BinRun> } {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd: ROOT, env: binEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const done = new Promise<BinRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, out, err, ms: Date.now() - started }));
  });
  return { child, done };
}

export const cchc = (args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BinRun> => startCchc(args, env, nodeArgs).done;

/** Run `jobs` with at most `width` at a time. */
export async function inBatches<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await (jobs[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

/**
 * A process holding `file`'s write lock until it is killed (or `ms` pass). Resolves once the lock
 * is held; `child.pid` is the holder's pid.
 */
export function holdLock(file: string, ms = 600_000): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOLD_LOCK, file, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      if (s.includes('locked')) resolve(child);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`hold-lock exited with ${code}`)));
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

export const tempDir = (prefix = 'cchc-bin-'): string => mkdtempSync(path.join(tmpdir(), prefix));

/** Files cchc leaves beside a workbook while it writes (temporary files, locks). */
export const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => /\.tmp$|\.cchc-lock/.test(f));
