// The bad-input corpus: every rule of the workbook contract with wrong entries, each asserting code,
// severity, A1 cell, and that the message says what to fix.

import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import type { RawCell } from '../../src/core/ports.ts';
import { readSchool } from '../../src/core/read/index.ts';
import { isUnusable, validate } from '../../src/core/validate.ts';
import { computeProgress } from '../../src/core/progress/index.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';
import { KPIS, OPTS, PEOPLE, SETTINGS_ROWS, TASKS, headers, row, school, schoolGrids, type Row } from './read/fixture.ts';
import { atFrame } from './helpers/frame.ts';

const TASK: Row = { area: 'LV1', title: 'Nhiệm vụ mẫu', owner: 'Nguyễn Mai Hằng', due: '30/09/2024' };
const KPI: Row = { code: 'CT09', area: 'LV3', title: 'Chỉ tiêu mẫu', kind: 'Tỷ lệ', target: '100%' };
const INIT: Row = { name: 'Sáng kiến mẫu', area: 'LV2', authors: 'Lê Thị Hoà', registered: '01/04/2024' };

/** The issues of a workbook, and the one matching `code` (exactly one expected). */
function only(issues: Issue[], code: string): Issue {
  const found = issues.filter((i) => i.code === code);
  expect(found.map((i) => i.code), `issues: ${issues.map((i) => `${i.code}@${i.cell}`).join(', ')}`).toEqual([code]);
  return found[0]!;
}

const issuesOf = (wb: MemoryWorkbook, asOf?: string) => validate(wb, asOf ? { ...OPTS, asOf } : OPTS).issues;

