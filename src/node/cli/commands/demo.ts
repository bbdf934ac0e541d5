// cchc demo (npm start): the main job end to end on the embedded sample school. Creates the
// workbook, checks it, computes and writes the progress, writes the three reports, and prints
// what it did. Everything goes to out/demo/.
import { lazyRun, type Command } from '../command.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--out DIR]',
  summary: {
    vi: 'chạy thử toàn bộ trên trường mẫu: tạo bảng tính, kiểm tra, tính tiến độ, viết báo cáo',
    en: 'runs the whole job on the sample school: workbook, check, progress, reports',
  },
  options: { out: { type: 'string', hint: 'DIR', help: { vi: 'thư mục kết quả (mặc định out/demo)', en: 'output folder (default out/demo)' } } },
  run: lazyRun(() => import('./demo.run.ts')),
};
