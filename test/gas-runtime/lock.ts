// LockService: script, user and document locks shared by every context of one runtime, so two
// loads of the add-on (two "executions") can contend. A lock belongs to the execution that took
// it and is released when that execution ends (runtime.endExecution), as Apps Script does.
// tryLock waits on the simulated clock and answers false; waitLock throws Google's message.

import { gasError, type RuntimeCore } from './core.ts';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** The owner id used for "another process" holding a lock (LockTable.hold). */
export const OTHER_PROCESS = -1;

export class LockTable {
  private readonly holders = new Map<string, number>();
  /**
   * Whether the script runs in the context of a containing document. false: getDocumentLock()
   * answers null, as it does "outside of the context of a containing document (such as from a
   * standalone script or webapp)" (developers.google.com/apps-script/reference/lock/lock-service).
   */
  documentContext = true;
  constructor(private readonly core: RuntimeCore) {}
  owner(key: string): number | undefined {
    return this.holders.get(key);
  }
  take(key: string, execution: number): void {
    this.holders.set(key, execution);
  }
  release(key: string): void {
    this.holders.delete(key);
  }
  /** Test helper: another process holds this lock until `release`. */
  hold(kind: 'script' | 'user' | 'document', id = ''): string {
    const key = kind === 'script' ? 'script' : `${kind}:${id}`;
    this.holders.set(key, OTHER_PROCESS);
    return key;
  }
  releaseExecution(execution: number): void {
    for (const [k, owner] of this.holders) if (owner === execution) this.holders.delete(k);
  }
  isHeld(key: string): boolean {
    return this.holders.has(key);
  }
  now(): number {
    return this.core.nowMillis();
  }
}

export class FakeLock {
  private held = false;
  constructor(
    private readonly core: RuntimeCore,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    const me = this.core.currentExecution();
    const owner = this.table.owner(this.key);
    if (owner === undefined || owner === me) {
      this.table.take(this.key, me);
      this.held = true;
      return true;
    }
    // Nobody else runs while we wait in a single-threaded simulation: the wait always times out.
    this.core.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this.held && this.table.owner(this.key) === this.core.currentExecution();
  }
  releaseLock(): void {
    if (this.held && this.table.owner(this.key) === this.core.currentExecution()) this.table.release(this.key);
    this.held = false;
  }
}

export class FakeLockService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly table: LockTable,
    private readonly activeId: () => string | null,
    private readonly user: () => string,
  ) {}
  getScriptLock(): FakeLock {
    return this.core.instrument(new FakeLock(this.core, this.table, 'script'), 'Lock');
  }
  getUserLock(): FakeLock {
    return this.core.instrument(new FakeLock(this.core, this.table, `user:${this.user()}`), 'Lock');
  }
  /** null when the script is not running in a document (no active one, or `table.documentContext` false). */
  getDocumentLock(): FakeLock | null {
    const id = this.activeId();
    return id === null || !this.table.documentContext ? null : this.core.instrument(new FakeLock(this.core, this.table, `document:${id}`), 'Lock');
  }
}

export function createLockService(core: RuntimeCore, table: LockTable, activeId: () => string | null, user: () => string): FakeLockService {
  return core.instrument(new FakeLockService(core, table, activeId, user), 'LockService');
}
