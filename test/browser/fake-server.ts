// Fake handlers for `cchc serve`: a Bến Thành–like school (seed 001) as of 30/06/2024, held in
// memory, with one hostile task name. Tests steer it through `control`.

import { ApiFailure, type ApiIssue, type ApiOutput, type Dashboard, type DataErrors } from '../../src/core/api.ts';
import type { IsoDate, Lang, PeriodCode } from '../../src/core/model.ts';
import { epochDay } from '../../src/core/parse/date.ts';
import { reportingFrame } from '../../src/core/frame.ts';
import { t } from '../../src/core/i18n.ts';
import type { ServeHandlers, SheetView } from '../../src/node/serve.ts';

export const XSS_TITLE = '<img src=x onerror=alert(1)>';

type Failure = 'unexpected' | 'busy';

export interface FakeControl {
  /** Make the next call of `name` fail: an unexpected exception, or a handler's ApiFailure. */
  failNext(name: keyof ServeHandlers, how: Failure): void;
  /** Hold the next call of `name` until the returned function is called (to see work in progress). */
  hold(name: keyof ServeHandlers): () => void;
  /** Every call received, in order. */
  calls: { name: string; input: unknown }[];
  /** Drop the errors from the data (warnings and notices stay). */
  fixErrors(): void;
  readonly lang: Lang;
  readonly marked: boolean;
  readonly reports: number;
}

const PLAN_HEADER = ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Bắt đầu', 'Hạn hoàn thành', 'Sản phẩm', 'Trạng thái', '% hoàn thành', 'Ngày hoàn thành', 'Minh chứng', 'Ghi chú', '⚙ Tình trạng'];
const PLAN_ROWS: (string | number | null)[][] = [
  ['1', 'LV1', 'Kiện toàn Ban Chỉ đạo và Tổ giúp việc CCHC', 'Nguyễn Mai Hằng', 'Lê Thị Hoà', '02/01/2024', '31/01/2024', 'Quyết định kiện toàn', 'Hoàn thành', '100%', '25/01/2024', 'https://mnbenthanh.edu.vn/qd-bcd', '', 'Hoàn thành đúng hạn'],
  ['2', 'LV1', 'Xây dựng kế hoạch CCHC năm 2024', 'Nguyễn Mai Hằng', '', '02/01/2024', '15/01/2024', 'Kế hoạch', 'Hoàn thành', '100%', '20/01/2024', '', '', 'Hoàn thành trễ hạn'],
  ['3', 'LV3', 'Rà soát, công khai thủ tục hành chính nội bộ', 'Lê Thị Hoà', 'Văn thư', '01/03/2024', '15/06/2024', 'Danh mục TTHC', 'Đang thực hiện', '60%', '', '', '', 'Quá hạn'],
  ['4', 'LV7', XSS_TITLE, 'Trần Văn Bình', '', '01/04/2024', '20/06/2024', '', 'Đang thực hiện', '30%', '', '', '', 'Quá hạn'],
  ['5', 'LV3', 'Công khai tỷ lệ hồ sơ TTHC đúng hạn trên Hệ thống thông tin', 'Phạm Thị Thuý', '', '15/07/2024', '10/07/2024', '', 'Chưa bắt đầu', '', '', '', 'Hạn trước ngày bắt đầu', ''],
  ['6', 'LV8', 'Khảo sát mức độ hài lòng của PHHS về thanh toán học phí qua Yoyoschool', 'Lê Thị Hoà', 'Giáo viên chủ nhiệm', '01/05/2024', '05/07/2024', 'Báo cáo khảo sát', 'Đang thực hiện', '50%', '', '', '', 'Sắp đến hạn'],
  ['7', 'LV5', 'Bồi dưỡng quy tắc ứng xử cho CB-GV-NV', 'Nguyễn Thị Lan', '', '01/02/2024', '30/11/2024', '', 'Hoàn thành', '100%', '', '', '', ''],
  ['8', 'LV7', '100% văn bản trao đổi qua môi trường điện tử', 'Văn thư', '', '01/01/2024', '31/12/2024', '', 'Đang thực hiện', '45%', '', '', '', 'Đúng tiến độ'],
];

const TODAY = '2024-06-30';
const PLAN_YEAR = 2024;

