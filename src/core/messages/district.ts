// The district's words: each read status's reason (what a district officer can act on), the
// refresh's steps, the aggregate command's lines and the district sidebar.

import type { Catalogue } from './types.ts';

export const DISTRICT = {
  title: { vi: 'Tổng hợp các đơn vị', en: 'All units' },
  schoolsRead: { vi: 'Đã đọc {read}/{total} đơn vị', en: '{read}/{total} units read' },
  refresh: { vi: 'Cập nhật số liệu các đơn vị', en: 'Refresh the units\' figures' },
  report: { vi: 'Tạo báo cáo tổng hợp', en: 'Write the district report' },
  // ---------------------------------------------------------------- why a school is not counted
  reasonNoAccess: {
    vi: 'Chưa có quyền đọc: nhờ đơn vị chia sẻ bảng tính, rồi chọn tệp trong hộp chọn tệp.',
    en: 'No access yet: ask the unit to share its spreadsheet, then choose the file in the file picker.',
  },
  reasonNoAccessAccount: {
    vi: 'Chưa chia sẻ với {account}, hoặc chưa chọn tệp trong hộp chọn tệp.',
    en: 'Not shared with {account}, or not chosen in the file picker yet.',
  },
  reasonNotFound: {
    vi: 'Không tìm thấy "{source}": kiểm tra liên kết trong Danh sách đơn vị.',
    en: 'Cannot find "{source}": check the link in Danh sách đơn vị.',
  },
  reasonUnreadable: { vi: 'Không phải bảng tính, hoặc tệp bị hỏng ({detail}).', en: 'Not a spreadsheet, or the file is damaged ({detail}).' },
  reasonEmpty: { vi: 'Bảng tính trống: đơn vị chưa cài mẫu.', en: 'The spreadsheet is empty: the unit has not installed the template.' },
  reasonTemplateNewer: {
    vi: 'Mẫu phiên bản {version} mới hơn phiên bản {supported} của đơn vị tổng hợp: cập nhật tiện ích.',
    en: 'Template version {version} is newer than the district\'s {supported}: update the add-on.',
  },
  reasonWrongTemplate: { vi: 'Không đúng mẫu: {problem}', en: 'Not the template: {problem}' },
  reasonOtherYear: { vi: 'Kế hoạch năm {year}, không phải năm {districtYear}: không tính.', en: 'A {year} plan, not {districtYear}: not counted.' },
  reasonNoYear: { vi: 'Chưa ghi Năm trong Thông tin: không tính vào năm {districtYear}.', en: 'No Năm in Thông tin: not counted in {districtYear}.' },
  reasonDuplicate: { vi: 'Trùng mã {code} với {first}: không tính lần hai.', en: 'Code {code} already read from {first}: not counted twice.' },
  reasonDataErrors: { vi: 'Có {n} lỗi dữ liệu: các dòng lỗi không được tính.', en: '{n} data errors: the rows with errors are not counted.', one: { en: '1 data error: the row with it is not counted.', vi: 'Có 1 lỗi dữ liệu: dòng lỗi không được tính.' } },
  reasonTryLater: {
    vi: 'Google chưa trả lời được ({detail}): lần cập nhật sau sẽ đọc lại.',
    en: 'Google could not answer ({detail}): the next refresh reads it again.',
  },
  // ---------------------------------------------------------------- the refresh in Google Sheets
  onlyInSheets: {
    vi: 'Cập nhật số liệu các đơn vị chỉ chạy trong Google Trang tính (trên máy tính: cchc aggregate).',
    en: 'Refreshing the units runs in Google Sheets only (on a computer: cchc aggregate).',
  },
  noUnits: {
    vi: 'Chưa có đơn vị nào trong Danh sách đơn vị: nhập mã và liên kết bảng tính của từng đơn vị.',
    en: 'No units in Danh sách đơn vị yet: type each unit\'s code and spreadsheet link.',
  },
  driveFailed: {
    vi: 'Không hỏi được Google Drive tệp nào đã thay đổi ({detail}): đọc lại tất cả đơn vị.',
    en: 'Could not ask Google Drive which files changed ({detail}): every unit is read again.',
  },
  triggerFailed: {
    vi: 'Không đặt được lịch tự động cập nhật: {detail}',
    en: 'Could not schedule the automatic refresh: {detail}',
  },
  // ---------------------------------------------------------------- the file picker
  pickerTitle: { vi: 'Chọn bảng tính của các đơn vị', en: 'Choose the units\' spreadsheets' },
  pickerIntro: {
    vi: 'Chọn các bảng tính đơn vị đã chia sẻ với bạn. Tiện ích chỉ đọc được những tệp bạn chọn ở đây.',
    en: 'Choose the units\' spreadsheets shared with you. The add-on can read only the files you choose here.',
  },
  pickerOpen: { vi: 'Mở hộp chọn tệp', en: 'Open the file picker' },
  pickerPicked: { vi: 'Đã chọn {n} tệp. Bấm Cập nhật số liệu các đơn vị để đọc.', en: '{n} files chosen. Press Refresh the units\' figures to read them.', one: { vi: 'Đã chọn 1 tệp. Bấm Cập nhật số liệu các đơn vị để đọc.', en: '1 file chosen. Press Refresh the units\' figures to read it.' } },
  pickerCancelled: { vi: 'Chưa chọn tệp nào.', en: 'No file chosen.' },
  pickerFailed: { vi: 'Không mở được hộp chọn tệp: {detail}', en: 'The file picker could not open: {detail}' },
  pickerNotConfigured: {
    vi: 'Hộp chọn tệp chưa được cấu hình: người triển khai tiện ích cần đặt thuộc tính tập lệnh {keys} (xem README).',
    en: 'The file picker is not configured: the add-on\'s deployer must set the script properties {keys} (see the README).',
  },
  // ---------------------------------------------------------------- the district workbook
  notInstalled: {
    vi: 'Bảng tính này chưa có mẫu tổng hợp của đơn vị cấp trên (sheet “{sheet}”): chạy Cài đặt mẫu tổng hợp (cchc init --district).',
    en: 'This spreadsheet has no district template yet (sheet “{sheet}”): install the district template (cchc init --district).',
  },
  kpiValueHeader: { vi: '{code} - Thực hiện', en: '{code} - Value' },
  kpiEvaluationHeader: { vi: '{code} - Đánh giá', en: '{code} - Evaluation' },
  kpiUnitsMet: { vi: 'Số đơn vị đạt', en: 'Units that met it' },
  logRefreshResult: {
    vi: 'Đã tổng hợp {read}/{total} đơn vị; {failed} đơn vị chưa tính được (xem Tổng hợp đơn vị).',
    en: '{read}/{total} units counted; {failed} could not be counted (see Tổng hợp đơn vị).',
  },
} satisfies Catalogue;
