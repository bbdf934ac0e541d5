// What several commands share: opening the workbook file, the date and period options, and the
// mapping of "this workbook cannot be used" to exit code 2.
import path from 'node:path';
import { TemplateProblem } from '../../core/app/operations.ts';
import type { IsoDate, Lang, PeriodCode } from '../../core/model.ts';
import { isoDateSchema, periodSchema } from '../../core/api.ts';
import { XlsxWorkbook, WorkbookOpenError } from '../xlsx-workbook.ts';
import { InputError, UsageError } from './errors.ts';
import type { CommandArgs, OptionSpec } from './command.ts';

export const AS_OF_OPTION: OptionSpec = {
  type: 'string', hint: 'YYYY-MM-DD',
  help: { vi: 'ngày tính số liệu (mặc định: hôm nay, hoặc 31/12 của năm kế hoạch)', en: 'the as-of date (default: today, or 31 Dec of the plan year)' },
};
export const PERIOD_OPTION: OptionSpec = {
  type: 'string', hint: 'Q1|Q2|Q3|Q4',
  help: { vi: 'kỳ báo cáo (mặc định: quý chứa ngày tính)', en: 'report period (default: the quarter of the as-of date)' },
};
export const JSON_OPTION: OptionSpec = {
  type: 'boolean', help: { vi: 'xuất một tài liệu JSON', en: 'print one JSON document' },
};

export function workbookPath(args: CommandArgs): string {
  const file = args.positionals[0];
  if (!file) throw new UsageError(args.lang === 'vi' ? 'thiếu tên tệp .xlsx' : 'missing the .xlsx file name');
  if (args.positionals.length > 1) {
    throw new UsageError(args.lang === 'vi' ? `thừa tham số: ${args.positionals.slice(1).join(' ')}` : `unexpected arguments: ${args.positionals.slice(1).join(' ')}`);
  }
  return file;
}

export async function openWorkbook(file: string, lang: Lang): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.open(file);
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw new InputError(lang === 'vi' ? e.messageVi : e.messageEn);
    throw e;
  }
}

export function asOfOption(args: CommandArgs, name = 'as-of'): IsoDate | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const parsed = isoDateSchema.safeParse(v);
  if (!parsed.success) {
    throw new UsageError(args.lang === 'vi' ? `--${name} cần một ngày có thật dạng YYYY-MM-DD, không phải "${String(v)}"` : `--${name} takes a real date as YYYY-MM-DD, not "${String(v)}"`);
  }
  return parsed.data;
}

export function periodOption(args: CommandArgs): PeriodCode | undefined {
  const v = args.values.period;
  if (v === undefined) return undefined;
  const parsed = periodSchema.safeParse(String(v).toUpperCase());
  if (!parsed.success) throw new UsageError(args.lang === 'vi' ? `--period nhận Q1, Q2, Q3 hoặc Q4, không phải "${String(v)}"` : `--period takes Q1, Q2, Q3 or Q4, not "${String(v)}"`);
  return parsed.data;
}

/** Run an operation; a workbook that is not this template (or newer) is exit code 2. */
export function orInputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TemplateProblem) throw new InputError(e.message);
    throw e;
  }
}

export const outDirOf = (file: string): string => path.dirname(path.resolve(file));

export const printJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
