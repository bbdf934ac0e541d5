// The plan (the report contract (README) `plan`): KẾ HOẠCH Thực hiện công tác cải cách hành chính năm 2024, written
// like seed 001 from `Kế hoạch` and `Chỉ tiêu`: I. Mục tiêu; II. Chỉ tiêu (as sentences); III.
// Nhiệm vụ trọng tâm by area; IV. Kinh phí thực hiện (the workbook has no budget: the principal
// writes the figure); V. Tổ chức thực hiện; then the appendix assigning tasks.
//
// Which rows: a plan lists the tasks and targets the workbook counts (not blocked by an error),
// and leaves out cancelled tasks (Hủy bỏ: no longer part of the plan). Task text is printed as
// typed.

import type { IsoDate, SchoolData, Task } from '../model.ts';
import type { Progress } from '../progress/types.ts';
import { AREAS, CCHC_ROLE, enumLabel } from '../contract/enums.ts';
import { SHEET_NAMES } from '../contract/index.ts';
import { cell, heading, para, placeholder, run, table, type Block, type DocModel, type TableCell, DECREE_30_PAGE } from './doc-model.ts';
import { closingParagraph, dashList, headerBlock, kpiPlanTarget, leftOutNote, signatureBlock, titleBlock, type BuildOptions } from './common.ts';
import { capitalFirst, dateWords, documentNumber, formatDate, roman } from './vn-format.ts';
import { fitCount, listBudget } from './cap.ts';

/** The tasks a plan lists, in sheet order. */
export function planTasks(data: SchoolData): Task[] {
  return data.tasks.filter((t) => !t.blocked && t.status !== 'cancelled' && t.area !== null);
}

const endWith = (s: string, p: string): string => (/[.;:!?]$/.test(s) ? s : `${s}${p}`);

function objectives(data: SchoolData, year: number, nTasks: number, nKpis: number): Block[] {
  const s = data.settings;
  const parent = s.parentBody.trim();
  // `hoàn thành 33 nhiệm vụ trọng tâm, thực hiện đạt 16 chỉ tiêu`; a count of 0 is not written.
  const aims = [nTasks > 0 ? `hoàn thành ${nTasks} nhiệm vụ trọng tâm` : '', nKpis > 0 ? `thực hiện đạt ${nKpis} chỉ tiêu` : ''].filter(Boolean);
  return [
    heading(1, 'I.', 'MỤC TIÊU'),
    para(
      `1. Triển khai đầy đủ, hiệu quả các nhiệm vụ cải cách hành chính năm ${year}` +
        (parent ? ` theo chỉ đạo của ${parent}` : '') +
        (aims.length > 0 ? `; ${aims.join(', ')} đề ra trong Kế hoạch này.` : '.'),
    ),
    para(
      '2. Xác định rõ trách nhiệm của người đứng đầu, của từng cá nhân, bộ phận trong việc triển khai nhiệm vụ cải cách ' +
        'hành chính; gắn kết quả thực hiện với đánh giá, xếp loại và thi đua, khen thưởng.',
    ),
    para(
      '3. Nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số, ' +
        'nâng cao sự hài lòng của phụ huynh học sinh đối với nhà trường.',
    ),
  ];
}

function targets(data: SchoolData): Block[] {
  const out: Block[] = [heading(1, 'II.', 'CHỈ TIÊU')];
  const kpis = data.kpis.filter((k) => !k.blocked);
  if (kpis.length === 0) {
    out.push(placeholder('Nêu các chỉ tiêu của Kế hoạch (trang Chỉ tiêu chưa có chỉ tiêu nào).'));
    return out;
  }
  // Grouped by area in the order of the eight areas, then sheet order.
  const ordered = AREAS.flatMap((a) => kpis.filter((k) => k.area === a.code)).concat(kpis.filter((k) => k.area === null));
  ordered.forEach((k, i) => {
    const title = k.title.trim().replace(/[.;:]+$/, '');
    out.push(para(`${i + 1}. ${title}${kpiPlanTarget(k)}.`));
  });
  return out;
}

