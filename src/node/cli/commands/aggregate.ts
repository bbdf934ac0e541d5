// cchc aggregate LIST.xlsx|DIR [--as-of …] [--period Q2] [--out DISTRICT.xlsx] [--report FILE.docx]
//   [--date …] [--jobs N] [--full] [--ndjson FILE] [--json]: every school of the district read on
// all cores (a pool of worker threads: district/pool.ts), the district workbook written under its
// lock (core/app/district.ts), and with --report the district report. Run again, only the files
// whose modification time or size changed are read; the others keep their stored read.
//
// The district workbook is the list file itself (or --out); for a folder, --out or
// tong-hop-don-vi.xlsx in the current folder. Links in the list are paths relative to the list's
// folder. Exit 0 when the district was written, whatever the schools' statuses; 2 when the list
// (or the folder) cannot be used.
import { lazyRun, type Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, both, option } from '../options.ts';

export const aggregateCommand: Command = {
  name: 'aggregate',
  usage: 'aggregate LIST.xlsx|DIR [--as-of dd/mm/yyyy] [--period Q1|Q2|Q3|Q4] [--out DISTRICT.xlsx] [--report FILE.docx] [--date dd/mm/yyyy] [--jobs N] [--full] [--ndjson FILE] [--json]',
  summary: both('district.aggSummary'),
  options: {
    'as-of': AS_OF_OPTION,
    period: PERIOD_OPTION,
    out: option('string', 'district.optOut', 'DISTRICT.xlsx'),
    report: option('string', 'district.optReport', 'FILE.docx'),
    date: option('string', 'district.optDate', 'dd/mm/yyyy'),
    jobs: option('string', 'district.optJobs', 'N'),
    full: option('boolean', 'district.optFull'),
    ndjson: option('string', 'district.optNdjson', 'FILE'),
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./aggregate.run.ts')),
};
