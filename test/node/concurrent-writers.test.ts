// Several writers on one workbook at once, as real processes: reports three at a time, progress
// --write beside reports, a writer that has to wait too long, a lock left by a killed process,
// and two writes inside one process (what `cchc serve` does) through withWorkbookFile.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/app/handlers.ts';
import { generateReport } from '../../src/core/app/operations.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { StagedDocuments } from '../../src/node/files/documents.ts';
import { withWorkbookFile } from '../../src/node/files/workbook-file.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { cchc, exited, holdLock, inBatches, leftovers, tempDir } from './bin-helpers.ts';
import { copyTo, dump, lines, run } from './cli-helpers.ts';

let dir: string;
let SAMPLE: string;
beforeAll(async () => {
  dir = tempDir('cchc-concurrent-');
  SAMPLE = path.join(dir, 'mau.xlsx');
  expect((await run(['init', SAMPLE, '--sample'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `Nhật ký` rows (row numbers) with something in them. */
async function logRows(file: string): Promise<string[][]> {
  const log = (await dump(file)).get('Nhật ký')!;
  const rows = new Map<number, string[]>();
  for (const [a1, v] of log) {
    const row = Number(a1.replace(/^[A-Z]+/, ''));
    if (row > 1) rows.set(row, [...(rows.get(row) ?? []), v]);
  }
  return [...rows.values()];
}

function ownFolder(name: string): { folder: string; file: string } {
  const folder = path.join(dir, name);
  const file = copyTo(dir, SAMPLE, `${name}.xlsx`);
  // Reports go beside their workbook: one folder per test.
  rmSync(folder, { recursive: true, force: true });
  const moved = path.join(folder, 'truong.xlsx');
  mkdirSync(folder, { recursive: true });
  renameSync(file, moved);
  return { folder, file: moved };
}

describe('writers in separate processes take turns', () => {
  it('6 reports, 3 at a time, on one file: 6 distinct numbers, 6 log rows, 6 distinct .docx files', async () => {
    const { folder, file } = ownFolder('six-reports');
    const before = (await logRows(file)).length;
    const runs = await inBatches(
      Array.from({ length: 6 }, (_, i) => () => cchc(['report', file, '--type', i % 2 ? 'plan' : 'quarterly', '--json'])),
      3,
    );
    for (const r of runs) expect(r, r.err).toMatchObject({ code: 0, err: '' });
    const docs = runs.map((r) => JSON.parse(r.out) as { number: string; file: string });
    const numbers = docs.map((d) => d.number);
    expect(new Set(numbers).size).toBe(6);
    // Per kind, the numbers are exactly 01, 02, 03: none skipped, none twice.
    expect(numbers.filter((n) => n.endsWith('/KH-MNBT')).sort()).toEqual(['01/KH-MNBT', '02/KH-MNBT', '03/KH-MNBT']);
    expect(numbers.filter((n) => n.endsWith('/BC-MNBT')).sort()).toEqual(['01/BC-MNBT', '02/BC-MNBT', '03/BC-MNBT']);
    expect(new Set(docs.map((d) => d.file)).size).toBe(6);
    for (const d of docs) expect(readFileSync(d.file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(folder).filter((f) => f.endsWith('.docx'))).toHaveLength(6);
    const log = await logRows(file);
    expect(log.length - before).toBe(6);
    for (const n of numbers) expect(log.some((row) => row.some((v) => v.includes(n))), n).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  }, 180_000);

  it('progress --write beside two reports: every process\'s writes are in the file', async () => {
    const { folder, file } = ownFolder('mixed-writers');
    const before = (await logRows(file)).length;
    const runs = await Promise.all([
      cchc(['report', file, '--type', 'plan', '--json']),
      cchc(['progress', file, '--write', '--json']),
      cchc(['report', file, '--type', 'initiatives', '--json']),
      cchc(['progress', file, '--write']),
    ]);
    for (const r of runs) expect(r, r.err).toMatchObject({ code: 0, err: '' });
    const log = await logRows(file);
    // Two reports and two progress updates: four rows more, each its own.
    expect(log.length - before).toBe(4);
    const numbers = [JSON.parse(runs[0]!.out).number, JSON.parse(runs[2]!.out).number];
    for (const n of numbers) expect(log.some((row) => row.some((v) => v.includes(n))), n).toBe(true);
    expect((await dump(file)).get('Tổng hợp')!.size).toBeGreaterThan(10);
    expect(readdirSync(folder).filter((f) => f.endsWith('.docx'))).toHaveLength(2);
  }, 180_000);

  it('a writer that waits past CCHC_LOCK_TIMEOUT_MS gets one line (exit 2) and the file is not touched', async () => {
    const { folder, file } = ownFolder('busy');
    const holder = await holdLock(file);
    try {
      const bytes = readFileSync(file);
      const started = Date.now();
      for (const [args, lang] of [[['report', file, '--type', 'plan'], 'vi'], [['progress', file, '--write', '--lang', 'en'], 'en']] as const) {
        const r = await cchc([...args], { CCHC_LOCK_TIMEOUT_MS: '1500' });
        expect(r.code, r.err).toBe(2);
        expect(r.out).toBe('');
        expect(lines(r.err)).toHaveLength(1);
        expect(r.err).toMatch(lang === 'vi' ? /đang được ghi bởi một lần chạy khác \(hold-lock \(test\), pid \d+/ : /is being written by another run \(hold-lock \(test\), pid \d+/);
        expect(r.err).toContain(String(holder.pid));
      }
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(readdirSync(folder).filter((f) => f.endsWith('.docx'))).toEqual([]);
      // Readers do not wait for writers.
      const v = await cchc(['validate', file], { CCHC_LOCK_TIMEOUT_MS: '1500' });
      expect(v.code, v.err).toBe(0);
    } finally {
      holder.kill('SIGTERM');
      await exited(holder);
    }
  }, 120_000);

  it('a lock left by a process killed with SIGKILL does not block: the next writer takes it over at once', async () => {
    const { folder, file } = ownFolder('stale');
    const holder = await holdLock(file);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(readdirSync(folder).some((f) => f.endsWith('.cchc-lock'))).toBe(true);
    // The default wait is 30 s; a dead holder is seen at once.
    const r = await cchc(['report', file, '--type', 'plan', '--json']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.ms).toBeLessThan(25_000);
    expect(JSON.parse(r.out).number).toBe('01/KH-MNBT');
    expect(leftovers(folder)).toEqual([]);
  }, 120_000);

  it('a writer waiting its turn goes on as soon as the holder is done', async () => {
    const { file } = ownFolder('turn');
    const holder = await holdLock(file, 3000);
    const r = await cchc(['progress', file, '--write']);
    await exited(holder);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.ms).toBeGreaterThan(1500);
  }, 120_000);
});

describe('writers inside one process (what cchc serve does)', () => {
  it('withWorkbookFile: two reports started together get 01 and 02, both logged, both documents kept', async () => {
    const { folder, file } = ownFolder('in-process');
    const clock = { today: () => '2024-07-05', now: () => '2024-07-05T09:00:00+07:00' };
    const one = () => {
      const documents = new StagedDocuments({ dir: folder, replace: false });
      return withWorkbookFile(
        file,
        async (book) => {
          const ctx = localContext(book, { outDir: folder, prefs: fixedLang('vi'), clock, documents });
          return generateReport(ctx, { lang: 'vi', type: 'quarterly' });
        },
        { what: 'test', afterSave: () => documents.commit() },
      ).finally(() => documents.discard());
    };
    const [a, b] = await Promise.all([one(), one()]);
    expect([a.number, b.number].sort()).toEqual(['01/BC-MNBT', '02/BC-MNBT']);
    expect(a.document.id).not.toBe(b.document.id);
    for (const d of [a, b]) expect(existsSync(d.document.id)).toBe(true);
    const log = await logRows(file);
    expect(log.filter((row) => row.some((v) => /01\/BC-MNBT|02\/BC-MNBT/.test(v)))).toHaveLength(2);
  }, 120_000);

  it('localContext.withLock holds until the report has its number: a second call meanwhile is BUSY, not a second 01', async () => {
    const { folder, file } = ownFolder('with-lock');
    const book = await XlsxWorkbook.open(file);
    const clock = { today: () => '2024-07-05', now: () => '2024-07-05T09:00:00+07:00' };
    const ctx = localContext(book, { outDir: folder, prefs: fixedLang('vi'), clock });
    const api = createHandlers(ctx);
    const first = api.generateReport({ type: 'plan' });
    expect(() => api.generateReport({ type: 'plan' })).toThrow(expect.objectContaining({ code: 'BUSY' }));
    expect((await first).number).toBe('01/KH-MNBT');
    // Once it is done, the next one may run, and takes 02.
    expect((await api.generateReport({ type: 'plan' })).number).toBe('02/KH-MNBT');
  }, 60_000);
});
