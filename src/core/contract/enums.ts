// Every enumerated word of the contract: the canonical Vietnamese spelling users see (and the
// installer's dropdowns list), the English label, the accepted other spellings, and the machine
// value the core works with (model.ts). Matching is done after text.ts folding, so case, NFC/NFD,
// spacing and old/new tone-mark placement need no alias here.

import type {
  AreaCode,
  CchcRole,
  InitiativeStage,
  KpiDirection,
  KpiKind,
  KpiMethod,
  KpiStatus,
  TaskState,
  TaskStatus,
} from '../model.ts';

export interface Label {
  vi: string;
  en: string;
}

export interface EnumOption<V extends string = string> {
  /** Machine value (model.ts). */
  value: V;
  /** Canonical Vietnamese spelling, written by the add-on and listed in dropdowns. */
  vi: string;
  en: string;
  /** Other spellings accepted on read (beyond case/accents/spacing, which are folded anyway). */
  aliases?: readonly string[];
}

export interface EnumSpec<V extends string = string> {
  /** Stable name of the enum, e.g. `taskStatus`. */
  key: string;
  options: readonly EnumOption<V>[];
}

function defineEnum<V extends string>(key: string, options: readonly EnumOption<V>[]): EnumSpec<V> {
  return { key, options };
}

/** The canonical Vietnamese spellings, in order (the installer's dropdown values). */
export const enumValues = (e: EnumSpec): string[] => e.options.map((o) => o.vi);

/** The option for a machine value. */
export function enumOption<V extends string>(e: EnumSpec<V>, value: V): EnumOption<V> {
  const o = e.options.find((x) => x.value === value);
  if (!o) throw new Error(`${e.key}: no option ${value}`);
  return o;
}

/** The label of a machine value in a language. */
export const enumLabel = <V extends string>(e: EnumSpec<V>, value: V, lang: 'vi' | 'en'): string =>
  enumOption(e, value)[lang];

// ------------------------------------------------------------------------------- areas (the domain (README))

export interface AreaSpec {
  code: AreaCode;
  /** 1..8 */
  number: number;
  vi: string;
  en: string;
  /** Short name for narrow tables and charts. */
  shortVi: string;
  shortEn: string;
}

export const AREAS: readonly AreaSpec[] = [
  {
    code: 'LV1', number: 1,
    vi: 'Công tác chỉ đạo, điều hành và truyền thông cải cách hành chính',
    en: 'Direction, management and communication of administrative reform',
    shortVi: 'Chỉ đạo, điều hành', shortEn: 'Direction',
  },
  { code: 'LV2', number: 2, vi: 'Cải cách thể chế', en: 'Institutional reform', shortVi: 'Thể chế', shortEn: 'Institutions' },
  {
    code: 'LV3', number: 3, vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform',
    shortVi: 'Thủ tục hành chính', shortEn: 'Procedures',
  },
  {
    code: 'LV4', number: 4, vi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    en: 'Reform of the state administrative apparatus', shortVi: 'Tổ chức bộ máy', shortEn: 'Organisation',
  },
  { code: 'LV5', number: 5, vi: 'Cải cách chế độ công vụ', en: 'Civil service reform', shortVi: 'Công vụ', shortEn: 'Civil service' },
  { code: 'LV6', number: 6, vi: 'Cải cách tài chính công', en: 'Public finance reform', shortVi: 'Tài chính công', shortEn: 'Public finance' },
  {
    code: 'LV7', number: 7, vi: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    en: 'E-government and digital government', shortVi: 'Chính quyền số', shortEn: 'Digital government',
  },
  {
    code: 'LV8', number: 8, vi: 'Khảo sát, đánh giá sự hài lòng của người dân',
    en: 'Surveys of citizen satisfaction', shortVi: 'Sự hài lòng', shortEn: 'Satisfaction',
  },
];

export const areaSpec = (code: AreaCode): AreaSpec => {
  const a = AREAS.find((x) => x.code === code);
  if (!a) throw new Error(`no area ${code}`);
  return a;
};

/** The dropdown spelling of an area: `3. Cải cách thủ tục hành chính`. */
export const areaDropdownValue = (a: AreaSpec): string => `${a.number}. ${a.vi}`;

// ------------------------------------------------------------------------- rating scales (the domain (README))

export type RatingScaleKey = 'reformIndex' | 'performance';

export interface RatingScale {
  key: RatingScaleKey;
  vi: string;
  en: string;
  /** Best first. */
  levels: readonly EnumOption<string>[];
}