/** The frame the server settles, by the real rule (the sidebar must not know it). */
const frameOf = (input: { asOf?: IsoDate; period?: PeriodCode }) => reportingFrame(TODAY, PLAN_YEAR, input);

function issues(lang: Lang, withErrors: boolean): ApiIssue[] {
  const all = allIssues(lang);
  return withErrors ? all : all.filter((i) => i.severity !== 'error');
}

/** What the issues below keep out: Kế hoạch rows 6 and 8, Chỉ tiêu row 4. */
const DATA_ERRORS: DataErrors = {
  errors: 3,
  rowsLeftOut: 3,
  sheets: [
    { sheet: 'Kế hoạch', errors: 2, rowsLeftOut: 2 },
    { sheet: 'Chỉ tiêu', errors: 1, rowsLeftOut: 1 },
  ],
};
const NO_ERRORS: DataErrors = { errors: 0, rowsLeftOut: 0, sheets: [] };

function allIssues(lang: Lang): ApiIssue[] {
  const m = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  return [
    { sheet: 'Kế hoạch', row: 6, column: 'Hạn hoàn thành', cell: 'G6', severity: 'error', code: 'DUE_BEFORE_START', message: m('Hạn hoàn thành 10/07/2024 trước ngày bắt đầu 15/07/2024.', 'Deadline 10/07/2024 is before the start 15/07/2024.') },
    { sheet: 'Kế hoạch', row: 8, column: 'Ngày hoàn thành', cell: 'K8', severity: 'error', code: 'DONE_DATE_MISSING', message: m('Nhiệm vụ đã Hoàn thành nhưng chưa có Ngày hoàn thành.', 'The task is done but has no completion date.') },
    { sheet: 'Kế hoạch', row: 3, column: 'Minh chứng', cell: 'L3', severity: 'warning', code: 'EVIDENCE_MISSING', message: m('Nhiệm vụ đã Hoàn thành nhưng chưa có minh chứng.', 'Done task without evidence.') },
    { sheet: 'Kế hoạch', row: 5, column: 'Nhiệm vụ', cell: 'C5', severity: 'notice', code: 'TITLE_MARKUP', message: m(`Tên nhiệm vụ “${XSS_TITLE}” chứa ký tự đặc biệt.`, `Task name “${XSS_TITLE}” has special characters.`) },
    { sheet: 'Chỉ tiêu', row: 4, column: 'Quý II - Tổng', cell: 'N4', severity: 'error', code: 'TOTAL_BELOW_ACHIEVED', message: m('Tổng (40) nhỏ hơn số đạt (42).', 'Total (40) is below achieved (42).') },
    { sheet: 'Nhân sự', row: 5, column: 'Email', cell: 'D5', severity: 'warning', code: 'BAD_EMAIL', message: m('“thuy.pham@” không phải địa chỉ email.', '“thuy.pham@” is not an e-mail address.') },
    { sheet: 'Hoạt động', row: null, column: null, cell: null, severity: 'notice', code: 'SHEET_EMPTY', message: m('Trang Hoạt động chưa có dòng nào.', 'The Activities sheet has no rows.') },
  ];
}

/**
 * The status as of a date: a task is overdue once its deadline is past the as-of date (else on
 * track), and a milestone is listed when it falls after it. At 30/06/2024 two tasks are overdue.
 */
function summary(lang: Lang, extraOverdue: number, frame: { asOf: IsoDate; period: PeriodCode }): Dashboard {
  const m = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const late = [
    { row: 4, title: 'Rà soát, công khai thủ tục hành chính nội bộ', owner: 'Lê Thị Hoà', due: '2024-06-15' },
    { row: 5, title: XSS_TITLE, owner: 'Trần Văn Bình', due: '2024-06-20' },
    ...Array.from({ length: extraOverdue }, (_, i) => ({ row: 20 + i, title: `Nhiệm vụ bổ sung ${i + 1}`, owner: 'Nguyễn Thị Lan', due: '2024-06-25' })),
  ];
  const overdue = late
    .filter((t) => t.due < frame.asOf)
    .map((t) => ({ ...t, daysLate: epochDay(frame.asOf) - epochDay(t.due) }))
    .sort((a, b) => b.daysLate - a.daysLate);
  const milestones: Dashboard['milestones'] = [
    { date: '2024-07-05', label: 'Khảo sát mức độ hài lòng của PHHS về thanh toán học phí qua Yoyoschool', kind: 'taskDue' },
    { date: '2024-07-10', label: m('Hạn báo cáo đợt 1', 'Phase-1 report deadline'), kind: 'phase1' },
  ];
  return {
    asOf: frame.asOf,
    period: frame.period,
    tasks: { total: 5 + late.length, done: 2, byState: { cancelled: 0, doneOnTime: 1, doneLate: 1, overdue: overdue.length, dueSoon: 1, behind: 0, onTrack: 2 + late.length - overdue.length } },
    kpis: { total: 16, byStatus: { met: 9, near: 1, notMet: 2, notApplicable: 1, noData: 3 } },
    milestones: milestones.filter((x) => x.date > frame.asOf && epochDay(x.date) - epochDay(frame.asOf) <= 30),
    overdue,
  };
}

