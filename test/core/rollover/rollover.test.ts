// `Năm mới` (issue 14 items 4–5): the new year's workbook rolled from the old one, checked entry by
// entry against what the sample school and a messy workbook hold (expectations written by hand).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { installTemplate, InstallError } from '../../../src/core/install.ts';
import { fillSample, SAMPLE_SCHOOL } from '../../../src/core/sample.ts';
import { readSchool } from '../../../src/core/read/school.ts';
import { peekNextNumber, takeNumber } from '../../../src/core/report/numbering.ts';
import { generateReport } from '../../../src/core/app/operations.ts';
import type { AppContext } from '../../../src/core/app/context.ts';
import { createHandlers } from '../../../src/core/app/handlers.ts';
import { dispatchApiCall } from '../../../src/core/api.ts';
import { findMarker, logInOld, rollCopy, rollForward, rolloverPlace, startRollover, RolloverError } from '../../../src/core/rollover/index.ts';
import type { RawCell } from '../../../src/core/ports.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { randomSchool } from '../../fixtures/random-school.ts';
import { headers, row, schoolGrids, SETTINGS_ROWS, TASKS } from '../read/fixture.ts';
import { SAMPLE_CARRIED_TASKS } from '../../helpers/sample-carried.ts';

const WHEN = { lang: 'vi' as const, today: '2024-12-20', now: '2024-12-20T16:00:00+07:00', user: 'hieutruong@mnbenthanh.edu.vn', source: 'ke-hoach-2024.xlsx' };

function sampleBook(): MemoryWorkbook {
  const port = new MemoryWorkbook();
  installTemplate(port, { lang: 'vi', today: SAMPLE_SCHOOL.asOf, name: SAMPLE_SCHOOL.name, code: SAMPLE_SCHOOL.code, year: SAMPLE_SCHOOL.year });
  fillSample(port);
  return port;
}

/** A copy of a memory workbook's cells (what File › Make a copy, or saving as another file, gives). */
function copyOf(book: MemoryWorkbook): MemoryWorkbook {
  const grids: Record<string, RawCell[][]> = {};
  const formats: Record<string, string[][]> = {};
  for (const name of book.sheetNames()) {
    const g = book.readSheet(name)!;
    grids[name] = g.values.map((r) => [...r]);
    formats[name] = g.formats.map((r) => [...r]);
  }
  return new MemoryWorkbook(grids, formats);
}

const dataRows = (book: MemoryWorkbook, sheet: string): RawCell[][] =>
  (book.readSheet(sheet)?.values ?? []).slice(1).filter((r) => r.some((v) => v !== null && v !== ''));

/** The value under a header in a row of a sheet whose header is row `headerRow`. */
function at(book: MemoryWorkbook, sheet: string, r: number, header: string, headerRow = 1): RawCell {
  const g = book.readSheet(sheet)!;
  const c = (g.values[headerRow - 1] ?? []).indexOf(header);
  if (c < 0) throw new Error(`no header ${header} in ${sheet}`);
  return g.values[r - 1]?.[c] ?? null;
}

const setting = (book: MemoryWorkbook, item: string): RawCell => {
  const r = book.readSheet('Thông tin')!.values.find((line) => line[0] === item);
  return r ? (r[1] ?? null) : undefined as unknown as RawCell;
};

const SAMPLE_CARRIED = SAMPLE_CARRIED_TASKS;

