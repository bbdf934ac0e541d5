// A one-line progress bar on stderr for long work (the CLI contract (README)): shown only when stdout is a
// terminal, so a pipe or a file gets nothing but the command's output.
import type { Lang } from '../../core/model.ts';
import type { CommandIO } from './command.ts';
import { t } from '../../core/i18n.ts';

export interface Steps {
  /** Start the step with this label (in the user's language). */
  step(label: StepKey): void;
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
      io.stderr(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${current}/${total} ${t(lang, `cli.${label}`)}…`);
    },
    done() {
      io.stderr('\r\x1b[K');
    },
  };
}

/** The steps a long command shows, by their key in the catalogue's `cli.` area. */
export const STEP = { read: 'stepRead', compute: 'stepCompute', write: 'stepWrite', document: 'stepDocument', save: 'stepSave', pdf: 'stepPdf' } as const;
export type StepKey = (typeof STEP)[keyof typeof STEP];
