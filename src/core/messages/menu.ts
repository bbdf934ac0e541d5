// The add-on menu's words and the alerts its items show.

import { APP } from './app.ts';
import { ROLLOVER } from './rollover.ts';
import { SIDEBAR } from './sidebar.ts';
import type { Catalogue } from './types.ts';

export const MENU = {
  open: { vi: 'Mở bảng điều khiển', en: 'Open dashboard' },
  // The actions' one name each (an alias of app's entry, not a second text).
  install: APP.actionInstall,
  validate: APP.actionValidate,
  progress: APP.actionProgress,
  report: APP.actionReport,
  rollover: ROLLOVER.action,
  about: { vi: 'Giới thiệu', en: 'About' },
  installed: {
    vi: 'Đã cài đặt mẫu phiên bản {version}. Thêm {n} trang mới; dữ liệu đã nhập được giữ nguyên.',
    en: 'Template version {version} installed. {n} new sheets; existing entries kept.',
  },
  progressDone: {
    vi: 'Đã cập nhật tiến độ: {done}/{total} nhiệm vụ hoàn thành, {overdue} quá hạn. Xem trang "Tổng hợp".',
    en: 'Progress updated: {done}/{total} tasks done, {overdue} overdue. See the "Tổng hợp" sheet.',
  },
  aboutText: {
    vi: 'CCHC: theo dõi công tác cải cách hành chính của trường mầm non: kế hoạch, chỉ tiêu, sáng kiến, hoạt động; kiểm tra dữ liệu, tính tiến độ và tạo báo cáo theo Nghị định 30/2020/NĐ-CP. Mẫu bảng tính phiên bản {version}.',
    en: 'CCHC: tracks a kindergarten’s administrative-reform work: plan tasks, targets, initiatives, activities; checks the data, computes progress and writes reports laid out by Decree 30/2020. Workbook template version {version}.',
  },
  failed: { vi: 'Không thực hiện được', en: 'Could not finish' },
  // The district's items (a workbook with Danh sách đơn vị): the sidebar's words, one text each.
  districtRefresh: SIDEBAR.districtRefresh,
  districtPicker: SIDEBAR.districtPicker,
  districtReport: SIDEBAR.districtReportHeading,
  districtReportDone: { vi: 'Đã tạo báo cáo tổng hợp số {number}: {url}', en: 'District report {number} created: {url}' },
} satisfies Catalogue;
