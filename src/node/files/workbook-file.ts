// Every write of a workbook file goes through withWorkbookFile: the one place where the write
// lock, a fresh read, the checks and the atomic save come together, for the CLI and `cchc serve`.
//
//   await withWorkbookFile('truong.xlsx', async (book) => {
//     const ctx = localContext(book, { outDir, prefs });
//     return updateProgress(ctx, { lang });          // any work, synchronous or not
//   }, { lang: 'vi', what: 'cchc serve' });
//
// 1. takes the file's write lock (files/lock.ts), waiting up to CCHC_LOCK_TIMEOUT_MS (30 s) for
//    another writer, then FileProblem LOCKED;
// 2. opens the file fresh, under the lock (never a copy read before: the last save would win);
// 3. refuses at once, before `fn` runs, what could not be written back: a read-only file, parts
//    that cannot be kept, a cell over Excel's limit (FileProblem; the file stays byte for byte);
// 4. runs `fn`; if it throws, nothing is saved;
// 5. saves atomically (unless `save` says not to), runs `afterSave` (a report's .docx is put in
//    place there), and only then lets the lock go.
// Reading without writing needs no lock: a save replaces the file in one rename, so a reader sees
// the old file or the new one (openWorkbookFile).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { t } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import { SCHOOL_SHEETS } from '../../core/contract/index.ts';
import { LISTS_SHEET, XlsxWorkbook } from '../xlsx-workbook.ts';
import { checkReplaceable, existsProblem, realTarget } from './atomic.ts';
import { acquireLock } from './lock.ts';
import { limitsFromEnv } from './scan.ts';

export interface WorkbookFileOptions<T> {
  lang?: Lang;
  /** Environment for the caps and the lock's timeout (the CLI passes its command's env). */
  env?: NodeJS.ProcessEnv;
  /** What holds the lock, shown to a writer who has to wait (`cchc report`). */
  what?: string;
  /** The path as the user typed it, for messages. */
  shown?: string;
  /** When the file does not exist: make a new workbook (cchc init), else it is notFound. */
  create?: () => XlsxWorkbook;
  /**
   * Write the result to this other file instead; the opened file is left byte for byte. Parts
   * that cannot be kept are then left out of the new file (the user asked for it).
   */
  saveAs?: string;
  /** Replace an existing `saveAs` file? Default false. */
  replaceSaveAs?: boolean;
  /** Save after `fn`? Default yes; a function decides from fn's result (init with nothing new: no). */
  save?: boolean | ((result: T) => boolean);
  /**
   * Refuse before `fn` runs what the save would refuse (default true). cchc init says false: on a
   * complete workbook it writes nothing, so it has nothing to refuse.
   */
  refuseEarly?: boolean;
  /** Runs after the save, still under the lock (put the report's document in place). */
  afterSave?: (result: T) => Promise<void> | void;
  /**
   * A program that does not take our lock (Excel, Calc) may save the file while `fn` runs: then
   * the result is not written over that edit; the file is read again and `fn` run again on it,
   * up to this many times (`cchc serve`: every click lands on top of the edit). `fn` must be
   * safe to run again (documents are staged, put in place only by afterSave). Default 0.
   */
  retryIfChanged?: number;
  /** Called before `fn` is run again on a file changed meanwhile (discard staged documents). */
  onRetry?: () => Promise<void> | void;
}

/** The file changed on disk between our read and our save (another program wrote it). */
export class ChangedMeanwhile extends Error {
  constructor() {
    super('the workbook changed on disk while it was being worked on');
    this.name = 'ChangedMeanwhile';
  }
  /** One line for the user: nothing was written over the other program's save. */
  text(lang: Lang): string {
    return t(lang, 'files.changedMeanwhile');
  }
}

/** What identifies a version of a file on disk: a save (ours or Excel's) changes one of these. */
async function fingerprint(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

export interface WorkbookSession {
  /** Did the file exist when the lock was taken? */
  existed: boolean;
  /** The real file (symbolic links followed). */
  target: string;
}

export async function withWorkbookFile<T>(
  file: string,
  fn: (book: XlsxWorkbook, session: WorkbookSession) => T | Promise<T>,
  opts: WorkbookFileOptions<T> = {},
): Promise<T> {
  const env = opts.env ?? process.env;
  const shown = opts.shown ?? file;
  const saveTo = opts.saveAs ?? file;
  // A file that is not there is "not found", not "cannot write the lock in a missing folder".
  if (!opts.create && !existsSync(file)) await XlsxWorkbook.open(file, { shown });
  const lock = await acquireLock(saveTo, { env, what: opts.what, shown: opts.saveAs ?? shown });
  // Writing to a new file: the one read is locked too, so it is not read halfway through a save.
  const readLock = opts.saveAs !== undefined && (await realTarget(file)) !== lock.target ? await acquireLock(file, { env, what: opts.what, shown }).catch(async (e) => {
    await lock.release();
    throw e;
  }) : null;
  try {
    const existed = existsSync(file);
    for (let attempt = 0; ; attempt++) {
      const seen = await fingerprint(lock.target);
      let book: XlsxWorkbook;
      if (!existed && opts.create) book = opts.create();
      else book = await XlsxWorkbook.open(file, { limits: limitsFromEnv(env), shown });
      // Refuse before any work what the save would refuse anyway.
      if (opts.saveAs !== undefined && !opts.replaceSaveAs && existsSync(lock.target)) throw existsProblem(opts.saveAs, 'workbook');
      if (opts.refuseEarly ?? true) {
        if (opts.saveAs === undefined || opts.replaceSaveAs) await checkReplaceable(lock.target, opts.saveAs ?? shown);
        const problem = book.writeProblem(opts.saveAs !== undefined);
        if (problem) throw problem;
      }
      const result = await fn(book, { existed, target: lock.target });
      const save = typeof opts.save === 'function' ? opts.save(result) : (opts.save ?? true);
      // Written meanwhile by a program that ignores our lock: never save over its edit.
      if (save && opts.saveAs === undefined && (await fingerprint(lock.target)) !== seen) {
        if (attempt < (opts.retryIfChanged ?? 0)) {
          await opts.onRetry?.();
          continue;
        }
        throw new ChangedMeanwhile();
      }
      if (save) {
        await book.save(saveTo, {
          replace: opts.saveAs === undefined ? true : Boolean(opts.replaceSaveAs),
          dropUnkept: opts.saveAs !== undefined,
          shown: opts.saveAs ?? shown,
        });
      }
      await opts.afterSave?.(result);
      return result;
    }
  } finally {
    await readLock?.release();
    await lock.release();
  }
}

/**
 * A school's sheets whose cells the reader never reads: it reads Thông tin and the input sheets
 * (core/read/school.ts), and only checks that the others are there.
 */
export const SHEETS_THE_READER_SKIPS: readonly string[] = [...SCHOOL_SHEETS.filter((s) => s.role !== 'input' && s.role !== 'settings').map((s) => s.name), LISTS_SHEET];

/**
 * Open a workbook to read it only (no lock needed: saves replace the file in one rename).
 * `readOnly`: to read a school as the reader does (validate, the district): only what the reader
 * reads is parsed, and the workbook cannot be saved.
 */
export function openWorkbookFile(file: string, opts: { env?: NodeJS.ProcessEnv; shown?: string; readOnly?: boolean } = {}): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(file, {
    limits: limitsFromEnv(opts.env ?? process.env),
    shown: opts.shown ?? file,
    ...(opts.readOnly ? { readOnly: true, unreadSheets: SHEETS_THE_READER_SKIPS } : {}),
  });
}
