// The sample school: Trường Mầm non Bến Thành (Quận 1), its 2024 reform plan (seed
// 001_3d8cf18c4373e89c.txt). Targets and tasks follow the plan's sections II and III; people are
// invented but plausible (the plan names roles, not people). As of 30/06/2024 the tasks show a mix
// of done on time, done late, overdue, due soon, behind, on track, paused and cancelled, and Q1–Q2
// figures are filled in. It validates with no error (test/core/sample.test.ts).

import type { Settings } from './model.ts';
import { isUncomputed, type WorkbookPort, type WriteCell } from './ports.ts';
import { sheetSpec, type SheetKey } from './contract/index.ts';
import { findHeaderRow } from './install.ts';
import { settingForItem } from './read/settings.ts';

export const SAMPLE_SCHOOL = {
  name: 'Trường Mầm non Bến Thành',
  code: 'MNBT',
  year: 2024,
  /** The date the sample's figures are meant to be read at. */
  asOf: '2024-06-30',
} as const;

type Row = Record<string, WriteCell>;
const d = (iso: string): WriteCell => ({ date: iso });
const SITE = 'https://mnbenthanh.edu.vn';

export const SAMPLE_SETTINGS: Partial<Record<keyof Settings, WriteCell>> = {
  unitCode: SAMPLE_SCHOOL.code,
  unitName: SAMPLE_SCHOOL.name,
  parentBody: 'Ủy ban nhân dân Quận 1',
  place: 'Quận 1',
  year: SAMPLE_SCHOOL.year,
  signer: 'Nguyễn Mai Hằng',
  signerTitle: 'Hiệu trưởng',
  recipients: 'Phòng Nội vụ Quận 1\nThành viên BCĐ CCHC MNBT\nĐăng Website trường\nLưu: VT',
};

// ---------------------------------------------------------------- Nhân sự

const HANG = 'Nguyễn Mai Hằng';
const HA = 'Trần Thị Thu Hà';
const HOA = 'Lê Thị Hoà';
const LAN = 'Phạm Thị Ngọc Lan';
const TUAN = 'Võ Minh Tuấn';
const OANH = 'Đặng Thị Kim Oanh';
const LINH = 'Huỳnh Thị Mỹ Linh';
const THUY = 'Bùi Thị Thanh Thúy';
const DUNG = 'Lý Thị Phương Dung';
const NGOC = 'Ngô Thị Bích Ngọc';

const person = (name: string, title: string, department: string, email: string, role: string): Row => ({
  name, title, department, email: `${email}@mnbenthanh.edu.vn`, role,
});

export const SAMPLE_PEOPLE: Row[] = [
  person(HANG, 'Hiệu trưởng', 'Ban Giám hiệu', 'hangnm', 'Trưởng ban chỉ đạo'),
  person(HA, 'Phó Hiệu trưởng', 'Ban Giám hiệu', 'hattt', 'Phó trưởng ban chỉ đạo'),
  person(HOA, 'Phó Hiệu trưởng', 'Ban Giám hiệu', 'hoalt', 'Thành viên ban chỉ đạo'),
  person(LAN, 'Chủ tịch Công đoàn', 'Tổ Mầm', 'lanptn', 'Thành viên ban chỉ đạo'),
  person(TUAN, 'Bí thư Chi đoàn', 'Tổ Văn phòng', 'tuanvm', 'Thành viên ban chỉ đạo'),
  person(OANH, 'Kế toán', 'Tổ Văn phòng', 'oanhdtk', 'Tổ giúp việc'),
  person(LINH, 'Văn thư', 'Tổ Văn phòng', 'linhhtm', 'Tổ giúp việc'),
  person(THUY, 'Tổ trưởng', 'Tổ Lá', 'thuybtt', 'Tổ giúp việc'),
  person(DUNG, 'Giáo viên', 'Tổ Chồi', 'dungltp', 'Tổ giúp việc'),
  person(NGOC, 'Nhân viên y tế', 'Tổ Văn phòng', 'ngocntb', ''),
];

