// Bad input that costs memory: a workbook with millions of rows, a huge cell, a zip that lies
// about its sizes. Each is refused in one line (exit 2) within seconds, by a process whose heap
// is capped far below what loading it would take (--max-old-space-size): it is measured before
// exceljs loads anything. And 100,000 tasks still work. The workbooks are made in the test, as
// zip parts, so they cost seconds to make.
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/node/files/zip.ts';
import { cchc, tempDir } from './bin-helpers.ts';
import { lines, run } from './cli-helpers.ts';
import { editParts, partText, sheetPart } from './xlsx-parts.ts';

let dir: string;
let SAMPLE: string;
let n = 0;
beforeAll(async () => {
  dir = tempDir('cchc-huge-');
  SAMPLE = path.join(dir, 'mau.xlsx');
  expect((await run(['init', SAMPLE, '--sample'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(): string {
  const file = path.join(dir, `huge-${++n}.xlsx`);
  copyFileSync(SAMPLE, file);
  return file;
}

/** A small heap: a process that tried to load these workbooks would abort out of memory. */
const SMALL_HEAP = ['--max-old-space-size=256'];

function expectRefused(r: { code: number | null; signal: string | null; out: string; err: string }, re: RegExp): void {
  expect(r.signal, r.err).toBeNull();
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(lines(r.err)).toHaveLength(1);
  expect(r.err).toMatch(re);
  expect(r.err).not.toMatch(/không mong đợi|unexpected|heap|memory/i);
}

describe('workbooks past the caps', () => {
  it('3,000,000 rows in Kế hoạch: refused in one line, quickly, with a 256 MB heap', async () => {
    const file = copy();
    const rows = 3_000_000;
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const head = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A${rows}"/><sheetData>`,
    );
    const body = Buffer.alloc(Buffer.byteLength(row) * rows, row);
    editParts(file, { [sheetPart(file, 'Kế hoạch')]: Buffer.concat([head, body, Buffer.from('</sheetData></worksheet>')]) });
    expect(statSync(file).size).toBeLessThan(5_000_000);
    for (const args of [['validate', file], ['progress', file, '--write'], ['report', file, '--type', 'plan']]) {
      const r = await cchc(args, {}, SMALL_HEAP);
      expectRefused(r, /Trang "Kế hoạch" có hơn 200\.000 dòng/);
      expect(r.ms).toBeLessThan(20_000);
    }
    const en = await cchc(['validate', file, '--lang', 'en'], {}, SMALL_HEAP);
    expectRefused(en, /Sheet "Kế hoạch" has more than 200,000 rows.*CCHC_MAX_ROWS/);
  }, 120_000);

  it('a shared string of 3,000,000 characters: refused naming its cell, quoting none of it', async () => {
    const file = copy();
    const sst = partText(file, 'xl/sharedStrings.xml')!;
    const index = (sst.match(/<si>/g) ?? []).length;
    const part = sheetPart(file, 'Kế hoạch');
    const sheetXml = partText(file, part)!;
    // A third row's first cell points at the new string.
    const row3 = /<row r="3"[^>]*>/.exec(sheetXml)!;
    const patched = sheetXml.replace(/(<row r="3"[^>]*>)<c r="A3"[^>]*?(\/>|>[\s\S]*?<\/c>)/, `$1<c r="A3" t="s"><v>${index}</v></c>`);
    expect(patched).not.toBe(sheetXml);
    expect(row3).toBeTruthy();
    editParts(file, {
      'xl/sharedStrings.xml': sst.replace('</sst>', `<si><t>${'Đ'.repeat(3_000_000)}</t></si></sst>`),
      [part]: patched,
    });
    const r = await cchc(['validate', file], {}, SMALL_HEAP);
    expectRefused(r, /Trang "Kế hoạch", ô A3 dài 3\.000\.000 ký tự/);
    expect(r.err).not.toContain('ĐĐĐĐ');
    expect(r.err.length).toBeLessThan(400);
  }, 60_000);

  it('a zip that says a part is 1 KB but inflates to far more: stopped at the cap while inflating', async () => {
    const file = copy();
    editParts(file, { 'xl/media/big.bin': Buffer.alloc(60 * 1024 * 1024, 0x20) });
    // Patch the declared size of that part, in the central directory and its local header.
    const buf = readFileSync(file);
    const e = readZipEntries(buf).find((x) => x.name === 'xl/media/big.bin')!;
    const name = Buffer.from(e.name);
    for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
      if (buf.readUInt32LE(i - 46) === 0x02014b50) buf.writeUInt32LE(1024, i - 46 + 24);
      if (buf.readUInt32LE(i - 30) === 0x04034b50) buf.writeUInt32LE(1024, i - 30 + 22);
    }
    writeFileSync(file, buf);
    expect(readZipEntries(readFileSync(file)).find((x) => x.name === 'xl/media/big.bin')!.size).toBe(1024);
    const r = await cchc(['validate', file], { CCHC_MAX_UNZIPPED_MB: '20' }, SMALL_HEAP);
    expectRefused(r, /khi giải nén quá 20 MB/);
  }, 60_000);

  it('the other caps: file size, unzipped size declared, cells, characters of one cell (each set by env)', async () => {
    const file = copy();
    expectRefused(await cchc(['validate', file], { CCHC_MAX_FILE_MB: '0.01' }), /nặng 0\.\d MB, quá giới hạn 0\.1 MB mà cchc đọc được \(CCHC_MAX_FILE_MB\)/);
    expectRefused(await cchc(['validate', file], { CCHC_MAX_UNZIPPED_MB: '0.05' }), /khi giải nén quá 0\.1 MB/);
    expectRefused(await cchc(['validate', file, '--lang', 'en'], { CCHC_MAX_CELLS: '100' }), /has more than 100 cells.*CCHC_MAX_CELLS/);
    expectRefused(await cchc(['progress', file, '--write'], { CCHC_MAX_ROWS: '5' }), /có hơn 5 dòng/);
    expectRefused(await cchc(['validate', file], { CCHC_MAX_CELL_CHARS: '50' }), /ký tự, quá giới hạn 50 ký tự một ô/);
  }, 90_000);
});

describe('a big school still works', () => {
  it('100,000 tasks: read, checked and counted, within bounded time', async () => {
    const file = copy();
    const part = sheetPart(file, 'Kế hoạch');
    const xml = partText(file, part)!;
    const open = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const close = xml.indexOf('</sheetData>');
    const rows = xml.slice(open, close).match(/<row [^>]*>[\s\S]*?<\/row>/g)!;
    const data = rows.slice(1).filter((r) => r.includes('<c '));
    expect(data.length).toBeGreaterThan(5);
    const TASKS = 100_000;
    const out: string[] = [rows[0]!];
    for (let i = 0; i < TASKS; i++) {
      const r = i + 2;
      out.push(data[i % data.length]!.replace(/^<row r="\d+"/, `<row r="${r}"`).replace(/(<c r="[A-Z]+)\d+"/g, `$1${r}"`));
    }
    const sheet = xml.slice(0, open).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:Z${TASKS + 1}"/>`) + out.join('') + xml.slice(close);
    editParts(file, { [part]: sheet });

    const started = Date.now();
    const r = await cchc(['progress', file, '--json']);
    const ms = Date.now() - started;
    expect(r.signal, r.err).toBeNull();
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { tasks: { total: number } }).tasks.total).toBe(TASKS);
    expect(ms).toBeLessThan(150_000);
    console.log(`100,000 tasks: cchc progress --json in ${(ms / 1000).toFixed(1)} s (file ${(statSync(file).size / 1e6).toFixed(1)} MB)`);
  }, 300_000);
});