describe('workbook and sheet problems', () => {
  it('an empty workbook is one clear error', () => {
    for (const wb of [new MemoryWorkbook(), new MemoryWorkbook({ 'Trang tính1': [] })]) {
      const r = validate(wb, OPTS);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'WORKBOOK_EMPTY', severity: 'error', row: null, cell: null });
      expect(r.issues[0]?.message).toContain('Cài đặt mẫu');
      expect(isUnusable(r)).toBe(true);
    }
  });

  it('a workbook of another kind says so', () => {
    const r = validate(new MemoryWorkbook({ 'Sheet1': [['Họ tên', 'Lớp'], ['An', 'Lá 1']] }), OPTS);
    expect(r.issues.map((i) => i.code)).toEqual(['WORKBOOK_NOT_TEMPLATE']);
  });

  it('a missing input sheet names the sheet; a renamed one names both', () => {
    const grids = schoolGrids();
    delete grids['Kế hoạch'];
    const missing = only(issuesOf(new MemoryWorkbook(grids)), 'SHEET_MISSING');
    expect(missing).toMatchObject({ sheet: 'Kế hoạch', severity: 'error', row: null, column: null, cell: null });
    expect(missing.message).toContain('“Kế hoạch”');

    const renamed = schoolGrids();
    renamed['ke hoach'] = renamed['Kế hoạch']!;
    delete renamed['Kế hoạch'];
    const i = only(issuesOf(new MemoryWorkbook(renamed)), 'SHEET_MISSING_RENAMED');
    expect(i.message).toBe('Thiếu sheet “Kế hoạch”, nhưng có sheet “ke hoach”. Đổi tên sheet “ke hoach” thành đúng “Kế hoạch”.');
  });

  it('a missing add-on sheet is a warning', () => {
    const grids = schoolGrids();
    delete grids['Tổng hợp'];
    expect(only(issuesOf(new MemoryWorkbook(grids)), 'OUTPUT_SHEET_MISSING')).toMatchObject({ severity: 'warning', sheet: 'Tổng hợp' });
  });

  it('a missing required column is one issue naming sheet and header, and blocks the rows', () => {
    const grids = schoolGrids();
    const dueCol = headers('tasks').indexOf('Hạn hoàn thành');
    grids['Kế hoạch'] = grids['Kế hoạch']!.map((r) => r.filter((_, c) => c !== dueCol));
    const wb = new MemoryWorkbook(grids);
    const data = readSchool(wb, OPTS);
    const i = only(data.issues, 'COLUMN_MISSING');
    expect(i).toMatchObject({ sheet: 'Kế hoạch', column: 'Hạn hoàn thành', severity: 'error', cell: null });
    expect(i.message).toBe('Sheet “Kế hoạch” thiếu cột bắt buộc “Hạn hoàn thành”. Thêm cột có tiêu đề “Hạn hoàn thành” vào dòng tiêu đề, hoặc chạy Cài đặt mẫu.');
    expect(data.issues.filter((x) => x.code === 'REQUIRED')).toEqual([]);
    expect(data.tasks.every((t) => t.blocked)).toBe(true);
  });

  it('a sheet without a header row is reported', () => {
    const grids = schoolGrids();
    grids['Hoạt động'] = [['10/01/2024', 'Hội thi', 'Hội thi cán bộ']];
    const i = only(issuesOf(new MemoryWorkbook(grids)), 'HEADER_NOT_FOUND');
    expect(i).toMatchObject({ sheet: 'Hoạt động', severity: 'error' });
    expect(i.message).toContain('“Ngày”');
  });

  it('a missing ⚙ column is a notice; a doubled column a warning', () => {
    const grids = schoolGrids();
    const h = headers('tasks');
    grids['Kế hoạch'] = grids['Kế hoạch']!.map((r) => r.slice(0, h.length - 1));
    grids['Nhân sự'] = grids['Nhân sự']!.map((r, i) => [...r, i === 0 ? 'Email' : null]);
    const issues = issuesOf(new MemoryWorkbook(grids));
    expect(only(issues, 'COMPUTED_COLUMN_MISSING')).toMatchObject({ severity: 'notice', column: '⚙ Tình trạng' });
    expect(only(issues, 'COLUMN_DUPLICATE')).toMatchObject({ severity: 'warning', cell: 'F1', sheet: 'Nhân sự' });
  });

  it('finds headers below title rows, and reports the real rows', () => {
    const grids = schoolGrids({ tasks: [{ ...TASK, due: '31/02/2024' }] });
    grids['Kế hoạch'] = [['KẾ HOẠCH CCHC NĂM 2024'], [], ...grids['Kế hoạch']!];
    const data = readSchool(new MemoryWorkbook(grids), OPTS);
    expect(data.sheets['Kế hoạch']?.headerRow).toBe(3);
    expect(only(data.issues, 'DATE_NOT_EXIST').cell).toBe('G4');
    expect(data.tasks[0]?.row).toBe(4);
  });

  it('refuses a newer template and flags a missing or bad version', () => {
    const settings = (v: unknown) => SETTINGS_ROWS.map((r) => (r[0] === 'Phiên bản mẫu' ? ['Phiên bản mẫu', v] : r)) as typeof SETTINGS_ROWS;
    const newer = validate(school({ settings: settings(2) }), OPTS);
    const i = only(newer.issues, 'TEMPLATE_NEWER');
    expect(i).toMatchObject({ sheet: 'Thông tin', severity: 'error', cell: 'B2', column: 'Giá trị' });
    expect(i.message).toContain('cập nhật tiện ích');
    expect(isUnusable(newer)).toBe(true);
    expect(only(issuesOf(school({ settings: settings(null) })), 'TEMPLATE_VERSION_MISSING').severity).toBe('warning');
    expect(only(issuesOf(school({ settings: settings('một') })), 'TEMPLATE_VERSION_INVALID').severity).toBe('error');
  });

  it('requires Mã đơn vị, Tên đơn vị and Năm in Thông tin', () => {
    const rows = SETTINGS_ROWS.filter((r) => r[0] !== 'Mã đơn vị').map((r) => (r[0] === 'Năm' ? ['Năm', ''] : r));
    const issues = issuesOf(school({ settings: rows }));
    const found = issues.filter((i) => i.code === 'SETTING_REQUIRED');
    expect(found.map((i) => [i.cell, i.severity])).toEqual([[null, 'error'], ['B6', 'error']]);
    expect(found[0]?.message).toBe('Chưa nhập “Mã đơn vị” trong sheet Thông tin. Nhập ở cột Giá trị, ví dụ: MNBT.');
    const bad = SETTINGS_ROWS.map((r) => (r[0] === 'Năm' ? ['Năm', 'hai không hai tư'] : r));
    expect(only(issuesOf(school({ settings: bad })), 'YEAR_INVALID').message).toContain('ví dụ 2024');
  });

  it('checks the dates and numbers of Thông tin, with defaults when empty', () => {
    const rows = SETTINGS_ROWS.map((r) => {
      if (r[0] === 'Hạn đăng ký sáng kiến') return [r[0], '31/04/2024'];
      if (r[0] === 'Ngưỡng gần đạt (%)') return [r[0], '10%'];
      if (r[0] === 'Điểm tối thiểu đề xuất') return [r[0], 'bảy mươi'];
      if (r[0] === 'Hạn báo cáo đợt 2') return [r[0], null];
      return r;
    });
    const data = readSchool(school({ settings: rows }), OPTS);
    expect(only(data.issues, 'DATE_NOT_EXIST')).toMatchObject({ sheet: 'Thông tin', cell: 'B11', column: 'Giá trị' });
    expect(only(data.issues, 'NUMBER_INVALID')).toMatchObject({ cell: 'B16' });
    expect(data.settings).toMatchObject({ registrationDeadline: null, tolerance: 0.1, minAwardScore: 70, phase2Deadline: '2024-11-25' });
  });

  it('reads Thông tin without a header row, and folds the Mục spelling', () => {
    const rows: RawCell[][] = SETTINGS_ROWS.slice(1).map((r) => [String(r[0]).toUpperCase().normalize('NFD'), r[1] ?? null]);
    const data = readSchool(school({ settings: rows }), OPTS);
    expect(data.settings.unitCode).toBe('MNBT');
    expect(data.settings.year).toBe(2024);
    expect(data.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('cell values', () => {
  it('31/02/2024 is an error that says how to type a date', () => {
    const i = only(issuesOf(school({ tasks: [{ ...TASK, due: '31/02/2024' }] })), 'DATE_NOT_EXIST');
    expect(i).toMatchObject({ sheet: 'Kế hoạch', row: 2, column: 'Hạn hoàn thành', cell: 'G2', severity: 'error' });
    expect(i.message).toBe('Ngày 31/02/2024 không tồn tại. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/06/2024.');
  });

  it('text that is not a date', () => {
    const i = only(issuesOf(school({ tasks: [{ ...TASK, start: 'đầu tháng 3' }] })), 'DATE_INVALID');
    expect(i).toMatchObject({ cell: 'F2', column: 'Bắt đầu' });
    expect(i.message).toContain('ví dụ 10/06/2024');
  });

  it('text in a number cell', () => {
    const i = only(issuesOf(school({ kpis: [{ ...KPI, q1Achieved: 'bốn mươi', q1Total: 50 }] })), 'NUMBER_INVALID');
    expect(i).toMatchObject({ sheet: 'Chỉ tiêu', cell: 'I2', column: 'Quý I - Đạt', severity: 'error' });
    expect(i.message).toBe('“bốn mươi” không phải là số. Nhập một con số, ví dụ 12 hoặc 98,5.');
  });

  it('a percent over 100%', () => {
    const i = only(issuesOf(school({ tasks: [{ ...TASK, percent: '120%' }] })), 'RATIO_OUT_OF_RANGE');
    expect(i).toMatchObject({ cell: 'J2', column: '% hoàn thành', severity: 'error' });
    expect(i.message).toContain('từ 0% đến 100%');
  });

  it('a bare number above 1 in a percent cell is percent points, with a notice', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, percent: 60 }] }), OPTS);
    const i = only(data.issues, 'RATIO_PERCENT_POINTS');
    expect(i).toMatchObject({ severity: 'notice', cell: 'J2' });
    expect(i.message).toBe('Đã hiểu 60 là 60%. Nếu đúng, gõ kèm dấu % (60%) để không còn nhắc.');
    expect(data.tasks[0]).toMatchObject({ percent: 0.6, blocked: false });
  });

  it('a percent-formatted cell holds a fraction', () => {
    const grids = schoolGrids({ tasks: [{ ...TASK, percent: 0.985 }] });
    const formats = { 'Kế hoạch': [[], Array.from({ length: 14 }, (_, c) => (c === 9 ? '0.0%' : ''))] };
    const data = readSchool(new MemoryWorkbook(grids, formats), OPTS);
    expect(data.tasks[0]?.percent).toBe(0.985);
    expect(data.issues.filter((i) => i.sheet === 'Kế hoạch')).toEqual([]);
  });

  it('an unknown area', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, area: 'LV9' }] }), OPTS);
    const i = only(data.issues, 'AREA_UNKNOWN');
    expect(i).toMatchObject({ cell: 'B2', column: 'Lĩnh vực', severity: 'error' });
    expect(i.message).toContain('LV1…LV8');
    expect(data.tasks[0]?.blocked).toBe(true);
  });

  it('an unknown status lists the right words and blocks the row', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, status: 'Xong rồi' }] }), OPTS);
    const i = only(data.issues, 'ENUM_UNKNOWN');
    expect(i).toMatchObject({ cell: 'I2', column: 'Trạng thái' });
    expect(i.message).toBe('“Xong rồi” không có trong danh sách “Trạng thái”. Chọn một trong: Chưa bắt đầu, Đang thực hiện, Hoàn thành, Tạm dừng, Hủy bỏ.');
    expect(data.tasks[0]?.blocked).toBe(true);
  });

  it('an empty required cell', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, title: '  ' }] }), OPTS);
    const i = only(data.issues, 'REQUIRED');
    expect(i).toMatchObject({ cell: 'C2', column: 'Nhiệm vụ', severity: 'error' });
    expect(i.message).toContain('Chưa nhập “Nhiệm vụ”');
    expect(data.tasks[0]?.blocked).toBe(true);
  });

  it('text over 2,000 characters; in a note it breaks no figure', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, title: 'a'.repeat(2001) }, { ...TASK, note: 'b'.repeat(2500) }] }), OPTS);
    const found = data.issues.filter((x) => x.code === 'TEXT_TOO_LONG');
    expect(found.map((x) => [x.cell, x.severity])).toEqual([['C2', 'error'], ['M3', 'error']]);
    expect(found[0]?.message).toContain('2001 ký tự, quá 2000');
    expect(data.tasks.map((x) => x.blocked)).toEqual([true, false]);
  });

  it('NFD text, odd case and spacing read the same as NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const data = readSchool(school({
      tasks: [{ ...TASK, area: nfd('cải cách  THỦ TỤC hành chính'), title: nfd('  Niêm yết thủ tục '), owner: nfd('Lê Thị Hòa'), status: nfd('HOÀN THÀNH'), doneDate: '01/03/2024', evidence: 'x' }],
    }), OPTS);
    expect(data.tasks[0]).toMatchObject({ area: 'LV3', title: 'Niêm yết thủ tục', owner: 'Lê Thị Hòa', status: 'done', blocked: false });
    expect(data.tasks[0]?.title).toBe('Niêm yết thủ tục'.normalize('NFC'));
    expect(data.issues.filter((i) => i.sheet === 'Kế hoạch')).toEqual([]);
  });
});

