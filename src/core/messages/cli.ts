// The command line's words: its progress steps and the refusals every command shares. (The
// summary tables use the dashboard's words; each command's own lines are still written beside
// it — see the README's note on what is left.)

import type { Catalogue } from './types.ts';

export const CLI = {
  // ---------------------------------------------------------------- progress steps
  stepRead: { vi: 'Đọc tệp', en: 'Reading the file' },
  stepCompute: { vi: 'Tính số liệu', en: 'Computing the figures' },
  stepWrite: { vi: 'Ghi kết quả', en: 'Writing the results' },
  stepDocument: { vi: 'Viết văn bản', en: 'Writing the document' },
  stepSave: { vi: 'Lưu tệp', en: 'Saving the file' },
  stepPdf: { vi: 'Chuyển sang PDF', en: 'Converting to PDF' },
  // ---------------------------------------------------------------- refusals shared by commands
  noFile: { vi: 'thiếu tên tệp .xlsx', en: 'missing the .xlsx file name' },
  extraArguments: { vi: 'thừa tham số: {args}', en: 'unexpected arguments: {args}' },
  outNotXlsx: { vi: '--out cần một tên tệp .xlsx: {file}', en: '--out takes an .xlsx file name: {file}' },
  outSameFile: { vi: '--out cần một tệp khác tệp đang mở', en: '--out takes a file other than the one opened' },
  badDate: {
    vi: '--{option} cần một ngày có thật, như 30/06/2024 hoặc 2024-06-30, không phải "{value}"',
    en: '--{option} takes a real date such as 30/06/2024 or 2024-06-30, not "{value}"',
  },
  badPeriod: { vi: '--period nhận Q1, Q2, Q3 hoặc Q4, không phải "{value}"', en: '--period takes Q1, Q2, Q3 or Q4, not "{value}"' },
  initHint: { vi: ' Trên máy tính: cchc init {file}', en: ' On a computer: cchc init {file}' },
  cannotWrite: {
    vi: 'Không ghi được tệp {file} ({code}): kiểm tra thư mục, quyền ghi, hoặc đóng tệp đang mở trong Excel.',
    en: 'Cannot write {file} ({code}): check the folder and write permission, or close the file in Excel.',
  },
} satisfies Catalogue;
