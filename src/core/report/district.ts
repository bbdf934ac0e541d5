// The district's report (type `district`, ký hiệu BC): BÁO CÁO Tổng hợp kết quả thực hiện công
// tác cải cách hành chính của các đơn vị, in the Decree 30 layout of the schools' reports. Every
// figure comes from the DistrictAggregate (each school's own reader and progress at the
// district's as-of date); the header, the signer and the recipients from the district's
// `Thông tin`; the targets' wording from the schools (KpiTitles). What users typed (names,
// codes, titles) is printed as text, never read as anything else.

import { AREAS, KPI_STATUS, UNIT_READ_STATUS, enumLabel } from '../contract/enums.ts';
import { headTitleOf } from '../contract/settings.ts';
import { districtKpiCodes } from '../district/sheets.ts';
import { isCounted, type DistrictAggregate, type KpiTitles, type SchoolResult } from '../district/types.ts';
import type { KpiStatus, Settings } from '../model.ts';
import { shareDone } from '../progress/dashboard.ts';
import { zeroKpiCounts } from '../progress/kpis.ts';
import type { KpiCounts, TaskCounts } from '../progress/types.ts';
import { cell, heading, para, placeholder, table, type Block, type DocModel, DECREE_30_PAGE, type TableCell } from './doc-model.ts';
import { closingParagraph, dashList, headerBlock, signatureBlock, titleBlock, type BuildOptions } from './common.ts';
import { areaTasksTable, doneShare, kpisByStatusChart, tasksByAreaChart, tasksSummary } from './quarterly.ts';
import { capitalFirst, formatDate, formatPercent, periodPhrase } from './vn-format.ts';

export interface DistrictReportData {
  /** The district's `Thông tin`. */
  settings: Settings;
  aggregate: DistrictAggregate;
  /** The targets' wording by code (the schools' own). */
  titles: KpiTitles;
}

const STATUS_ORDER: KpiStatus[] = ['met', 'near', 'notMet', 'notApplicable', 'noData'];

/** Tables and charts numbered in print order (`Bảng 1`…, `Biểu đồ 1`…), as the school reports do. */
function captions() {
  let tables = 0;
  let charts = 0;
  return {
    table: (text: string) => {
      const label = `Bảng ${++tables}`;
      return { caption: `${label}. ${text}`, label };
    },
    chart: (text: string) => `Biểu đồ ${++charts}. ${text}`,
  };
}
type Captions = ReturnType<typeof captions>;

/** The school as the document names it: its name, else its code. */
export const schoolName = (s: SchoolResult): string => s.name.trim() || s.code.trim() || s.source.trim();

/** Why a school is not in the figures, in the document's words (Vietnamese whatever the reader's language). */
export function notCountedReason(s: SchoolResult): string {
  const word = enumLabel(UNIT_READ_STATUS, s.status, 'vi').toLowerCase();
  if (s.status === 'otherYear') return s.year !== null ? `${word}: kế hoạch năm ${s.year}` : `${word}: chưa ghi năm kế hoạch`;
  if (s.status === 'duplicate') return `${word}: mã ${s.ownCode || s.code} đã được tổng hợp từ tệp khác`;
  return word;
}

/** Targets met over the targets that could be judged (a target with no case arising is left out); null when none. */
export function kpiMetShare(c: KpiCounts): number | null {
  const base = c.met + c.near + c.notMet + c.noData;
  return base > 0 ? c.met / base : null;
}

const kpiTotal = (c: KpiCounts): number => c.met + c.near + c.notMet + c.notApplicable + c.noData;

/** `đạt 11; gần đạt 3; không phát sinh 2`: the statuses some evaluation has, in the table's order. */
function kpiCountsPhrase(c: KpiCounts): string {
  return STATUS_ORDER.filter((st) => c[st] > 0)
    .map((st) => `${enumLabel(KPI_STATUS, st, 'vi').toLowerCase()} ${c[st]}`)
    .join('; ');
}

export interface RankedSchool {
  rank: number;
  school: SchoolResult;
  share: number | null;
  kpiShare: number | null;
}

/**
 * The counted schools ranked: share of tasks done (higher first; none last), then share of
 * targets met, then fewer overdue tasks. Schools equal on all three share a rank (1, 1, 3);
 * among them the list's order stands.
 */
