// What validation says about a cell: a stable code (the public `code` of an issue) and a message
// that says what is wrong and what to type instead, in words a school secretary uses.

import type { Catalogue } from './types.ts';

export const ISSUES = {
  // ------------------------------------------------------------------ workbook and sheets
  WORKBOOK_EMPTY: {
    vi: 'Bảng tính đang trống, chưa có sheet nào của mẫu CCHC. Hãy chạy Cài đặt mẫu (menu CCHC → Cài đặt mẫu) để tạo các sheet.',
    en: 'The workbook is empty: it has none of the CCHC template sheets. Run Install template (CCHC menu → Install template) to create them.',
  },
  WORKBOOK_NOT_TEMPLATE: {
    vi: 'Bảng tính không có sheet nào của mẫu CCHC (ví dụ “{sheet}”). Hãy mở đúng tệp, hoặc chạy Cài đặt mẫu để tạo các sheet.',
    en: 'The workbook has none of the CCHC template sheets (e.g. “{sheet}”). Open the right file, or run Install template to create them.',
  },
  SHEET_MISSING: {
    vi: 'Thiếu sheet “{sheet}”. Chạy Cài đặt mẫu để tạo lại sheet này; dữ liệu đã nhập không bị thay đổi.',
    en: 'The sheet “{sheet}” is missing. Run Install template to create it again; nothing you typed is changed.',
  },
  SHEET_MISSING_RENAMED: {
    vi: 'Thiếu sheet “{sheet}”, nhưng có sheet “{found}”. Đổi tên sheet “{found}” thành đúng “{sheet}”.',
    en: 'The sheet “{sheet}” is missing, but there is a sheet “{found}”. Rename “{found}” to exactly “{sheet}”.',
  },
  OUTPUT_SHEET_MISSING: {
    vi: 'Thiếu sheet “{sheet}” (do tiện ích ghi). Chạy Cài đặt mẫu để tạo lại.',
    en: 'The sheet “{sheet}” (written by the add-on) is missing. Run Install template to create it again.',
  },
  HEADER_NOT_FOUND: {
    vi: 'Không tìm thấy dòng tiêu đề của sheet “{sheet}” trong 10 dòng đầu. Dòng tiêu đề cần có các cột như {headers}; chạy Cài đặt mẫu để thêm.',
    en: 'No header row found in the first 10 rows of “{sheet}”. The header row needs columns such as {headers}; run Install template to add them.',
  },
  COLUMN_MISSING: {
    vi: 'Sheet “{sheet}” thiếu cột bắt buộc “{column}”. Thêm cột có tiêu đề “{column}” vào dòng tiêu đề, hoặc chạy Cài đặt mẫu.',
    en: 'The sheet “{sheet}” lacks the required column “{column}”. Add a column headed “{column}” to the header row, or run Install template.',
  },
  COMPUTED_COLUMN_MISSING: {
    vi: 'Sheet “{sheet}” chưa có cột “{column}”. Chạy Cài đặt mẫu để thêm; tiện ích sẽ tự tính cột này.',
    en: 'The sheet “{sheet}” has no column “{column}”. Run Install template to add it; the add-on fills it in.',
  },
  COLUMN_DUPLICATE: {
    vi: 'Cột “{column}” có hai lần (cột {first} và cột {second}); chỉ cột {first} được đọc. Xóa hoặc đổi tên cột {second}.',
    en: 'The column “{column}” appears twice (columns {first} and {second}); only column {first} is read. Delete or rename column {second}.',
  },
  TEMPLATE_NEWER: {
    vi: 'Bảng tính dùng mẫu phiên bản {version}, mới hơn phiên bản {supported} mà tiện ích này đọc được. Hãy cập nhật tiện ích lên bản mới.',
    en: 'The workbook uses template version {version}, newer than version {supported} this add-on reads. Update the add-on.',
  },
  TEMPLATE_VERSION_MISSING: {
    vi: 'Chưa có Phiên bản mẫu trong sheet Thông tin. Chạy Cài đặt mẫu để ghi phiên bản.',
    en: 'The template version is missing from Thông tin. Run Install template to record it.',
  },
  TEMPLATE_VERSION_INVALID: {
    vi: 'Phiên bản mẫu “{value}” không hợp lệ. Không sửa ô này; chạy Cài đặt mẫu để ghi lại phiên bản đúng.',
    en: 'The template version “{value}” is not valid. Do not edit this cell; run Install template to record the right version.',
  },

  // ------------------------------------------------------------------ Thông tin
  SETTING_REQUIRED: {
    vi: 'Chưa nhập “{item}” trong sheet Thông tin. Nhập ở cột Giá trị, ví dụ: {example}.',
    en: '“{item}” is missing in Thông tin. Type it in the Giá trị column, e.g. {example}.',
  },
  YEAR_INVALID: {
    vi: 'Năm “{value}” không hợp lệ. Nhập năm kế hoạch gồm 4 chữ số, ví dụ 2024.',
    en: 'The year “{value}” is not valid. Type the plan year with 4 digits, e.g. 2024.',
  },

  // ------------------------------------------------------------------ values
  REQUIRED: {
    vi: 'Chưa nhập “{column}”. {help}',
    en: '“{column}” is empty. {help}',
  },
  DATE_INVALID: {
    vi: '“{value}” không phải là ngày. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/06/2024.',
    en: '“{value}” is not a date. Type the date as day/month/year, e.g. 10/06/2024.',
  },
  DATE_NOT_EXIST: {
    vi: 'Ngày {value} không tồn tại. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/06/2024.',
    en: 'The date {value} does not exist. Type the date as day/month/year, e.g. 10/06/2024.',
  },
  DATE_SHORT_YEAR: {
    vi: 'Ngày “{value}” thiếu năm đủ 4 chữ số. Nhập ngày/tháng/năm với năm 4 chữ số, ví dụ 10/06/2024.',
    en: 'The date “{value}” lacks a 4-digit year. Type day/month/year with a 4-digit year, e.g. 10/06/2024.',
  },
  DATE_OUT_OF_RANGE: {
    vi: 'Ngày {value} có năm ngoài khoảng 1990–2100, có lẽ gõ nhầm. Kiểm tra lại năm.',
    en: 'The date {value} has a year outside 1990–2100, probably a typo. Check the year.',
  },
  NUMBER_INVALID: {
    vi: '“{value}” không phải là số. Nhập một con số, ví dụ 12 hoặc 98,5.',
    en: '“{value}” is not a number. Type a number, e.g. 12 or 98.5.',
  },
  NUMBER_THOUSANDS: {
    vi: '“{value}” có dấu phân cách hàng nghìn. Nhập số không có dấu phân cách hàng nghìn, dùng dấu phẩy cho phần lẻ, ví dụ 1250 hoặc 98,5.',
    en: '“{value}” has a thousands separator. Type the number without it, with a decimal comma or point, e.g. 1250 or 98.5.',
  },
  NUMBER_NEGATIVE: {
    vi: 'Số {value} bị âm. Nhập số từ 0 trở lên.',
    en: 'The number {value} is negative. Type 0 or more.',
  },
  NUMBER_RANGE: {
    vi: 'Số {value} nằm ngoài khoảng cho phép. Nhập số từ {min} đến {max}.',
    en: 'The number {value} is out of range. Type a number from {min} to {max}.',
  },
  RATIO_INVALID: {
    vi: '“{value}” không phải là tỷ lệ phần trăm. Nhập ví dụ 98% hoặc 98,5%.',
    en: '“{value}” is not a percentage. Type e.g. 98% or 98.5%.',
  },
  RATIO_OUT_OF_RANGE: {
    vi: 'Tỷ lệ {value} nằm ngoài khoảng 0%–100%. Nhập tỷ lệ từ 0% đến 100%, ví dụ 98%.',
    en: 'The ratio {value} is outside 0%–100%. Type a ratio from 0% to 100%, e.g. 98%.',
  },
  RATIO_PERCENT_POINTS: {
    vi: 'Đã hiểu {value} là {percent}. Nếu đúng, gõ kèm dấu % ({percent}) để không còn nhắc.',
    en: 'Read {value} as {percent}. If right, type it with a % sign ({percent}) to silence this notice.',
  },
  ENUM_UNKNOWN: {
    vi: '“{value}” không có trong danh sách “{column}”. Chọn một trong: {values}.',
    en: '“{value}” is not a valid “{column}”. Choose one of: {values}.',
  },
  AREA_UNKNOWN: {
    vi: 'Lĩnh vực “{value}” không có. Chọn trong danh sách, hoặc gõ LV1…LV8 hay số 1…8 (ví dụ 3 là Cải cách thủ tục hành chính).',
    en: 'Unknown area “{value}”. Pick from the list, or type LV1…LV8 or 1…8 (e.g. 3 is administrative procedure reform).',
  },
  RATING_UNKNOWN: {
    vi: '“{value}” không phải là mức xếp loại. Dùng một trong: {values}.',
    en: '“{value}” is not a rating level. Use one of: {values}.',
  },
  RATING_SCALE_MISMATCH: {
    vi: 'Mức “{value}” thuộc thang “{scale}”, còn Mục tiêu dùng thang “{targetScale}”. Nhập một mức của thang “{targetScale}”: {values}.',
    en: 'The level “{value}” is on the “{scale}” scale, but the target uses “{targetScale}”. Type a level of “{targetScale}”: {values}.',
  },
  YESNO_INVALID: {
    vi: '“{value}” không phải Có/Không. Nhập Có hoặc Không.',
    en: '“{value}” is not yes/no. Type Có (yes) or Không (no).',
  },
  EMAIL_INVALID: {
    vi: '“{value}” không phải địa chỉ email. Nhập dạng ten@truong.edu.vn, hoặc để trống.',
    en: '“{value}” is not an e-mail address. Type it as name@school.edu.vn, or leave it empty.',
  },
  TEXT_TOO_LONG: {
    vi: 'Nội dung dài {length} ký tự, quá {max} ký tự cho phép. Rút gọn lại, chi tiết để trong tệp minh chứng.',
    en: 'The text is {length} characters long, over the {max} allowed. Shorten it and keep the details in the evidence file.',
  },
  LINK_INVALID: {
    vi: '“{value}” không phải đường liên kết. Dán đường liên kết bắt đầu bằng https://.',
    en: '“{value}” is not a link. Paste a link starting with https://.',
  },

  // ------------------------------------------------------------------ people
  NAME_DUPLICATE: {
    vi: 'Tên “{value}” đã có ở dòng {firstRow}. Nếu trùng dòng, xóa bớt; nếu là hai người trùng tên, thêm chữ để phân biệt (ví dụ tên tổ).',
    en: 'The name “{value}” is already on row {firstRow}. Delete the repeated row, or if they are two people, add something to tell them apart.',
  },

  PEOPLE_EMPTY: {
    vi: 'Sheet Nhân sự chưa có ai, nên không kiểm tra được tên người chủ trì. Nhập danh sách cán bộ, giáo viên, nhân viên vào Nhân sự.',
    en: 'The Nhân sự sheet lists nobody, so task leads cannot be checked. Enter the staff list in Nhân sự.',
  },

  // ------------------------------------------------------------------ Kế hoạch
  DUE_IN_PAST_YEAR: {
    vi: 'Hạn hoàn thành {due} thuộc năm {dueYear}, trước năm kế hoạch {year} (nhiệm vụ chuyển từ năm trước?). Xem lại và đặt hạn mới trong năm {year}.',
    en: 'The deadline {due} is in {dueYear}, before the plan year {year} (a task carried from last year?). Review it and set a new deadline in {year}.',
  },
  DUE_BEFORE_START: {
    vi: 'Hạn hoàn thành {due} trước ngày bắt đầu {start}. Sửa lại hạn hoàn thành hoặc ngày bắt đầu.',
    en: 'The deadline {due} is before the start {start}. Correct the deadline or the start date.',
  },
  DONE_DATE_REQUIRED: {
    vi: 'Nhiệm vụ đã Hoàn thành nhưng chưa có Ngày hoàn thành. Nhập ngày làm xong, ví dụ 10/06/2024.',
    en: 'The task is Done but has no completion date. Type the date it was done, e.g. 10/06/2024.',
  },
  FORMULA_NOT_COMPUTED: {
    vi: 'Ô có công thức {formula} nhưng chưa có giá trị đã tính (tệp được lưu bởi chương trình không tính công thức). Mở tệp bằng Excel hoặc LibreOffice, lưu lại, rồi chạy lại.',
    en: 'The cell holds the formula {formula} but no computed value (the file was saved by a program that does not calculate). Open it in Excel or LibreOffice, save it, and run again.',
  },
  DATE_IN_FUTURE: {
    vi: 'Ngày {date} chưa tới (hôm nay là {today}). Kiểm tra lại ngày đã nhập.',
    en: 'The date {date} has not come yet (today is {today}). Check the date typed.',
  },
  DONE_PERCENT_MISMATCH: {
    vi: 'Nhiệm vụ Hoàn thành nhưng % hoàn thành là {percent}; được tính là 100%. Sửa thành 100% cho khớp.',
    en: 'The task is Done but % done is {percent}; it counts as 100%. Change it to 100%.',
  },
  TASK_EVIDENCE_MISSING: {
    vi: 'Nhiệm vụ đã Hoàn thành nhưng chưa có Minh chứng. Dán đường liên kết tới văn bản, hình ảnh hoặc bài đăng chứng minh.',
    en: 'The task is Done but has no evidence. Paste a link to the document, photo or post that proves it.',
  },
  OWNER_NOT_IN_PEOPLE: {
    vi: 'Người chủ trì “{value}” không có trong sheet Nhân sự. Sửa cho đúng tên trong Nhân sự, hoặc thêm người này vào Nhân sự.',
    en: 'The lead “{value}” is not in the Nhân sự sheet. Use the name as written in Nhân sự, or add the person there.',
  },

  // ------------------------------------------------------------------ Chỉ tiêu
  CODE_DUPLICATE: {
    vi: 'Mã “{value}” đã dùng ở dòng {firstRow}. Mỗi chỉ tiêu cần một mã riêng; đổi mã dòng này, ví dụ {suggestion}.',
    en: 'The code “{value}” is already used on row {firstRow}. Each target needs its own code; change this one, e.g. {suggestion}.',
  },
  UNIT_CODE_INVALID: {
    vi: 'Mã đơn vị {value} không dùng được trong số văn bản: chỉ gồm chữ in hoa, chữ số và dấu gạch nối, không dấu cách, tối đa 20 ký tự (ví dụ MNBT).',
    en: 'The unit code {value} cannot go into document numbers: capital letters, digits and hyphens only, no spaces, at most 20 characters (e.g. MNBT).',
  },
  UNIT_CODE_DUPLICATE: {
    vi: 'Mã đơn vị “{value}” đã có ở dòng {firstRow}. Mỗi đơn vị cần một mã riêng; xóa dòng trùng hoặc sửa mã.',
    en: 'The unit code “{value}” is already on row {firstRow}. Each unit needs its own code; delete the repeated row or fix the code.',
  },
  TARGET_YESNO: {
    vi: 'Chỉ tiêu loại Có/Không cần Mục tiêu là “Có”. Sửa Mục tiêu thành Có.',
    en: 'A yes/no target needs “Có” (yes) as its target. Change the target to Có.',
  },
  TOTAL_LESS_THAN_ACHIEVED: {
    vi: 'Quý {quarter}: Tổng {total} nhỏ hơn số Đạt {achieved}. Tổng (mẫu số) phải lớn hơn hoặc bằng số Đạt; kiểm tra lại hai ô.',
    en: 'Quarter {quarter}: the total {total} is less than achieved {achieved}. The total (denominator) must be at least the achieved number.',
  },
  TOTAL_REQUIRED: {
    vi: 'Quý {quarter}: có số Đạt nhưng chưa có Tổng. Chỉ tiêu tỷ lệ cần cả số Đạt và Tổng; nhập Tổng (nhập 0 nếu không phát sinh).',
    en: 'Quarter {quarter}: achieved is typed but the total is empty. A ratio target needs both; type the total (0 when no case arose).',
  },
  ACHIEVED_REQUIRED: {
    vi: 'Quý {quarter}: có Tổng {total} nhưng chưa có số Đạt. Nhập số trường hợp đạt (nhập 0 nếu không có).',
    en: 'Quarter {quarter}: the total {total} is typed but achieved is empty. Type the number achieved (0 if none).',
  },
  TOTAL_IGNORED: {
    vi: 'Quý {quarter}: cột Tổng chỉ dùng cho chỉ tiêu loại Tỷ lệ; số {value} không được tính. Xóa ô này.',
    en: 'Quarter {quarter}: the total column is for ratio targets only; {value} is not counted. Clear this cell.',
  },
  RATIO_ACHIEVED_PERCENT: {
    vi: 'Quý {quarter}: đã hiểu {value} là tỷ lệ đạt của quý. Nếu có số liệu, nên nhập số Đạt và Tổng (ví dụ 49 và 50).',
    en: 'Quarter {quarter}: read {value} as the quarter\'s ratio. If you have the figures, type achieved and total (e.g. 49 and 50).',
  },
  RATIO_ACHIEVED_PERCENT_WITH_TOTAL: {
    vi: 'Quý {quarter}: Đạt là phần trăm ({value}) trong khi đã có Tổng. Nhập số trường hợp đạt (ví dụ 49), không nhập phần trăm.',
    en: 'Quarter {quarter}: achieved is a percentage ({value}) while a total is typed. Type the number achieved (e.g. 49), not a percentage.',
  },
  PERIOD_NO_ENTRY: {
    vi: 'Chỉ tiêu tính Từng quý nhưng quý {quarter} chưa có số liệu, nên quý này không được đánh giá. Nhập kết quả quý {quarter}.',
    en: 'The target is judged each quarter but quarter {quarter} has no entry, so it is not judged. Type the quarter {quarter} result.',
  },
  SOURCE_ACHIEVED_IGNORED: {
    vi: 'Chỉ tiêu này tự đếm từ sheet Hoạt động ({type}); số {value} nhập ở đây bị bỏ qua. Xóa ô này, hoặc xóa Nguồn số liệu để nhập tay.',
    en: 'This target is counted from Hoạt động ({type}); the {value} typed here is ignored. Clear it, or clear the data source to type by hand.',
  },
  SOURCE_UNKNOWN: {
    vi: 'Nguồn số liệu “{value}” không hợp lệ. Để trống nếu nhập tay, hoặc chọn “Hoạt động: <loại hoạt động>”, ví dụ “Hoạt động: Hội thi”.',
    en: 'Unknown data source “{value}”. Leave it empty to type by hand, or choose “Hoạt động: <activity type>”, e.g. “Hoạt động: Hội thi”.',
  },
  SOURCE_NOT_COUNT: {
    vi: 'Chỉ tiêu đếm từ Hoạt động phải có Loại là Số lượng. Đổi Loại thành Số lượng, hoặc xóa Nguồn số liệu.',
    en: 'A target counted from activities must be a count. Set the kind to Số lượng, or clear the data source.',
  },

  // ------------------------------------------------------------------ Sáng kiến
  REGISTERED_AFTER_DEADLINE: {
    vi: 'Ngày đăng ký {date} sau hạn đăng ký sáng kiến {deadline}. Kiểm tra lại ngày, hoặc ghi lý do vào Ghi chú.',
    en: 'Registered on {date}, after the registration deadline {deadline}. Check the date, or note the reason.',
  },
  RESULT_MISSING: {
    vi: 'Sáng kiến đã ở giai đoạn “{stage}” nhưng chưa ghi Kết quả, hiệu quả. Mô tả ngắn kết quả đạt được.',
    en: 'The initiative is at stage “{stage}” but has no results. Describe briefly what it achieved.',
  },
  INITIATIVE_EVIDENCE_REQUIRED: {
    vi: 'Sáng kiến đã ở giai đoạn “{stage}” nên cần Minh chứng. Dán đường liên kết tới hồ sơ nghiệm thu, sản phẩm hoặc hình ảnh.',
    en: 'The initiative is at stage “{stage}” and needs evidence. Paste a link to the acceptance file, products or photos.',
  },
} satisfies Catalogue;
