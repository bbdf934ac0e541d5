// cchc init FILE.xlsx [--name …] [--code …] [--year …] [--sample]: create the workbook, or
// upgrade an existing one to the current template without changing any entry.
import { existsSync } from 'node:fs';
import { install, installSample } from '../../../core/app/operations.ts';
import { InstallError } from '../../../core/install.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { InputError, UsageError } from '../errors.ts';
import type { Command } from '../command.ts';
import { JSON_OPTION, cliContext, openWorkbook, printJson, saveWorkbook, workbookPath } from '../shared.ts';

export const initCommand: Command = {
  name: 'init',
  usage: 'init FILE.xlsx [--name "Trường Mầm non …"] [--code MNBT] [--year 2024] [--sample]',
  summary: {
    vi: 'tạo bảng tính với mọi trang mẫu; với tệp đã có: nâng cấp mẫu, giữ nguyên dữ liệu',
    en: 'creates a workbook with every template sheet; on an existing file: upgrades it, keeping every entry',
  },
  options: {
    name: { type: 'string', hint: 'tên', help: { vi: 'tên đơn vị (Tên đơn vị)', en: 'unit name (Tên đơn vị)' } },
    code: { type: 'string', hint: 'mã', help: { vi: 'mã đơn vị dùng trong số văn bản', en: 'unit code used in document numbers' } },
    year: { type: 'string', hint: 'YYYY', help: { vi: 'năm kế hoạch', en: 'plan year' } },
    sample: { type: 'boolean', help: { vi: 'điền dữ liệu mẫu của Trường Mầm non Bến Thành (2024)', en: 'fill in the sample school (Trường Mầm non Bến Thành, 2024)' } },
    json: JSON_OPTION,
  },
  async run(args, io) {
    const vi = args.lang === 'vi';
    const file = workbookPath(args);
    // Excel opens a workbook by its extension; `cchc init truong` would write a file nobody can open.
    if (!/\.xlsx$/i.test(file)) throw new UsageError(vi ? `tên tệp cần có đuôi .xlsx: ${file}` : `the file name needs the .xlsx extension: ${file}`);
    let year: number | undefined;
    if (args.values.year !== undefined) {
      year = Number(args.values.year);
      if (!/^\d{4}$/.test(String(args.values.year)) || year < 2000 || year > 2100) {
        throw new UsageError(vi ? `--year cần một năm như 2024, không phải "${String(args.values.year)}"` : `--year takes a year such as 2024, not "${String(args.values.year)}"`);
      }
    }
    const exists = existsSync(file);
    const sample = Boolean(args.values.sample);
    if (sample && exists) {
      throw new InputError(vi ? `--sample chỉ dùng khi tạo tệp mới; ${file} đã có, dữ liệu mẫu sẽ ghi đè lên dữ liệu thật.` : `--sample only creates a new file; ${file} exists and the sample would overwrite real entries.`);
    }
    const book = exists ? await openWorkbook(file, args.lang) : XlsxWorkbook.create();
    const ctx = cliContext(book, file, args, io);
    // Typed names go into the workbook as NFC: some keyboards (and macOS shells) give NFD.
    const name = (args.values.name as string | undefined)?.normalize('NFC');
    const code = (args.values.code as string | undefined)?.normalize('NFC');
    let result;
    try {
      result = sample && !exists
        ? installSample(ctx, { lang: args.lang, name, code, year })
        : install(ctx, { lang: args.lang, name, code, year });
    } catch (e) {
      if (e instanceof InstallError) throw new InputError(e.message);
      throw e;
    }
    // A new file may go into a folder that does not exist yet; create it rather than fail.
    await saveWorkbook(book, file, args.lang, { makeDir: !exists });
    if (args.values.json) {
      io.stdout(printJson({ file, templateVersion: result.version, createdSheets: result.created, addedColumns: result.addedColumns, sample }));
    } else {
      const changed = result.created.length > 0 || result.addedColumns.length > 0;
      const head = !exists
        ? (vi ? `Đã tạo ${file} (mẫu phiên bản ${result.version}).` : `Created ${file} (template version ${result.version}).`)
        : changed
          ? (vi ? `Đã nâng cấp ${file} lên mẫu phiên bản ${result.version}; dữ liệu đã nhập giữ nguyên.` : `Upgraded ${file} to template version ${result.version}; every entry kept.`)
          : (vi ? `${file} đã đủ mẫu phiên bản ${result.version}; không có gì mới.` : `${file} already has template version ${result.version}; nothing new.`);
      const lines = [
        head,
        result.created.length ? `${vi ? 'Trang mới' : 'New sheets'}: ${result.created.join(', ')}` : '',
        result.addedColumns.length ? `${vi ? 'Cột mới' : 'New columns'}: ${result.addedColumns.map((c) => `${c.sheet} › ${c.header}`).join(', ')}` : '',
        sample ? (vi ? 'Đã điền dữ liệu mẫu: Trường Mầm non Bến Thành, kế hoạch CCHC năm 2024.' : 'Filled in the sample school: Trường Mầm non Bến Thành, 2024 reform plan.') : '',
      ];
      io.stdout(lines.filter(Boolean).join('\n') + '\n');
    }
    return 0;
  },
};
