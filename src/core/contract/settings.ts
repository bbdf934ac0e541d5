// The `Mục` rows of `Thông tin` (the workbook contract), with their types and defaults.

import type { Settings } from '../model.ts';
import type { Label } from './enums.ts';

export type SettingType = 'text' | 'lines' | 'integer' | 'year' | 'date' | 'percentPoints' | 'number' | 'yesNo';

export interface SettingSpec {
  /** model.ts Settings field. */
  key: keyof Settings;
  /** The `Mục` text the installer writes. */
  label: string;
  en: string;
  aliases: readonly string[];
  type: SettingType;
  required: boolean;
  /**
   * Value meant when the row is missing or empty, as the installer writes it. `{year}` stands for
   * the plan year (`Năm`): deadlines default to the seed campaign dates of that year.
   */
  default?: string;
  help: Label;
  /** Example shown in the guide. */
  example: string;
  /** Bounds for numbers. */
  min?: number;
  max?: number;
  /** Written by the installer, not by the user. */
  installerOwned?: boolean;
  /** Only in this kind of workbook's `Thông tin` (absent: in both). */
  only?: 'school' | 'district';
  /** `default` holds only in this kind of workbook (absent: in both); in the other the row stays empty. */
  defaultIn?: 'school' | 'district';
}

/**
 * `Mã đơn vị` goes into every document number (`Số: 12/BC-MNBT`), file name and the district's
 * list, so it is capitals (Đ included), digits and inner hyphens, at most 20 characters, no
 * spaces: `MNBT`, `MN-TANHUNG`. Lower case is refused rather than changed, so the user sees the
 * number exactly as it will be printed.
 */
export const UNIT_CODE_PATTERN = /^[A-ZĐ0-9](?:[A-ZĐ0-9-]{0,18}[A-ZĐ0-9])?$/u;
export const isUnitCode = (code: string): boolean => UNIT_CODE_PATTERN.test(code.normalize('NFC'));

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'templateVersion', label: 'Phiên bản mẫu', en: 'Template version', aliases: ['Phiên bản'], type: 'integer', required: false,
    help: { vi: 'Tiện ích tự ghi, không sửa.', en: 'Written by the add-on; do not edit.' }, example: '1', installerOwned: true,
  },
  {
    key: 'unitCode', label: 'Mã đơn vị', en: 'Unit code', aliases: ['Mã trường', 'Ký hiệu đơn vị'], type: 'text', required: true,
    help: { vi: 'Mã viết tắt của đơn vị, dùng trong số văn bản (Số: 12/BC-MNBT).', en: 'Short unit code, used in document numbers.' }, example: 'MNBT',
  },
  {
    key: 'unitName', label: 'Tên đơn vị', en: 'Unit name', aliases: ['Tên trường'], type: 'text', required: true,
    help: { vi: 'Tên đầy đủ của đơn vị.', en: 'Full unit name.' }, example: 'Trường Mầm non Bến Thành',
  },
  {
    key: 'parentBody', label: 'Cơ quan chủ quản', en: 'Parent body', aliases: ['Cơ quan cấp trên'], type: 'text', required: false,
    help: { vi: 'Cơ quan cấp trên, in ở góc trái văn bản.', en: 'The body above the unit, printed top left.' }, example: 'Ủy ban nhân dân Quận 1',
  },
  {
    key: 'place', label: 'Địa danh', en: 'Place', aliases: ['Nơi ban hành'], type: 'text', required: false,
    help: { vi: 'Địa danh ở dòng ngày tháng của văn bản.', en: 'Place on the date line.' }, example: 'Quận 1',
  },
  {
    key: 'year', label: 'Năm', en: 'Year', aliases: ['Năm kế hoạch', 'Năm học'], type: 'year', required: true, min: 2000, max: 2100,
    help: { vi: 'Năm kế hoạch (năm dương lịch), ví dụ 2024.', en: 'Plan year (calendar year), e.g. 2024.' }, example: '2024',
  },
  {
    key: 'signer', label: 'Người ký', en: 'Signer', aliases: [], type: 'text', required: false,
    help: { vi: 'Họ tên người ký văn bản.', en: 'Name of the person who signs.' }, example: 'Nguyễn Mai Hằng',
  },
  {
    key: 'signerTitle', label: 'Chức vụ người ký', en: 'Signer title', aliases: [], type: 'text', required: false, default: 'Hiệu trưởng', defaultIn: 'school',
    help: {
      vi: 'Chức vụ người ký, ví dụ Hiệu trưởng hoặc Phó Hiệu trưởng; ở cấp trên ví dụ Chủ tịch, Phó Chủ tịch, Trưởng phòng (để trống: theo Tên đơn vị).',
      en: 'Signer\'s title, e.g. Hiệu trưởng (principal); for the district e.g. Chủ tịch, Trưởng phòng (empty: from the unit name).',
    },
    example: 'Hiệu trưởng',
  },
  {
    key: 'recipients', label: 'Nơi nhận', en: 'Recipients', aliases: [], type: 'lines', required: false,
    help: { vi: 'Mỗi nơi nhận một dòng (Alt+Enter để xuống dòng).', en: 'One recipient a line.' }, example: 'Phòng Nội vụ Quận 1\nThành viên BCĐ CCHC\nLưu: VT',
  },
  {
    key: 'registrationDeadline', label: 'Hạn đăng ký sáng kiến', en: 'Initiative registration deadline', aliases: [], type: 'date', required: false,
    default: '22/04/{year}', help: { vi: 'Hạn đăng ký sáng kiến, ngày/tháng/năm.', en: 'Initiative registration deadline.' }, example: '22/04/2024',
  },
  {
    key: 'phase1Deadline', label: 'Hạn báo cáo đợt 1', en: 'Phase-1 report deadline', aliases: [], type: 'date', required: false,
    default: '10/06/{year}', help: { vi: 'Hạn báo cáo đợt 1.', en: 'Phase-1 report deadline.' }, example: '10/06/2024',
  },
  {
    key: 'phase2Deadline', label: 'Hạn báo cáo đợt 2', en: 'Phase-2 report deadline', aliases: [], type: 'date', required: false,
    default: '25/11/{year}', help: { vi: 'Hạn báo cáo đợt 2.', en: 'Phase-2 report deadline.' }, example: '25/11/2024',
  },
  {
    key: 'awardDossierDeadline', label: 'Hạn hồ sơ khen thưởng', en: 'Award dossier deadline', aliases: [], type: 'date', required: false,
    default: '05/12/{year}', help: { vi: 'Hạn nộp hồ sơ khen thưởng.', en: 'Award dossier deadline.' }, example: '05/12/2024',
  },
  {
    key: 'tolerance', label: 'Ngưỡng gần đạt (%)', en: 'Near-miss tolerance (%)', aliases: ['Ngưỡng gần đạt'], type: 'percentPoints', required: false,
    default: '5', min: 0, max: 100,
    help: { vi: 'Chỉ tiêu thiếu không quá ngần này phần trăm so với mục tiêu được xếp Gần đạt.', en: 'A target missed by at most this percentage is "nearly met".' }, example: '5',
  },
  {
    key: 'minAwardScore', label: 'Điểm tối thiểu đề xuất', en: 'Minimum award score', aliases: ['Điểm tối thiểu'], type: 'number', required: false,
    default: '70', min: 0, max: 100,
    help: { vi: 'Sáng kiến đạt từ số điểm này trở lên được đề xuất khen thưởng.', en: 'Initiatives scoring at least this are proposed for an award.' }, example: '70',
  },
  {
    key: 'emailReminders', label: 'Nhắc việc qua email', en: 'E-mail reminders', aliases: ['Nhắc việc'], type: 'yesNo', required: false,
    default: 'Không', help: { vi: 'Có: gửi thư nhắc việc hằng tuần cho người chủ trì.', en: 'Có: weekly reminder e-mails to task leads.' }, example: 'Không',
  },
  {
    key: 'autoRefresh', label: 'Tự động cập nhật', en: 'Automatic refresh', aliases: ['Cập nhật tự động', 'Tự động cập nhật số liệu'], type: 'yesNo', required: false,
    default: 'Không', only: 'district',
    help: {
      vi: 'Có: tiện ích tự cập nhật số liệu các đơn vị trong nền, mỗi giờ một lần (chỉ trên Google Trang tính).',
      en: 'Có: the add-on refreshes the units\' figures in the background, once an hour (Google Sheets only).',
    },
    example: 'Không',
  },
];

