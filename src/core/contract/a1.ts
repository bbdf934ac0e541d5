// A1 notation helpers (1-based rows and columns).

/** 1 → `A`, 26 → `Z`, 27 → `AA`. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer, got ${col}`);
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (7, 7) → `G7`. */
export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`row must be a positive integer, got ${row}`);
  return columnLetter(col) + String(row);
}

/** `G7` → { row: 7, col: 7 }; null for anything that is not one cell in A1 notation. */
export function parseA1(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(cell);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
