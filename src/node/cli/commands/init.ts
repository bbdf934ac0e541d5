// cchc init FILE.xlsx [--name …] [--code …] [--year …] [--sample]: create the workbook, or
// upgrade an existing one to the current template without changing any entry.
import { existsSync } from 'node:fs';
import { install, installSample } from '../../../core/app/operations.ts';
import { InstallError } from '../../../core/install.ts';
import { SCHOOL_SHEETS } from '../../../core/contract/index.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { InputError, UsageError } from '../errors.ts';
import type { Command } from '../command.ts';
import { JSON_OPTION, WORKBOOK_OUT_OPTION, changeWorkbook, cliContext, makeFolderFor, printJson, workbookOutOption, workbookPath } from '../shared.ts';

/** Sheets the installer fills in (small ones): compared before and after to see whether anything changed. */
const SMALL_SHEETS = SCHOOL_SHEETS.filter((s) => s.role === 'settings' || s.role === 'guide').map((s) => s.name);

export const initCommand: Command = {
  name: 'init',
  usage: 'init FILE.xlsx [--name "Trường Mầm non …"] [--code MNBT] [--year 2024] [--sample] [--out NEW.xlsx]',
  summary: {
    vi: 'tạo bảng tính với mọi trang mẫu; với tệp đã có: nâng cấp mẫu, giữ nguyên dữ liệu',
    en: 'creates a workbook with every template sheet; on an existing file: upgrades it, keeping every entry',
  },
  options: {
    name: { type: 'string', hint: 'tên', help: { vi: 'tên đơn vị (Tên đơn vị)', en: 'unit name (Tên đơn vị)' } },
    code: { type: 'string', hint: 'mã', help: { vi: 'mã đơn vị dùng trong số văn bản', en: 'unit code used in document numbers' } },
    year: { type: 'string', hint: 'YYYY', help: { vi: 'năm kế hoạch', en: 'plan year' } },
    sample: { type: 'boolean', help: { vi: 'điền dữ liệu mẫu của Trường Mầm non Bến Thành (2024)', en: 'fill in the sample school (Trường Mầm non Bến Thành, 2024)' } },
    out: WORKBOOK_OUT_OPTION,
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
    const sample = Boolean(args.values.sample);
    const sampleOverExisting = () =>
      new InputError(vi ? `--sample chỉ dùng khi tạo tệp mới; ${file} đã có, dữ liệu mẫu sẽ ghi đè lên dữ liệu thật.` : `--sample only creates a new file; ${file} exists and the sample would overwrite real entries.`);
    if (sample && existsSync(file)) throw sampleOverExisting();
    const out = workbookOutOption(args, file);
    if (out !== undefined && !existsSync(file)) throw new UsageError(vi ? `--out chỉ dùng với một tệp đã có; ${file} chưa có` : `--out needs an existing file; ${file} does not exist`);
    // Typed names go into the workbook as NFC: some keyboards (and macOS shells) give NFD.
    const name = (args.values.name as string | undefined)?.normalize('NFC');
    const code = (args.values.code as string | undefined)?.normalize('NFC');
    // A new file may go into a folder that does not exist yet; create it rather than fail.
    if (!existsSync(file)) makeFolderFor(file, args.lang);
    const { result, exists, changed } = await changeWorkbook(
      file,
      args,
      io,
      'init',
      (book, session) => {
        const exists = session.existed;
        // Checked again under the lock: another run may have made the file meanwhile.
        if (sample && exists) throw sampleOverExisting();
        const ctx = cliContext(book, file, args, io);
        // What the installer may change besides sheets and columns: the unit, the recorded version, the guide.
        const snapshot = () => JSON.stringify(SMALL_SHEETS.map((n) => book.readSheet(n)?.values ?? null));
        const before = exists ? snapshot() : '';
        try {
          const result = sample && !exists ? installSample(ctx, { lang: args.lang, name, code, year }) : install(ctx, { lang: args.lang, name, code, year });
          const changed = !exists || result.created.length > 0 || result.addedColumns.length > 0 || snapshot() !== before;
          return { result, exists, changed };
        } catch (e) {
          if (e instanceof InstallError) throw new InputError(e.message);
          throw e;
        }
      },
      {
        create: () => XlsxWorkbook.create(),
        saveAs: out,
        // A complete workbook is not written at all ("nothing new"): not even a log row.
        save: (r) => out !== undefined || r.changed,
        // ...so it has nothing to refuse either; a workbook that needs a change is checked by the save.
        refuseEarly: false,
      },
    );
    if (args.values.json) {
      io.stdout(printJson({ file: out ?? file, templateVersion: result.version, createdSheets: result.created, addedColumns: result.addedColumns, kept: result.kept, sample }));
    } else {
      const head = !exists
        ? (vi ? `Đã tạo ${file} (mẫu phiên bản ${result.version}).` : `Created ${file} (template version ${result.version}).`)
        : out !== undefined
          ? (vi ? `Đã ghi ${out} (mẫu phiên bản ${result.version}); ${file} giữ nguyên.` : `Wrote ${out} (template version ${result.version}); ${file} is unchanged.`)
          : changed
            ? (vi ? `Đã nâng cấp ${file} lên mẫu phiên bản ${result.version}; dữ liệu đã nhập giữ nguyên.` : `Upgraded ${file} to template version ${result.version}; every entry kept.`)
            : (vi ? `${file} đã đủ mẫu phiên bản ${result.version}; không có gì mới, tệp không bị ghi lại.` : `${file} already has template version ${result.version}; nothing new, the file is not rewritten.`);
      const lines = [
        head,
        result.created.length ? `${vi ? 'Trang mới' : 'New sheets'}: ${result.created.join(', ')}` : '',
        result.addedColumns.length ? `${vi ? 'Cột mới' : 'New columns'}: ${result.addedColumns.map((c) => `${c.sheet} › ${c.header}`).join(', ')}` : '',
        // --name/--code/--year on a filled workbook: what the user typed there is never overwritten.
        ...result.kept.map((k) =>
          vi
            ? `Giữ nguyên ${k.item} “${k.current}” đã nhập trong Thông tin (không ghi “${k.asked}” đè lên); muốn đổi thì sửa ô đó trong Thông tin.`
            : `Kept ${k.item} “${k.current}” as typed in Thông tin (“${k.asked}” not written over it); to change it, edit that cell in Thông tin.`,
        ),
        sample ? (vi ? 'Đã điền dữ liệu mẫu: Trường Mầm non Bến Thành, kế hoạch CCHC năm 2024.' : 'Filled in the sample school: Trường Mầm non Bến Thành, 2024 reform plan.') : '',
      ];
      io.stdout(lines.filter(Boolean).join('\n') + '\n');
    }
    return 0;
  },
};
