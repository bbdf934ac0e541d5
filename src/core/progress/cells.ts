// Small helpers for cells the progress code writes.

import type { WriteCell } from '../ports.ts';
import { formatPercent } from '../numbers.ts';

/**
 * A text bar of `width` cells for a share 0..1, then the percent as the reports write it (one
 * decimal at most, decimal comma: report/vn-format.ts formatPercent): `██████░░░░ 66,7%`. The bar
 * is rounded down, so it is full only when everything is done.
 */
export function textBar(share: number | null, width = 10): string {
  if (share === null || !Number.isFinite(share)) return '';
  const s = Math.min(1, Math.max(0, share));
  const filled = Math.floor(s * width + 1e-9);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${formatPercent(s)}`;
}

/**
 * `2024-06-30T09:15:00+07:00` → `30/06/2024 09:15`: day first as every date people read here, in
 * the clock's own time zone (Asia/Ho_Chi_Minh). Written as text, so no locale re-reads it.
 */
export function logTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : iso;
}

export type Grid = WriteCell[][];

/** Pads every row to the same width (writeBlock wants a rectangle). */
export function rectangular<T>(rows: T[][], fill: T): T[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<T>(width - r.length).fill(fill)] : r));
}
