// `cchc` end to end, as a user runs it (the CLI contract (README)): main(argv, io) with a captured io, on real .xlsx
// files in a temp folder, read back with exceljs.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_SHEETS } from '../../src/core/contract/index.ts';
import { COMMANDS } from '../../src/node/cli/main.ts';
import { findSoffice } from '../../src/node/pdf.ts';
import { cellUnder, copyTo, dump, editXlsx, lines, run, sheet, splitComputed, tempDir } from './cli-helpers.ts';
import { requireTool } from '../helpers/tools.ts';

const INPUT_SHEETS = SCHOOL_SHEETS.filter((s) => s.role === 'input').map((s) => s.name);
const STATES = ['cancelled', 'doneOnTime', 'doneLate', 'overdue', 'dueSoon', 'behind', 'onTrack'] as const;
const COUNTERS = ['total', 'done', 'doneOnTime', 'doneLate', 'overdue', 'dueSoon', 'behind', 'onTrack', 'cancelled'];

let dir: string;
/** One sample school per run of this file; every test that writes works on a copy. */
let SAMPLE: string;

beforeAll(async () => {
  dir = tempDir();
  SAMPLE = path.join(dir, 'sample.xlsx');
  const r = await run(['init', SAMPLE, '--sample']);
  expect(r, r.err).toMatchObject({ code: 0, err: '' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2 with exactly one line on stderr and nothing on stdout (the CLI contract (README) "Exit codes"). */
function expectRefused(r: { code: number; out: string; err: string }, mentions?: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(lines(r.err)).toHaveLength(1);
  expect(r.out).toBe('');
  if (mentions) expect(r.err).toMatch(mentions);
}

describe('help', () => {
  it('lists every command, in Vietnamese by default and English with --lang en', async () => {
    const vi = await run(['--help']);
    const en = await run(['--help', '--lang', 'en']);
    expect(vi).toMatchObject({ code: 0, err: '' });
    expect(en).toMatchObject({ code: 0, err: '' });
    expect(vi.out).toContain('Cách dùng:');
    expect(en.out).toContain('Usage:');
    for (const c of COMMANDS) {
      expect(vi.out).toContain(`cchc ${c.name}`);
      expect(vi.out).toContain(c.summary.vi);
      expect(en.out).toContain(c.summary.en);
    }
    // No command at all is the same help, not an error.
    expect((await run([])).out).toBe(vi.out);
  });

  it.each(COMMANDS.map((c) => c.name))('cchc %s --help names every option, vi and en', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const vi = await run([name, '--help']);
    const en = await run(['--lang', 'en', name, '--help']);
    expect(vi).toMatchObject({ code: 0, err: '' });
    expect(en).toMatchObject({ code: 0, err: '' });
    expect(vi.out).toContain(command.summary.vi);
    expect(en.out).toContain(command.summary.en);
    for (const [opt, spec] of Object.entries(command.options)) {
      expect(vi.out).toContain(`--${opt}`);
      expect(vi.out).toContain(spec.help.vi);
      expect(en.out).toContain(spec.help.en);
    }
    expect(vi.out).toContain('--lang');
    expect((await run(['help', name])).out).toBe(vi.out);
  });
});

describe('usage errors: exit 2, one line on stderr', () => {
  it('an unknown command', async () => {
    expectRefused(await run(['frobnicate']), /frobnicate/);
    expectRefused(await run(['frobnicate', '--lang', 'en']), /no such command "frobnicate"/);
  });

  it('an unknown option, in the user\'s language', async () => {
    const vi = await run(['validate', SAMPLE, '--bogus']);
    expectRefused(vi, /--bogus/);
    expect(vi.err).toContain('không có tùy chọn');
    expectRefused(await run(['validate', SAMPLE, '--bogus', '--lang=en']), /unknown option --bogus/);
  });

  it('an option missing its value, a value on a flag, a bad --lang, no file, two files', async () => {
    expectRefused(await run(['validate', SAMPLE, '--as-of']), /--as-of/);
    expectRefused(await run(['validate', SAMPLE, '--json=yes']), /--json/);
    expectRefused(await run(['validate', SAMPLE, '--lang', 'fr']), /vi.*en.*fr/);
    expectRefused(await run(['validate']), /\.xlsx/);
    expectRefused(await run(['validate', SAMPLE, SAMPLE]), /thừa/);
  });

  it('--json on a command with no JSON form is refused, not answered in text', async () => {
    expectRefused(await run(['demo', '--json', '--out', path.join(dir, 'never')]), /--json/);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });
});

describe('init', () => {
  it('creates a workbook with every template sheet and the unit given', async () => {
    const file = path.join(dir, 'moi', 'truong.xlsx'); // a folder that does not exist yet
    // The name typed in NFD (as some keyboards give it) is stored NFC.
    const r = await run(['init', file, '--name', 'Trường Mầm non Hoa Sen'.normalize('NFD'), '--code', 'MNHS', '--year', '2025']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Đã tạo');
    const book = await dump(file);
    for (const s of SCHOOL_SHEETS) expect(book.has(s.name), s.name).toBe(true);
    const settings = [...book.get('Thông tin')!.values()];
    expect(settings).toEqual(expect.arrayContaining(['Trường Mầm non Hoa Sen', 'MNHS', '2025']));
  });

  it('run again on a complete workbook: nothing new reported, the file not rewritten at all', async () => {
    const file = copyTo(dir, SAMPLE);
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const r = await run(['init', file]);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('không có gì mới');
    expect(r.out).not.toMatch(/Trang mới|Cột mới/);
    // Byte for byte, not even a log row: a rewrite would drop what exceljs does not model.
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);

    const json = await run(['init', file, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ templateVersion: 1, createdSheets: [], addedColumns: [], sample: false });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('upgrades a workbook missing a sheet and a column, keeping every entry', async () => {
    const file = path.join(dir, 'cu.xlsx');
    let noteCell = '';
    await editXlsx(SAMPLE, file, (wb) => {
      wb.removeWorksheet(sheet(wb, 'Hoạt động').id);
      const tasks = sheet(wb, 'Kế hoạch');
      noteCell = cellUnder(tasks, 'Ghi chú', 1);
      tasks.spliceColumns(tasks.getColumn(noteCell.replace(/\d+/, '')).number, 1);
    });
    const before = await dump(file);
    const r = await run(['init', file]);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/Trang mới: Hoạt động/);
    expect(r.out).toMatch(/Cột mới: Kế hoạch › Ghi chú/);
    const after = await dump(file);
    for (const name of INPUT_SHEETS) {
      const was = before.get(name);
      if (!was) continue;
      const now = after.get(name)!;
      for (const [a1, v] of was) if (!/^[A-Z]+1$/.test(a1)) expect(now.get(a1), `${name}!${a1}`).toBe(v);
    }
    expect(after.has('Hoạt động')).toBe(true);
  });

  it('--sample gives a workbook that validates with no error', async () => {
    const r = await run(['validate', SAMPLE, '--json']);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out).counts.error).toBe(0);
  });

  it('--sample on an existing file is refused and the file is left byte for byte', async () => {
    const file = copyTo(dir, SAMPLE);
    const bytes = readFileSync(file);
    expectRefused(await run(['init', file, '--sample']), /--sample/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses --year abc, a name without .xlsx and a file that is not a workbook, writing nothing', async () => {
    const file = path.join(dir, 'nam-sai.xlsx');
    expectRefused(await run(['init', file, '--year', 'abc']), /abc/);
    expect(existsSync(file)).toBe(false);
    expectRefused(await run(['init', path.join(dir, 'truong')]), /\.xlsx/);
    expect(existsSync(path.join(dir, 'truong'))).toBe(false);
    const text = path.join(dir, 'vanban.xlsx');
    writeFileSync(text, 'không phải bảng tính');
    expectRefused(await run(['init', text]));
    expect(readFileSync(text, 'utf8')).toBe('không phải bảng tính');
  });
});

describe('validate', () => {
  let withErrors: string;
  let errorCells: { date: string; percent: string; score: string; code: string };

  beforeAll(async () => {
    withErrors = path.join(dir, 'loi.xlsx');
    await editXlsx(SAMPLE, withErrors, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      const kpis = sheet(wb, 'Chỉ tiêu');
      const inits = sheet(wb, 'Sáng kiến');
      errorCells = {
        date: cellUnder(tasks, 'Hạn hoàn thành', 3),
        // NFD, as some keyboards type it: every message quoting it must come out NFC.
        percent: cellUnder(tasks, '% hoàn thành', 4),
        score: cellUnder(inits, 'Điểm hợp pháp, hiệu quả', 2),
        code: cellUnder(kpis, 'Mã', 3),
      };
      tasks.getCell(errorCells.date).value = '31/02/2024';
      tasks.getCell(errorCells.percent).value = 'nhiều lắm'.normalize('NFD');
      inits.getCell(errorCells.score).value = 'mười lăm';
      kpis.getCell(errorCells.code).value = kpis.getCell(cellUnder(kpis, 'Mã', 2)).value;
    });
  });

  it('exit 0 with warnings only', async () => {
    const file = path.join(dir, 'canh-bao.xlsx');
    await editXlsx(SAMPLE, file, (wb) => {
      const tasks = sheet(wb, 'Kế hoạch');
      tasks.getCell(cellUnder(tasks, 'Chủ trì', 2)).value = 'Người Không Có Trong Danh Sách';
    });
    const r = await run(['validate', file, '--json']);
    const doc = JSON.parse(r.out);
    expect(doc.counts.error).toBe(0);
    expect(doc.counts.warning).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('exit 1 with errors; the human list names sheet, cell and message; the file is not touched', async () => {
    const before = readFileSync(withErrors);
    const r = await run(['validate', withErrors]);
    expect(readFileSync(withErrors).equals(before)).toBe(true);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/\d+ lỗi/);
    const row = (cell: string) => r.out.split('\n').find((l) => new RegExp(`\\s${cell}\\s`).test(l)) ?? '';
    expect(row(errorCells.date)).toMatch(/Lỗi\s+Kế hoạch\s+\S+\s+.*31\/02\/2024/);
    expect(row(errorCells.percent)).toMatch(/Lỗi\s+Kế hoạch\s+\S+\s+.*nhiều lắm/);
    expect(row(errorCells.score)).toMatch(/Lỗi\s+Sáng kiến\s+\S+\s+.*mười lăm/);
    expect(row(errorCells.code)).toMatch(/Lỗi\s+Chỉ tiêu\s+\S+\s+.*CT01/);
    expect(r.out).toBe(r.out.normalize('NFC'));
  });

  it('--json: one JSON document, the keys of the CLI contract (README), in English with --lang en', async () => {
    const r = await run(['validate', withErrors, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toBe(r.out.normalize('NFC'));
    const doc = JSON.parse(r.out); // throws if anything but one JSON document is on stdout
    expect(Object.keys(doc).sort()).toEqual(['asOf', 'counts', 'issues', 'templateVersion']);
    expect(doc).toMatchObject({ templateVersion: 1, asOf: '2024-06-30' });
    expect(Object.keys(doc.counts).sort()).toEqual(['error', 'notice', 'warning']);
    for (const issue of doc.issues) {
      expect(Object.keys(issue).sort()).toEqual(['cell', 'code', 'column', 'message', 'row', 'severity', 'sheet']);
      expect(['error', 'warning', 'notice']).toContain(issue.severity);
      expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
    const at = (cell: string) => doc.issues.find((i: { cell: string }) => i.cell === cell);
    expect(at(errorCells.date)).toMatchObject({ sheet: 'Kế hoạch', column: 'Hạn hoàn thành', row: 3, severity: 'error' });
    expect(at(errorCells.percent)).toMatchObject({ sheet: 'Kế hoạch', column: '% hoàn thành', row: 4, severity: 'error' });
    expect(at(errorCells.score)).toMatchObject({ sheet: 'Sáng kiến', severity: 'error' });
    expect(at(errorCells.code)).toMatchObject({ sheet: 'Chỉ tiêu', column: 'Mã', row: 3, severity: 'error' });
    expect(at(errorCells.date).message).toMatch(/does not exist/);
    expect(doc.counts.error).toBe(doc.issues.filter((i: { severity: string }) => i.severity === 'error').length);
  });

  it('progress and report still run on it (exit 0) and say on stderr that error rows are left out', async () => {
    const file = copyTo(dir, withErrors);
    const p = await run(['progress', file, '--json']);
    expect(p.code).toBe(0);
    JSON.parse(p.out);
    expect(lines(p.err)).toEqual([expect.stringMatching(/4 lỗi.*cchc validate/)]);
    const r = await run(['report', file, '--type', 'quarterly', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/4 error.*left out/);
  });

  it('--as-of moves the as-of date; an impossible one is refused', async () => {
    const r = await run(['validate', SAMPLE, '--json', '--as-of', '2024-05-15']);
    expect(JSON.parse(r.out).asOf).toBe('2024-05-15');
    expectRefused(await run(['validate', SAMPLE, '--as-of', '2024-02-30']), /2024-02-30/);
    expectRefused(await run(['validate', SAMPLE, '--as-of', '31/02/2024', '--json']), /31\/02\/2024/);
    expectRefused(await run(['validate', SAMPLE, '--as-of', 'hôm qua']), /30\/06\/2024 hoặc 2024-06-30/);
  });

  describe('a file that cannot be used: exit 2, one line, nothing on stdout (also with --json)', () => {
    it('no such file', async () => {
      expectRefused(await run(['validate', path.join(dir, 'khong-co.xlsx')]), /Không tìm thấy/);
      expectRefused(await run(['validate', path.join(dir, 'khong-co.xlsx'), '--json', '--lang', 'en']), /not found/);
    });

    it('a text file renamed .xlsx', async () => {
      const file = path.join(dir, 'gia.xlsx');
      writeFileSync(file, 'Tên,Tuổi\nAn,5\n');
      expectRefused(await run(['validate', file, '--json']), /xlsx/);
    });

    it('an .xlsx with no template points to cchc init', async () => {
      const file = path.join(dir, 'trong.xlsx');
      await editXlsx(SAMPLE, file, (wb) => {
        for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
        wb.addWorksheet('Sheet1').getCell('A1').value = 'xin chào';
      });
      for (const cmd of ['validate', 'progress']) expectRefused(await run([cmd, file, '--json']), /cchc init/);
    });

    it('a workbook of a newer template version', async () => {
      const file = path.join(dir, 'moi-hon.xlsx');
      await editXlsx(SAMPLE, file, (wb) => {
        sheet(wb, 'Thông tin').eachRow((row) => {
          if (row.getCell(1).value === 'Phiên bản mẫu') row.getCell(2).value = 99;
        });
      });
      expectRefused(await run(['validate', file]), /99/);
      expectRefused(await run(['progress', file, '--json']), /99/);
      const before = readFileSync(file);
      expectRefused(await run(['init', file]), /99/);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  });
});

describe('progress', () => {
  it('--json has the shape of the CLI contract (README)', async () => {
    const r = await run(['progress', SAMPLE, '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const p = JSON.parse(r.out);
    expect(Object.keys(p).sort()).toEqual(['asOf', 'initiatives', 'kpiCounts', 'kpis', 'people', 'period', 'tasks', 'templateVersion', 'unit'].sort());
    expect(p).toMatchObject({ templateVersion: 1, asOf: '2024-06-30', period: 'Q2', unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' } });

    const t = p.tasks;
    expect(Object.keys(t).sort()).toEqual([...COUNTERS, 'byArea', 'rows'].sort());
    expect(t.total).toBe(STATES.reduce((n, s) => n + t[s], 0));
    expect(t.done).toBe(t.doneOnTime + t.doneLate);
    expect(t.total).toBeGreaterThan(0);
    expect(Object.keys(t.byArea)).toEqual(['LV1', 'LV2', 'LV3', 'LV4', 'LV5', 'LV6', 'LV7', 'LV8']);
    for (const [area, a] of Object.entries<Record<string, number>>(t.byArea)) {
      expect(Object.keys(a).sort(), area).toEqual([...COUNTERS].sort());
      expect(a.total, area).toBe(STATES.reduce((n, s) => n + a[s]!, 0));
    }
    for (const c of COUNTERS) expect(Object.values<Record<string, number>>(t.byArea).reduce((n, a) => n + a[c]!, 0), c).toBe(t[c]);
    expect(t.rows).toHaveLength(t.total);
    for (const row of t.rows) {
      expect(Object.keys(row).sort()).toEqual(['row', 'state']);
      expect(row.row).toBeGreaterThanOrEqual(2);
      expect(STATES).toContain(row.state);
    }

    for (const k of p.kpis) {
      expect(k).toEqual(expect.objectContaining({ code: expect.any(String), area: expect.stringMatching(/^LV[1-8]$/) }));
      expect(['ratio', 'count', 'yesno', 'rating']).toContain(k.kind);
      expect(['>=', '<=']).toContain(k.direction);
      expect(['met', 'near', 'notMet', 'notApplicable', 'noData']).toContain(k.status);
      expect(k).toHaveProperty('target');
      expect(k).toHaveProperty('value');
      expect(k).toHaveProperty('achievement');
    }
    expect(Object.keys(p.kpiCounts).sort()).toEqual(['met', 'near', 'noData', 'notApplicable', 'notMet']);
    expect(Object.values<number>(p.kpiCounts).reduce((a, b) => a + b, 0)).toBe(p.kpis.length);

    expect(p.people.length).toBeGreaterThan(0);
    for (const person of p.people) expect(Object.keys(person).sort()).toEqual(['done', 'doneAhead', 'doneOnTime', 'name', 'overdue', 'total']);
    expect(p.people.reduce((n: number, x: { total: number }) => n + x.total, 0)).toBe(t.total);

    expect(Object.keys(p.initiatives).sort()).toEqual(['byStage', 'eligible', 'total']);
    expect(Object.keys(p.initiatives.byStage).sort()).toEqual(['accepted', 'done', 'inProgress', 'proposed', 'recognised', 'registered', 'stopped']);
    expect(Object.values<number>(p.initiatives.byStage).reduce((a, b) => a + b, 0)).toBe(p.initiatives.total);
  });

  it('the as-of date and period follow the workbook contract', async () => {
    const q1 = JSON.parse((await run(['progress', SAMPLE, '--json', '--period', 'Q1', '--as-of', '2024-06-30'])).out);
    expect(q1).toMatchObject({ asOf: '2024-03-31', period: 'Q1' });
    const q1today = JSON.parse((await run(['progress', SAMPLE, '--json', '--period', 'q1'])).out);
    expect(q1today).toMatchObject({ asOf: '2024-03-31', period: 'Q1' });
    // Today after the plan year: the plan year's last day, Quý IV.
    const late = JSON.parse((await run(['progress', SAMPLE, '--json'], { CCHC_TODAY: '2025-03-10' })).out);
    expect(late).toMatchObject({ asOf: '2024-12-31', period: 'Q4' });
    const may = JSON.parse((await run(['progress', SAMPLE, '--json'], { CCHC_TODAY: '2024-05-02' })).out);
    expect(may).toMatchObject({ asOf: '2024-05-02', period: 'Q2' });
    expectRefused(await run(['progress', SAMPLE, '--period', 'Q5']), /Q5/);
  });

  it('prints Vietnamese tables without --json and leaves the file alone without --write', async () => {
    const file = copyTo(dir, SAMPLE);
    const bytes = readFileSync(file);
    const vi = await run(['progress', file]);
    expect(vi).toMatchObject({ code: 0, err: '' });
    expect(vi.out).toContain('Trường Mầm non Bến Thành');
    expect(vi.out).toMatch(/NHIỆM VỤ[\s\S]*CHỈ TIÊU[\s\S]*SÁNG KIẾN/);
    expect(vi.out).toBe(vi.out.normalize('NFC'));
    expect((await run(['progress', file, '--lang', 'en'])).out).not.toBe(vi.out);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('--write fills the ⚙ columns, Tổng hợp and Nhật ký; again gives the same figures; input untouched', async () => {
    const file = copyTo(dir, SAMPLE);
    const before = await dump(file);
    const r1 = await run(['progress', file, '--write']);
    expect(r1, r1.err).toMatchObject({ code: 0, err: '' });
    const once = await dump(file);
    const r2 = await run(['progress', file, '--write', '--json']);
    expect(r2, r2.err).toMatchObject({ code: 0, err: '' });
    JSON.parse(r2.out);
    const twice = await dump(file);

    for (const name of INPUT_SHEETS) {
      const b = splitComputed(before.get(name)!);
      const o = splitComputed(once.get(name)!);
      const t = splitComputed(twice.get(name)!);
      expect(o.input, `${name}: input cells after --write`).toEqual(b.input);
      expect(t.input, `${name}: input cells after a second --write`).toEqual(b.input);
      expect(t.computed, `${name}: ⚙ cells after a second --write`).toEqual(o.computed);
    }
    // Every counted task row got its Tình trạng.
    const tasks = splitComputed(once.get('Kế hoạch')!).computed;
    expect(Object.keys(tasks)).toHaveLength(JSON.parse(r2.out).tasks.rows.length);
    expect(Object.values(tasks)).toContain('Quá hạn');

    expect(before.get('Tổng hợp')!.size).toBe(0);
    expect(once.get('Tổng hợp')!.size).toBeGreaterThan(10);
    expect(Object.fromEntries(twice.get('Tổng hợp')!)).toEqual(Object.fromEntries(once.get('Tổng hợp')!));

    const logRows = (d: Map<string, Map<string, string>>) => new Set([...d.get('Nhật ký')!.keys()].map((a) => a.replace(/^[A-Z]+/, ''))).size;
    expect(logRows(once)).toBe(logRows(before) + 1);
    expect(logRows(twice)).toBe(logRows(once) + 1);
  });
});

describe('report', () => {
  let file: string;
  let out: string;
  // A folder of its own: the other tests' reports (same school, same numbers) are beside their
  // workbooks in \`dir\`, and a report never replaces another document.
  let docsDir: string;
  beforeAll(() => {
    docsDir = path.join(dir, 'bao-cao-truong');
    mkdirSync(docsDir, { recursive: true });
    out = path.join(dir, 'bao-cao');
    file = copyTo(docsDir, SAMPLE, 'bao-cao.xlsx');
  });

  const isDocx = (p: string) => existsSync(p) && readFileSync(p).subarray(0, 2).toString('latin1') === 'PK';

  it('numbers documents per kind and year, beside the workbook, and logs them', async () => {
    const logBefore = (await dump(file)).get('Nhật ký')!.size;
    const q1 = await run(['report', file, '--type', 'quarterly', '--date', '2024-07-05']);
    expect(q1, q1.err).toMatchObject({ code: 0, err: '' });
    expect(q1.out).toMatch(/01\/BC-MNBT/);
    const q2 = JSON.parse((await run(['report', file, '--type', 'quarterly', '--json', '--date', '2024-07-06'])).out);
    expect(q2).toMatchObject({ type: 'quarterly', number: '02/BC-MNBT', pdf: null, asOf: '2024-06-30', period: 'Q2' });
    const plan = JSON.parse((await run(['report', file, '--type', 'plan', '--json'])).out);
    expect(plan.number).toBe('01/KH-MNBT');
    const inits = JSON.parse((await run(['report', file, '--type', 'initiatives', '--json'])).out);
    expect(inits.number).toMatch(/^\d\d\/BC-MNBT$/);
    for (const doc of [q2, plan, inits]) {
      expect(path.dirname(doc.file)).toBe(docsDir);
      expect(isDocx(doc.file), doc.file).toBe(true);
    }
    expect(new Set([q2.file, plan.file, inits.file]).size).toBe(3);
    expect((await dump(file)).get('Nhật ký')!.size).toBeGreaterThan(logBefore);
    // A new year starts at 01 again.
    const next = JSON.parse((await run(['report', file, '--type', 'quarterly', '--json', '--date', '2025-01-10'])).out);
    expect(next.number).toBe('01/BC-MNBT');
  });

  it('--out writes there; --number regenerates with that number', async () => {
    const target = path.join(out, 'bao cao quy.docx');
    const r = await run(['report', file, '--type', 'quarterly', '--out', target, '--number', '5', '--json']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ number: '05/BC-MNBT', file: target });
    expect(isDocx(target)).toBe(true);
  });

  it('refuses a bad --type, --out, --number or --date without writing anything', async () => {
    const bytes = readFileSync(file);
    const docs = readdirSync(docsDir).filter((f) => f.endsWith('.docx')).length;
    expectRefused(await run(['report', file, '--type', 'monthly']), /--type/);
    expectRefused(await run(['report', file]), /--type/);
    expectRefused(await run(['report', file, '--type', 'plan', '--out', path.join(dir, 'x.pdf')]), /\.docx/);
    expectRefused(await run(['report', file, '--type', 'plan', '--number', '0']), /--number/);
    expectRefused(await run(['report', file, '--type', 'plan', '--date', '2024-02-30']), /--date/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(docsDir).filter((f) => f.endsWith('.docx')).length).toBe(docs);
  });

  it('a workbook with no template is refused and no document written', async () => {
    const empty = path.join(out, 'rong.xlsx');
    await editXlsx(SAMPLE, empty, (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
      wb.addWorksheet('Sheet1');
    });
    expectRefused(await run(['report', empty, '--type', 'plan']));
    expect(readdirSync(out).filter((f) => f.endsWith('.docx') && f.startsWith('KH'))).toEqual([]);
  });

  it('--pdf with no LibreOffice: one clear line on stderr, the .docx still written', async () => {
    const r = await run(['report', file, '--type', 'plan', '--pdf']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toMatch(/LibreOffice/);
    const written = /: (\/.*\.docx)$/m.exec(r.out)?.[1];
    expect(written, r.out).toBeTruthy();
    expect(isDocx(written!)).toBe(true);
    expect(existsSync(written!.replace(/\.docx$/, '.pdf'))).toBe(false);

    const json = await run(['report', file, '--type', 'plan', '--pdf', '--json', '--lang', 'en']);
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/LibreOffice was not found/);
    const doc = JSON.parse(json.out);
    expect(doc.pdf).toBeNull();
    expect(isDocx(doc.file)).toBe(true);
  });
});

describe.runIf(requireTool(findSoffice(process.env) !== null, 'LibreOffice Writer', 'libreoffice-writer-nogui'))('report --pdf where LibreOffice is installed', () => {
  it('writes the PDF beside the .docx', async () => {
    const own = path.join(dir, 'pdf');
    mkdirSync(own, { recursive: true });
    const file = copyTo(own, SAMPLE);
    const r = await run(['report', file, '--type', 'initiatives', '--pdf', '--json'], { CCHC_SOFFICE: findSoffice(process.env)! });
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    const doc = JSON.parse(r.out);
    expect(doc.pdf).toBe(doc.file.replace(/\.docx$/, '.pdf'));
    expect(readFileSync(doc.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});

describe('demo (npm start)', () => {
  it('runs end to end into --out, keeps other files there, and prints a summary', async () => {
    const out = path.join(dir, 'demo');
    const r1 = await run(['demo', '--out', out]);
    writeFileSync(path.join(out, 'cua-toi.txt'), 'giữ lại');
    const r = await run(['demo', '--out', out]);
    for (const x of [r1, r]) expect(x, x.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/0 lỗi/);
    expect(r.out).toMatch(/01\/BC-MNBT[\s\S]*01\/KH-MNBT/);
    expect(r.out).toContain('NHIỆM VỤ');
    expect(r.out).toBe(r.out.normalize('NFC'));
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(1);
    expect(readFileSync(path.join(out, 'cua-toi.txt'), 'utf8')).toBe('giữ lại');
    const xlsx = path.join(out, files.find((f) => f.endsWith('.xlsx'))!);
    expect(r.out).toContain(xlsx);
    const check = await run(['validate', xlsx, '--json']);
    expect(check.code).toBe(0);
  });
});

describe('progress bar on a terminal', () => {
  let dir: string;
  let sample: string;
  beforeAll(async () => {
    dir = tempDir();
    sample = path.join(dir, 'mau.xlsx');
    expect((await run(['init', sample, '--sample'])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows its steps on stderr when stdout is a terminal, and clears the line', async () => {
    const r = await run(['report', copyTo(dir, sample), '--type', 'plan'], {}, true);
    expect(r.code).toBe(0);
    expect(r.err).toContain('1/3 Đọc tệp');
    expect(r.err).toContain('3/3 Lưu tệp');
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
    expect(r.out).not.toContain('\x1b');
  });

  it('stays quiet when piped', async () => {
    const r = await run(['progress', copyTo(dir, sample), '--write'], {}, false);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('clears the bar before a one-line error', async () => {
    const r = await run(['report', path.join(dir, 'khong-co.xlsx'), '--type', 'plan'], {}, true);
    expect(r.code).toBe(2);
    const last = r.err.split('\r\x1b[K').at(-1)!;
    expect(last).toMatch(/^cchc report: .*khong-co\.xlsx.*\n$/);
  });
});