describe('rollover of the sample school (2024 → 2025)', () => {
  const old = sampleBook();
  // Numbers taken in 2024, and one in January 2025 for the 2024 annual report.
  for (let i = 0; i < 12; i++) takeNumber(old, 'BC', 2024);
  takeNumber(old, 'KH', 2024);
  takeNumber(old, 'BC', 2025);
  const book = copyOf(old);
  const summary = rollForward(book, WHEN);

  it('keeps Thông tin with the year + 1, deadlines moved to 2025, numbering restarted', () => {
    expect(setting(book, 'Năm')).toBe(2025);
    expect(setting(book, 'Mã đơn vị')).toBe('MNBT');
    expect(setting(book, 'Tên đơn vị')).toBe('Trường Mầm non Bến Thành');
    expect(setting(book, 'Người ký')).toBe('Nguyễn Mai Hằng');
    expect(setting(book, 'Hạn đăng ký sáng kiến')).toEqual({ date: '2025-04-22' });
    expect(setting(book, 'Hạn báo cáo đợt 1')).toEqual({ date: '2025-06-10' });
    expect(setting(book, 'Hạn hồ sơ khen thưởng')).toEqual({ date: '2025-12-05' });
    // The 2024 counters are gone; the 2025 one already used in January is kept (no number twice).
    expect(setting(book, 'Số văn bản tiếp theo BC/2024')).toBeUndefined();
    expect(setting(book, 'Số văn bản tiếp theo KH/2024')).toBeUndefined();
    expect(peekNextNumber(book, 'KH', 2025)).toBe(1);
    expect(peekNextNumber(book, 'BC', 2025)).toBe(2);
    expect(summary.numberingDropped.sort()).toEqual(['Số văn bản tiếp theo BC/2024', 'Số văn bản tiếp theo KH/2024']);
    expect(summary.shiftedSettings).toEqual(['Hạn đăng ký sáng kiến', 'Hạn báo cáo đợt 1', 'Hạn báo cáo đợt 2', 'Hạn hồ sơ khen thưởng']);
  });

  it('keeps Nhân sự as it was', () => {
    expect(book.readSheet('Nhân sự')!.values).toEqual(old.readSheet('Nhân sự')!.values);
    expect(summary.people).toBe(10);
  });

  it('carries the 14 tasks neither done nor cancelled, with area, owner, deadline and a note', () => {
    const rows = dataRows(book, 'Kế hoạch');
    expect(rows).toHaveLength(14);
    SAMPLE_CARRIED.forEach(([title, owner, due], i) => {
      const r = i + 2;
      expect(String(at(book, 'Kế hoạch', r, 'Nhiệm vụ'))).toContain(title);
      expect(at(book, 'Kế hoạch', r, 'Chủ trì')).toBe(owner);
      expect(at(book, 'Kế hoạch', r, 'Hạn hoàn thành')).toEqual({ date: due });
      expect(at(book, 'Kế hoạch', r, 'STT')).toBe(i + 1);
      expect(at(book, 'Kế hoạch', r, '⚙ Tình trạng')).toBeNull();
    });
    expect(at(book, 'Kế hoạch', 2, 'Lĩnh vực')).toBe('LV1');
    expect(at(book, 'Kế hoạch', 2, 'Ghi chú')).toBe('Chuyển từ năm 2024');
    expect(at(book, 'Kế hoạch', 2, 'Trạng thái')).toBe('Đang thực hiện');
    expect(at(book, 'Kế hoạch', 2, '% hoàn thành')).toBe(0.5);
    // The paused one keeps its own note after the carried note.
    expect(at(book, 'Kế hoạch', 11, 'Trạng thái')).toBe('Tạm dừng');
    expect(at(book, 'Kế hoạch', 11, 'Ghi chú')).toBe('Chuyển từ năm 2024. Chờ phân bổ kinh phí');
    const titles = rows.map((r) => String(r[2]));
    expect(titles.some((t) => t.includes('Kiện toàn Ban Chỉ đạo'))).toBe(false); // done
    expect(titles.some((t) => t.includes('hội thảo trực tiếp'))).toBe(false); // cancelled
    expect(summary.tasks.done).toBe(19);
    expect(summary.tasks.cancelled).toBe(1);
    expect(summary.tasks.carried.map((t) => t.fromRow)).toEqual([7, 8, 13, 14, 15, 18, 20, 22, 27, 28, 30, 31, 32, 35]);
    expect(summary.tasks.carried.every((t) => t.pastYear)).toBe(true);
  });

  it('keeps the 16 targets with every quarterly figure and evidence emptied', () => {
    const rows = dataRows(book, 'Chỉ tiêu');
    expect(rows).toHaveLength(16);
    expect(at(book, 'Chỉ tiêu', 2, 'Mã')).toBe('CT01');
    expect(at(book, 'Chỉ tiêu', 2, 'Mục tiêu')).toBe(1);
    expect(at(book, 'Chỉ tiêu', 2, 'Chủ trì')).toBe('Huỳnh Thị Mỹ Linh');
    for (let r = 2; r <= 17; r++) {
      for (const h of ['Quý I - Đạt', 'Quý I - Tổng', 'Quý II - Đạt', 'Quý II - Tổng', 'Minh chứng', '⚙ Đánh giá', '⚙ Thực hiện']) {
        expect(at(book, 'Chỉ tiêu', r, h)).toBeNull();
      }
    }
    expect(at(book, 'Chỉ tiêu', 13, 'Nguồn số liệu')).toBe('Hoạt động: Bài viết trên trang thông tin điện tử');
    expect(at(book, 'Chỉ tiêu', 17, 'Mục tiêu')).toBe('Khá');
  });

  it('carries the initiative in progress, leaves the accepted one, empties the activities', () => {
    const rows = dataRows(book, 'Sáng kiến');
    expect(rows).toHaveLength(1);
    expect(at(book, 'Sáng kiến', 2, 'Tên sáng kiến')).toBe('Ứng dụng công nghệ số trong tổ chức hoạt động của nhà trường');
    expect(at(book, 'Sáng kiến', 2, 'Giai đoạn')).toBe('Đang triển khai');
    expect(at(book, 'Sáng kiến', 2, 'Ghi chú')).toBe('Chuyển từ năm 2024. Công trình thi đua CCHC năm 2024 của trường');
    expect(summary.initiatives).toEqual({ carried: 1, left: 1 });
    expect(dataRows(book, 'Hoạt động')).toHaveLength(0);
    expect(summary.activities).toBe(12);
  });

  it('has one Nhật ký row saying where it came from, and an empty Tổng hợp', () => {
    const log = dataRows(book, 'Nhật ký');
    expect(log).toHaveLength(1);
    expect(log[0]![1]).toBe(WHEN.user);
    expect(log[0]![2]).toBe('Năm mới');
    expect(log[0]![3]).toBe('Bảng tính năm 2025, chuyển từ năm 2024 (ke-hoach-2024.xlsx): 14 nhiệm vụ, 16 chỉ tiêu, 1 sáng kiến được chuyển sang');
    expect(dataRows(book, 'Tổng hợp')).toHaveLength(0);
  });

  it('validates clean apart from one DUE_IN_PAST_YEAR warning per carried task', () => {
    expect(summary.counts.error).toBe(0);
    const warnings = summary.issues.filter((i) => i.severity === 'warning');
    expect(warnings.map((w) => w.code)).toEqual(Array(14).fill('DUE_IN_PAST_YEAR'));
    expect(warnings.map((w) => w.cell)).toEqual(summary.tasks.carried.map((t) => `G${t.row}`));
    expect(warnings[1]!.message).toBe('Hạn hoàn thành 15/06/2024 thuộc năm 2024, trước năm kế hoạch 2025 (nhiệm vụ chuyển từ năm trước?). Xem lại và đặt hạn mới trong năm 2025.');
    // Read again on a later day, in the new year: the same.
    const data = readSchool(book, { lang: 'en', today: '2025-02-03' });
    expect(data.issues.filter((i) => i.severity !== 'notice').map((i) => i.code)).toEqual(Array(14).fill('DUE_IN_PAST_YEAR'));
    expect(data.tasks.filter((t) => t.due! < '2025-01-01')).toHaveLength(14);
  });

  it('a deadline moved into the new year clears its warning', () => {
    const again = copyOf(book);
    again.writeBlock('Kế hoạch', 2, 7, [[{ date: '2025-12-31' }]]);
    const issues = readSchool(again, { lang: 'vi', today: '2025-01-10' }).issues.filter((i) => i.code === 'DUE_IN_PAST_YEAR');
    expect(issues).toHaveLength(13);
    expect(issues.some((i) => i.row === 2)).toBe(false);
  });

  it('makes a sensible first quarterly report of the new year', () => {
    const made: { model: unknown; name: string }[] = [];
    const ctx: AppContext = {
      workbook: copyOf(book),
      clock: { today: () => '2025-04-05', now: () => '2025-04-05T09:00:00+07:00' },
      documents: { createDocument: (model, { name }) => (made.push({ model, name }), { id: name, url: `https://docs.google.com/document/d/${name}/edit`, name }) },
      prefs: { getLang: () => 'vi', setLang: () => undefined },
      user: () => 'hieutruong@mnbenthanh.edu.vn',
      selectCell: () => undefined,
      withLock: (fn) => ({ ran: true, value: fn() }),
    };
    const r = generateReport(ctx, { lang: 'vi', type: 'quarterly', period: 'Q1' }) as unknown as { number: string; model: { blocks: unknown[] } };
    // Numbering restarted for 2025 (after the one January number the old workbook took).
    expect(r.number).toBe('02/BC-MNBT');
    expect(made[0]!.name).toContain('2025');
    const text = JSON.stringify(made[0]!.model);
    expect(text).toContain('năm 2025');
    expect(text).not.toContain('Xây dựng và ban hành Kế hoạch thực hiện công tác CCHC năm 2024'); // a 2024 task done
    expect(text).toContain('Rà soát, khắc phục hạn chế'); // carried, overdue since 2024
  });

  it('leaves the old workbook alone: rolling works on the copy, the old one gets only its log row', () => {
    const before = new Map(old.sheetNames().map((n) => [n, JSON.stringify(old.readSheet(n))]));
    logInOld(old, summary, { lang: 'vi', now: WHEN.now, user: WHEN.user, target: 'ke-hoach-2025.xlsx' });
    for (const n of old.sheetNames()) if (n !== 'Nhật ký') expect(JSON.stringify(old.readSheet(n))).toBe(before.get(n));
    const log = dataRows(old, 'Nhật ký');
    expect(log.at(-1)!.slice(1)).toEqual(['hieutruong@mnbenthanh.edu.vn', 'Năm mới', 'Đã tạo bảng tính năm 2025 từ bảng tính này: ke-hoach-2025.xlsx. Dữ liệu năm 2024 không thay đổi.']);
    expect(JSON.parse(before.get('Nhật ký')!).values).toEqual(old.readSheet('Nhật ký')!.values.slice(0, -1));
  });
});