describe('Nhân sự', () => {
  it('a bad e-mail is an error', () => {
    const data = readSchool(school({ people: [...PEOPLE, { name: 'Phạm Văn An', email: 'an@' }] }), OPTS);
    const i = only(data.issues, 'EMAIL_INVALID');
    expect(i).toMatchObject({ sheet: 'Nhân sự', cell: 'D5', severity: 'error' });
    expect(i.message).toContain('ten@truong.edu.vn');
    expect(data.people[3]?.email).toBe('');
  });

  it('a name twice (other tone placement) is a warning', () => {
    const i = only(issuesOf(school({ people: [...PEOPLE, { name: 'Lê Thị Hòa'.normalize('NFD') }] })), 'NAME_DUPLICATE');
    expect(i).toMatchObject({ severity: 'warning', cell: 'A5' });
    expect(i.message).toContain('dòng 3');
  });
});

describe('Kế hoạch', () => {
  it('deadline before start', () => {
    const i = only(issuesOf(school({ tasks: [{ ...TASK, start: '10/05/2024', due: '01/05/2024' }] })), 'DUE_BEFORE_START');
    expect(i).toMatchObject({ cell: 'G2', column: 'Hạn hoàn thành', severity: 'error' });
    expect(i.message).toBe('Hạn hoàn thành 01/05/2024 trước ngày bắt đầu 10/05/2024. Sửa lại hạn hoàn thành hoặc ngày bắt đầu.');
  });

  it('Hoàn thành without Ngày hoàn thành is an error, without Minh chứng a warning', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, status: 'Hoàn thành' }] }), OPTS);
    expect(only(data.issues, 'DONE_DATE_REQUIRED')).toMatchObject({ cell: 'K2', severity: 'error' });
    const w = only(data.issues, 'TASK_EVIDENCE_MISSING');
    expect(w).toMatchObject({ cell: 'L2', severity: 'warning' });
    expect(w.message).toContain('Dán đường liên kết');
    expect(data.tasks[0]?.blocked).toBe(true);
  });

  it('Ngày hoàn thành after the as-of date is no problem: the task was open on that date', () => {
    const done = school({ tasks: [{ ...TASK, status: 'Hoàn thành', doneDate: '15/07/2024', evidence: 'https://x.vn' }] });
    const asked = { lang: 'vi' as const, today: '2024-08-10', asOf: '2024-03-31' };
    expect(validate(done, asked).issues.filter((x) => x.sheet === 'Kế hoạch')).toEqual([]);
    expect(readSchool(done, asked).tasks[0]).toMatchObject({ doneDate: '2024-07-15', blocked: false });
  });

  it('a date after today is a typing mistake: done, held or registered in the future', () => {
    const wb = school({
      tasks: [{ ...TASK, status: 'Hoàn thành', doneDate: '15/07/2024', evidence: 'https://x.vn' }],
      initiatives: [{ ...INIT, registered: '01/07/2024' }],
      activities: [{ date: '02/07/2024', type: 'Tập huấn, bồi dưỡng', title: 'Tập huấn' }],
    });
    const issues = validate(wb, { lang: 'vi', today: '2024-06-30' }).issues.filter((i) => i.code === 'DATE_IN_FUTURE');
    expect(issues.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ['Kế hoạch', 'K2', 'error'],
      ['Sáng kiến', 'G2', 'error'],
      ['Hoạt động', 'A2', 'error'],
    ]);
    expect(issues[0]!.message).toBe('Ngày 15/07/2024 chưa tới (hôm nay là 30/06/2024). Kiểm tra lại ngày đã nhập.');
    const en = validate(wb, { lang: 'en', today: '2024-06-30' }).issues.find((i) => i.code === 'DATE_IN_FUTURE');
    expect(en?.message).toBe('The date 15/07/2024 has not come yet (today is 30/06/2024). Check the date typed.');
    // The rows stay out of the figures, as any row with a wrong date.
    const data = readSchool(wb, { lang: 'vi', today: '2024-06-30' });
    expect(data.tasks[0]!.blocked).toBe(true);
    expect(data.initiatives[0]!.blocked).toBe(true);
    expect(data.activities[0]!.blocked).toBe(true);
  });

  it('Hoàn thành with another percent is a warning and counts as 100%', () => {
    const data = readSchool(school({ tasks: [{ ...TASK, status: 'Hoàn thành', percent: '80%', doneDate: '01/06/2024', evidence: 'https://x.vn' }] }), OPTS);
    expect(only(data.issues, 'DONE_PERCENT_MISMATCH')).toMatchObject({ cell: 'J2', severity: 'warning' });
    expect(data.tasks[0]).toMatchObject({ percent: 1, blocked: false });
  });

  it('an owner not in Nhân sự is a warning; a title, a tone variant or several known names are not', () => {
    const tasks = [
      { ...TASK, owner: 'Nguyễn Văn Không Có' },
      { ...TASK, owner: 'Phó Hiệu trưởng' },
      { ...TASK, owner: 'Lê Thị Hòa' },
      { ...TASK, owner: 'Nguyễn Mai Hằng, Trần Thị Thúy' },
    ];
    const i = only(issuesOf(school({ tasks })), 'OWNER_NOT_IN_PEOPLE');
    expect(i).toMatchObject({ cell: 'D2', severity: 'warning' });
    expect(i.message).toContain('“Nguyễn Văn Không Có”');
  });

  it('an empty Nhân sự is one warning, not one per task', () => {
    expect(only(issuesOf(school({ people: [] })), 'PEOPLE_EMPTY')).toMatchObject({ sheet: 'Nhân sự', severity: 'warning' });
  });

  it('skips blank rows and rows with only STT, and ignores user columns', () => {
    const grids = schoolGrids({ tasks: [] });
    const h = headers('tasks');
    grids['Kế hoạch'] = [
      ['Ghi chú riêng', ...h],
      [null, ...row('tasks', TASK)],
      [],
      ['chỉ ghi chú', ...row('tasks', { stt: 2 })],
      [null, ...row('tasks', { ...TASK, title: 'Nhiệm vụ hai' })],
    ];
    const data = readSchool(new MemoryWorkbook(grids), OPTS);
    expect(data.tasks.map((t) => [t.row, t.title])).toEqual([[2, 'Nhiệm vụ mẫu'], [5, 'Nhiệm vụ hai']]);
    expect(data.sheets['Kế hoạch']?.columns.area).toBe(3);
    expect(data.issues.filter((i) => i.sheet === 'Kế hoạch')).toEqual([]);
  });
});

