// cchc init FILE.xlsx [--name …] [--code …] [--year …] [--sample] [--district]: create the
// workbook (a school's, or with --district the district's), or upgrade an existing one to the
// current template without changing any entry. An existing district workbook is upgraded as a
// district whether or not --district is given; --district on a school's workbook is refused.
import { existsSync } from 'node:fs';
import { install, installSample, isDistrictWorkbook } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { InstallError } from '../../../core/install.ts';
import { DISTRICT_SHEETS, SCHOOL_SHEETS, SHEET_NAMES, type SheetSpec } from '../../../core/contract/index.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { InputError, UsageError } from '../errors.ts';
import { JSON_OPTION, WORKBOOK_OUT_OPTION, changeWorkbook, cliContext, makeFolderFor, printJson, workbookOutOption, workbookPath, yearOption } from '../shared.ts';
import type { CommandArgs, CommandIO } from '../command.ts';

/** Sheets the installer fills in (small ones): compared before and after to see whether anything changed. */
const smallSheets = (sheets: readonly SheetSpec[]): string[] => sheets.filter((s) => s.role === 'settings' || s.role === 'guide').map((s) => s.name);

/** `cchc init` (its options: init.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
  const lang = args.lang;
  const file = workbookPath(args);
  // Excel opens a workbook by its extension; `cchc init truong` would write a file nobody can open.
  if (!/\.xlsx$/i.test(file)) throw new UsageError(t(lang, 'cli.initNotXlsx', { file }));
  const year = yearOption(args);
  const sample = Boolean(args.values.sample);
  const askedDistrict = Boolean(args.values.district);
  if (sample && askedDistrict) throw new UsageError(t(lang, 'cli.initSampleDistrict'));
  const sampleOverExisting = () => new InputError(t(lang, 'cli.sampleOverExisting', { file }));
  if (sample && existsSync(file)) throw sampleOverExisting();
  const out = workbookOutOption(args, file);
  if (out !== undefined && !existsSync(file)) throw new UsageError(t(lang, 'cli.outNeedsExisting', { file }));
  // Typed names go into the workbook as NFC: some keyboards (and macOS shells) give NFD.
  const name = (args.values.name as string | undefined)?.normalize('NFC');
  const code = (args.values.code as string | undefined)?.normalize('NFC');
  // A new file may go into a folder that does not exist yet; create it rather than fail.
  if (!existsSync(file)) makeFolderFor(file, args.lang);
  const { result, exists, changed, kind } = await changeWorkbook(
    file,
    args,
    io,
    'init',
    (book, session) => {
      const exists = session.existed;
      // Checked again under the lock: another run may have made the file meanwhile.
      if (sample && exists) throw sampleOverExisting();
      const names = exists ? book.sheetNames().map((n) => n.normalize('NFC')) : [];
      // An existing file keeps its kind: a district workbook is upgraded as one even without
      // --district, and a school's workbook never gets district sheets added to it.
      const district = askedDistrict || (exists && isDistrictWorkbook(names));
      if (askedDistrict && exists && !isDistrictWorkbook(names) && names.includes(SHEET_NAMES.tasks)) {
        throw new InputError(t(lang, 'cli.initDistrictOverSchool', { file }));
      }
      const kind = district ? 'district' : 'school';
      const ctx = cliContext(book, file, args, io);
      // What the installer may change besides sheets and columns: the unit, the recorded version, the guide.
      const small = smallSheets(district ? DISTRICT_SHEETS : SCHOOL_SHEETS);
      const snapshot = () => JSON.stringify(small.map((n) => book.readSheet(n)?.values ?? null));
      const before = exists ? snapshot() : '';
      try {
        const result = sample && !exists ? installSample(ctx, { lang: args.lang, name, code, year }) : install(ctx, { lang: args.lang, name, code, year, kind });
        const changed = !exists || result.created.length > 0 || result.addedColumns.length > 0 || snapshot() !== before;
        return { result, exists, changed, kind };
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
    io.stdout(printJson({ file: out ?? file, templateVersion: result.version, createdSheets: result.created, addedColumns: result.addedColumns, kept: result.kept, sample, kind }));
  } else {
    const version = result.version;
    const head = !exists
      ? t(lang, 'cli.initCreated', { file, version })
      : out !== undefined
        ? t(lang, 'cli.initWroteOut', { out, version, file })
        : changed
          ? t(lang, 'cli.initUpgraded', { file, version })
          : t(lang, 'cli.initComplete', { file, version });
    const lines = [
      head,
      result.created.length ? t(lang, 'cli.initNewSheets', { sheets: result.created.join(', ') }) : '',
      result.addedColumns.length ? t(lang, 'cli.initNewColumns', { columns: result.addedColumns.map((c) => `${c.sheet} › ${c.header}`).join(', ') }) : '',
      // --name/--code/--year on a filled workbook: what the user typed there is never overwritten.
      ...result.kept.map((k) => t(lang, 'cli.initKept', { item: k.item, current: k.current, asked: k.asked })),
      sample ? t(lang, 'cli.initSample') : '',
    ];
    io.stdout(lines.filter(Boolean).join('\n') + '\n');
  }
  return 0;
}
