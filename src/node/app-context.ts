// The AppContext on a computer: an .xlsx file, .docx documents in a folder, the local clock.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import type { AppContext, PreferenceStore } from '../core/app/context.ts';
import type { Lang } from '../core/model.ts';
import type { Clock } from '../core/ports.ts';
import type { DocumentPort } from '../core/report/doc-model.ts';
import { StagedDocuments } from './files/documents.ts';
import { XlsxWorkbook } from './xlsx-workbook.ts';
import { systemClock } from './clock.ts';

/** A language fixed for one command (`--lang`). */
export const fixedLang = (lang: Lang): PreferenceStore => ({ getLang: () => lang, setLang: () => undefined });

/** The user's language kept in ~/.config/cchc/preferences.json (cchc serve remembers it). */
export function filePreferences(file = path.join(process.env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'cchc', 'preferences.json')): PreferenceStore {
  const read = (): { lang?: unknown } => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { lang?: unknown };
    } catch {
      return {};
    }
  };
  return {
    getLang: () => {
      const lang = read().lang;
      return lang === 'vi' || lang === 'en' ? lang : null;
    },
    setLang: (lang) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...read(), lang }, null, 2));
    },
  };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export interface LocalContextOptions {
  /** Where reports go (the workbook's folder by default). */
  outDir: string;
  prefs: PreferenceStore;
  clock?: Clock;
  /** Called when the user picks a cell (cchc serve highlights it in its page). */
  onSelect?: (sheet: string, a1: string) => void;
  /** Where documents go (default: a .docx per document in outDir). */
  documents?: DocumentPort;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';

export function localContext(book: XlsxWorkbook, opts: LocalContextOptions): AppContext {
  let busy = false;
  return {
    workbook: book,
    clock: opts.clock ?? systemClock(),
    documents: opts.documents ?? new StagedDocuments({ dir: opts.outDir, replace: false, immediate: true }),
    prefs: opts.prefs,
    user: osUser,
    selectCell: (sheet, a1) => opts.onSelect?.(sheet, a1),
    withLock(fn) {
      // One process, one workbook: a second request while a write runs is told "busy". The lock
      // is held until asynchronous work settles (a report renders its document, then takes its
      // number): released at the return, two reports would both read number 01.
      // Across processes, the file's own lock does this (files/workbook-file.ts withWorkbookFile).
      if (busy) return { ran: false };
      busy = true;
      let value;
      try {
        value = fn();
      } catch (e) {
        busy = false;
        throw e;
      }
      if (!isThenable(value)) {
        busy = false;
        return { ran: true, value };
      }
      const settled = Promise.resolve(value).finally(() => {
        busy = false;
      });
      return { ran: true, value: settled as unknown as typeof value };
    },
  };
}
