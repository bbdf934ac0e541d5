// cchc aggregate LIST.xlsx|DIR [--as-of …] [--period Q2] [--out DISTRICT.xlsx] [--report FILE.docx]
//   [--date …] [--jobs N] [--full] [--ndjson FILE] [--json]: every school of the district read on
// all cores (a pool of worker threads: district/pool.ts), the district workbook written under its
// lock (core/app/district.ts), and with --report the district report. Run again, only the files
// whose modification time or size changed are read; the others keep their stored read.
//
// The district workbook is the list file itself (or --out); for a folder, --out or
// tong-hop-don-vi.xlsx in the current folder. Links in the list are paths relative to the list's
// folder. Exit 0 when the district was written, whatever the schools' statuses; 2 when the list
// (or the folder) cannot be used.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SHEET_NAMES } from '../../../core/contract/index.ts';
import { districtFrame, loadDistrict, makeDistrictReport, writeDistrict } from '../../../core/app/district.ts';
import { TemplateProblem } from '../../../core/app/operations.ts';
import { installTemplate } from '../../../core/install.ts';
import { aggregateDistrict, publicAggregate, publicSchool } from '../../../core/district/aggregate.ts';
import { planReads, runOutcome, schoolsOfFolder, schoolsOfList, skippedRows, type SchoolOutcome } from '../../../core/district/plan.ts';
import type { SchoolRef } from '../../../core/district/school.ts';
import { readDistrict } from '../../../core/district/sheets.ts';
import type { StoredRead } from '../../../core/district/state.ts';
import type { DistrictAggregate } from '../../../core/district/types.ts';
import type { ReportingFrame } from '../../../core/frame.ts';
import { t } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/model.ts';
import type { Clock } from '../../../core/ports.ts';
import { systemClock } from '../../clock.ts';
import { checkReplaceable, existsProblem, realTarget, writeFileAtomic } from '../../files/atomic.ts';
import { StagedDocuments } from '../../files/documents.ts';
import { limitsFromEnv } from '../../files/scan.ts';
import { ReadPool, type Job } from '../../district/pool.ts';
import { stampOfFile } from '../../district/open-school.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { districtSummary } from '../district-summary.ts';
import { InputError, UsageError } from '../errors.ts';
import { progressCount } from '../progress-bar.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, asInputError, asOfOption, cannotWrite, changeWorkbook, cliContext, openWorkbook, periodOption, printJson } from '../shared.ts';
import type { CommandArgs, CommandIO, OptionSpec } from '../command.ts';

/** The district workbook a folder's run writes when --out does not name one. */
export const FOLDER_DISTRICT_FILE = 'tong-hop-don-vi.xlsx';


function jobsOption(args: CommandArgs): number {
  const v = args.values.jobs;
  if (v === undefined) return Math.max(1, availableParallelism());
  const n = Number(v);
  if (!/^\d{1,2}$/.test(String(v)) || n < 1 || n > 64) throw new UsageError(t(args.lang, 'district.badJobs', { value: String(v) }));
  return n;
}

/** CCHC_READ_TIMEOUT_MS, CCHC_WORKER_MEMORY_MB: a positive number from the env, else the default. */
function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const n = Number(env[name]);
  return env[name] !== undefined && env[name] !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A link of the list as a local path: relative to the district workbook's folder; a file:// URL is a path. */
function linkPath(source: string, base: string): string {
  const s = source.trim();
  if (/^file:\/\//i.test(s)) {
    try {
      return fileURLToPath(s);
    } catch {
      return s;
    }
  }
  return path.resolve(base, s);
}

/** The .xlsx files of a folder, by name (not Excel's `~$` owner files, not hidden ones). */
function folderFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => (d.isFile() || d.isSymbolicLink()) && /\.xlsx$/i.test(d.name) && !d.name.startsWith('~$') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort((a, b) => (a.normalize('NFC') < b.normalize('NFC') ? -1 : a.normalize('NFC') > b.normalize('NFC') ? 1 : 0));
}

const sameFile = (a: string, b: string): boolean => {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
};

interface Target {
  /** The workbook opened fresh under the lock (the list, or the existing district workbook of a folder). */
  open: string;
  /** Where the district workbook is written (differs from `open` with --out). */
  write: string;
  /** Folder mode: the folder, else null. */
  folder: string | null;
  /** The folder links are relative to. */
  base: string;
}

function targetOf(input: string, args: CommandArgs): Target {
  const out = args.values.out as string | undefined;
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw new UsageError(t(args.lang, 'cli.outNotXlsx', { file: out }));
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    // Not there: the list's open says so (exit 2, one line).
  }
  if (isDir) {
    const write = out ?? path.resolve(FOLDER_DISTRICT_FILE);
    return { open: write, write, folder: input, base: path.dirname(path.resolve(write)) };
  }
  return { open: input, write: out !== undefined && path.resolve(out) !== path.resolve(input) ? out : input, folder: null, base: path.dirname(path.resolve(input)) };
}

