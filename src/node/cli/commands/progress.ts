// cchc progress FILE.xlsx [--as-of …] [--period Q2] [--write] [--json]: the figures; --write puts
// the ⚙ columns, `Tổng hợp` and a `Nhật ký` row into the file.
import { lazyRun, type Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, WORKBOOK_OUT_OPTION } from '../options.ts';

export const progressCommand: Command = {
  name: 'progress',
  usage: 'progress FILE.xlsx [--as-of dd/mm/yyyy] [--period Q1|Q2|Q3|Q4] [--write [--out NEW.xlsx]] [--json]',
  summary: {
    vi: 'tính tiến độ nhiệm vụ, chỉ tiêu, sáng kiến; --write ghi cột ⚙, trang Tổng hợp và Nhật ký vào tệp',
    en: 'computes the figures; --write writes the ⚙ columns, Tổng hợp and a Nhật ký row into the file',
  },
  options: {
    'as-of': AS_OF_OPTION,
    period: PERIOD_OPTION,
    write: { type: 'boolean', help: { vi: 'ghi kết quả vào tệp', en: 'write the results into the file' } },
    out: WORKBOOK_OUT_OPTION,
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./progress.run.ts')),
};
