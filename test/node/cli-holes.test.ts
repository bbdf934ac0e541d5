// Smaller holes a user fell into (issue: no edit ever lost): a report from a workbook missing a
// whole column takes no number and writes no document.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellUnder, editXlsx, lines, run, sheet, tempDir } from './cli-helpers.ts';

let dir: string;
let SAMPLE: string;
beforeAll(async () => {
  dir = tempDir();
  SAMPLE = path.join(dir, 'sample.xlsx');
  expect((await run(['init', SAMPLE, '--sample'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a report from a workbook missing a required column', () => {
  it('says which, takes no number, writes no document; once repaired the first number is 01', async () => {
    const sub = path.join(dir, 'thieu-cot');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const file = path.join(sub, 'truong.xlsx');
    await editXlsx(SAMPLE, file, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      const due = cellUnder(tasks, 'Hạn hoàn thành', 1);
      tasks.spliceColumns(tasks.getColumn(due.replace(/\d+/, '')).number, 1);
    });
    for (const lang of ['vi', 'en']) {
      const r = await run(['report', file, '--type', 'quarterly', '--lang', lang]);
      expect(r.code, r.err).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain('Hạn hoàn thành');
      expect(r.err).toMatch(lang === 'vi' ? /Không tạo văn bản, chưa lấy số/ : /No document made and no number taken/);
    }
    expect(readdirSync(sub).filter((f) => f.endsWith('.docx'))).toEqual([]);
    expect((await run(['init', file])).code).toBe(0);
    const ok = JSON.parse((await run(['report', file, '--type', 'quarterly', '--json'])).out);
    expect(ok.number).toBe('01/BC-MNBT');
  });
});