/** The district as this run sees it: its schools in list order, what it stored, its frame and name. */
interface DistrictView {
  schools: SchoolRef[];
  stored: ReadonlyMap<string, StoredRead>;
  frame: ReportingFrame;
  unit: { code: string; name: string };
}

const isDistrictBook = (b: XlsxWorkbook): boolean => b.sheetNames().includes(SHEET_NAMES.units);

/**
 * Read the district workbook opened under the lock: the list (or the folder's files), the stored
 * reads, the year. A list that cannot be used is exit 2 (InputError).
 */
async function districtView(book: XlsxWorkbook, existed: boolean, target: Target, args: CommandArgs, env: NodeJS.ProcessEnv, clock: Clock, notes: string[]): Promise<DistrictView> {
  const lang = args.lang;
  const request = { asOf: asOfOption(args), period: periodOption(args) };
  if (target.folder === null) {
    if (!isDistrictBook(book)) throw new InputError(t(lang, 'district.notDistrict', { file: target.open }));
    let loaded;
    try {
      loaded = loadDistrict({ clock, workbook: book }, { lang, ...request });
    } catch (e) {
      if (e instanceof TemplateProblem) throw new InputError(t(lang, 'district.listUnusable', { file: target.open, problem: e.message }));
      throw e;
    }
    const { district, frame } = loaded;
    const skipped = skippedRows(district.units);
    if (skipped.length > 0) notes.push(t(lang, 'district.skippedRows', { n: skipped.length, rows: skipped.join(', ') }));
    let stored = district.stored;
    // A list written to --out: the --out file, when it is there, is the district workbook of the
    // earlier runs (its stored reads count), never a file of some other kind.
    if (target.write !== target.open && existsSync(target.write)) {
      const earlier = await openWorkbook(target.write, lang, env);
      if (!isDistrictBook(earlier)) throw new InputError(t(lang, 'district.outNotDistrict', { file: target.write }));
      stored = readDistrict(earlier, { lang }).stored;
    }
    return { schools: schoolsOfList(district.units), stored, frame, unit: { code: district.settings.unitCode, name: district.settings.unitName } };
  }
  // A folder: its .xlsx files by name, not the district workbook being written.
  if (existed && !isDistrictBook(book)) throw new InputError(t(lang, 'district.outNotDistrict', { file: target.write }));
  const district = existed ? readDistrict(book, { lang }) : null;
  // Without a district workbook yet, the district's year is the as-of date's.
  const frame = districtFrame({ clock, workbook: existed ? book : null }, request);
  if (!existed) installTemplate(book, { lang, today: clock.today(), year: frame.year, kind: 'district' });
  const own = path.resolve(target.write);
  const folder = target.folder;
  const files = folderFiles(folder).map((f) => path.join(folder, f)).filter((f) => !sameFile(f, own));
  return {
    schools: schoolsOfFolder(files.map((f) => path.relative(target.base, path.resolve(f)))),
    stored: district?.stored ?? new Map(),
    frame,
    unit: { code: district?.settings.unitCode ?? '', name: district?.settings.unitName ?? '' },
  };
}


/**
 * What a caller other than the terminal sees of a run (`cchc serve`'s district refresh): the
 * schools to read once known (`total` of the list, `reused` kept unchanged), then each read as it
 * starts and ends. The terminal's bar is drawn from the same calls.
 */
export interface AggregateHooks {
  planned?(total: number, reused: number, toRead: number, frame: ReportingFrame): void;
  reading?(done: number, school: SchoolRef): void;
  read?(done: number, school: SchoolRef): void;
}

