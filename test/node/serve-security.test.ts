// `cchc serve` as a real process, against a hostile local user: a link planted in the shared temp
// folder or in the reports folder, requests without the session's token, malformed and oversize
// requests. Nothing is read through a link, nothing is written through one, no stack is printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTo, run, tempDir } from './cli-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');
const dir = tempDir();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Start `cchc serve …` and wait for the URL it prints. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ url: URL; err: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, CCHC_TODAY: '2024-06-30', ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: new URL(m[1]!), err: () => err, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const token = (u: URL) => u.searchParams.get('token')!;
const api = (u: URL, name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`/api/${name}`, u), { method: 'POST', headers: { 'content-type': 'application/json', 'x-cchc-token': token(u), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('cchc serve against a hostile local user', () => {
  it('with no file, makes the sample in a private folder of its own: a link planted at the old fixed name is neither read nor written', async () => {
    const shared = path.join(dir, 'shared-tmp');
    mkdirSync(shared);
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'bí mật\n');
    symlinkSync(victim, path.join(shared, 'cchc-mau-ben-thanh.xlsx'));
    const { url, err } = await serve([], { TMPDIR: shared });
    const sheets = (await (await fetch(new URL(`/api/sheets?token=${token(url)}`, url))).json()) as { name: string }[];
    expect(sheets.map((s) => s.name)).toContain('Kế hoạch');
    expect((await api(url, 'updateProgress', {})).status).toBe(200);
    expect(readFileSync(victim, 'utf8')).toBe('bí mật\n');
    const own = (await import('node:fs')).readdirSync(shared).filter((n) => n.startsWith('cchc-mau-') && n !== 'cchc-mau-ben-thanh.xlsx');
    expect(own).toHaveLength(1);
    expect(statSync(path.join(shared, own[0]!)).mode & 0o777).toBe(0o700);
    expect(err()).toBe('');
  });

  it('refuses a link planted in the reports folder, and every request without the token', async () => {
    const sample = path.join(dir, 'sample.xlsx');
    expect((await run(['init', sample, '--sample'])).code).toBe(0);
    const file = copyTo(dir, sample, 'served.xlsx');
    const reports = path.join(dir, 'cchc-bao-cao');
    mkdirSync(reports, { recursive: true });
    const secret = path.join(dir, 'secret.docx');
    writeFileSync(secret, 'PK not really');
    symlinkSync(secret, path.join(reports, 'planted.docx'));
    const { url, err } = await serve([file]);
    expect((await fetch(new URL(`/download/planted.docx?token=${token(url)}`, url))).status).toBe(404);
    for (const p of ['/', '/sidebar', '/api/sheets', '/download/planted.docx']) expect((await fetch(new URL(p, url))).status, p).toBe(403);
    expect((await api(url, 'clearMarks', {}, { 'x-cchc-token': 'nope' })).status).toBe(403);
    // Malformed and oversize requests: 400, 413, 405; the server lives on and prints nothing.
    expect((await api(url, 'validate', '{oops')).status).toBe(400);
    expect((await api(url, 'validate', { asOf: 12 })).status).toBe(400);
    expect((await api(url, 'validate', { pad: 'x'.repeat(1_200_000) })).status).toBe(413);
    expect((await fetch(new URL(`/api/validate?token=${token(url)}`, url), { method: 'DELETE' })).status).toBe(405);
    expect((await api(url, 'validate', {})).status).toBe(200);
    expect(err()).toBe('');
  });
});

describe('cchc serve keeps no stale copy', () => {
  it('an edit saved by another program while serve runs survives, and the click lands on top of it', async () => {
    const sample = path.join(dir, 'sample-edit.xlsx');
    expect((await run(['init', sample, '--sample'])).code).toBe(0);
    const { url, err } = await serve([sample]);
    // Another program (Excel, Calc) adds a task and saves, with serve running.
    const { editXlsx, sheet: sheetOf, cellUnder } = await import('./cli-helpers.ts');
    await editXlsx(sample, sample, (wb) => {
      const ws = sheetOf(wb, 'Kế hoạch');
      const row = ws.actualRowCount + 1;
      ws.getCell(cellUnder(ws, 'Lĩnh vực', row)).value = 'LV1';
      ws.getCell(cellUnder(ws, 'Nhiệm vụ', row)).value = 'Nhiệm vụ thêm trong Excel khi serve đang chạy';
      ws.getCell(cellUnder(ws, 'Chủ trì', row)).value = 'Nguyễn Mai Hằng';
      ws.getCell(cellUnder(ws, 'Hạn hoàn thành', row)).value = '30/11/2024';
    });
    // The user clicks "Cập nhật tiến độ" and makes a report in serve.
    expect((await api(url, 'updateProgress', {})).status).toBe(200);
    const report = await (await api(url, 'generateReport', { type: 'plan', date: '2024-07-01' })).json() as { number: string };
    expect(report.number).toBe('01/KH-MNBT');
    const cli = JSON.parse((await run(['progress', sample, '--json'])).out);
    expect(cli.tasks.total).toBe(35);
    const { dump } = await import('./cli-helpers.ts');
    const after = await dump(sample);
    const plan = [...after.get('Kế hoạch')!.values()].map(String).join(' ');
    expect(plan).toContain('Nhiệm vụ thêm trong Excel khi serve đang chạy');
    const log = [...after.get('Nhật ký')!.values()].map(String).join(' ');
    expect(log).toContain('Cập nhật tiến độ');
    expect(log).toContain('01/KH-MNBT');
    // And the CLI beside serve: numbers are distinct, nothing is lost.
    const [a, b] = await Promise.all([run(['report', sample, '--type', 'plan', '--json', '--date', '2024-07-02']), api(url, 'generateReport', { type: 'plan', date: '2024-07-03' })]);
    const numbers = [JSON.parse(a.out).number, ((await b.json()) as { number: string }).number].sort();
    expect(numbers).toEqual(['02/KH-MNBT', '03/KH-MNBT']);
    expect(err()).toBe('');
  });
});
