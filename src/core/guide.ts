// The `Hướng dẫn` sheet and the contract page (`cchc template --markdown`): both written from the
// contract data (sheets, columns, settings, enums), so neither can disagree with what the reader
// accepts. One list of rows; two renderings.

import {
  AREAS,
  TEMPLATE_VERSION,
  areaDropdownValue,
  dropdownValues,
  headerNote,
  settingsFor,
  type SheetSpec,
} from './contract/index.ts';
import { tr, type Text2 } from './i18n.ts';
import type { Lang } from './model.ts';
import type { WriteCell } from './ports.ts';

const GUIDE_TEXT = {
  title: { vi: 'HƯỚNG DẪN NHẬP LIỆU: THEO DÕI CẢI CÁCH HÀNH CHÍNH', en: 'HOW TO FILL IN: ADMINISTRATIVE REFORM TRACKING' },
  version: { vi: 'Mẫu phiên bản {version}. Sheet này do tiện ích viết lại mỗi lần Cài đặt mẫu; không cần sửa.', en: 'Template version {version}. The add-on rewrites this sheet on every Install template; no need to edit it.' },
  generalTitle: { vi: 'Quy tắc chung', en: 'General rules' },
  general: [
    { vi: 'Dòng 1 của mỗi sheet là dòng tiêu đề; nhập dữ liệu từ dòng 2. Có thể thêm dòng tiêu đề riêng phía trên (trong 10 dòng đầu), đổi thứ tự cột, hoặc thêm cột riêng: tiện ích vẫn đọc đúng và giữ nguyên cột của bạn.', en: 'Row 1 of each sheet is the header row; type data from row 2. You may add your own title rows above it (within the first 10 rows), reorder columns or add your own columns: they are kept and ignored.' },
    { vi: 'Ngày nhập theo ngày/tháng/năm, ví dụ 10/06/2024 hoặc 10/6/2024. Ngày không có thật (31/02/2024) bị báo lỗi.', en: 'Dates are day/month/year, e.g. 10/06/2024 or 10/6/2024. A date that does not exist (31/02/2024) is an error.' },
    { vi: 'Tỷ lệ nhập dạng phần trăm: 98%, 98,5%. Số thập phân dùng dấu phẩy hoặc dấu chấm.', en: 'Ratios as percent: 98%, 98,5%. Decimals take a comma or a point.' },
    { vi: 'Cột có dấu ⚙ do tiện ích tự tính (tô nền xám); không nhập vào các cột này.', en: 'Columns marked ⚙ are computed by the add-on (grey); do not type in them.' },
    { vi: 'Các cột có danh sách chọn: chọn giá trị trong danh sách; gõ giá trị khác sẽ được nhắc.', en: 'Columns with a dropdown: pick a value from the list; other values are flagged.' },
    { vi: 'Dòng trống được bỏ qua. Ô bị tô đỏ kèm ghi chú sau khi Kiểm tra dữ liệu là ô cần sửa.', en: 'Empty rows are skipped. Cells painted red with a note after Check data need fixing.' },
  ],
  areasTitle: { vi: 'Tám lĩnh vực cải cách hành chính (cột Lĩnh vực)', en: 'The eight reform areas (column Lĩnh vực)' },
  areasHint: { vi: 'Có thể chọn trong danh sách, gõ mã LV1…LV8 hoặc số 1…8.', en: 'Pick from the list, or type LV1…LV8 or 1…8.' },
  columnsHead: { vi: ['Cột', 'Bắt buộc', 'Cách nhập', 'Giá trị được chọn'], en: ['Column', 'Required', 'How to fill', 'Allowed values'] },
  settingsHead: { vi: ['Mục', 'Bắt buộc', 'Ý nghĩa', 'Ví dụ'], en: ['Item', 'Required', 'Meaning', 'Example'] },
  yes: { vi: 'Có', en: 'Yes' },
  computed: { vi: '⚙ tự tính', en: '⚙ computed' },
  purpose: {
    settings: { vi: 'Thông tin chung của đơn vị: mỗi dòng một mục, nhập ở cột Giá trị.', en: 'The unit\'s settings: one item a row, typed in the Giá trị column.' },
    people: { vi: 'Danh sách Ban chỉ đạo CCHC và cán bộ, giáo viên, nhân viên chủ trì nhiệm vụ.', en: 'The reform steering committee and the staff who lead tasks.' },
    tasks: { vi: 'Các nhiệm vụ của kế hoạch CCHC năm: mỗi nhiệm vụ một dòng.', en: 'The tasks of the year\'s reform plan: one task a row.' },
    kpis: { vi: 'Các chỉ tiêu của kế hoạch; nhập kết quả từng quý vào cột Quý … - Đạt (và - Tổng với chỉ tiêu tỷ lệ).', en: 'The plan\'s targets; type each quarter\'s result in Quý … - Đạt (and - Tổng for ratios).' },
    initiatives: { vi: 'Sáng kiến, mô hình, giải pháp, công trình, cách làm hay về CCHC.', en: 'Reform initiatives, models, solutions, works and good practices.' },
    activities: { vi: 'Hoạt động tuyên truyền, hội thi, tọa đàm, tập huấn, kiểm tra…; chỉ tiêu có nguồn “Hoạt động: …” tự đếm từ đây.', en: 'Communication, contests, dialogues, training, inspections…; targets sourced from activities count them here.' },
    dashboard: {
      vi: 'Bảng tổng hợp do tiện ích ghi (Cập nhật tiến độ); không nhập vào sheet này. Ô B2 là ngày tính số liệu: màu hạn hoàn thành ở sheet Kế hoạch (đỏ quá hạn, vàng sắp đến hạn, xanh đã xong) tính theo ngày này, như cột ⚙ Tình trạng; khi B2 còn trống thì theo ngày hôm nay.',
      en: 'The dashboard, written by the add-on (Update progress); do not type here. Cell B2 holds the date the figures are for: the deadline colours of Kế hoạch (red overdue, amber due soon, green done) go by it, as ⚙ Tình trạng does; while B2 is empty they go by today.',
    },
    log: { vi: 'Nhật ký các thao tác của tiện ích; không nhập vào sheet này.', en: 'The add-on\'s log; do not type here.' },
    guide: { vi: 'Hướng dẫn này; tiện ích viết lại mỗi lần Cài đặt mẫu.', en: 'This guide; the add-on rewrites it on every Install template.' },
    units: { vi: 'Danh sách đơn vị trực thuộc và liên kết tới bảng tính của từng đơn vị.', en: 'The units and the link to each unit\'s spreadsheet.' },
    unitSummary: { vi: 'Tổng hợp số liệu các đơn vị, do tiện ích ghi.', en: 'Figures of every unit, written by the add-on.' },
    unitKpis: { vi: 'Chỉ tiêu của từng đơn vị, do tiện ích ghi.', en: 'Targets of every unit, written by the add-on.' },
    unitState: { vi: 'Sheet ẩn: tiện ích lưu lần đọc gần nhất của từng đơn vị để lần cập nhật sau chỉ đọc lại đơn vị có thay đổi; không sửa.', en: 'Hidden: the add-on keeps each unit\'s last read here, so the next refresh re-reads only units that changed; do not edit.' },
  } as Record<string, Text2>,
} as const;

