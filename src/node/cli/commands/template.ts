// cchc template [--markdown] [--district] [--out FILE]: the workbook contract, written from the
// same data the installer and the reader use (core/guide.ts), so it ships with the product and
// cannot drift from it. Without --markdown: the same rows as the `Hướng dẫn` sheet, as text.
import { writeFileSync } from 'node:fs';
import { t } from '../../../core/i18n.ts';
import { DISTRICT_SHEETS, SCHOOL_SHEETS } from '../../../core/contract/index.ts';
import { guideMarkdown, guideRows } from '../../../core/guide.ts';
import type { Command } from '../command.ts';
import { cannotWrite } from '../shared.ts';
import { UsageError } from '../errors.ts';

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
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(t(args.lang, 'cli.extraArguments', { args: args.positionals.join(' ') }));
    const sheets = args.values.district ? DISTRICT_SHEETS : SCHOOL_SHEETS;
    const text = args.values.markdown
      ? guideMarkdown(sheets, args.lang)
      : `${guideRows(sheets, args.lang).rows.map((r) => r.map((v) => (v === null ? '' : String(v))).filter((v) => v !== '').join('  |  ')).join('\n')}\n`;
    const out = args.values.out as string | undefined;
    if (out === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      writeFileSync(out, text);
    } catch (e) {
      throw cannotWrite(e, out, args.lang) ?? e;
    }
    return 0;
  },
};