// ---------------------------------------------------------------- Kế hoạch

interface TaskIn {
  area: string;
  title: string;
  owner: string;
  support?: string;
  start?: string;
  due: string;
  output: string;
  status: 'Chưa bắt đầu' | 'Đang thực hiện' | 'Hoàn thành' | 'Tạm dừng' | 'Hủy bỏ';
  percent?: number;
  done?: string;
  evidence?: string;
  note?: string;
}

// States as of 30/06/2024 are noted at the end of each line.
const TASKS: TaskIn[] = [
  // 1. Chỉ đạo, điều hành, truyền thông
  { area: 'LV1', title: 'Kiện toàn Ban Chỉ đạo và Tổ giúp việc Ban Chỉ đạo CCHC của trường năm 2024', owner: HANG, due: '2024-01-31', output: 'Quyết định kiện toàn BCĐ CCHC', status: 'Hoàn thành', done: '2024-01-25', evidence: `${SITE}/cchc/qd-kien-toan-bcd-2024` }, // on time
  { area: 'LV1', title: 'Xây dựng và ban hành Kế hoạch thực hiện công tác CCHC năm 2024', owner: HANG, support: HA, due: '2024-01-31', output: 'Kế hoạch CCHC năm 2024', status: 'Hoàn thành', done: '2024-01-20', evidence: `${SITE}/cchc/ke-hoach-cchc-2024` }, // on time
  { area: 'LV1', title: 'Xây dựng kế hoạch thông tin, tuyên truyền về CCHC năm 2024, chú trọng tuyên truyền đến PHHS', owner: HA, support: DUNG, due: '2024-02-29', output: 'Kế hoạch tuyên truyền CCHC', status: 'Hoàn thành', done: '2024-03-05', evidence: `${SITE}/cchc/ke-hoach-tuyen-truyen-2024` }, // late
  { area: 'LV1', title: 'Báo cáo định kỳ công tác CCHC quý I năm 2024', owner: HA, support: LINH, due: '2024-03-20', output: 'Báo cáo quý I', status: 'Hoàn thành', done: '2024-03-18', evidence: 'Lưu VT: Báo cáo số 08/BC-MNBT' }, // on time
  { area: 'LV1', title: 'Báo cáo kết quả công tác CCHC 6 tháng đầu năm 2024', owner: HA, support: LINH, due: '2024-06-10', output: 'Báo cáo 6 tháng', status: 'Hoàn thành', done: '2024-06-07', evidence: 'Lưu VT: Báo cáo số 21/BC-MNBT' }, // on time
  { area: 'LV1', title: 'Duy trì chuyên mục CCHC trên Trang thông tin điện tử của trường; đăng 1–2 sản phẩm truyền thông mỗi quý', owner: DUNG, support: TUAN, start: '2024-01-02', due: '2024-12-31', output: 'Bài viết trên chuyên mục CCHC', status: 'Đang thực hiện', percent: 0.5 }, // on track
  { area: 'LV1', title: 'Rà soát, khắc phục hạn chế theo kết quả Chỉ số CCHC (PAR Index) năm 2023 của Quận 1', owner: HANG, support: HOA, start: '2024-03-01', due: '2024-06-15', output: 'Báo cáo khắc phục hạn chế', status: 'Đang thực hiện', percent: 0.7 }, // overdue
  // 2. Thể chế
  { area: 'LV2', title: 'Rà soát, hệ thống hóa các văn bản, quy chế nội bộ của trường chưa phù hợp để đề xuất sửa đổi', owner: HOA, due: '2024-04-30', output: 'Danh mục văn bản đề nghị sửa đổi', status: 'Hoàn thành', done: '2024-04-26', evidence: 'Lưu VT: Báo cáo rà soát văn bản ngày 26/4/2024' }, // on time
  { area: 'LV2', title: 'Tuyên truyền, phổ biến, giáo dục pháp luật cho CB-GV-NV trong buổi sinh hoạt chuyên môn', owner: LAN, due: '2024-05-31', output: 'Biên bản sinh hoạt', status: 'Hoàn thành', done: '2024-05-20', evidence: `${SITE}/tin-tuc/pho-bien-phap-luat-thang-5` }, // on time
  { area: 'LV2', title: 'Cập nhật Quy chế chi tiêu nội bộ năm 2024', owner: OANH, support: HANG, due: '2024-03-31', output: 'Quy chế chi tiêu nội bộ', status: 'Hoàn thành', done: '2024-04-10', evidence: 'Lưu VT: Quyết định số 12/QĐ-MNBT' }, // late
  // 3. Thủ tục hành chính
  { area: 'LV3', title: 'Công khai đầy đủ, đúng hạn các thủ tục hành chính tại bộ phận tiếp nhận và trên Trang thông tin điện tử', owner: LINH, due: '2024-02-15', output: 'Bảng niêm yết TTHC', status: 'Hoàn thành', done: '2024-02-10', evidence: `${SITE}/thu-tuc-hanh-chinh` }, // on time
  { area: 'LV3', title: 'Thực hiện thư xin lỗi đối với hồ sơ TTHC giải quyết trễ hẹn (nếu có)', owner: LINH, start: '2024-01-02', due: '2024-12-31', output: 'Thư xin lỗi', status: 'Đang thực hiện', percent: 0.5 }, // on track
  { area: 'LV3', title: 'Số hóa kết quả và hồ sơ giải quyết TTHC còn hiệu lực thuộc thẩm quyền của trường', owner: LINH, support: TUAN, start: '2024-03-01', due: '2024-07-05', output: 'Kho hồ sơ số hóa', status: 'Đang thực hiện', percent: 0.8 }, // due soon
  { area: 'LV3', title: 'Tổ chức đối thoại với PHHS về thủ tục hành chính và các khoản thu', owner: HA, support: LAN, due: '2024-09-30', output: 'Biên bản đối thoại', status: 'Chưa bắt đầu' }, // on track
  { area: 'LV3', title: 'Cập nhật tỷ lệ giải quyết hồ sơ TTHC đúng hạn trên Hệ thống thông tin giải quyết TTHC', owner: LINH, due: '2024-06-30', output: 'Số liệu trên hệ thống', status: 'Hoàn thành', done: '2024-06-28', evidence: 'Ảnh chụp màn hình Hệ thống thông tin giải quyết TTHC ngày 28/6' }, // on time
  { area: 'LV3', title: 'Tổ chức hội thảo trực tiếp về dịch vụ công trực tuyến cho PHHS', owner: HA, due: '2024-05-15', output: 'Hội thảo', status: 'Hủy bỏ', note: 'Thay bằng buổi tọa đàm trực tuyến ngày 12/4/2024' }, // cancelled
  // 4. Tổ chức bộ máy
  { area: 'LV4', title: 'Rà soát, sắp xếp tổ chức bộ máy, phân công nhiệm vụ CB-GV-NV năm học 2024–2025', owner: HANG, support: HOA, start: '2024-05-15', due: '2024-08-15', output: 'Quyết định phân công nhiệm vụ', status: 'Đang thực hiện', percent: 0.3 }, // on track
  { area: 'LV4', title: 'Tuyên truyền Nghị định số 111/2022/NĐ-CP về hợp đồng đối với một số loại công việc', owner: LAN, due: '2024-04-30', output: 'Biên bản sinh hoạt', status: 'Hoàn thành', done: '2024-04-22', evidence: `${SITE}/tin-tuc/nghi-dinh-111` }, // on time
  { area: 'LV4', title: 'Thực hiện Quy chế phối hợp theo Quyết định số 2272/QĐ-UBND của Ủy ban nhân dân Quận 1', owner: HOA, start: '2024-02-01', due: '2024-06-20', output: 'Báo cáo thực hiện quy chế phối hợp', status: 'Đang thực hiện', percent: 0.6 }, // overdue
  // 5. Chế độ công vụ
  { area: 'LV5', title: 'Rà soát Đề án vị trí việc làm và cơ cấu viên chức theo chức danh nghề nghiệp', owner: HANG, support: OANH, due: '2024-05-31', output: 'Đề án vị trí việc làm', status: 'Hoàn thành', done: '2024-05-28', evidence: 'Lưu VT: Tờ trình số 15/TTr-MNBT' }, // on time
  { area: 'LV5', title: 'Cử CBQL-GV tham gia đào tạo, bồi dưỡng đáp ứng tiêu chuẩn chức danh nghề nghiệp', owner: HOA, start: '2024-03-01', due: '2024-08-31', output: 'Danh sách cử đi bồi dưỡng', status: 'Đang thực hiện', percent: 0.1 }, // behind
  { area: 'LV5', title: 'Phát động phong trào thi đua thực hiện văn hóa công vụ đến toàn thể CB-GV-NV', owner: LAN, due: '2024-03-31', output: 'Kế hoạch phát động thi đua', status: 'Hoàn thành', done: '2024-03-26', evidence: `${SITE}/tin-tuc/van-hoa-cong-vu-2024` }, // on time
  { area: 'LV5', title: 'Đánh giá, xếp loại chất lượng CB-GV-NV quý I năm 2024', owner: HANG, due: '2024-04-10', output: 'Biên bản đánh giá, xếp loại', status: 'Hoàn thành', done: '2024-04-08', evidence: 'Lưu VT: Biên bản họp ngày 08/4/2024' }, // on time
  // 6. Tài chính công
  { area: 'LV6', title: 'Ban hành quy chế quản lý, sử dụng tài sản công của trường', owner: OANH, due: '2024-02-29', output: 'Quy chế quản lý tài sản công', status: 'Hoàn thành', done: '2024-02-27', evidence: 'Lưu VT: Quyết định số 06/QĐ-MNBT' }, // on time
  { area: 'LV6', title: 'Công khai dự toán ngân sách và tình hình thực hiện năm 2024', owner: OANH, due: '2024-04-15', output: 'Thông báo công khai tài chính', status: 'Hoàn thành', done: '2024-04-12', evidence: `${SITE}/cong-khai/tai-chinh-2024` }, // on time
  { area: 'LV6', title: 'Triển khai thanh toán học phí không dùng tiền mặt qua phần mềm Yoyoschool cho 100% PHHS', owner: OANH, support: DUNG, start: '2024-01-02', due: '2024-09-30', output: 'Tỷ lệ PHHS thanh toán điện tử', status: 'Đang thực hiện', percent: 0.9 }, // on track
  { area: 'LV6', title: 'Sửa chữa, cải tạo phòng tiếp PHHS và bộ phận tiếp nhận hồ sơ', owner: OANH, support: HANG, start: '2024-04-01', due: '2024-08-31', output: 'Phòng tiếp PHHS', status: 'Tạm dừng', percent: 0.2, note: 'Chờ phân bổ kinh phí' }, // paused, behind
  // 7. Chính quyền số
  { area: 'LV7', title: 'Sử dụng chữ ký số trong xử lý, ban hành và phát hành văn bản', owner: LINH, due: '2024-03-31', output: 'Văn bản ký số', status: 'Hoàn thành', done: '2024-03-29', evidence: 'Báo cáo hệ thống quản lý văn bản quý I' }, // on time
  { area: 'LV7', title: 'Tổ chức họp trực tuyến qua Zoom, Google Meet thay cho các cuộc họp truyền thống', owner: TUAN, start: '2024-01-02', due: '2024-12-31', output: 'Lịch họp trực tuyến', status: 'Đang thực hiện', percent: 0.5 }, // on track
  { area: 'LV7', title: 'Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 trong công tác hành chính', owner: HA, due: '2024-11-30', output: 'Bộ quy trình ISO', status: 'Chưa bắt đầu' }, // on track
  { area: 'LV7', title: 'Tập huấn ứng dụng công nghệ thông tin, chuyển đổi số cho giáo viên', owner: TUAN, support: DUNG, start: '2024-06-01', due: '2024-07-03', output: 'Buổi tập huấn', status: 'Đang thực hiện', percent: 0.6 }, // due soon
  // 8. Sự hài lòng
  { area: 'LV8', title: 'Khảo sát sự hài lòng của PHHS về thanh toán học phí và giải quyết TTHC học kỳ II', owner: THUY, support: NGOC, due: '2024-05-31', output: 'Kết quả khảo sát', status: 'Hoàn thành', done: '2024-05-30', evidence: `${SITE}/cchc/khao-sat-hai-long-hk2` }, // on time
  { area: 'LV8', title: 'Công khai kết quả khảo sát, đánh giá sự hài lòng trên Trang thông tin điện tử', owner: DUNG, due: '2024-06-15', output: 'Bài đăng kết quả khảo sát', status: 'Hoàn thành', done: '2024-06-20', evidence: `${SITE}/cchc/ket-qua-khao-sat-2024` }, // late
  { area: 'LV8', title: 'Cập nhật nội dung khảo sát theo Quyết định số 766/QĐ-TTg về đánh giá chất lượng phục vụ', owner: THUY, due: '2024-10-31', output: 'Phiếu khảo sát mới', status: 'Chưa bắt đầu' }, // on track
];

