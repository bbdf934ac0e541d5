// The district reads its schools on every core: a pool of worker threads (worker.ts), one file
// at a time each. Answers come back by index, so the caller keeps list order whatever order the
// reads finish in. One school never stops the others: a thread that crashes (out of memory, a bug)
// or takes too long gives that school `unreadable`, and a new thread takes the next file.
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { failedResult } from '../../core/district/school.ts';
import { t } from '../../core/i18n.ts';
import type { Clock } from '../../core/ports.ts';
import type { ReadAnswer, ReadRequest, WorkerInit, WorkerMessage } from './protocol.ts';
import { workerEntry } from './worker-bundle.ts';


export interface PoolOptions {
  /** Threads at most (`--jobs`). */
  size: number;
  init: WorkerInit;
  clock: Clock;
  /** One file's read is stopped after this long (CCHC_READ_TIMEOUT_MS, default 5 minutes). */
  timeoutMs: number;
  /**
   * A thread's heap (CCHC_WORKER_MEMORY_MB; default this process's own limit): a file that needs
   * more ends that thread only, and the school is `unreadable`.
   */
  memoryMb?: number;
}

/** A thread could not even start: a broken install, not a school's file. */
export class PoolStartError extends Error {
  override name = 'PoolStartError';
}

export type Job = Omit<ReadRequest, 'id'>;

interface Pending {
  id: number;
  job: Job;
  settle: (a: ReadAnswer) => void;
  timer: NodeJS.Timeout;
}

/** One thread and the read it is doing. */
class Lane {
  readonly worker: Worker;
  dead = false;
  private ready = false;
  private pending: Pending | null = null;
  private failStart: ((e: Error) => void) | null = null;
  readonly started: Promise<void>;

  constructor(private readonly pool: ReadPool) {
    const opts = pool.options;
    this.worker = new Worker(workerEntry(), {
      workerData: opts.init,
      // Not the main thread's flags: `--import tsx` would load tsx twice (worker-entry.mjs registers
      // it; the bundle needs no loader).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb ?? Math.round(getHeapStatistics().heap_size_limit / (1024 * 1024)) },
    });
    this.started = new Promise<void>((resolve, reject) => {
      this.failStart = reject;
      this.worker.once('message', () => resolve());
    });
    this.started.catch(() => undefined);
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    this.worker.on('error', (e) => this.onEnd(e.message || String(e)));
    this.worker.on('exit', (code) => this.onEnd(`exit ${code}`));
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'ready') {
      this.ready = true;
      this.failStart = null;
      return;
    }
    const p = this.pending;
    if (!p || p.id !== m.id) return;
    this.finish({ read: m.read, stamp: m.stamp, district: m.district, opened: m.opened });
  }

  private onEnd(detail: string): void {
    const wasDead = this.dead;
    this.dead = true;
    if (!this.ready) {
      this.failStart?.(new PoolStartError(`a reading thread did not start: ${detail}`));
      this.failStart = null;
      return;
    }
    if (!wasDead && this.pending) this.finish(this.pool.crashed(this.pending.job, 'reasonCrashed', { detail }));
  }

  private finish(a: ReadAnswer): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.settle(a);
  }

  read(job: Job, id: number): Promise<ReadAnswer> {
    return new Promise<ReadAnswer>((settle) => {
      const timer = setTimeout(() => {
        const seconds = Math.round(this.pool.options.timeoutMs / 1000);
        this.finish(this.pool.crashed(job, 'reasonTimeout', { seconds }));
        this.dead = true;
        void this.worker.terminate();
      }, this.pool.options.timeoutMs);
      this.pending = { id, job, settle, timer };
      this.worker.postMessage({ ...job, id } satisfies ReadRequest);
    });
  }
}

export class ReadPool {
  private readonly lanes: Lane[] = [];
  private nextId = 1;

  constructor(readonly options: PoolOptions) {}

  /** Start up to `n` threads now (they load while the caller reads the list). */
  warm(n: number): void {
    while (this.lanes.length < Math.min(n, this.options.size)) this.lanes.push(new Lane(this));
  }

  /** The answer for a school whose thread ended or was stopped: not kept for the next run. */
  crashed(job: Job, key: 'reasonCrashed' | 'reasonTimeout', params: Record<string, string | number>): ReadAnswer {
    const message = t(this.options.init.lang, `district.${key}`, params);
    return { read: { result: failedResult(job.ref, 'unreadable', message, { readAt: this.options.clock.now() }), titles: {} }, stamp: null, district: false, opened: true };
  }

  private async lane(k: number): Promise<Lane> {
    let lane = this.lanes[k];
    if (!lane || lane.dead) {
      lane = new Lane(this);
      this.lanes[k] = lane;
    }
    await lane.started;
    return lane;
  }

  /**
   * Read every job; answers by index. `onStart`/`onDone` tell the caller (a progress bar) which
   * school is being read and how many are done.
   */
  async readAll(jobs: readonly Job[], on: { start?: (i: number) => void; done?: (i: number, a: ReadAnswer) => void } = {}): Promise<ReadAnswer[]> {
    const answers: ReadAnswer[] = new Array<ReadAnswer>(jobs.length);
    let next = 0;
    const width = Math.min(this.options.size, jobs.length);
    await Promise.all(
      Array.from({ length: width }, async (_, k) => {
        while (next < jobs.length) {
          const i = next++;
          const job = jobs[i] as Job;
          const lane = await this.lane(k);
          on.start?.(i);
          const a = await lane.read(job, this.nextId++);
          answers[i] = a;
          on.done?.(i, a);
        }
      }),
    );
    return answers;
  }

  /** End every thread. */
  async close(): Promise<void> {
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}
