// `cchc`: the command line over .xlsx workbooks (README.md "The cchc command line").
// One command per file under commands/; this file parses the common part and maps errors to
// exit codes: 0 done, 1 validate found errors, 2 the input cannot be used (one line on stderr).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../../core/model.ts';
import { InputError, UsageError } from './errors.ts';
import type { Command, CommandIO, OptionSpec } from './command.ts';
import { initCommand } from './commands/init.ts';
import { validateCommand } from './commands/validate.ts';
import { progressCommand } from './commands/progress.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { demoCommand } from './commands/demo.ts';
import { templateCommand } from './commands/template.ts';
import { aggregateCommand } from './commands/aggregate.ts';

export const COMMANDS: Command[] = [initCommand, validateCommand, progressCommand, reportCommand, aggregateCommand, serveCommand, templateCommand, demoCommand];

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
    vi ? '  --json           một tài liệu JSON trên stdout (init, validate, progress, report)' : '  --json           one JSON document on stdout (init, validate, progress, report)',
    vi ? '  --help           trợ giúp của một lệnh: cchc validate --help' : '  --help           help for one command: cchc validate --help',
    '',
    vi
      ? 'Mã thoát: 0 xong · 1 kiểm tra thấy lỗi · 2 không dùng được tệp đầu vào'
      : 'Exit codes: 0 done · 1 validate found errors · 2 the input cannot be used',
  ];
  return lines.join('\n') + '\n';
}

const COMMON_OPTIONS: Record<string, OptionSpec> = {
  lang: { type: 'string', hint: 'vi|en', help: { vi: 'ngôn ngữ đầu ra (mặc định: vi)', en: 'output language (default: vi)' } },
  help: { type: 'boolean', help: { vi: 'trợ giúp này', en: 'this help' } },
};

function commandHelp(c: Command, lang: Lang): string {
  const entries = Object.entries({ ...c.options, ...COMMON_OPTIONS }).map(([name, o]) => [`  --${name}${o.type === 'string' ? ` <${o.hint ?? 'value'}>` : ''}`, o.help[lang]] as const);
  const width = Math.max(...entries.map(([flag]) => flag.length)) + 2;
  const opts = entries.map(([flag, help]) => `${flag.padEnd(width)}${help}`);
  return [`cchc ${c.usage}`, '', c.summary[lang], '', lang === 'vi' ? 'Tùy chọn:' : 'Options:', ...opts, ''].join('\n');
}

/**
 * `--lang` may stand anywhere, also before the command (`cchc --lang en validate x.xlsx`) and as
 * `--lang=en`; it is taken out here so the language holds for every message, even a usage error.
 */
function takeLang(argv: string[]): { lang: Lang; rest: string[]; bad: string | null } {
  let lang: Lang = 'vi';
  let bad: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else {
      rest.push(a);
      continue;
    }
    if (value === 'vi' || value === 'en') lang = value;
    else bad = value;
  }
  return { lang, rest, bad };
}

/** node:util parseArgs errors are English and long; say the same in one line, in the user's language. */
function usageMessage(e: unknown, lang: Lang, command: string): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'(-[^']*)'/.exec(err.message ?? '')?.[1] ?? '';
  const vi = lang === 'vi';
  const flag = quoted.split(/[\s,]/)[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return vi ? `không có tùy chọn ${flag}. Xem cchc ${command} --help` : `unknown option ${flag}. See cchc ${command} --help`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return vi ? `tùy chọn ${flag} dùng sai: ${/argument missing/.test(err.message ?? '') ? 'thiếu giá trị' : 'không nhận giá trị'}. Xem cchc ${command} --help` : `option ${flag} misused: ${/argument missing/.test(err.message ?? '') ? 'it needs a value' : 'it takes no value'}. See cchc ${command} --help`;
    default:
      return (err.message ?? String(e)).replace(/\s*\n\s*/g, ' ');
  }
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
  const { lang, rest: args, bad } = takeLang(argv);
  const [name, ...rest] = args;
  // One line, and a user's value quoted in it ("…") cut to a short prefix: a message never
  // repeats a pasted megabyte back.
  const oneLine = (s: string) =>
    s
      .replace(/\s*\n\s*/g, ' ')
      .trim()
      .replace(/(["“])([^"”]{61,})(["”])/g, (_, a: string, v: string, b: string) => `${a}${v.slice(0, 59)}…${b}`)
      .slice(0, 2000);
  if (bad !== null) {
    io.stderr(`cchc: ${lang === 'vi' ? `--lang nhận vi hoặc en, không phải "${bad}"` : `--lang takes vi or en, not "${bad}"`}\n`);
    return 2;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // `cchc help validate` is `cchc validate --help`.
    const about = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(about ? commandHelp(about, lang) : helpText(lang));
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
  // Only the options a command declares: `--json` on a command that has no JSON form is refused
  // rather than silently printing text where a script expects JSON.
  const options: ParseArgsConfig['options'] = {};
  for (const [k, o] of Object.entries(command.options)) options[k] = { type: o.type };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(usageMessage(e, lang, name));
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    return await command.run({ positionals: parsed.positionals, values, lang }, io);
  } catch (e) {
    // A progress bar may be on the line (progress-bar.ts): clear it before the message.
    if (io.isTTY) io.stderr('\r\x1b[K');
    if (e instanceof InputError || e instanceof UsageError) {
      io.stderr(`cchc ${name}: ${oneLine(e.message)}\n`);
      return 2;
    }
    // A crash is a bug, never the user's fault: say so in one line, keep the stack for us.
    io.stderr(`cchc ${name}: ${lang === 'vi' ? 'lỗi không mong đợi' : 'unexpected error'}: ${oneLine(String((e as Error)?.message ?? e))}\n`);
    if (io.env.CCHC_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
    return 3;
  }
}
