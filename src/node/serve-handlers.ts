// The handlers behind `cchc serve`: the same server functions as in Sheets (createHandlers),
// backed by an .xlsx file that is saved after every call that writes, plus the read-only view of
// the sheets and the download of reports.
import { open } from 'node:fs/promises';
import { constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApiName } from '../core/api.ts';
import type { AppContext, PreferenceStore } from '../core/app/context.ts';
import { createHandlers } from '../core/app/handlers.ts';
import { isDateCell, isUncomputed, type RawCell } from '../core/ports.ts';
import type { Clock } from '../core/ports.ts';
import { localContext } from './app-context.ts';
import { safeFileName, writeDocx } from './docx-renderer.ts';
import type { ServeHandlers, SheetView } from './serve.ts';
import type { XlsxWorkbook } from './xlsx-workbook.ts';

/** Calls that change the workbook: it is saved after each. */
const WRITES: ReadonlySet<ApiName> = new Set(['installTemplate', 'markProblems', 'clearMarks', 'updateProgress', 'generateReport']);

const viewCell = (v: RawCell): string | number | boolean | null =>
  v === null || v === undefined ? null : isDateCell(v) ? v.date.split('-').reverse().join('/') : isUncomputed(v) ? `=${v.formula}` : v;

export interface ServeBacking {
  file: string;
  book: XlsxWorkbook;
  /** Where reports are written (served under /download/). */
  outDir: string;
  prefs: PreferenceStore;
  clock?: Clock;
}

export function createServeHandlers(backing: ServeBacking): ServeHandlers {
  const { book, file, outDir } = backing;
  mkdirSync(outDir, { recursive: true });
  const base = localContext(book, { outDir, prefs: backing.prefs, clock: backing.clock });
  // Reports are downloaded from this server, so their link is a path on it.
  const ctx: AppContext = {
    ...base,
    documents: {
      async createDocument(model, { name }) {
        const fileName = `${safeFileName(name)}.docx`;
        const full = await writeDocx(model, path.join(outDir, fileName));
        return { id: full, url: `/download/${encodeURIComponent(fileName)}`, name: fileName };
      },
    },
  };
  const api = createHandlers(ctx);
  const saving = Object.fromEntries(
    (Object.keys(api) as ApiName[]).map((name) => [
      name,
      async (input: never) => {
        const out = await (api[name] as (i: never) => unknown)(input);
        if (WRITES.has(name)) await book.save(file);
        return out;
      },
    ]),
  ) as unknown as ServeHandlers;
  return {
    ...saving,
    readSheets(): SheetView[] {
      return book.sheetNames().map((name) => {
        const grid = book.readSheet(name);
        return { name, rows: (grid?.values ?? []).map((row) => row.map(viewCell)), marks: book.markedCells(name) };
      });
    },
    async download(name) {
      if (!/\.docx$/i.test(name)) return null;
      // O_NOFOLLOW: a link planted in the folder (to /etc/passwd, say) is refused, not served.
      let handle;
      try {
        handle = await open(path.join(outDir, path.basename(name)), constants.O_RDONLY | constants.O_NOFOLLOW);
        if (!(await handle.stat()).isFile()) return null;
        const body = await handle.readFile();
        return { body: new Uint8Array(body), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
      } catch {
        return null;
      } finally {
        await handle?.close();
      }
    },
  };
}