describe('rollover of a messy workbook', () => {
  // Title rows above the headers, columns in another order with a user's own column, statuses as
  // people type them, blank rows between entries, the year typed as text, numbering rows.
  const taskHead = ['Ghi chú riêng', 'Trạng thái', 'STT', 'Nhiệm vụ', 'Lĩnh vực', 'Người chủ trì', 'Thời hạn', 'Ngày hoàn thành', 'Minh chứng'];
  const grids = schoolGrids();
  grids['Thông tin'] = [...SETTINGS_ROWS.map((r) => (r[0] === 'Năm' ? ['Năm', '2024'] : r)), ['Số văn bản tiếp theo BC/2024', 7], ['Số văn bản tiếp theo BC/2023', 40]];
  grids['Kế hoạch'] = [
    ['KẾ HOẠCH CCHC NĂM 2024'],
    [],
    taskHead,
    ['của tôi', 'đã xong', 'a', 'Việc xong rồi', 'LV1', 'Nguyễn Mai Hằng', '10/01/2024', '09/01/2024', 'https://x.vn/1'],
    [],
    ['', 'Huỷ', 'b', 'Việc bỏ', 'LV2', 'Lê Thị Hoà', '10/02/2024', null, null],
    ['ghi riêng', 'hoàn thành'.normalize('NFD'), 'c', 'Việc xong NFD', 'LV3', 'Lê Thị Hoà', '10/03/2024', '01/03/2024', 'minh chứng'],
    ['giữ', 'Đang làm', 'd', 'Việc đang làm', 'LV4', 'Lê Thị Hoà', '31/12/2024', null, null],
    ['', '', 'e', 'Việc chưa bắt đầu, hạn năm sau', 'LV5', 'Trần Thị Thuý', '15/03/2025', null, null],
    [null, 'trạng thái lạ', 'f', 'Việc trạng thái không rõ', 'LV6', 'Nguyễn Mai Hằng', '30/11/2024', null, null],
  ];
  const old = new MemoryWorkbook(grids);
  const book = copyOf(old);
  const summary = rollForward(book, { ...WHEN, toYear: 2025 });
  const H = 3;

  it('keeps the title rows and the user column, carries the open tasks by what the reader reads', () => {
    const g = book.readSheet('Kế hoạch')!;
    expect(g.values[0]![0]).toBe('KẾ HOẠCH CCHC NĂM 2024');
    expect(g.values[H - 1]!.slice(0, taskHead.length)).toEqual(taskHead);
    const titles = [4, 5, 6, 7].map((r) => at(book, 'Kế hoạch', r, 'Nhiệm vụ', H));
    expect(titles).toEqual(['Việc đang làm', 'Việc chưa bắt đầu, hạn năm sau', 'Việc trạng thái không rõ', null]);
    expect(at(book, 'Kế hoạch', 4, 'Ghi chú riêng', H)).toBe('giữ');
    expect(at(book, 'Kế hoạch', 4, 'STT', H)).toBe('d'); // text STT kept as typed
    expect(at(book, 'Kế hoạch', 4, 'Thời hạn', H)).toBe('31/12/2024');
    expect(at(book, 'Kế hoạch', 4, 'Người chủ trì', H)).toBe('Lê Thị Hoà');
    expect(at(book, 'Kế hoạch', 4, 'Ghi chú', H)).toBe('Chuyển từ năm 2024');
    expect(summary.tasks).toMatchObject({ done: 2, cancelled: 1 });
    expect(summary.tasks.carried.map((t) => [t.row, t.fromRow, t.pastYear])).toEqual([[4, 8, true], [5, 9, false], [6, 10, true]]);
  });

  it('the year typed as text becomes 2025; the old counters go', () => {
    expect(setting(book, 'Năm')).toBe(2025);
    expect(setting(book, 'Số văn bản tiếp theo BC/2024')).toBeUndefined();
    expect(setting(book, 'Số văn bản tiếp theo BC/2023')).toBeUndefined();
    expect(peekNextNumber(book, 'BC', 2025)).toBe(1);
    expect(setting(book, 'Hạn báo cáo đợt 2')).toEqual({ date: '2025-11-25' });
  });

  it('warns of the 2024 deadlines only, and of the status it could not read as before', () => {
    const warn = summary.issues.filter((i) => i.code === 'DUE_IN_PAST_YEAR');
    expect(warn.map((w) => w.row)).toEqual([4, 6]);
    const errors = summary.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.code)).toEqual(['ENUM_UNKNOWN']);
    expect(errors[0]!.row).toBe(6);
  });

  it('carries the targets without figures and the initiative in progress', () => {
    expect(dataRows(book, 'Chỉ tiêu')).toHaveLength(5);
    expect(at(book, 'Chỉ tiêu', 2, 'Quý I - Đạt')).toBeNull();
    expect(at(book, 'Chỉ tiêu', 2, 'Mục tiêu')).toBe('100%');
    expect(dataRows(book, 'Sáng kiến').map((r) => r[1])).toEqual(['Hộp thư góp ý điện tử']);
    expect(at(book, 'Sáng kiến', 2, 'STT')).toBe(1);
  });
});

