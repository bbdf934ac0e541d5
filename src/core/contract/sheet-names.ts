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
  unitState: 'Lưu trữ đọc',
} as const satisfies Record<SheetKey, string>;

/**
 * A sheet name as the product compares and reports it: NFC, trimmed. Calc and macOS may store a
 * name decomposed (NFD) and a user may add a stray space: both adapters give `sheetNames()` in this
 * form and find a sheet by it, so `Kế hoạch` typed either way is the template's sheet.
 */
export const sheetNameKey = (name: string): string => name.normalize('NFC').trim();
