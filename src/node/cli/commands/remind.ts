// cchc remind FILE.xlsx [--as-of dd/mm/yyyy] [--out DIR] [--send] [--json]: the week's reminder
// e-mails (src/core/remind/), one standard .eml per recipient (MIME, UTF-8 subject and body, by
// nodemailer's stream transport with a buffer), whatever `Nhắc việc qua email` says (the setting governs the
// automatic weekly sending in Google). `--send` sends them through the SMTP server at
// CCHC_SMTP_URL. The workbook is only read, also with --send: the sending is reported on stdout,
// and the "never the same week twice" record belongs to the automatic sending in Google.
import { lazyRun, type Command } from '../command.ts';
import { AS_OF_OPTION, JSON_OPTION, both } from '../options.ts';

export const remindCommand: Command = {
  name: 'remind',
  usage: 'remind FILE.xlsx [--as-of dd/mm/yyyy] [--out DIR] [--send] [--json]',
  summary: both('remind.cliSummary'),
  options: {
    'as-of': AS_OF_OPTION,
    out: { type: 'string', hint: 'DIR', help: both('remind.cliOutHelp') },
    send: { type: 'boolean', help: both('remind.cliSendHelp') },
    json: JSON_OPTION,
  },
  run: lazyRun(() => import('./remind.run.ts')),
};
