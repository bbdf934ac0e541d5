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
  // ---------------------------------------------------------------- cchc aggregate
  aggSummary: {
    vi: 'đọc mọi đơn vị (Danh sách đơn vị của bảng tính tổng hợp, hoặc mọi tệp .xlsx của một thư mục) trên mọi lõi CPU và ghi bảng tính tổng hợp; chạy lại thì chỉ đọc tệp đã thay đổi',
    en: 'reads every unit (the district workbook\'s Danh sách đơn vị, or every .xlsx of a folder) on all CPU cores and writes the district workbook; run again, it reads only the files that changed',
  },
  optOut: {
    vi: 'bảng tính tổng hợp để ghi (mặc định: chính tệp danh sách; với thư mục: tong-hop-don-vi.xlsx ở thư mục hiện tại)',
    en: 'the district workbook to write (default: the list file itself; for a folder: tong-hop-don-vi.xlsx in the current folder)',
  },
  optReport: { vi: 'viết thêm báo cáo tổng hợp vào tệp .docx này', en: 'also write the district report into this .docx file' },
  optDate: { vi: 'ngày ghi trên báo cáo (mặc định: hôm nay)', en: 'the date on the report (default: today)' },
  optJobs: { vi: 'số tệp đọc cùng lúc (mặc định: số lõi CPU)', en: 'files read at once (default: the number of CPU cores)' },
  optFull: { vi: 'đọc lại mọi tệp, kể cả tệp không thay đổi', en: 'read every file again, also those that did not change' },
  optNdjson: { vi: 'ghi mỗi đơn vị một dòng JSON vào tệp này (để nạp vào cơ sở dữ liệu)', en: 'write one JSON line per unit into this file (to load into a database)' },
  noInput: { vi: 'thiếu tệp danh sách (.xlsx) hoặc thư mục', en: 'missing the list file (.xlsx) or the folder' },
  notDistrict: {
    vi: '{file} không phải bảng tính tổng hợp: không có trang Danh sách đơn vị (hoặc cho một thư mục chứa tệp của các đơn vị)',
    en: '{file} is not a district workbook: it has no Danh sách đơn vị sheet (or give a folder holding the units\' files)',
  },
  listUnusable: { vi: 'Danh sách đơn vị của {file} không dùng được: {problem}', en: 'The Danh sách đơn vị of {file} cannot be used: {problem}' },
  outNotDistrict: {
    vi: '{file} đã có và không phải bảng tính tổng hợp: cchc không ghi đè lên. Chọn tên khác cho --out',
    en: '{file} exists and is not a district workbook: cchc does not write over it. Choose another name for --out',
  },
  badJobs: { vi: '--jobs cần một số nguyên từ 1 đến 64, không phải "{value}"', en: '--jobs takes a whole number from 1 to 64, not "{value}"' },
  reportNotDocx: { vi: '--report cần một tên tệp .docx: {file}', en: '--report takes a .docx file name: {file}' },
  notAFile: { vi: 'không phải một tệp', en: 'not a file' },
  stepReading: { vi: 'Đang đọc {name}', en: 'Reading {name}' },
  stepWriting: { vi: 'Ghi bảng tính tổng hợp', en: 'Writing the district workbook' },
  skippedDistrict: {
    vi: 'bỏ qua {file}: đây là một bảng tính tổng hợp, không phải của một đơn vị',
    en: 'skipped {file}: it is a district workbook, not a unit\'s',
  },
  skippedRows: {
    vi: 'Danh sách đơn vị: bỏ qua {n} dòng thiếu mã hoặc liên kết, hoặc trùng mã (dòng {rows})',
    en: 'Danh sách đơn vị: skipped {n} rows with no code or no link, or a repeated code (rows {rows})',
    one: { vi: 'Danh sách đơn vị: bỏ qua dòng {rows}: thiếu mã hoặc liên kết, hoặc trùng mã', en: 'Danh sách đơn vị: skipped row {rows}: no code or no link, or a repeated code' },
  },
  reasonCrashed: {
    vi: 'Việc đọc tệp bị dừng giữa chừng ({detail}): thử lại; nếu vẫn vậy, tệp có thể quá lớn hoặc bị hỏng.',
    en: 'Reading the file stopped halfway ({detail}): try again; if it stays so, the file may be too large or damaged.',
  },
  reasonTimeout: {
    vi: 'Đọc tệp quá {seconds} giây nên đã dừng: tệp có thể quá lớn hoặc bị hỏng.',
    en: 'Reading the file took over {seconds} seconds and was stopped: the file may be too large or damaged.',
  },
  colName: { vi: 'Đơn vị', en: 'Unit' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colTasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  colNote: { vi: 'Ghi chú', en: 'Note' },
  headLine: { vi: '{unit}: tính đến {date}, {period}', en: '{unit}: as of {date}, {period}' },
  totalsLine: {
    vi: 'Tổng: {schools} đơn vị, {read} được tính, {failed} không tính.',
    en: 'Total: {schools} units, {read} counted, {failed} not counted.',
  },
  tasksLine: {
    vi: 'Nhiệm vụ của các đơn vị được tính: {done}/{base} hoàn thành ({share}), {overdue} quá hạn.',
    en: 'Tasks of the counted units: {done}/{base} done ({share}), {overdue} overdue.',
  },
  kpiLine: {
    vi: 'Chỉ tiêu: {met} đạt, {near} gần đạt, {notMet} chưa đạt, {notApplicable} không phát sinh, {noData} chưa có số liệu.',
    en: 'Targets: {met} met, {near} nearly met, {notMet} not met, {notApplicable} no cases, {noData} no data.',
  },
  statsLine: {
    vi: 'Đã đọc {filesRead} tệp, dùng lại {reused} kết quả đã lưu, trong {seconds} giây.',
    en: 'Read {filesRead} files, reused {reused} stored results, in {seconds} s.',
  },
  written: { vi: 'Đã ghi {file}.', en: 'Wrote {file}.' },
  reportWritten: { vi: 'Báo cáo: {file}', en: 'Report: {file}' },
  ndjsonWritten: { vi: 'NDJSON: {file} ({n} dòng)', en: 'NDJSON: {file} ({n} lines)', one: { vi: 'NDJSON: {file} (1 dòng)', en: 'NDJSON: {file} (1 line)' } },
  pickerOnlyInSheets: {
    vi: 'Chọn tệp của các đơn vị chỉ có trong Google Trang tính; trên máy tính, liên kết là đường dẫn tệp.',
    en: 'Choosing the units\' files is in Google Sheets only; on a computer, a link is a file path.',
  },
  reportNeedsRefresh: {
    vi: 'Chưa có số liệu của {n} đơn vị cho lần cập nhật gần nhất: cập nhật số liệu các đơn vị rồi tạo báo cáo.',
    en: '{n} units have no figures from the last refresh: refresh the units, then make the report.',
  },
} satisfies Catalogue;
