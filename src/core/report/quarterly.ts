// The quarterly report (the report contract (README) `quarterly`): BÁO CÁO Kết quả thực hiện công tác cải cách
// hành chính quý I / 6 tháng đầu năm / 9 tháng / năm. Every figure comes from `Progress`; names,
// owners and dates come from `SchoolData` rows joined to Progress by row number (Kế hoạch) or by
// code (Chỉ tiêu), so what is counted and what is listed are the same rows.

import type { AreaCode, IsoDate, PeriodCode, Quarter, SchoolData, Task, TaskState } from '../model.ts';
import type { KpiProgress, Progress, TaskCounts } from '../progress/types.ts';
import { ACTIVITY_TYPE, AREAS, CCHC_ROLE, INITIATIVE_STAGE, KPI_STATUS, enumLabel } from '../contract/enums.ts';
import {
  cell,
  heading,
  para,
  placeholder,
  run,
  table,
  type Block,
  type ChartBlock,
  type DocModel,
  DECREE_30_PAGE,
} from './doc-model.ts';
import {
  closingParagraph,
  headerBlock,
  kpiStatusText,
  kpiTargetText,
  kpiValueText,
  dashList,
 
  signatureBlock,
  stageCountsPhrase,
  titleBlock,
  type BuildOptions,
  leftOutNote,
} from './common.ts';
import { capitalFirst, formatDate, formatPercent, periodPhrase, roman } from './vn-format.ts';
import { shareDone } from '../progress/dashboard.ts';
import { countedInitiatives } from '../progress/initiatives.ts';

// ------------------------------------------------------------------------------ shared helpers

/** Tasks joined to their computed state, in sheet order. */
export function tasksWithState(data: SchoolData, progress: Progress): { task: Task; state: TaskState }[] {
  const byRow = new Map(data.tasks.map((t) => [t.row, t]));
  const out: { task: Task; state: TaskState }[] = [];
  for (const r of progress.tasks.rows) {
    const task = byRow.get(r.row);
    if (task) out.push({ task, state: r.state });
  }
  return out;
}

/** Tasks still to do (not done, not cancelled). */
const open = (s: TaskState): boolean => s !== 'doneOnTime' && s !== 'doneLate' && s !== 'cancelled';

/** The share done, as the dashboard computes it: done ÷ (total − cancelled). */
export const doneShare = (c: TaskCounts): string | null => {
  const share = shareDone(c);
  return share === null ? null : formatPercent(share);
};

const ownerPart = (t: Task): string => (t.owner ? `chủ trì: ${t.owner}` : '');
const join = (parts: string[]): string => parts.filter((p) => p !== '').join('; ');

function taskLine(t: Task, extra: string[]): string {
  const detail = join([ownerPart(t), ...extra]);
  return detail ? `${t.title} (${detail})` : t.title;
}

const QUARTER_END: Record<Quarter, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };

/**
 * Tables and charts are numbered in the order they are printed (`Bảng 1`, `Bảng 2`…; `Biểu đồ
 * 1`…), whichever of them a school's data leaves in, so the numbers never skip or repeat.
 */
interface Captions {
  table(text: string): { caption: string; label: string };
  chart(text: string): string;
}
function captions(): Captions {
  let tables = 0;
  let charts = 0;
  return {
    table: (text) => {
      const label = `Bảng ${++tables}`;
      return { caption: `${label}. ${text}`, label };
    },
    chart: (text) => `Biểu đồ ${++charts}. ${text}`,
  };
}

/** `đạt 11; gần đạt 3; không phát sinh 2` — the statuses some target has, in the table's order. */
function kpiCountsPhrase(c: Progress['kpiCounts']): string {
  return STATUS_ORDER.filter((st) => c[st] > 0)
    .map((st) => `${enumLabel(KPI_STATUS, st, 'vi').toLowerCase()} ${c[st]}`)
    .join('; ');
}

// ------------------------------------------------------------------------------ charts

const TASK_SERIES = [
  { name: 'Tổng số nhiệm vụ', color: '#9dc3e6', key: 'total' },
  { name: 'Đã hoàn thành', color: '#2e75b6', key: 'done' },
  { name: 'Quá hạn chưa hoàn thành', color: '#c00000', key: 'overdue' },
] as const;

