// cchc template [--markdown] [--district] [--out FILE]: the workbook contract, written from the
// same data the installer and the reader use (core/guide.ts), so it ships with the product and
// cannot drift from it. Without --markdown: the same rows as the `Hướng dẫn` sheet, as text.
import { writeFileSync } from 'node:fs';
import { t } from '../../../core/i18n.ts';
import { DISTRICT_SHEETS, SCHOOL_SHEETS } from '../../../core/contract/index.ts';
import { guideMarkdown, guideRows } from '../../../core/guide.ts';
import { cannotWrite } from '../shared.ts';
import { UsageError } from '../errors.ts';
import type { CommandArgs, CommandIO } from '../command.ts';

/** `cchc template` (its options: template.ts). */
export async function run(args: CommandArgs, io: CommandIO): Promise<number> {
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
}
