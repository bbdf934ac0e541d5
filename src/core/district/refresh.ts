// A district refresh, resumable across executions: which school to read next, how many read
// requests fit in the quota now, what an answer means, and where the refresh stands. Pure: the
// shell (src/gas/district.ts through app/district-refresh.ts) sends the requests, sleeps, stores
// the rows and keeps the cursor.
//
// Quota (developers.google.com/sheets/api/limits): 60 read requests a minute per user per
// project, 300 per project, "refilled every minute"; past it, HTTP 429. The pace here keeps its
// own sliding window over the requests it sent (their times are in the cursor), which is never
// looser than a window refilled each minute: at most 60 requests in any 60 s (+ a margin for the
// time a request takes to reach Google). So 500 schools take ⌈500/60⌉ = 9 windows, ≈ 8 minutes,
// however parallel. 429 and 5xx are asked again after min(2^n s + up to 1 s at random, 64 s)
// (the limits page's exponential backoff), and counted once; 403/404 are results at once.
//
// What is kept where: each school's result goes into the district workbook as soon as it is in
// (the hidden `Lưu trữ đọc`, state.ts); the cursor (document properties, 9 KB a value) keeps
// only what the rows cannot say: the frame, when the refresh started, the recent requests, the
// schools waiting for a retry, a bitmap of the schools settled, and counters. A school is settled
// in this refresh when its bit is set, or when its stored row was written after the refresh
// started (an execution cut off after the rows and before the cursor loses nothing and reads
// nothing twice).

import type { ReportingFrame } from '../frame.ts';
import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import type { RefreshProgress } from './progress.ts';
import { failedResult, readSchoolForDistrict, type SchoolRef } from './school.ts';
import { spreadsheetIdOf, type DriveStamp, type SchoolAnswer } from './sheets-api.ts';
import { reusable, reusedResult, storedKey, type StoredRead } from './state.ts';
import { settleDuplicates } from './aggregate.ts';
import { t } from '../i18n.ts';
import type { SchoolResult, SchoolStatus } from './types.ts';

export const QUOTA = {
  /** Read requests a minute per user per project (the Sheets API's default). */
  perUser: 60,
  windowMs: 60_000,
  /** Slack for a request's way to Google: its slot is taken again only after 60 s + this. */
  marginMs: 2_000,
  /** Tries of one school on 429/5xx before it is given up for this refresh (unreadable, read again next time). */
  maxTries: 5,
  maxBackoffMs: 64_000,
} as const;

/** A school of the list as the refresh sees it. */
export interface RefreshUnit {
  /** 0-based position in the list (the order results and duplicates are settled in). */
  index: number;
  ref: SchoolRef;
  /** storedKey(code, source). */
  key: string;
  /** The spreadsheet ID of its link; null for a link that is not one (notFound at once). */
  fileId: string | null;
}

export function refreshUnits(refs: readonly SchoolRef[]): RefreshUnit[] {
  return refs.map((ref, index) => ({ index, ref, key: storedKey(ref.code, ref.source), fileId: spreadsheetIdOf(ref.source) }));
}

export interface RefreshCursor {
  v: 1;
  asOf: IsoDate;
  period: PeriodCode;
  /** Read every school, whatever Drive says changed. */
  full: boolean;
  startedAt: string;
  updatedAt: string | null;
  /** Set when every school is settled. */
  finishedAt: string | null;
  /** Hash of the list's keys: a list edited midway drops the retries (their positions moved). */
  list: string;
  /** Requests still inside the quota window: [sent at (epoch ms), how many]. */
  sent: [number, number][];
  /** Schools to ask again: [list index, tries made, not before (epoch ms)]. */
  retry: [number, number, number][];
  /** No request before this (epoch ms): after a 429 the window is full, maybe by others. */
  holdUntil: number;
  /** Hex bitmap of the list positions settled in this refresh. */
  settled: string;
  readRequests: number;
  quotaErrors: number;
}

