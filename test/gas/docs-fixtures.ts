// Report-like document models built by hand from doc-model types (independent of the report
// builders, which other engineers are changing), and the text a reader sees in order.

import { fakePng } from '../gas-runtime/blob.ts';
import {
  DECREE_30_PAGE,
  bullets,
  cell,
  heading,
  modelText,
  para,
  placeholder,
  run,
  type Block,
  type DocModel,
  type HeaderBlock,
  type TableBlock,
} from '../../src/core/report/doc-model.ts';

export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","Bấm vào đây")',
  script: '<script>alert("x")</script>',
  crlf: 'Dòng một\r\nDòng hai',
  control: 'Chuông\u0007 và\u0000 ký tự riêng \uE000 hết',
  emoji: 'Vui 😀 khỏe',
  nfd: 'Tiếng Việt có dấu'.normalize('NFD'),
  tab: 'Cột\tcột',
} as const;

export const PNG_BASE64 = Buffer.from(fakePng('chart')).toString('base64');

export function headerBlock(): HeaderBlock {
  return {
    kind: 'header',
    parentBody: ['ỦY BAN NHÂN DÂN QUẬN 1'],
    unitName: ['TRƯỜNG MẦM NON', 'BẾN THÀNH'],
    unitRule: { lengthMm: 20 },
    numberLine: 'Số: 12/BC-MNBT',
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    mottoRule: { lengthMm: 62 },
    placeDate: 'Quận 1, ngày 05 tháng 02 năm 2024',
    widthMm: 175,
    outdentMm: 10,
    columnWidths: [0.39, 0.61],
  };
}

export function tasksTable(rows: number, texts: string[] = []): TableBlock {
  return {
    kind: 'table',
    caption: 'Bảng 1. Kết quả thực hiện nhiệm vụ',
    columns: [
      { header: 'STT', width: 0.08, align: 'center' },
      { header: 'Nhiệm vụ', width: 0.5, align: 'left' },
      { header: 'Thời hạn', width: 0.2, align: 'center' },
      { header: 'Kết quả', width: 0.22, align: 'right' },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      cell(String(i + 1)),
      cell(texts[i % Math.max(1, texts.length)] ?? `Nhiệm vụ số ${i + 1}`),
      cell(`${String((i % 28) + 1).padStart(2, '0')}/06/2024`),
      cell(i % 3 === 0 ? 'Đúng hạn' : 'Trễ hạn', { bold: i % 3 !== 0 }),
    ]),
    note: 'Nguồn: trang Kế hoạch.',
    size: 13,
  };
}

export function reportModel(options: { rows?: number; chart?: boolean; hostile?: boolean } = {}): DocModel {
  const rows = options.rows ?? 5;
  const blocks: Block[] = [
    headerBlock(),
    { kind: 'title', docType: 'BÁO CÁO', subject: ['Kết quả thực hiện công tác cải cách hành chính', '6 tháng đầu năm 2024'], rule: { lengthMm: 40 } },
    para('Thực hiện Kế hoạch số 05/KH-MNBT ngày 10/01/2024, trường báo cáo như sau:'),
    heading(1, 'I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'),
    heading(2, '1.', 'Ban hành văn bản'),
    para([run('Tỷ lệ nhiệm vụ hoàn thành: '), run('98,5%', { bold: true }), run(' (đạt chỉ tiêu).', { italic: true })]),
    heading(3, 'a)', 'Các nhiệm vụ đã hoàn thành'),
    bullets(['Rà soát thủ tục hành chính;', [run('Niêm yết '), run('công khai', { underline: true }), run(' tại trường.')]]),
  ];
  if (options.hostile) {
    blocks.push(
      para(HOSTILE.formula),
      para(HOSTILE.script),
      bullets([HOSTILE.crlf, HOSTILE.control, HOSTILE.emoji, HOSTILE.nfd, HOSTILE.tab]),
      tasksTable(3, [HOSTILE.formula, HOSTILE.script, HOSTILE.crlf]),
    );
  }
  blocks.push(tasksTable(rows));
  if (options.chart) {
    blocks.push({
      kind: 'chart',
      title: 'Biểu đồ 1. Nhiệm vụ theo lĩnh vực',
      categories: ['LV1', 'LV2'],
      series: [{ name: 'Đúng hạn', color: '#2e7d32', values: [3, 4] }],
      valueLabel: 'Số nhiệm vụ',
      alt: 'Biểu đồ nhiệm vụ',
      widthMm: 150,
      aspect: 0.5,
    });
    // A table with a filled cell (a colour key), as the renderers draw cell fills.
    blocks.push({
      kind: 'table',
      caption: '',
      columns: [
        { header: 'Màu', width: 0.15, align: 'center' },
        { header: 'Ý nghĩa', width: 0.85, align: 'left' },
      ],
      rows: [[cell('', { fill: '#2e7d32' }), cell('Đúng hạn')]],
      note: '',
      size: 12,
      widthFraction: 0.6,
    });
  }
  blocks.push(
    { kind: 'pageBreak' },
    {
      kind: 'table',
      caption: 'Phụ lục',
      columns: [
        { header: 'STT', width: 0.1, align: 'center' },
        { header: 'Nội dung', width: 0.6, align: 'left' },
        { header: 'Ghi chú', width: 0.3, align: 'left' },
      ],
      rows: [
        [cell('I', { bold: true }), cell('LĨNH VỰC 1: CẢI CÁCH THỂ CHẾ', { bold: true, colSpan: 2 })],
        [cell('1'), cell('Rà soát văn bản'), cell('')],
      ],
      note: '',
      size: 13,
    },
    heading(1, 'VII.', 'ĐỀ XUẤT, KIẾN NGHỊ'),
    placeholder('nêu các đề xuất, kiến nghị (nếu có).'),
    {
      kind: 'signature',
      recipientsLabel: 'Nơi nhận:',
      recipients: ['- Phòng GD&ĐT Quận 1;', '- Lưu: VT.'],
      authority: 'KT. HIỆU TRƯỞNG',
      title: 'PHÓ HIỆU TRƯỞNG',
      signSpaceLines: 4,
      name: 'Nguyễn Thị Lan',
    },
  );
  return {
    modelVersion: 1,
    meta: { type: 'quarterly', number: 12, symbol: 'BC', unitCode: 'MNBT', date: '2024-02-05', name: 'BC 12-2024 CCHC 6 thang - MNBT' },
    page: DECREE_30_PAGE,
    blocks,
  };
}

/** Text as the Docs API keeps it: control characters stripped, a typed line break is a soft break. */
const asInDoc = (s: string): string => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g, (c) => (c === '\n' ? c : ''));

/**
 * What a reader sees, in order: modelText, except that the Decree 30 header table is read row by
 * row (parent body, unit, motto; then the number and the place-and-date line), as in the .docx.
 */
export function readingOrder(model: DocModel): string[] {
  const out: string[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'header') out.push(...b.parentBody, ...b.unitName, ...b.motto, b.numberLine, b.placeDate);
    else out.push(...modelText({ ...model, blocks: [b] }));
  }
  return out.map(asInDoc).filter((s) => s !== '');
}
