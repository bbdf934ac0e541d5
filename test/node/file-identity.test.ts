// A write keeps the file's identity: its permission bits, a symbolic link (written through, not
// replaced), a read-only file (refused, not silently replaced), no temporary file left behind.
// The same for the .docx a report writes; and a document never replaces another one unless that
// very number is regenerated (--number), its name carrying the number and the number's year.
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cchc, leftovers, tempDir } from './bin-helpers.ts';
import { dump, lines, run } from './cli-helpers.ts';

let dir: string;
let SAMPLE: string;
let n = 0;
beforeAll(async () => {
  dir = tempDir('cchc-identity-');
  SAMPLE = path.join(dir, 'mau.xlsx');
  expect((await run(['init', SAMPLE, '--sample'])).code).toBe(0);
});
afterAll(() => {
  // Read-only files and folders made by the tests: writable again, so they can be removed.
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    try {
      chmodSync(path.join(dir, f), 0o755);
    } catch {
      // gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): { folder: string; file: string } {
  const folder = path.join(dir, `${name}-${++n}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'truong.xlsx');
  copyFileSync(SAMPLE, file);
  return { folder, file };
}

const mode = (f: string) => statSync(f).mode & 0o777;
const logSize = async (f: string) => (await dump(f)).get('Nhật ký')!.size;

describe('the workbook file', () => {
  it('keeps its permission bits (a 600 workbook stays 600, a 640 one 640)', async () => {
    for (const bits of [0o600, 0o640]) {
      const { file } = fresh('mode');
      chmodSync(file, bits);
      const r = await cchc(['progress', file, '--write']);
      expect(r, r.err).toMatchObject({ code: 0, err: '' });
      expect(mode(file)).toBe(bits);
      const rep = await cchc(['report', file, '--type', 'plan']);
      expect(rep, rep.err).toMatchObject({ code: 0, err: '' });
      expect(mode(file)).toBe(bits);
    }
  }, 60_000);

  it('is written through a symbolic link: the link stays, its target changes', async () => {
    const { folder, file } = fresh('link');
    const elsewhere = path.join(folder, 'that-muc-that');
    mkdirSync(elsewhere);
    const real = path.join(elsewhere, 'truong-that.xlsx');
    copyFileSync(file, real);
    rmSync(file);
    const link = path.join(folder, 'loi-tat.xlsx');
    symlinkSync(path.relative(folder, real), link);
    const before = await logSize(real);
    const r = await cchc(['progress', link, '--write']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path.relative(folder, real));
    expect(await logSize(real)).toBeGreaterThan(before);
    // The lock and the temporary file were beside the real file, and are gone.
    expect(leftovers(elsewhere)).toEqual([]);
    expect(leftovers(folder)).toEqual([]);
    // A report through the link: its number is in the real file.
    const rep = await cchc(['report', link, '--type', 'plan', '--json']);
    expect(rep, rep.err).toMatchObject({ code: 0, err: '' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect([...(await dump(real)).get('Nhật ký')!.values()].some((v) => v.includes(JSON.parse(rep.out).number))).toBe(true);
  }, 60_000);

  it('a read-only workbook is refused in one line (exit 2), left byte for byte, no document, no number', async () => {
    const { folder, file } = fresh('readonly');
    chmodSync(file, 0o444);
    const bytes = readFileSync(file);
    for (const args of [['progress', file, '--write'], ['report', file, '--type', 'plan'], ['progress', file, '--write', '--lang', 'en']]) {
      const r = await cchc(args);
      expect(r.code, r.err).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(/chỉ cho đọc|read-only/);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(mode(file)).toBe(0o444);
    expect(readdirSync(folder).filter((f) => f.endsWith('.docx'))).toEqual([]);
    expect(leftovers(folder)).toEqual([]);
    // Reading it is fine.
    expect((await cchc(['validate', file])).code).toBe(0);
  }, 60_000);

  it('temporary files left by a killed run are removed by the next write; those of a live run are not', async () => {
    const { folder, file } = fresh('temps');
    // A pid that is not running (above pid_max), and one that is (this test's own).
    const dead = path.join(folder, '.truong.xlsx.cchc-4194999-0123456789ab.tmp');
    const old = path.join(folder, '.truong.xlsx.4194998.deadbeef.tmp');
    const deadDoc = path.join(folder, '.KH-CCHC-2024-MNBT-so07-2024.docx.cchc-4194997-0123456789ab.tmp');
    const live = path.join(folder, `.truong.xlsx.cchc-${process.pid}-0123456789ab.tmp`);
    for (const f of [dead, old, deadDoc, live]) writeFileSync(f, 'half a file');
    const r = await cchc(['progress', file, '--write']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(deadDoc)).toBe(false);
    expect(existsSync(live)).toBe(true);
    // A day-old one goes whoever made it.
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    utimesSync(live, dayAgo, dayAgo);
    expect((await cchc(['progress', file, '--write'])).code).toBe(0);
    expect(existsSync(live)).toBe(false);
  }, 60_000);
});

describe('the report documents', () => {
  it('two plans dated 2024 and 2025 are two files: the name carries the number and its year', async () => {
    const { folder, file } = fresh('years');
    const a = JSON.parse((await cchc(['report', file, '--type', 'plan', '--date', '2024-12-20', '--json'])).out);
    const b = JSON.parse((await cchc(['report', file, '--type', 'plan', '--date', '2025-01-06', '--json'])).out);
    expect(a.number).toBe('01/KH-MNBT');
    expect(b.number).toBe('01/KH-MNBT');
    expect(path.basename(a.file)).toBe('KH-CCHC-2024-MNBT-so01-2024.docx');
    expect(path.basename(b.file)).toBe('KH-CCHC-2024-MNBT-so01-2025.docx');
    expect(readdirSync(folder).filter((f) => f.endsWith('.docx')).sort()).toEqual(['KH-CCHC-2024-MNBT-so01-2024.docx', 'KH-CCHC-2024-MNBT-so01-2025.docx']);
    expect(readFileSync(a.file).equals(readFileSync(b.file))).toBe(false);
  }, 60_000);

  it('an existing file is never replaced, unless that same number is regenerated (--number)', async () => {
    const { folder, file } = fresh('no-replace');
    // Someone else's document where the next report would go.
    const theirs = path.join(folder, 'KH-CCHC-2024-MNBT-so01-2024.docx');
    writeFileSync(theirs, 'văn bản khác');
    const bytes = readFileSync(file);
    const r = await cchc(['report', file, '--type', 'plan']);
    expect(r.code, r.err).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('đã có');
    expect(r.err).toContain('--number');
    expect(readFileSync(theirs, 'utf8')).toBe('văn bản khác');
    // No number was used up, and the workbook is as it was.
    expect(readFileSync(file).equals(bytes)).toBe(true);

    // --out onto an existing file: refused too.
    const mine = path.join(folder, 'cua-toi.docx');
    writeFileSync(mine, 'của tôi');
    const o = await cchc(['report', file, '--type', 'plan', '--out', mine, '--lang', 'en']);
    expect(o.code, o.err).toBe(2);
    expect(o.err).toContain('already exists');
    expect(readFileSync(mine, 'utf8')).toBe('của tôi');

    // Regenerating number 1 of 2024 replaces that file: it is the same document.
    const again = await cchc(['report', file, '--type', 'plan', '--number', '1', '--date', '2024-07-05', '--json']);
    expect(again, again.err).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(again.out).file).toBe(theirs);
    expect(readFileSync(theirs).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(leftovers(folder)).toEqual([]);
  }, 60_000);

  it('a regenerated .docx keeps its permission bits, is written through a link, and a read-only one is refused', async () => {
    const { folder, file } = fresh('docx-identity');
    const first = JSON.parse((await cchc(['report', file, '--type', 'initiatives', '--json'])).out);
    chmodSync(first.file, 0o600);
    const num = String(Number(first.number.slice(0, 2)));
    const re = await cchc(['report', file, '--type', 'initiatives', '--number', num, '--json']);
    expect(re, re.err).toMatchObject({ code: 0, err: '' });
    expect(mode(first.file)).toBe(0o600);

    // Through a link: the link stays, its target is the new document.
    const target = path.join(folder, 'luu-tru', 'sang-kien.docx');
    mkdirSync(path.dirname(target));
    writeFileSync(target, 'cũ');
    const link = path.join(folder, 'sang-kien-lien-ket.docx');
    symlinkSync(target, link);
    const viaLink = await cchc(['report', file, '--type', 'initiatives', '--number', num, '--out', link]);
    expect(viaLink, viaLink.err).toMatchObject({ code: 0, err: '' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');

    // Read-only: refused, the document and the workbook unchanged.
    chmodSync(first.file, 0o444);
    const docBytes = readFileSync(first.file);
    const bookBytes = readFileSync(file);
    const ro = await cchc(['report', file, '--type', 'initiatives', '--number', num]);
    expect(ro.code, ro.err).toBe(2);
    expect(lines(ro.err)).toHaveLength(1);
    expect(ro.err).toContain('chỉ cho đọc');
    expect(readFileSync(first.file).equals(docBytes)).toBe(true);
    expect(readFileSync(file).equals(bookBytes)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  }, 90_000);
});
