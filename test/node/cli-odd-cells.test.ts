// `cchc` on workbooks a user really sends: cells Excel and Sheets produce but nobody types on
// purpose (formula errors, merged headers, a pasted 5 MB text, hyperlink objects, 16,000 columns).
// Bad data is exit 1 with the problem on its cell, never exit 3 ("lỗi không mong đợi").
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editXlsx, lines, run, sheet, tempDir } from './cli-helpers.ts';

let dir: string;
let SAMPLE: string;
let n = 0;

beforeAll(async () => {
  dir = tempDir();
  SAMPLE = path.join(dir, 'sample.xlsx');
  const r = await run(['init', SAMPLE, '--sample']);
  expect(r, r.err).toMatchObject({ code: 0, err: '' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The 1-based column of a header on row 1 (⚙ mark ignored). */
function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (String(c.value).replace(/^⚙\s*/, '') === header) found = i;
  });
  if (!found) throw new Error(`no column "${header}" in ${ws.name}`);
  return found;
}

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = path.join(dir, `odd-${++n}.xlsx`);
  await editXlsx(SAMPLE, file, edit);
  return file;
}

interface ValidateJson {
  issues: { sheet: string; cell: string | null; severity: string; code: string }[];
}

/** validate --json, progress --write and a report all finish with a code a user can act on. */
async function expectHandled(file: string): Promise<ValidateJson> {
  const v = await run(['validate', file, '--json']);
  expect([0, 1], v.err).toContain(v.code);
  expect(v.err).toBe('');
  const p = await run(['progress', file, '--write', '--json']);
  expect(p.code, p.err).toBe(0);
  expect(p.err).not.toMatch(/không mong đợi|unexpected/);
  const r = await run(['report', file, '--type', 'quarterly', '--out', path.join(dir, `odd-${n}.docx`)]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(v.out) as ValidateJson;
}

describe('odd cells in a real .xlsx', () => {
  it('a 5 MB text pasted into Nhiệm vụ is past what cchc reads: one line naming the cell (exit 2), not a crash', async () => {
    // One run of 5 million letters with no space (a pasted blob): the folding of header candidates
    // used to overflow the regexp stack on it; now it is measured before anything reads it.
    let cell = '';
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      const c = ws.getCell(2, col(ws, 'Nhiệm vụ'));
      c.value = `Đ${'x'.repeat(5_000_000)}`;
      cell = c.address;
    });
    const before = readFileSync(file);
    for (const argv of [['validate', file, '--json'], ['progress', file, '--write'], ['report', file, '--type', 'quarterly', '--out', path.join(dir, `odd-${n}.docx`)]]) {
      const r = await run(argv);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain(`ô ${cell}`);
      expect(r.err).toContain('5.000.001 ký tự');
      // The message quotes no part of the text itself.
      expect(r.err).not.toContain('xxxxxxxx');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, `odd-${n}.docx`))).toBe(false);
  }, 120_000);

  it('a cell over Excel\'s 32,767 characters is read (validate: too long), but never written back', async () => {
    let cell = '';
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      const c = ws.getCell(3, col(ws, 'Nhiệm vụ'));
      c.value = `Dán nhầm ${'chữ '.repeat(10_000)}`;
      cell = c.address;
    });
    const v = await run(['validate', file, '--json']);
    expect(v.code, v.err).toBe(1);
    expect((JSON.parse(v.out) as ValidateJson).issues).toContainEqual(expect.objectContaining({ sheet: 'Kế hoạch', cell, code: 'TEXT_TOO_LONG', severity: 'error' }));
    const before = readFileSync(file);
    const docx = path.join(dir, `long-${n}.docx`);
    for (const argv of [['progress', file, '--write'], ['report', file, '--type', 'plan', '--out', docx], ['progress', file, '--write', '--out', path.join(dir, `long-${n}-new.xlsx`), '--lang', 'en']]) {
      const r = await run(argv);
      expect(r.code, r.err).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`(ô|cell) ${cell}`));
      expect(r.err).toMatch(/32[.,]767/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(docx)).toBe(false);
    expect(existsSync(path.join(dir, `long-${n}-new.xlsx`))).toBe(false);
  }, 120_000);

  it('a message quotes at most a short prefix of a value: a 20,000-character document number cell', async () => {
    const file = await edited((wb) => {
      const info = sheet(wb, 'Thông tin');
      info.addRow(['Số văn bản tiếp theo KH/2024', `1${'9x'.repeat(10_000)}`]);
    });
    const r = await run(['report', file, '--type', 'plan', '--date', '2024-07-05', '--out', path.join(dir, `num-${n}.docx`)]);
    expect(r.code, r.err).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('không phải là số văn bản');
    expect(r.err.length).toBeLessThan(400);
  });

  it('a formula error (#REF!) in a date column is a date error on that cell', async () => {
    let cell = '';
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      const c = ws.getCell(3, col(ws, 'Hạn hoàn thành'));
      c.value = { formula: 'A1/0', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
      cell = c.address;
    });
    const v = await expectHandled(file);
    expect(v.issues).toContainEqual(expect.objectContaining({ sheet: 'Kế hoạch', cell, severity: 'error', code: 'DATE_INVALID' }));
  });

  it('a merged header, a hyperlink object, a number in Thông tin and a column at 16,000 are read', async () => {
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      ws.getCell(2, col(ws, 'Minh chứng')).value = { text: 'Biên bản', hyperlink: 'https://mnbt.edu.vn/bb' };
      ws.getCell(2, 16_000).value = 'ghi chú riêng';
      ws.mergeCells(1, col(ws, 'Ghi chú'), 1, col(ws, 'Ghi chú') + 1);
      const info = sheet(wb, 'Thông tin');
      info.eachRow((row) => {
        if (row.getCell(1).value === 'Người ký') row.getCell(2).value = 12345;
      });
    });
    await expectHandled(file);
  });

  it('init on a plan whose header row reaches column XFD, lacking a column, refuses in one line and changes nothing', async () => {
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      ws.getCell(1, col(ws, 'Ghi chú')).value = null;
      ws.getCell(1, 16_384).value = 'Cột riêng';
    });
    const before = readFileSync(file);
    const r = await run(['init', file]);
    expect(r.code, r.err).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('“Ghi chú”');
    expect(r.err).toContain('XFD');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an empty Kế hoạch (headers only) gives zero tasks', async () => {
    const file = await edited((wb) => {
      const ws = sheet(wb, 'Kế hoạch');
      for (let r = 2; r <= ws.rowCount; r++) {
        ws.getRow(r).eachCell((c) => {
          c.value = null;
        });
      }
    });
    await expectHandled(file);
    const p = await run(['progress', file, '--json']);
    expect((JSON.parse(p.out) as { tasks: { total: number } }).tasks.total).toBe(0);
  });
});

describe('output paths a user mistypes', () => {
  it('a folder on the way that is a file: init and report refuse in one line (exit 2), no number used up', async () => {
    const notAFolder = path.join(dir, 'ghi-chu.txt');
    writeFileSync(notAFolder, 'không phải thư mục');
    const init = await run(['init', path.join(notAFolder, 'truong.xlsx')]);
    expect(init.code, init.err).toBe(2);
    expect(lines(init.err)).toHaveLength(1);
    expect(init.err).toContain('Không ghi được tệp');

    const file = await edited(() => undefined);
    const before = readFileSync(file);
    const report = await run(['report', file, '--type', 'plan', '--out', path.join(notAFolder, 'kh.docx')]);
    expect(report.code, report.err).toBe(2);
    expect(lines(report.err)).toHaveLength(1);
    expect(report.err).toContain('Không ghi được tệp');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('cchc serve on a port already in use', () => {
  it('refuses in one line (exit 2) and names --port', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const r = await run(['serve', SAMPLE, '--port', String(port)]);
      expect(r.code, r.err).toBe(2);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain(`cổng ${port}`);
      expect(r.err).toContain('--port');
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});

