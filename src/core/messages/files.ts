// The words of the Node file layer (src/node/files/, src/node/xlsx-workbook.ts): a workbook that
// cannot be opened, the caps on what cchc reads, locks and atomic writes, files changed by another
// program meanwhile, and the parts of an .xlsx that must be kept. Counts arrive formatted for the
// language (1.234.567 / 1,234,567); `{tip}` is the caps' shared last sentence.

import type { Catalogue } from './types.ts';

export const FILES = {
  // ---------------------------------------------------------------- a workbook that cannot be opened
  notFound: { vi: 'Không tìm thấy tệp: {file}', en: 'File not found: {file}' },
  folder: {
    vi: '{file} là một thư mục, không phải tệp .xlsx: hãy ghi đường dẫn tới tệp bảng tính',
    en: '{file} is a folder, not an .xlsx file: give the path of the workbook file',
  },
  unreadable: {
    vi: 'Không đọc được tệp (không phải tệp Excel .xlsx hoặc tệp bị hỏng): {file}',
    en: 'Cannot read the file (not an Excel .xlsx workbook, or damaged): {file}',
  },
  // ---------------------------------------------------------------- the caps on what cchc reads (scan.ts)
  fileTooLarge: {
    vi: 'Tệp {file} nặng {size} MB, quá giới hạn {max} MB mà cchc đọc được (CCHC_MAX_FILE_MB). {tip}',
    en: '{file} is {size} MB, over the {max} MB cchc reads (CCHC_MAX_FILE_MB). {tip}',
  },
  unzippedTooLarge: {
    vi: 'Tệp {file} khi giải nén quá {max} MB, quá lớn để cchc đọc (CCHC_MAX_UNZIPPED_MB). {tip}',
    en: '{file} unzips to more than {max} MB, too large for cchc to read (CCHC_MAX_UNZIPPED_MB). {tip}',
  },
  cellTooLong: {
    vi: 'Trang "{sheet}", ô {cell} dài {chars} ký tự, quá giới hạn {max} ký tự một ô mà cchc đọc (Excel chỉ cho {excel}; CCHC_MAX_CELL_CHARS). {tip}',
    en: 'Sheet "{sheet}", cell {cell} holds {chars} characters, over the {max} cchc reads in one cell (Excel allows {excel}; CCHC_MAX_CELL_CHARS). {tip}',
  },
  tooManyCells: {
    vi: 'Tệp {file} có hơn {max} ô dữ liệu, quá giới hạn cchc đọc được (CCHC_MAX_CELLS). {tip}',
    en: '{file} has more than {max} cells, over what cchc reads (CCHC_MAX_CELLS). {tip}',
  },
  tooManyRows: {
    vi: 'Trang "{sheet}" có hơn {max} dòng, quá giới hạn cchc đọc được (CCHC_MAX_ROWS). {tip}',
    en: 'Sheet "{sheet}" has more than {max} rows, over what cchc reads (CCHC_MAX_ROWS). {tip}',
  },
  tooLargeTip: {
    vi: 'Tệp giữ nguyên. Mở tệp trong Excel/Calc để xóa bớt dữ liệu thừa, hoặc tách ra nhiều tệp.',
    en: 'The file is unchanged. Remove the surplus in Excel or Calc, or split it into several files.',
  },
  // ---------------------------------------------------------------- writing a file (atomic.ts, lock.ts)
  notAFile: {
    vi: '{file} không phải là một tệp (có thể là thư mục); không ghi đè lên nó.',
    en: '{file} is not a file (perhaps a folder); not writing over it.',
  },
  readOnly: {
    vi: 'Tệp {file} chỉ cho đọc (read-only) nên cchc không ghi vào; tệp giữ nguyên. Bỏ thuộc tính chỉ đọc (chmod u+w) nếu muốn ghi.',
    en: '{file} is read-only, so cchc does not write it; the file is unchanged. Make it writable (chmod u+w) to write it.',
  },
  workbookExists: {
    vi: 'Tệp {file} đã có; cchc không ghi đè lên nó. Chọn một tên tệp mới.',
    en: '{file} already exists; cchc does not write over it. Choose a new file name.',
  },
  documentExists: {
    vi: 'Tệp {file} đã có; cchc không ghi đè lên văn bản khác. Chọn tên khác (--out) hoặc, nếu muốn tạo lại đúng văn bản số đó, dùng --number.',
    en: '{file} already exists; cchc does not write over another document. Choose another name (--out), or to regenerate that very number use --number.',
  },
  /** `{who}`: the holder (`cchc report, pid 123`); `{since}`: lockedSince, or nothing. */
  locked: {
    vi: 'Tệp {file} đang được ghi bởi một lần chạy khác ({who}{since}); đã chờ {secs} giây. Tệp không bị thay đổi. Thử lại khi lần chạy kia xong.',
    en: '{file} is being written by another run ({who}{since}); waited {secs} s. The file is unchanged. Try again when that run is done.',
  },
  lockedSince: { vi: ', từ {time}', en: ', since {time}' },
  changedMeanwhile: {
    vi: 'Bảng tính vừa được một chương trình khác (Excel, LibreOffice) lưu trong lúc cchc làm việc; cchc không ghi đè lên. Hãy chạy lại.',
    en: 'Another program (Excel, LibreOffice) saved the workbook while cchc was working; cchc did not write over it. Run it again.',
  },
  // ---------------------------------------------------------------- what a write would lose (xlsx-workbook.ts)
  /** `{others}`: moreCells after a space, or nothing. */
  cellOverExcel: {
    vi: 'Trang "{sheet}", ô {cell} dài {chars} ký tự{others}, quá giới hạn {excel} ký tự một ô của Excel; cchc không ghi tệp có ô như vậy. Rút ngắn ô đó rồi chạy lại; tệp giữ nguyên.',
    en: 'Sheet "{sheet}", cell {cell} holds {chars} characters{others}, over Excel\'s {excel} per cell; cchc does not write a file with such a cell. Shorten it and run again; the file is unchanged.',
  },
  moreCells: { vi: '(và {count} ô khác)', en: '(and {count} more)' },
  /** `{parts}`: the labels below, joined (preserve.ts labelsText). */
  unkeptParts: {
    vi: 'Tệp {file} có {parts} mà cchc chưa giữ lại được khi ghi, nên không ghi vào tệp này (tệp giữ nguyên). Muốn có kết quả thì ghi ra một tệp mới: --out TEP-MOI.xlsx (tệp mới sẽ không có các phần đó).',
    en: '{file} holds {parts}, which cchc cannot keep when it writes, so it does not write this file (it is unchanged). To get the results, write a new file: --out NEW.xlsx (without those parts).',
  },
  notKeptOnSave: {
    vi: 'Ghi tệp sẽ làm mất {parts} của {file}, nên cchc không ghi (tệp giữ nguyên). Hãy báo lỗi này cho người phát triển.',
    en: 'Writing would lose {parts} of {file}, so cchc does not write (the file is unchanged). Please report this.',
  },
  moreParts: { vi: 'và {count} phần khác', en: 'and {count} more' },
  // ---------------------------------------------------------------- the parts of a package, as a list names them
  part_pivot: { vi: 'bảng tổng hợp (PivotTable)', en: 'pivot tables' },
  part_chartsheet: { vi: 'trang biểu đồ riêng (chart sheet)', en: 'chart sheets' },
  part_dialogsheet: { vi: 'trang hộp thoại hoặc macro cũ', en: 'dialog or macro sheets' },
  part_externalLink: { vi: 'liên kết tới tệp khác', en: 'links to other workbooks' },
  part_slicer: { vi: 'bộ lọc slicer/timeline', en: 'slicers or timelines' },
  part_threadedComment: { vi: 'chuỗi bình luận (threaded comments)', en: 'threaded comments' },
  part_controls: { vi: 'nút bấm, ô chọn (form controls)', en: 'form controls' },
  part_ole: { vi: 'đối tượng nhúng (OLE, ActiveX)', en: 'embedded objects (OLE, ActiveX)' },
  part_vba: { vi: 'macro (VBA)', en: 'macros (VBA)' },
  part_connections: { vi: 'kết nối dữ liệu ngoài', en: 'external data connections' },
  part_dynamicArrays: { vi: 'công thức mảng động', en: 'dynamic array formulas' },
  part_richData: { vi: 'ảnh trong ô', en: 'pictures in cells' },
  part_headerPictures: { vi: 'ảnh ở đầu/chân trang', en: 'header or footer pictures' },
  part_customViews: { vi: 'chế độ xem tùy chỉnh (custom views)', en: 'custom views' },
  part_legacyShapes: { vi: 'hình vẽ kiểu cũ (VML)', en: 'legacy (VML) shapes' },
  part_smartTags: { vi: 'thẻ thông minh (smart tags)', en: 'smart tags' },
  part_webPublish: { vi: 'thiết lập xuất bản web', en: 'web publishing items' },
  part_dataModel: { vi: 'mô hình dữ liệu (Power Pivot)', en: 'a data model (Power Pivot)' },
  part_customProperties: { vi: 'thuộc tính tùy chỉnh của trang', en: 'custom sheet properties' },
  part_drawingLinks: { vi: 'hình vẽ liên kết vào bảng tính', en: 'drawings linked into the workbook' },
  part_unreadable: { vi: 'những phần cchc không đọc được cấu trúc', en: 'parts whose structure cchc cannot read' },
  part_other: { vi: 'phần "{name}"', en: 'part "{name}"' },
  // What the check after a write found missing.
  lost_sheet: { vi: 'trang "{sheet}"', en: 'sheet "{sheet}"' },
  lost_drawings: { vi: 'hình vẽ, biểu đồ trên trang "{sheet}"', en: 'drawings and charts on sheet "{sheet}"' },
  lost_sheetElement: { vi: '{element} trên trang "{sheet}"', en: '{element} on sheet "{sheet}"' },
  lost_tables: { vi: 'bảng (table) trên trang "{sheet}"', en: 'tables on sheet "{sheet}"' },
  lost_background: { vi: 'ảnh nền trang "{sheet}"', en: 'background picture of sheet "{sheet}"' },
  lost_name: { vi: 'tên vùng "{name}"', en: 'defined name "{name}"' },
  lost_bookElement: { vi: '{element} của bảng tính', en: 'the workbook\'s {element}' },
} satisfies Catalogue;
