// cchc init FILE.xlsx [--name …] [--code …] [--year …] [--sample] [--district]: create the
// workbook (a school's, or with --district the district's), or upgrade an existing one to the
// current template without changing any entry. An existing district workbook is upgraded as a
// district whether or not --district is given; --district on a school's workbook is refused.
import { lazyRun, type Command } from '../command.ts';
import { JSON_OPTION, WORKBOOK_OUT_OPTION } from '../options.ts';

export const initCommand: Command = {
  name: 'init',
  usage: 'init FILE.xlsx [--name "Trường Mầm non …"] [--code MNBT] [--year 2024] [--sample] [--district] [--out NEW.xlsx]',
  summary: {
    vi: 'tạo bảng tính với mọi trang mẫu (--district: bảng tính tổng hợp của cấp trên); với tệp đã có: nâng cấp mẫu, giữ nguyên dữ liệu',
    en: 'creates a workbook with every template sheet (--district: the district workbook); on an existing file: upgrades it, keeping every entry',
  },
  options: {
    name: { type: 'string', hint: 'tên', help: { vi: 'tên đơn vị (Tên đơn vị)', en: 'unit name (Tên đơn vị)' } },
    code: { type: 'string', hint: 'mã', help: { vi: 'mã đơn vị dùng trong số văn bản', en: 'unit code used in document numbers' } },
    year: { type: 'string', hint: 'YYYY', help: { vi: 'năm kế hoạch', en: 'plan year' } },
    sample: { type: 'boolean', help: { vi: 'điền dữ liệu mẫu của Trường Mầm non Bến Thành (2024)', en: 'fill in the sample school (Trường Mầm non Bến Thành, 2024)' } },
    district: {
      type: 'boolean',
      help: {
        vi: 'bảng tính tổng hợp của cấp trên (Thông tin, Danh sách đơn vị, ⚙ Tổng hợp đơn vị…) cho cchc aggregate',
        en: 'the district workbook (Thông tin, Danh sách đơn vị, ⚙ Tổng hợp đơn vị…) for cchc aggregate',
      },
    },
    out: WORKBOOK_OUT_OPTION,
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./init.run.ts')),
};