describe('the DUE_IN_PAST_YEAR warning on any workbook', () => {
  const open2023 = [...TASKS, { stt: 4, area: 'LV2', title: 'Việc từ năm 2023', owner: 'Lê Thị Hoà', due: '20/12/2023', status: 'Đang thực hiện' }];
  const codes = (book: MemoryWorkbook, today: string) => readSchool(book, { lang: 'vi', today }).issues.filter((i) => i.code === 'DUE_IN_PAST_YEAR');

  it('an open task due before the plan year is warned of, on its Thời hạn cell; a done one is not', () => {
    const book = new MemoryWorkbook(schoolGrids({ tasks: open2023 }));
    const w = codes(book, '2024-06-30');
    expect(w.map((i) => [i.row, i.severity])).toEqual([[5, 'warning']]);
    expect(w[0]!.message).toBe('Hạn hoàn thành 20/12/2023 thuộc năm 2023, trước năm kế hoạch 2024 (nhiệm vụ chuyển từ năm trước?). Xem lại và đặt hạn mới trong năm 2024.');
    const done = new MemoryWorkbook(schoolGrids({ tasks: [...TASKS, { ...open2023[3]!, status: 'Hoàn thành', doneDate: '19/12/2023', evidence: 'x' }] }));
    expect(codes(done, '2024-06-30')).toEqual([]);
  });

  it('says nothing when there is no plan year to compare with (Năm empty or not a year)', () => {
    const none = new MemoryWorkbook(schoolGrids({ tasks: open2023, settings: SETTINGS_ROWS.filter((r) => r[0] !== 'Năm') }));
    // Read in 2025: the frame's stand-in year is 2025, but the user never said the plan is for 2025.
    expect(codes(none, '2025-03-01')).toEqual([]);
    const bad = new MemoryWorkbook(schoolGrids({ tasks: open2023, settings: SETTINGS_ROWS.map((r) => (r[0] === 'Năm' ? ['Năm', 'năm nay'] : r)) }));
    expect(codes(bad, '2025-03-01')).toEqual([]);
  });
});

