// A sample school (Trường Mầm non Bến Thành, seed 001) as SchoolData, and its figures for Quý II
// 2024 as of 30/06/2024, written out by hand (counted row by row below) so the report tests do not
// depend on the progress engine; one test checks the engine agrees.

import type { Activity, Initiative, Kpi, Person, QuarterEntry, SchoolData, Settings, Task } from '../../../src/core/model.ts';
import type { Progress } from '../../../src/core/progress/types.ts';
import { settings as baseSettings } from '../progress/fixtures.ts';

export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","bấm")';
export const HOSTILE_HTML = '<script>alert("x")</script> & Co';

/** The progress tests' settings, with the recipients a report prints. */
export const settings = (over: Partial<Settings> = {}): Settings =>
  baseSettings({ recipients: ['Phòng Nội vụ Quận 1', 'Thành viên BCĐ CCHC', 'Lưu: VT'], ...over });

const person = (row: number, name: string, title: string, role: Person['role']): Person => ({ row, name, title, department: '', email: '', role });

function task(row: number, area: Task['area'], title: string, over: Partial<Task>): Task {
  return {
    row, stt: String(row - 1), area, title, owner: 'Lê Thị Hoà', support: 'Tổ văn phòng', start: null, due: '2024-12-31',
    output: 'Báo cáo', status: 'inProgress', percent: null, doneDate: null, evidence: '', note: '', blocked: false, ...over,
  };
}

const q = (achieved: QuarterEntry['achieved'], total: string | null = null): QuarterEntry => ({ achieved, total: total === null ? null : { text: total } });
const none = (): QuarterEntry => ({ achieved: null, total: null });
const d = (text: string) => ({ text });

function kpi(row: number, code: string, area: Kpi['area'], title: string, over: Partial<Kpi>): Kpi {
  return {
    row, code, area, title, kind: 'ratio', direction: '>=', target: d('1'), method: 'cumulative', sourceActivityType: null,
    quarters: [none(), none(), none(), none()], owner: '', evidence: '', note: '', blocked: false, ...over,
  };
}

function initiative(row: number, over: Partial<Initiative>): Initiative {
  return {
    row, stt: String(row - 1), name: 'Sáng kiến', form: 'Sáng kiến', area: 'LV3', authors: 'Lê Thị Hoà', individual: true,
    registered: '2024-04-10', summary: '', due: null, stage: 'registered', percent: null, result: '', evidence: '',
    scores: [null, null, null, null, null], note: '', hasError: false, blocked: false, ...over,
  };
}

function activity(row: number, date: string, type: string, title: string): Activity {
  return { row, date, type, title, area: 'LV1', performer: '', link: '', note: '', blocked: false };
}

