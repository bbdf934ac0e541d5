// Pieces every report shares: the Decree 30 header, the title, the closing signature block, the
// KPI wording, and the options of a build.

import type { IsoDate, Kpi, Lang, PeriodCode, SchoolData, Settings } from '../model.ts';
import { leftOutRows } from '../validate.ts';
import type { KpiProgress, Progress } from '../progress/types.ts';
import { INITIATIVE_STAGE, INITIATIVE_STAGE_ORDER, KPI_STATUS, enumLabel } from '../contract/enums.ts';
import {
  bullets,
  DECREE_30_PAGE,
  para,
  placeholder,
  type Block,
  type BulletsBlock,
  type ParagraphBlock,
  textWidthMm as pageTextWidthMm,
  type HeaderBlock,
  type SignatureBlock,
  type TitleBlock,
} from './doc-model.ts';
import { dateLine, documentNumber, formatNumber, formatPercent, upperVi, type DocSymbol } from './vn-format.ts';
import { textWidthMm } from './text-width.ts';

/** What the caller chooses about a document; the dates of its figures are the school's frame. */
export interface ReportOptions {
  /** The date printed on the document. */
  date: IsoDate;
  /** The document number (numbering.ts gives it). */
  number: number;
  /** Language of messages. The document itself is always Vietnamese: it is an administrative
   *  document of a Vietnamese body (the report contract (README)); `lang` only affects errors. */
  lang?: Lang;
}

/**
 * Inside the builders: the options with the reporting frame the figures were computed for
 * (`data.frame`: as-of date, period — quarterly; plan and initiatives cover the year — and plan
 * year), so no builder works out a date or a year of its own.
 */
export interface BuildOptions extends ReportOptions {
  period: PeriodCode;
  asOf: IsoDate;
  year: number;
}

/**
 * Header geometry: the right column holds `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (13 pt bold: 97.5
 * mm as printed in Times New Roman metrics, plus the cell margins) on one line; the table reaches
 * 12 mm into the 30 mm left margin so the left column (77 mm) holds a name like `TRƯỜNG MẦM NON
 * BẾN THÀNH` (74.8 mm) on one line.
 */
export const HEADER_OUTDENT_MM = 12;
export const HEADER_RIGHT_MM = 100;

export const MOTTO: [string, string] = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Where a name is broken when it needs two lines: after the kind of body, as the seeds do. */
const BREAK_AFTER = [
  'TRƯỜNG MẦM NON', 'TRƯỜNG MẪU GIÁO', 'TRƯỜNG TIỂU HỌC', 'TRƯỜNG TRUNG HỌC CƠ SỞ', 'TRƯỜNG TRUNG HỌC PHỔ THÔNG',
  'ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'PHÒNG NỘI VỤ',
];

/**
 * Break `text` into lines no wider than `widthMm`: one line when it fits; else after a known
 * prefix (`TRƯỜNG MẦM NON` / `NGUYỄN THÁI BÌNH`, the rest broken again if needed); else the most
 * even two-line split; else greedily.
 */
