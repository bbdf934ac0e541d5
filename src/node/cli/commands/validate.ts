// cchc validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]: every problem, exit 1 when any is an error.
import { lazyRun, type Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION } from '../options.ts';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate FILE.xlsx [--as-of dd/mm/yyyy] [--json]',
  summary: { vi: 'liệt kê mọi vấn đề của dữ liệu (mã thoát 1 khi có lỗi)', en: 'lists every problem in the data (exit code 1 when any is an error)' },
  options: { 'as-of': AS_OF_OPTION, json: JSON_OPTION },
  run: lazyRun(() => import('./validate.run.ts')),
};
