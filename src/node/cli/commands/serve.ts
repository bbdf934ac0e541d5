// cchc serve [FILE.xlsx] [--port 8080]: the real sidebar in a browser, against the file.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installSample } from '../../../core/app/operations.ts';
import { fixedLang, filePreferences, localContext } from '../../app-context.ts';
import { startServer } from '../../serve.ts';
import { createServeHandlers } from '../../serve-handlers.ts';
import { XlsxWorkbook } from '../../xlsx-workbook.ts';
import { InputError, UsageError } from '../errors.ts';
import type { Command } from '../command.ts';
import { openWorkbook, outDirOf } from '../shared.ts';

/** With no file, a fresh copy of the sample school in the temp folder. */
async function sampleFile(): Promise<string> {
  const file = path.join(tmpdir(), 'cchc-mau-ben-thanh.xlsx');
  if (existsSync(file)) return file;
  const book = XlsxWorkbook.create();
  installSample(localContext(book, { outDir: tmpdir(), prefs: fixedLang('vi') }), { lang: 'vi' });
  await book.save(file);
  return file;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [FILE.xlsx] [--port 8080]',
  summary: {
    vi: 'mở bảng điều khiển thật trong trình duyệt, làm việc trên tệp (không cần tài khoản Google)',
    en: 'serves the real sidebar in a browser against the file (no Google account needed)',
  },
  options: { port: { type: 'string', hint: '8080', help: { vi: 'cổng (mặc định 8080; 0 = cổng trống bất kỳ)', en: 'port (default 8080; 0 = any free port)' } } },
  async run(args, io) {
    const vi = args.lang === 'vi';
    const port = args.values.port === undefined ? 8080 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(vi ? '--port cần một số từ 0 đến 65535' : '--port takes a number from 0 to 65535');
    const file = args.positionals[0] ?? (await sampleFile());
    const book = await openWorkbook(file, args.lang);
    const handlers = createServeHandlers({ file, book, outDir: path.join(outDirOf(file), 'cchc-bao-cao'), prefs: filePreferences() });
    let server;
    try {
      server = await startServer({ file, port, handlers, onError: (e) => io.stderr(`cchc serve: ${(e as Error)?.stack ?? e}\n`) });
    } catch (e) {
      // A second `cchc serve`, or another program, already holds the port: say which option helps.
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        throw new InputError(vi ? `Không mở được cổng ${port} (${code}): cổng đang được dùng hoặc không được phép. Chọn cổng khác, ví dụ --port ${port === 8080 ? 8081 : 0}.` : `Cannot open port ${port} (${code}): it is in use or not allowed. Choose another, e.g. --port ${port === 8080 ? 8081 : 0}.`);
      }
      throw e;
    }
    io.stdout(vi ? `CCHC đang chạy tại ${server.url} với tệp ${file}\nNhấn Ctrl+C để dừng.\n` : `CCHC is running at ${server.url} on ${file}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