describe('Chỉ tiêu', () => {
  const kpiIssues = (kpis: Row[], asOf?: string) => issuesOf(school({ kpis }), asOf);

  it('a duplicate code is an error on the later row, with a free code suggested', () => {
    const data = readSchool(school({ kpis: [...KPIS, { ...KPI, code: 'ct01' }] }), OPTS);
    const i = only(data.issues, 'CODE_DUPLICATE');
    expect(i).toMatchObject({ cell: 'A7', severity: 'error' });
    expect(i.message).toBe('Mã “ct01” đã dùng ở dòng 2. Mỗi chỉ tiêu cần một mã riêng; đổi mã dòng này, ví dụ ct06.');
    expect(data.kpis.map((k) => k.blocked)).toEqual([false, false, false, false, false, true]);
  });

  it('Tổng less than Đạt', () => {
    const i = only(kpiIssues([{ ...KPI, q2Achieved: 51, q2Total: 50 }]), 'TOTAL_LESS_THAN_ACHIEVED');
    expect(i).toMatchObject({ cell: 'L2', column: 'Quý II - Tổng', severity: 'error' });
    expect(i.message).toContain('Quý II: Tổng 50 nhỏ hơn số Đạt 51');
  });

  it('Đạt without Tổng, Tổng without Đạt, and Tổng 0 alone (no case arose)', () => {
    expect(only(kpiIssues([{ ...KPI, q1Achieved: 3 }]), 'TOTAL_REQUIRED')).toMatchObject({ cell: 'J2' });
    expect(only(kpiIssues([{ ...KPI, q1Total: 3 }]), 'ACHIEVED_REQUIRED')).toMatchObject({ cell: 'I2' });
    const data = readSchool(school({ kpis: [{ ...KPI, q1Total: 0 }] }), OPTS);
    expect(data.kpis[0]?.quarters[0]).toEqual({ achieved: { text: '0' }, total: { text: '0' } });
    expect(data.issues.filter((i) => i.sheet === 'Chỉ tiêu')).toEqual([]);
  });

  it('a percent in Đạt with a Tổng is an error; a Tổng on a count is ignored', () => {
    expect(only(kpiIssues([{ ...KPI, q1Achieved: '98%', q1Total: 50 }]), 'RATIO_ACHIEVED_PERCENT_WITH_TOTAL')).toMatchObject({ cell: 'I2', severity: 'error' });
    expect(only(kpiIssues([{ ...KPI, kind: 'Số lượng', target: 2, q1Achieved: 2, q1Total: 5 }]), 'TOTAL_IGNORED')).toMatchObject({ cell: 'J2', severity: 'warning' });
  });

  it('Từng quý: a quarter to date with no entry is a warning', () => {
    const issues = kpiIssues([{ ...KPI, method: 'Từng quý', q2Achieved: 5, q2Total: 5 }]);
    const i = only(issues, 'PERIOD_NO_ENTRY');
    expect(i).toMatchObject({ cell: 'I2', severity: 'warning' });
    expect(i.message).toContain('quý I chưa có số liệu');
    expect(kpiIssues([{ ...KPI, method: 'Từng quý' }], '2024-03-31').filter((x) => x.code === 'PERIOD_NO_ENTRY')).toHaveLength(1);
  });

  it('Từng quý: a quarter of the period not begun at the as-of date is not warned of, as it is not judged', () => {
    // The year's report (Q4) prepared in May: Quý III and IV have no results yet.
    const wb = school({ kpis: [{ ...KPI, method: 'Từng quý', q1Achieved: 5, q1Total: 5, q2Achieved: 4, q2Total: 5 }] });
    const opts = { ...OPTS, asOf: '2024-05-10', period: 'Q4' as const };
    expect(validate(wb, opts).issues.filter((i) => i.code === 'PERIOD_NO_ENTRY')).toEqual([]);
    const data = readSchool(wb, opts);
    const k = computeProgress(atFrame(data, { asOf: '2024-05-10', period: 'Q4' })).kpis[0];
    expect(k?.quarters).toEqual({ judged: 2, met: 1 });
    // Before the plan year nothing is due yet either.
    expect(validate(school({ kpis: [{ ...KPI, method: 'Từng quý' }] }), { ...OPTS, asOf: '2023-12-20' }).issues.filter((i) => i.code === 'PERIOD_NO_ENTRY')).toEqual([]);
  });

  it('a number typed on a target counted from Hoạt động is a warning and ignored', () => {
    const data = readSchool(school({ kpis: [{ ...KPI, kind: 'Số lượng', target: 1, source: 'Hoạt động: Hội thi', q1Achieved: 4 }] }), OPTS);
    const i = only(data.issues, 'SOURCE_ACHIEVED_IGNORED');
    expect(i).toMatchObject({ cell: 'I2', severity: 'warning' });
    expect(i.message).toContain('Hoạt động: Hội thi');
    expect(data.kpis[0]).toMatchObject({ sourceActivityType: 'Hội thi', blocked: false });
    expect(data.kpis[0]?.quarters[0]?.achieved).toBeNull();
  });

  it('an unknown source, and a source on a non-count target', () => {
    expect(only(kpiIssues([{ ...KPI, source: 'Phòng GD&ĐT' }]), 'SOURCE_UNKNOWN')).toMatchObject({ cell: 'H2', severity: 'error' });
    expect(only(kpiIssues([{ ...KPI, source: 'Hoạt động: Hội thi' }]), 'SOURCE_NOT_COUNT')).toMatchObject({ cell: 'H2', severity: 'error' });
  });

  it('a rating from another scale is an error naming both scales', () => {
    const data = readSchool(school({ kpis: [{ ...KPI, kind: 'Xếp loại', target: 'Khá', q1Achieved: 'Hoàn thành tốt nhiệm vụ' }] }), OPTS);
    const i = only(data.issues, 'RATING_SCALE_MISMATCH');
    expect(i).toMatchObject({ cell: 'I2', severity: 'error' });
    expect(i.message).toBe('Mức “Hoàn thành tốt nhiệm vụ” thuộc thang “Xếp loại cán bộ, đơn vị”, còn Mục tiêu dùng thang “Chỉ số CCHC”. Nhập một mức của thang “Chỉ số CCHC”: Tốt, Khá, Trung bình, Yếu.');
    expect(data.kpis[0]?.blocked).toBe(true);
  });

  it('an unknown rating level, a bad yes/no and a yes/no target of Không', () => {
    expect(only(kpiIssues([{ ...KPI, kind: 'Xếp loại', target: 'Giỏi' }]), 'RATING_UNKNOWN')).toMatchObject({ cell: 'F2' });
    expect(only(kpiIssues([{ ...KPI, kind: 'Có/Không', target: 'Có', q1Achieved: 'chắc có' }]), 'YESNO_INVALID')).toMatchObject({ cell: 'I2' });
    expect(only(kpiIssues([{ ...KPI, kind: 'Có/Không', target: 'Không' }]), 'TARGET_YESNO')).toMatchObject({ cell: 'F2' });
  });

  it('a missing Loại or Mục tiêu, and a negative count', () => {
    expect(only(kpiIssues([{ ...KPI, kind: null }]), 'REQUIRED')).toMatchObject({ cell: 'D2', column: 'Loại' });
    expect(only(kpiIssues([{ ...KPI, target: null }]), 'REQUIRED')).toMatchObject({ cell: 'F2', column: 'Mục tiêu' });
    expect(only(kpiIssues([{ ...KPI, kind: 'Số lượng', target: 2, q1Achieved: -1 }]), 'NUMBER_NEGATIVE')).toMatchObject({ cell: 'I2' });
  });
});

