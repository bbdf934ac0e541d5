// cchc report FILE.xlsx --type quarterly|plan|initiatives [--period Q2] [--as-of …] [--date …]
//   [--out FILE.docx] [--pdf] [--number N]: the document a principal signs (the report contract (README)).
import { lazyRun, type Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION } from '../options.ts';

export const reportCommand: Command = {
  name: 'report',
  usage: 'report FILE.xlsx --type quarterly|plan|initiatives [--period Q2] [--as-of …] [--date dd/mm/yyyy] [--out FILE.docx] [--pdf]',
  summary: {
    vi: 'viết báo cáo/kế hoạch theo thể thức Nghị định 30/2020 (.docx; --pdf thêm bản PDF qua LibreOffice)',
    en: 'writes the report or plan laid out by Decree 30/2020 (.docx; --pdf adds a PDF through LibreOffice)',
  },
  options: {
    type: { type: 'string', hint: 'quarterly|plan|initiatives', help: { vi: 'loại văn bản', en: 'document type' } },
    period: PERIOD_OPTION,
    'as-of': AS_OF_OPTION,
    date: { type: 'string', hint: 'dd/mm/yyyy', help: { vi: 'ngày ghi trên văn bản (mặc định: hôm nay)', en: 'the date on the document (default: today)' } },
    out: { type: 'string', hint: 'FILE.docx', help: { vi: 'tệp kết quả (mặc định: cạnh bảng tính; không ghi đè tệp đã có, trừ khi --number)', en: 'output file (default: beside the workbook; an existing file is not replaced, except with --number)' } },
    pdf: { type: 'boolean', help: { vi: 'xuất thêm PDF (cần LibreOffice)', en: 'also export a PDF (needs LibreOffice)' } },
    number: { type: 'string', hint: 'N', help: { vi: 'tạo lại với số văn bản đã cấp (không lấy số mới)', en: 'regenerate with a number already given (takes no new number)' } },
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./report.run.ts')),
};
