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

export interface CountBar {
  /** `done` of the total are finished; `label` says what is being done now (the school being read). */
  show(done: number, label: string): void;
  /** Clear the line. */
  done(): void;
}

/** A bar over a count of items (cchc aggregate's schools), on stderr, only on a terminal. */
export function progressCount(io: CommandIO, total: number): CountBar {
  if (!io.isTTY || total === 0) return { show: () => undefined, done: () => undefined };
  return {
    show(done, label) {
      const filled = Math.round((WIDTH * Math.min(done, total)) / total);
      const text = label.length > 50 ? `${label.slice(0, 49)}…` : label;
      io.stderr(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} ${text}…`);
    },
    done() {
      io.stderr('\r\x1b[K');
    },
  };
}
