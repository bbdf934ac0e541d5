// Helpers for the `cchc` tests: run main() with a captured io, and read .xlsx files back with
// exceljs directly (not through our adapter, so a bug there cannot hide one here).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli/main.ts';

/** The sample school's plan is for 2024; "today" is the end of Quý II unless a test says. */
export const TODAY = '2024-06-30';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** LibreOffice is never found: CCHC_SOFFICE names a file that does not exist (pdf.ts findSoffice). */
export const NO_SOFFICE = { CCHC_SOFFICE: path.join(tmpdir(), 'cchc-no-such-soffice') };

export async function run(argv: string[], env: Record<string, string> = {}, isTTY = false): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    isTTY,
    env: { ...process.env, CCHC_TODAY: TODAY, ...NO_SOFFICE, ...env },
  });
  return { code, out, err };
}

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'cchc-cli-'));

let copies = 0;
export function copyTo(dir: string, file: string, name = `copy-${++copies}.xlsx`): string {
  const to = path.join(dir, name);
  copyFileSync(file, to);
  return to;
}

/** A cell's value as a comparable string: dates ISO, formulas their result, rich text its text. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return `=${JSON.stringify((v as { result?: unknown }).result ?? null)}`;
    return JSON.stringify(v);
  }
  return String(v);
}

export type SheetDump = Map<string, string>;

/** Every non-empty cell of every visible sheet: sheet → (A1 → value). */
export async function dump(file: string): Promise<Map<string, SheetDump>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, SheetDump>();
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden') continue;
    const cells: SheetDump = new Map();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const t = cellText(cell.value);
        if (t !== '') cells.set(cell.address, t);
      });
    });
    sheets.set(ws.name, cells);
  }
  return sheets;
}

/** Column letters whose row-1 header starts with ⚙ (computed columns). */
export function computedColumns(sheet: SheetDump): Set<string> {
  const cols = new Set<string>();
  for (const [a1, v] of sheet) if (/^[A-Z]+1$/.test(a1) && v.startsWith('⚙')) cols.add(a1.replace(/\d+$/, ''));
  return cols;
}

export const colOf = (a1: string): string => a1.replace(/\d+$/, '');

/** Split a sheet's cells into input cells and ⚙ cells. */
export function splitComputed(sheet: SheetDump): { input: Record<string, string>; computed: Record<string, string> } {
  const computed = computedColumns(sheet);
  const out = { input: {} as Record<string, string>, computed: {} as Record<string, string> };
  for (const [a1, v] of sheet) (computed.has(colOf(a1)) && !/^[A-Z]+1$/.test(a1) ? out.computed : out.input)[a1] = v;
  return out;
}

/** Edit an .xlsx with exceljs: `edit(wb)` changes it, the result goes to `to`. */
export async function editXlsx(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

/** The A1 address of `header`'s column on `row` of a sheet whose headers are on row 1. */
export function cellUnder(ws: ExcelJS.Worksheet, header: string, row: number): string {
  let found = 0;
  ws.getRow(1).eachCell((c, col) => {
    if (c.value === header) found = col;
  });
  if (!found) throw new Error(`no column "${header}" in ${ws.name}`);
  return ws.getRow(row).getCell(found).address;
}

export const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** stderr holds exactly one line. */
export const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

/**
 * A temp folder with the sample school in it, made once per test file (beforeAll) and removed
 * after (afterAll): `const files = sampleFolder();` then `files.dir`, `files.sample` in tests.
 */
export function sampleFolder(): { dir: string; sample: string } {
  const files = { dir: '', sample: '' };
  beforeAll(async () => {
    files.dir = tempDir();
    files.sample = path.join(files.dir, 'sample.xlsx');
    const r = await run(['init', files.sample, '--sample']);
    if (r.code !== 0) throw new Error(`cchc init --sample failed: ${r.err}`);
  });
  afterAll(() => rmSync(files.dir, { recursive: true, force: true }));
  return files;
}
