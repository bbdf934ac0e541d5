// The typed data the core works on, after reading a workbook through the contract.
// Everything here is plain data (no classes, no Dates) so it can cross google.script.run,
// be JSON-encoded for the CLI and compared in tests.

/** A calendar date, `YYYY-MM-DD`. Compares correctly as a string. */
export type IsoDate = string;

export type Lang = 'vi' | 'en';

export const AREA_CODES = ['LV1', 'LV2', 'LV3', 'LV4', 'LV5', 'LV6', 'LV7', 'LV8'] as const;
export type AreaCode = (typeof AREA_CODES)[number];

export type Quarter = 1 | 2 | 3 | 4;
/** The quarters a report or a progress update may be for. */
export const PERIOD_CODES = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type PeriodCode = (typeof PERIOD_CODES)[number];

export type Severity = 'error' | 'warning' | 'notice';

/** One problem found in a workbook (the workbook contract "Every problem found"). */
export interface Issue {
  sheet: string;
  /** 1-based sheet row, null for a problem of the whole sheet or workbook. */
  row: number | null;
  /** The contract's header name of the column (not the user's alias), null when none. */
  column: string | null;
  /** A1 reference, e.g. `G7`; null when row or column is null. */
  cell: string | null;
  severity: Severity;
  /** Stable upper-case identifier, e.g. `DUE_BEFORE_START`. */
  code: string;
  /** Rendered in the requested language. */
  message: string;
}

export interface Settings {
  templateVersion: number | null;
  unitCode: string;
  unitName: string;
  parentBody: string;
  place: string;
  year: number | null;
  signer: string;
  signerTitle: string;
  recipients: string[];
  registrationDeadline: IsoDate | null;
  phase1Deadline: IsoDate | null;
  phase2Deadline: IsoDate | null;
  awardDossierDeadline: IsoDate | null;
  /** `Ngưỡng gần đạt (%)` as a fraction: 5 → 0.05. */
  tolerance: number;
  minAwardScore: number;
  emailReminders: boolean;
  /** District only: `Tự động cập nhật` (a refresh in the background, Google only). */
  autoRefresh: boolean;
}

export type CchcRole =
  | 'head' // Trưởng ban chỉ đạo
  | 'deputyHead' // Phó trưởng ban chỉ đạo
  | 'member' // Thành viên ban chỉ đạo
  | 'assistant'; // Tổ giúp việc

export interface Person {
  row: number;
  name: string;
  title: string;
  department: string;
  email: string;
  role: CchcRole | null;
}

export type TaskStatus = 'notStarted' | 'inProgress' | 'done' | 'paused' | 'cancelled';
export type TaskState = 'cancelled' | 'doneOnTime' | 'doneLate' | 'overdue' | 'dueSoon' | 'behind' | 'onTrack';

export interface Task {
  row: number;
  stt: string;
  area: AreaCode | null;
  title: string;
  owner: string;
  support: string;
  start: IsoDate | null;
  due: IsoDate | null;
  output: string;
  status: TaskStatus;
  /** Fraction 0..1, null when empty. */
  percent: number | null;
  doneDate: IsoDate | null;
  evidence: string;
  note: string;
  /** True when an error keeps this row out of the figures. */
  blocked: boolean;
}

export type KpiKind = 'ratio' | 'count' | 'yesno' | 'rating';
export type KpiDirection = '>=' | '<=';
export type KpiMethod = 'cumulative' | 'perQuarter' | 'latest';
export type KpiStatus = 'met' | 'near' | 'notMet' | 'notApplicable' | 'noData';

/**
 * A number as typed, kept exact: `text` is the decimal the user wrote (`98.5`, `1`, `0.985`),
 * normalised to a dot. The core does its comparisons on these decimals, never on floats.
 */
export interface Decimal {
  text: string;
}

export interface QuarterEntry {
  /** ratio: numerator; count: number; yes/no: boolean; rating: level name; null when empty. */
  achieved: Decimal | boolean | string | null;
  /** ratio only: denominator. */
  total: Decimal | null;
}

export interface Kpi {
  row: number;
  code: string;
  area: AreaCode | null;
  title: string;
  kind: KpiKind | null;
  direction: KpiDirection;
  /** ratio: fraction (1 = 100%); count: number; yes/no: true; rating: level name. */
  target: Decimal | boolean | string | null;
  method: KpiMethod;
  /** `Hoạt động: <Loại>` as the canonical activity type, or null when typed by hand. */
  sourceActivityType: string | null;
  quarters: [QuarterEntry, QuarterEntry, QuarterEntry, QuarterEntry];
  owner: string;
  evidence: string;
  note: string;
  blocked: boolean;
}

export type InitiativeStage = 'registered' | 'inProgress' | 'done' | 'accepted' | 'proposed' | 'recognised' | 'stopped';

export interface Initiative {
  row: number;
  stt: string;
  name: string;
  form: string;
  area: AreaCode | null;
  authors: string;
  individual: boolean | null;
  registered: IsoDate | null;
  summary: string;
  due: IsoDate | null;
  stage: InitiativeStage;
  percent: number | null;
  result: string;
  evidence: string;
  /** The five judging scores, null where not entered. */
  scores: [number | null, number | null, number | null, number | null, number | null];
  note: string;
  /** True when the row has any error. */
  hasError: boolean;
  /** True when name, stage or registration date has an error: kept out of the figures. */
  blocked: boolean;
}

export interface Activity {
  row: number;
  date: IsoDate | null;
  /** Canonical activity type name from the contract. */
  type: string;
  title: string;
  area: AreaCode | null;
  performer: string;
  link: string;
  note: string;
  blocked: boolean;
}

/** Where a template sheet's columns were found, so computed columns can be written back. */
export interface SheetHeaderMap {
  /** 1-based row of the header (1 in the installed templates; a user may add title rows). */
  headerRow: number;
  /** The contract's column key (e.g. `due`, `state`) → 1-based column, for the columns present. */
  columns: Record<string, number>;
  /** Last 1-based row with any content. */
  lastRow: number;
}

/** A school workbook as read through the contract. */
/**
 * The reporting frame (workbook contract "As-of date and period"), settled once by
 * core/frame.ts `reportingFrame` and carried to every reader, figure, sheet and document.
 */
export interface ReportingFrame {
  /** Today in Asia/Ho_Chi_Minh (the Clock's): a date after it is a typing mistake. */
  readonly today: IsoDate;
  /** The date the figures are as of: a task done after it was still open on it. */
  readonly asOf: IsoDate;
  /** The report period, a quarter of the plan year. */
  readonly period: PeriodCode;
  /** The plan year: `Năm` from `Thông tin`, else the as-of date's year. */
  readonly year: number;
}

export interface SchoolData {
  /** The frame it was read for: the as-of date, period and plan year every figure uses. */
  frame: ReportingFrame;
  templateVersion: number | null;
  /** Template sheet name → where its header and columns are; absent sheets are missing. */
  sheets: Record<string, SheetHeaderMap>;
  settings: Settings;
  people: Person[];
  tasks: Task[];
  kpis: Kpi[];
  initiatives: Initiative[];
  activities: Activity[];
  issues: Issue[];
}
