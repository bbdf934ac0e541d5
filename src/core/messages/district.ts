// The district's words: its read statuses' reasons, the refresh's steps, the aggregate command's
// lines and the district sidebar.

import type { Catalogue } from './types.ts';

export const DISTRICT = {
  title: { vi: 'Tổng hợp các đơn vị', en: 'All units' },
  schoolsRead: { vi: 'Đã đọc {read}/{total} đơn vị', en: '{read}/{total} units read' },
  refresh: { vi: 'Cập nhật số liệu các đơn vị', en: 'Refresh the units\' figures' },
  report: { vi: 'Tạo báo cáo tổng hợp', en: 'Write the district report' },
} satisfies Catalogue;