const countsOf = (list: ApiIssue[]) => {
  const count = (s: string) => list.filter((i) => i.severity === s).length;
  return { error: count('error'), warning: count('warning'), notice: count('notice') };
};

/** `extraOverdue`: more overdue tasks beyond the two of the sample, for a late school. */
export function createFakeServer({ extraOverdue = 0 } = {}): { handlers: ServeHandlers; control: FakeControl } {
  let lang: Lang = 'vi';
  let marked = false;
  let reports = 0;
  let withErrors = true;
  const failures = new Map<string, Failure>();
  const holds = new Map<string, Promise<void>>();
  const calls: FakeControl['calls'] = [];

  /** Record the call, wait while it is held, and throw the failure queued for it, if any. */
  const enter = async (name: string, input: unknown) => {
    calls.push({ name, input });
    const held = holds.get(name);
    if (held) {
      holds.delete(name);
      await held;
    }
    const how = failures.get(name);
    if (!how) return;
    failures.delete(name);
    if (how === 'busy') {
      throw new ApiFailure('BUSY', lang === 'vi' ? 'Đang có người khác cập nhật bảng tính. Vui lòng thử lại sau ít phút.' : 'Someone else is updating the spreadsheet. Please try again in a few minutes.');
    }
    throw new TypeError("Cannot read properties of undefined (reading 'row')\n    at compute (/src/core/progress.ts:42:7)");
  };

  const handlers: ServeHandlers = {
    getState: async (input) => {
      await enter('getState', input);
      const frame = frameOf(input);
      return {
        lang,
        unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' },
        ...frame,
        planYear: PLAN_YEAR,
        templateInstalled: true,
        templateVersion: 1,
        summary: summary(lang, extraOverdue, frame),
        dataErrors: withErrors ? DATA_ERRORS : NO_ERRORS,
        validation: input.withIssues ? { templateVersion: 1, asOf: frame.asOf, issues: issues(lang, withErrors), counts: countsOf(issues(lang, withErrors)) } : null,
      };
    },
    setLanguage: async (input) => {
      await enter('setLanguage', input);
      lang = input.lang;
      return { lang };
    },
    installTemplate: async (input) => {
      await enter('installTemplate', input);
      return { templateVersion: 1, createdSheets: [] };
    },
    validate: async (input): Promise<ApiOutput<'validate'>> => {
      await enter('validate', input);
      const list = issues(lang, withErrors);
      return { templateVersion: 1, asOf: frameOf(input).asOf, issues: list, counts: countsOf(list) };
    },
    selectCell: async (input) => {
      await enter('selectCell', input);
      return { sheet: input.sheet, cell: input.cell };
    },
    markProblems: async (input) => {
      await enter('markProblems', input);
      marked = true;
      return { marked: issues(lang, withErrors).filter((i) => i.cell).length, sheets: ['Kế hoạch', 'Chỉ tiêu', 'Nhân sự'] };
    },
    clearMarks: async (input) => {
      await enter('clearMarks', input);
      marked = false;
      return { sheets: ['Kế hoạch', 'Chỉ tiêu', 'Nhân sự'] };
    },
    updateProgress: async (input) => {
      await enter('updateProgress', input);
      return { summary: summary(lang, extraOverdue, frameOf(input)), counts: countsOf(issues(lang, withErrors)), dataErrors: withErrors ? DATA_ERRORS : NO_ERRORS };
    },
    generateReport: async (input) => {
      await enter('generateReport', input);
      reports++;
      const number = `${String(reports + 11).padStart(2, '0')}/BC-MNBT`;
      const name = `Báo cáo CCHC quý II năm 2024 - số ${reports + 11}.docx`;
      return { url: `/download/${encodeURIComponent(name)}`, name, number, pdfUrl: null, dataErrors: withErrors ? DATA_ERRORS : NO_ERRORS };
    },
    readSheets: (): SheetView[] => {
      const markFor = (sheet: string) => (marked ? issues(lang, withErrors).filter((i) => i.sheet === sheet && i.cell).map((i) => ({ cell: i.cell ?? '', note: i.message })) : []);
      return [
        { name: 'Thông tin', rows: [['Mục', 'Giá trị'], ['Phiên bản mẫu', 1], ['Mã đơn vị', 'MNBT'], ['Tên đơn vị', 'Trường Mầm non Bến Thành'], ['Năm', 2024]], marks: [] },
        { name: 'Nhân sự', rows: [['Họ và tên', 'Chức vụ', 'Bộ phận', 'Email', 'Vai trò CCHC'], ['Nguyễn Mai Hằng', 'Hiệu trưởng', 'BGH', 'hang.nm@mnbenthanh.edu.vn', 'Trưởng ban chỉ đạo'], ['Lê Thị Hoà', 'Phó Hiệu trưởng', 'BGH', '', 'Phó trưởng ban chỉ đạo'], ['Trần Văn Bình', 'Nhân viên', 'Văn phòng', '', 'Tổ giúp việc'], ['Phạm Thị Thuý', 'Kế toán', 'Văn phòng', 'thuy.pham@', '']], marks: markFor('Nhân sự') },
        { name: 'Kế hoạch', rows: [PLAN_HEADER, ...PLAN_ROWS], marks: markFor('Kế hoạch') },
        { name: 'Chỉ tiêu', rows: [['Mã', 'Lĩnh vực', 'Chỉ tiêu', 'Loại'], ['CT01', 'LV3', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 'Tỷ lệ'], ['CT02', 'LV3', 'Tỷ lệ xử lý đơn đúng hạn', 'Tỷ lệ'], ['CT03', 'LV8', 'Mức độ hài lòng của PHHS', 'Tỷ lệ']], marks: markFor('Chỉ tiêu') },
        { name: 'Hoạt động', rows: [['Ngày', 'Loại hoạt động', 'Tiêu đề']], marks: [] },
      ];
    },
    // The district calls exist only in Google Sheets (cchc serve answers NOT_AVAILABLE).
    districtState: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.onlyInSheets'));
    },
    districtRefresh: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.onlyInSheets'));
    },
    pickerConfig: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.onlyInSheets'));
    },
    showPicker: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.pickerOnlyInSheets'));
    },
    reminderState: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'remind.onlyInSheets'));
    },
    setReminders: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'remind.onlyInSheets'));
    },
    // As under `cchc serve`: no spreadsheet ID, the new year is `cchc rollover`.
    rolloverState: async () => ({ place: 'local' as const, fromYear: 2024, toYear: 2025 }),
    startRollover: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'rollover.notHere', { toYear: 2025 }));
    },
    rollCopy: async () => {
      throw new ApiFailure('NOT_AVAILABLE', t(lang, 'rollover.notHere', { toYear: 2025 }));
    },
    download: (name) => (name.endsWith('.docx') ? { body: new TextEncoder().encode('PK fake docx'), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } : null),
  };

  const control: FakeControl = {
    failNext: (name, how) => void failures.set(name, how),
    hold: (name) => {
      let release = () => {};
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    calls,
    fixErrors: () => void (withErrors = false),
    get lang() {
      return lang;
    },
    get marked() {
      return marked;
    },
    get reports() {
      return reports;
    },
  };
  return { handlers, control };
}

/** Run by hand to look at the page: `npx tsx test/browser/fake-server.ts` */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startServer } = await import('../../src/node/serve.ts');
  const { buildSidebarHtml } = await import('../../sidebar/build-html.mjs');
  const server = await startServer({ handlers: createFakeServer().handlers, port: Number(process.env.PORT ?? 8080), sidebarHtml: await buildSidebarHtml(), file: 'mnbt-2024.xlsx' });
  console.log(server.url);
}