function focusTasks(data: SchoolData, unit: string): Block[] {
  const out: Block[] = [heading(1, 'III.', 'NHIỆM VỤ TRỌNG TÂM')];
  out.push(para(`Bên cạnh triển khai đầy đủ các nhiệm vụ cải cách hành chính theo chỉ đạo của cấp trên, ${unit} tập trung thực hiện các nội dung trọng tâm sau:`));
  const tasks = planTasks(data);
  // The section lists every task by area, as long as it stays readable (cap.ts): past the cap
  // one line says how many more there are and where (the appendix and the sheet list them).
  const byArea = AREAS.map((a) => ({ area: a, mine: tasks.filter((t) => t.area === a.code) })).filter((g) => g.mine.length > 0);
  const line = (n: number, i: number, t: Task) => `${n}.${i + 1}. ${endWith(t.title.trim(), '.')}`;
  const sizes = byArea.flatMap((g, k) => g.mine.map((t, i) => line(k + 1, i, t).length));
  const shown = fitCount(sizes, listBudget());
  let room = shown;
  byArea.forEach((g, k) => {
    if (room <= 0) return;
    out.push(heading(2, `${k + 1}.`, g.area.vi));
    g.mine.slice(0, room).forEach((t, i) => out.push(para(line(k + 1, i, t))));
    room -= Math.min(room, g.mine.length);
  });
  if (shown < tasks.length) {
    out.push(para([run(`… và ${tasks.length - shown} nhiệm vụ khác: danh sách đầy đủ ở Phụ lục và trang “${SHEET_NAMES.tasks}” của bảng tính.`, { italic: true })]));
  }
  if (byArea.length === 0) out.push(placeholder('Nêu các nhiệm vụ trọng tâm (trang Kế hoạch chưa có nhiệm vụ nào).'));
  out.push(para('(Nội dung phân công chi tiết theo Phụ lục đính kèm)', { align: 'center', indent: false }));
  return out;
}

/**
 * IV. Kinh phí thực hiện, worded as seed 001. The workbook has no budget figure, so the principal
 * writes it (or strikes the line when the plan has no spending of its own).
 */
function funding(data: SchoolData): Block[] {
  const parent = data.settings.parentBody.trim();
  return [
    heading(1, 'IV.', 'KINH PHÍ THỰC HIỆN'),
    para(`Đơn vị bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch này trong dự toán ngân sách hằng năm được ${parent || 'cấp có thẩm quyền'} giao.`),
    placeholder('Ghi kinh phí dự kiến (số tiền, nguồn kinh phí) nếu Kế hoạch có khoản chi riêng; nếu không có, xóa dòng này.'),
  ];
}

function organisation(data: SchoolData, year: number): Block[] {
  const s = data.settings;
  const head = s.signerTitle.trim() && !/^phó\s/i.test(s.signerTitle.trim()) ? s.signerTitle.trim() : 'Hiệu trưởng';
  const out: Block[] = [heading(1, 'V.', 'TỔ CHỨC THỰC HIỆN')];
  out.push(heading(2, '1.', capitalFirst(head)));
  out.push(
    dashList([
      `Chỉ đạo, tổ chức triển khai Kế hoạch thực hiện công tác cải cách hành chính năm ${year} của đơn vị; phân công nhiệm vụ cụ thể cho từng cá nhân, bộ phận`,
      'Định kỳ hằng quý kiểm tra, đánh giá tiến độ, kết quả thực hiện nhiệm vụ, chỉ tiêu; báo cáo cấp trên theo quy định',
    ]),
  );
  out.push(heading(2, '2.', 'Ban Chỉ đạo cải cách hành chính'));
  const committee = data.people.filter((p) => p.role !== null && p.role !== 'assistant');
  if (committee.length > 0) {
    out.push(para('Ban Chỉ đạo cải cách hành chính của đơn vị gồm:', {}));
    out.push(dashList(committee.map((p) => `${p.name}${p.title ? `, ${p.title}` : ''}: ${enumLabel(CCHC_ROLE, p.role!, 'vi').toLowerCase()}`)));
  }
  out.push(para('Theo dõi, đôn đốc, hướng dẫn các bộ phận, cá nhân thực hiện Kế hoạch; tổng hợp kết quả, đề xuất biện pháp khắc phục hạn chế.'));
  out.push(heading(2, '3.', 'Các bộ phận, cá nhân được phân công'));
  out.push(
    para(
      'Chủ động triển khai các nhiệm vụ được phân công tại Phụ lục kèm theo Kế hoạch này, bảo đảm đúng thời hạn và sản phẩm; ' +
        'cập nhật kịp thời tiến độ, kết quả và minh chứng vào sổ theo dõi công tác cải cách hành chính của đơn vị.',
    ),
  );
  const milestones: [string, IsoDate | null][] = [
    ['Đăng ký sáng kiến, mô hình, giải pháp cải cách hành chính', s.registrationDeadline],
    ['Báo cáo kết quả thực hiện sáng kiến đợt 1', s.phase1Deadline],
    ['Báo cáo kết quả thực hiện sáng kiến đợt 2', s.phase2Deadline],
    ['Hoàn thành hồ sơ đề nghị khen thưởng', s.awardDossierDeadline],
  ];
  const dated = milestones.filter((m): m is [string, IsoDate] => m[1] !== null);
  if (dated.length > 0) {
    out.push(heading(2, '4.', 'Các mốc thời gian'));
    out.push(dashList(dated.map(([label, d]) => `${label}: trước ngày ${formatDate(d)}`)));
  }
  return out;
}

