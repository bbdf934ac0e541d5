// The handlers behind `cchc serve`: the same server functions as in Sheets, on an .xlsx file that
// is saved after every call that writes, with the read-only view and report downloads.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { install } from '../../src/core/app/operations.ts';
import type { PreferenceStore } from '../../src/core/app/context.ts';
import type { Lang } from '../../src/core/model.ts';
import { fillSample } from '../../src/core/sample.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { createServeHandlers } from '../../src/node/serve-handlers.ts';
import type { ServeHandlers } from '../../src/node/serve.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';

const clock = { today: () => '2024-06-30', now: () => '2024-06-30T09:00:00+07:00' };

function memoryPrefs(): PreferenceStore {
  let lang: Lang | null = null;
  return { getLang: () => lang, setLang: (l) => void (lang = l) };
}

describe('cchc serve handlers', () => {
  let dir: string;
  let file: string;
  let handlers: ServeHandlers;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cchc-serve-'));
    file = path.join(dir, 'truong.xlsx');
    const book = XlsxWorkbook.create();
    install(localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock }), { lang: 'vi' });
    fillSample(book);
    // One wrong entry to find and mark: a completion date typed as 31/02.
    const grid = book.readSheet('Kế hoạch')!;
    const col = grid.values[0]!.indexOf('Hạn hoàn thành') + 1;
    book.writeBlock('Kế hoạch', 2, col, [['31/02/2024']]);
    await book.save(file);
    handlers = createServeHandlers({ file, outDir: path.join(dir, 'bao-cao'), prefs: memoryPrefs(), clock });
  });

  it('marks the problem on its cell, shows it in the view, saves it, and clears it', async () => {
    const marked = await handlers.markProblems({});
    expect(marked.marked).toBeGreaterThanOrEqual(1);
    const view = (await handlers.readSheets()).find((s) => s.name === 'Kế hoạch')!;
    const mark = view.marks?.find((m) => m.note.includes('31/02/2024'));
    expect(mark?.cell).toMatch(/^[A-Z]+2$/);
    // Saved: a fresh open of the file has the mark too.
    expect((await XlsxWorkbook.open(file)).markedCells('Kế hoạch').map((m) => m.cell)).toContain(mark!.cell);
    await handlers.clearMarks({});
    expect((await XlsxWorkbook.open(file)).markedCells('Kế hoạch')).toEqual([]);
  });

  it('marks problems in Thông tin too (a missing unit code at its value cell)', async () => {
    const info = (await handlers.readSheets()).find((s) => s.name === 'Thông tin')!;
    const row = info.rows.findIndex((r) => r[0] === 'Mã đơn vị') + 1;
    const book = await XlsxWorkbook.open(file);
    book.writeBlock('Thông tin', row, 2, [[null]]);
    await book.save(file);
    const fresh = createServeHandlers({ file, outDir: path.join(dir, 'bao-cao'), prefs: memoryPrefs(), clock });
    await fresh.markProblems({});
    expect((await XlsxWorkbook.open(file)).markedCells('Thông tin').map((m) => m.cell)).toContain(`B${row}`);
  });

  it('writes a report that downloads from the server, and logs it in the file', async () => {
    const r = await handlers.generateReport({ type: 'plan', date: '2024-01-15' });
    expect(r.number).toBe('01/KH-MNBT');
    expect(r.url).toMatch(/^\/download\/.+\.docx$/);
    const name = decodeURIComponent(r.url.slice('/download/'.length));
    const file_ = await handlers.download!(name);
    expect(file_?.contentType).toContain('wordprocessingml');
    expect(Buffer.from(file_!.body.slice(0, 2)).toString()).toBe('PK');
    // Only .docx files of the report folder are served: no way out of it.
    expect(await handlers.download!('../truong.xlsx')).toBeNull();
    const log = (await XlsxWorkbook.open(file)).readSheet('Nhật ký')!;
    expect(JSON.stringify(log.values.at(-1))).toContain(r.url);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('remembers the language through the preference store', async () => {
    expect((await handlers.getState({})).lang).toBe('vi');
    await handlers.setLanguage({ lang: 'en' });
    const state = await handlers.getState({});
    expect(state.lang).toBe('en');
    expect(state.summary?.milestones.every((m) => typeof m.label === 'string')).toBe(true);
  });
});

describe('getState before the unit is named', () => {
  it('gives an empty unit name, so the sidebar shows “(chưa có tên đơn vị)”, not a sheet name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-serve-'));
    const file = path.join(dir, 'moi.xlsx');
    const book = XlsxWorkbook.create();
    install(localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock }), { lang: 'vi' });
    await book.save(file);
    const handlers = createServeHandlers({ file, outDir: dir, prefs: memoryPrefs(), clock });
    const state = await handlers.getState({});
    expect(state.templateInstalled).toBe(true);
    expect(state.unit).toEqual({ code: '', name: '' });
  });
});
