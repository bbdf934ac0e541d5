// What a workbook costs to load, measured before exceljs loads it (exceljs inflates every part
// and builds an object per cell: 100,000 tasks take ≈ 1 GB to read and ≈ 2.3 GB to write, and a
// few million rows abort the process out of memory). Each sheet is inflated as a stream and
// counted: rows, cells, and the characters of every cell (shared strings included). Past a cap the
// scan stops at once with one line naming the cap and, for a cell, its address.
//
// The caps (each can be set in the environment, for tests or a bigger machine):
//   CCHC_MAX_FILE_MB       100        the .xlsx file itself
//   CCHC_MAX_UNZIPPED_MB   160        all its parts uncompressed (100,000 tasks: ≈ 50)
//   CCHC_MAX_ROWS          200,000    rows of one sheet
//   CCHC_MAX_CELLS         2,000,000  cells of the whole workbook (100,000 tasks: ≈ 1.35 million)
//   CCHC_MAX_CELL_CHARS    1,000,000  characters of one cell
// A cell over Excel's own limit (32,767 characters) is read (validate reports it), but is never
// written back: a write is refused while one is there (xlsx-workbook.ts).
import { t, type MessageKey, type MessageParams } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import type { PackageView } from './package.ts';
import { FileProblem, count, mb, shortName } from './problems.ts';
import { streamPart, streamPartText, ZipFormatError, ZipLimitError } from './zip.ts';

export const EXCEL_CELL_CHARS = 32_767;

export interface Limits {
  maxFileBytes: number;
  maxUnzippedBytes: number;
  maxRowsPerSheet: number;
  maxCells: number;
  maxCellChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUnzippedBytes: 160 * 1024 * 1024,
  maxRowsPerSheet: 200_000,
  maxCells: 2_000_000,
  maxCellChars: 1_000_000,
};

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const num = (name: string, fallback: number, scale = 1) => {
    const v = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v > 0 ? Math.floor(v * scale) : fallback;
  };
  return {
    maxFileBytes: num('CCHC_MAX_FILE_MB', DEFAULT_LIMITS.maxFileBytes, 1024 * 1024),
    maxUnzippedBytes: num('CCHC_MAX_UNZIPPED_MB', DEFAULT_LIMITS.maxUnzippedBytes, 1024 * 1024),
    maxRowsPerSheet: num('CCHC_MAX_ROWS', DEFAULT_LIMITS.maxRowsPerSheet),
    maxCells: num('CCHC_MAX_CELLS', DEFAULT_LIMITS.maxCells),
    maxCellChars: num('CCHC_MAX_CELL_CHARS', DEFAULT_LIMITS.maxCellChars),
  };
}

export interface SheetScan {
  rows: number;
  cells: number;
  /** The sheet part after its cell data (`</sheetData>` to the end): what exceljs may drop is there. */
  tail: string;
  /** The `<worksheet …>` start tag (its namespace declarations). */
  root: string;
}

export interface LongCell {
  sheet: string;
  cell: string;
  chars: number;
}

export interface ScanResult {
  /** By sheet part name. */
  sheets: Map<string, SheetScan>;
  /** Cells over Excel's 32,767 characters (the first few), and how many there are. */
  overExcel: LongCell[];
  overExcelCount: number;
  cells: number;
  unzippedBytes: number;
}

/** A cap passed: the cap's message (its counts said in the language), then the shared tip. */
export function tooLarge(shown: string, key: MessageKey, params: (lang: Lang) => MessageParams): FileProblem {
  return new FileProblem('TOO_LARGE', key, (lang) => ({ ...params(lang), tip: t(lang, 'files.tooLargeTip') }), shown);
}

export function fileTooLarge(shown: string, bytes: number, limits: Limits): FileProblem {
  return tooLarge(shown, 'files.fileTooLarge', () => ({ file: shown, size: mb(bytes), max: mb(limits.maxFileBytes) }));
}

function unzippedTooLarge(shown: string, limits: Limits): FileProblem {
  return tooLarge(shown, 'files.unzippedTooLarge', () => ({ file: shown, max: mb(limits.maxUnzippedBytes) }));
}

/** Length of XML text as characters: each entity (`&amp;`, `&#233;`) is one. */
function textLength(s: string): number {
  if (!s.includes('&')) return s.length;
  let n = s.length;
  for (const m of s.matchAll(/&[^;&\s]{1,10};/g)) n -= m[0].length - 1;
  return n;
}

