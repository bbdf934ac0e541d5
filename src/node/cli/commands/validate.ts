// cchc validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]: every problem, exit 1 when any is an error.
import { validateWorkbook } from '../../../core/app/operations.ts';
import { textTable } from '../summary.ts';
import type { Lang } from '../../../core/model.ts';
import type { ValidateResult } from '../../../core/validate.ts';
import type { Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, asOfOption, cliContext, openWorkbook, orInputError, printJson, workbookPath } from '../shared.ts';

const SEVERITY = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', notice: 'Lưu ý' },
  en: { error: 'Error', warning: 'Warning', notice: 'Notice' },
} as const;

export function validationText(r: ValidateResult, lang: Lang): string {
  const vi = lang === 'vi';
  const head = vi
    ? `Kiểm tra dữ liệu tính đến ${r.asOf.split('-').reverse().join('/')}: ${r.counts.error} lỗi, ${r.counts.warning} cảnh báo, ${r.counts.notice} lưu ý.`
    : `Data check as of ${r.asOf}: ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.notice} notices.`;
  if (r.issues.length === 0) return `${head}\n${vi ? 'Không có vấn đề nào.' : 'No problems found.'}\n`;
  const body = r.issues.map((i) => [SEVERITY[lang][i.severity], i.sheet, i.cell ?? '', i.message]);
  return `${head}\n\n${textTable(vi ? ['Mức', 'Trang', 'Ô', 'Nội dung'] : ['Level', 'Sheet', 'Cell', 'Message'], body, ['left', 'left', 'left', 'left'])}\n`;
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
