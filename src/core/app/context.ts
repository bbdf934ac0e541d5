// What an operation needs from the shell it runs in. Apps Script (src/gas/context.ts) and Node
// (src/node/app-context.ts) each build one; the operations and the sidebar's handlers are the
// same code in both.
import type { Lang } from '../model.ts';
import type { Clock, WorkbookPort } from '../ports.ts';
import type { DocumentPort } from '../report/doc-model.ts';

export interface PreferenceStore {
  /** The user's remembered language, or null when never chosen. */
  getLang(): Lang | null;
  setLang(lang: Lang): void;
}

export interface AppContext {
  workbook: WorkbookPort;
  clock: Clock;
  documents: DocumentPort;
  prefs: PreferenceStore;
  /** Who runs the operation (an e-mail in Sheets, the OS user locally); '' when unknown. */
  user(): string;
  /** Show the user a cell (Sheets: activate it). Locally the page highlights it by itself. */
  selectCell(sheet: string, a1: string): void;
  /**
   * Run `fn` holding the workbook's lock, so two people pressing a button at once do not write
   * over each other; returns null when another run holds it (the caller says "busy").
   */
  withLock<T>(fn: () => T): { ran: true; value: T } | { ran: false };
  /**
   * The spreadsheet's ID (Sheets); absent where the workbook is a file (`cchc serve`). `Năm mới`
   * tells the original from its copy by it (app/rollover.ts).
   */
  fileId?(): string;
}
