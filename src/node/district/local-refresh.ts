// The district refresh under `cchc serve`: the same districtRefresh/districtState calls as in
// Sheets, answered by `cchc aggregate`'s own run (commands/aggregate.ts runAggregate: the links
// as local paths relative to the district file, the schools read on the worker pool, the district
// workbook written under its lock). The run goes on in the background; each districtRefresh call
// is one step: it waits a moment for the run to move and answers where it stands, so the page
// shows the bar, n/N and the school being read, and calls again while `progress.running`.
import { ApiFailure } from '../../core/api.ts';
import { districtSchool, storedResults } from '../../core/app/district-view.ts';
import type { SchoolRef } from '../../core/district/school.ts';
import type { SchoolResult, SchoolStatus } from '../../core/district/types.ts';
import type { DistrictView } from '../../core/district/view.ts';
import type { IsoDate, Lang, PeriodCode } from '../../core/model.ts';
import type { AppContext } from '../../core/app/context.ts';
import { runAggregate } from '../cli/commands/aggregate.run.ts';
import { InputError } from '../cli/errors.ts';

/** How long one step waits for the run to move before it answers. */
const STEP_WAIT_MS = 1500;

interface Run {
  startedAt: string;
  updatedAt: string;
  total: number;
  done: number;
  reused: number;
  current: SchoolRef | null;
  finished: boolean;
  results: SchoolResult[] | null;
  asOf: IsoDate | null;
  period: PeriodCode | null;
  filesRead: number;
  failure: unknown;
  notes: string[];
  /** Resolves the next time the run moves. */
  moved: Promise<void>;
}

export interface LocalRefreshOptions {
  file: string;
  env: NodeJS.ProcessEnv;
  now(): string;
  /** A read-only context on the district file as it is on disk now (for the stored reads). */
  openContext(): Promise<AppContext>;
}

const byStatusOf = (results: readonly SchoolResult[]): Partial<Record<SchoolStatus, number>> => {
  const by: Partial<Record<SchoolStatus, number>> = {};
  for (const r of results) by[r.status] = (by[r.status] ?? 0) + 1;
  return by;
};

export class LocalDistrictRefresh {
  private run: Run | null = null;
  private wake: () => void = () => {};

  constructor(private readonly o: LocalRefreshOptions) {}

  private moved(): void {
    const run = this.run;
    if (!run) return;
    run.updatedAt = this.o.now();
    const wake = this.wake;
    run.moved = new Promise<void>((resolve) => (this.wake = resolve));
    wake();
  }

  private start(lang: Lang, full: boolean): Run {
    const run: Run = {
      startedAt: this.o.now(), updatedAt: this.o.now(), total: 0, done: 0, reused: 0, current: null, finished: false, results: null,
      asOf: null, period: null, filesRead: 0, failure: null, notes: [], moved: Promise.resolve(),
    };
    this.run = run;
    run.moved = new Promise<void>((resolve) => (this.wake = resolve));
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: this.o.env };
    const args = { positionals: [this.o.file], values: full ? { full: true } : {}, lang };
    void runAggregate(args, io, {
      planned: (total, reused, _toRead, frame) => {
        run.asOf = frame.asOf;
        run.period = frame.period;
        run.total = total;
        run.reused = reused;
        run.done = reused;
        this.moved();
      },
      reading: (_done, school) => {
        run.current = school;
        this.moved();
      },
      read: (done) => {
        run.done = run.reused + done;
        this.moved();
      },
    }).then(
      ({ aggregate, notes }) => {
        run.results = aggregate.schools;
        run.asOf = aggregate.asOf;
        run.period = aggregate.period;
        run.filesRead = aggregate.stats.filesRead;
        run.notes = notes;
        run.finished = true;
        run.current = null;
        this.moved();
      },
      (e: unknown) => {
        run.failure = e;
        run.finished = true;
        this.moved();
      },
    );
    return run;
  }

  /** The view of a run in this process, or of what the file stored (a refresh done earlier, or by `cchc aggregate`). */
  private async view(lang: Lang): Promise<DistrictView> {
    const run = this.run;
    if (run && run.asOf && run.period && !(run.finished && run.failure)) {
      const results = run.results ?? [];
      return {
        progress: {
          asOf: run.asOf, period: run.period, running: !run.finished, total: run.total, done: run.finished ? run.total : run.done,
          reused: run.reused, current: run.current ? { code: run.current.code, name: run.current.name } : null, startedAt: run.startedAt, updatedAt: run.updatedAt,
          readRequests: run.filesRead, quotaErrors: 0, byStatus: byStatusOf(results),
        },
        schools: results.map((r) => districtSchool(r, lang)),
        autoRefresh: { enabled: false, scheduled: false },
        notice: run.notes.join(' '),
      };
    }
    const ctx = await this.o.openContext();
    const stored = storedResults(ctx, lang);
    if (stored.asOf === null || stored.period === null) return { progress: null, schools: [], autoRefresh: { enabled: false, scheduled: false }, notice: '' };
    const total = stored.results.length + stored.missing;
    return {
      progress: {
        asOf: stored.asOf, period: stored.period, running: false, total, done: stored.results.length, reused: 0, current: null,
        startedAt: null, updatedAt: null, readRequests: 0, quotaErrors: 0, byStatus: byStatusOf(stored.results),
      },
      schools: stored.results.map((r) => districtSchool(r, lang)),
      autoRefresh: { enabled: false, scheduled: false },
      notice: '',
    };
  }

  /** A failed run: the list cannot be used (InputError) is the user's to fix; anything else a bug. */
  private failed(lang: Lang): never {
    const e = this.run?.failure;
    this.run = null;
    if (e instanceof InputError) throw new ApiFailure('FILE', e.message);
    throw e instanceof Error ? e : new Error(String(e));
  }

  async state(lang: Lang): Promise<DistrictView> {
    if (this.run?.finished && this.run.failure) this.failed(lang);
    return this.view(lang);
  }

  /** One step: start a run when none is going (or the last one ended), then answer once it moved or a moment passed. */
  async step(lang: Lang, input: { full?: boolean }): Promise<DistrictView> {
    let run = this.run;
    if (!run || run.finished) run = this.start(lang, input.full === true);
    // The first step waits for the list to be planned (the frame and the count are known then).
    const until = Date.now() + 20_000;
    do await Promise.race([run.moved, new Promise((resolve) => setTimeout(resolve, STEP_WAIT_MS))]);
    while (run.asOf === null && !run.finished && Date.now() < until);
    // Let the moves of the same instant land (a school read and the next started).
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (run.finished && run.failure) this.failed(lang);
    return this.view(lang);
  }
}