describe('rollover refuses before writing anything', () => {
  it('a year other than the next one', () => {
    const book = sampleBook();
    const before = JSON.stringify(book.sheetNames().map((n) => book.readSheet(n)));
    const e = (() => { try { rollForward(book, { ...WHEN, toYear: 2026 }); } catch (x) { return x; } })() as RolloverError;
    expect(e).toBeInstanceOf(RolloverError);
    expect(e.code).toBe('WRONG_YEAR');
    expect(e.message).toBe('Bảng tính là của năm 2024: năm mới chỉ có thể là 2025 (không phải 2026).');
    expect(JSON.stringify(book.sheetNames().map((n) => book.readSheet(n)))).toBe(before);
  });

  it('no plan year', () => {
    const book = new MemoryWorkbook(schoolGrids({ settings: SETTINGS_ROWS.filter((r) => r[0] !== 'Năm') }));
    expect(() => rollForward(book, WHEN)).toThrow(expect.objectContaining({ code: 'NO_YEAR' }));
    const bad = new MemoryWorkbook(schoolGrids({ settings: SETTINGS_ROWS.map((r) => (r[0] === 'Năm' ? ['Năm', 'hai không hai tư'] : r)) }));
    expect(() => rollForward(bad, WHEN)).toThrow(expect.objectContaining({ code: 'NO_YEAR' }));
  });

  it('a workbook that is not the template, or a newer one', () => {
    expect(() => rollForward(new MemoryWorkbook({ Sheet1: [['hello']] }), WHEN)).toThrow(expect.objectContaining({ code: 'NOT_INSTALLED' }));
    const newer = new MemoryWorkbook(schoolGrids({ settings: SETTINGS_ROWS.map((r) => (r[0] === 'Phiên bản mẫu' ? ['Phiên bản mẫu', 9] : r)) }));
    expect(() => rollForward(newer, WHEN)).toThrow(expect.objectContaining({ code: 'WRONG_TEMPLATE' }));
  });
});

