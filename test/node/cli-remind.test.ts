// `cchc remind`: one .eml per recipient, parsed back (UTF-8 subjects intact), `--send` through a
// real SMTP server started here (smtp-server), bad input exit 2, the workbook never changed.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { HA, HANG, REMIND_AS_OF, fillRemindSchool } from '../fixtures/remind-school.ts';
import { run, tempDir } from './cli-helpers.ts';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, 'truong.xlsx');
  const book = XlsxWorkbook.create();
  fillRemindSchool(book, { reminders: false }); // the setting governs Google's sending, not this command
  await book.save(file);
});

describe('cchc remind', () => {
  it('writes one .eml per recipient; parsed back, the Vietnamese subject and body are intact', async () => {
    const before = readFileSync(file);
    const out = path.join(dir, 'eml');
    const r = await run(['remind', file, '--as-of', '03/07/2024', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nhắc việc tuần 01/07/2024 (tính đến 03/07/2024): 3 thư');
    expect(r.out).toContain('Không gửi thư cho: Lê Văn Bình, Phạm Thị Lan, Tổ Lá');
    const names = readdirSync(out).sort();
    expect(names).toEqual(['01-nguyen-mai-hang.eml', '02-tran-thu-ha.eml', '03-tong-hop.eml']);
    const ha = await simpleParser(readFileSync(path.join(out, '02-tran-thu-ha.eml')));
    expect(ha.subject).toBe('[CCHC] Nhắc việc tuần 01/07/2024');
    expect(ha.to && !Array.isArray(ha.to) ? ha.to.value.map((a) => [a.name, a.address]) : null).toEqual([['Trần Thu Hà', HA]]);
    expect(ha.text).toContain('1. Rà soát quy chế\n   Hạn 28/06/2024: quá hạn 5 ngày');
    const summary = await simpleParser(readFileSync(path.join(out, '03-tong-hop.eml')));
    expect(summary.subject).toBe('[CCHC] Nhắc việc tuần 01/07/2024: tổng hợp');
    expect(summary.text).toContain('• Phạm Thị Lan: email trong "Nhân sự" không hợp lệ, không gửi được thư');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('--json names the files and the owners no message reaches', async () => {
    const r = await run(['remind', file, '--as-of', REMIND_AS_OF, '--out', path.join(dir, 'json'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.week).toBe('2024-W27');
    expect(j.files.map((f: { to: string; kind: string }) => [f.kind, f.to])).toEqual([['owner', HANG], ['owner', HA], ['summary', HANG]]);
    expect(j.unreachable).toEqual([{ name: 'Lê Văn Bình', reason: 'noEmail' }, { name: 'Phạm Thị Lan', reason: 'invalidEmail' }, { name: 'Tổ Lá', reason: 'notListed' }]);
  });

  it('says so and writes nothing when nothing is due', async () => {
    const out = path.join(dir, 'none');
    const r = await run(['remind', file, '--as-of', '20/05/2024', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Không ai có việc quá hạn hoặc đến hạn trong 7 ngày tới');
    expect(() => statSync(out)).toThrow();
  });

  describe('--send', () => {
    const received: { from: string; to: string[]; raw: Buffer }[] = [];
    let server: SMTPServer;
    let port = 0;
    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      port = (server.server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('delivers each message to its recipient through CCHC_SMTP_URL', async () => {
      const r = await run(['remind', file, '--as-of', '03/07/2024', '--out', path.join(dir, 'sent'), '--send'], {
        CCHC_SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        CCHC_MAIL_FROM: 'cchc@mnbenthanh.edu.vn',
      });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Đã gửi 3 thư qua 127.0.0.1.');
      expect(received.map((m) => m.to)).toEqual([[HANG], [HA], [HANG]]);
      expect(received.every((m) => m.from === 'cchc@mnbenthanh.edu.vn')).toBe(true);
      const parsed = await Promise.all(received.map((m) => simpleParser(m.raw)));
      expect(parsed.map((p) => p.subject)).toEqual(['[CCHC] Nhắc việc tuần 01/07/2024', '[CCHC] Nhắc việc tuần 01/07/2024', '[CCHC] Nhắc việc tuần 01/07/2024: tổng hợp']);
      expect(parsed[1]!.text).toContain('Kính gửi Trần Thu Hà,');
    });

    it('without CCHC_SMTP_URL: one line, exit 2, nothing written', async () => {
      const env = { CCHC_SMTP_URL: '' };
      const r = await run(['remind', file, '--as-of', '03/07/2024', '--out', path.join(dir, 'nosmtp'), '--send'], env);
      expect(r.code).toBe(2);
      expect(r.err).toBe('cchc remind: --send cần biến môi trường CCHC_SMTP_URL (ví dụ smtp://user:pass@smtp.example.com:587).\n');
      expect(() => statSync(path.join(dir, 'nosmtp'))).toThrow();
    });
  });

  it('bad input is one line on stderr and exit 2', async () => {
    const notXlsx = path.join(dir, 'not.xlsx');
    writeFileSync(notXlsx, 'not a workbook');
    for (const argv of [['remind', notXlsx], ['remind', path.join(dir, 'missing.xlsx')], ['remind', file, '--as-of', '31/02/2024'], ['remind']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.out).toBe('');
    }
  });
});
