// The heart of the offline Apps Script runtime: one simulated clock, one call counter and the
// execution-time limit, shared by every fake service of a runtime.
//
// Every public method of a fake service object is reached through `instrument()`, which counts
// the call (total and per `Class.method`), advances the simulated clock by the call's modelled
// cost and throws Google's "Exceeded maximum execution time" once the current execution has run
// for more than 6 minutes of simulated time. Calls made by a fake on another fake while serving a
// call are not counted again (one call from the script = one count), which is how Apps Script
// bills them too: one round trip per call from script code.

/** Apps Script's own exceptions have `name === 'Exception'` and the bare message (logged as `Exception: …`). */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Google's message when an execution passes its time limit (6 min for consumer and add-on scripts). */
export const EXCEEDED_MAX_EXECUTION_TIME = 'Exceeded maximum execution time';

export const SIX_MINUTES_MS = 6 * 60 * 1000;

export interface CostOptions {
  /** Simulated milliseconds per call when no other rule applies (default 50). */
  defaultCostMs?: number;
  /**
   * Per call name (`Range.getValues`) or per class (`Range.*`): simulated milliseconds. Exact names
   * win over class rules. Builders, enums, Logger and console default to 0 (they are local objects).
   */
  costs?: Record<string, number>;
}

export interface CallSnapshot {
  total: number;
  byName: Record<string, number>;
  /** Simulated milliseconds consumed by the counted calls. */
  simulatedMs: number;
}

// Local objects in Apps Script (no round trip to a Google backend): counted, but free by default.
const FREE_CLASSES = [
  'DataValidationBuilder',
  'ConditionalFormatRuleBuilder',
  'EmbeddedChartBuilder',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'Logger',
  'console',
  'HtmlOutput',
  'HtmlTemplate',
  'Blob',
  'Menu',
  'DataValidation',
  'ConditionalFormatRule',
  'BooleanCondition',
  // A fetched answer is local: reading its code or text makes no round trip.
  'HTTPResponse',
];

export class RuntimeCore {
  /** Simulated epoch milliseconds. */
  private nowMs: number;
  private executionStartMs: number;
  private executionId = 0;
  private exceeded = false;
  readonly executionLimitMs: number;
  private readonly defaultCostMs: number;
  private readonly costs: Record<string, number>;
  private readonly counts = new Map<string, number>();
  private total = 0;
  private spentMs = 0;
  /** >0 while a fake is serving a call: nested calls are not counted. */
  private depth = 0;

  constructor(options: { now: Date; executionLimitMs?: number } & CostOptions) {
    this.nowMs = options.now.getTime();
    this.executionStartMs = this.nowMs;
    this.executionLimitMs = options.executionLimitMs ?? SIX_MINUTES_MS;
    this.defaultCostMs = options.defaultCostMs ?? 50;
    const free: Record<string, number> = {};
    for (const c of FREE_CLASSES) free[`${c}.*`] = 0;
    this.costs = { ...free, ...(options.costs ?? {}) };
  }

  // ------------------------------------------------------------------ clock

  now(): Date {
    return new Date(this.nowMs);
  }

  nowMillis(): number {
    return this.nowMs;
  }

  /** Set the simulated time (tests: "today is …"). Does not start a new execution. */
  setNow(date: Date | string | number): void {
    const ms = new Date(date).getTime();
    if (Number.isNaN(ms)) throw new Error(`RuntimeCore.setNow: invalid date ${String(date)}`);
    const delta = ms - this.nowMs;
    this.nowMs = ms;
    this.executionStartMs += delta; // moving "today" is not time spent by the execution
  }

  /** Spend simulated time inside the current execution (Utilities.sleep, lock waits). */
  advance(ms: number): void {
    this.nowMs += Math.max(0, ms);
    this.checkTimeLimit();
  }

  // ------------------------------------------------------------------ executions