/** The guide's rows, written from the contract data so they never disagree with it. */
export function guideRows(sheets: readonly SheetSpec[], lang: Lang): { rows: WriteCell[][]; titleRows: number[]; sectionRows: number[]; headRows: number[] } {
  const rows: WriteCell[][] = [];
  const titleRows: number[] = [];
  const sectionRows: number[] = [];
  const headRows: number[] = [];
  const push = (line: WriteCell[], kind?: 'title' | 'section' | 'head'): void => {
    rows.push(line);
    const n = rows.length;
    if (kind === 'title') titleRows.push(n);
    if (kind === 'section') sectionRows.push(n);
    if (kind === 'head') headRows.push(n);
  };
  push([tr(lang, GUIDE_TEXT.title)], 'title');
  push([tr(lang, GUIDE_TEXT.version, { version: TEMPLATE_VERSION })]);
  push([]);
  push([tr(lang, GUIDE_TEXT.generalTitle)], 'section');
  for (const g of GUIDE_TEXT.general) push([`• ${tr(lang, g)}`]);
  push([]);
  push([tr(lang, GUIDE_TEXT.areasTitle)], 'section');
  for (const a of AREAS) push([a.code, '', areaDropdownValue(a)]);
  push([tr(lang, GUIDE_TEXT.areasHint)]);

  for (const s of sheets) {
    push([]);
    push([`Sheet “${s.name}”`, '', tr(lang, GUIDE_TEXT.purpose[s.key] ?? { vi: '', en: '' })], 'section');
    if (s.role === 'settings') {
      push([...GUIDE_TEXT.settingsHead[lang]], 'head');
      // The district's guide lists the district's rows (a school's has no Tự động cập nhật).
      for (const st of settingsFor(sheets.some((x) => !x.school) ? 'district' : 'school')) {
        push([st.label, st.required ? tr(lang, GUIDE_TEXT.yes) : '', lang === 'vi' ? st.help.vi : st.help.en, st.example]);
      }
      continue;
    }
    if (s.columns.length === 0 || s.role === 'output' || s.role === 'log') continue;
    push([...GUIDE_TEXT.columnsHead[lang]], 'head');
    for (const c of s.columns) {
      const values = c.type.kind === 'area' ? null : dropdownValues(c);
      push([
        c.header,
        c.computed ? tr(lang, GUIDE_TEXT.computed) : c.required ? tr(lang, GUIDE_TEXT.yes) : '',
        headerNote(c, lang),
        values ? values.join('; ') : '',
      ]);
    }
  }
  return { rows, titleRows, sectionRows, headRows };
}


/** The guide as a Markdown page: the workbook contract a user's clone carries with it. */
export function guideMarkdown(sheets: readonly SheetSpec[], lang: Lang): string {
  const { rows, titleRows, sectionRows, headRows } = guideRows(sheets, lang);
  const cell = (v: WriteCell | undefined): string => (v === null || v === undefined ? '' : String(v)).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const out: string[] = [];
  let table = 0; // width of the table being written, 0 outside one
  rows.forEach((line, i) => {
    const n = i + 1;
    const texts = line.map(cell);
    if (titleRows.includes(n)) {
      out.push(`# ${texts[0]}`, '');
    } else if (sectionRows.includes(n)) {
      table = 0;
      out.push('', `## ${texts.filter((t) => t !== '').join(' — ')}`, '');
    } else if (headRows.includes(n)) {
      table = texts.length;
      out.push(`| ${texts.join(' | ')} |`, `|${' --- |'.repeat(table)}`);
    } else if (texts.every((t) => t === '')) {
      if (table) out.push('');
      table = 0;
    } else if (table) {
      out.push(`| ${Array.from({ length: table }, (_, k) => texts[k] ?? '').join(' | ')} |`);
    } else {
      // A rule (`• …`) or an area (code, name) is a list item; any other line a paragraph.
      const parts = texts.filter((t) => t !== '');
      if (parts[0]?.startsWith('• ')) out.push(`- ${parts.join(' · ').slice(2)}`);
      else if (parts.length > 1) out.push(`- ${parts.join(' · ')}`);
      else out.push('', parts[0] ?? '', '');
    }
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