describe('Sáng kiến', () => {
  const initIssues = (rows: Row[]) => issuesOf(school({ initiatives: rows }));

  it('registration after the deadline is a warning', () => {
    const i = only(initIssues([{ ...INIT, registered: '23/04/2024' }]), 'REGISTERED_AFTER_DEADLINE');
    expect(i).toMatchObject({ sheet: 'Sáng kiến', cell: 'G2', severity: 'warning' });
    expect(i.message).toContain('23/04/2024 sau hạn đăng ký sáng kiến 22/04/2024');
  });

  it('Kết quả missing from Hoàn thành on is a warning; Minh chứng missing from Đã nghiệm thu on is an error', () => {
    expect(only(initIssues([{ ...INIT, stage: 'Hoàn thành' }]), 'RESULT_MISSING')).toMatchObject({ cell: 'L2', severity: 'warning' });
    const data = readSchool(school({ initiatives: [{ ...INIT, stage: 'Được công nhận', result: 'Tốt' }] }), OPTS);
    const i = only(data.issues, 'INITIATIVE_EVIDENCE_REQUIRED');
    expect(i).toMatchObject({ cell: 'M2', severity: 'error' });
    expect(i.message).toContain('giai đoạn “Được công nhận”');
    // Counted by stage, but not eligible for an award.
    expect(data.initiatives[0]).toMatchObject({ hasError: true, blocked: false });
    expect(initIssues([{ ...INIT, stage: 'Dừng' }]).filter((x) => x.sheet === 'Sáng kiến')).toEqual([]);
  });

  it('a score outside 0–20; a missing name or registration date blocks the row', () => {
    expect(only(initIssues([{ ...INIT, scoreImpact: 25 }]), 'NUMBER_RANGE').message).toBe('Số 25 nằm ngoài khoảng cho phép. Nhập số từ 0 đến 20.');
    const data = readSchool(school({ initiatives: [{ ...INIT, name: null }, { ...INIT, registered: '30/02/2024' }, { ...INIT, area: 'LV0' }] }), OPTS);
    expect(data.initiatives.map((x) => [x.blocked, x.hasError])).toEqual([[true, true], [true, true], [false, true]]);
  });
});