  /** Start a new execution: the 6-minute budget starts again. Returns its id. */
  beginExecution(): number {
    this.executionId += 1;
    this.executionStartMs = this.nowMs;
    this.exceeded = false;
    return this.executionId;
  }

  currentExecution(): number {
    return this.executionId;
  }

  /** Simulated milliseconds spent by the current execution. */
  elapsedMs(): number {
    return this.nowMs - this.executionStartMs;
  }

  private checkTimeLimit(): void {
    if (this.exceeded || this.nowMs - this.executionStartMs > this.executionLimitMs) {
      this.exceeded = true;
      throw gasError(EXCEEDED_MAX_EXECUTION_TIME);
    }
  }

  // ------------------------------------------------------------------ counting

  costOf(name: string): number {
    const exact = this.costs[name];
    if (exact !== undefined) return exact;
    const cls = this.costs[`${name.split('.')[0] ?? ''}.*`];
    if (cls !== undefined) return cls;
    return this.defaultCostMs;
  }

  /** Test helper: the execution dies at the `n`-th counted call from now (as at its time limit). */
  interruptAfter(n: number | null): void {
    this.interruptAt = n === null ? null : this.total + n;
  }
  private interruptAt: number | null = null;

  /** Count one call and spend its cost; throws once the execution is over its time limit. */
  tick(name: string): void {
    if (this.exceeded) throw gasError(EXCEEDED_MAX_EXECUTION_TIME);
    if (this.interruptAt !== null && this.total + 1 >= this.interruptAt) {
      this.interruptAt = null;
      this.exceeded = true;
      throw gasError(EXCEEDED_MAX_EXECUTION_TIME);
    }
    this.total += 1;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const cost = this.costOf(name);
    this.spentMs += cost;
    this.nowMs += cost;
    this.checkTimeLimit();
  }

  snapshot(): CallSnapshot {
    return { total: this.total, byName: Object.fromEntries([...this.counts].sort()), simulatedMs: this.spentMs };
  }

  count(name?: string): number {
    if (name === undefined) return this.total;
    if (name.endsWith('.*')) {
      const prefix = name.slice(0, -1);
      let n = 0;
      for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.counts.get(name) ?? 0;
  }

  resetCalls(): void {
    this.counts.clear();
    this.total = 0;
    this.spentMs = 0;
  }

  /** Run `fn` without counting the calls it makes (test setup through the public API). */
  uncounted<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }

  /**
   * Wrap a fake object so each call of a public method (not starting with `_`) is counted as
   * `className.method`. Methods run on the unwrapped target, so a fake's calls on itself are free.
   */
  instrument<T extends object>(target: T, className: string): T {
    const core = this;
    const wrappers = new Map<PropertyKey, unknown>();
    const proxy: T = new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') {
          return value;
        }
        const cached = wrappers.get(prop);
        if (cached) return cached;
        const fn = value as (...args: unknown[]) => unknown;
        const name = `${className}.${prop}`;
        const wrapper = function (...args: unknown[]): unknown {
          if (core.depth === 0) core.tick(name);
          core.depth += 1;
          try {
            const out = fn.apply(obj, args);
            return out === obj ? proxy : out; // chained calls stay counted
          } finally {
            core.depth -= 1;
          }
        };
        wrappers.set(prop, wrapper);
        return wrapper;
      },
    });
    return proxy;
  }
}

// ------------------------------------------------------------------ small shared helpers

/** Cross-realm Date test: values from the vm context fail `instanceof Date` in the host. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Apps Script iterators (FileIterator, FolderIterator…). */
export class FakeIterator<T> {
  private i = 0;
  constructor(private readonly items: readonly T[]) {}
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    const item = this.items[this.i];
    if (item === undefined) throw gasError('Cannot retrieve the next object: iterator has reached the end.');
    this.i += 1;
    return item;
  }
  getContinuationToken(): string {
    return String(this.i);
  }
}

/** UTF-8 byte length (Google's size limits are in bytes). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
