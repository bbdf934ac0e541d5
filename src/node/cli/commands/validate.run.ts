// cchc validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]: every problem, exit 1 when any is an error.
import { validateWorkbook } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { dateText, textTable } from '../summary.ts';
import type { Lang } from '../../../core/model.ts';
import type { ValidateResult } from '../../../core/validate.ts';
import { AS_OF_OPTION, JSON_OPTION, asOfOption, cliContext, openWorkbook, orInputError, printJson, workbookPath } from '../shared.ts';
import type { CommandArgs, CommandIO } from '../command.ts';

export function validationText(r: ValidateResult, lang: Lang): string {
  const head = t(lang, 'cli.validateHead', { date: dateText(r.asOf, lang), error: r.counts.error, warning: r.counts.warning, notice: r.counts.notice });
  if (r.issues.length === 0) return `${head}\n${t(lang, 'cli.validateNone')}\n`;
  // A severity is named as the sidebar names it.
  const body = r.issues.map((i) => [t(lang, `sidebar.severity_${i.severity}`), i.sheet, i.cell ?? '', i.message]);
  const columns = [t(lang, 'cli.columnLevel'), t(lang, 'cli.columnSheet'), t(lang, 'cli.columnCell'), t(lang, 'cli.columnMessage')];
  return `${head}\n\n${textTable(columns, body, ['left', 'left', 'left', 'left'])}\n`;
}

/** `cchc validate` (its options: validate.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  const file = workbookPath(args);
  const asOf = asOfOption(args);
  const book = await openWorkbook(file, args.lang, io.env, { readOnly: true });
  const ctx = cliContext(book, file, args, io);
  const result = orInputError(() => validateWorkbook(ctx, { lang: args.lang, asOf }), file, args.lang);
  io.stdout(args.values.json ? printJson(result) : validationText(result, args.lang));
  return result.counts.error > 0 ? 1 : 0;
}
