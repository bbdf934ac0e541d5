// cchc rollover FILE.xlsx --year 2025 [--out NEW.xlsx] [--json]: the next year's workbook made
// from this one (core/rollover), written as a new file; FILE only gets its one `Nhật ký` row.
//
// 1. FILE is opened to read: it must be a school workbook with a plan year, and --year must be
//    that year + 1 (exit 2 otherwise, nothing written);
// 2. the new file (default: beside FILE, the old year in its name replaced by the new one, or the
//    new year added) must not exist: never written over (exit 2);
// 3. under the locks of both files, FILE is opened fresh, rolled forward in memory and saved as
//    the new file (files/workbook-file.ts: temp file + rename, the original left byte for byte);
// 4. then, under FILE's lock, FILE gets its `Nhật ký` row saying where the new year went. If that
//    cannot be written (a read-only file…), the new file stands and stderr says so.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../../core/i18n.ts';
import { readSchool } from '../../../core/read/school.ts';
import { logInOld, rollForward, rolloverYears, RolloverError, type RolloverSummary } from '../../../core/rollover/index.ts';
import { InputError, UsageError } from '../errors.ts';
import { changeWorkbook, cliContext, openWorkbook, printJson, workbookOutOption, workbookPath, yearOption } from '../shared.ts';
import type { CommandArgs, CommandIO } from '../command.ts';


/** `ke-hoach-2024.xlsx` → `ke-hoach-2025.xlsx`; `truong.xlsx` → `truong-2025.xlsx`. */
export function defaultRolloverName(file: string, fromYear: number, toYear: number): string {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const stem = base.replace(/\.xlsx$/i, '');
  const ext = base.slice(stem.length) || '.xlsx';
  const at = stem.lastIndexOf(String(fromYear));
  const name = at >= 0 ? `${stem.slice(0, at)}${toYear}${stem.slice(at + 4)}${ext}` : `${stem}-${toYear}${ext}`;
  return dir === '.' && !file.startsWith('.') ? name : path.join(dir, name);
}

const refused = (e: unknown): unknown => (e instanceof RolloverError ? new InputError(e.message) : e);

/** `cchc rollover` (its options: rollover.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  const lang = args.lang;
  const file = workbookPath(args);
  const asked = yearOption(args);
  if (asked === undefined) throw new UsageError(t(lang, 'rollover.cliNeedsYear'));
  const typedOut = workbookOutOption(args, file);

  // 1. The years, before anything is written or locked.
  const first = await openWorkbook(file, lang, io.env);
  const firstCtx = cliContext(first, file, args, io);
  let years;
  try {
    years = rolloverYears(readSchool(first, { lang, today: firstCtx.clock.today() }), lang, asked);
  } catch (e) {
    throw refused(e);
  }
  // 2. Never over an existing file.
  const out = typedOut ?? defaultRolloverName(file, years.fromYear, years.toYear);
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(t(lang, 'cli.outSameFile'));
  if (existsSync(out)) throw new InputError(t(lang, 'rollover.cliOutExists', { out }));

  // 3. The new year's file, from FILE read again under its lock; FILE is not written here.
  const summary: RolloverSummary = await changeWorkbook(
    file,
    args,
    io,
    'rollover',
    (book) => {
      const ctx = cliContext(book, file, args, io);
      try {
        return rollForward(book, { lang, toYear: asked, today: ctx.clock.today(), now: ctx.clock.now(), user: ctx.user(), source: path.basename(file) });
      } catch (e) {
        throw refused(e);
      }
    },
    { saveAs: out },
  );

  // 4. FILE's one row.
  let oldLogged = true;
  try {
    await changeWorkbook(file, args, io, 'rollover', (book) => {
      const ctx = cliContext(book, file, args, io);
      logInOld(book, summary, { lang, now: ctx.clock.now(), user: ctx.user(), target: path.basename(out) });
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    oldLogged = false;
    io.stderr(`cchc rollover: ${t(lang, 'rollover.cliOldLogFailed', { file, problem: e.message })}\n`);
  }

  const pastYear = summary.tasks.carried.filter((c) => c.pastYear).length;
  if (args.values.json) {
    io.stdout(printJson({ file, out, oldLogged, ...summary }));
    return 0;
  }
  const lines = [
    t(lang, 'rollover.cliWrote', {
      out, toYear: summary.toYear, file, people: summary.people, kpis: summary.kpis,
      tasks: summary.tasks.carried.length, done: summary.tasks.done, cancelled: summary.tasks.cancelled, initiatives: summary.initiatives.carried,
    }),
  ];
  if (summary.shiftedSettings.length > 0) lines.push(t(lang, 'rollover.cliShifted', { toYear: summary.toYear, items: summary.shiftedSettings.join(', ') }));
  if (pastYear > 0) lines.push(t(lang, 'rollover.review', { n: pastYear, fromYear: summary.fromYear }));
  if (oldLogged) lines.push(t(lang, 'rollover.cliOldLog', { file }));
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