export function rankSchools(schools: readonly SchoolResult[]): RankedSchool[] {
  const rows = schools
    .filter((s) => isCounted(s.status))
    .map((school, i) => ({ school, i, share: school.tasks ? shareDone(school.tasks) : null, kpiShare: school.kpiCounts ? kpiMetShare(school.kpiCounts) : null }));
  const desc = (a: number | null, b: number | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
  const overdue = (s: SchoolResult): number => s.tasks?.overdue ?? 0;
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]): number =>
    desc(a.share, b.share) || desc(a.kpiShare, b.kpiShare) || overdue(a.school) - overdue(b.school);
  const sorted = [...rows].sort((a, b) => compare(a, b) || a.i - b.i);
  return sorted.map((r, n) => {
    let first = n;
    while (first > 0 && compare(sorted[first - 1]!, r) === 0) first--;
    return { rank: first + 1, school: r.school, share: r.share, kpiShare: r.kpiShare };
  });
}

const pct = (x: number | null): string => (x === null ? '-' : formatPercent(x));

// ------------------------------------------------------------------------------ sections

function sectionReporting(a: DistrictAggregate): Block[] {
  const out: Block[] = [heading(1, 'I.', 'TÌNH HÌNH TỔNG HỢP SỐ LIỆU CỦA CÁC ĐƠN VỊ')];
  const { schools, read, failed } = a.totals;
  if (schools === 0) {
    out.push(para('Danh sách đơn vị chưa có đơn vị nào để tổng hợp.'));
    return out;
  }
  out.push(
    para(
      failed === 0
        ? `Danh sách gồm ${schools} đơn vị; đã tổng hợp số liệu của cả ${read} đơn vị.`
        : `Danh sách gồm ${schools} đơn vị; đã tổng hợp số liệu của ${read} đơn vị, ${failed} đơn vị chưa tổng hợp được số liệu.`,
    ),
  );
  const missing = a.schools.filter((s) => !isCounted(s.status));
  if (missing.length > 0) {
    out.push(para('Các đơn vị chưa tổng hợp được số liệu:'));
    out.push(dashList(missing.map((s) => `${schoolName(s)}: ${notCountedReason(s)}`)));
  }
  const withErrors = a.schools.filter((s) => s.status === 'dataErrors');
  if (withErrors.length > 0) {
    out.push(para(`Có ${withErrors.length} đơn vị còn lỗi dữ liệu; các dòng có lỗi chưa được tính vào số liệu tổng hợp:`));
    out.push(dashList(withErrors.map((s) => `${schoolName(s)}: ${s.errors} lỗi dữ liệu`)));
  }
  return out;
}

function schoolRow(no: string, name: string, t: TaskCounts | undefined, k: KpiCounts | undefined, initiatives: number, bold = false): TableCell[] {
  const b = { bold };
  return [
    cell(no, b),
    cell(name, { ...b, align: 'left' }),
    cell(String(t?.total ?? 0), b),
    cell(String(t?.done ?? 0), b),
    cell((t && doneShare(t)) ?? '-', b),
    cell(String(t?.overdue ?? 0), b),
    cell(k ? `${k.met}/${kpiTotal(k)}` : '-', b),
    cell(String(initiatives), b),
  ];
}