describe('Hoạt động', () => {
  it('a missing date blocks; a bad link warns; an unknown type errs', () => {
    const data = readSchool(school({ activities: [
      { type: 'Hội thi', title: 'Hội thi' },
      { date: '01/02/2024', title: 'Bài', link: 'trang web trường' },
      { date: '01/02/2024', title: 'Du lịch', type: 'Du lịch' },
      { date: '01/03/2024', title: 'Tập huấn', type: 'Tập huấn, bồi dưỡng', area: 'LV10' },
    ] }), OPTS);
    expect(only(data.issues, 'REQUIRED')).toMatchObject({ sheet: 'Hoạt động', cell: 'A2' });
    expect(only(data.issues, 'LINK_INVALID')).toMatchObject({ cell: 'F3', severity: 'warning' });
    expect(only(data.issues, 'ENUM_UNKNOWN')).toMatchObject({ cell: 'B4' });
    expect(only(data.issues, 'AREA_UNKNOWN')).toMatchObject({ cell: 'D5', severity: 'error' });
    // Only date and type feed the counts, so only their errors keep an activity out.
    expect(data.activities.map((a) => [a.blocked, a.type])).toEqual([[true, 'Hội thi'], [false, 'Khác'], [true, 'Khác'], [false, 'Tập huấn, bồi dưỡng']]);
  });
});

