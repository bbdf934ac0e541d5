// `cchc aggregate` in real processes on real files: a district of dozens of schools made from the
// sample, with every way a school can fail, read on a pool of worker threads; each school's
// figures are its own `cchc progress --json`; a second run reads only the file that changed.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SOFFICE, TODAY, lines, run, sheet, tempDir } from './cli-helpers.ts';
import { makeCorrupt, makeDistrict, makeSchool, makeUnreadable, type ListRow } from './district-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/cchc.mjs');

interface BinRun {
  code: number;
  out: string;
  err: string;
}

/** The real bin in a child process, in `cwd`, stdout piped. */
function cchc(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CCHC_TODAY: TODAY, ...NO_SOFFICE, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout, err: stderr });
    });
  });
}

const AS_OF = ['--as-of', '15/05/2024', '--period', 'Q2'];
const canDenyRead = typeof process.getuid === 'function' && process.getuid() !== 0;

interface School extends ListRow {
  /** The file (absolute); the list holds `link`, relative to the district workbook. */
  file: string;
  status: string;
}

let dir = '';
let sample = '';
let district = '';
const schools: School[] = [];

beforeAll(async () => {
  dir = tempDir();
  sample = path.join(dir, 'sample.xlsx');
  const init = await run(['init', sample, '--sample']);
  if (init.code !== 0) throw new Error(init.err);
  mkdirSync(path.join(dir, 'truong'));
  const add = (code: string, name: string, status: string, link = `truong/${code.toLowerCase()}.xlsx`) => {
    const s = { code, name, link, file: path.join(dir, link), status };
    schools.push(s);
    return s;
  };
  const made: Promise<void>[] = [];
  // 24 schools that read, each a little different (tasks and targets left out).
  const good: School[] = [];
  for (let k = 1; k <= 24; k++) {
    const code = `MN${String(k).padStart(2, '0')}`;
    const s = add(code, `Trường Mầm non Số ${k}`, 'ok');
    good.push(s);
    made.push(makeSchool(sample, s.file, { code, name: s.name, dropTasks: k % 7, dropKpis: k % 4 }));
  }
  const errors = add('MN25', 'Trường Mầm non Có Lỗi', 'dataErrors');
  made.push(makeSchool(sample, errors.file, { code: 'MN25', name: errors.name, badDate: true }));
  const year = add('MN26', 'Trường Mầm non Năm Trước', 'otherYear');
  made.push(makeSchool(sample, year.file, { code: 'MN26', name: year.name, year: 2023 }));
  const newer = add('MN27', 'Trường Mầm non Mẫu Mới', 'wrongTemplate');
  made.push(makeSchool(sample, newer.file, { code: 'MN27', name: newer.name, version: 2 }));
  const noSheet = add('MN28', 'Trường Mầm non Thiếu Trang', 'wrongTemplate');
  made.push(makeSchool(sample, noSheet.file, { code: 'MN28', name: noSheet.name, removeSheet: 'Kế hoạch' }));
  // A second file with MN01's own code, listed under another code: read, not counted twice.
  const dup = add('MN29', 'Trường Mầm non Bản Sao', 'duplicate');
  made.push(makeSchool(sample, dup.file, { code: 'MN01', name: 'Trường Mầm non Số 1', dropTasks: 1, dropKpis: 1 }));
  await Promise.all(made);
  makeCorrupt(sample, add('MN30', 'Trường Mầm non Tệp Hỏng', 'unreadable').file);
  add('MN31', 'Trường Mầm non Không Có Tệp', 'notFound', 'truong/khong-co.xlsx');
  if (canDenyRead) makeUnreadable(sample, add('MN32', 'Trường Mầm non Không Quyền', 'noAccess').file);
  // The list is in no file-name order: the failures between the good ones, MN02 last.
  const order = [schools[0] as School, ...schools.slice(2, 12), ...schools.slice(24), ...schools.slice(12, 24), schools[1] as School];
  schools.splice(0, schools.length, ...order);
  district = path.join(dir, 'tong-hop.xlsx');
  await makeDistrict(district, schools);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SchoolJson {
  code: string;
  name: string;
  source: string;
  status: string;
  templateVersion: number | null;
  errors: number;
  changedAt: string | null;
  readAt: string | null;
  reused: boolean;
  message: string;
  tasks?: Record<string, unknown>;
  kpiCounts?: Record<string, number>;
  kpis?: unknown[];
  initiatives?: unknown;
}
interface AggregateJson {
  asOf: string;
  period: string;
  unit: { code: string; name: string };
  schools: SchoolJson[];
  totals: { schools: number; read: number; failed: number; tasks: Record<string, unknown>; kpiCounts: Record<string, number> };
  kpis: Record<string, Record<string, number>>;
  stats: { filesRead: number; reused: number; ms: number };
}

/** The school's own figures: `cchc progress --json` at the same as-of date and period. */
async function ownFigures(file: string): Promise<Record<string, unknown>> {
  const r = await run(['progress', file, '--json', ...AS_OF]);
  expect(r.code, r.err).toBe(0);
  const p = JSON.parse(r.out) as { tasks: Record<string, unknown>; kpiCounts: unknown; kpis: unknown; initiatives: unknown };
  const { rows: _rows, ...tasks } = p.tasks;
  return { tasks, kpiCounts: p.kpiCounts, kpis: p.kpis, initiatives: p.initiatives };
}

const figuresOf = (s: SchoolJson) => ({ tasks: s.tasks, kpiCounts: s.kpiCounts, kpis: s.kpis, initiatives: s.initiatives });
const WITH_FIGURES = new Set(['ok', 'dataErrors', 'otherYear', 'duplicate']);

describe('cchc aggregate LIST.xlsx', () => {
  let first: AggregateJson;
  let ndjson = '';

  it('reads every school on a pool of threads, in list order, each as its file says', async () => {
    ndjson = path.join(dir, 'truong.ndjson');
    const r = await cchc(['aggregate', district, ...AS_OF, '--jobs', '4', '--ndjson', ndjson, '--json']);
    expect(r.code, r.err).toBe(0);
    first = JSON.parse(r.out) as AggregateJson;
    expect(Object.keys(first)).toEqual(['asOf', 'period', 'unit', 'schools', 'totals', 'kpis', 'stats']);
    expect(first).toMatchObject({ asOf: '2024-05-15', period: 'Q2', unit: { code: 'PGDQ1', name: 'Phòng Giáo dục và Đào tạo Quận 1' } });
    expect(first.schools.map((s) => s.code)).toEqual(schools.map((s) => s.code));
    expect(first.schools.map((s) => s.status)).toEqual(schools.map((s) => s.status));
    expect(first.schools.map((s) => s.source)).toEqual(schools.map((s) => s.link));
    for (const s of first.schools) {
      expect(s.reused).toBe(false);
      expect(Object.keys(s).sort()).toEqual(
        [
          'code', 'name', 'source', 'status', 'templateVersion', 'errors', 'changedAt', 'readAt', 'reused', 'message',
          ...(WITH_FIGURES.has(s.status) ? ['tasks', 'kpiCounts', 'kpis', 'initiatives'] : []),
        ].sort(),
      );
      expect(s.message === '', `${s.code}: ${s.message}`).toBe(s.status === 'ok');
      expect(s.readAt).toMatch(/^2024-06-30T\d\d:\d\d:\d\d\+07:00$/);
    }
    const counted = first.schools.filter((s) => s.status === 'ok' || s.status === 'dataErrors');
    expect(first.totals).toMatchObject({ schools: schools.length, read: counted.length, failed: schools.length - counted.length });
    expect(first.totals.tasks.total).toBe(counted.reduce((n, s) => n + (s.tasks?.total as number), 0));
    // Every file there was opened once; the missing one (and one denied) was not.
    expect(first.stats).toMatchObject({ filesRead: schools.filter((s) => s.status !== 'notFound' && s.status !== 'noAccess').length, reused: 0 });
    expect(first.schools.find((s) => s.status === 'duplicate')?.message).toContain('truong/mn01.xlsx');
    expect(first.schools.find((s) => s.code === 'MN27')?.templateVersion).toBe(2);
  });

  it("gives each school's figures exactly as its own `cchc progress --json`", async () => {
    const withFigures = first.schools.filter((s) => WITH_FIGURES.has(s.status));
    expect(withFigures.length).toBeGreaterThanOrEqual(27);
    // The schools differ: not one figure repeated across the district.
    expect(new Set(withFigures.map((s) => JSON.stringify(s.tasks))).size).toBeGreaterThan(5);
    for (const s of withFigures) {
      const file = schools.find((x) => x.code === s.code)!.file;
      expect(figuresOf(s), s.code).toEqual(await ownFigures(file));
    }
    // The targets across the district count each counted school's status once.
    const counted = first.schools.filter((s) => s.status === 'ok' || s.status === 'dataErrors');
    for (const [code, c] of Object.entries(first.kpis)) {
      expect(Object.values(c).reduce((a, b) => a + b, 0), code).toBe(counted.filter((s) => (s.kpis as { code: string }[]).some((k) => k.code === code)).length);
    }
  });

  it('--ndjson: one line per school, the schools of --json', () => {
    const text = readFileSync(ndjson, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l) as SchoolJson);
    expect(rows).toEqual(first.schools);
  });

  it('writes the district workbook: the summary in list order, the stored reads hidden away', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(district);
    const summary = sheet(wb, 'Tổng hợp đơn vị');
    const codes: string[] = [];
    summary.eachRow((row, i) => void (i > 1 && codes.push(String(row.getCell(1).value))));
    expect(codes).toEqual(schools.map((s) => s.code));
    const stored = sheet(wb, 'Lưu trữ đọc');
    expect(stored.actualRowCount).toBeGreaterThan(schools.length - 3);
  });

  it('run again: reads only the school whose file changed, keeps the others', async () => {
    const edited = schools.find((s) => s.code === 'MN05')!;
    await makeSchool(sample, edited.file, { code: 'MN05', name: edited.name, dropTasks: 12 });
    const r = await cchc(['aggregate', district, ...AS_OF, '--json']);
    expect(r.code, r.err).toBe(0);
    const again = JSON.parse(r.out) as AggregateJson;
    expect(again.schools.map((s) => s.code)).toEqual(schools.map((s) => s.code));
    // The missing file (and one not ours to read) is tried again: it is not opened.
    expect(again.stats.filesRead).toBe(1);
    for (const s of again.schools) {
      const retried = s.status === 'notFound' || s.status === 'noAccess';
      expect(s.reused, s.code).toBe(s.code !== 'MN05' && !retried);
    }
    const mn05 = again.schools.find((s) => s.code === 'MN05')!;
    expect(figuresOf(mn05)).toEqual(await ownFigures(edited.file));
    expect(figuresOf(mn05)).not.toEqual(figuresOf(first.schools.find((s) => s.code === 'MN05')!));
    // What was kept is what was read.
    const before = new Map(first.schools.map((s) => [s.code, s]));
    for (const s of again.schools.filter((x) => x.reused)) expect({ ...s, reused: false }).toEqual(before.get(s.code));
    expect(again.stats.reused).toBe(again.schools.filter((s) => s.reused).length);

    // --full reads every file (another as-of date or period too: test/core/district/plan.test.ts).
    // With --report, the district report beside it; a report once written is never replaced.
    const docx = path.join(dir, 'bao-cao.docx');
    const full = await run(['aggregate', district, ...AS_OF, '--full', '--json', '--out', path.join(dir, 'full.xlsx'), '--report', docx, '--date', '01/07/2024']);
    expect(full.code, full.err).toBe(0);
    expect((JSON.parse(full.out) as AggregateJson).stats).toMatchObject({ filesRead: first.stats.filesRead, reused: 0 });
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const again2 = await run(['aggregate', district, ...AS_OF, '--out', path.join(dir, 'full.xlsx'), '--report', docx]);
    expect(again2.code).toBe(2);
    expect(lines(again2.err)).toEqual([expect.stringContaining('bao-cao.docx')]);
  });

  it('a list that cannot be used: exit 2, one line on stderr, nothing on stdout', async () => {
    const [missing, school, folder] = await Promise.all([
      cchc(['aggregate', path.join(dir, 'khong-co.xlsx'), '--json']),
      cchc(['aggregate', sample, '--json']),
      run(['aggregate', path.join(dir, 'khong-co-thu-muc') + path.sep, '--jobs', '0']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(lines(missing.err)).toHaveLength(1);
    expect(missing.err).toMatch(/^cchc aggregate: Không tìm thấy tệp/);
    expect(school.code).toBe(2);
    expect(school.out).toBe('');
    expect(lines(school.err)).toHaveLength(1);
    expect(school.err).toContain('không phải bảng tính tổng hợp');
    expect(folder.code).toBe(2);
    expect(lines(folder.err)).toEqual([expect.stringContaining('--jobs')]);
  });
});

describe('cchc aggregate DIR', () => {
  it('reads every .xlsx of the folder, skips a district workbook in it, writes tong-hop-don-vi.xlsx here', async () => {
    const folder = path.join(dir, 'thu-muc');
    const here = path.join(dir, 'o-day');
    mkdirSync(folder);
    mkdirSync(here);
    await Promise.all([
      makeSchool(sample, path.join(folder, 'b.xlsx'), { code: 'MNB', name: 'Trường Mầm non B' }),
      makeSchool(sample, path.join(folder, 'a.xlsx'), { code: 'MNA', name: 'Trường Mầm non A', dropTasks: 3 }),
      makeDistrict(path.join(folder, 'tong-hop-cu.xlsx'), []),
    ]);
    const r = await cchc(['aggregate', folder, '--as-of', '30/06/2024', '--json'], here);
    expect(r.code, r.err).toBe(0);
    const agg = JSON.parse(r.out) as AggregateJson;
    expect(agg.schools.map((s) => [s.code, s.name, s.source, s.status])).toEqual([
      ['MNA', 'Trường Mầm non A', path.join('..', 'thu-muc', 'a.xlsx'), 'ok'],
      ['MNB', 'Trường Mầm non B', path.join('..', 'thu-muc', 'b.xlsx'), 'ok'],
    ]);
    expect(lines(r.err)).toEqual([expect.stringContaining('tong-hop-cu.xlsx')]);
    expect(existsSync(path.join(here, 'tong-hop-don-vi.xlsx'))).toBe(true);
    // No district workbook before: the district's year is the as-of date's.
    const late = await run(['aggregate', folder, '--as-of', '30/06/2025', '--json', '--out', path.join(dir, 'nam-2025.xlsx')]);
    expect(late.code, late.err).toBe(0);
    expect((JSON.parse(late.out) as AggregateJson).schools.map((s) => s.status)).toEqual(['otherYear', 'otherYear']);
  });

  it('says it in a table, in Vietnamese or English', async () => {
    const folder = path.join(dir, 'thu-muc');
    const vi = await run(['aggregate', folder, '--out', path.join(dir, 'bang.xlsx')]);
    expect(vi.code, vi.err).toBe(0);
    expect(vi.out).toMatch(/Mã\s+Đơn vị\s+Trạng thái\s+Nhiệm vụ\s+Tỷ lệ HT/);
    expect(vi.out).toContain('Trường Mầm non A');
    expect(vi.out).toMatch(/Tổng: 2 đơn vị, 2 được tính, 0 không tính\./);
    const en = await run(['--lang', 'en', 'aggregate', folder, '--out', path.join(dir, 'bang.xlsx')]);
    expect(en.code, en.err).toBe(0);
    expect(en.out).toMatch(/Code\s+Unit\s+Status\s+Tasks\s+Share done/);
    expect(en.out).toMatch(/Total: 2 units, 2 counted, 0 not counted\./);
    // The district workbook in the folder is opened again (to see it is one); the schools are not.
    expect(en.out).toMatch(/Read 1 files, reused 2 stored results/);
  });
});