const STATUS_COLORS: Record<KpiProgress['status'], string> = {
  met: '#70ad47',
  near: '#ffc000',
  notMet: '#c00000',
  notApplicable: '#a5a5a5',
  noData: '#d9d9d9',
};
const STATUS_ORDER: KpiProgress['status'][] = ['met', 'near', 'notMet', 'notApplicable', 'noData'];

/** Every figure of a chart in words, for screen readers (the image's description). */
function chartAlt(title: string, categories: readonly string[], series: ChartBlock['series']): string {
  const parts = series.length === 1
    ? categories.map((c, i) => `${c} ${series[0]!.values[i] ?? 0}`)
    : series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${s.values[i] ?? 0}`).join(', ')}`);
  return `${title}: ${parts.join('; ')}`;
}

/** The tasks of each area: all, done, overdue; the areas by their short names. */
export function tasksByAreaChart(progress: { tasks: TaskCounts & { byArea: Progress['tasks']['byArea'] } }, title: string): ChartBlock {
  const categories = AREAS.map((a) => a.shortVi);
  const series = TASK_SERIES.map((s) => ({
    name: s.name,
    color: s.color,
    values: AREAS.map((a) => progress.tasks.byArea[a.code][s.key]),
  }));
  return { kind: 'chart', title, categories, series, valueLabel: 'Số nhiệm vụ', alt: chartAlt(title, categories, series), widthMm: 160, aspect: 0.78 };
}

/** The targets by result (Đạt, Gần đạt, …), each bar in its result's colour. */
export function kpisByStatusChart(progress: Pick<Progress, 'kpiCounts'>, title: string): ChartBlock {
  const categories = STATUS_ORDER.map((s) => enumLabel(KPI_STATUS, s, 'vi'));
  const values = STATUS_ORDER.map((s) => progress.kpiCounts[s]);
  const series = [{ name: 'Số chỉ tiêu', color: STATUS_COLORS.met, values, colors: STATUS_ORDER.map((s) => STATUS_COLORS[s]) }];
  return { kind: 'chart', title, categories, series, valueLabel: 'Số chỉ tiêu', alt: chartAlt(title, categories, series), widthMm: 160, aspect: 0.42 };
}

// ------------------------------------------------------------------------------ sections

/** Activity types that are propaganda (`tuyên truyền`) and inspection (`kiểm tra`), for I.3's heading. */
const PROPAGANDA = ['webPost', 'contest', 'dialogue', 'thematic'];
const INSPECTION = ['inspection'];
const typeKey = (type: string): string | null => ACTIVITY_TYPE.options.find((o) => o.vi === type)?.value ?? null;

/**
 * I.3's heading names what is listed under it: `Công tác tuyên truyền, kiểm tra`, with `và các
 * hoạt động khác` when there are trainings, surveys and the like too.
 */
export function activitiesHeading(types: string[]): string {
  const keys = types.map(typeKey);
  const propaganda = keys.some((k) => k !== null && PROPAGANDA.includes(k));
  const inspection = keys.some((k) => k !== null && INSPECTION.includes(k));
  const others = keys.some((k) => k === null || (!PROPAGANDA.includes(k) && !INSPECTION.includes(k)));
  if (types.length === 0) return 'Công tác tuyên truyền, kiểm tra';
  const named = [propaganda ? 'tuyên truyền' : '', inspection ? 'kiểm tra' : ''].filter(Boolean);
  if (named.length === 0) return 'Các hoạt động cải cách hành chính';
  return `Công tác ${named.join(', ')}${others ? ' và các hoạt động khác' : ''}`;
}

