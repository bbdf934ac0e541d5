// cchc demo (npm start): the main job end to end on the embedded sample school. Creates the
// workbook, checks it, computes and writes the progress, writes the three reports, and prints
// what it did. Everything goes to out/demo/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateReport, installSample, updateProgress, validateWorkbook } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { progressSummary } from '../summary.ts';
import { fixedLang, localContext } from '../../app-context.ts';
import { systemClock } from '../../clock.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { asInputError, saveWorkbook } from '../shared.ts';
import { StagedDocuments } from '../../files/documents.ts';
import { acquireLock } from '../../files/lock.ts';
import type { CommandArgs, CommandIO } from '../command.ts';

/** A path as the user can type it back: relative inside the current folder, else absolute. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** The sample school's plan is for 2024; its figures are shown as at the end of Quý II. */
const DEMO_AS_OF = '2024-06-30';
const DEMO_DOC_DATE = '2024-07-05';

/** `cchc demo` (its options: demo.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  const lang = args.lang;
  const dir = path.resolve((args.values.out as string | undefined) ?? path.join('out', 'demo'));
  // Never empty the folder: --out may name one the user keeps other files in. The demo's own
  // files have fixed names (a fresh workbook always numbers its reports 01, 01, 02), so a rerun
  // overwrites exactly them.
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'truong-mam-non-ben-thanh-2024.xlsx');
  const step = (line: string) => io.stdout(`• ${line}\n`);

  // The demo's own files: replaced on a rerun (under the workbook's lock, written atomically).
  const lock = await acquireLock(file, { env: io.env, what: 'cchc demo' }).catch((e) => {
    throw asInputError(e, lang);
  });
  const documents = new StagedDocuments({ dir, replace: true });
  try {
    const book = XlsxWorkbook.create();
    const ctx = localContext(book, { outDir: dir, prefs: fixedLang(lang), clock: systemClock(io.env), documents });
    installSample(ctx, { lang });
    step(t(lang, 'cli.demoCreated'));

    const check = validateWorkbook(ctx, { lang, asOf: DEMO_AS_OF });
    step(t(lang, 'cli.demoChecked', { error: check.counts.error, warning: check.counts.warning, notice: check.counts.notice }));

    const { progress, school } = updateProgress(ctx, { lang, asOf: DEMO_AS_OF, period: 'Q2' });
    step(t(lang, 'cli.demoProgress'));

    const written: string[] = [];
    for (const type of ['quarterly', 'plan', 'initiatives'] as const) {
      const r = await generateReport(ctx, { lang, type, asOf: DEMO_AS_OF, period: 'Q2', date: DEMO_DOC_DATE });
      written.push(`${r.number}  ${shown(r.document.id)}`);
    }
    await saveWorkbook(book, file, lang);
    await documents.commit();
    step(t(lang, 'cli.demoDocuments'));
    for (const w of written) io.stdout(`    ${w}\n`);

    io.stdout(`\n${progressSummary(progress, lang, school.data.settings.year ?? undefined)}\n`);
    io.stdout(`${t(lang, 'cli.demoWorkbook', { file: shown(file) })}\n${t(lang, 'cli.demoTryServe', { file: shown(file) })}\n`);
    return check.counts.error > 0 ? 1 : 0;
  } finally {
    await documents.discard();
    await lock.release();
  }
}