const colLetters = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Lengths of the shared strings, by index (phonetic runs left out, as Excel shows the text). */
async function scanSharedStrings(view: PackageView, part: string, budget: number): Promise<{ lengths: Uint32Array; bytes: number }> {
  const e = view.entry(part);
  if (!e) return { lengths: new Uint32Array(0), bytes: 0 };
  let lengths = new Uint32Array(1024);
  let n = 0;
  let cur = 0;
  let inSi = false;
  let inText = false;
  let inPhonetic = false;
  let rest = '';
  const bytes = await streamPartText(view.buf, e, budget, (chunk) => {
    const s = rest + chunk;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (inText) cur += textLength(s.slice(i));
        rest = '';
        return;
      }
      if (inText && lt > i) cur += textLength(s.slice(i, lt));
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        rest = s.slice(lt);
        return;
      }
      const { close, name, selfClosing } = tagAt(s, lt, gt);
      if (name === 'si') {
        if (!close) {
          inSi = true;
          cur = 0;
        }
        if (close || selfClosing) {
          if (n === lengths.length) {
            const grown = new Uint32Array(lengths.length * 2);
            grown.set(lengths);
            lengths = grown;
          }
          lengths[n++] = cur;
          inSi = false;
        }
      } else if (name === 'rPh') {
        inPhonetic = !close && !selfClosing;
      } else if (name === 't') {
        inText = inSi && !close && !selfClosing && !inPhonetic;
      }
      i = gt + 1;
    }
  });
  return { lengths: lengths.subarray(0, n), bytes };
}

interface SheetContext {
  sheet: string;
  shown: string;
  limits: Limits;
  shared: Uint32Array;
  cellsBefore: number;
  onOverExcel: (cell: LongCell) => void;
}

/** Count one sheet's rows and cells and measure every cell, a chunk at a time. */
async function scanSheet(view: PackageView, part: string, budget: number, ctx: SheetContext): Promise<SheetScan & { bytes: number }> {
  const e = view.entry(part);
  if (!e) return { rows: 0, cells: 0, tail: '', root: '', bytes: 0 };
  const { limits } = ctx;
  let phase: 'head' | 'data' | 'tail' = 'head';
  let rows = 0;
  let cells = 0;
  let tail = '';
  let root = '';
  let rest = '';
  let rowNum = 0;
  let colNum = 0;
  let cellTag = '';
  let cellShared = false;
  let chars = 0;
  let digits = '';
  let inText = false;
  let inValue = false;
  let inPhonetic = false;

  const address = (): string => {
    const m = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(cellTag);
    return m ? (m[1] as string).toUpperCase() : `${colLetters(colNum)}${rowNum}`;
  };
  const endCell = () => {
    const n = cellShared ? (ctx.shared[Number(digits)] ?? 0) : chars;
    if (n > limits.maxCellChars) {
      const cell = address();
      throw tooLarge(ctx.shown, 'files.cellTooLong', (lang) => ({
        sheet: shortName(ctx.sheet),
        cell,
        chars: count(n, lang),
        max: count(limits.maxCellChars, lang),
        excel: count(EXCEL_CELL_CHARS, lang),
      }));
    }
    if (n > EXCEL_CELL_CHARS) ctx.onOverExcel({ sheet: ctx.sheet, cell: address(), chars: n });
  };

  const onText = (chunk: string) => {
    if (phase === 'tail') {
      tail += chunk;
      return;
    }
    const s = rest + chunk;
    rest = '';
    let i = 0;
    if (phase === 'head') {
      if (root === '') {
        const w = /<(?:[\w.-]+:)?worksheet[\s>][^>]*>/.exec(s);
        if (w) root = w[0];
      }
      const found = /<(?:[\w.-]+:)?sheetData[\s>/]/.exec(s);
      if (!found) {
        // Keep enough to find the tags when they are cut between two chunks.
        rest = root === '' && s.length < 65536 ? s : s.slice(Math.max(0, s.length - 32));
        return;
      }
      const at = found.index;
      const gt = s.indexOf('>', at);
      if (gt < 0) {
        rest = s.slice(at);
        return;
      }
      if (s.charCodeAt(gt - 1) === 47) {
        phase = 'tail';
        tail = s.slice(gt + 1);
        return;
      }
      phase = 'data';
      i = gt + 1;
    }
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (inText || inValue) addText(s.slice(i));
        return;
      }
      if ((inText || inValue) && lt > i) addText(s.slice(i, lt));
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        rest = s.slice(lt);
        return;
      }
      const { close, name, selfClosing } = tagAt(s, lt, gt);
      switch (name) {
        case 'c':
          if (!close) {
            cells++;
            if (ctx.cellsBefore + cells > limits.maxCells) {
              throw tooLarge(ctx.shown, 'files.tooManyCells', (lang) => ({ file: ctx.shown, max: count(limits.maxCells, lang) }));
            }
            colNum++;
            cellTag = s.slice(lt, gt);
            const tAt = cellTag.indexOf(' t="');
            cellShared = tAt >= 0 && cellTag.charCodeAt(tAt + 4) === 115 && cellTag.charCodeAt(tAt + 5) === 34; // t="s"
            chars = 0;
            digits = '';
            if (selfClosing) endCell();
          } else endCell();
          break;
        case 'v':
          inValue = !close && !selfClosing;
          break;
        case 't':
          inText = !close && !selfClosing && !inPhonetic;
          break;
        case 'rPh':
          inPhonetic = !close && !selfClosing;
          break;
        case 'row':
          if (!close) {
            rows++;
            if (rows > limits.maxRowsPerSheet) {
              throw tooLarge(ctx.shown, 'files.tooManyRows', (lang) => ({ sheet: shortName(ctx.sheet), max: count(limits.maxRowsPerSheet, lang) }));
            }
            const m = /\sr\s*=\s*["'](\d+)["']/.exec(s.slice(lt, gt));
            rowNum = m ? Number(m[1]) : rowNum + 1;
            colNum = 0;
          }
          break;
        case 'sheetData':
          if (close) {
            phase = 'tail';
            tail = s.slice(lt);
            return;
          }
          break;
        default:
          break;
      }
      i = gt + 1;
    }
  };
  const addText = (t: string) => {
    if (inValue && cellShared) digits += t;
    else chars += textLength(t);
  };
  const bytes = await streamPartText(view.buf, e, budget, onText);
  return { rows, cells, tail, root, bytes };
}