function sectionDirection(data: SchoolData, progress: Progress, year: number, opts: BuildOptions, cap: Captions): Block[] {
  const out: Block[] = [heading(1, 'I.', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH')];

  const committee = data.people.filter((p) => p.role !== null);
  const steering = committee.filter((p) => p.role !== 'assistant').length;
  const helpers = committee.length - steering;
  out.push(heading(2, '1.', helpers > 0 ? 'Kiện toàn Ban Chỉ đạo và Tổ giúp việc cải cách hành chính' : 'Kiện toàn Ban Chỉ đạo cải cách hành chính'));
  if (committee.length === 0) {
    out.push(placeholder('Nêu việc kiện toàn Ban Chỉ đạo cải cách hành chính của đơn vị (trang Nhân sự chưa ghi vai trò CCHC của ai).'));
  } else {
    const who = [
      steering > 0 ? `Ban Chỉ đạo cải cách hành chính của đơn vị gồm ${steering} thành viên` : '',
      helpers > 0 ? `${steering > 0 ? 'Tổ giúp việc' : 'Tổ giúp việc Ban Chỉ đạo cải cách hành chính của đơn vị'} gồm ${helpers} người` : '',
    ].filter(Boolean);
    out.push(para(`${who.join('; ')}, cụ thể:`));
    const order = ['head', 'deputyHead', 'member', 'assistant'] as const;
    const sorted = [...committee].sort((a, b) => order.indexOf(a.role!) - order.indexOf(b.role!));
    out.push(dashList(sorted.map((p) => `${p.name}${p.title ? `, ${p.title}` : ''}: ${enumLabel(CCHC_ROLE, p.role!, 'vi').toLowerCase()}`)));
  }

  out.push(heading(2, '2.', 'Xây dựng và triển khai kế hoạch'));
  const areasWithTasks = AREAS.filter((a) => progress.tasks.byArea[a.code].total > 0).length;
  if (progress.tasks.total === 0) {
    out.push(placeholder(`Nêu việc xây dựng, triển khai Kế hoạch cải cách hành chính năm ${year} (trang Kế hoạch chưa có nhiệm vụ nào).`));
  } else {
    const nKpis = progress.kpis.length;
    out.push(
      para(
        `Đơn vị xây dựng và triển khai Kế hoạch thực hiện công tác cải cách hành chính năm ${year} với ` +
          `${progress.tasks.total} nhiệm vụ thuộc ${areasWithTasks} lĩnh vực${nKpis > 0 ? ` và ${nKpis} chỉ tiêu` : ''}; ` +
          'mỗi nhiệm vụ được phân công người chủ trì, người phối hợp, thời hạn hoàn thành và sản phẩm đầu ra.',
      ),
    );
  }

  const from = `${year}-01-01`;
  const acts = data.activities
    .filter((a) => !a.blocked && a.date !== null && a.date >= from && a.date <= opts.asOf)
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.row - b.row));
  out.push(heading(2, '3.', activitiesHeading(acts.map((a) => a.type))));
  if (acts.length === 0) {
    out.push(para(`Từ đầu năm đến ngày ${formatDate(opts.asOf)}, đơn vị chưa ghi nhận hoạt động tuyên truyền, kiểm tra nào về cải cách hành chính.`));
  } else {
    out.push(para(`Từ đầu năm đến ngày ${formatDate(opts.asOf)}, đơn vị đã thực hiện ${acts.length} hoạt động, trong đó:`));
    const byType = ACTIVITY_TYPE.options
      .map((o) => ({ name: o.vi, n: acts.filter((a) => a.type === o.vi).length }))
      .filter((x) => x.n > 0);
    const otherTypes = acts.filter((a) => !ACTIVITY_TYPE.options.some((o) => o.vi === a.type)).length;
    const lines = byType.map((x) => `${x.name}: ${x.n}`);
    if (otherTypes > 0) lines.push(`Loại khác: ${otherTypes}`);
    out.push(dashList(lines));
    out.push(
      table(
        cap.table('Danh sách hoạt động').caption,
        [
          { header: 'STT', width: 0.08, align: 'center' },
          { header: 'Ngày', width: 0.16, align: 'center' },
          { header: 'Loại hoạt động', width: 0.26, align: 'left' },
          { header: 'Nội dung', width: 0.5, align: 'left' },
        ],
        acts.map((a, i) => [cell(String(i + 1)), cell(formatDate(a.date!)), cell(a.type), cell(a.title)]),
      ),
    );
  }
  return out;
}

