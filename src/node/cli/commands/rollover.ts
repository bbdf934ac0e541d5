// cchc rollover FILE.xlsx --year 2025 [--out NEW.xlsx] [--json]: the next year's workbook made
// from this one (core/rollover), written as a new file; FILE only gets its one `Nhật ký` row.
//
// 1. FILE is opened to read: it must be a school workbook with a plan year, and --year must be
//    that year + 1 (exit 2 otherwise, nothing written);
// 2. the new file (default: beside FILE, the old year in its name replaced by the new one, or the
//    new year added) must not exist: never written over (exit 2);
// 3. under the locks of both files, FILE is opened fresh, rolled forward in memory and saved as
//    the new file (files/workbook-file.ts: temp file + rename, the original left byte for byte);
// 4. then, under FILE's lock, FILE gets its `Nhật ký` row saying where the new year went. If that
//    cannot be written (a read-only file…), the new file stands and stderr says so.
import { lazyRun, type Command } from '../command.ts';
import { JSON_OPTION, both } from '../options.ts';

export const rolloverCommand: Command = {
  name: 'rollover',
  usage: 'rollover FILE.xlsx --year YYYY [--out NEW.xlsx] [--json]',
  summary: both('rollover.cliSummary'),
  options: {
    year: { type: 'string', hint: 'YYYY', help: both('rollover.cliYear') },
    out: { type: 'string', hint: 'NEW.xlsx', help: both('rollover.cliOut') },
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./rollover.run.ts')),
};
