// The options several commands share, and the help texts of options taken from the catalogue.
// Light on purpose: every command's description (commands/*.ts) imports it, and `cchc --help`
// loads every description and nothing else (the work of a command is in commands/*.run.ts).
import { t } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import type { OptionSpec } from './command.ts';

/** A catalogue entry in both languages (a command's summary or an option's help). */
export const both = (key: Parameters<typeof t>[1]): Record<Lang, string> => ({ vi: t('vi', key), en: t('en', key) });
/** An option whose help is a catalogue entry. */
export const option = (type: OptionSpec['type'], key: Parameters<typeof t>[1], hint?: string): OptionSpec => ({ type, hint, help: both(key) });

export const AS_OF_OPTION: OptionSpec = {
  type: 'string', hint: 'dd/mm/yyyy',
  help: { vi: 'ngày tính số liệu (mặc định: hôm nay, hoặc 31/12 của năm kế hoạch)', en: 'the as-of date (default: today, or 31 Dec of the plan year)' },
};

export const PERIOD_OPTION: OptionSpec = {
  type: 'string', hint: 'Q1|Q2|Q3|Q4',
  help: { vi: 'kỳ báo cáo (mặc định: quý chứa ngày tính)', en: 'report period (default: the quarter of the as-of date)' },
};

export const JSON_OPTION: OptionSpec = {
  type: 'boolean', help: { vi: 'xuất một tài liệu JSON', en: 'print one JSON document' },
};

export const WORKBOOK_OUT_OPTION: OptionSpec = {
  type: 'string',
  hint: 'NEW.xlsx',
  help: {
    vi: 'ghi kết quả ra tệp mới này, giữ nguyên tệp gốc (khi tệp gốc có phần cchc không giữ được khi ghi)',
    en: 'write the results to this new file and leave the original as it is (when it holds parts cchc cannot keep)',
  },
};