function appendix(data: SchoolData, year: number, opts: BuildOptions): Block[] {
  const s = data.settings;
  const tasks = planTasks(data);
  const rows: TableCell[][] = [];
  let areaN = 0;
  for (const a of AREAS) {
    const mine = tasks.filter((t) => t.area === a.code);
    if (mine.length === 0) continue;
    areaN++;
    rows.push([cell(roman(areaN), { bold: true }), cell(a.vi, { bold: true, colSpan: 5, align: 'left' })]);
    mine.forEach((t, i) =>
      rows.push([cell(String(i + 1)), cell(t.title), cell(t.owner), cell(t.support), cell(t.due ? formatDate(t.due) : ''), cell(t.output)]),
    );
  }
  return [
    { kind: 'pageBreak' },
    para([run('PHỤ LỤC', { bold: true })], { align: 'center', indent: false }),
    para([run(`PHÂN CÔNG NHIỆM VỤ\nTHỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, { bold: true })], {
      align: 'center',
      indent: false,
    }),
    para(
      [run(`(Kèm theo Kế hoạch ${documentNumber(opts.number, 'KH', s.unitCode).replace(/^Số: /, 'số ')} ${dateWords(opts.date)} của ${s.unitName.trim()})`, { italic: true })],
      { align: 'center', indent: false },
    ),
    table(
      '',
      [
        { header: 'STT', width: 0.08, align: 'center' },
        { header: 'Nhiệm vụ', width: 0.34, align: 'left' },
        { header: 'Chủ trì', width: 0.15, align: 'left' },
        { header: 'Phối hợp', width: 0.14, align: 'left' },
        { header: 'Thời hạn', width: 0.15, align: 'center' },
        { header: 'Sản phẩm', width: 0.14, align: 'left' },
      ],
      rows,
    ),
  ];
}

export function buildPlan(data: SchoolData, _progress: Progress, opts: BuildOptions): DocModel {
  const s = data.settings;
  const year = opts.year;
  const unit = s.unitName.trim();
  const tasks = planTasks(data);
  const nKpis = data.kpis.filter((k) => !k.blocked).length;
  const blocks: Block[] = [
    headerBlock(s, 'KH', opts.number, opts.date),
    titleBlock('Kế hoạch', `Thực hiện công tác cải cách hành chính năm ${year}`),
    ...leftOutNote(data),
    placeholder('Ghi các văn bản căn cứ (kế hoạch, công văn của cấp trên về cải cách hành chính năm nay), mỗi văn bản một dòng.'),
    para(`${capitalFirst(unit)} xây dựng Kế hoạch thực hiện công tác cải cách hành chính (CCHC) năm ${year} cụ thể như sau:`),
    ...objectives(data, year, tasks.length, nKpis),
    ...targets(data),
    ...focusTasks(data, unit),
    ...funding(data),
    ...organisation(data, year),
    closingParagraph(`Trên đây là Kế hoạch thực hiện công tác cải cách hành chính năm ${year} của ${unit}, đề nghị CB-GV-NV nhà trường nghiêm túc thực hiện./.`),
    signatureBlock(s),
    ...appendix(data, year, opts),
  ];
  const num = String(opts.number).padStart(2, '0');
  return {
    modelVersion: 1,
    meta: { type: 'plan', number: opts.number, symbol: 'KH', unitCode: s.unitCode, date: opts.date, name: `Kế hoạch CCHC năm ${year} - ${num}-KH-${s.unitCode}` },
    page: DECREE_30_PAGE,
    blocks,
  };
}
