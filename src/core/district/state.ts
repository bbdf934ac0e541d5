// What the district keeps about each read, inside the district workbook (a hidden, protected
// sheet: the contract's `unitState`), so an incremental refresh re-reads only the schools whose
// file changed, and a refresh cut off at any point loses nothing: each school's row is written
// as soon as it is read.
//
// Stored figures belong to one as-of date and period: a refresh for another reads every school.

import type { IsoDate, PeriodCode } from '../model.ts';
import type { KpiTitles, SchoolResult } from './types.ts';

/** One school's stored read. */
export interface StoredRead {
  /** The list's `Liên kết` as typed (the key, with the code). */
  source: string;
  code: string;
  /** What says the file changed: locally `mtimeMs:size`, in Google the Drive `modifiedTime` (+ version). */
  stamp: string;
  asOf: IsoDate;
  period: PeriodCode;
  result: SchoolResult;
  titles: KpiTitles;
}

/** The key a stored read is found by: the same row of the list (code and link). */
export const storedKey = (code: string, source: string): string => `${code.trim().toUpperCase()}\u0000${source.trim()}`;

/** Serialise for one cell (Sheets holds 50,000 characters a cell; .xlsx 32,767): null when too big. */
export const MAX_STORED_CHARS = 32_000;
export function encodeStored(s: StoredRead): string | null {
  const text = JSON.stringify(s);
  return text.length <= MAX_STORED_CHARS ? text : null;
}

/** A stored cell back, or null when it is not one of ours (edited, truncated): then the school is read again. */
export function decodeStored(text: unknown): StoredRead | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const v = JSON.parse(text) as Partial<StoredRead>;
    if (typeof v !== 'object' || v === null) return null;
    if (typeof v.source !== 'string' || typeof v.code !== 'string' || typeof v.stamp !== 'string') return null;
    if (typeof v.asOf !== 'string' || typeof v.period !== 'string' || typeof v.result !== 'object' || v.result === null) return null;
    return { source: v.source, code: v.code, stamp: v.stamp, asOf: v.asOf, period: v.period as PeriodCode, result: v.result as SchoolResult, titles: (v.titles ?? {}) as KpiTitles };
  } catch {
    return null;
  }
}

/**
 * Can a stored read stand for this school now? Same row, same as-of date and period, the file
 * unchanged (same stamp), and the read was not a passing failure (a quota or a network error is
 * never stored; a stored `noAccess`/`notFound` is tried again, since sharing may have changed).
 */
export function reusable(stored: StoredRead | undefined, now: { stamp: string | null; asOf: IsoDate; period: PeriodCode }): stored is StoredRead {
  if (!stored || now.stamp === null) return false;
  if (stored.stamp !== now.stamp || stored.asOf !== now.asOf || stored.period !== now.period) return false;
  const s = stored.result.status;
  return s !== 'noAccess' && s !== 'notFound';
}

/** The stored result, marked reused (its `readAt` stays when it was read). */
export const reusedResult = (stored: StoredRead): SchoolResult => ({ ...stored.result, reused: true });
