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