export function fitLines(text: string, sizePt: number, bold: boolean, widthMm: number): string[] {
  const t = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const w = (s: string) => textWidthMm(s, sizePt, bold);
  if (t === '') return [];
  if (w(t) <= widthMm) return [t];
  for (const p of BREAK_AFTER) {
    if (t.startsWith(`${p} `)) {
      if (w(p) <= widthMm) return [p, ...fitLines(t.slice(p.length + 1), sizePt, bold, widthMm)];
    }
  }
  const words = t.split(' ');
  let best: string[] | null = null;
  let bestMax = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const m = Math.max(w(a), w(b));
    if (m <= widthMm && m < bestMax) {
      best = [a, b];
      bestMax = m;
    }
  }
  if (best) return best;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && w(next) > widthMm) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function headerBlock(settings: Settings, symbol: DocSymbol, number: number, date: IsoDate): HeaderBlock {
  const widthMm = pageTextWidthMm(DECREE_30_PAGE) + HEADER_OUTDENT_MM;
  const leftMm = widthMm - HEADER_RIGHT_MM;
  const room = leftMm - 2; // cell padding
  const unitName = fitLines(upperVi(settings.unitName), 13, true, room);
  // Decree 30: the rule under the unit's name is 1/3 to 1/2 of the line; we take 0.4 of the
  // longest line.
  const nameLine = Math.max(0, ...unitName.map((l) => textWidthMm(l, 13, true)));
  return {
    kind: 'header',
    parentBody: fitLines(upperVi(settings.parentBody), 13, false, room),
    unitName,
    unitRule: { lengthMm: round1(clamp(nameLine * 0.4, 15, 40)) },
    numberLine: documentNumber(number, symbol, settings.unitCode),
    motto: MOTTO,
    mottoRule: { lengthMm: round1(textWidthMm(MOTTO[1], 14, true)) },
    placeDate: dateLine(settings.place, date),
    widthMm,
    outdentMm: HEADER_OUTDENT_MM,
    columnWidths: [round3(leftMm / widthMm), round3(HEADER_RIGHT_MM / widthMm)],
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The title. A subject given as one string is broken into even lines when it does not fit on one
 * (150 mm); given as lines, it is kept as written (a break between word groups reads better).
 */
/**
 * Before the body, when errors kept rows out of the figures: a marked note for the principal,
 * who fixes the workbook and makes the report again, or deletes the note knowingly. Nothing when
 * every row counts.
 */
export function leftOutNote(data: SchoolData): Block[] {
  const left = leftOutRows(data);
  if (left.length === 0) return [];
  const total = left.reduce((n, l) => n + l.rows, 0);
  const where = left.map((l) => `${l.sheet}: ${l.rows}`).join('; ');
  return [placeholder(`${total} dòng dữ liệu có lỗi chưa được tính vào số liệu của văn bản này (${where}). Sửa các lỗi trong bảng tính (Kiểm tra dữ liệu) rồi tạo lại văn bản, hoặc xóa ghi chú này nếu vẫn ký`)];
}

export function titleBlock(docType: string, subjectText: string | string[]): TitleBlock {
  const subject = typeof subjectText === 'string' ? fitLines(subjectText, 14, true, 150) : subjectText;
  const longest = Math.max(...subject.map((s) => textWidthMm(s, 14, true)));
  return { kind: 'title', docType: upperVi(docType), subject, rule: { lengthMm: round1(clamp(longest * 0.4, 20, 60)) } };
}

/**
 * The recipients as printed: `- X;` each, the last `- Lưu: VT.`. A user's own `Lưu: …` line is
 * kept (moved last); list marks and end punctuation the user typed are not doubled.
 */
export function recipientLines(recipients: string[]): string[] {
  const clean = recipients
    .map((r) => r.normalize('NFC').trim().replace(/^[-–•+*]\s*/, '').replace(/[;.,]+$/, '').trim())
    .filter((r) => r !== '');
  const isArchive = (r: string) => /^lưu\b/i.test(r);
  const archive = clean.find(isArchive) ?? 'Lưu: VT';
  return [...clean.filter((r) => !isArchive(r)).map((r) => `- ${r};`), `- ${archive}.`];
}

/**
 * Signer lines. A deputy signs on the head's behalf: `Phó Hiệu trưởng` gives `KT. HIỆU TRƯỞNG`
 * then `PHÓ HIỆU TRƯỞNG` (Decree 30 "ký thay"). An empty title reads as `empty`: `Hiệu trưởng`, the
 * usual signer of a school's documents, unless the caller (the district report) says otherwise.
 */
export function signerLines(title: string, empty = 'Hiệu trưởng'): { authority: string | null; title: string } {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ') || empty;
  const deputy = /^phó\s+(.+)$/i.exec(t);
  return deputy ? { authority: `KT. ${upperVi(deputy[1]!)}`, title: upperVi(t) } : { authority: null, title: upperVi(t) };
}

/** `emptyTitle`: the title an empty `Chức vụ người ký` stands for (a school's principal by default). */
export function signatureBlock(settings: Settings, emptyTitle?: string): SignatureBlock {
  const s = signerLines(settings.signerTitle, emptyTitle);
  return {
    kind: 'signature',
    recipientsLabel: 'Nơi nhận:',
    recipients: recipientLines(settings.recipients),
    authority: s.authority,
    title: s.title,
    signSpaceLines: 5,
    name: settings.signer.normalize('NFC').trim(),
  };
}

/**
 * The closing paragraph (`Trên đây là …./.`), the last before the signature block: kept on the
 * signature's page, so that the signature never stands alone on a page.
 */
export const closingParagraph = (text: string): ParagraphBlock => para(text, { keepWithNext: true });

/** The plan year: `Năm` from Thông tin, else the as-of date's year. */

// ------------------------------------------------------------------------------ KPI wording

const DIR: Record<string, string> = { '>=': '≥', '<=': '≤' };

/** `≥ 98%`, `≤ 2`, `Có`, `Khá trở lên` — the target as a table cell. */
export function kpiTargetText(k: KpiProgress): string {
  const t = k.target;
  if (t === null) return '-';
  switch (k.kind) {
    case 'ratio':
      return typeof t === 'number' ? `${DIR[k.direction]} ${formatPercent(t)}` : String(t);
    case 'count':
      return typeof t === 'number' ? `${DIR[k.direction]} ${formatNumber(t, 2)}` : String(t);
    case 'yesno':
      return t === true ? 'Có' : t === false ? 'Không' : String(t);
    case 'rating':
      return `${String(t)} trở lên`;
  }
}

/** The value to date as a table cell: `98,5%`, `3`, `Có`, `Khá`, `2/2 quý`; `-` with no data. */
export function kpiValueText(k: KpiProgress): string {
  if (k.status === 'notApplicable') return 'Không phát sinh';
  if (k.quarters) return `${k.quarters.met}/${k.quarters.judged} quý`;
  const v = k.value;
  if (v === null) return '-';
  switch (k.kind) {
    case 'ratio':
      return typeof v === 'number' ? formatPercent(v) : String(v);
    case 'count':
      return typeof v === 'number' ? formatNumber(v, 2) : String(v);
    case 'yesno':
      return v === true ? 'Có' : v === false ? 'Không' : String(v);
    case 'rating':
      return String(v);
  }
}

export const kpiStatusText = (k: KpiProgress): string => enumLabel(KPI_STATUS, k.status, 'vi');

/**
 * The target as the end of a sentence in the plan (`Tỷ lệ … : đạt từ 98% trở lên.`): "đạt 100%"
 * for a full ratio, "không quá" for an upper bound, "ít nhất" for counts.
 */
export function kpiTargetPhrase(k: Kpi): string {
  const t = k.target;
  if (t === null || t === undefined) return '';
  const num = (d: { text: string }) => Number(d.text);
  switch (k.kind) {
    case 'ratio': {
      if (typeof t !== 'object' || t === null) return '';
      const p = formatPercent(num(t));
      if (k.direction === '<=') return `không quá ${p}`;
      return num(t) >= 1 ? `đạt ${p}` : `đạt từ ${p} trở lên`;
    }
    case 'count': {
      if (typeof t !== 'object' || t === null) return '';
      const n = formatNumber(num(t), 2);
      if (k.direction === '<=') return num(t) === 0 ? 'bằng 0' : `không quá ${n}`;
      return `ít nhất ${n}`;
    }
    case 'yesno':
      return '';
    case 'rating':
      return typeof t === 'string' ? `đạt mức “${t}” trở lên` : '';
    default:
      return '';
  }
}

/** A target's name that already says it holds each quarter (`… mỗi quý`). */
const SAYS_QUARTERLY = /(mỗi|từng|hằng|hàng)\s+quý/iu;

/**
 * A target as the plan states it, after its name (`Tỷ lệ …` + `: đạt từ 98% trở lên`), in the
 * words a principal writes rather than the sheet's `Cách tính`: `Lũy kế` (the year's running
 * total, the usual reading) says nothing more; `Từng quý` adds `trong từng quý` (unless the name
 * already says `mỗi quý`); `Kỳ gần nhất` adds `theo kết quả đánh giá gần nhất`. A yes/no target
 * has no figure: its name is the sentence.
 */
export function kpiPlanTarget(k: Kpi): string {
  const phrase = kpiTargetPhrase(k);
  const quarterly = k.method === 'perQuarter' && !SAYS_QUARTERLY.test(k.title.normalize('NFC'));
  if (phrase === '') return quarterly ? ', duy trì trong từng quý' : '';
  if (quarterly) return `: ${phrase} trong từng quý`;
  if (k.method === 'latest') return `: ${phrase} theo kết quả đánh giá gần nhất`;
  return `: ${phrase}`;
}

/** `đăng ký 1, đang triển khai 1, đã nghiệm thu 1` — the non-zero stages, in ladder order. */
export function stageCountsPhrase(byStage: Progress['initiatives']['byStage']): string {
  return [...INITIATIVE_STAGE_ORDER, 'stopped' as const]
    .filter((s) => byStage[s] > 0)
    .map((s) => `${enumLabel(INITIATIVE_STAGE, s, 'vi').toLowerCase()} ${byStage[s]}`)
    .join(', ');
}

/**
 * A dash list the Vietnamese way: each line ends with `;`, the last with `.`. A line that already
 * ends with punctuation (user text) is left as it is.
 */
export function dashList(lines: string[]): BulletsBlock {
  return bullets(lines.map((l, i) => (/[.;:!?]$/.test(l) ? l : `${l}${i === lines.length - 1 ? '.' : ';'}`)));
}
