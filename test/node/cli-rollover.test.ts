// `cchc rollover` through the built bin (dist/cli/cchc.mjs, `node build.mjs` first) on real files:
// the old year's file keeps every cell but gains its one `Nhật ký` row; the new year's file is
// read back with exceljs (not our adapter) and checked entry by entry against the sample school
// as written by hand below; it validates clean apart from the deadlines to review, and its first
// quarterly report is made. Bad input: exit 2, one line, no file written.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cchc } from './bin-helpers.ts';
import { copyTo, dump, editXlsx, tempDir, type SheetDump } from './cli-helpers.ts';
import { SAMPLE_CARRIED_TASKS } from '../helpers/sample-carried.ts';

let dir: string;
let OLD: string;
let NEW: string;
let before: Map<string, SheetDump>;
let oldBytes: Buffer;
let first: Awaited<ReturnType<typeof cchc>>;

const DEC = { CCHC_TODAY: '2024-12-20' };

/** The data rows of a sheet whose header is row `headerRow`, as header → value (empty cells left out). */
function table(sheet: SheetDump | undefined, headerRow = 1): Record<string, string>[] {
  if (!sheet) throw new Error('no such sheet');
  const head = new Map<string, string>();
  const rows = new Map<number, Record<string, string>>();
  for (const [a1, v] of sheet) {
    const [, col, r] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    if (Number(r) === headerRow) head.set(col!, v);
  }
  for (const [a1, v] of sheet) {
    const [, col, r] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    if (Number(r) <= headerRow) continue;
    const row = rows.get(Number(r)) ?? {};
    row[head.get(col!) ?? col!] = v;
    rows.set(Number(r), row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

const day = (v: string | undefined) => v?.slice(0, 10);

/** `Thông tin`: item → value. */
const settings = (d: Map<string, SheetDump>) => Object.fromEntries(table(d.get('Thông tin')).map((r) => [r['Mục'], r['Giá trị']]));

const CARRIED = SAMPLE_CARRIED_TASKS;

const FIGURES = ['Quý I - Đạt', 'Quý I - Tổng', 'Quý II - Đạt', 'Quý II - Tổng', 'Quý III - Đạt', 'Quý III - Tổng', 'Quý IV - Đạt', 'Quý IV - Tổng', 'Minh chứng'];

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

function expectRefused(r: { code: number | null; out: string; err: string }, pattern: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(pattern);
}

beforeAll(async () => {
  dir = tempDir();
  OLD = path.join(dir, 'ke-hoach-2024.xlsx');
  NEW = path.join(dir, 'ke-hoach-2025.xlsx');
  const init = await cchc(['init', OLD, '--sample']);
  if (init.code !== 0) throw new Error(init.err);
  // The old year issued a report: a BC/2024 counter and a log row to keep.
  const report = await cchc(['report', OLD, '--type', 'quarterly', '--period', 'Q2', '--out', path.join(dir, 'bc-2024.docx')]);
  if (report.code !== 0) throw new Error(report.err);
  before = await dump(OLD);
  first = await cchc(['rollover', OLD, '--year', '2025'], DEC);
  oldBytes = readFileSync(OLD);
}, 60_000);

describe('cchc rollover on the sample school (2024 → 2025)', { timeout: 60_000 }, () => {
  it('writes the new file beside the old one, named with the new year, and says what it carried', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(existsSync(NEW)).toBe(true);
    expect(first.out).toContain(`Đã tạo ${NEW} (năm 2025) từ ${OLD}: 10 người, 16 chỉ tiêu (đã xóa số liệu), 14 nhiệm vụ chuyển sang (19 đã hoàn thành, 1 đã hủy không chuyển), 1 sáng kiến đang thực hiện`);
    expect(first.out).toContain('14 nhiệm vụ có hạn hoàn thành trong năm 2024: xem lại và đặt hạn mới.');
    expect(first.out).toContain(`Tệp ${OLD} chỉ được thêm một dòng Nhật ký.`);
  });

  it('leaves every cell of the old file as it was, apart from one new Nhật ký row', async () => {
    const after = await dump(OLD);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, cells] of before) {
      if (name === 'Nhật ký') continue;
      expect(Object.fromEntries(after.get(name)!), name).toEqual(Object.fromEntries(cells));
    }
    const oldLog = table(before.get('Nhật ký'));
    const newLog = table(after.get('Nhật ký'));
    expect(newLog.slice(0, -1)).toEqual(oldLog);
    expect(newLog).toHaveLength(oldLog.length + 1);
    const row = newLog.at(-1)!;
    expect(row['Thao tác']).toBe('Năm mới');
    expect(row['Kết quả']).toBe('Đã tạo bảng tính năm 2025 từ bảng tính này: ke-hoach-2025.xlsx. Dữ liệu năm 2024 không thay đổi.');
    expect(row['Thời gian']).toMatch(/^20\/12\/2024 \d\d:\d\d$/);
  });

  it('Thông tin: year 2025, numbering restarted, the campaign deadlines moved to 2025, the rest as it was', async () => {
    const old = settings(before);
    const now = settings(await dump(NEW));
    expect(old['Năm']).toBe('2024');
    expect(old['Số văn bản tiếp theo BC/2024']).toBe('2');
    expect(now['Năm']).toBe('2025');
    expect(Object.keys(now).filter((k) => k.startsWith('Số văn bản'))).toEqual([]);
    for (const item of ['Hạn đăng ký sáng kiến', 'Hạn báo cáo đợt 1', 'Hạn báo cáo đợt 2', 'Hạn hồ sơ khen thưởng']) {
      expect(day(old[item])!.slice(0, 4), item).toBe('2024');
      expect(day(now[item]), item).toBe(`2025${day(old[item])!.slice(4)}`);
    }
    for (const item of ['Mã đơn vị', 'Tên đơn vị', 'Cơ quan chủ quản', 'Địa danh', 'Người ký', 'Phiên bản mẫu']) expect(now[item], item).toBe(old[item]);
  });

  it('Nhân sự as it was; Hoạt động empty; Nhật ký one row saying where it came from', async () => {
    const d = await dump(NEW);
    expect(table(d.get('Nhân sự'))).toEqual(table(before.get('Nhân sự')));
    expect(table(d.get('Nhân sự'))).toHaveLength(10);
    expect(table(before.get('Hoạt động')).length).toBeGreaterThan(5);
    expect(table(d.get('Hoạt động'))).toEqual([]);
    const log = table(d.get('Nhật ký'));
    expect(log).toHaveLength(1);
    expect(log[0]!['Kết quả']).toBe('Bảng tính năm 2025, chuyển từ năm 2024 (ke-hoach-2024.xlsx): 14 nhiệm vụ, 16 chỉ tiêu, 1 sáng kiến được chuyển sang');
  });

  it('Kế hoạch: the 14 open tasks one by one, numbered again, with their owner, deadline and the note', async () => {
    const tasks = table((await dump(NEW)).get('Kế hoạch'));
    expect(tasks).toHaveLength(CARRIED.length);
    const oldTasks = table(before.get('Kế hoạch'));
    tasks.forEach((t, i) => {
      const [title, owner, due] = CARRIED[i]!;
      expect(t['STT'], title).toBe(String(i + 1));
      expect(t['Nhiệm vụ']!.startsWith(title), t['Nhiệm vụ']).toBe(true);
      expect(t['Chủ trì']).toBe(owner);
      expect(day(t['Hạn hoàn thành'])).toBe(due);
      expect(t['Ngày hoàn thành']).toBeUndefined();
      expect(['Hoàn thành', 'Hủy', 'Huỷ']).not.toContain(t['Trạng thái']);
      // Everything else as in the old row of the same task; the note put before the user's.
      const was = oldTasks.find((o) => o['Nhiệm vụ'] === t['Nhiệm vụ'])!;
      expect(t['Ghi chú']).toBe(was['Ghi chú'] ? `Chuyển từ năm 2024. ${was['Ghi chú']}` : 'Chuyển từ năm 2024');
      for (const h of ['Lĩnh vực', 'Phối hợp', 'Bắt đầu', 'Sản phẩm', 'Trạng thái', '% hoàn thành']) expect(t[h], `${title}: ${h}`).toBe(was[h]);
      expect(Object.keys(t).some((h) => h.startsWith('⚙')), 'no ⚙ cell').toBe(false);
    });
  });

  it('Chỉ tiêu: every target, its figures and evidence emptied; Sáng kiến: the one in progress', async () => {
    const d = await dump(NEW);
    const kpis = table(d.get('Chỉ tiêu'));
    const oldKpis = table(before.get('Chỉ tiêu'));
    expect(kpis.map((k) => k['Mã'])).toEqual(oldKpis.map((k) => k['Mã']));
    expect(kpis).toHaveLength(16);
    expect(oldKpis.some((k) => k['Quý I - Đạt'] !== undefined)).toBe(true);
    kpis.forEach((k, i) => {
      for (const h of FIGURES) expect(k[h], `${k['Mã']} ${h}`).toBeUndefined();
      for (const h of ['Lĩnh vực', 'Chỉ tiêu', 'Loại', 'Chiều', 'Mục tiêu', 'Cách tính', 'Nguồn số liệu', 'Chủ trì']) expect(k[h], `${k['Mã']} ${h}`).toBe(oldKpis[i]![h]);
    });
    const inits = table(d.get('Sáng kiến'));
    expect(inits).toHaveLength(1);
    expect(inits[0]!['STT']).toBe('1');
    expect(inits[0]!['Giai đoạn']).toBe('Đang triển khai');
    expect(inits[0]!['Ghi chú']).toMatch(/^Chuyển từ năm 2024/);
  });

  it('validates with no error: only the 14 deadlines of 2024 to review (warnings, exit 0)', async () => {
    const r = await cchc(['validate', NEW, '--json'], { CCHC_TODAY: '2025-01-06' });
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { counts: Record<string, number>; issues: { code: string; severity: string; sheet: string }[] };
    expect(j.counts).toEqual({ error: 0, warning: 14, notice: 0 });
    expect(j.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual(Array(14).fill(['DUE_IN_PAST_YEAR', 'warning', 'Kế hoạch']));
  });

  it('makes the first quarterly report of 2025, number 01, with the carried tasks as overdue', async () => {
    const r = await cchc(['report', NEW, '--type', 'quarterly', '--period', 'Q1'], { CCHC_TODAY: '2025-04-05' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('01/BC-MNBT');
    const docs = readdirSync(dir).filter((f) => f.endsWith('.docx') && f !== 'bc-2024.docx');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatch(/Quy-I-2025/);
    const text = await docxText(path.join(dir, docs[0]!));
    expect(text).toContain('quý I năm 2025');
    expect(text).toContain('Số: 01/BC-MNBT');
    expect(text).toContain('Tổng số nhiệm vụ trong Kế hoạch: 14; chưa có nhiệm vụ hoàn thành; quá hạn chưa hoàn thành 14.');
    expect(text).not.toContain('năm 2024');
  });
});

describe('cchc rollover refuses, exit 2, one line, nothing written', { timeout: 60_000 }, () => {
  it('a second run: the new file exists and is not written over', async () => {
    const newBytes = readFileSync(NEW);
    expectRefused(await cchc(['rollover', OLD, '--year', '2025'], DEC), /ke-hoach-2025\.xlsx đã có; không ghi đè/);
    expect(readFileSync(NEW).equals(newBytes)).toBe(true);
    expect(readFileSync(OLD).equals(oldBytes)).toBe(true);
  });

  it('a year other than the plan year + 1, or none, or not a year', async () => {
    const out = path.join(dir, 'x.xlsx');
    expectRefused(await cchc(['rollover', OLD, '--year', '2026', '--out', out], DEC), /năm 2024: năm mới chỉ có thể là 2025 \(không phải 2026\)/);
    expectRefused(await cchc(['rollover', OLD, '--year', '2024', '--out', out, '--lang', 'en'], DEC), /for 2024: the new year can only be 2025 \(not 2024\)/);
    expectRefused(await cchc(['rollover', OLD, '--out', out], DEC), /--year/);
    expectRefused(await cchc(['rollover', OLD, '--year', 'sau', '--out', out], DEC), /--year cần một năm/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(OLD).equals(oldBytes)).toBe(true);
  });

  it('a missing file, a corrupt file, a workbook that is not a school plan, --out not .xlsx or FILE itself', async () => {
    const out = path.join(dir, 'y.xlsx');
    expectRefused(await cchc(['rollover', path.join(dir, 'khong-co.xlsx'), '--year', '2025', '--out', out]), /khong-co\.xlsx/);
    const corrupt = path.join(dir, 'hong.xlsx');
    writeFileSync(corrupt, 'not a zip at all');
    expectRefused(await cchc(['rollover', corrupt, '--year', '2025', '--out', out]), /hong\.xlsx/);
    const other = path.join(dir, 'bang-luong.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Lương').addRow(['Họ tên', 'Lương']);
    await wb.xlsx.writeFile(other);
    const otherBytes = readFileSync(other);
    expectRefused(await cchc(['rollover', other, '--year', '2025', '--out', out]), /.+/);
    expect(readFileSync(other).equals(otherBytes)).toBe(true);
    expectRefused(await cchc(['rollover', OLD, '--year', '2025', '--out', path.join(dir, 'z.ods')]), /\.xlsx/);
    expectRefused(await cchc(['rollover', OLD, '--year', '2025', '--out', OLD]), /.+/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(OLD).equals(oldBytes)).toBe(true);
  });
});

describe('cchc rollover options', { timeout: 60_000 }, () => {
  it('--out and --json: the file there, the summary as one JSON document', async () => {
    const copy = copyTo(dir, OLD, 'truong.xlsx');
    const out = path.join(dir, 'nam-moi.xlsx');
    const r = await cchc(['rollover', copy, '--year', '2025', '--out', out, '--json'], DEC);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: copy, out, oldLogged: true, fromYear: 2024, toYear: 2025, people: 10, kpis: 16, counts: { error: 0, warning: 14, notice: 0 } });
    expect(j.tasks.carried).toHaveLength(14);
    expect(j.tasks.carried.filter((c: { pastYear: boolean }) => c.pastYear)).toHaveLength(14);
    expect(j.tasks).toMatchObject({ done: 19, cancelled: 1 });
    expect(settings(await dump(out))['Năm']).toBe('2025');
  });

  it('a file without the year in its name: the new one is NAME-2025.xlsx beside it', async () => {
    const sub = tempDir();
    const copy = copyTo(sub, OLD, 'truong.xlsx');
    const r = await cchc(['rollover', copy, '--year', '2025'], DEC);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(sub).sort()).toEqual(['truong-2025.xlsx', 'truong.xlsx']);
  });

  it('an old file it cannot write: the new file stands, stderr says the log row is missing (exit 0)', async () => {
    const sub = tempDir();
    const copy = copyTo(sub, OLD, 'ke-hoach-2024.xlsx');
    const bytes = readFileSync(copy);
    chmodSync(copy, 0o444);
    const r = await cchc(['rollover', copy, '--year', '2025'], DEC);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(path.join(sub, 'ke-hoach-2025.xlsx'))).toBe(true);
    expect(r.err).toMatch(/Không ghi được dòng Nhật ký vào .*ke-hoach-2024\.xlsx/);
    expect(r.out).not.toContain('chỉ được thêm một dòng Nhật ký');
    expect(readFileSync(copy).equals(bytes)).toBe(true);
  });

  it('--help says which year it takes', async () => {
    const r = await cchc(['rollover', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('năm kế hoạch + 1');
    expect((await cchc(['--help', '--lang', 'en'])).out).toContain('cchc rollover FILE.xlsx --year YYYY');
  });
});

describe('cchc rollover on a messy workbook', { timeout: 60_000 }, () => {
  // Title rows above the Kế hoạch headers, a user's own column after the ⚙ one, statuses typed
  // as people type them ("đã xong", lower case), the year typed as text.
  it('keeps the title rows and the user column, carries what the reader reads as open, the old file as it was', async () => {
    const sub = tempDir();
    const messy = path.join(sub, 'ke-hoach-2024.xlsx');
    const OWN = 'Ghi chú riêng';
    await editXlsx(OLD, messy, (wb) => {
      const tasks = wb.getWorksheet('Kế hoạch')!;
      const width = tasks.getRow(1).cellCount;
      const statusCol = (tasks.getRow(1).values as unknown[]).indexOf('Trạng thái');
      tasks.getRow(1).getCell(width + 1).value = OWN;
      for (let r = 2; r <= tasks.rowCount; r++) {
        const row = tasks.getRow(r);
        if (!row.getCell(3).value) continue;
        row.getCell(width + 1).value = `riêng ${r}`;
        const status = row.getCell(statusCol);
        if (status.value === 'Hoàn thành') status.value = 'đã xong';
        else if (status.value === 'Đang thực hiện') status.value = 'đang thực hiện';
      }
      tasks.spliceRows(1, 0, ['KẾ HOẠCH CCHC NĂM 2024'], []);
      const info = wb.getWorksheet('Thông tin')!;
      info.eachRow((row) => {
        if (row.getCell(1).value === 'Năm') row.getCell(2).value = '2024';
      });
    });
    const before = await dump(messy);
    const oldTasks = table(before.get('Kế hoạch'), 3);
    expect(oldTasks.filter((t) => t['Trạng thái'] === 'đã xong')).toHaveLength(19);

    const r = await cchc(['rollover', messy, '--year', '2025'], DEC);
    expect(r.code, r.err).toBe(0);
    const out = path.join(sub, 'ke-hoach-2025.xlsx');
    const d = await dump(out);
    const g = d.get('Kế hoạch')!;
    expect(g.get('A1')).toBe('KẾ HOẠCH CCHC NĂM 2024');
    const tasks = table(g, 3);
    expect(tasks.map((t) => t['Nhiệm vụ']!.slice(0, 20))).toEqual(CARRIED.map(([title]) => title.slice(0, 20)));
    for (const t of tasks) {
      const was = oldTasks.find((o) => o['Nhiệm vụ'] === t['Nhiệm vụ'])!;
      expect(t[OWN], t['Nhiệm vụ']).toBe(was[OWN]);
      expect(t['Trạng thái']).toBe(was['Trạng thái']);
      expect(t['Ghi chú']).toMatch(/^Chuyển từ năm 2024/);
    }
    expect(settings(d)['Năm']).toBe('2025');

    const after = await dump(messy);
    for (const [name, cells] of before) if (name !== 'Nhật ký') expect(Object.fromEntries(after.get(name)!), name).toEqual(Object.fromEntries(cells));
    const v = await cchc(['validate', out, '--json'], { CCHC_TODAY: '2025-01-06' });
    expect(v.code, v.err).toBe(0);
    expect(JSON.parse(v.out).counts).toEqual({ error: 0, warning: 14, notice: 0 });
  });
});
