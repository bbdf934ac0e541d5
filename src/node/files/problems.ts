// What can stop a workbook or document file from being read or written, as one line a user can
// act on: a message of the catalogue's `files` area (core/messages/files.ts). The CLI turns a
// FileProblem into exit code 2 (shared.ts); `cchc serve` can show `text(lang)` as it is.
import { t, type MessageKey, type MessageParams } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import { countIn } from '../../core/numbers.ts';

export type FileProblemCode =
  | 'LOCKED'
  | 'READ_ONLY'
  | 'NOT_A_FILE'
  | 'EXISTS'
  | 'TOO_LARGE'
  | 'CELL_OVER_EXCEL_LIMIT'
  | 'UNKEPT_PARTS'
  | 'NOT_KEPT_ON_SAVE';

/** A message's parameters, or, when some are said differently by language (counts), a function of it. */
export type ProblemParams = MessageParams | ((lang: Lang) => MessageParams);

const say = (lang: Lang, key: MessageKey, params: ProblemParams): string => t(lang, key, typeof params === 'function' ? params(lang) : params);

export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    readonly code: FileProblemCode,
    readonly key: MessageKey,
    readonly params: ProblemParams,
    readonly path: string,
  ) {
    super(`${say('vi', key, params)} / ${say('en', key, params)}`);
  }
  text(lang: Lang): string {
    return say(lang, this.key, this.params);
  }
}

/** 1234567 → `1.234.567` (vi) or `1,234,567` (en). */
export const count = (n: number, lang: Lang): string => countIn(lang, n);

/** A name from the file (a sheet's name, a part's path) as it may stand in a message: short. */
export function shortName(s: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f]+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Megabytes as a message says them: whole from 10 MB, else with one decimal (`0.5`). */
export const mb = (bytes: number): string => {
  const v = bytes / (1024 * 1024);
  return v >= 10 ? String(Math.ceil(v)) : String(Math.ceil(v * 10) / 10);
};