export function sampleData(over: Partial<Settings> = {}): SchoolData {
  return {
    frame: { today: '2024-06-30', asOf: '2024-06-30', period: 'Q2', year: 2024 },
    templateVersion: 1,
    sheets: {},
    settings: settings(over),
    people: [
      person(2, 'Nguyễn Mai Hằng', 'Hiệu trưởng', 'head'),
      person(3, 'Trần Liên Hương', 'Phó Hiệu trưởng', 'deputyHead'),
      person(4, 'Lê Thị Hoà', 'Giáo viên', 'member'),
      person(5, 'Phạm Văn Tú', 'Nhân viên văn thư', 'assistant'),
      person(6, 'Võ Thị Lan', 'Giáo viên', null),
    ],
    tasks: [
      // LV1: doneOnTime, doneLate, onTrack, cancelled
      task(2, 'LV1', 'Kiện toàn Ban Chỉ đạo cải cách hành chính của đơn vị', { status: 'done', due: '2024-01-31', doneDate: '2024-01-15', owner: 'Nguyễn Mai Hằng' }),
      task(3, 'LV1', 'Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2024', { status: 'done', due: '2024-02-15', doneDate: '2024-02-20' }),
      task(4, 'LV1', 'Cập nhật chuyên mục cải cách hành chính trên trang thông tin điện tử', { start: '2024-01-01', percent: 0.5 }),
      // LV2: overdue
      task(5, 'LV2', 'Rà soát văn bản nội bộ của nhà trường', { due: '2024-06-15', percent: 0.6, owner: 'Trần Liên Hương' }),
      // LV3: doneOnTime, onTrack (hostile title)
      task(6, 'LV3', 'Niêm yết công khai thủ tục hành chính tại bảng tin', { status: 'done', due: '2024-03-31', doneDate: '2024-03-10' }),
      task(7, 'LV3', HOSTILE_FORMULA, { due: '2024-09-30' }),
      // LV5: dueSoon (hostile title and owner)
      task(8, 'LV5', HOSTILE_HTML, { due: '2024-07-05', owner: '<b>Phạm Văn Tú</b>' }),
      // LV6: doneOnTime
      task(9, 'LV6', 'Ban hành quy chế chi tiêu nội bộ năm 2024', { status: 'done', due: '2024-01-31', doneDate: '2024-01-20', owner: 'Phạm Văn Tú' }),
      // LV7: behind (10% done, 74% of the time gone)
      task(10, 'LV7', 'Triển khai thanh toán học phí không dùng tiền mặt qua Yoyoschool', { start: '2024-01-01', due: '2024-08-31', percent: 0.1 }),
      // LV8: overdue
      task(11, 'LV8', 'Khảo sát sự hài lòng của phụ huynh học sinh', { due: '2024-05-31', owner: 'Võ Thị Lan' }),
      // LV1: cancelled
      task(12, 'LV1', 'Tổ chức hội thi tìm hiểu cải cách hành chính', { status: 'cancelled', due: '2024-05-15' }),
      // blocked by an error: in no figure, in no list
      task(13, 'LV4', 'Nhiệm vụ có lỗi dữ liệu', { due: null, blocked: true }),
    ],
    kpis: [
      kpi(2, 'CT01', 'LV3', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', { quarters: [q(d('10'), '10'), q(d('12'), '12'), none(), none()] }),
      kpi(3, 'CT02', 'LV3', 'Tỷ lệ xử lý đơn đúng hạn', { target: d('0.98'), quarters: [q(d('100'), '100'), q(d('97'), '100'), none(), none()] }),
      kpi(4, 'CT03', 'LV8', 'Mức độ hài lòng của phụ huynh học sinh', { target: d('0.99'), method: 'latest', quarters: [none(), q(d('90'), '100'), none(), none()] }),
      kpi(5, 'CT04', 'LV1', 'Số sản phẩm truyền thông về cải cách hành chính trên trang thông tin điện tử', {
        kind: 'count', target: d('2'), method: 'perQuarter', quarters: [q(d('2')), q(d('1')), none(), none()],
      }),
      kpi(6, 'CT05', 'LV3', 'Tỷ lệ hồ sơ trễ hạn được gửi thư xin lỗi', { quarters: [q(d('0'), '0'), q(d('0'), '0'), none(), none()] }),
      kpi(7, 'CT06', 'LV7', 'Đơn vị ứng dụng thanh toán điện tử trong cung ứng dịch vụ', { kind: 'yesno', target: true, quarters: [q(true), none(), none(), none()] }),
      kpi(8, 'CT07', 'LV1', 'Chỉ số cải cách hành chính của đơn vị', { kind: 'rating', target: 'Khá', method: 'latest' }),
      kpi(9, 'CT08', 'LV5', 'Số vụ vi phạm kỷ luật hành chính', { kind: 'count', direction: '<=', target: d('0'), quarters: [q(d('0')), q(d('0')), none(), none()] }),
      kpi(10, 'CT09', 'LV3', 'Tỷ lệ giải quyết khiếu nại, tố cáo đúng hạn', { target: d('0.95'), quarters: [q(d('9'), '10'), q(d('9.6'), '10'), none(), none()] }),
    ],
    initiatives: [
      initiative(2, {
        name: 'Ứng dụng công nghệ số trong tổ chức hoạt động', form: 'Mô hình', area: 'LV7', authors: 'Tập thể Ban Giám hiệu', individual: false,
        registered: '2024-04-10', stage: 'accepted', result: 'Giảm 50% thời gian xử lý hồ sơ nội bộ', evidence: 'https://mnbenthanh.example/cchc/mo-hinh',
        scores: [18, 17, 16, 15, 14],
      }),
      initiative(3, { name: 'Sổ tay điện tử cho phụ huynh', form: 'Giải pháp', area: 'LV3', authors: 'Lê Thị Hoà', registered: '2024-04-25', stage: 'inProgress' }),
      initiative(4, { name: HOSTILE_FORMULA, form: 'Sáng kiến', area: 'LV8', authors: 'Trần Văn Bình', registered: '2024-04-15', stage: 'registered' }),
    ],
    activities: [
      activity(2, '2024-03-15', 'Bài viết trên trang thông tin điện tử', 'Tuyên truyền dịch vụ công trực tuyến'),
      activity(3, '2024-05-20', 'Bài viết trên trang thông tin điện tử', 'Giới thiệu mô hình thanh toán học phí không dùng tiền mặt'),
      activity(4, '2024-04-10', 'Tập huấn, bồi dưỡng', 'Tập huấn chữ ký số cho cán bộ, giáo viên'),
      activity(5, '2024-07-02', 'Hội thi', 'Hội thi sau ngày báo cáo (không tính)'),
    ],
    issues: [],
  };
}

const zero = { total: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 0, cancelled: 0 };

/** The figures of `sampleData()` for Q2 2024 as of 2024-06-30, counted by hand. */
export function sampleProgress(): Progress {
  return {
    templateVersion: 1,
    asOf: '2024-06-30',
    period: 'Q2',
    unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' },
    tasks: {
      total: 11, done: 4, doneOnTime: 3, doneLate: 1, overdue: 2, dueSoon: 1, behind: 1, onTrack: 2, cancelled: 1,
      byArea: {
        LV1: { ...zero, total: 4, done: 2, doneOnTime: 1, doneLate: 1, onTrack: 1, cancelled: 1 },
        LV2: { ...zero, total: 1, overdue: 1 },
        LV3: { ...zero, total: 2, done: 1, doneOnTime: 1, onTrack: 1 },
        LV4: { ...zero },
        LV5: { ...zero, total: 1, dueSoon: 1 },
        LV6: { ...zero, total: 1, done: 1, doneOnTime: 1 },
        LV7: { ...zero, total: 1, behind: 1 },
        LV8: { ...zero, total: 1, overdue: 1 },
      },
      rows: [
        { row: 2, state: 'doneOnTime' }, { row: 3, state: 'doneLate' }, { row: 4, state: 'onTrack' }, { row: 5, state: 'overdue' },
        { row: 6, state: 'doneOnTime' }, { row: 7, state: 'onTrack' }, { row: 8, state: 'dueSoon' }, { row: 9, state: 'doneOnTime' },
        { row: 10, state: 'behind' }, { row: 11, state: 'overdue' }, { row: 12, state: 'cancelled' },
      ],
    },
    kpis: [
      { code: 'CT01', area: 'LV3', kind: 'ratio', direction: '>=', target: 1, value: 1, achievement: 1, status: 'met' },
      { code: 'CT02', area: 'LV3', kind: 'ratio', direction: '>=', target: 0.98, value: 0.985, achievement: 0.985 / 0.98, status: 'met' },
      { code: 'CT03', area: 'LV8', kind: 'ratio', direction: '>=', target: 0.99, value: 0.9, achievement: 0.9 / 0.99, status: 'notMet' },
      { code: 'CT04', area: 'LV1', kind: 'count', direction: '>=', target: 2, value: 1, achievement: null, status: 'notMet', quarters: { judged: 2, met: 1 } },
      { code: 'CT05', area: 'LV3', kind: 'ratio', direction: '>=', target: 1, value: null, achievement: null, status: 'notApplicable' },
      { code: 'CT06', area: 'LV7', kind: 'yesno', direction: '>=', target: true, value: true, achievement: null, status: 'met' },
      { code: 'CT07', area: 'LV1', kind: 'rating', direction: '>=', target: 'Khá', value: null, achievement: null, status: 'noData' },
      { code: 'CT08', area: 'LV5', kind: 'count', direction: '<=', target: 0, value: 0, achievement: null, status: 'met' },
      { code: 'CT09', area: 'LV3', kind: 'ratio', direction: '>=', target: 0.95, value: 0.93, achievement: 0.93 / 0.95, status: 'near' },
    ],
    kpiCounts: { met: 4, near: 1, notMet: 2, notApplicable: 1, noData: 1 },
    people: [],
    initiatives: {
      total: 3,
      byStage: { registered: 1, inProgress: 1, done: 0, accepted: 1, proposed: 0, recognised: 0, stopped: 0 },
      eligible: 1,
    },
  };
}

/** The fixture's frame (sampleData) is 30/06/2024, Q2; the document is dated 05/07/2024. */
export const BUILD_OPTIONS = { date: '2024-07-05', number: 12, lang: 'vi' } as const;
