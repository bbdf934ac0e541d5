// A1 notation: column letters and range references (`B3`, `A1:C10`, `A:B`, `2:5`, `'Kế hoạch'!A1:B2`).

export function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1Ref {
  sheetName: string | null;
  /** 1-based; null = open (whole column range like `A:B`). */
  row: number | null;
  col: number | null;
  endRow: number | null;
  endCol: number | null;
}

/** Split `Sheet!A1:B2` / `'My sheet'!A1` into the sheet name (quotes removed, '' → ') and the reference. */
export function splitSheet(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang === -1) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parse an A1 reference; null when it is not one (Google answers "Range not found"). */
export function parseA1(a1: string): A1Ref | null {
  const { sheetName, ref } = splitSheet(a1.trim());
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b] = cells as RegExpExecArray[];
  const aCol = a?.[1] ? lettersToColumn(a[1]) : null;
  const aRow = a?.[2] ? Number(a[2]) : null;
  if (!b) {
    if (aCol === null || aRow === null) return null; // a single cell needs both
    return { sheetName, row: aRow, col: aCol, endRow: aRow, endCol: aCol };
  }
  const bCol = b[1] ? lettersToColumn(b[1]) : null;
  const bRow = b[2] ? Number(b[2]) : null;
  const rows = [aRow, bRow].filter((n): n is number => n !== null);
  const cols = [aCol, bCol].filter((n): n is number => n !== null);
  // `A5:B` runs to the last row, `A:B` is whole columns, `2:5` whole rows.
  const row = rows.length ? Math.min(...rows) : null;
  const endRow = rows.length === 2 ? Math.max(...rows) : null;
  const col = cols.length ? Math.min(...cols) : null;
  const endCol = cols.length === 2 ? Math.max(...cols) : null;
  return { sheetName, row, col, endRow, endCol };
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Sheet names needing quotes in A1 notation (spaces, accents, punctuation). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
