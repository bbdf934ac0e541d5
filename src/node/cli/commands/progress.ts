// cchc progress FILE.xlsx [--as-of …] [--period Q2] [--write] [--json]: the figures; --write puts
// the ⚙ columns, `Tổng hợp` and a `Nhật ký` row into the file.
import { computeFigures, updateProgress } from '../../../core/app/operations.ts';
import { progressSummary } from '../../../core/progress/index.ts';
import { validateSchool } from '../../../core/validate.ts';
import type { Command } from '../command.ts';
import { STEP, progressSteps } from '../progress-bar.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, asOfOption, cliContext, openWorkbook, orInputError, periodOption, printJson, saveWorkbook, warnDataErrors, workbookPath } from '../shared.ts';

export const progressCommand: Command = {
  name: 'progress',
  usage: 'progress FILE.xlsx [--as-of dd/mm/yyyy] [--period Q1|Q2|Q3|Q4] [--write] [--json]',
  summary: {
    vi: 'tính tiến độ nhiệm vụ, chỉ tiêu, sáng kiến; --write ghi cột ⚙, trang Tổng hợp và Nhật ký vào tệp',
    en: 'computes the figures; --write writes the ⚙ columns, Tổng hợp and a Nhật ký row into the file',
  },
  options: {
    'as-of': AS_OF_OPTION,
    period: PERIOD_OPTION,
    write: { type: 'boolean', help: { vi: 'ghi kết quả vào tệp', en: 'write the results into the file' } },
    json: JSON_OPTION,
  },
  async run(args, io) {
    const file = workbookPath(args);
    const opts = { lang: args.lang, asOf: asOfOption(args), period: periodOption(args) };
    const steps = progressSteps(io, args.lang, args.values.write ? 3 : 2);
    steps.step(STEP.read);
    const book = await openWorkbook(file, args.lang);
    const ctx = cliContext(book, file, args, io);
    steps.step(args.values.write ? STEP.write : STEP.compute);
    const { school, progress } = orInputError(() => (args.values.write ? updateProgress(ctx, opts) : computeFigures(ctx, opts)), file, args.lang);
    if (args.values.write) {
      steps.step(STEP.save);
      await saveWorkbook(book, file, args.lang);
    }
    steps.done();
    warnDataErrors(io, 'progress', validateSchool(school.data).counts.error, file, args.lang);
    if (args.values.json) {
      io.stdout(printJson(progress));
    } else {
      io.stdout(progressSummary(progress, args.lang, school.data.settings.year ?? undefined));
      if (args.values.write) io.stdout(args.lang === 'vi' ? `\nĐã ghi kết quả vào ${file}.\n` : `\nResults written into ${file}.\n`);
    }
    return 0;
  },
};