describe('the issue list', () => {
  it('is sorted by sheet order, row and column, and counted', () => {
    const r = validate(school({
      tasks: [{ ...TASK, due: '31/02/2024', area: 'LV9' }, TASKS[0]!],
      people: [...PEOPLE, { name: 'X', email: 'x' }],
      kpis: [{ ...KPI, q1Achieved: 'a', q1Total: 1 }],
    }), OPTS);
    expect(r.issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Nhân sự!D5', 'Kế hoạch!B2', 'Kế hoạch!G2', 'Chỉ tiêu!I2']);
    expect(r.counts).toEqual({ error: 4, warning: 0, notice: 0 });
  });

  it('speaks English when asked', () => {
    const r = validate(school({ tasks: [{ ...TASK, due: '31/02/2024' }] }), { ...OPTS, lang: 'en' });
    expect(r.issues[0]?.message).toBe('The date 31/02/2024 does not exist. Type the date as day/month/year, e.g. 10/06/2024.');
  });

  it('uses the defaults of the workbook contract for the as-of date', () => {
    expect(validate(school(), { lang: 'vi', today: '2025-02-01' }).asOf).toBe('2024-12-31');
    expect(validate(school(), { lang: 'vi', today: '2024-05-02' }).asOf).toBe('2024-05-02');
    expect(validate(school(), { lang: 'vi', today: '2024-05-02', asOf: '2024-04-01' }).asOf).toBe('2024-04-01');
  });
});

