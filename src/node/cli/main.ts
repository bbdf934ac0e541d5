// `cchc`: the command line over .xlsx workbooks (../shared/spec/CLI.md).
// One command per file under commands/; this file parses the common part and maps errors to
// exit codes: 0 done, 1 validate found errors, 2 the input cannot be used (one line on stderr).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../../core/model.ts';
import { InputError, UsageError } from './errors.ts';
import type { Command, CommandIO } from './command.ts';
import { initCommand } from './commands/init.ts';
import { validateCommand } from './commands/validate.ts';
import { progressCommand } from './commands/progress.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { demoCommand } from './commands/demo.ts';

export const COMMANDS: Command[] = [initCommand, validateCommand, progressCommand, reportCommand, serveCommand, demoCommand];

function helpText(lang: Lang): string {
  const vi = lang === 'vi';
  const lines = [
    vi
      ? 'cchc: công cụ cải cách hành chính cho trường mầm non, làm việc trên tệp .xlsx'
      : 'cchc: administrative-reform tracking for kindergartens, on .xlsx workbooks',
    '',
    vi ? 'Cách dùng:' : 'Usage:',
    ...COMMANDS.map((c) => `  cchc ${c.usage}\n      ${c.summary[lang]}`),
    '',
    vi ? 'Tùy chọn chung:' : 'Common options:',
    vi ? '  --lang vi|en     ngôn ngữ đầu ra (mặc định: vi)' : '  --lang vi|en     output language (default: vi)',
    vi ? '  --json           một tài liệu JSON trên stdout' : '  --json           one JSON document on stdout',
    vi ? '  --help           trợ giúp của một lệnh: cchc validate --help' : '  --help           help for one command: cchc validate --help',
    '',
    vi
      ? 'Mã thoát: 0 xong · 1 kiểm tra thấy lỗi · 2 không dùng được tệp đầu vào'
      : 'Exit codes: 0 done · 1 validate found errors · 2 the input cannot be used',
  ];
  return lines.join('\n') + '\n';
}

function commandHelp(c: Command, lang: Lang): string {
  const opts = Object.entries(c.options).map(([name, o]) => `  --${name}${o.type === 'string' ? ` <${o.hint ?? 'value'}>` : ''}  ${o.help[lang]}`);
  return [`cchc ${c.usage}`, '', c.summary[lang], '', ...opts, ''].join('\n');
}

function defaultIO(): CommandIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const langArg = argv.indexOf('--lang');
  const lang: Lang = langArg >= 0 && argv[langArg + 1] === 'en' ? 'en' : 'vi';
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(lang));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`cchc: ${lang === 'vi' ? 'không có lệnh' : 'no such command'} "${name}". ${lang === 'vi' ? 'Xem' : 'See'} cchc --help\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command, lang));
    return 0;
  }
  const options: ParseArgsConfig['options'] = { lang: { type: 'string' }, json: { type: 'boolean' } };
  for (const [k, o] of Object.entries(command.options)) options[k] = { type: o.type };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
      throw new UsageError(lang === 'vi' ? '--lang nhận vi hoặc en' : '--lang takes vi or en');
    }
    return await command.run({ positionals: parsed.positionals, values, lang }, io);
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) {
      io.stderr(`cchc ${name}: ${e.message}\n`);
      return 2;
    }
    // A crash is a bug, never the user's fault: say so in one line, keep the stack for us.
    io.stderr(`cchc ${name}: ${lang === 'vi' ? 'lỗi không mong đợi' : 'unexpected error'}: ${(e as Error)?.message ?? e}\n`);
    if (io.env.CCHC_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
    return 3;
  }
}