function sectionTasks(a: DistrictAggregate, opts: BuildOptions, cap: Captions): Block[] {
  const out: Block[] = [heading(1, 'II.', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ')];
  const counted = a.schools.filter((s) => isCounted(s.status));
  if (counted.length === 0) {
    out.push(para('Chưa tổng hợp được số liệu của đơn vị nào.'));
    return out;
  }
  const t = a.totals.tasks;
  // tasksSummary's figures, said of the schools together.
  const figures = tasksSummary(t).replace(/^Tổng số nhiệm vụ trong Kế hoạch: /, '');
  out.push(para(`Tổng số nhiệm vụ trong kế hoạch cải cách hành chính năm ${opts.year} của ${counted.length} đơn vị: ${figures}`));
  const initiatives = counted.reduce((n, s) => n + (s.initiatives?.total ?? 0), 0);
  out.push(
    table(
      cap.table('Kết quả thực hiện của từng đơn vị').caption,
      [
        { header: 'STT', width: 0.07, align: 'center' },
        { header: 'Đơn vị', width: 0.33, align: 'left' },
        { header: 'Số nhiệm vụ', width: 0.1, align: 'center' },
        { header: 'Hoàn thành', width: 0.1, align: 'center' },
        { header: 'Tỷ lệ hoàn thành', width: 0.11, align: 'center' },
        { header: 'Quá hạn', width: 0.09, align: 'center' },
        { header: 'Chỉ tiêu đạt', width: 0.11, align: 'center' },
        { header: 'Sáng kiến', width: 0.09, align: 'center' },
      ],
      [
        ...counted.map((s, i) => schoolRow(String(i + 1), schoolName(s), s.tasks, s.kpiCounts, s.initiatives?.total ?? 0)),
        schoolRow('', 'Tổng cộng', t, a.totals.kpiCounts, initiatives, true),
      ],
      'Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / (tổng số − số nhiệm vụ hủy bỏ). Chỉ tiêu đạt = số chỉ tiêu đạt / số chỉ tiêu của đơn vị.',
    ),
  );
  const areaTable = cap.table('Nhiệm vụ theo lĩnh vực (tổng các đơn vị)');
  out.push(
    areaTasksTable(areaTable.caption, t),
  );
  out.push(tasksByAreaChart({ tasks: t }, cap.chart('Nhiệm vụ theo lĩnh vực (tổng các đơn vị)')));
  return out;
}

function sectionKpis(a: DistrictAggregate, titles: KpiTitles, opts: BuildOptions, cap: Captions): Block[] {
  const out: Block[] = [heading(1, 'III.', 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA CÁC ĐƠN VỊ')];
  const codes = districtKpiCodes(a);
  if (codes.length === 0) {
    out.push(para('Các đơn vị chưa có chỉ tiêu nào được ghi nhận.'));
    return out;
  }
  const c = a.totals.kpiCounts;
  out.push(para(`Các đơn vị có ${codes.length} chỉ tiêu, với ${kpiTotal(c)} lượt đánh giá (mỗi chỉ tiêu ở mỗi đơn vị một lượt): ${kpiCountsPhrase(c)}.`));
  out.push(
    table(
      cap.table('Kết quả từng chỉ tiêu trên các đơn vị (số đơn vị)').caption,
      [
        { header: 'Mã', width: 0.08, align: 'center' },
        { header: 'Chỉ tiêu', width: 0.36, align: 'left' },
        { header: 'Số đơn vị', width: 0.1, align: 'center' },
        { header: 'Đạt', width: 0.08, align: 'center' },
        { header: 'Gần đạt', width: 0.09, align: 'center' },
        { header: 'Chưa đạt', width: 0.09, align: 'center' },
        { header: 'Không phát sinh', width: 0.1, align: 'center' },
        { header: 'Chưa có số liệu', width: 0.1, align: 'center' },
      ],
      codes.map((code) => {
        const k = a.kpis[code] ?? zeroKpiCounts();
        return [cell(code), cell(titles[code] ?? ''), cell(String(kpiTotal(k))), ...STATUS_ORDER.map((st) => cell(String(k[st])))];
      }),
      `Số liệu của các đơn vị tính đến ngày ${formatDate(opts.asOf)}; mỗi đơn vị đánh giá chỉ tiêu của mình theo cách tính ghi trong kế hoạch của đơn vị.`,
    ),
  );
  out.push(kpisByStatusChart({ kpiCounts: c }, cap.chart('Chỉ tiêu theo kết quả đánh giá (tổng các đơn vị)')));
  return out;
}

function sectionRanking(a: DistrictAggregate, cap: Captions): Block[] {
  const out: Block[] = [heading(1, 'IV.', 'XẾP HẠNG CÁC ĐƠN VỊ')];
  const ranked = rankSchools(a.schools);
  if (ranked.length === 0) {
    out.push(para('Chưa có đơn vị nào được tổng hợp số liệu để xếp hạng.'));
    return out;
  }
  out.push(
    table(
      cap.table('Xếp hạng các đơn vị').caption,
      [
        { header: 'Hạng', width: 0.08, align: 'center' },
        { header: 'Đơn vị', width: 0.42, align: 'left' },
        { header: 'Tỷ lệ hoàn thành nhiệm vụ', width: 0.18, align: 'center' },
        { header: 'Tỷ lệ chỉ tiêu đạt', width: 0.17, align: 'center' },
        { header: 'Nhiệm vụ quá hạn', width: 0.15, align: 'center' },
      ],
      ranked.map((r) => [cell(String(r.rank)), cell(schoolName(r.school)), cell(pct(r.share)), cell(pct(r.kpiShare)), cell(String(r.school.tasks?.overdue ?? 0))]),
      'Xếp theo tỷ lệ hoàn thành nhiệm vụ, rồi tỷ lệ chỉ tiêu đạt (không tính chỉ tiêu không phát sinh), rồi số nhiệm vụ quá hạn (ít hơn xếp trước); các đơn vị bằng nhau cùng hạng.',
    ),
  );
  return out;
}

/** What needs a district officer's attention at a school, `''` when nothing. */
export function attentionPhrase(s: SchoolResult): string {
  if (!isCounted(s.status)) return `chưa tổng hợp được số liệu (${notCountedReason(s)})`;
  const parts: string[] = [];
  const overdue = s.tasks?.overdue ?? 0;
  const notMet = s.kpiCounts?.notMet ?? 0;
  if (overdue > 0) parts.push(`${overdue} nhiệm vụ quá hạn chưa hoàn thành`);
  if (notMet > 0) parts.push(`${notMet} chỉ tiêu chưa đạt`);
  if (s.status === 'dataErrors') parts.push(`${s.errors} lỗi dữ liệu cần sửa`);
  return parts.join('; ');
}

function sectionAttention(a: DistrictAggregate): Block[] {
  const out: Block[] = [heading(1, 'V.', 'CÁC ĐƠN VỊ CẦN QUAN TÂM, ĐÔN ĐỐC')];
  const lines = a.schools.map((s) => ({ s, what: attentionPhrase(s) })).filter((x) => x.what !== '');
  if (lines.length === 0) {
    out.push(para('Không có đơn vị nào có nhiệm vụ quá hạn, chỉ tiêu chưa đạt hoặc lỗi dữ liệu.'));
    return out;
  }
  out.push(para(`Có ${lines.length} đơn vị cần quan tâm, đôn đốc:`));
  out.push(dashList(lines.map(({ s, what }) => `${schoolName(s)}: ${what}`)));
  return out;
}

// ------------------------------------------------------------------------------ the report

export function buildDistrict(input: DistrictReportData, opts: BuildOptions): DocModel {
  const s = input.settings;
  const a = input.aggregate;
  const phrase = periodPhrase(opts.period, opts.year);
  const unit = s.unitName.trim() || a.unit.name.trim();
  const cap = captions();
  const blocks: Block[] = [
    headerBlock(s, 'BC', opts.number, opts.date),
    titleBlock('Báo cáo', `Tổng hợp kết quả thực hiện công tác cải cách hành chính của các đơn vị ${phrase}`),
    para(`Căn cứ số liệu theo dõi công tác cải cách hành chính năm ${opts.year} của các đơn vị (tính đến ngày ${formatDate(opts.asOf)});`),
    para(`${capitalFirst(unit)} báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính ${phrase} của các đơn vị như sau:`),
    ...sectionReporting(a),
    ...sectionTasks(a, opts, cap),
    ...sectionKpis(a, input.titles, opts, cap),
    ...sectionRanking(a, cap),
    ...sectionAttention(a),
    heading(1, 'VI.', 'ĐỀ XUẤT, KIẾN NGHỊ'),
    placeholder('Nêu nhận xét chung và các đề xuất, kiến nghị (nếu có).'),
    closingParagraph(`Trên đây là báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính ${phrase} của các đơn vị./.`),
    // The district's head signs: the title typed in its Thông tin, else the one its body's name
    // gives (Chủ tịch of a People's Committee, Trưởng phòng of a department…), never a principal's.
    signatureBlock(s, headTitleOf(unit)),
  ];
  const num = String(opts.number).padStart(2, '0');
  return {
    modelVersion: 1,
    meta: {
      type: 'district',
      number: opts.number,
      symbol: 'BC',
      unitCode: s.unitCode,
      date: opts.date,
      name: `Báo cáo tổng hợp CCHC các đơn vị ${phrase} - ${num}-BC-${s.unitCode}`,
    },
    page: DECREE_30_PAGE,
    blocks,
  };
}