export const RATING_SCALES: readonly RatingScale[] = [
  {
    key: 'reformIndex', vi: 'Chỉ số CCHC', en: 'Reform index',
    levels: [
      { value: 'Tốt', vi: 'Tốt', en: 'Good' },
      { value: 'Khá', vi: 'Khá', en: 'Fairly good' },
      { value: 'Trung bình', vi: 'Trung bình', en: 'Average', aliases: ['TB'] },
      { value: 'Yếu', vi: 'Yếu', en: 'Weak' },
    ],
  },
  {
    key: 'performance', vi: 'Xếp loại cán bộ, đơn vị', en: 'Staff and unit rating',
    levels: [
      { value: 'Hoàn thành xuất sắc nhiệm vụ', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent', aliases: ['HTXSNV', 'HTXS'] },
      { value: 'Hoàn thành tốt nhiệm vụ', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good', aliases: ['HTTNV', 'HTT'] },
      { value: 'Hoàn thành nhiệm vụ', vi: 'Hoàn thành nhiệm vụ', en: 'Satisfactory', aliases: ['HTNV'] },
      {
        value: 'Không hoàn thành nhiệm vụ', vi: 'Không hoàn thành nhiệm vụ', en: 'Unsatisfactory',
        aliases: ['KHTNV', 'Không hoàn thành'],
      },
    ],
  },
];

/** Every level of every scale, for the installer's (warning-only) dropdown. */
export const allRatingLevels = (): string[] => RATING_SCALES.flatMap((s) => s.levels.map((l) => l.vi));

/** Rank of a level on its scale: 0 is best. -1 when not on that scale. */
export function ratingRank(scale: RatingScaleKey, level: string): number {
  const s = RATING_SCALES.find((x) => x.key === scale);
  return s ? s.levels.findIndex((l) => l.value === level) : -1;
}

/** The scale a canonical level name belongs to. */
export function ratingScaleOf(level: string): RatingScale | null {
  return RATING_SCALES.find((s) => s.levels.some((l) => l.value === level)) ?? null;
}

// ------------------------------------------------------------------------------------ enums

export const CCHC_ROLE = defineEnum<CchcRole>('cchcRole', [
  { value: 'head', vi: 'Trưởng ban chỉ đạo', en: 'Steering committee head', aliases: ['Trưởng ban', 'Trưởng BCĐ'] },
  { value: 'deputyHead', vi: 'Phó trưởng ban chỉ đạo', en: 'Steering committee deputy head', aliases: ['Phó trưởng ban', 'Phó ban', 'Phó trưởng BCĐ'] },
  { value: 'member', vi: 'Thành viên ban chỉ đạo', en: 'Steering committee member', aliases: ['Thành viên', 'Thành viên BCĐ'] },
  { value: 'assistant', vi: 'Tổ giúp việc', en: 'Support team', aliases: ['Thành viên tổ giúp việc'] },
]);

export const TASK_STATUS = defineEnum<TaskStatus>('taskStatus', [
  { value: 'notStarted', vi: 'Chưa bắt đầu', en: 'Not started', aliases: ['Chưa thực hiện', 'Chưa triển khai'] },
  { value: 'inProgress', vi: 'Đang thực hiện', en: 'In progress', aliases: ['Đang triển khai', 'Đang làm'] },
  { value: 'done', vi: 'Hoàn thành', en: 'Done', aliases: ['Đã hoàn thành', 'Xong', 'Đã xong'] },
  { value: 'paused', vi: 'Tạm dừng', en: 'Paused', aliases: ['Tạm ngưng', 'Tạm hoãn'] },
  { value: 'cancelled', vi: 'Hủy bỏ', en: 'Cancelled', aliases: ['Hủy', 'Đã hủy', 'Không thực hiện'] },
]);

/** `⚙ Tình trạng` words (the workbook contract, Kế hoạch). */
export const TASK_STATE = defineEnum<TaskState>('taskState', [
  { value: 'cancelled', vi: 'Đã hủy', en: 'Cancelled' },
  { value: 'doneOnTime', vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  { value: 'doneLate', vi: 'Hoàn thành trễ hạn', en: 'Done late' },
  { value: 'overdue', vi: 'Quá hạn', en: 'Overdue' },
  { value: 'dueSoon', vi: 'Sắp đến hạn', en: 'Due soon' },
  { value: 'behind', vi: 'Chậm tiến độ', en: 'Behind schedule' },
  { value: 'onTrack', vi: 'Đúng tiến độ', en: 'On track' },
]);

export const KPI_KIND = defineEnum<KpiKind>('kpiKind', [
  { value: 'ratio', vi: 'Tỷ lệ', en: 'Ratio', aliases: ['Tỉ lệ', 'Tỷ lệ %', '%', 'Phần trăm'] },
  { value: 'count', vi: 'Số lượng', en: 'Count', aliases: ['Số', 'Đếm'] },
  { value: 'yesno', vi: 'Có/Không', en: 'Yes/No', aliases: ['Có / Không', 'Có hoặc không'] },
  { value: 'rating', vi: 'Xếp loại', en: 'Rating', aliases: ['Xếp hạng', 'Mức', 'Mức xếp loại'] },
]);

export const KPI_DIRECTION = defineEnum<KpiDirection>('kpiDirection', [
  { value: '>=', vi: '≥', en: 'At least', aliases: ['>=', '=>', '>', 'Tối thiểu', 'Ít nhất', 'Không dưới'] },
  { value: '<=', vi: '≤', en: 'At most', aliases: ['<=', '=<', '<', 'Tối đa', 'Không quá', 'Không vượt quá'] },
]);

export const KPI_METHOD = defineEnum<KpiMethod>('kpiMethod', [
  { value: 'cumulative', vi: 'Lũy kế', en: 'Cumulative', aliases: ['Cộng dồn'] },
  { value: 'perQuarter', vi: 'Từng quý', en: 'Each quarter', aliases: ['Theo quý', 'Mỗi quý', 'Hằng quý', 'Hàng quý'] },
  { value: 'latest', vi: 'Kỳ gần nhất', en: 'Latest period', aliases: ['Quý gần nhất', 'Gần nhất', 'Kỳ mới nhất'] },
]);

/** `⚙ Đánh giá` words (the workbook contract, Chỉ tiêu). */
export const KPI_STATUS = defineEnum<KpiStatus>('kpiStatus', [
  { value: 'met', vi: 'Đạt', en: 'Met' },
  { value: 'near', vi: 'Gần đạt', en: 'Nearly met' },
  { value: 'notMet', vi: 'Chưa đạt', en: 'Not met' },
  { value: 'notApplicable', vi: 'Không phát sinh', en: 'No cases arose' },
  { value: 'noData', vi: 'Chưa có số liệu', en: 'No data yet' },
]);

export const INITIATIVE_STAGE = defineEnum<InitiativeStage>('initiativeStage', [
  { value: 'registered', vi: 'Đăng ký', en: 'Registered', aliases: ['Đã đăng ký'] },
  { value: 'inProgress', vi: 'Đang triển khai', en: 'In progress', aliases: ['Đang thực hiện'] },
  { value: 'done', vi: 'Hoàn thành', en: 'Done', aliases: ['Đã hoàn thành'] },
  { value: 'accepted', vi: 'Đã nghiệm thu', en: 'Accepted', aliases: ['Nghiệm thu'] },
  { value: 'proposed', vi: 'Đề xuất nhân rộng', en: 'Proposed for replication', aliases: ['Nhân rộng'] },
  { value: 'recognised', vi: 'Được công nhận', en: 'Recognised', aliases: ['Đã được công nhận', 'Công nhận'] },
  { value: 'stopped', vi: 'Dừng', en: 'Stopped', aliases: ['Dừng thực hiện', 'Tạm dừng', 'Hủy bỏ'] },
]);

/** Order of the stages, for "from Hoàn thành onward" rules. `stopped` is outside the ladder. */
export const INITIATIVE_STAGE_ORDER: readonly InitiativeStage[] = ['registered', 'inProgress', 'done', 'accepted', 'proposed', 'recognised'];

/** True when `stage` is `from` or later on the ladder (never for `stopped`). */
export function stageAtLeast(stage: InitiativeStage, from: InitiativeStage): boolean {
  const i = INITIATIVE_STAGE_ORDER.indexOf(stage);
  const j = INITIATIVE_STAGE_ORDER.indexOf(from);
  return i >= 0 && j >= 0 && i >= j;
}

export type InitiativeForm = 'work' | 'model' | 'solution' | 'initiative' | 'goodPractice';
export const INITIATIVE_FORM = defineEnum<InitiativeForm>('initiativeForm', [
  { value: 'work', vi: 'Công trình', en: 'Work' },
  { value: 'model', vi: 'Mô hình', en: 'Model' },
  { value: 'solution', vi: 'Giải pháp', en: 'Solution' },
  { value: 'initiative', vi: 'Sáng kiến', en: 'Initiative' },
  { value: 'goodPractice', vi: 'Cách làm hay', en: 'Good practice' },
]);

export type AuthorKind = 'individual' | 'collective';
export const AUTHOR_KIND = defineEnum<AuthorKind>('authorKind', [
  { value: 'individual', vi: 'Cá nhân', en: 'Individual' },
  { value: 'collective', vi: 'Tập thể', en: 'Collective', aliases: ['Nhóm', 'Nhóm tác giả'] },
]);

export type AwardEligibility = 'eligible' | 'notEligible';
/** `⚙ Đề xuất khen thưởng` words. */
export const AWARD_ELIGIBILITY = defineEnum<AwardEligibility>('awardEligibility', [
  { value: 'eligible', vi: 'Đủ điều kiện', en: 'Eligible' },
  { value: 'notEligible', vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
]);

export type ActivityTypeKey =
  | 'webPost' | 'contest' | 'dialogue' | 'thematic' | 'training' | 'inspection' | 'survey' | 'other';
/** `Loại hoạt động`. model.ts Activity.type holds the canonical Vietnamese spelling (`vi`). */
export const ACTIVITY_TYPE = defineEnum<ActivityTypeKey>('activityType', [
  {
    value: 'webPost', vi: 'Bài viết trên trang thông tin điện tử', en: 'Website post',
    aliases: ['Bài viết', 'Tin bài', 'Bài viết trên website', 'Bài viết trên trang web', 'Sản phẩm truyền thông'],
  },
  { value: 'contest', vi: 'Hội thi', en: 'Contest', aliases: ['Cuộc thi', 'Thi'] },
  { value: 'dialogue', vi: 'Tọa đàm, đối thoại', en: 'Talk, dialogue', aliases: ['Tọa đàm', 'Đối thoại'] },
  { value: 'thematic', vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting', aliases: ['Chuyên đề'] },
  { value: 'training', vi: 'Tập huấn, bồi dưỡng', en: 'Training', aliases: ['Tập huấn', 'Bồi dưỡng'] },
  { value: 'inspection', vi: 'Kiểm tra, giám sát', en: 'Inspection, supervision', aliases: ['Kiểm tra', 'Giám sát'] },
  { value: 'survey', vi: 'Khảo sát', en: 'Survey' },
  { value: 'other', vi: 'Khác', en: 'Other' },
]);

export type YesNo = 'yes' | 'no';
/**
 * Yes/no words. Accepted: `Có`/`Không` (any case, with or without accents), `x`, `✓`, `✔` and
 * `Đạt`/`Chưa đạt` for yes/no; checkbox booleans and 1/0 are handled by the parser.
 */
export const YES_NO = defineEnum<YesNo>('yesNo', [
  { value: 'yes', vi: 'Có', en: 'Yes', aliases: ['x', '✓', '✔', '☑', 'Đạt', 'Đã có', 'Yes', 'True', 'Bật'] },
  { value: 'no', vi: 'Không', en: 'No', aliases: ['✗', '✘', '☐', 'Chưa đạt', 'Không đạt', 'Chưa', 'Chưa có', 'No', 'False', 'Tắt'] },
]);

/** `Tổng hợp đơn vị` read status (district): core/district/types.ts `SchoolStatus`. */
export type UnitReadStatus = 'ok' | 'dataErrors' | 'noAccess' | 'notFound' | 'unreadable' | 'wrongTemplate' | 'otherYear' | 'duplicate';
export const UNIT_READ_STATUS = defineEnum<UnitReadStatus>('unitReadStatus', [
  { value: 'ok', vi: 'Đã đọc', en: 'Read' },
  { value: 'dataErrors', vi: 'Có lỗi dữ liệu', en: 'Data errors' },
  { value: 'noAccess', vi: 'Không có quyền truy cập', en: 'No access' },
  { value: 'notFound', vi: 'Không tìm thấy', en: 'Not found' },
  { value: 'unreadable', vi: 'Không đọc được', en: 'Unreadable' },
  { value: 'wrongTemplate', vi: 'Sai mẫu', en: 'Wrong template' },
  { value: 'otherYear', vi: 'Khác năm', en: 'Other year' },
  { value: 'duplicate', vi: 'Trùng mã', en: 'Duplicate code' },
]);

/** Prefix of `Nguồn số liệu` for a target counted from `Hoạt động`: `Hoạt động: Hội thi`. */
export const ACTIVITY_SOURCE_PREFIX = 'Hoạt động';
export const activitySourceValue = (type: ActivityTypeKey): string =>
  `${ACTIVITY_SOURCE_PREFIX}: ${enumOption(ACTIVITY_TYPE, type).vi}`;

/** Quarter names as written in headers. */
export const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'] as const;
