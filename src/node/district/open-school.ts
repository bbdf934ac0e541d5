// One school's file for the district, as the file system answers: its stamp (what says it
// changed), and an opening for the core's readSchoolForDistrict: the workbook (opened read-only,
// through the CLI's own .xlsx adapter), or why not. Never throws for anything a file may be.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SHEET_NAMES } from '../../core/contract/index.ts';
import type { SchoolOpening } from '../../core/district/school.ts';
import { t } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import { isoAt } from '../clock.ts';
import { FileProblem } from '../files/problems.ts';
import type { Limits } from '../files/scan.ts';
import { SHEETS_THE_READER_SKIPS } from '../files/workbook-file.ts';
import { WorkbookOpenError, XlsxWorkbook } from '../xlsx-workbook.ts';

/** A local file's stamp: its modification time and size (`mtimeMs:size`). */
export const stampOf = (s: Stats): string => `${s.mtimeMs}:${s.size}`;

/** The file's stamp now, or null when it cannot be looked at. */
export async function stampOfFile(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? stampOf(s) : null;
  } catch {
    return null;
  }
}

export interface OpenedSchool {
  opening: SchoolOpening;
  /** The stamp taken before the read (null: not a file that could be looked at). */
  stamp: string | null;
  /** The file is a district workbook (it has `Danh sách đơn vị`), not a school's. */
  district: boolean;
}


const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;
const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR']);
const NO_ACCESS = new Set(['EACCES', 'EPERM']);
/** What a file error says, short, for the message (the parser's complaint is English and may be long). */
const short = (s: string): string => (s.length > 160 ? `${s.slice(0, 159)}…` : s);

function failed(status: 'noAccess' | 'notFound' | 'unreadable', detail: string, changedAt: string | null = null): SchoolOpening {
  return { kind: 'failed', status, detail: short(detail), changedAt };
}

export async function openSchoolFile(file: string, o: { limits: Limits; lang: Lang; shown?: string }): Promise<OpenedSchool> {
  let s: Stats;
  try {
    s = await stat(file);
  } catch (e) {
    const code = errnoOf(e);
    const status = code && NOT_FOUND.has(code) ? 'notFound' : code && NO_ACCESS.has(code) ? 'noAccess' : 'unreadable';
    return { opening: failed(status, code ?? String(e)), stamp: null, district: false };
  }
  const stamp = s.isFile() ? stampOf(s) : null;
  const changedAt = isoAt(s.mtime);
  if (!s.isFile()) return { opening: failed('unreadable', t(o.lang, 'district.notAFile'), changedAt), stamp, district: false };
  try {
    const book = await XlsxWorkbook.open(file, { limits: o.limits, shown: o.shown ?? file, readOnly: true, unreadSheets: SHEETS_THE_READER_SKIPS });
    return { opening: { kind: 'workbook', port: book, changedAt }, stamp, district: book.sheetNames().includes(SHEET_NAMES.units) };
  } catch (e) {
    if (e instanceof WorkbookOpenError) {
      const code = errnoOf(e.cause);
      if (e.reason === 'notFound') return { opening: failed('notFound', code ?? 'ENOENT', changedAt), stamp, district: false };
      if (code && NO_ACCESS.has(code)) return { opening: failed('noAccess', code, changedAt), stamp, district: false };
      const cause = e.cause instanceof Error ? e.cause.message : (code ?? e.reason);
      return { opening: failed('unreadable', cause, changedAt), stamp, district: false };
    }
    // Past a cap (files/scan.ts): the file is not read; its one line says which cap.
    if (e instanceof FileProblem) return { opening: failed('unreadable', e.text(o.lang), changedAt), stamp, district: false };
    return { opening: failed('unreadable', e instanceof Error ? e.message : String(e), changedAt), stamp, district: false };
  }
}