/** `cchc aggregate` with its arguments, for the command and for `cchc serve` (hooks, and the aggregate written). */
export async function runAggregate(args: CommandArgs, io: CommandIO, hooks: AggregateHooks = {}): Promise<{ exit: number; aggregate: DistrictAggregate; notes: string[] }> {
  {
    const started = performance.now();
    const lang = args.lang;
    const input = args.positionals[0];
    if (!input) throw new UsageError(t(lang, 'district.noInput'));
    if (args.positionals.length > 1) throw new UsageError(t(lang, 'cli.extraArguments', { args: args.positionals.slice(1).join(' ') }));
    asOfOption(args);
    periodOption(args);
    const date = asOfOption(args, 'date');
    const size = jobsOption(args);
    const full = Boolean(args.values.full);
    const ndjson = args.values.ndjson as string | undefined;
    const report = args.values.report as string | undefined;
    if (report !== undefined && !/\.docx$/i.test(report)) throw new UsageError(t(lang, 'district.reportNotDocx', { file: report }));
    // A report once written is never replaced (as cchc report): said before any school is read.
    if (report !== undefined && (await checkReplaceable(await realTarget(report), report))) throw new InputError(existsProblem(report).text(lang));
    const target = targetOf(input, args);
    const clock = systemClock(io.env);

    // The threads load (tsx, exceljs, the core: about a second) while the list is read.
    const pool = new ReadPool({
      size,
      init: { lang, limits: limitsFromEnv(io.env), today: io.env.CCHC_TODAY ?? null },
      clock,
      timeoutMs: envNumber(io.env, 'CCHC_READ_TIMEOUT_MS') ?? 5 * 60_000,
      memoryMb: envNumber(io.env, 'CCHC_WORKER_MEMORY_MB'),
    });
    pool.warm(1);
    const notes: string[] = [];
    const documents = report !== undefined ? new StagedDocuments({ file: report, replace: false }) : null;
    let aggregate: DistrictAggregate | null = null;
    let reportFile: string | null = null;
    try {
      await changeWorkbook(
        target.open,
        args,
        io,
        'aggregate',
        async (book, session) => {
          const view = await districtView(book, session.existed, target, args, io.env, clock, notes);
          const { schools, frame } = view;

          // Which files changed since the stored reads (modification time and size): those are read.
          const files = schools.map((s) => linkPath(s.source, target.base));
          const stamps = await Promise.all(files.map((f) => stampOfFile(f)));
          const plan = planReads({ schools, stored: view.stored, stamps, asOf: frame.asOf, period: frame.period, full });
          const toRead = plan.flatMap((p, i) => (p === null ? [i] : []));
          const jobs: Job[] = toRead.map((i) => ({ file: files[i] as string, ref: schools[i] as SchoolRef, frame, skipDistrict: target.folder !== null }));
          pool.warm(jobs.length);
          const bar = progressCount(io, jobs.length);
          let done = 0;
          hooks.planned?.(schools.length, schools.length - jobs.length, jobs.length, frame);
          const label = (k: number) => t(lang, 'district.stepReading', { name: jobs[k]?.ref.name || path.basename(jobs[k]?.file ?? '') });
          const answers = await pool.readAll(jobs, {
            start: (k) => {
              bar.show(done, label(k));
              hooks.reading?.(done, jobs[k]!.ref);
            },
            done: (k) => {
              bar.show(++done, label(k));
              hooks.read?.(done, jobs[k]!.ref);
            },
          });
          await pool.close();
          bar.done();

          // Back in list order; a district workbook found in a folder is not a school.
          const outcomes: (SchoolOutcome | null)[] = plan.map((p) => (p ? { kind: 'reused', stored: p } : null));
          let filesRead = 0;
          answers.forEach((a, k) => {
            const i = toRead[k] as number;
            if (a.opened) filesRead++;
            if (a.district && target.folder !== null) notes.push(t(lang, 'district.skippedDistrict', { file: schools[i]?.source ?? '' }));
            else if (a.read) outcomes[i] = { kind: 'read', result: a.read.result, titles: a.read.titles, stamp: a.stamp };
          });
          const kept = outcomes.flatMap((o, i) => (o ? [{ ref: schools[i] as SchoolRef, o }] : []));
          const run = runOutcome(kept.map((x) => x.ref), kept.map((x) => x.o), frame);
          const agg = aggregateDistrict({
            asOf: frame.asOf, period: frame.period, unit: view.unit, results: run.results, lang,
            stats: { filesRead, ms: Math.round(performance.now() - started) },
          });
          aggregate = agg;
          const ctx = { ...cliContext(book, target.write, args, io), ...(documents ? { documents } : {}) };
          writeDistrict(ctx, agg, run.titles, run.stored, lang);
          if (documents) {
            try {
              reportFile = (await makeDistrictReport(ctx, agg, { lang, titles: run.titles, ...(date ? { date } : {}) })).document.id;
            } catch (e) {
              throw cannotWrite(e, report ?? '', lang) ?? e;
            }
          }
        },
        {
          create: target.folder !== null ? () => XlsxWorkbook.create() : undefined,
          saveAs: target.write !== target.open ? target.write : undefined,
          replaceSaveAs: true,
          afterSave: async () => {
            await documents?.commit();
            if (ndjson === undefined || !aggregate) return;
            const text = (aggregate as DistrictAggregate).schools.map((s) => JSON.stringify(publicSchool(s))).join('\n');
            try {
              await writeFileAtomic(ndjson, Buffer.from(text === '' ? '' : `${text}\n`), { replace: true, shown: ndjson });
            } catch (e) {
              throw cannotWrite(e, ndjson, lang) ?? asInputError(e, lang);
            }
          },
        },
      );
    } finally {
      await pool.close();
      await documents?.discard();
    }
    const agg = aggregate as DistrictAggregate | null;
    if (!agg) throw new Error('the district was not aggregated');
    for (const n of notes) io.stderr(`cchc aggregate: ${n}\n`);
    if (args.values.json) io.stdout(printJson(publicAggregate(agg)));
    else {
      io.stdout(districtSummary(agg, lang, { written: target.write }));
      if (reportFile) io.stdout(`${t(lang, 'district.reportWritten', { file: reportFile })}\n`);
      if (ndjson !== undefined) io.stdout(`${t(lang, 'district.ndjsonWritten', { file: ndjson, n: agg.schools.length })}\n`);
    }
    return { exit: 0, aggregate: agg, notes };
  }
}

/** `cchc aggregate` (its options: aggregate.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  return (await runAggregate(args, io)).exit;
}