/** `Tổng số 4 nhiệm vụ; hoàn thành 2 (đúng hạn 1, trễ hạn 1); đang thực hiện 1; hủy bỏ 1.` — zeros left out. */
export function areaSummary(c: TaskCounts): string {
  const parts = [`Tổng số ${c.total} nhiệm vụ`];
  if (c.done === 0) parts.push('chưa có nhiệm vụ hoàn thành');
  else if (c.doneLate === 0) parts.push(`hoàn thành ${c.done} (đúng hạn)`);
  else if (c.doneOnTime === 0) parts.push(`hoàn thành ${c.done} (trễ hạn)`);
  else parts.push(`hoàn thành ${c.done} (đúng hạn ${c.doneOnTime}, trễ hạn ${c.doneLate})`);
  if (c.overdue > 0) parts.push(`quá hạn chưa hoàn thành ${c.overdue}`);
  const inProgress = c.dueSoon + c.behind + c.onTrack;
  if (inProgress > 0) parts.push(`đang thực hiện ${inProgress}`);
  if (c.cancelled > 0) parts.push(`hủy bỏ ${c.cancelled}`);
  return `${parts.join('; ')}.`;
}

/** Tasks by area (LV1…LV8 and the total), as the quarterly and the district reports show them. */
export function areaTasksTable(caption: string, t: TaskCounts & { byArea: Record<AreaCode, TaskCounts> }, note?: string): Block {
  return table(
    caption,
    [
      { header: 'Mã', width: 0.08, align: 'center' },
      { header: 'Lĩnh vực', width: 0.32, align: 'left' },
      { header: 'Tổng số', width: 0.1, align: 'center' },
      { header: 'Hoàn thành', width: 0.11, align: 'center' },
      { header: 'Đúng hạn', width: 0.1, align: 'center' },
      { header: 'Trễ hạn', width: 0.09, align: 'center' },
      { header: 'Quá hạn', width: 0.09, align: 'center' },
      { header: 'Tỷ lệ hoàn thành', width: 0.11, align: 'center' },
    ],
    [...AREAS.map((a) => areaTableRow(a.code, a.vi, t.byArea[a.code])), areaTableRow('', 'Tổng cộng', t, true)],
    note,
  );
}

export function areaTableRow(code: string, name: string, c: TaskCounts, bold = false) {
  const b = { bold };
  return [
    cell(code, b),
    cell(name, { ...b, align: 'left' as const }),
    cell(String(c.total), b),
    cell(String(c.done), b),
    cell(String(c.doneOnTime), b),
    cell(String(c.doneLate), b),
    cell(String(c.overdue), b),
    cell(doneShare(c) ?? '-', b),
  ];
}

/**
 * `Tổng số nhiệm vụ trong Kế hoạch: 34; đã hoàn thành 19 nhiệm vụ (đạt 57,6%), trong đó hoàn thành
 * đúng hạn 16, hoàn thành trễ hạn 3; quá hạn chưa hoàn thành 2; …` — a count of 0 is left out.
 */
