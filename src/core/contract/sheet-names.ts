// The sheet names of template version 1 (the workbook contract), alone in a file so the sidebar can name a
// sheet without bundling every column spec. sheets.ts builds the specs from these.

import type { SheetKey } from './types.ts';

export const SHEET_NAMES = {
  settings: 'Thông tin',
  people: 'Nhân sự',
  tasks: 'Kế hoạch',
  kpis: 'Chỉ tiêu',
  initiatives: 'Sáng kiến',
  activities: 'Hoạt động',
  dashboard: 'Tổng hợp',
  log: 'Nhật ký',
  guide: 'Hướng dẫn',
  units: 'Danh sách đơn vị',
  unitSummary: 'Tổng hợp đơn vị',
  unitKpis: 'Chỉ tiêu toàn đơn vị',
} as const satisfies Record<SheetKey, string>;
