// `cchc template`: the contract page a user's clone carries, from the command line.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, run, tempDir } from './cli-helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cchc template', () => {
  it('prints the contract as Markdown, or writes it to a file, the same text', async () => {
    const printed = await run(['template', '--markdown']);
    expect(printed).toMatchObject({ code: 0, err: '' });
    expect(printed.out.split('\n')[0]).toBe('# HƯỚNG DẪN NHẬP LIỆU: THEO DÕI CẢI CÁCH HÀNH CHÍNH');
    const file = path.join(dir, 'mau.md');
    expect((await run(['template', '--markdown', '--out', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.out);
    expect((await run(['template', '--markdown', '--lang', 'en'])).out).toContain('## Sheet “Kế hoạch”');
    expect((await run(['template', '--district', '--markdown'])).out).toContain('Danh sách đơn vị');
  });

  it('refuses a stray argument and an unwritable file with one line, exit 2', async () => {
    const stray = await run(['template', 'x.xlsx']);
    expect(stray.code).toBe(2);
    expect(lines(stray.err)).toHaveLength(1);
    const bad = await run(['template', '--markdown', '--out', path.join(dir, 'no-such-folder', 'mau.md')]);
    expect(bad.code).toBe(2);
    expect(lines(bad.err)).toHaveLength(1);
  });
});
