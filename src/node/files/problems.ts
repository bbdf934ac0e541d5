// What can stop a workbook or document file from being read or written, as one line a user can
// act on, in Vietnamese and English. The CLI turns a FileProblem into exit code 2 (shared.ts);
// `cchc serve` can show `message(lang)` as it is.
import type { Lang } from '../../core/model.ts';

export type FileProblemCode =
  | 'LOCKED'
  | 'READ_ONLY'
  | 'NOT_A_FILE'
  | 'EXISTS'
  | 'TOO_LARGE'
  | 'CELL_OVER_EXCEL_LIMIT'
  | 'UNKEPT_PARTS'
  | 'NOT_KEPT_ON_SAVE';

export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    readonly code: FileProblemCode,
    readonly vi: string,
    readonly en: string,
    readonly path: string,
  ) {
    super(`${vi} / ${en}`);
  }
  text(lang: Lang): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

/** 1234567 → `1.234.567` (vi) or `1,234,567` (en). */
export function count(n: number, lang: Lang): string {
  const s = String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return s;
}

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
