// The app layer's words: the log's actions, refusals, the generic errors every call may answer,
// the installer's refusals and the Google Docs renderer's failures.

import type { Catalogue } from './types.ts';

export const APP = {
  /** A workbook adapter asked for a sheet the workbook lacks (a programming error: said in both languages). */
  noSheet: { vi: 'Không có trang tính "{name}"', en: 'No sheet named "{name}"' },
  // ---------------------------------------------------------------- the four actions
  // One name each, wherever the user meets it: the menu, the sidebar's buttons, the log's rows.
  actionInstall: { vi: 'Cài đặt mẫu', en: 'Install template' },
  actionValidate: { vi: 'Kiểm tra dữ liệu', en: 'Check data' },
  actionProgress: { vi: 'Cập nhật tiến độ', en: 'Update progress' },
  actionReport: { vi: 'Tạo báo cáo', en: 'Generate report' },
  // ---------------------------------------------------------------- operations and the log
  logInstallResult: {
    vi: 'Phiên bản mẫu {version}: thêm {created} trang, {columns} cột',
    en: 'Template version {version}: {created} sheets and {columns} columns added',
  },
  logReport: { vi: 'Tạo báo cáo số {number}', en: 'Generate report no. {number}' },
  reportIncomplete: {
    vi: 'Không tạo văn bản, chưa lấy số: {problem}',
    en: 'No document made and no number taken: {problem}',
  },
  busy: {
    vi: 'Một người khác đang cập nhật bảng tính này. Vui lòng thử lại sau ít phút.',
    en: 'Someone else is updating this workbook. Please try again in a minute.',
  },
  // ---------------------------------------------------------------- generic errors of a call
  BAD_INPUT: {
    vi: 'Dữ liệu gửi lên không hợp lệ',
    en: 'The request is not valid',
  },
  UNKNOWN_CALL: {
    vi: 'Chức năng không tồn tại',
    en: 'No such function',
  },
  BAD_OUTPUT: {
    vi: 'Máy chủ trả về kết quả không đúng định dạng. Vui lòng thử lại hoặc báo cho người quản trị.',
    en: 'The server answered in an unexpected format. Please try again or tell the administrator.',
  },
  SERVER: {
    vi: 'Đã có lỗi xảy ra. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho người quản trị.',
    en: 'Something went wrong. Please try again; if it keeps failing, tell the administrator.',
  },
  NETWORK: {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'Could not reach the server. Check the connection and try again.',
  },
  // ---------------------------------------------------------------- the installer refuses
  headerNotFound: {
    vi: 'Sheet “{sheet}” đã có dữ liệu nhưng không tìm thấy dòng tiêu đề trong 10 dòng đầu (cần các cột như {headers}). Tiện ích không ghi đè dữ liệu: hãy thêm dòng tiêu đề, hoặc đổi tên sheet này rồi chạy lại Cài đặt mẫu.',
    en: 'The sheet “{sheet}” has data but no header row in its first 10 rows (columns such as {headers}). Nothing was overwritten: add the header row, or rename this sheet, then run Install template again.',
  },
  noRoom: {
    vi: 'Sheet “{sheet}” không còn chỗ thêm cột “{column}”: dòng tiêu đề đã dùng đến cột {last}, cột cuối cùng mà Excel cho phép. Xóa các ô thừa ở cuối dòng {row} rồi chạy lại Cài đặt mẫu.',
    en: 'The sheet “{sheet}” has no room for the column “{column}”: its header row reaches column {last}, the last one Excel allows. Delete the stray cells at the end of row {row}, then run Install template again.',
  },
  // ---------------------------------------------------------------- the Google Docs renderer
  docsDisabled: {
    vi: 'Chưa bật dịch vụ Google Docs API (Docs) cho tiện ích, nên chưa tạo được văn bản. Người quản trị tiện ích cần bật “Google Docs API” trong mục Dịch vụ của dự án Apps Script.',
    en: 'The Google Docs API advanced service (Docs) is not enabled for the add-on, so no document can be made. Enable “Google Docs API” under Services in the Apps Script project.',
  },
  docsApiDisabled: {
    vi: 'Google Docs API chưa được bật trong dự án Google Cloud của tiện ích, nên chưa tạo được văn bản. Người quản trị tiện ích cần mở dự án Cloud đó (console.cloud.google.com › APIs & Services › Library), tìm “Google Docs API”, bấm Enable, đợi vài phút rồi tạo lại báo cáo. (Google báo: {error})',
    en: 'The Google Docs API is not enabled in the add-on’s Google Cloud project, so no document can be made. The add-on’s administrator opens that Cloud project (console.cloud.google.com › APIs & Services › Library), finds “Google Docs API”, clicks Enable, waits a few minutes, then makes the report again. (Google says: {error})',
  },
  docsRateLimited: {
    vi: 'Google Docs đang giới hạn số lần ghi của tài khoản này (60 lần một phút). Tiện ích đã thử {tries} lần trong khoảng một phút mà chưa được. Vui lòng đợi vài phút rồi tạo lại báo cáo; văn bản dở dang (nếu có) có thể xóa: {url}',
    en: 'Google Docs is limiting this account’s writes (60 a minute). The add-on tried {tries} times over about a minute without success. Please wait a few minutes, then make the report again; the unfinished document (if any) can be deleted: {url}',
  },
  docsDailyQuota: {
    vi: 'Tài khoản Google này đã tạo đủ số văn bản Google Docs cho phép trong hôm nay, nên chưa tạo được báo cáo và chưa lấy số văn bản. Vui lòng tạo lại vào ngày mai, hoặc tạo văn bản trên máy tính bằng cchc report.',
    en: 'This Google account has made as many Google Docs as it may today, so no report was made and no number was taken. Please try again tomorrow, or make the document on a computer with cchc report.',
  },
  docsTooLarge: {
    vi: 'Văn bản “{name}” quá dài cho Google Docs ({size} ký tự; Google Docs chứa tối đa {limit} ký tự), nên chưa tạo văn bản và chưa lấy số. Hãy rút gọn các nội dung rất dài trong bảng tính, hoặc tạo văn bản trên máy tính bằng cchc report.',
    en: 'The document “{name}” is too long for Google Docs ({size} characters; a Google Doc holds at most {limit}), so nothing was made and no number was taken. Shorten very long entries in the workbook, or make the document on a computer with cchc report.',
  },
  noDocumentId: {
    vi: 'Google Docs không trả về mã của văn bản vừa tạo. Hãy thử lại sau ít phút.',
    en: 'Google Docs did not return the id of the new document. Try again in a few minutes.',
  },
  fillFailed: {
    vi: 'Đã tạo văn bản “{name}” nhưng chưa ghi được nội dung ({error}). Văn bản trống này có thể xóa: {url}',
    en: 'The document “{name}” was created but its content could not be written ({error}). The empty document can be deleted: {url}',
  },
  imageFailed: {
    vi: 'Văn bản “{name}” đã có đủ chữ nhưng chưa chèn được biểu đồ ({error}). Mở văn bản tại {url}; chỗ biểu đồ có dòng “{marker}”.',
    en: 'The document “{name}” has all its text but the chart could not be inserted ({error}). Open it at {url}; the chart belongs at the line “{marker}”.',
  },
} satisfies Catalogue;
