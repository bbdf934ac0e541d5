// A small valid school workbook (Trường Mầm non Bến Thành 2024, seed 001) built from the
// contract's headers, and helpers to put rows in it by column key.

import { SCHOOL_SHEETS, sheetSpec, type SheetKey } from '../../../src/core/contract/index.ts';
import type { RawCell } from '../../../src/core/ports.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';

export type Row = Record<string, RawCell>;

export const headers = (key: SheetKey): string[] => sheetSpec(key).columns.map((c) => c.header);

/** A row in installed column order from key → value. */
export function row(key: SheetKey, values: Row): RawCell[] {
  const cols = sheetSpec(key).columns;
  for (const k of Object.keys(values)) if (!cols.some((c) => c.key === k)) throw new Error(`${key}: no column ${k}`);
  return cols.map((c) => values[c.key] ?? null);
}

export const SETTINGS_ROWS: RawCell[][] = [
  ['Mục', 'Giá trị'],
  ['Phiên bản mẫu', 1],
  ['Mã đơn vị', 'MNBT'],
  ['Tên đơn vị', 'Trường Mầm non Bến Thành'],
  ['Cơ quan chủ quản', 'Ủy ban nhân dân Quận 1'],
  ['Địa danh', 'Quận 1'],
  ['Năm', 2024],
  ['Người ký', 'Nguyễn Mai Hằng'],
  ['Chức vụ người ký', 'Hiệu trưởng'],
  ['Nơi nhận', 'Phòng Nội vụ Quận 1\nThành viên BCĐ CCHC\nLưu: VT'],
  ['Hạn đăng ký sáng kiến', '22/04/2024'],
  ['Hạn báo cáo đợt 1', '10/06/2024'],
  ['Hạn báo cáo đợt 2', '25/11/2024'],
  ['Hạn hồ sơ khen thưởng', '05/12/2024'],
  ['Ngưỡng gần đạt (%)', 5],
  ['Điểm tối thiểu đề xuất', 70],
  ['Nhắc việc qua email', 'Không'],
];

export interface SchoolRows {
  settings?: RawCell[][];
  people?: Row[];
  tasks?: Row[];
  kpis?: Row[];
  initiatives?: Row[];
  activities?: Row[];
}

export const PEOPLE: Row[] = [
  { name: 'Nguyễn Mai Hằng', title: 'Hiệu trưởng', department: 'Ban giám hiệu', email: 'hang@mnbt.edu.vn', role: 'Trưởng ban chỉ đạo' },
  { name: 'Lê Thị Hoà', title: 'Phó Hiệu trưởng', department: 'Ban giám hiệu', email: 'hoa@mnbt.edu.vn', role: 'Phó trưởng ban chỉ đạo' },
  { name: 'Trần Thị Thuý', title: 'Văn thư', department: 'Tổ văn phòng', email: '', role: 'Tổ giúp việc' },
];

export const TASKS: Row[] = [
  { stt: 1, area: 'LV1', title: 'Xây dựng kế hoạch CCHC năm 2024', owner: 'Nguyễn Mai Hằng', start: '02/01/2024', due: '15/01/2024', output: 'Kế hoạch', status: 'Hoàn thành', percent: '100%', doneDate: '12/01/2024', evidence: 'https://mnbt.edu.vn/kh-cchc-2024' },
  { stt: 2, area: '3. Cải cách thủ tục hành chính', title: 'Niêm yết công khai thủ tục hành chính', owner: 'Lê Thị Hòa', due: { date: '2024-03-31' }, status: 'Đang thực hiện', percent: 0.5 },
  { stt: 3, area: 'LV7', title: 'Sử dụng hộp thư công vụ', owner: 'Hiệu trưởng', due: '30/06/2024', status: '' },
];

export const KPIS: Row[] = [
  { code: 'CT01', area: 'LV3', title: 'Hồ sơ TTHC giải quyết đúng hạn', kind: 'Tỷ lệ', direction: '≥', target: '100%', method: 'Lũy kế', q1Achieved: 49, q1Total: 50, q2Achieved: 20, q2Total: 20 },
  { code: 'CT02', area: 'LV1', title: 'Sản phẩm truyền thông trên trang web mỗi quý', kind: 'Số lượng', target: 1, method: 'Từng quý', source: 'Hoạt động: Bài viết trên trang thông tin điện tử' },
  { code: 'CT03', area: 'LV8', title: 'Phụ huynh hài lòng', kind: 'Tỷ lệ', target: 0.99, q1Achieved: '99,5%' },
  { code: 'CT04', area: 'LV5', title: 'Chỉ số CCHC của đơn vị', kind: 'Xếp loại', target: 'Khá', q2Achieved: 'Tốt' },
  { code: 'CT05', area: 'LV7', title: 'Văn bản trao đổi qua mạng', kind: 'Có/Không', target: 'Có', q1Achieved: 'Có', q2Achieved: 'Có' },
];

export const INITIATIVES: Row[] = [
  { stt: 1, name: 'Thu học phí không dùng tiền mặt', form: 'Giải pháp', area: 'LV6', authors: 'Trần Thị Thuý', authorKind: 'Cá nhân', registered: '15/04/2024', stage: 'Đã nghiệm thu', result: '100% phụ huynh đóng học phí qua ứng dụng', evidence: 'https://drive.google.com/x', scoreLegal: 18, scoreProblem: 15, scoreImpact: 14, scoreSuperiority: 12, scoreDevelopment: 15 },
  { stt: 2, name: 'Hộp thư góp ý điện tử', form: 'Mô hình', area: 'LV8', authors: 'Tổ văn phòng', authorKind: 'Tập thể', registered: '20/04/2024', stage: 'Đang triển khai', percent: '40%' },
];

export const ACTIVITIES: Row[] = [
  { date: '10/01/2024', type: 'Bài viết trên trang thông tin điện tử', title: 'Bài viết: Kế hoạch CCHC 2024', area: 'LV1', performer: 'Trần Thị Thuý', link: 'https://mnbt.edu.vn/bai-1' },
  { date: '05/04/2024', type: 'Tọa đàm, đối thoại', title: 'Đối thoại với phụ huynh', area: 'LV8' },
];

/** Sheet name → grid of a school workbook with the given rows (defaults: the valid sample). */
export function schoolGrids(rows: SchoolRows = {}): Record<string, RawCell[][]> {
  const table = (key: SheetKey, data: Row[]) => [headers(key), ...data.map((r) => row(key, r))];
  const grids: Record<string, RawCell[][]> = {};
  for (const s of SCHOOL_SHEETS) {
    switch (s.key) {
      case 'settings': grids[s.name] = rows.settings ?? SETTINGS_ROWS; break;
      case 'people': grids[s.name] = table('people', rows.people ?? PEOPLE); break;
      case 'tasks': grids[s.name] = table('tasks', rows.tasks ?? TASKS); break;
      case 'kpis': grids[s.name] = table('kpis', rows.kpis ?? KPIS); break;
      case 'initiatives': grids[s.name] = table('initiatives', rows.initiatives ?? INITIATIVES); break;
      case 'activities': grids[s.name] = table('activities', rows.activities ?? ACTIVITIES); break;
      default: grids[s.name] = s.columns.length ? [headers(s.key)] : [];
    }
  }
  return grids;
}

export const school = (rows: SchoolRows = {}, formats: Record<string, string[][]> = {}): MemoryWorkbook =>
  new MemoryWorkbook(schoolGrids(rows), formats);

export const OPTS = { lang: 'vi' as const, today: '2024-06-30' };
