// `Năm mới`: the new year's workbook made from the old one (core/rollover), its log rows, its
// refusals, and the sidebar's and the CLI's words for it.

import type { Catalogue } from './types.ts';

/** The action's one name: the menu item, the sidebar's heading, the log's rows. */
const ACTION = { vi: 'Năm mới', en: 'New year' };

export const ROLLOVER = {
  action: ACTION,
  /** Put in `Ghi chú` of a task or initiative carried into the new year. */
  carriedNote: { vi: 'Chuyển từ năm {year}', en: 'Carried over from {year}' },
  carriedNoteWith: { vi: 'Chuyển từ năm {year}. {note}', en: 'Carried over from {year}. {note}' },
  // ---------------------------------------------------------------- the log rows
  logNew: {
    vi: 'Bảng tính năm {toYear}, chuyển từ năm {fromYear} ({source}): {tasks} nhiệm vụ, {kpis} chỉ tiêu, {initiatives} sáng kiến được chuyển sang',
    en: 'Workbook for {toYear}, rolled over from {fromYear} ({source}): {tasks} tasks, {kpis} targets, {initiatives} initiatives carried',
  },
  logOld: {
    vi: 'Đã tạo bảng tính năm {toYear} từ bảng tính này: {target}. Dữ liệu năm {fromYear} không thay đổi.',
    en: 'The workbook for {toYear} was made from this one: {target}. The {fromYear} data is unchanged.',
  },
  logStart: {
    vi: 'Chuẩn bị năm {toYear}: tạo bản sao của bảng tính này (Tệp › Tạo bản sao), mở bản sao rồi bấm Năm mới. Bảng tính này giữ nguyên.',
    en: 'Getting {toYear} ready: make a copy of this workbook (File › Make a copy), open the copy and press New year there. This workbook stays as it is.',
  },
  // ---------------------------------------------------------------- refusals
  noYear: {
    vi: 'Chưa có Năm (năm kế hoạch) hợp lệ trong sheet Thông tin, nên không biết năm mới là năm nào. Nhập năm kế hoạch, ví dụ 2024, rồi thử lại.',
    en: 'Thông tin has no valid Năm (plan year), so the new year cannot be worked out. Type the plan year, e.g. 2024, and try again.',
  },
  wrongYear: {
    vi: 'Bảng tính là của năm {fromYear}: năm mới chỉ có thể là {next} (không phải {asked}).',
    en: 'The workbook is for {fromYear}: the new year can only be {next} (not {asked}).',
  },
  isOriginal: {
    vi: 'Đây là bảng tính gốc của năm {fromYear}: dữ liệu năm cũ không được thay đổi. Tạo bản sao (Tệp › Tạo bản sao), mở bản sao rồi bấm Năm mới ở đó.',
    en: 'This is the original {fromYear} workbook: last year’s record is never changed. Make a copy (File › Make a copy), open the copy and press New year there.',
  },
  noMarker: {
    vi: 'Không biết bảng tính này là bản sao của bảng tính nào. Mở bảng tính gốc của năm cũ, bấm Năm mới để chuẩn bị, rồi tạo bản sao (Tệp › Tạo bản sao) và bấm Năm mới trong bản sao.',
    en: 'It is not known which workbook this one is a copy of. Open last year’s original, press New year there to get ready, then make a copy (File › Make a copy) and press New year in the copy.',
  },
  markerYear: {
    vi: 'Bản sao này được chuẩn bị cho năm {toYear}, nhưng Năm trong Thông tin là {year}. Có thể bảng tính đã được chuyển năm rồi; nếu chưa, hãy chuẩn bị lại từ bảng tính gốc.',
    en: 'This copy was got ready for {toYear}, but Năm in Thông tin is {year}. It may have been rolled over already; if not, get it ready again from the original.',
  },
  notHere: {
    vi: 'Trên máy tính, năm mới được tạo bằng lệnh: cchc rollover TỆP.xlsx --year {toYear}',
    en: 'On a computer, the new year is made with: cchc rollover FILE.xlsx --year {toYear}',
  },
  // ---------------------------------------------------------------- the sidebar
  heading: ACTION,
  explainOriginal: {
    vi: 'Tạo bảng tính năm {toYear} từ bảng tính năm {fromYear}: giữ Thông tin, Nhân sự, chỉ tiêu (xóa số liệu), nhiệm vụ và sáng kiến chưa xong; số văn bản bắt đầu lại. Bảng tính năm {fromYear} giữ nguyên (chỉ thêm một dòng Nhật ký).',
    en: 'Make the {toYear} workbook from the {fromYear} one: Thông tin, Nhân sự, the targets (figures emptied), the unfinished tasks and initiatives are kept; document numbers start again. The {fromYear} workbook stays as it is (one Nhật ký row is added).',
  },
  explainCopy: {
    vi: 'Bảng tính này là bản sao của bảng tính năm {fromYear}. Chuyển nó sang năm {toYear}: giữ Thông tin, Nhân sự, chỉ tiêu (xóa số liệu), nhiệm vụ và sáng kiến chưa xong; xóa hoạt động và Nhật ký của năm cũ. Bảng tính gốc không thay đổi.',
    en: 'This workbook is a copy of the {fromYear} one. Roll it forward to {toYear}: Thông tin, Nhân sự, the targets (figures emptied), the unfinished tasks and initiatives are kept; last year’s activities and Nhật ký go. The original stays as it is.',
  },
  show: { vi: 'Tạo bảng tính năm {toYear}…', en: 'Make the {toYear} workbook…' },
  busy: { vi: 'Đang chuyển sang năm mới…', en: 'Rolling over to the new year…' },
  stepStart: { vi: '1. Chuẩn bị', en: '1. Get ready' },
  stepCopy: {
    vi: '2. Tạo bản sao: Tệp › Tạo bản sao, đặt tên ví dụ “CCHC {toYear}”.',
    en: '2. Make a copy: File › Make a copy, named e.g. “CCHC {toYear}”.',
  },
  stepRun: { vi: '3. Mở bản sao, bấm Năm mới ở đó', en: '3. Open the copy and press New year there' },
  startButton: { vi: 'Chuẩn bị năm {toYear}', en: 'Get {toYear} ready' },
  runButton: { vi: 'Chuyển bản sao này sang năm {toYear}', en: 'Roll this copy forward to {toYear}' },
  started: {
    vi: 'Đã ghi vào Nhật ký. Bây giờ tạo bản sao (Tệp › Tạo bản sao), mở bản sao rồi bấm Năm mới.',
    en: 'Noted in Nhật ký. Now make a copy (File › Make a copy), open it and press New year.',
  },
  done: {
    vi: 'Bảng tính năm {toYear} đã sẵn sàng: {tasks} nhiệm vụ, {kpis} chỉ tiêu, {initiatives} sáng kiến được chuyển sang.',
    en: 'The {toYear} workbook is ready: {tasks} tasks, {kpis} targets, {initiatives} initiatives carried.',
  },
  review: {
    vi: '{n} nhiệm vụ có hạn hoàn thành trong năm {fromYear}: xem lại và đặt hạn mới.',
    en: '{n} tasks have a deadline in {fromYear}: review them and set new deadlines.',
    one: { vi: '1 nhiệm vụ có hạn hoàn thành trong năm {fromYear}: xem lại và đặt hạn mới.', en: '1 task has a deadline in {fromYear}: review it and set a new deadline.' },
  },
  // ---------------------------------------------------------------- the CLI
  cliSummary: {
    vi: 'tạo bảng tính năm sau từ bảng tính này (người, chỉ tiêu không số liệu, nhiệm vụ chưa xong, số văn bản bắt đầu lại); tệp cũ chỉ thêm một dòng Nhật ký',
    en: 'writes the next year’s workbook from this one (people, targets without figures, open tasks carried, numbering restarted); FILE only gets a Nhật ký row',
  },
  cliYear: { vi: 'năm mới (năm kế hoạch + 1)', en: 'the new year (the plan year + 1)' },
  cliOut: { vi: 'tệp năm mới (mặc định: cạnh tệp cũ, tên có năm mới)', en: 'the new year’s file (default: next to the old one, named with the new year)' },
  cliNeedsYear: { vi: 'Thiếu --year (năm mới, ví dụ --year 2025).', en: '--year is missing (the new year, e.g. --year 2025).' },
  cliOutExists: {
    vi: 'Tệp {out} đã có; không ghi đè. Chọn tên khác với --out.',
    en: '{out} already exists; it is not overwritten. Choose another name with --out.',
  },
  cliWrote: {
    vi: 'Đã tạo {out} (năm {toYear}) từ {file}: {people} người, {kpis} chỉ tiêu (đã xóa số liệu), {tasks} nhiệm vụ chuyển sang ({done} đã hoàn thành, {cancelled} đã hủy không chuyển), {initiatives} sáng kiến đang thực hiện, hoạt động để trống; số văn bản bắt đầu lại.',
    en: 'Wrote {out} ({toYear}) from {file}: {people} people, {kpis} targets (figures emptied), {tasks} tasks carried ({done} done and {cancelled} cancelled left behind), {initiatives} initiatives in progress, no activities; document numbers start again.',
  },
  cliShifted: { vi: 'Các hạn trong Thông tin được dời sang năm {toYear}: {items}.', en: 'Deadlines in Thông tin moved to {toYear}: {items}.' },
  cliOldLog: { vi: 'Tệp {file} chỉ được thêm một dòng Nhật ký.', en: '{file} only got one Nhật ký row.' },
  cliOldLogFailed: {
    vi: 'Không ghi được dòng Nhật ký vào {file}: {problem}',
    en: 'Could not add the Nhật ký row to {file}: {problem}',
  },
} satisfies Catalogue;