/** Document properties hold 9 KB a value (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_CURSOR_CHARS = 8_500;

export function startCursor(o: { asOf: IsoDate; period: PeriodCode; full: boolean; nowIso: string; units: readonly RefreshUnit[] }): RefreshCursor {
  return {
    v: 1, asOf: o.asOf, period: o.period, full: o.full, startedAt: o.nowIso, updatedAt: o.nowIso, finishedAt: null,
    list: listHash(o.units), sent: [], retry: [], holdUntil: 0, settled: '', readRequests: 0, quotaErrors: 0,
  };
}

/** FNV-1a over the list's keys, base 36. */
export function listHash(units: readonly RefreshUnit[]): string {
  let h = 0x811c9dc5;
  for (const u of units) {
    for (let i = 0; i < u.key.length; i++) {
      h ^= u.key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x0a;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${units.length}-${h.toString(36)}`;
}

export function encodeCursor(c: RefreshCursor): string {
  const text = JSON.stringify(c);
  if (text.length > MAX_CURSOR_CHARS) {
    // Only a list of thousands all failing at once could: drop the retries' order, keep the rest.
    return JSON.stringify({ ...c, retry: c.retry.slice(0, 200) });
  }
  return text;
}

export function decodeCursor(text: string | null): RefreshCursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text) as Partial<RefreshCursor>;
    if (c.v !== 1 || typeof c.asOf !== 'string' || typeof c.period !== 'string' || typeof c.startedAt !== 'string') return null;
    return {
      v: 1, asOf: c.asOf, period: c.period as PeriodCode, full: c.full === true, startedAt: c.startedAt,
      updatedAt: c.updatedAt ?? null, finishedAt: c.finishedAt ?? null, list: String(c.list ?? ''),
      sent: Array.isArray(c.sent) ? c.sent.filter((e) => Array.isArray(e) && e.length === 2) : [],
      retry: Array.isArray(c.retry) ? c.retry.filter((e) => Array.isArray(e) && e.length === 3) : [],
      holdUntil: Number(c.holdUntil) || 0, settled: typeof c.settled === 'string' ? c.settled : '',
      readRequests: Number(c.readRequests) || 0, quotaErrors: Number(c.quotaErrors) || 0,
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the settled bitmap

export function isSettled(c: RefreshCursor, index: number): boolean {
  const nibble = parseInt(c.settled[index >> 2] ?? '0', 16);
  return (nibble & (1 << (index & 3))) !== 0;
}

export function markSettled(c: RefreshCursor, index: number): void {
  const at = index >> 2;
  let s = c.settled;
  while (s.length <= at) s += '0';
  const nibble = parseInt(s[at] ?? '0', 16) | (1 << (index & 3));
  c.settled = s.slice(0, at) + nibble.toString(16) + s.slice(at + 1);
}

// ---------------------------------------------------------------- where each school stands

export type UnitState =
  /** Read (or failed for good) in this refresh: its stored row. */
  | { kind: 'settled'; result: SchoolResult }
  /** The file did not change: the stored figures stand. */
  | { kind: 'reused'; result: SchoolResult }
  /** Its link is not a spreadsheet's: notFound, no request. */
  | { kind: 'badLink'; result: SchoolResult }
  | { kind: 'pending' }
  /** Asked; to be asked again from `at`. */
  | { kind: 'waiting'; at: number; tries: number };

export interface StateInput {
  cursor: RefreshCursor;
  units: readonly RefreshUnit[];
  stored: ReadonlyMap<string, StoredRead>;
  /** Drive's stamps by file ID; null when Drive could not be asked (then every school is read). */
  stamps: ReadonlyMap<string, DriveStamp> | null;
  lang: Lang;
  nowIso: string;
}

export function unitStates(input: StateInput): UnitState[] {
  const { cursor, units, stored, stamps } = input;
  const retries = new Map(cursor.retry.map(([i, tries, at]) => [i, { tries, at }]));
  const started = Date.parse(cursor.startedAt);
  return units.map((u): UnitState => {
    if (u.fileId === null) {
      return { kind: 'badLink', result: failedResult(u.ref, 'notFound', t(input.lang, 'district.reasonNotFound', { source: u.ref.source }), { readAt: input.nowIso }) };
    }
    const s = stored.get(u.key);
    const sameFrame = s !== undefined && s.asOf === cursor.asOf && s.period === cursor.period;
    const stamp = stamps?.get(u.fileId)?.stamp ?? null;
    if (s && sameFrame) {
      if (isSettled(cursor, u.index)) return { kind: 'settled', result: s.result };
      // Written after the refresh started, for the file as it is now: a cut-off execution's row.
      const readAt = s.result.readAt === null ? NaN : Date.parse(s.result.readAt);
      if (readAt >= started && (stamp === null || s.stamp === stamp || s.stamp === '')) return { kind: 'settled', result: s.result };
    }
    if (!cursor.full && reusable(s, { stamp, asOf: cursor.asOf, period: cursor.period })) return { kind: 'reused', result: reusedResult(s) };
    const r = retries.get(u.index);
    return r ? { kind: 'waiting', at: r.at, tries: r.tries } : { kind: 'pending' };
  });
}

// ---------------------------------------------------------------- pacing

export interface Plan {
  /** List positions to ask now, in one fetchAll. */
  batch: number[];
  /** Nothing can be sent before this (epoch ms); null when a batch is ready or all is done. */
  waitUntil: number | null;
  /** Every school is settled. */
  finished: boolean;
}

/** Requests the window allows at `now`, and when the next slot frees. */
export function capacity(c: RefreshCursor, now: number, limit: number = QUOTA.perUser): { free: number; nextFree: number } {
  let used = 0;
  let nextFree = Infinity;
  for (const [at, n] of c.sent) {
    const freeAt = at + QUOTA.windowMs + QUOTA.marginMs;
    if (freeAt > now) {
      used += n;
      if (freeAt < nextFree) nextFree = freeAt;
    }
  }
  return { free: Math.max(0, limit - used), nextFree };
}

export function planBatch(c: RefreshCursor, states: readonly UnitState[], now: number, limit: number = QUOTA.perUser): Plan {
  const due: number[] = [];
  const pending: number[] = [];
  let nextRetry = Infinity;
  states.forEach((s, i) => {
    if (s.kind === 'pending') pending.push(i);
    else if (s.kind === 'waiting') {
      if (s.at <= now) due.push(i);
      else nextRetry = Math.min(nextRetry, s.at);
    }
  });
  if (due.length === 0 && pending.length === 0) {
    return nextRetry === Infinity ? { batch: [], waitUntil: null, finished: true } : { batch: [], waitUntil: nextRetry, finished: false };
  }
  const { free, nextFree } = capacity(c, now, limit);
  if (now < c.holdUntil) return { batch: [], waitUntil: c.holdUntil, finished: false };
  if (free === 0) return { batch: [], waitUntil: Math.max(nextFree, c.holdUntil), finished: false };
  return { batch: [...due, ...pending].slice(0, free), waitUntil: null, finished: false };
}

/** Note a batch as sent (before it goes: a cut-off execution still knows the quota it spent). */
export function recordSent(c: RefreshCursor, now: number, n: number, nowIso: string): void {
  c.sent = c.sent.filter(([at]) => at + QUOTA.windowMs + QUOTA.marginMs > now);
  if (n > 0) c.sent.push([now, n]);
  c.readRequests += n;
  c.updatedAt = nowIso;
}

/** Google's backoff: min(2^n s + up to 1 s at random, 64 s), n the tries made so far (0 first). */
export function backoffMs(tries: number, random: number): number {
  return Math.min(2 ** tries * 1000 + Math.floor(random * 1000), QUOTA.maxBackoffMs);
}

export interface AnswerContext {
  frame: ReportingFrame;
  lang: Lang;
  now: number;
  nowIso: string;
  /** Math.random() in the shell; a seeded one in tests. */
  random: () => number;
  /** The school file's Drive stamp, when Drive listed it. */
  stamp: DriveStamp | null;
  account?: string;
}

export type Applied =
  | { kind: 'stored'; read: StoredRead }
  | { kind: 'retry'; at: number };

/**
 * One answer: a result to store (the school is settled, its bit set), or a retry (429/5xx, its
 * time noted; a 429 holds every request until then). The request itself was counted when sent.
 */
export function applyAnswer(c: RefreshCursor, unit: RefreshUnit, answer: SchoolAnswer, ctx: AnswerContext): Applied {
  c.updatedAt = ctx.nowIso;
  const opts = { frame: ctx.frame, lang: ctx.lang, readAt: ctx.nowIso, ...(ctx.account ? { account: ctx.account } : {}) };
  const changedAt = ctx.stamp?.changedAt ?? null;
  let stamp = ctx.stamp?.stamp ?? '';
  let result: SchoolResult;
  let titles = {};
  if (answer.kind === 'retry') {
    const prior = c.retry.find(([i]) => i === unit.index);
    const tries = (prior?.[1] ?? 0) + 1;
    if (answer.quota) c.quotaErrors++;
    c.retry = c.retry.filter(([i]) => i !== unit.index);
    if (tries < QUOTA.maxTries) {
      const at = ctx.now + backoffMs(tries - 1, ctx.random());
      c.retry.push([unit.index, tries, at]);
      if (answer.quota) c.holdUntil = Math.max(c.holdUntil, at);
      return { kind: 'retry', at };
    }
    // Given up for this refresh: shown as unreadable, never reused (no stamp), read next time.
    result = failedResult(unit.ref, 'unreadable', t(ctx.lang, 'district.reasonTryLater', { detail: answer.detail }), { changedAt, readAt: ctx.nowIso });
    stamp = '';
  } else {
    c.retry = c.retry.filter(([i]) => i !== unit.index);
    const opening = answer.kind === 'workbook'
      ? { kind: 'workbook' as const, port: answer.port, changedAt }
      : { kind: 'failed' as const, status: answer.status, detail: answer.detail, changedAt };
    const read = readSchoolForDistrict(unit.ref, opening, opts);
    result = read.result;
    titles = read.titles;
  }
  markSettled(c, unit.index);
  return { kind: 'stored', read: { source: unit.ref.source, code: unit.ref.code, stamp, asOf: c.asOf, period: c.period, result, titles } };
}

/** The results so far, in list order (settled, reused and bad links; duplicates settled). */
export function currentResults(states: readonly UnitState[], lang: Lang): SchoolResult[] {
  const done = states.flatMap((s) => (s.kind === 'settled' || s.kind === 'reused' || s.kind === 'badLink' ? [s.result] : []));
  return settleDuplicates(done, lang);
}

export function refreshProgress(c: RefreshCursor, units: readonly RefreshUnit[], states: readonly UnitState[], lang: Lang): RefreshProgress {
  const results = currentResults(states, lang);
  const byStatus: Partial<Record<SchoolStatus, number>> = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const next = states.findIndex((s) => s.kind === 'pending' || s.kind === 'waiting');
  const current = next >= 0 ? units[next]!.ref : null;
  return {
    asOf: c.asOf,
    period: c.period,
    running: c.finishedAt === null,
    total: units.length,
    done: results.length,
    reused: states.filter((s) => s.kind === 'reused').length,
    current: current ? { code: current.code, name: current.name } : null,
    startedAt: c.startedAt,
    updatedAt: c.updatedAt,
    readRequests: c.readRequests,
    quotaErrors: c.quotaErrors,
    byStatus,
  };
}