describe('original and copy (Google Sheets)', () => {
  it('the original gets ready with one log row; the copy rolls; the original is refused', () => {
    const original = sampleBook();
    const years = startRollover(original, { ...WHEN, fileId: 'orig-ID_1' });
    expect(years).toEqual({ fromYear: 2024, toYear: 2025 });
    expect(findMarker(original)).toEqual({ sourceId: 'orig-ID_1', toYear: 2025 });
    expect(rolloverPlace(original, { ...WHEN, fileId: 'orig-ID_1' }).kind).toBe('original');
    expect(() => rollCopy(original, { ...WHEN, fileId: 'orig-ID_1' })).toThrow(expect.objectContaining({ code: 'IS_ORIGINAL' }));
    expect(setting(original, 'Năm')).toBe(2024);

    const copy = copyOf(original);
    expect(rolloverPlace(copy, { ...WHEN, fileId: 'copy-ID' }).kind).toBe('copy');
    const s = rollCopy(copy, { ...WHEN, fileId: 'copy-ID' });
    expect(s.toYear).toBe(2025);
    expect(setting(copy, 'Năm')).toBe(2025);
    expect(String(dataRows(copy, 'Nhật ký')[0]![3])).toContain('(orig-ID_1)');
    // Rolled once: the marker went with the old log, so a second press is refused.
    expect(findMarker(copy)).toBeNull();
    expect(() => rollCopy(copy, { ...WHEN, fileId: 'copy-ID' })).toThrow(expect.objectContaining({ code: 'NO_MARKER' }));
  });

  it('a copy made without getting ready is refused', () => {
    const copy = copyOf(sampleBook());
    expect(() => rollCopy(copy, { ...WHEN, fileId: 'copy-ID' })).toThrow(expect.objectContaining({ code: 'NO_MARKER' }));
    expect(setting(copy, 'Năm')).toBe(2024);
  });
});

