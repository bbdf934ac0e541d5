// The initiatives report (the report contract (README) `initiatives`): BÁO CÁO Kết quả thực hiện sáng kiến, mô
// hình, giải pháp cải cách hành chính năm 2024: the registration list and the results. Counts come
// from `Progress.initiatives`; the rows listed are the ones it counts (not blocked).

import type { Initiative, SchoolData } from '../model.ts';
import type { Progress } from '../progress/types.ts';
import { AREAS, AWARD_ELIGIBILITY, INITIATIVE_STAGE, enumLabel } from '../contract/enums.ts';
import { countedInitiatives, isEligible, totalScore } from '../progress/initiatives.ts';
import { cell, heading, para, placeholder, table, type Block, type DocModel, DECREE_30_PAGE } from './doc-model.ts';
import { closingParagraph, dashList, headerBlock, leftOutNote, signatureBlock, stageCountsPhrase, titleBlock, type BuildOptions } from './common.ts';
import { formatDate, formatNumber } from './vn-format.ts';

const areaShort = (x: Initiative): string => (x.area ? (AREAS.find((a) => a.code === x.area)?.shortVi ?? '') : '');

export function buildInitiatives(data: SchoolData, progress: Progress, opts: BuildOptions): DocModel {
  const s = data.settings;
  const year = opts.year;
  const unit = s.unitName.trim();
  const ini = progress.initiatives;
  const listed = countedInitiatives(data.initiatives, opts.asOf);

  const blocks: Block[] = [
    headerBlock(s, 'BC', opts.number, opts.date),
    titleBlock('Báo cáo', ['Kết quả thực hiện sáng kiến, mô hình, giải pháp', `cải cách hành chính năm ${year}`]),
    ...leftOutNote(data),
    para(
      `Thực hiện phong trào thi đua về cải cách hành chính năm ${year}, ${unit} báo cáo kết quả đăng ký và thực hiện ` +
        `sáng kiến, mô hình, giải pháp cải cách hành chính (số liệu tính đến ngày ${formatDate(opts.asOf)}) như sau:`,
    ),
    heading(1, 'I.', 'TÌNH HÌNH ĐĂNG KÝ'),
  ];

  const individual = listed.filter((x) => x.individual === true).length;
  const collective = listed.filter((x) => x.individual === false).length;
  if (ini.total === 0) {
    blocks.push(para(`Năm ${year}, đơn vị chưa có sáng kiến, mô hình, giải pháp cải cách hành chính được đăng ký.`));
  } else {
    const who = [individual > 0 ? `cá nhân ${individual}` : '', collective > 0 ? `tập thể ${collective}` : ''].filter(Boolean).join(', ');
    blocks.push(para(`Tổng số sáng kiến, mô hình, giải pháp được đăng ký: ${ini.total}${who ? ` (${who})` : ''}.`));
    if (s.registrationDeadline) {
      const late = listed.filter((x) => x.registered !== null && x.registered > s.registrationDeadline!).length;
      blocks.push(
        para(
          `Hạn đăng ký: ${formatDate(s.registrationDeadline)}` +
            (late > 0 ? `; có ${late} đăng ký sau hạn.` : '; các đăng ký đều trong hạn.'),
        ),
      );
    }
    blocks.push(
      table(
        'Bảng 1. Danh sách đăng ký sáng kiến, mô hình, giải pháp',
        [
          { header: 'STT', width: 0.08, align: 'center' },
          { header: 'Tên sáng kiến, mô hình, giải pháp', width: 0.31, align: 'left' },
          { header: 'Hình thức', width: 0.13, align: 'center' },
          { header: 'Lĩnh vực', width: 0.15, align: 'left' },
          { header: 'Tác giả', width: 0.17, align: 'left' },
          { header: 'Ngày đăng ký', width: 0.16, align: 'center' },
        ],
        listed.map((x, i) => [
          cell(String(i + 1)),
          cell(x.name),
          cell(x.form),
          cell(areaShort(x)),
          cell(x.authors),
          cell(x.registered ? formatDate(x.registered) : ''),
        ]),
      ),
    );
  }

  blocks.push(heading(1, 'II.', 'KẾT QUẢ THỰC HIỆN'));
  if (ini.total === 0) {
    blocks.push(para('Chưa có sáng kiến, mô hình, giải pháp để báo cáo kết quả thực hiện.'));
  } else {
    blocks.push(para(`Theo giai đoạn thực hiện: ${stageCountsPhrase(ini.byStage)}.`));
    blocks.push(
      table(
        'Bảng 2. Kết quả thực hiện sáng kiến, mô hình, giải pháp',
        [
          { header: 'STT', width: 0.08, align: 'center' },
          { header: 'Tên sáng kiến, mô hình, giải pháp', width: 0.22, align: 'left' },
          { header: 'Giai đoạn', width: 0.13, align: 'center' },
          { header: 'Kết quả, hiệu quả', width: 0.2, align: 'left' },
          { header: 'Minh chứng', width: 0.15, align: 'left' },
          { header: 'Điểm', width: 0.09, align: 'center' },
          { header: 'Đề xuất', width: 0.13, align: 'center' },
        ],
        listed.map((x, i) => {
          const score = totalScore(x);
          return [
            cell(String(i + 1)),
            cell(x.name),
            cell(enumLabel(INITIATIVE_STAGE, x.stage, 'vi')),
            cell(x.result),
            cell(x.evidence),
            cell(score === null ? '-' : formatNumber(score, 2)),
            cell(enumLabel(AWARD_ELIGIBILITY, isEligible(x, s.minAwardScore) ? 'eligible' : 'notEligible', 'vi')),
          ];
        }),
        `Điểm: tổng điểm năm tiêu chí (hợp pháp, hiệu quả; giải quyết vấn đề; tác động xã hội; tính ưu việt; khả năng phát triển), mỗi tiêu chí tối đa 20 điểm.`,
      ),
    );
  }

  // The heading names what the section holds: replication only when something is proposed for it.
  const replicate = listed.filter((x) => x.stage === 'proposed' || x.stage === 'recognised');
  blocks.push(heading(1, 'III.', replicate.length > 0 ? 'ĐỀ XUẤT KHEN THƯỞNG, NHÂN RỘNG' : 'ĐỀ XUẤT KHEN THƯỞNG'));
  const eligible = listed.filter((x) => isEligible(x, s.minAwardScore));
  if (ini.eligible === 0) {
    blocks.push(
      para(`Chưa có sáng kiến, mô hình, giải pháp đủ điều kiện đề xuất khen thưởng (đã nghiệm thu, tổng điểm từ ${formatNumber(s.minAwardScore, 2)} điểm trở lên).`),
    );
  } else {
    blocks.push(
      para(
        `Có ${ini.eligible} sáng kiến, mô hình, giải pháp đủ điều kiện đề xuất khen thưởng (đã nghiệm thu, tổng điểm từ ${formatNumber(s.minAwardScore, 2)} điểm trở lên):`,
      ),
    );
    blocks.push(
      dashList(eligible.map((x) => `${x.name} (${x.authors ? `tác giả: ${x.authors}; ` : ''}tổng điểm: ${formatNumber(totalScore(x) ?? 0, 2)})`)),
    );
  }
  if (replicate.length > 0) {
    blocks.push(para('Sáng kiến, mô hình, giải pháp đề xuất nhân rộng hoặc đã được công nhận:'));
    blocks.push(dashList(replicate.map((x) => `${x.name} (${enumLabel(INITIATIVE_STAGE, x.stage, 'vi').toLowerCase()})`)));
  }

  blocks.push(heading(1, 'IV.', 'ĐỀ XUẤT, KIẾN NGHỊ'));
  blocks.push(placeholder('Nêu các đề xuất, kiến nghị (nếu có).'));
  blocks.push(closingParagraph(`Trên đây là báo cáo kết quả thực hiện sáng kiến, mô hình, giải pháp cải cách hành chính năm ${year} của ${unit}./.`));
  blocks.push(signatureBlock(s));

  const num = String(opts.number).padStart(2, '0');
  return {
    modelVersion: 1,
    meta: {
      type: 'initiatives',
      number: opts.number,
      symbol: 'BC',
      unitCode: s.unitCode,
      date: opts.date,
      name: `Báo cáo sáng kiến CCHC năm ${year} - ${num}-BC-${s.unitCode}`,
    },
    page: DECREE_30_PAGE,
    blocks,
  };
}