export const SAMPLE_TASKS: Row[] = TASKS.map((t, i) => ({
  stt: i + 1,
  area: t.area,
  title: t.title,
  owner: t.owner,
  support: t.support ?? null,
  start: t.start ? d(t.start) : null,
  due: d(t.due),
  output: t.output,
  status: t.status,
  percent: t.status === 'Hoàn thành' ? 1 : (t.percent ?? null),
  doneDate: t.done ? d(t.done) : null,
  evidence: t.evidence ?? null,
  note: t.note ?? null,
}));

// ---------------------------------------------------------------- Chỉ tiêu

interface KpiIn {
  code: string;
  area: string;
  title: string;
  kind: 'Tỷ lệ' | 'Số lượng' | 'Có/Không' | 'Xếp loại';
  direction?: '≥' | '≤';
  target: number | string;
  method?: 'Lũy kế' | 'Từng quý' | 'Kỳ gần nhất';
  source?: string;
  /** Q1, Q2: ratio [đạt, tổng]; count: number; yes/no and rating: text. */
  q1?: [number, number] | number | string;
  q2?: [number, number] | number | string;
  owner: string;
  evidence?: string;
}

const KPIS: KpiIn[] = [
  { code: 'CT01', area: 'LV3', title: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong từng lĩnh vực', kind: 'Tỷ lệ', target: 1, q1: [12, 12], q2: [15, 15], owner: LINH, evidence: 'Hệ thống thông tin giải quyết TTHC' },
  { code: 'CT02', area: 'LV3', title: 'Tỷ lệ xử lý đơn đúng hạn', kind: 'Tỷ lệ', target: 0.98, q1: [10, 10], q2: [10, 11], owner: HA },
  { code: 'CT03', area: 'LV3', title: 'Tỷ lệ giải quyết khiếu nại, tố cáo đúng hạn', kind: 'Tỷ lệ', target: 0.95, q1: [0, 0], q2: [0, 0], owner: HANG },
  { code: 'CT04', area: 'LV3', title: 'Hồ sơ TTHC giải quyết trễ hẹn được thông báo xin lỗi tổ chức, cá nhân', kind: 'Tỷ lệ', target: 1, q1: [0, 0], q2: [0, 0], owner: LINH },
  { code: 'CT05', area: 'LV3', title: 'Thủ tục hành chính nội bộ được công bố, công khai và cập nhật kịp thời', kind: 'Tỷ lệ', target: 1, q1: [3, 3], q2: [3, 3], owner: LINH },
  { code: 'CT06', area: 'LV6', title: 'Tỷ lệ PHHS thanh toán học phí qua phần mềm Yoyoschool', kind: 'Tỷ lệ', target: 1, q1: [412, 420], q2: [418, 420], owner: OANH },
  { code: 'CT07', area: 'LV8', title: 'Mức độ hài lòng của PHHS về thanh toán học phí qua Yoyoschool', kind: 'Tỷ lệ', target: 0.99, method: 'Kỳ gần nhất', q2: [396, 400], owner: THUY, evidence: `${SITE}/cchc/khao-sat-hai-long-hk2` },
  { code: 'CT08', area: 'LV8', title: 'Mức độ hài lòng của cá nhân, tổ chức về giải quyết thủ tục hành chính', kind: 'Tỷ lệ', target: 0.99, method: 'Kỳ gần nhất', q2: [48, 48], owner: THUY },
  { code: 'CT09', area: 'LV3', title: 'Phản ánh, kiến nghị của PHHS được tiếp nhận, xử lý, trả lời kịp thời', kind: 'Tỷ lệ', target: 1, q1: [6, 6], q2: [9, 9], owner: HA },
  { code: 'CT10', area: 'LV7', title: 'Văn bản, tài liệu chính thức trao đổi trên môi trường điện tử', kind: 'Tỷ lệ', target: 1, q1: [86, 86], q2: [94, 94], owner: LINH },
  { code: 'CT11', area: 'LV7', title: 'CB-GV-NV sử dụng hệ thống thư điện tử công vụ trong trao đổi công việc', kind: 'Tỷ lệ', target: 1, q1: [52, 54], q2: [54, 54], owner: TUAN },
  { code: 'CT12', area: 'LV1', title: 'Sản phẩm truyền thông về CCHC trên Trang thông tin điện tử của trường mỗi quý', kind: 'Số lượng', target: 1, method: 'Từng quý', source: 'Hoạt động: Bài viết trên trang thông tin điện tử', owner: DUNG },
  { code: 'CT13', area: 'LV1', title: 'Sáng kiến, giải pháp, mô hình về CCHC được đăng ký trong năm', kind: 'Số lượng', target: 1, q1: 1, q2: 1, owner: HANG },
  { code: 'CT14', area: 'LV1', title: 'Kiểm tra, giám sát công tác CCHC định kỳ, đột xuất tại đơn vị', kind: 'Số lượng', target: 2, source: 'Hoạt động: Kiểm tra, giám sát', owner: HOA },
  { code: 'CT15', area: 'LV6', title: 'Đơn vị ứng dụng thanh toán điện tử trong cung ứng dịch vụ', kind: 'Có/Không', target: 'Có', q1: 'Có', q2: 'Có', owner: OANH },
  { code: 'CT16', area: 'LV1', title: 'Chỉ số cải cách hành chính (PAR Index) của đơn vị', kind: 'Xếp loại', target: 'Khá', method: 'Kỳ gần nhất', q2: 'Khá', owner: HANG, evidence: 'Kết quả tự đánh giá Chỉ số CCHC 6 tháng' },
];

export const SAMPLE_KPIS: Row[] = KPIS.map((k) => {
  const row: Row = {
    code: k.code,
    area: k.area,
    title: k.title,
    kind: k.kind,
    direction: k.direction ?? '≥',
    target: k.target,
    method: k.method ?? 'Lũy kế',
    source: k.source ?? null,
    owner: k.owner,
    evidence: k.evidence ?? null,
  };
  ([k.q1, k.q2] as const).forEach((q, i) => {
    if (q === undefined) return;
    if (Array.isArray(q)) {
      row[`q${i + 1}Achieved`] = q[0];
      row[`q${i + 1}Total`] = q[1];
    } else {
      row[`q${i + 1}Achieved`] = q;
    }
  });
  return row;
});

// ---------------------------------------------------------------- Sáng kiến

export const SAMPLE_INITIATIVES: Row[] = [
  {
    stt: 1,
    name: 'Ứng dụng công nghệ số trong tổ chức hoạt động của nhà trường',
    form: 'Công trình',
    area: 'LV7',
    authors: `${HANG}, ${HA}, ${DUNG}`,
    authorKind: 'Tập thể',
    registered: d('2024-03-15'),
    summary: 'Số hóa sổ sách, lịch họp, thông báo cho PHHS; họp trực tuyến; theo dõi công việc trên bảng tính dùng chung.',
    due: d('2024-11-30'),
    stage: 'Đang triển khai',
    percent: 0.4,
    note: 'Công trình thi đua CCHC năm 2024 của trường',
  },
  {
    stt: 2,
    name: 'Giải pháp thanh toán học phí không dùng tiền mặt qua phần mềm Yoyoschool',
    form: 'Giải pháp',
    area: 'LV6',
    authors: OANH,
    authorKind: 'Cá nhân',
    registered: d('2024-04-02'),
    summary: 'Hướng dẫn PHHS cài đặt và thanh toán trên Yoyoschool; đối soát hằng tháng; giải đáp qua nhóm Zalo lớp.',
    due: d('2024-06-15'),
    stage: 'Đã nghiệm thu',
    percent: 1,
    result: '98,8% PHHS thanh toán qua Yoyoschool trong 6 tháng đầu năm; giảm thời gian thu, đối soát từ 5 ngày còn 1 ngày mỗi tháng.',
    evidence: `${SITE}/cchc/sang-kien-yoyoschool`,
    scoreLegal: 18,
    scoreProblem: 17,
    scoreImpact: 16,
    scoreSuperiority: 14,
    scoreDevelopment: 16,
  },
];

// ---------------------------------------------------------------- Hoạt động

const activity = (date: string, type: string, title: string, area: string | null, performer: string, link: string | null): Row => ({
  date: d(date), type, title, area, performer, link,
});

export const SAMPLE_ACTIVITIES: Row[] = [
  activity('2024-01-18', 'Bài viết trên trang thông tin điện tử', 'Trường Mầm non Bến Thành triển khai Kế hoạch CCHC năm 2024', 'LV1', DUNG, `${SITE}/cchc/trien-khai-ke-hoach-2024`),
  activity('2024-02-22', 'Tập huấn, bồi dưỡng', 'Tập huấn sử dụng chữ ký số cho cán bộ quản lý và văn thư', 'LV7', TUAN, null),
  activity('2024-03-12', 'Bài viết trên trang thông tin điện tử', 'Hướng dẫn PHHS thanh toán học phí qua Yoyoschool', 'LV6', DUNG, `${SITE}/cchc/huong-dan-yoyoschool`),
  activity('2024-03-27', 'Kiểm tra, giám sát', 'Kiểm tra việc niêm yết, công khai thủ tục hành chính quý I', 'LV3', HOA, null),
  activity('2024-04-12', 'Tọa đàm, đối thoại', 'Tọa đàm trực tuyến với PHHS về dịch vụ công trực tuyến', 'LV3', HA, `${SITE}/tin-tuc/toa-dam-dich-vu-cong`),
  activity('2024-04-25', 'Hội thi', 'Hội thi tìm hiểu về cải cách hành chính dành cho CB-GV-NV', 'LV1', LAN, `${SITE}/tin-tuc/hoi-thi-cchc-2024`),
  activity('2024-05-09', 'Sinh hoạt chuyên đề', 'Sinh hoạt chuyên đề văn hóa công vụ và quy tắc ứng xử', 'LV5', LAN, null),
  activity('2024-05-24', 'Khảo sát', 'Khảo sát sự hài lòng của PHHS học kỳ II năm học 2023–2024', 'LV8', THUY, `${SITE}/cchc/khao-sat-hai-long-hk2`),
  activity('2024-05-28', 'Bài viết trên trang thông tin điện tử', 'Giới thiệu sáng kiến thanh toán học phí không dùng tiền mặt', 'LV6', DUNG, `${SITE}/cchc/sang-kien-yoyoschool`),
  activity('2024-06-14', 'Kiểm tra, giám sát', 'Kiểm tra thực hiện quy tắc ứng xử, kỷ cương hành chính', 'LV5', HOA, null),
  activity('2024-06-20', 'Bài viết trên trang thông tin điện tử', 'Công khai kết quả khảo sát sự hài lòng của PHHS', 'LV8', DUNG, `${SITE}/cchc/ket-qua-khao-sat-2024`),
  activity('2024-06-26', 'Khác', 'Họp Ban Chỉ đạo CCHC sơ kết 6 tháng đầu năm (trực tuyến)', 'LV1', HANG, null),
];

// ---------------------------------------------------------------- writing it

const SHEET_ROWS: [SheetKey, Row[]][] = [
  ['people', SAMPLE_PEOPLE],
  ['tasks', SAMPLE_TASKS],
  ['kpis', SAMPLE_KPIS],
  ['initiatives', SAMPLE_INITIATIVES],
  ['activities', SAMPLE_ACTIVITIES],
];

/**
 * Write the sample school into an installed workbook: the `Thông tin` values, then one block per
 * sheet below its last row, each value in the column its header names. Run it after
 * installTemplate, on a new workbook (it adds rows; it does not replace entries).
 */
export function fillSample(port: WorkbookPort): void {
  fillSettings(port);
  for (const [key, rows] of SHEET_ROWS) {
    const spec = sheetSpec(key);
    const grid = port.readSheet(spec.name);
    if (!grid) throw new Error(`fillSample: no sheet ${spec.name}; install the template first`);
    const header = findHeaderRow(grid, spec);
    if (!header) throw new Error(`fillSample: no header row in ${spec.name}; install the template first`);
    const width = Math.max(...Object.values(header.columns));
    const block = rows.map((r) => {
      const line: WriteCell[] = Array.from({ length: width }, () => null);
      for (const [k, v] of Object.entries(r)) {
        const col = header.columns[k];
        if (col !== undefined) line[col - 1] = v;
      }
      return line;
    });
    const start = Math.max(grid.values.length, header.row) + 1;
    port.writeBlock(spec.name, start, 1, block);
    if (key === 'kpis') {
      // Ratio targets show as percent; the rest as typed.
      const col = header.columns.target;
      if (col !== undefined) {
        port.writeFormats(spec.name, start, col, KPIS.map((k) => [k.kind === 'Tỷ lệ' ? '0%' : '']));
      }
    }
  }
}

function fillSettings(port: WorkbookPort): void {
  const spec = sheetSpec('settings');
  const grid = port.readSheet(spec.name);
  if (!grid) throw new Error(`fillSample: no sheet ${spec.name}; install the template first`);
  const header = findHeaderRow(grid, spec);
  if (!header) throw new Error(`fillSample: no header row in ${spec.name}; install the template first`);
  const itemCol = header.columns.item ?? 1;
  const valueCol = header.columns.value ?? 2;
  const first = header.row + 1;
  if (grid.values.length < first) return;
  // One block over the value column: the sample's values where it has one, the rest as read.
  // Rows are matched as the reader matches them (read/settings.ts).
  const block = grid.values.slice(header.row).map((line) => {
    const item = line[itemCol - 1];
    const key = typeof item === 'string' ? settingForItem(item)?.key : undefined;
    const raw = line[valueCol - 1] ?? null;
    // The sample fills a new workbook; a formula with no value there is kept as its text.
    const current = isUncomputed(raw) ? `=${raw.formula}` : raw;
    return [key !== undefined && key in SAMPLE_SETTINGS ? (SAMPLE_SETTINGS[key] ?? null) : current === '' ? null : current];
  });
  port.writeBlock(spec.name, first, valueCol, block);
}
