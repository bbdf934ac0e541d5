// `cchc`: the command line over .xlsx workbooks (README.md "The cchc command line").
// One command per file under commands/; this file parses the common part and maps errors to
// exit codes: 0 done, 1 validate found errors, 2 the input cannot be used (one line on stderr).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t } from '../../core/i18n.ts';
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
import { remindCommand } from './commands/remind.ts';
import { rolloverCommand } from './commands/rollover.ts';

export const COMMANDS: Command[] = [initCommand, validateCommand, progressCommand, reportCommand, aggregateCommand, remindCommand, rolloverCommand, serveCommand, templateCommand, demoCommand];

function helpText(lang: Lang): string {
  const option = (flag: string, help: string) => `  ${flag.padEnd(17)}${help}`;
  const lines = [
    t(lang, 'cli.helpIntro'),
    '',
    t(lang, 'cli.helpUsage'),
    ...COMMANDS.map((c) => `  cchc ${c.usage}\n      ${c.summary[lang]}`),
    '',
    t(lang, 'cli.helpCommonOptions'),
    option('--lang vi|en', COMMON_OPTIONS.lang!.help[lang]),
    option('--json', t(lang, 'cli.helpJson')),
    option('--help', t(lang, 'cli.helpHelp')),
    '',
    t(lang, 'cli.helpExitCodes'),
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
  return [`cchc ${c.usage}`, '', c.summary[lang], '', t(lang, 'cli.helpOptions'), ...opts, ''].join('\n');
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
  const flag = quoted.split(/[\s,]/)[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(lang, 'cli.unknownOption', { flag, command });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const why = t(lang, /argument missing/.test(err.message ?? '') ? 'cli.optionNeedsValue' : 'cli.optionTakesNoValue');
      return t(lang, 'cli.optionMisused', { flag, why, command });
    }
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
    io.stderr(`cchc: ${t(lang, 'cli.badLang', { value: bad })}\n`);
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
    io.stderr(`cchc: ${t(lang, 'cli.noSuchCommand', { name })}\n`);
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
    io.stderr(`cchc ${name}: ${t(lang, 'cli.unexpectedError')}: ${oneLine(String((e as Error)?.message ?? e))}\n`);
    if (io.env.CCHC_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
    return 3;
  }
}
