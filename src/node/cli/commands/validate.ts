// cchc validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]: every problem, exit 1 when any is an error.
import { validateWorkbook } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { dateText, textTable } from '../summary.ts';
import type { Lang } from '../../../core/model.ts';
import type { ValidateResult } from '../../../core/validate.ts';
import type { Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, asOfOption, cliContext, openWorkbook, orInputError, printJson, workbookPath } from '../shared.ts';

export function validationText(r: ValidateResult, lang: Lang): string {
  const head = t(lang, 'cli.validateHead', { date: dateText(r.asOf, lang), error: r.counts.error, warning: r.counts.warning, notice: r.counts.notice });
  if (r.issues.length === 0) return `${head}\n${t(lang, 'cli.validateNone')}\n`;
  // A severity is named as the sidebar names it.
  const body = r.issues.map((i) => [t(lang, `sidebar.severity_${i.severity}`), i.sheet, i.cell ?? '', i.message]);
  const columns = [t(lang, 'cli.columnLevel'), t(lang, 'cli.columnSheet'), t(lang, 'cli.columnCell'), t(lang, 'cli.columnMessage')];
  return `${head}\n\n${textTable(columns, body, ['left', 'left', 'left', 'left'])}\n`;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]',
  summary: { vi: 'liệt kê mọi vấn đề của dữ liệu (mã thoát 1 khi có lỗi)', en: 'lists every problem in the data (exit code 1 when any is an error)' },
  options: { 'as-of': AS_OF_OPTION, json: JSON_OPTION },
  async run(args, io) {
    const file = workbookPath(args);
    const asOf = asOfOption(args);
    const book = await openWorkbook(file, args.lang, io.env);
    const ctx = cliContext(book, file, args, io);
    const result = orInputError(() => validateWorkbook(ctx, { lang: args.lang, asOf }), file, args.lang);
    io.stdout(args.values.json ? printJson(result) : validationText(result, args.lang));
    return result.counts.error > 0 ? 1 : 0;
  },
};
