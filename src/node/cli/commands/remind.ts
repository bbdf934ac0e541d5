// cchc remind FILE.xlsx [--as-of dd/mm/yyyy] [--out DIR] [--send] [--json]: the week's reminder
// e-mails (src/core/remind/), one standard .eml per recipient (MIME, UTF-8 subject and body, by
// nodemailer's stream transport with a buffer), whatever `Nhắc việc qua email` says (the setting governs the
// automatic weekly sending in Google). `--send` sends them through the SMTP server at
// CCHC_SMTP_URL. The workbook is only read, also with --send: the sending is reported on stdout,
// and the "never the same week twice" record belongs to the automatic sending in Google.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type nodemailerModule from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { loadSchool } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { SHEET_NAMES } from '../../../core/contract/sheet-names.ts';
import { planReminders, type ReminderMessage } from '../../../core/remind/plan.ts'; // not index.ts: its sidebar switch brings zod
import { formatDateVi } from '../../../core/progress/dates.ts';
import { quoteValue } from '../../../core/text.ts';
import type { Command } from '../command.ts';
import { InputError } from '../errors.ts';
import { AS_OF_OPTION, JSON_OPTION, asOfOption, cannotWrite, cliContext, openWorkbook, orInputError, printJson, workbookPath } from '../shared.ts';

const both = (key: Parameters<typeof t>[1]) => ({ vi: t('vi', key), en: t('en', key) });

const slug = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'thu';

function mailOf(m: ReminderMessage, from: string): SendMailOptions {
  return { from, ...(m.to ? { to: { name: m.toName, address: m.to } } : {}), subject: m.subject, text: m.text, textEncoding: 'quoted-printable' };
}

/** nodemailer loads with `cchc remind`, not with every cchc command (`--help`). */
const mailer = async (): Promise<typeof nodemailerModule> => (await import('nodemailer')).default;

async function composer() {
  return (await mailer()).createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
}

async function compose(mail: SendMailOptions): Promise<Buffer> {
  const info = await (await composer()).sendMail(mail);
  return info.message as Buffer;
}

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
  async run(args, io) {
    const lang = args.lang;
    const file = workbookPath(args);
    const asOfAsked = asOfOption(args);
    const smtpUrl = io.env.CCHC_SMTP_URL;
    if (args.values.send) {
      if (!smtpUrl) throw new InputError(t(lang, 'remind.cliNoSmtp'));
      if (!/^smtps?:\/\//i.test(smtpUrl)) throw new InputError(t(lang, 'remind.cliBadSmtp', { value: quoteValue(smtpUrl.replace(/\/\/[^@/]*@/, '//…@')) }));
    }
    const book = await openWorkbook(file, lang, io.env);
    const ctx = cliContext(book, file, args, io);
    const asOf = asOfAsked ?? ctx.clock.today();
    const { data } = orInputError(() => loadSchool(ctx, { lang, asOf }), file, lang);
    const href = pathToFileURL(path.resolve(file)).href;
    const plan = planReminders(data, { asOf, lang, linkOf: (row) => `${href}#${encodeURIComponent(SHEET_NAMES.tasks)}!A${row}`, workbookLink: href });
    const dir = path.resolve((args.values.out as string | undefined) ?? path.join(path.dirname(path.resolve(file)), `nhac-viec-${plan.week}`));
    const from = io.env.CCHC_MAIL_FROM || 'CCHC <cchc@localhost>';

    const files: { file: string; to: string; kind: string; subject: string }[] = [];
    if (plan.messages.length > 0) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw cannotWrite(e, dir, lang) ?? e;
      }
    }
    for (const [i, m] of plan.messages.entries()) {
      const name = `${String(i + 1).padStart(2, '0')}-${m.kind === 'summary' ? 'tong-hop' : slug(m.toName)}.eml`;
      const target = path.join(dir, name);
      try {
        writeFileSync(target, await compose(mailOf(m, from)));
      } catch (e) {
        throw cannotWrite(e, target, lang) ?? e;
      }
      files.push({ file: target, to: m.to, kind: m.kind, subject: m.subject });
    }
    const unreachable = plan.owners.filter((o) => o.unreachable !== null);
    let sent = 0;
    if (args.values.send && plan.messages.length > 0) {
      const transport = (await mailer()).createTransport(smtpUrl!);
      try {
        for (const m of plan.messages) {
          if (m.to === '') continue;
          try {
            await transport.sendMail(mailOf(m, from));
          } catch (e) {
            throw new InputError(t(lang, 'remind.cliSendFailed', { to: m.to, detail: e instanceof Error ? e.message : String(e) }));
          }
          sent++;
        }
      } finally {
        transport.close();
      }
    }
    if (args.values.json) {
      io.stdout(printJson({ week: plan.week, monday: plan.monday, asOf: plan.asOf, dir, files, sent, unreachable: unreachable.map((o) => ({ name: o.name, reason: o.unreachable })) }));
      return 0;
    }
    const lines: string[] = [];
    if (plan.messages.length === 0) lines.push(t(lang, 'remind.cliNothing'));
    else {
      lines.push(t(lang, 'remind.cliHead', { monday: formatDateVi(plan.monday), asOf: formatDateVi(plan.asOf), n: files.length, dir }));
      for (const f of files) lines.push(`  ${path.basename(f.file)}  ${f.to}`);
      if (unreachable.length > 0) lines.push(t(lang, 'remind.cliNoMail', { names: unreachable.map((o) => o.name).join(', ') }));
      if (plan.signer.email === '') lines.push(t(lang, 'remind.cliNoSigner', { name: plan.signer.name, sheet: SHEET_NAMES.people }));
      if (args.values.send) lines.push(t(lang, 'remind.cliSent', { n: sent, host: new URL(smtpUrl!).hostname }));
    }
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
