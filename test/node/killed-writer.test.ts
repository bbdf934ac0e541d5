// A writer killed with SIGKILL at random points while it holds the workbook (from the read to the
// renamed file), many times: the workbook always opens, every entry is still there, every log row
// a finished run wrote is there, no document exists without its number in the log, and the next
// writer is not blocked by what the killed one left (its lock, its temporary files).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_SHEETS } from '../../src/core/contract/index.ts';
import { install } from '../../src/core/app/operations.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { fillScaledSchool } from '../fixtures/scale-school.ts';
import { cchc, exited, leftovers, startCchc, tempDir } from './bin-helpers.ts';
import { dump, splitComputed } from './cli-helpers.ts';

let dir: string;
let file: string;
let inputs: Record<string, Record<string, string>>;

const INPUT_SHEETS = SCHOOL_SHEETS.filter((s) => s.role === 'input').map((s) => s.name);

async function inputCells(f: string): Promise<Record<string, Record<string, string>>> {
  const d = await dump(f);
  return Object.fromEntries(INPUT_SHEETS.map((n) => [n, splitComputed(d.get(n) ?? new Map()).input]));
}

async function logTexts(f: string): Promise<string[]> {
  const log = (await dump(f)).get('Nhật ký') ?? new Map();
  return [...log.entries()].filter(([a1]) => !/^[A-Z]+1$/.test(a1)).map(([, v]) => v);
}

beforeAll(async () => {
  dir = tempDir('cchc-killed-');
  mkdirSync(dir, { recursive: true });
  file = path.join(dir, 'truong.xlsx');
  // Big enough that a save takes a while (≈ 30,000 cells), small enough for many rounds.
  const book = XlsxWorkbook.create();
  const clock = { today: () => '2024-06-30', now: () => '2024-06-30T09:00:00+07:00' };
  install(localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock }), { lang: 'vi' });
  fillScaledSchool(book, { tasks: 2000, kpis: 60, initiatives: 60 });
  await book.save(file);
  inputs = await inputCells(file);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a writer killed at random points', () => {
  it('never costs an entry, a finished log row, or the next writer', async () => {
    const lockFile = path.join(dir, '.truong.xlsx.cchc-lock');
    // How long one write holds the file, to spread the kills over it.
    const first = startCchc(['progress', file, '--write']);
    let lockedAt = 0;
    while (first.child.exitCode === null && !lockedAt) {
      if (existsSync(lockFile)) lockedAt = Date.now();
      await sleep(2);
    }
    const r0 = await first.done;
    expect(r0.code, r0.err).toBe(0);
    const holdMs = Math.max(200, Date.now() - (lockedAt || Date.now()));

    let killed = 0;
    let killedWithTemp = 0;
    let finished = 1;
    let log = await logTexts(file);
    const ROUNDS = 15;
    for (let round = 0; round < ROUNDS; round++) {
      const args = round % 2 === 0 ? ['report', file, '--type', round % 4 === 0 ? 'plan' : 'quarterly', '--json'] : ['progress', file, '--write'];
      const run = startCchc(args);
      // Wait for the lock (the write has begun), then kill at a random point of it; every third
      // round, the moment the new file is being written beside the old one.
      while (run.child.exitCode === null && !existsSync(lockFile)) await sleep(2);
      if (round % 3 === 2) {
        const temp = /^\.truong\.xlsx\.cchc-\d+-[0-9a-f]+\.tmp$/;
        while (run.child.exitCode === null && !readdirSync(dir).some((f) => temp.test(f))) await sleep(0);
      } else {
        const until = Date.now() + Math.random() * holdMs * 2.5;
        while (run.child.exitCode === null && Date.now() < until) await sleep(1);
      }
      if (run.child.exitCode === null) {
        if (readdirSync(dir).some((f) => f.startsWith(`.truong.xlsx.cchc-${run.child.pid}-`))) killedWithTemp++;
        run.child.kill('SIGKILL');
        killed++;
      }
      const r = await run.done;
      await exited(run.child);
      if (r.signal === null) {
        expect(r.code, r.err).toBe(0);
        finished++;
      }

      // The file opens, with every entry, and the log lost nothing a finished run wrote.
      const opened = await XlsxWorkbook.open(file);
      expect(opened.sheetNames()).toEqual(expect.arrayContaining(INPUT_SHEETS));
      expect(await inputCells(file)).toEqual(inputs);
      const now = await logTexts(file);
      for (const text of log) expect(now).toContain(text);
      if (r.signal === null && args[0] === 'report') {
        const number = JSON.parse(r.out).number as string;
        expect(now.some((t) => t.includes(number)), number).toBe(true);
      }
      log = now;
    }

    // Every document there has its number in the log: none was put in place before its save.
    const docs = readdirSync(dir).filter((f) => f.endsWith('.docx'));
    const numbers = new Set(log.flatMap((t) => [...t.matchAll(/(\d\d)\/(BC|KH)-MNBT/g)].map((m) => `${m[2]}:${m[1]}`)));
    for (const d of docs) {
      const m = /^(BC|KH)-CCHC.*-so(\d\d)-2024\.docx$/.exec(d);
      expect(m, d).toBeTruthy();
      expect(numbers.has(`${m![1]}:${m![2]}`), d).toBe(true);
    }

    // What the killed runs left (a lock, temporary files) neither blocks nor stays.
    const next = await cchc(['progress', file, '--write']);
    expect(next.code, next.err).toBe(0);
    expect(next.ms).toBeLessThan(25_000);
    expect(leftovers(dir)).toEqual([]);
    expect(await inputCells(file)).toEqual(inputs);
    // The test really killed writers, and some in the middle of writing the new file.
    expect(killed).toBeGreaterThanOrEqual(ROUNDS / 3);
    expect(killedWithTemp).toBeGreaterThanOrEqual(1);
    console.log(`killed ${killed} of ${ROUNDS} writers (${killedWithTemp} while the new file was being written), ${finished} finished; hold ≈ ${holdMs} ms`);
  }, 600_000);
});
