// cchc progress FILE.xlsx [--as-of …] [--period Q2] [--write] [--json]: the figures; --write puts
// the ⚙ columns, `Tổng hợp` and a `Nhật ký` row into the file.
import { computeFigures, updateProgress } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { progressSummary } from '../summary.ts';
import { validateSchool } from '../../../core/validate.ts';
import { STEP, progressSteps } from '../progress-bar.ts';
import { UsageError } from '../errors.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, WORKBOOK_OUT_OPTION, asOfOption, changeWorkbook, cliContext, openWorkbook, orInputError, periodOption, printJson, warnDataErrors, workbookOutOption, workbookPath } from '../shared.ts';
import type { CommandArgs, CommandIO } from '../command.ts';

/** `cchc progress` (its options: progress.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  const file = workbookPath(args);
  const opts = { lang: args.lang, asOf: asOfOption(args), period: periodOption(args) };
  const out = workbookOutOption(args, file);
  if (out !== undefined && !args.values.write) throw new UsageError(t(args.lang, 'cli.outNeedsWrite'));
  const steps = progressSteps(io, args.lang, args.values.write ? 3 : 2);
  steps.step(STEP.read);
  let figures;
  if (args.values.write) {
    // Under the file's write lock, from a fresh read to the saved file (files/workbook-file.ts).
    figures = await changeWorkbook(
      file,
      args,
      io,
      'progress',
      (book) => {
        steps.step(STEP.write);
        const r = orInputError(() => updateProgress(cliContext(book, file, args, io), opts), file, args.lang);
        steps.step(STEP.save);
        return r;
      },
      { saveAs: out },
    );
  } else {
    const book = await openWorkbook(file, args.lang, io.env);
    steps.step(STEP.compute);
    figures = orInputError(() => computeFigures(cliContext(book, file, args, io), opts), file, args.lang);
  }
  const { school, progress } = figures;
  steps.done();
  warnDataErrors(io, 'progress', validateSchool(school.data).counts.error, file, args.lang);
  if (args.values.json) {
    io.stdout(printJson(progress));
  } else {
    io.stdout(progressSummary(progress, args.lang, school.data.settings.year ?? undefined));
    if (args.values.write) io.stdout(`\n${t(args.lang, 'cli.progressWritten', { file: out ?? file })}\n`);
  }
  return 0;
}