export function tasksSummary(t: TaskCounts): string {
  const share = doneShare(t);
  let done: string;
  if (t.done === 0) done = 'chưa có nhiệm vụ hoàn thành';
  else {
    done = `đã hoàn thành ${t.done} nhiệm vụ${share ? ` (đạt ${share})` : ''}`;
    if (t.doneOnTime > 0 && t.doneLate > 0) done += `, trong đó hoàn thành đúng hạn ${t.doneOnTime}, hoàn thành trễ hạn ${t.doneLate}`;
    else if (t.doneLate === 0) done += t.done > 1 ? ', đều đúng hạn' : ', đúng hạn';
    else done += t.done > 1 ? ', đều trễ hạn' : ', trễ hạn';
  }
  const rest: [string, number][] = [
    ['quá hạn chưa hoàn thành', t.overdue],
    ['sắp đến hạn', t.dueSoon],
    ['chậm tiến độ', t.behind],
    ['đang thực hiện đúng tiến độ', t.onTrack],
    ['hủy bỏ', t.cancelled],
  ];
  const parts = [`Tổng số nhiệm vụ trong Kế hoạch: ${t.total}`, done, ...rest.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`)];
  return `${parts.join('; ')}.`;
}

function sectionAreas(data: SchoolData, progress: Progress, year: number, opts: BuildOptions, cap: Captions): Block[] {
  const t = progress.tasks;
  const out: Block[] = [heading(1, 'II.', 'KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC')];
  if (t.total === 0) {
    out.push(para(`Kế hoạch năm ${year} chưa có nhiệm vụ nào được ghi nhận.`));
    return out;
  }
  out.push(para(tasksSummary(t)));
  const areaTable = cap.table('Kết quả thực hiện nhiệm vụ theo lĩnh vực');
  out.push(
    areaTasksTable(areaTable.caption, t, 'Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / (tổng số − số nhiệm vụ hủy bỏ).'),
  );
  out.push(tasksByAreaChart(progress, cap.chart('Nhiệm vụ theo lĩnh vực')));

  const rows = tasksWithState(data, progress);
  AREAS.forEach((a, i) => {
    const c = t.byArea[a.code];
    out.push(heading(2, `${i + 1}.`, a.vi));
    if (c.total === 0) {
      out.push(para(`Kế hoạch năm ${year} không có nhiệm vụ thuộc lĩnh vực này.`));
      return;
    }
    out.push(para(areaSummary(c)));
    const mine = rows.filter((r) => r.task.area === (a.code as AreaCode));
    const done = mine.filter((r) => r.state === 'doneOnTime' || r.state === 'doneLate');
    if (done.length > 0) {
      out.push(para([run('Nhiệm vụ đã hoàn thành:', { italic: true })]));
      out.push(
        dashList(
          done.map((r) =>
            taskLine(r.task, [
              r.task.doneDate ? `hoàn thành ngày ${formatDate(r.task.doneDate)}` : '',
              r.state === 'doneLate' && r.task.due ? `trễ hạn, hạn ${formatDate(r.task.due)}` : '',
            ]),
          ),
        ),
      );
    }
    const overdue = mine.filter((r) => r.state === 'overdue');
    if (overdue.length > 0) {
      out.push(para([run('Nhiệm vụ quá hạn chưa hoàn thành:', { italic: true })]));
      out.push(dashList(overdue.map((r) => taskLine(r.task, [r.task.due ? `hạn hoàn thành ${formatDate(r.task.due)}` : '']))));
    }
  });
  return out;
}

export function kpiTitle(data: SchoolData, code: string): string {
  return data.kpis.find((k) => k.code === code && !k.blocked)?.title ?? data.kpis.find((k) => k.code === code)?.title ?? '';
}

/**
 * The note under the targets table: figures run from 1 January, except the targets judged each
 * quarter or on their latest result, which it names.
 */
export function kpiTableNote(data: SchoolData, progress: Progress, year: number, asOf: IsoDate): string {
  const method = (code: string) => data.kpis.find((k) => k.code === code && !k.blocked)?.method ?? 'cumulative';
  const codes = (m: string) => progress.kpis.filter((k) => method(k.code) === m).map((k) => k.code);
  const perQuarter = codes('perQuarter');
  const latest = codes('latest');
  const except = [
    perQuarter.length > 0 ? `chỉ tiêu ${perQuarter.join(', ')} đánh giá theo từng quý (số quý đạt/số quý đã đánh giá)` : '',
    latest.length > 0 ? `chỉ tiêu ${latest.join(', ')} lấy kết quả lần đánh giá gần nhất` : '',
  ].filter(Boolean);
  return `Số liệu lũy kế từ ngày ${formatDate(`${year}-01-01`)} đến ngày ${formatDate(asOf)}${except.length > 0 ? `, trừ ${except.join(' và ')}` : ''}.`;
}

function sectionKpis(data: SchoolData, progress: Progress, year: number, opts: BuildOptions, cap: Captions): Block[] {
  const out: Block[] = [heading(1, 'III.', 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU')];
  if (progress.kpis.length === 0) {
    out.push(para('Kế hoạch chưa có chỉ tiêu nào được ghi nhận.'));
    return out;
  }
  out.push(para(`Tổng số ${progress.kpis.length} chỉ tiêu: ${kpiCountsPhrase(progress.kpiCounts)}.`));
  out.push(
    table(
      cap.table('Kết quả thực hiện chỉ tiêu').caption,
      [
        { header: 'Mã', width: 0.09, align: 'center' },
        { header: 'Chỉ tiêu', width: 0.45, align: 'left' },
        { header: 'Mục tiêu', width: 0.14, align: 'center' },
        { header: 'Thực hiện', width: 0.15, align: 'center' },
        { header: 'Đánh giá', width: 0.17, align: 'center' },
      ],
      progress.kpis.map((k) => [
        cell(k.code),
        cell(kpiTitle(data, k.code)),
        cell(kpiTargetText(k)),
        cell(kpiValueText(k)),
        cell(kpiStatusText(k)),
      ]),
      kpiTableNote(data, progress, year, opts.asOf),
    ),
  );
  out.push(kpisByStatusChart(progress, cap.chart('Chỉ tiêu theo kết quả đánh giá')));
  return out;
}

function sectionInitiatives(data: SchoolData, progress: Progress, year: number, asOf: IsoDate): Block[] {
  const ini = progress.initiatives;
  const out: Block[] = [heading(1, 'IV.', 'SÁNG KIẾN, MÔ HÌNH, GIẢI PHÁP')];
  if (ini.total === 0) {
    out.push(para(`Năm ${year}, đơn vị chưa có sáng kiến, mô hình, giải pháp cải cách hành chính được đăng ký.`));
    return out;
  }
  out.push(
    para(
      `Năm ${year}, đơn vị có ${ini.total} sáng kiến, mô hình, giải pháp cải cách hành chính được đăng ký ` +
        `(theo giai đoạn: ${stageCountsPhrase(ini.byStage)}), cụ thể:`,
    ),
  );
  const listed = countedInitiatives(data.initiatives, asOf);
  out.push(
    dashList(
      listed.map(
        (x) =>
          `${x.name} (${join([x.form, x.authors ? `tác giả: ${x.authors}` : '', `giai đoạn: ${enumLabel(INITIATIVE_STAGE, x.stage, 'vi').toLowerCase()}`])})`,
      ),
    ),
  );
  out.push(
    para(
      ini.eligible > 0
        ? `Có ${ini.eligible} sáng kiến, mô hình, giải pháp đủ điều kiện đề xuất khen thưởng.`
        : 'Chưa có sáng kiến, mô hình, giải pháp đủ điều kiện đề xuất khen thưởng.',
    ),
  );
  return out;
}

/** `2 chỉ tiêu chưa đạt và 1 chỉ tiêu gần đạt` — only the statuses some target has. */
function weakKpisPhrase(c: Progress['kpiCounts']): string {
  return [c.notMet > 0 ? `${c.notMet} chỉ tiêu chưa đạt` : '', c.near > 0 ? `${c.near} chỉ tiêu gần đạt` : ''].filter(Boolean).join(' và ');
}

function sectionAssessment(data: SchoolData, progress: Progress): Block[] {
  const t = progress.tasks;
  const out: Block[] = [heading(1, 'V.', 'ĐÁNH GIÁ CHUNG'), heading(2, '1.', 'Ưu điểm')];
  const share = doneShare(t);
  if (t.done > 0) {
    const onTime = t.doneOnTime === t.done ? ', đều đúng hạn' : t.doneOnTime > 0 ? `, trong đó ${t.doneOnTime} nhiệm vụ hoàn thành đúng hạn` : '';
    out.push(para(`Hoàn thành ${t.done}/${t.total - t.cancelled} nhiệm vụ${share ? ` (${share})` : ''}${onTime}.`));
  }
  const met = progress.kpis.filter((k) => k.status === 'met');
  if (met.length > 0) {
    out.push(para(`Có ${progress.kpiCounts.met}/${progress.kpis.length} chỉ tiêu đạt:`));
    out.push(dashList(met.map((k) => `${k.code} – ${kpiTitle(data, k.code)}: ${kpiValueText(k)}`)));
  }
  // Nothing done and nothing met is no strength: the principal says what went well.
  if (t.done === 0 && met.length === 0) out.push(placeholder('Nêu các ưu điểm, kết quả nổi bật trong kỳ (chưa có nhiệm vụ hoàn thành, chưa có chỉ tiêu đạt).'));

  out.push(heading(2, '2.', 'Hạn chế'));
  const weak = progress.kpis.filter((k) => k.status === 'notMet' || k.status === 'near');
  const overdue = tasksWithState(data, progress).filter((r) => r.state === 'overdue');
  const limits: Block[] = [];
  if (weak.length > 0) {
    limits.push(para(`Có ${weakKpisPhrase(progress.kpiCounts)}:`));
    limits.push(
      dashList(weak.map((k) => `${k.code} – ${kpiTitle(data, k.code)}: mục tiêu ${kpiTargetText(k)}, thực hiện ${kpiValueText(k)} (${kpiStatusText(k).toLowerCase()})`)),
    );
  }
  if (overdue.length > 0) {
    limits.push(para(`Còn ${t.overdue} nhiệm vụ quá hạn chưa hoàn thành:`));
    limits.push(dashList(overdue.map((r) => taskLine(r.task, [r.task.due ? `hạn ${formatDate(r.task.due)}` : '']))));
  }
  if (t.doneLate > 0) limits.push(para(`Có ${t.doneLate} nhiệm vụ hoàn thành trễ hạn.`));
  if (progress.kpiCounts.noData > 0) limits.push(para(`Có ${progress.kpiCounts.noData} chỉ tiêu chưa có số liệu để đánh giá.`));
  if (limits.length === 0) out.push(para('Không có chỉ tiêu chưa đạt, không có nhiệm vụ quá hạn.'));
  else {
    out.push(...limits);
    out.push(heading(2, '3.', 'Nguyên nhân'));
    out.push(placeholder('Nêu nguyên nhân của các hạn chế nêu trên.'));
  }
  return out;
}

function nextPeriod(period: PeriodCode, year: number): { from: IsoDate; to: IsoDate; phrase: string } | null {
  const q = Number(period.slice(1)) as Quarter;
  if (q === 4) return null;
  const nq = (q + 1) as Quarter;
  return { from: `${year}-${QUARTER_END[q]}`, to: `${year}-${QUARTER_END[nq]}`, phrase: `quý ${roman(nq)} năm ${year}` };
}

function sectionNext(data: SchoolData, progress: Progress, year: number, opts: BuildOptions): Block[] {
  const out: Block[] = [heading(1, 'VI.', 'PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI')];
  const rows = tasksWithState(data, progress);
  const next = nextPeriod(opts.period, year);
  const overdue = rows.filter((r) => r.state === 'overdue');
  let n = 0;
  const sub = (text: string) => heading(2, `${++n}.`, text);
  if (next) {
    // Everything still open that falls due after the as-of date and before the next period ends.
    const upcoming = rows
      .filter((r) => open(r.state) && r.task.due !== null && r.task.due > opts.asOf && r.task.due <= next.to)
      .sort((a, b) => (a.task.due! < b.task.due! ? -1 : a.task.due! > b.task.due! ? 1 : a.task.row - b.task.row));
    out.push(sub(`Các nhiệm vụ cần hoàn thành đến hết ${next.phrase}`));
    if (upcoming.length === 0) out.push(para(`Không có nhiệm vụ nào đến hạn từ nay đến hết ${next.phrase}.`));
    else out.push(dashList(upcoming.map((r) => taskLine(r.task, [`hạn ${formatDate(r.task.due!)}`]))));
  } else {
    out.push(sub(`Chuẩn bị Kế hoạch năm ${year + 1}`));
    out.push(
      para(
        `Tổng kết công tác cải cách hành chính năm ${year}; xây dựng Kế hoạch thực hiện công tác cải cách hành chính năm ${year + 1}, ` +
          'trong đó tiếp tục thực hiện các nhiệm vụ chưa hoàn thành.',
      ),
    );
  }
  if (overdue.length > 0) {
    out.push(sub('Khẩn trương hoàn thành các nhiệm vụ quá hạn'));
    out.push(dashList(overdue.map((r) => taskLine(r.task, [r.task.due ? `hạn ${formatDate(r.task.due)}` : '']))));
  }
  // Each heading names the targets listed under it.
  const weak = progress.kpis.filter((k) => k.status === 'notMet' || k.status === 'near');
  if (weak.length > 0) {
    const which = [weak.some((k) => k.status === 'notMet') ? 'chưa đạt' : '', weak.some((k) => k.status === 'near') ? 'gần đạt' : ''].filter(Boolean).join(', ');
    out.push(sub(`Tập trung thực hiện các chỉ tiêu ${which}`));
    out.push(dashList(weak.map((k) => `${k.code} – ${kpiTitle(data, k.code)}: mục tiêu ${kpiTargetText(k)}`)));
  }
  const noData = progress.kpis.filter((k) => k.status === 'noData');
  if (noData.length > 0) {
    out.push(sub('Cập nhật số liệu các chỉ tiêu chưa có số liệu'));
    out.push(dashList(noData.map((k) => `${k.code} – ${kpiTitle(data, k.code)}: mục tiêu ${kpiTargetText(k)}`)));
  }
  const s = data.settings;
  const milestones: [string, IsoDate | null][] = [
    ['Đăng ký sáng kiến, mô hình, giải pháp cải cách hành chính', s.registrationDeadline],
    ['Báo cáo kết quả thực hiện sáng kiến đợt 1', s.phase1Deadline],
    ['Báo cáo kết quả thực hiện sáng kiến đợt 2', s.phase2Deadline],
    ['Hoàn thành hồ sơ đề nghị khen thưởng', s.awardDossierDeadline],
  ];
  const end = next ? next.to : `${year}-12-31`;
  const due = milestones.filter((m): m is [string, IsoDate] => m[1] !== null && m[1] > opts.asOf && m[1] <= end);
  if (due.length > 0) {
    out.push(sub('Các mốc thời gian cần lưu ý'));
    out.push(dashList(due.map(([label, d]) => `${label}: trước ngày ${formatDate(d)}`)));
  }
  return out;
}

// ------------------------------------------------------------------------------ the report

export function buildQuarterly(data: SchoolData, progress: Progress, opts: BuildOptions): DocModel {
  const s = data.settings;
  const year = opts.year;
  const phrase = periodPhrase(opts.period, year);
  const unit = s.unitName.trim();
  const cap = captions();
  const blocks: Block[] = [
    headerBlock(s, 'BC', opts.number, opts.date),
    titleBlock('Báo cáo', `Kết quả thực hiện công tác cải cách hành chính ${phrase}`),
    ...leftOutNote(data),
    para(`Căn cứ Kế hoạch thực hiện công tác cải cách hành chính năm ${year} của ${unit};`),
    para(`${capitalFirst(unit)} báo cáo kết quả thực hiện công tác cải cách hành chính ${phrase} (số liệu tính đến ngày ${formatDate(opts.asOf)}) như sau:`),
    ...sectionDirection(data, progress, year, opts, cap),
    ...sectionAreas(data, progress, year, opts, cap),
    ...sectionKpis(data, progress, year, opts, cap),
    ...sectionInitiatives(data, progress, year, opts.asOf),
    ...sectionAssessment(data, progress),
    ...sectionNext(data, progress, year, opts),
    heading(1, 'VII.', 'ĐỀ XUẤT, KIẾN NGHỊ'),
    placeholder('Nêu các đề xuất, kiến nghị với cấp trên (nếu có).'),
    closingParagraph(`Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${phrase} của ${unit}./.`),
    signatureBlock(s),
  ];
  const num = String(opts.number).padStart(2, '0');
  return {
    modelVersion: 1,
    meta: {
      type: 'quarterly',
      number: opts.number,
      symbol: 'BC',
      unitCode: s.unitCode,
      date: opts.date,
      name: `Báo cáo CCHC ${phrase} - ${num}-BC-${s.unitCode}`,
    },
    page: DECREE_30_PAGE,
    blocks,
  };
}