/** The value a setting takes when its cell is empty in this kind of workbook; undefined: none. */
export function settingDefaultIn(spec: SettingSpec, kind: 'school' | 'district', year: number | null): string | undefined {
  if (spec.defaultIn !== undefined && spec.defaultIn !== kind) return undefined;
  return settingDefault(spec, year);
}

/**
 * The title of the head who signs for a body above the schools, from its name: a People's
 * Committee's chair (`Ủy ban nhân dân phường Tân Hưng` → Chủ tịch), a department's head (`Phòng
 * Giáo dục và Đào tạo Quận 1` → Trưởng phòng, `Sở …` → Giám đốc), a school's principal; any other
 * body `Thủ trưởng đơn vị`. Only where `Chức vụ người ký` is left empty: what is typed there wins.
 */
export function headTitleOf(unitName: string): string {
  const n = unitName.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(ủy|uỷ) ban nhân dân\b/u.test(n) || /^ubnd\b/u.test(n)) return 'Chủ tịch';
  if (/^phòng\b/u.test(n)) return 'Trưởng phòng';
  if (/^sở\b/u.test(n)) return 'Giám đốc';
  if (/^ban\b/u.test(n)) return 'Trưởng ban';
  if (/^trường\b/u.test(n)) return 'Hiệu trưởng';
  return 'Thủ trưởng đơn vị';
}

/** The `Thông tin` rows of a school's or the district's workbook, in contract order. */
export const settingsFor = (kind: 'school' | 'district'): readonly SettingSpec[] => SETTINGS.filter((s) => s.only === undefined || s.only === kind);

export function settingSpec(key: keyof Settings): SettingSpec {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${String(key)}`);
  return s;
}

/** A setting's default for a plan year (`{year}` filled in), or undefined when it has none. */
export function settingDefault(spec: SettingSpec, year: number | null): string | undefined {
  if (spec.default === undefined) return undefined;
  if (!spec.default.includes('{year}')) return spec.default;
  return year === null ? undefined : spec.default.replace('{year}', String(year));
}
