// The figures' words: the `Tổng hợp` sheet and the CLI's text summary name the same things with
// the same words (one entry each).

import { TASK_STATE } from '../contract/enums.ts';
import type { Catalogue, Text2 } from './types.ts';

/** A `Tình trạng` word is the contract's own entry (the sheet writes it), not a copy. */
const stateWord = (value: (typeof TASK_STATE.options)[number]['value']): Text2 => TASK_STATE.options.find((o) => o.value === value)!;

export const DASHBOARD = {
  title: { vi: 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', en: 'ADMINISTRATIVE REFORM PROGRESS SUMMARY' },
  asOf: { vi: 'Tính đến ngày', en: 'As of' },
  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  tasksTitle: { vi: '1. NHIỆM VỤ THEO LĨNH VỰC', en: '1. TASKS BY AREA' },
  area: { vi: 'Lĩnh vực', en: 'Area' },
  total: { vi: 'Tổng số', en: 'Total' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  overdue: stateWord('overdue'),
  shareDone: { vi: 'Tỷ lệ hoàn thành', en: 'Share done' },
  sum: { vi: 'Cộng', en: 'Total' },
  kpisTitle: { vi: '2. CHỈ TIÊU THEO ĐÁNH GIÁ', en: '2. TARGETS BY EVALUATION' },
  evaluation: { vi: 'Đánh giá', en: 'Evaluation' },
  count: { vi: 'Số lượng', en: 'Count' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  initiativesTitle: { vi: '3. SÁNG KIẾN THEO GIAI ĐOẠN', en: '3. INITIATIVES BY STAGE' },
  stage: { vi: 'Giai đoạn', en: 'Stage' },
  eligible: { vi: 'Đủ điều kiện đề xuất khen thưởng', en: 'Eligible for an award proposal' },
  milestonesTitle: { vi: '4. MỐC SẮP ĐẾN (TRONG {days} NGÀY)', en: '4. UPCOMING MILESTONES (WITHIN {days} DAYS)' },
  milestone: { vi: 'Nội dung', en: 'Milestone' },
  date: { vi: 'Ngày', en: 'Date' },
  daysLeft: { vi: 'Còn (ngày)', en: 'Days left' },
  owner: { vi: 'Chủ trì', en: 'Owner' },
  overdueTitle: { vi: '5. NHIỆM VỤ QUÁ HẠN', en: '5. OVERDUE TASKS' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  due: { vi: 'Hạn hoàn thành', en: 'Deadline' },
  daysLate: { vi: 'Số ngày quá hạn', en: 'Days late' },
  row: { vi: 'Dòng', en: 'Row' },
  none: { vi: 'Không có', en: 'None' },
  // ---------------------------------------------------------------- the CLI's text summary
  asOfShort: { vi: 'tính đến ngày', en: 'as of' },
  tasks: { vi: 'NHIỆM VỤ', en: 'TASKS' },
  totalShort: { vi: 'Tổng', en: 'Total' },
  dueSoon: stateWord('dueSoon'),
  behind: { vi: 'Chậm tiến độ', en: 'Behind' },
  shareShort: { vi: 'Tỷ lệ HT', en: 'Share done' },
  kpis: { vi: 'CHỈ TIÊU', en: 'TARGETS' },
  code: { vi: 'Mã', en: 'Code' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  value: { vi: 'Thực hiện', en: 'Value' },
  achievement: { vi: 'Tỷ lệ đạt', en: 'Achievement' },
  people: { vi: 'NGƯỜI CHỦ TRÌ', en: 'TASK OWNERS' },
  name: { vi: 'Họ và tên', en: 'Name' },
  ahead: { vi: 'Trước hạn', en: 'Ahead' },
  initiatives: { vi: 'SÁNG KIẾN', en: 'INITIATIVES' },
  noneShort: { vi: '(không có)', en: '(none)' },
  /** {quarter} is the sidebar's short name of the quarter (`Quý II`, `Q2`). */
  periodLabel: { vi: '{quarter} năm {year}', en: '{quarter} {year}' },
  quartersMet: { vi: '{met}/{n} quý', en: '{met}/{n} quarters', one: { vi: '{met}/{n} quý', en: '{met}/{n} quarter' } },
} satisfies Catalogue;

export type DashboardWord = keyof typeof DASHBOARD;
