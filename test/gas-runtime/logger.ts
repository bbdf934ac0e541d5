// Logger and console for the vm context: everything is captured in the runtime's LogStore
// (the bare vm context drops console output otherwise). Set `echo` to also print to the host.

import { format } from 'node:util';
import type { RuntimeCore } from './core.ts';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'Logger';

export class LogStore {
  entries: { level: LogLevel; message: string }[] = [];
  echo = false;
  add(level: LogLevel, message: string): void {
    this.entries.push({ level, message });
    if (this.echo) console.log(`[gas ${level}] ${message}`);
  }
  messages(level?: LogLevel): string[] {
    return this.entries.filter((e) => level === undefined || e.level === level).map((e) => e.message);
  }
  clear(): void {
    this.entries = [];
  }
}

export class FakeLogger {
  private lines: string[] = [];
  constructor(private readonly store: LogStore) {}
  /** log(data) | log(format, ...values) with %s placeholders, as Apps Script's Logger. */
  log(data: unknown, ...values: unknown[]): this {
    let message = typeof data === 'string' ? data : format('%o', data);
    if (typeof data === 'string' && values.length) {
      let i = 0;
      message = data.replace(/%s/g, () => (i < values.length ? String(values[i++]) : '%s'));
    }
    this.lines.push(message);
    this.store.add('Logger', message);
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines = [];
  }
}

export class FakeConsole {
  constructor(private readonly store: LogStore) {}
  log(...args: unknown[]): void {
    this.store.add('log', format(...args));
  }
  info(...args: unknown[]): void {
    this.store.add('info', format(...args));
  }
  warn(...args: unknown[]): void {
    this.store.add('warn', format(...args));
  }
  error(...args: unknown[]): void {
    this.store.add('error', format(...args));
  }
  debug(...args: unknown[]): void {
    this.store.add('debug', format(...args));
  }
  time(): void {}
  timeEnd(): void {}
}

export function createLogger(core: RuntimeCore, store: LogStore): FakeLogger {
  return core.instrument(new FakeLogger(store), 'Logger');
}

export function createConsole(core: RuntimeCore, store: LogStore): FakeConsole {
  return core.instrument(new FakeConsole(store), 'console');
}
