// cchc serve [FILE.xlsx] [--port 8080]: the real sidebar in a browser, against the file.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installSample } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { fixedLang, filePreferences, localContext } from '../../app-context.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { InputError, UsageError } from '../errors.ts';
import type { Command } from '../command.ts';
import { openWorkbook, outDirOf } from '../shared.ts';

/**
 * With no file, a fresh copy of the sample school in a folder of its own that only this user can
 * open (mkdtemp, mode 700): never a fixed name in the shared temp folder, where another local user
 * could plant a link that serve would then read from or write through.
 */
async function sampleFile(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-mau-'));
  chmodSync(dir, 0o700);
  const file = path.join(dir, 'truong-mam-non-ben-thanh.xlsx');
  const book = XlsxWorkbook.create();
  installSample(localContext(book, { outDir: dir, prefs: fixedLang('vi') }), { lang: 'vi' });
  await book.save(file);
  return file;
}

/** An unexpected error, as one line: its kind and first line, never a stack. */
export const oneLineError = (e: unknown): string => {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0]!.slice(0, 300);
};

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [FILE.xlsx] [--port 8080]',
  summary: {
    vi: 'mở bảng điều khiển thật trong trình duyệt, làm việc trên tệp (không cần tài khoản Google)',
    en: 'serves the real sidebar in a browser against the file (no Google account needed)',
  },
  options: { port: { type: 'string', hint: '8080', help: { vi: 'cổng (mặc định 8080; 0 = cổng trống bất kỳ)', en: 'port (default 8080; 0 = any free port)' } } },
  async run(args, io) {
    const lang = args.lang;
    const port = args.values.port === undefined ? 8080 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t(lang, 'cli.badPort'));
    const file = args.positionals[0] ?? (await sampleFile());
    // Refuse a file that cannot be used before the server starts (one line, exit 2).
    await openWorkbook(file, lang);
    // The server and its schemas (zod) load here, not with every cchc command.
    const [{ startServer }, { createServeHandlers }] = await Promise.all([import('../../serve.ts'), import('../../serve-handlers.ts')]);
    const handlers = createServeHandlers({ file, outDir: path.join(outDirOf(file), 'cchc-bao-cao'), prefs: filePreferences() });
    let server;
    try {
      server = await startServer({ file, port, handlers, onError: (e) => io.stderr(`cchc serve: ${t(lang, 'cli.unexpectedError')}: ${oneLineError(e)}\n`) });
    } catch (e) {
      // A second `cchc serve`, or another program, already holds the port: say which option helps.
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        throw new InputError(t(lang, 'cli.portUnavailable', { port, code, other: port === 8080 ? 8081 : 0 }));
      }
      throw e;
    }
    io.stdout(`${t(lang, 'cli.serveRunning', { url: server.url, file })}\n${t(lang, 'cli.serveStop')}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
