// The command line's words: the help, its progress steps, the refusals every command shares,
// each command's own lines, and what `cchc serve`'s server and `report --pdf` say. (The summary
// tables use the dashboard's words; an option's help and a command's summary are the command's
// own metadata, written beside it.)

import type { Catalogue } from './types.ts';

export const CLI = {
  // ---------------------------------------------------------------- progress steps
  stepRead: { vi: 'Đọc tệp', en: 'Reading the file' },
  stepCompute: { vi: 'Tính số liệu', en: 'Computing the figures' },
  stepWrite: { vi: 'Ghi kết quả', en: 'Writing the results' },
  stepDocument: { vi: 'Viết văn bản', en: 'Writing the document' },
  stepSave: { vi: 'Lưu tệp', en: 'Saving the file' },
  stepPdf: { vi: 'Chuyển sang PDF', en: 'Converting to PDF' },
  // ---------------------------------------------------------------- refusals shared by commands
  noFile: { vi: 'thiếu tên tệp .xlsx', en: 'missing the .xlsx file name' },
  extraArguments: { vi: 'thừa tham số: {args}', en: 'unexpected arguments: {args}' },
  outNotXlsx: { vi: '--out cần một tên tệp .xlsx: {file}', en: '--out takes an .xlsx file name: {file}' },
  outSameFile: { vi: '--out cần một tệp khác tệp đang mở', en: '--out takes a file other than the one opened' },
  badDate: {
    vi: '--{option} cần một ngày có thật, như 30/06/2024 hoặc 2024-06-30, không phải "{value}"',
    en: '--{option} takes a real date such as 30/06/2024 or 2024-06-30, not "{value}"',
  },
  badPeriod: { vi: '--period nhận Q1, Q2, Q3 hoặc Q4, không phải "{value}"', en: '--period takes Q1, Q2, Q3 or Q4, not "{value}"' },
  initHint: { vi: ' Trên máy tính: cchc init {file}', en: ' On a computer: cchc init {file}' },
  cannotWrite: {
    vi: 'Không ghi được tệp {file} ({code}): kiểm tra thư mục, quyền ghi, hoặc đóng tệp đang mở trong Excel.',
    en: 'Cannot write {file} ({code}): check the folder and write permission, or close the file in Excel.',
  },
  unexpectedError: { vi: 'lỗi không mong đợi', en: 'unexpected error' },
  // ---------------------------------------------------------------- the help and the common part (main.ts)
  helpIntro: {
    vi: 'cchc: công cụ cải cách hành chính cho trường mầm non, làm việc trên tệp .xlsx',
    en: 'cchc: administrative-reform tracking for kindergartens, on .xlsx workbooks',
  },
  helpUsage: { vi: 'Cách dùng:', en: 'Usage:' },
  helpCommonOptions: { vi: 'Tùy chọn chung:', en: 'Common options:' },
  helpJson: { vi: 'một tài liệu JSON trên stdout (init, validate, progress, report)', en: 'one JSON document on stdout (init, validate, progress, report)' },
  helpHelp: { vi: 'trợ giúp của một lệnh: cchc validate --help', en: 'help for one command: cchc validate --help' },
  helpExitCodes: {
    vi: 'Mã thoát: 0 xong · 1 kiểm tra thấy lỗi · 2 không dùng được tệp đầu vào',
    en: 'Exit codes: 0 done · 1 validate found errors · 2 the input cannot be used',
  },
  helpOptions: { vi: 'Tùy chọn:', en: 'Options:' },
  badLang: { vi: '--lang nhận vi hoặc en, không phải "{value}"', en: '--lang takes vi or en, not "{value}"' },
  noSuchCommand: { vi: 'không có lệnh "{name}". Xem cchc --help', en: 'no such command "{name}". See cchc --help' },
  unknownOption: { vi: 'không có tùy chọn {flag}. Xem cchc {command} --help', en: 'unknown option {flag}. See cchc {command} --help' },
  /** `{why}`: optionNeedsValue or optionTakesNoValue. */
  optionMisused: { vi: 'tùy chọn {flag} dùng sai: {why}. Xem cchc {command} --help', en: 'option {flag} misused: {why}. See cchc {command} --help' },
  optionNeedsValue: { vi: 'thiếu giá trị', en: 'it needs a value' },
  optionTakesNoValue: { vi: 'không nhận giá trị', en: 'it takes no value' },
  dataErrors: {
    vi: 'lưu ý: dữ liệu có {errors} lỗi, các dòng lỗi không được tính vào số liệu. Xem: cchc validate {file}',
    en: 'note: the data has {errors} error(s); rows with errors are left out of the figures. See: cchc validate {file}',
  },
  // ---------------------------------------------------------------- cchc init
  initNotXlsx: { vi: 'tên tệp cần có đuôi .xlsx: {file}', en: 'the file name needs the .xlsx extension: {file}' },
  badYear: { vi: '--year cần một năm như 2024, không phải "{value}"', en: '--year takes a year such as 2024, not "{value}"' },
  initDistrictOverSchool: {
    vi: '{file} là bảng tính của một trường (có trang Kế hoạch), không phải bảng tính tổng hợp: --district không thêm trang tổng hợp vào đó. Tạo tệp tổng hợp mới với tên khác.',
    en: '{file} is a school\'s workbook (it has a Kế hoạch sheet), not a district workbook: --district does not add district sheets to it. Create a new district file under another name.',
  },
  initSampleDistrict: {
    vi: '--sample là dữ liệu mẫu của một trường, không dùng cùng --district.',
    en: '--sample is a school\'s sample data and does not go with --district.',
  },
  sampleOverExisting: {
    vi: '--sample chỉ dùng khi tạo tệp mới; {file} đã có, dữ liệu mẫu sẽ ghi đè lên dữ liệu thật.',
    en: '--sample only creates a new file; {file} exists and the sample would overwrite real entries.',
  },
  outNeedsExisting: { vi: '--out chỉ dùng với một tệp đã có; {file} chưa có', en: '--out needs an existing file; {file} does not exist' },
  initCreated: { vi: 'Đã tạo {file} (mẫu phiên bản {version}).', en: 'Created {file} (template version {version}).' },
  initWroteOut: { vi: 'Đã ghi {out} (mẫu phiên bản {version}); {file} giữ nguyên.', en: 'Wrote {out} (template version {version}); {file} is unchanged.' },
  initUpgraded: {
    vi: 'Đã nâng cấp {file} lên mẫu phiên bản {version}; dữ liệu đã nhập giữ nguyên.',
    en: 'Upgraded {file} to template version {version}; every entry kept.',
  },
  initComplete: {
    vi: '{file} đã đủ mẫu phiên bản {version}; không có gì mới, tệp không bị ghi lại.',
    en: '{file} already has template version {version}; nothing new, the file is not rewritten.',
  },
  initNewSheets: { vi: 'Trang mới: {sheets}', en: 'New sheets: {sheets}' },
  initNewColumns: { vi: 'Cột mới: {columns}', en: 'New columns: {columns}' },
  initKept: {
    vi: 'Giữ nguyên {item} “{current}” đã nhập trong Thông tin (không ghi “{asked}” đè lên); muốn đổi thì sửa ô đó trong Thông tin.',
    en: 'Kept {item} “{current}” as typed in Thông tin (“{asked}” not written over it); to change it, edit that cell in Thông tin.',
  },
  initSample: {
    vi: 'Đã điền dữ liệu mẫu: Trường Mầm non Bến Thành, kế hoạch CCHC năm 2024.',
    en: 'Filled in the sample school: Trường Mầm non Bến Thành, 2024 reform plan.',
  },
  // ---------------------------------------------------------------- cchc validate
  validateHead: {
    vi: 'Kiểm tra dữ liệu tính đến {date}: {error} lỗi, {warning} cảnh báo, {notice} lưu ý.',
    en: 'Data check as of {date}: {error} errors, {warning} warnings, {notice} notices.',
  },
  validateNone: { vi: 'Không có vấn đề nào.', en: 'No problems found.' },
  columnLevel: { vi: 'Mức', en: 'Level' },
  columnSheet: { vi: 'Trang', en: 'Sheet' },
  columnCell: { vi: 'Ô', en: 'Cell' },
  columnMessage: { vi: 'Nội dung', en: 'Message' },
  // ---------------------------------------------------------------- cchc progress
  outNeedsWrite: { vi: '--out chỉ dùng cùng --write', en: '--out goes with --write' },
  progressWritten: { vi: 'Đã ghi kết quả vào {file}.', en: 'Results written into {file}.' },
  // ---------------------------------------------------------------- cchc report
  badReportType: { vi: '--type cần quarterly, plan hoặc initiatives', en: '--type takes quarterly, plan or initiatives' },
  badNumber: { vi: '--number cần một số nguyên dương', en: '--number takes a positive whole number' },
  outNotDocx: { vi: '--out cần một tên tệp .docx', en: '--out takes a .docx file name' },
  reportWritten: { vi: 'Đã viết {number}: {file}', en: 'Written {number}: {file}' },
  libreOfficeMissing: {
    vi: 'Không tìm thấy LibreOffice nên không xuất được PDF. Cài LibreOffice (https://www.libreoffice.org/download/; Ubuntu/Debian: sudo apt-get install libreoffice-writer) rồi chạy lại, hoặc đặt biến môi trường CCHC_SOFFICE là đường dẫn tới soffice. Tệp .docx đã được tạo và mở được bằng Word.',
    en: 'LibreOffice was not found, so no PDF was made. Install LibreOffice (https://www.libreoffice.org/download/; Ubuntu/Debian: sudo apt-get install libreoffice-writer) and run again, or set CCHC_SOFFICE to the path of soffice. The .docx file was written and opens in Word.',
  },
  pdfFailed: { vi: 'LibreOffice không chuyển được sang PDF: {detail}', en: 'LibreOffice could not convert to PDF: {detail}' },
  // ---------------------------------------------------------------- cchc serve
  badPort: { vi: '--port cần một số từ 0 đến 65535', en: '--port takes a number from 0 to 65535' },
  portUnavailable: {
    vi: 'Không mở được cổng {port} ({code}): cổng đang được dùng hoặc không được phép. Chọn cổng khác, ví dụ --port {other}.',
    en: 'Cannot open port {port} ({code}): it is in use or not allowed. Choose another, e.g. --port {other}.',
  },
  serveRunning: { vi: 'CCHC đang chạy tại {url} với tệp {file}', en: 'CCHC is running at {url} on {file}' },
  serveStop: { vi: 'Nhấn Ctrl+C để dừng.', en: 'Press Ctrl+C to stop.' },
  // The server's refusals (serve.ts).
  hostNotAllowed: { vi: 'Địa chỉ không được phép', en: 'Host not allowed' },
  noSessionToken: {
    vi: 'Thiếu mã phiên: mở đúng địa chỉ cchc serve đã in ra (có ?token=…)',
    en: 'No session token: open the address cchc serve printed (with ?token=…)',
  },
  onlyMethod: { vi: 'Chỉ nhận {method}', en: 'Only {method}' },
  originNotAllowed: { vi: 'Nguồn gọi không được phép', en: 'Origin not allowed' },
  bodyTooLarge: { vi: 'quá 1 MB', en: 'over 1 MB' },
  pageNotFound: { vi: 'Không tìm thấy', en: 'Not found' },
  // ---------------------------------------------------------------- cchc demo
  demoCreated: {
    vi: 'Đã tạo bảng tính mẫu (Trường Mầm non Bến Thành, kế hoạch CCHC 2024)',
    en: 'Created the sample workbook (Trường Mầm non Bến Thành, 2024 plan)',
  },
  demoChecked: {
    vi: 'Kiểm tra dữ liệu: {error} lỗi, {warning} cảnh báo, {notice} lưu ý',
    en: 'Data check: {error} errors, {warning} warnings, {notice} notices',
  },
  demoProgress: { vi: 'Đã ghi cột ⚙, trang Tổng hợp và Nhật ký', en: 'Wrote the ⚙ columns, the Tổng hợp dashboard and the log' },
  demoDocuments: { vi: 'Đã viết 3 văn bản theo Nghị định 30/2020:', en: 'Wrote 3 documents laid out by Decree 30/2020:' },
  demoWorkbook: { vi: 'Bảng tính: {file}', en: 'Workbook: {file}' },
  demoTryServe: { vi: 'Thử bảng điều khiển trong trình duyệt: npx cchc serve {file}', en: 'Try the sidebar in a browser: npx cchc serve {file}' },
} satisfies Catalogue;
