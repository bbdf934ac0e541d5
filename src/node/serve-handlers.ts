// The handlers behind `cchc serve`: the same server functions as in Sheets (createHandlers), over
// the .xlsx FILE, never over a copy kept in memory. Every call reads the file as it is on disk;
// a call that writes does it under the file's write lock (files/workbook-file.ts), so the CLI and
// serve never overwrite each other, and when Excel or Calc saved the file meanwhile the call is
// run again on what they saved: the user's edit survives and the click lands on top of it.
// Reports are staged and put in place only once the workbook holding their number is saved.
import { constants } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { API_NAMES, type ApiName } from '../core/api.ts';
import type { AppContext, PreferenceStore } from '../core/app/context.ts';
import { createHandlers } from '../core/app/handlers.ts';
import type { Lang } from '../core/model.ts';
import { isDateCell, isUncomputed, type RawCell } from '../core/ports.ts';
import type { Clock } from '../core/ports.ts';
import { localContext } from './app-context.ts';
import { StagedDocuments } from './files/documents.ts';
import { FileProblem } from './files/problems.ts';
import { ChangedMeanwhile, openWorkbookFile, withWorkbookFile } from './files/workbook-file.ts';
import type { ServeHandlers, SheetView } from './serve.ts';
import type { XlsxWorkbook } from './xlsx-workbook.ts';
import { ApiFailure } from '../core/api.ts';
import { WorkbookOpenError } from './xlsx-workbook.ts';
import { TemplateProblem } from '../core/app/operations.ts';
import { t } from '../core/i18n.ts';
import { systemClock } from './clock.ts';
import { LocalDistrictRefresh } from './district/local-refresh.ts';

/** Calls that change the workbook: run under its lock, on a fresh read, then saved. */
const WRITES: ReadonlySet<ApiName> = new Set(['installTemplate', 'markProblems', 'clearMarks', 'updateProgress', 'generateReport']);
/** How often a write is run again when another program saved the file meanwhile. */
const RETRIES_IF_CHANGED = 3;

const viewCell = (v: RawCell): string | number | boolean | null =>
  v === null || v === undefined ? null : isDateCell(v) ? v.date.split('-').reverse().join('/') : isUncomputed(v) ? `=${v.formula}` : v;

export interface ServeBacking {
  file: string;
  /** Where reports are written (served under /download/). */
  outDir: string;
  prefs: PreferenceStore;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
}

/** A file that cannot be read or written, as a message the user acts on (not SERVER). */
function userFailure(e: unknown, lang: Lang): never {
  if (e instanceof FileProblem || e instanceof ChangedMeanwhile || e instanceof WorkbookOpenError) throw new ApiFailure('FILE', e.text(lang));
  throw e;
}

export function createServeHandlers(backing: ServeBacking): ServeHandlers {
  const { file, outDir } = backing;
  mkdirSync(outDir, { recursive: true });
  const lang = (): Lang => backing.prefs.getLang() ?? 'vi';
  const contextFor = (book: XlsxWorkbook, documents?: StagedDocuments): AppContext =>
    localContext(book, { outDir, prefs: backing.prefs, clock: backing.clock, documents });

  const call = async (name: ApiName, input: never): Promise<unknown> => {
    if (!WRITES.has(name)) {
      const book = await openWorkbookFile(file, { env: backing.env }).catch((e: unknown) => userFailure(e, lang()));
      return (createHandlers(contextFor(book))[name] as (i: never) => unknown)(input);
    }
    // Reports are downloaded from this server, so their link is a path on it.
    let documents = new StagedDocuments({ dir: outDir, replace: false, url: (_full, fileName) => `/download/${encodeURIComponent(fileName)}` });
    try {
      return await withWorkbookFile(file, (book) => (createHandlers(contextFor(book, documents))[name] as (i: never) => unknown)(input), {
        lang: lang(),
        env: backing.env,
        what: 'cchc serve',
        retryIfChanged: RETRIES_IF_CHANGED,
        onRetry: async () => {
          await documents.discard();
          documents = new StagedDocuments({ dir: outDir, replace: false, url: (_full, fileName) => `/download/${encodeURIComponent(fileName)}` });
        },
        afterSave: () => documents.commit(),
      });
    } catch (e) {
      await documents.discard();
      return userFailure(e, lang());
    }
  };

  // The district's refresh: cchc aggregate's run on the list's local files, in steps (district/local-refresh.ts).
  const district = new LocalDistrictRefresh({
    file,
    env: backing.env ?? process.env,
    now: () => (backing.clock ?? systemClock(backing.env)).now(),
    openContext: async () => contextFor(await openWorkbookFile(file, { env: backing.env }).catch((e: unknown) => userFailure(e, lang()))),
  });
  const districtCall = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof TemplateProblem) throw new ApiFailure(e.code, e.message);
      throw e;
    }
  };
  const noPicker = (): never => {
    throw new ApiFailure('NOT_AVAILABLE', t(lang(), 'district.pickerOnlyInSheets'));
  };

  const handlers = Object.fromEntries(API_NAMES.map((name) => [name, (input: never) => call(name, input)])) as unknown as ServeHandlers;
  return {
    ...handlers,
    districtState: () => districtCall(() => district.state(lang())),
    districtRefresh: ({ full }) => districtCall(() => district.step(lang(), { ...(full ? { full } : {}) })),
    // The schools are local files: nothing to choose them with.
    pickerConfig: noPicker,
    showPicker: noPicker,
    async readSheets(): Promise<SheetView[]> {
      const book = await openWorkbookFile(file, { env: backing.env }).catch((e: unknown) => userFailure(e, lang()));
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
