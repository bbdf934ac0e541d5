// The real `cchc` bin (dist/cli/cchc.mjs, built by build.mjs) in a child process, its output piped:
// real exit codes, real stdout/stderr, no progress noise when not on a terminal.
import { execFile } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_SOFFICE, TODAY, lines, tempDir } from './cli-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');

function cchc(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, CCHC_TODAY: TODAY, ...NO_SOFFICE }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A progress bar or spinner writes carriage returns or terminal escapes.
const NOISE = /[\r\u001b]/;

describe('the cchc bin', () => {
  it('--help: exit 0, help on stdout, nothing on stderr', async () => {
    const r = await cchc(['--help']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('cchc validate');
  });

  it('a file that does not exist: exit 2, one line on stderr, stdout empty', async () => {
    const r = await cchc(['validate', path.join(dir, 'khong-co.xlsx'), '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toMatch(/^cchc validate: Không tìm thấy tệp/);
  });

  it('demo (npm start) end to end, then validate --json on its workbook, piped and quiet', async () => {
    const out = path.join(dir, 'demo');
    const demo = await cchc(['demo', '--out', out]);
    expect(demo, demo.err).toMatchObject({ code: 0, err: '' });
    expect(demo.out).not.toMatch(NOISE);
    expect(demo.out).toMatch(/0 lỗi/);
    const xlsx = readdirSync(out).find((f) => f.endsWith('.xlsx'));
    expect(xlsx).toBeDefined();
    expect(readdirSync(out).filter((f) => f.endsWith('.docx'))).toHaveLength(3);

    const check = await cchc(['validate', path.join(out, xlsx!), '--json']);
    expect(check).toMatchObject({ code: 0, err: '' });
    expect(check.out).not.toMatch(NOISE);
    expect(JSON.parse(check.out)).toMatchObject({ templateVersion: 1, asOf: TODAY, counts: { error: 0 } });
  });
});
