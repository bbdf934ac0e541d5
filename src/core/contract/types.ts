// The shape of the contract: sheets and their columns, as data. Everything the installer, the
// reader, the validator and the writers need about a column lives in one ColumnSpec.

import type { Label, EnumSpec } from './enums.ts';

/** What a cell of the column may hold. */
export type ColumnType =
  | { kind: 'text' }
  /** Free text up to `maxLength` characters (longer is an error). */
  | { kind: 'longText'; maxLength: number }
  | { kind: 'date' }
  /** Percent 0–100%, stored as a fraction. */
  | { kind: 'ratio' }
  | { kind: 'number'; min?: number; max?: number }
  /** A judging score, 0–20. */
  | { kind: 'score'; min: 0; max: 20 }
  | { kind: 'enum'; enum: EnumSpec }
  /** Lĩnh vực: LV1–LV8 in any accepted spelling. */
  | { kind: 'area' }
  | { kind: 'email' }
  /** A link, or text describing where the evidence is. */
  | { kind: 'link' }
  /** A level of one of the rating scales. */
  | { kind: 'rating' }
  | { kind: 'yesNo' }
  /**
   * A target's value whose type depends on the row's `Loại` (Mục tiêu, Quý … - Đạt): ratio,
   * count, yes/no or rating; `role` says which cell it is.
   */
  | { kind: 'kpiValue'; role: 'target' | 'achieved' | 'total' }
  /** `Nguồn số liệu`: empty or `Hoạt động: <Loại hoạt động>`. */
  | { kind: 'kpiSource' }
  /** ⚙ written by the add-on; `shows` says what it displays (for formats). */
  | { kind: 'computed'; shows: 'text' | 'ratio' | 'number' | 'date' | 'datetime' };

export type ColumnTypeKind = ColumnType['kind'];

/** How the installer's data validation treats other input: reject it, or only warn. */
export type ValidationMode = 'strict' | 'warn' | 'none';

export interface ColumnSpec {
  /** Stable English camelCase key (SheetHeaderMap.columns, Issue lookups). */
  key: string;
  /** The exact header the installer writes (Vietnamese). Issue.column uses it. */
  header: string;
  /** English label of the column (sidebar, English messages). */
  en: string;
  /** Other headers accepted on read (matched after text folding). */
  aliases: readonly string[];
  type: ColumnType;
  /** An entry row with this cell empty is an error. */
  required: boolean;
  /** Value meant when the cell is empty (canonical spelling), if any. */
  default?: string;
  /** Header note, in both languages. */
  help: Label;
  /** Column width in pixels. */
  width: number;
  /** Number format of the data cells, e.g. `dd/mm/yyyy`, `0%`, `0.0%`, `@`. */
  numberFormat?: string;
  /** The installer's data validation for the column (its kind follows from `type`). */
  validation: ValidationMode;
  /** ⚙: written by the add-on, never read as input. Same as `type.kind === 'computed'`. */
  computed: boolean;
  /** Wrap text in the data cells. */
  wrap?: boolean;
  /**
   * Cells that alone do not make a row an entry (STT: schools pre-number empty rows).
   */
  notAnEntry?: boolean;
}

export type SheetKey =
  | 'settings' | 'people' | 'tasks' | 'kpis' | 'initiatives' | 'activities'
  | 'dashboard' | 'log' | 'guide'
  | 'units' | 'unitSummary' | 'unitKpis' | 'unitState';

export type SheetRole =
  /** Users type here; the reader reads it. */
  | 'input'
  /** Thông tin: `Mục` | `Giá trị` rows. */
  | 'settings'
  /** Written whole by the add-on (Tổng hợp, Tổng hợp đơn vị, Chỉ tiêu toàn đơn vị). */
  | 'output'
  /** Rows appended by the add-on (Nhật ký). */
  | 'log'
  /** Text written by the installer (Hướng dẫn). */
  | 'guide';

export interface SheetSpec {
  key: SheetKey;
  /** Exact sheet name. */
  name: string;
  en: string;
  role: SheetRole;
  /** In a school workbook. */
  school: boolean;
  /** In the district workbook. */
  district: boolean;
  /** Columns in installed order; empty for sheets written whole without a fixed header. */
  columns: readonly ColumnSpec[];
  /** Protected with a warning-only protection as a whole. */
  protectSheet: boolean;
  /** Header rows frozen by the installer. */
  frozenRows: number;
  /** Extra columns are added per school (Chỉ tiêu toàn đơn vị: a school per column). */
  dynamicColumns?: boolean;
  /** Hidden from the user (the district's stored reads). */
  hidden?: boolean;
}
