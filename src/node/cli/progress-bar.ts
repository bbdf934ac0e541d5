// A one-line progress bar on stderr for long work (the CLI contract (README)): shown only when stdout is a
// terminal, so a pipe or a file gets nothing but the command's output.
import type { Lang } from '../../core/model.ts';
import type { CommandIO } from './command.ts';

export interface Steps {
  /** Start the step with this label (in the user's language). */
  step(label: Record<Lang, string>): void;
  /** Clear the line. */
  done(): void;
}

const WIDTH = 20;

export function progressSteps(io: CommandIO, lang: Lang, total: number): Steps {
  if (!io.isTTY) return { step: () => undefined, done: () => undefined };
  let current = 0;
  return {
    step(label) {
      current = Math.min(total, current + 1);
      const filled = Math.round((WIDTH * (current - 1)) / total);
      io.stderr(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${current}/${total} ${label[lang]}…`);
    },
    done() {
      io.stderr('\r\x1b[K');
    },
  };
}

export const STEP = {
  read: { vi: 'Đọc tệp', en: 'Reading the file' },
  compute: { vi: 'Tính số liệu', en: 'Computing the figures' },
  write: { vi: 'Ghi kết quả', en: 'Writing the results' },
  document: { vi: 'Viết văn bản', en: 'Writing the document' },
  save: { vi: 'Lưu tệp', en: 'Saving the file' },
  pdf: { vi: 'Chuyển sang PDF', en: 'Converting to PDF' },
} as const;
