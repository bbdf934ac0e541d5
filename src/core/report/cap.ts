// Long lists in a document are capped, each with a line saying how many items were left out and
// which sheet holds them all. A school with thousands of tasks would otherwise get a document
// nobody reads and that Google Docs cannot hold: a Google Doc holds up to 1.02 million
// characters (support.google.com/drive/answer/37603); a 10,000-task plan printed whole is about
// 2.3 million. The caps keep every document well below that, whichever renderer draws it (the
// .docx says the same as the Google Doc).
//
// Each list (a bulleted list, a table's rows, the plan's numbered tasks) prints its first items
// while they stay within LIST_MAX_ITEMS and LIST_MAX_CHARS, and all lists of a document share
// DOCUMENT_LIST_CHARS; a list of at most LIST_ALWAYS_WHOLE items (the summary tables, a signer's
// recipients) is never cut. A usual school (tens to hundreds of tasks) never meets a cap.

import { SHEET_NAMES } from '../contract/index.ts';
import { para, run, type Block, type BulletsBlock, type DocModel, type Run, type TableBlock } from './doc-model.ts';

export const LIST_MAX_ITEMS = 500;
export const LIST_MAX_CHARS = 150_000;
export const DOCUMENT_LIST_CHARS = 600_000;
export const LIST_ALWAYS_WHOLE = 50;

/** What the capped lists of one document may still print, characters. */
export interface ListBudget {
  chars: number;
}
export const listBudget = (): ListBudget => ({ chars: DOCUMENT_LIST_CHARS });

/** How many of the first items fit (`sizes` in characters), and take them from the budget. */
export function fitCount(sizes: readonly number[], budget: ListBudget): number {
  if (sizes.length <= LIST_ALWAYS_WHOLE) {
    budget.chars -= sizes.reduce((a, b) => a + b, 0);
    return sizes.length;
  }
  let n = 0;
  let chars = 0;
  const room = Math.min(LIST_MAX_CHARS, Math.max(0, budget.chars));
  for (const size of sizes) {
    if (n >= LIST_MAX_ITEMS || chars + size > room) break;
    chars += size;
    n += 1;
  }
  budget.chars -= chars;
  return n;
}

const runsLength = (runs: readonly Run[]): number => runs.reduce((n, r) => n + r.text.length, 0);

/** The line closing a capped list (document text: always Vietnamese). */
export const moreLine = (omitted: number, sheet: string): string => `… và ${omitted} mục khác: danh sách đầy đủ ở trang “${sheet}” của bảng tính.`;

/** The note under a capped table. */
export const tableCapNote = (shown: number, total: number, sheet: string): string =>
  `Bảng trên liệt kê ${shown} trong tổng số ${total} dòng; danh sách đầy đủ ở trang “${sheet}” của bảng tính.`;

function capBullets(b: BulletsBlock, budget: ListBudget, sheet: string): BulletsBlock {
  const keep = fitCount(b.items.map(runsLength), budget);
  if (keep === b.items.length) return b;
  return { ...b, items: [...b.items.slice(0, keep), [run(moreLine(b.items.length - keep, sheet), { italic: true })]] };
}

function capTable(t: TableBlock, budget: ListBudget, sheet: string): Block[] {
  const keep = fitCount(t.rows.map((r) => r.reduce((n, c) => n + runsLength(c.runs), 0)), budget);
  if (keep === t.rows.length) return [t];
  const capped: TableBlock = { ...t, rows: t.rows.slice(0, keep) };
  return [capped, para([run(tableCapNote(keep, t.rows.length, sheet), { italic: true })], { indent: false })];
}

/** The sheet a report's long lists come from. */
export const listSheet = (type: DocModel['meta']['type']): string => (type === 'initiatives' ? SHEET_NAMES.initiatives : SHEET_NAMES.tasks);

/** Every bulleted list and table of `model` capped, sharing one budget (short ones are unchanged). */
export function capLongLists(model: DocModel, budget: ListBudget = listBudget()): DocModel {
  const sheet = listSheet(model.meta.type);
  const blocks: Block[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'bullets') blocks.push(capBullets(b, budget, sheet));
    else if (b.kind === 'table') blocks.push(...capTable(b, budget, sheet));
    else blocks.push(b);
  }
  return { ...model, blocks };
}
