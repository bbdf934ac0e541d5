// cchc serve [FILE.xlsx] [--port 8080]: the real sidebar in a browser, against the file.
import { lazyRun, type Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [FILE.xlsx] [--port 8080]',
  summary: {
    vi: 'mở bảng điều khiển thật trong trình duyệt, làm việc trên tệp (không cần tài khoản Google)',
    en: 'serves the real sidebar in a browser against the file (no Google account needed)',
  },
  options: { port: { type: 'string', hint: '8080', help: { vi: 'cổng (mặc định 8080; 0 = cổng trống bất kỳ)', en: 'port (default 8080; 0 = any free port)' } } },
  run: lazyRun(() => import('./serve.run.ts')),
};
