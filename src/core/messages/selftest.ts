// The self-test's table (cchcSelfTest, for a maintainer on a real account: src/core/app/selftest.ts).

import type { Catalogue } from './types.ts';

export const SELFTEST = {
  checkValidation: { vi: 'Kiểm tra dữ liệu mẫu', en: 'Checking the sample' },
  counts: {
    vi: '{error} lỗi, {warning} cảnh báo, {notice} lưu ý (cần {eError}, {eWarning}, {eNotice})',
    en: '{error} errors, {warning} warnings, {notice} notices (expected {eError}, {eWarning}, {eNotice})',
  },
  checkSheet: { vi: 'Số liệu trang "{sheet}"', en: 'Figures of "{sheet}"' },
  cellsSame: { vi: '{n} ô đúng như mong đợi', en: '{n} cells as expected' },
  cellsDiffer: { vi: '{n}/{total} ô khác: {first}', en: '{n}/{total} cells differ: {first}' },
  checkDocument: { vi: 'Văn bản: {type}', en: 'Document: {type}' },
  type_quarterly: { vi: 'báo cáo quý', en: 'quarterly report' },
  type_plan: { vi: 'kế hoạch', en: 'plan' },
  type_initiatives: { vi: 'báo cáo sáng kiến', en: 'initiatives report' },
  docUnread: { vi: 'không đọc lại được văn bản', en: 'the document could not be read back' },
  docModelDiffers: {
    vi: 'nội dung dựng ra có {n} dòng, cần {expected}: bản dựng khác mã nguồn',
    en: 'the built content has {n} lines, expected {expected}: the bundle differs from its source',
  },
  linesFound: { vi: 'đủ {n} dòng trong văn bản đọc lại', en: 'all {n} lines found in the document read back' },
  linesMissing: { vi: 'thiếu {n}/{total} dòng: {first}', en: '{n}/{total} lines missing: {first}' },
  pass: { vi: 'ĐẠT', en: 'PASS' },
  fail: { vi: 'LỖI', en: 'FAIL' },
  allPassed: { vi: 'Tất cả {passed}/{total} mục đạt.', en: 'All {passed}/{total} checks passed.' },
  someFailed: { vi: 'Chỉ {passed}/{total} mục đạt.', en: 'Only {passed}/{total} checks passed.' },
  docLink: { vi: 'Văn bản {type}: {url}', en: 'Document ({type}): {url}' },
  notBlank: {
    vi: 'Tự kiểm tra chỉ chạy trên một bảng tính trống (trang "{sheet}" có dữ liệu). Hãy tạo một bảng tính mới trong bản triển khai thử.',
    en: 'The self-test runs only on a blank spreadsheet ("{sheet}" has data). Make a new spreadsheet in the test deployment.',
  },
  noSpreadsheet: {
    vi: 'Tự kiểm tra cần một bảng tính đang mở: chạy từ trình soạn thảo mã của một bảng tính trống.',
    en: 'The self-test needs an open spreadsheet: run it from the script editor of a blank spreadsheet.',
  },
  crashed: { vi: 'Tự kiểm tra dừng giữa chừng: {detail}', en: 'The self-test stopped part-way: {detail}' },
} satisfies Catalogue;