describe('the sidebar calls (handlers, through the API schemas)', () => {
  const ctxOf = (workbook: MemoryWorkbook, fileId?: string): AppContext => ({
    workbook,
    clock: { today: () => WHEN.today, now: () => WHEN.now },
    documents: { createDocument: () => { throw new Error('no document here'); } },
    prefs: { getLang: () => 'vi', setLang: () => undefined },
    user: () => WHEN.user,
    selectCell: () => undefined,
    withLock: (fn) => ({ ran: true, value: fn() }),
    ...(fileId ? { fileId: () => fileId } : {}),
  });
  const call = (ctx: AppContext, name: string) => dispatchApiCall(createHandlers(ctx), name, {}, 'vi');

  it('where the workbook is a file (cchc serve): the state says local, the actions name the command', () => {
    const book = sampleBook();
    const before = JSON.stringify(book.sheetNames().map((n) => book.readSheet(n)));
    expect(call(ctxOf(book), 'rolloverState')).toEqual({ ok: true, value: { place: 'local', fromYear: 2024, toYear: 2025 } });
    for (const name of ['startRollover', 'rollCopy']) {
      expect(call(ctxOf(book), name)).toEqual({ ok: false, error: { code: 'NOT_AVAILABLE', message: 'Trên máy tính, năm mới được tạo bằng lệnh: cchc rollover TỆP.xlsx --year 2025' } });
    }
    expect(JSON.stringify(book.sheetNames().map((n) => book.readSheet(n)))).toBe(before);
  });

  it('with a spreadsheet ID: get ready in the original, refused there, rolled in the copy', () => {
    const original = sampleBook();
    expect(call(ctxOf(original, 'ORIG'), 'startRollover')).toEqual({ ok: true, value: { place: 'original', fromYear: 2024, toYear: 2025 } });
    const refused = call(ctxOf(original, 'ORIG'), 'rollCopy') as { ok: false; error: { code: string } };
    expect(refused.error.code).toBe('IS_ORIGINAL');
    const copy = copyOf(original);
    expect(call(ctxOf(copy, 'COPY'), 'rolloverState')).toEqual({ ok: true, value: { place: 'copy', fromYear: 2024, toYear: 2025 } });
    expect(call(ctxOf(copy, 'COPY'), 'rollCopy')).toEqual({ ok: true, value: { fromYear: 2024, toYear: 2025, tasks: 14, pastYear: 14, kpis: 16, initiatives: 1, counts: { error: 0, warning: 14, notice: 0 } } });
    // Without the plan year: the sidebar hears why, in the user's words.
    const noYear = new MemoryWorkbook(schoolGrids({ settings: SETTINGS_ROWS.filter((r) => r[0] !== 'Năm') }));
    const e = call(ctxOf(noYear, 'X'), 'rolloverState') as { ok: false; error: { code: string; message: string } };
    expect(e.error.code).toBe('NO_YEAR');
    expect(e.error.message).toMatch(/^Chưa có Năm/);
  });
});

describe('rollover of random workbooks', () => {
  it('either refuses with a message or carries no done or cancelled task and leaves no activity', () => {
    fc.assert(
      fc.property(randomSchool, (grids) => {
        const book = new MemoryWorkbook(grids);
        const before = readSchool(book, { lang: 'vi', today: WHEN.today });
        let s;
        try {
          s = rollForward(book, WHEN);
        } catch (e) {
          if (e instanceof RolloverError || e instanceof InstallError) return;
          throw e;
        }
        const after = readSchool(book, { lang: 'vi', today: WHEN.today });
        const open = before.tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled');
        expect(after.tasks.map((t) => t.title)).toEqual(open.map((t) => t.title));
        expect(after.tasks.some((t) => t.status === 'done' || t.status === 'cancelled')).toBe(false);
        expect(after.activities).toHaveLength(0);
        expect(after.kpis.map((k) => k.code)).toEqual(before.kpis.map((k) => k.code));
        expect(after.settings.year).toBe(s.toYear);
      }),
      { numRuns: 60 },
    );
  });
});

void headers; void row;
