// cchc template [--markdown] [--district] [--out FILE]: the workbook contract, written from the
// same data the installer and the reader use (core/guide.ts), so it ships with the product and
// cannot drift from it. Without --markdown: the same rows as the `Hướng dẫn` sheet, as text.
import { lazyRun, type Command } from '../command.ts';

export const templateCommand: Command = {
  name: 'template',
  usage: 'template [--markdown] [--district] [--out FILE]',
  summary: {
    vi: 'in quy ước bảng tính (các trang, cột, cách nhập), như trang Hướng dẫn',
    en: 'prints the workbook contract (sheets, columns, what to type), as the Hướng dẫn sheet has it',
  },
  options: {
    markdown: { type: 'boolean', help: { vi: 'dạng Markdown (một trang tài liệu)', en: 'as Markdown (a documentation page)' } },
    district: { type: 'boolean', help: { vi: 'bảng tính của cấp quản lý (danh sách đơn vị)', en: 'the district workbook (the list of units)' } },
    out: { type: 'string', hint: 'FILE', help: { vi: 'ghi vào tệp thay vì màn hình', en: 'write to a file instead of stdout' } },
  },
  run: lazyRun(() => import('./template.run.ts')),
};