/**
 * Measure a workbook against the caps; throws FileProblem TOO_LARGE at the first one passed.
 * `shown` is the file as the user named it.
 */
/**
 * `skip`: parts (lower case names) that exceljs will not be given (a read-only open empties them):
 * not inflated here either.
 */
export async function scanWorkbook(view: PackageView, limits: Limits, shown: string, skip: ReadonlySet<string> = new Set()): Promise<ScanResult> {
  const declared = view.entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.maxUnzippedBytes) throw unzippedTooLarge(shown, limits);
  let used = 0;
  const budget = () => limits.maxUnzippedBytes - used;
  const result: ScanResult = { sheets: new Map(), overExcel: [], overExcelCount: 0, cells: 0, unzippedBytes: 0 };
  const done = new Set<string>(skip);
  try {
    const sharedPart = view.relsOf(view.workbookPart).find((r) => r.type === 'sharedStrings' && !r.external)?.target;
    let shared: Uint32Array = new Uint32Array(0);
    if (sharedPart) {
      const s = await scanSharedStrings(view, sharedPart, budget());
      shared = s.lengths;
      used += s.bytes;
      done.add(sharedPart.toLowerCase());
    }
    for (const sheet of view.sheets) {
      if (sheet.kind !== 'worksheet' || !sheet.part || done.has(sheet.part.toLowerCase())) continue;
      const s = await scanSheet(view, sheet.part, budget(), {
        sheet: sheet.name,
        shown,
        limits,
        shared,
        cellsBefore: result.cells,
        onOverExcel: (c) => {
          result.overExcelCount++;
          if (result.overExcel.length < 5) result.overExcel.push(c);
        },
      });
      used += s.bytes;
      result.cells += s.cells;
      result.sheets.set(sheet.part, { rows: s.rows, cells: s.cells, tail: s.tail, root: s.root });
      done.add(sheet.part.toLowerCase());
    }
    // Every other part is inflated too (and thrown away): exceljs will inflate them all.
    for (const e of view.entries) {
      if (done.has(e.name.toLowerCase()) || e.name.endsWith('/')) continue;
      used += await streamPart(view.buf, e, budget(), () => undefined);
    }
  } catch (e) {
    if (e instanceof ZipLimitError) throw unzippedTooLarge(shown, limits);
    throw e;
  }
  result.unzippedBytes = used;
  return result;
}

export { ZipFormatError };

/** The tag between `<` at lt and `>` at gt: closing or not, its local name (prefix dropped), self-closing. */
function tagAt(s: string, lt: number, gt: number): { close: boolean; name: string; selfClosing: boolean } {
  const close = s.charCodeAt(lt + 1) === 47; // '/'
  const start = lt + (close ? 2 : 1);
  let nameEnd = start;
  while (nameEnd < gt) {
    const ch = s.charCodeAt(nameEnd);
    if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
    nameEnd++;
  }
  let name = s.slice(start, nameEnd);
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(colon + 1);
  return { close, name, selfClosing: !close && s.charCodeAt(gt - 1) === 47 };
}
