// What several commands share: opening the workbook file, the date and period options, and the
// mapping of "this workbook cannot be used" to exit code 2.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../core/app/context.ts';
import { TemplateProblem } from '../../core/app/operations.ts';
import { PERIOD_CODES, type IsoDate, type Lang, type PeriodCode } from '../../core/model.ts';
import { parseDate } from '../../core/parse/date.ts';
import { quoteValue } from '../../core/text.ts';
import { fixedLang, localContext } from '../app-context.ts';
import { systemClock } from '../clock.ts';
import { FileProblem } from '../files/problems.ts';
import { ChangedMeanwhile, openWorkbookFile, withWorkbookFile, type WorkbookFileOptions, type WorkbookSession } from '../files/workbook-file.ts';
import { XlsxWorkbook, WorkbookOpenError } from '../xlsx-workbook.ts';
import { InputError, UsageError } from './errors.ts';
import type { CommandArgs, CommandIO } from './command.ts';
export { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, WORKBOOK_OUT_OPTION } from './options.ts';
import { t } from '../../core/i18n.ts';


export function workbookPath(args: CommandArgs): string {
  const file = args.positionals[0];
  if (!file) throw new UsageError(t(args.lang, 'cli.noFile'));
  if (args.positionals.length > 1) {
    throw new UsageError(t(args.lang, 'cli.extraArguments', { args: args.positionals.slice(1).join(' ') }));
  }
  return file;
}

/** A file that cannot be used, as the one line of exit code 2; other errors as they are. */
export function asInputError(e: unknown, lang: Lang): unknown {
  if (e instanceof WorkbookOpenError || e instanceof FileProblem || e instanceof ChangedMeanwhile) return new InputError(e.text(lang));
  return e;
}

/**
 * Open a workbook to read it (no lock: a save replaces the file in one rename). `readOnly`: for
 * a command that only reads cells (validate): what only a save needs is left out, and the
 * workbook cannot be saved.
 */
export async function openWorkbook(file: string, lang: Lang, env: NodeJS.ProcessEnv = process.env, opts: { readOnly?: boolean } = {}): Promise<XlsxWorkbook> {
  try {
    return await openWorkbookFile(file, { env, ...opts });
  } catch (e) {
    throw asInputError(e, lang);
  }
}

/**
 * Change a workbook file: under its write lock, opened fresh, saved atomically (see
 * files/workbook-file.ts). A file that cannot be used or written is exit code 2, one line.
 */
export async function changeWorkbook<T>(
  file: string,
  args: CommandArgs,
  io: CommandIO,
  command: string,
  fn: (book: XlsxWorkbook, session: WorkbookSession) => T | Promise<T>,
  opts: Omit<WorkbookFileOptions<T>, 'lang' | 'env' | 'what' | 'shown'> = {},
): Promise<T> {
  try {
    return await withWorkbookFile(file, fn, { ...opts, lang: args.lang, env: io.env, what: `cchc ${command}`, shown: file });
  } catch (e) {
    throw cannotWrite(e, opts.saveAs ?? file, args.lang) ?? asInputError(e, args.lang);
  }
}

/** `--out NEW.xlsx` of init and progress --write: the results go to a new file, the original stays as it is. */
export function workbookOutOption(args: CommandArgs, file: string): string | undefined {
  const out = args.values.out as string | undefined;
  if (out === undefined) return undefined;
  if (!/\.xlsx$/i.test(out)) throw new UsageError(t(args.lang, 'cli.outNotXlsx', { file: out }));
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(t(args.lang, 'cli.outSameFile'));
  return out;
}


/** `--year`: a plan year typed as four digits, 2000–2100; undefined when not given. */
export function yearOption(args: CommandArgs): number | undefined {
  const v = args.values.year;
  if (v === undefined) return undefined;
  const year = Number(v);
  if (!/^\d{4}$/.test(String(v)) || year < 2000 || year > 2100) throw new UsageError(t(args.lang, 'cli.badYear', { value: String(v) }));
  return year;
}

/** `--as-of`, `--date`: a real date typed as in the workbook, `30/06/2024`, or `2024-06-30`. */
export function asOfOption(args: CommandArgs, name = 'as-of'): IsoDate | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const parsed = parseDate(String(v));
  if (!parsed.ok) {
    throw new UsageError(t(args.lang, 'cli.badDate', { option: name, value: quoteValue(String(v)) }));
  }
  return parsed.value;
}

export function periodOption(args: CommandArgs): PeriodCode | undefined {
  const v = args.values.period;
  if (v === undefined) return undefined;
  // The same list the sidebar's schema checks (core/api.ts periodSchema), without loading zod.
  const code = String(v).toUpperCase();
  if (!(PERIOD_CODES as readonly string[]).includes(code)) throw new UsageError(t(args.lang, 'cli.badPeriod', { value: quoteValue(String(v)) }));
  return code as PeriodCode;
}

/**
 * The AppContext for one command. The clock reads CCHC_TODAY from the command's own env (not
 * process.env), so `main(argv, io)` with a fixed day behaves like the real bin with that env.
 */
export function cliContext(book: XlsxWorkbook, file: string, args: CommandArgs, io: CommandIO): AppContext {
  return localContext(book, { outDir: outDirOf(file), prefs: fixedLang(args.lang), clock: systemClock(io.env) });
}

/**
 * Run an operation; a workbook that is not this template (or newer) is exit code 2. The core's
 * messages for an empty workbook point at the Sheets menu; on a computer the fix is `cchc init`.
 */
export function orInputError<T>(fn: () => T, file: string, lang: Lang): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TemplateProblem) {
      const hint = e.code !== 'WRONG_TEMPLATE' ? t(lang, 'cli.initHint', { file }) : '';
      throw new InputError(`${e.message}${hint}`);
    }
    throw e;
  }
}

// EEXIST: a folder on the way is a file (`mkdir -p a/file/b`).
const WRITE_ERRORS = ['ENOENT', 'ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EISDIR', 'EROFS', 'EBUSY', 'ENOSPC'];

/** A file-system error on writing `file` as the one line a user can act on (exit 2), or null. */
export function cannotWrite(e: unknown, file: string, lang: Lang): InputError | null {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !WRITE_ERRORS.includes(code)) return null;
  return new InputError(t(lang, 'cli.cannotWrite', { file, code }));
}

/** Save the workbook; a folder that is missing or not writable is exit code 2, not a crash. */
export async function saveWorkbook(book: XlsxWorkbook, file: string, lang: Lang, opts: { makeDir?: boolean } = {}): Promise<void> {
  try {
    if (opts.makeDir) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await book.save(file);
  } catch (e) {
    throw cannotWrite(e, file, lang) ?? asInputError(e, lang);
  }
}

/** Make the folder a new file goes in; a file on the way is exit code 2. */
export function makeFolderFor(file: string, lang: Lang): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (e) {
    throw cannotWrite(e, file, lang) ?? e;
  }
}

export const outDirOf = (file: string): string => path.dirname(path.resolve(file));

export const printJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * progress and report still run on a workbook with errors (the CLI contract (README): exit 0), but the rows with
 * errors are left out of the figures; a principal about to sign must hear of it. On stderr, so
 * stdout stays one JSON document.
 */
export function warnDataErrors(io: CommandIO, command: string, errors: number, file: string, lang: Lang): void {
  if (errors === 0) return;
  io.stderr(`cchc ${command}: ${t(lang, 'cli.dataErrors', { errors, file })}\n`);
}
