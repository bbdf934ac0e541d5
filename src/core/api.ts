// The contract between the sidebar and the server (Apps Script via google.script.run, or
// `cchc serve` via HTTP). Every call has a zod input and output schema; everything crossing is
// plain JSON (no Dates: `YYYY-MM-DD` strings), because google.script.run drops Dates and
// `undefined` and HTTP only carries JSON.
//
// Wire conventions (both sides must agree):
// - Apps Script: the sidebar calls the top-level server function named like the call
//   (`google.script.run.validate(input)`), which returns an `ApiEnvelope` (never throws for an
//   expected failure; a thrown error reaches the client's failure handler and becomes code
//   `SERVER`). `dispatchApiCall` below builds it.
// - HTTP (`cchc serve`): `POST /api/<name>` with the input as JSON body; 200 with the output, or
//   an error status (`API_ERROR_STATUS`) with an `ApiError` body.

// The namespace import lets esbuild drop what is unused (the named `z` pulls all of zod, ~750 KB).
import * as z from 'zod';
import { PERIOD_CODES, type Lang } from './model.ts';
import { REPORT_TYPES } from './report/doc-model.ts';
import type { DashboardSummary } from './progress/types.ts';
import type { DistrictView, PickerConfig } from './district/view.ts';
import { t } from './i18n.ts';
import type { ReminderState } from './remind/state.ts';
import type { RolloverDone, RolloverView } from './rollover/view.ts';

// ---------------------------------------------------------------- building blocks

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is refused). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    if (m < 1 || m > 12 || d < 1) return false;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
    return d <= days;
  }, 'not a calendar date');

export const langSchema = z.enum(['vi', 'en']);
export const periodSchema = z.enum(PERIOD_CODES);
export const severitySchema = z.enum(['error', 'warning', 'notice']);
const count = z.number().int().nonnegative();
/** An A1 reference of one cell, e.g. `G7` (at most column XFD, as in both Sheets and Excel). */
export const a1CellSchema = z.string().regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/, 'A1 cell, e.g. G7');
const sheetName = z.string().min(1).max(100);

/** One problem found (model.ts `Issue`, the CLI contract (README) validate JSON). */
export const issueSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  cell: a1CellSchema.nullable(),
  severity: severitySchema,
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  message: z.string(),
});

export const issueCountsSchema = z.object({ error: count, warning: count, notice: count });

/** Tasks by `Tình trạng` (the CLI contract (README) task `state`), all seven keys present. */
export const taskStateCountsSchema = z.object({
  cancelled: count,
  doneOnTime: count,
  doneLate: count,
  overdue: count,
  dueSoon: count,
  behind: count,
  onTrack: count,
});

/** Targets by `Đánh giá` (the CLI contract (README) `kpiCounts`). */
export const kpiCountsSchema = z.object({
  met: count,
  near: count,
  notMet: count,
  notApplicable: count,
  noData: count,
});

/** A coming date: one of the campaign deadlines from `Thông tin`, or a task's deadline. */
export const milestoneSchema = z.object({
  date: isoDateSchema,
  /** In the user's language, e.g. `Hạn báo cáo đợt 1` or the task's title. */
  label: z.string(),
  kind: z.enum(['registration', 'phase1', 'phase2', 'awardDossier', 'taskDue']),
});

export const overdueTaskSchema = z.object({
  /** Row in `Kế hoạch` (1-based), so the sidebar can select it. */
  row: z.number().int().positive(),
  title: z.string(),
  owner: z.string(),
  due: isoDateSchema,
  /** Whole days from the deadline to the as-of date (≥ 1). */
  daysLate: z.number().int().positive(),
});

/** The school's status at a glance (what `Tổng hợp` shows, trimmed for a 300-px sidebar). */
export const dashboardSchema = z.object({
  asOf: isoDateSchema,
  period: periodSchema,
  tasks: z.object({ total: count, done: count, byState: taskStateCountsSchema }),
  kpis: z.object({ total: count, byStatus: kpiCountsSchema }),
  /** Upcoming within 30 days of the as-of date, soonest first (the workbook contract `Tổng hợp`). */
  milestones: z.array(milestoneSchema),
  /** Most late first. */
  overdue: z.array(overdueTaskSchema),
});

export const reportTypeSchema = z.enum(REPORT_TYPES);
/** What generateReport makes: a school's report, or `district`, the district's (a workbook with `Danh sách đơn vị`) from its stored reads. */
export const documentTypeSchema = z.union([reportTypeSchema, z.literal('district')]);

/** The errors of one sheet and the rows they keep out of the figures. */
export const sheetErrorsSchema = z.object({
  sheet: sheetName,
  /** Problems of severity error on this sheet. */
  errors: count,
  /**
   * Distinct rows of this input sheet the figures leave out because of an error (the workbook contract:
   * errors keep a row out of the figures it would break). 0 for `Thông tin`, a missing sheet, or
   * errors that break no figure (a note, an e-mail address).
   */
  rowsLeftOut: count,
});

/** How many errors the data has and how many rows they keep out of the figures. */
export const dataErrorsSchema = z
  .object({
    /** Problems of severity error in the workbook (validate's `counts.error`). */
    errors: count,
    /** Rows left out on all sheets: the sum of `sheets[].rowsLeftOut`. */
    rowsLeftOut: count,
    /** Every sheet with an error or a row left out, in workbook order. */
    sheets: z.array(sheetErrorsSchema),
  })
  .refine((d) => d.rowsLeftOut === d.sheets.reduce((n, s) => n + s.rowsLeftOut, 0), 'rowsLeftOut is the sum over sheets')
  .refine((d) => d.errors === d.sheets.reduce((n, s) => n + s.errors, 0), 'errors is the sum over sheets');

/**
 * The reporting frame the user chose: both optional, each defaulting as the workbook contract says (the
 * server settles them; the sidebar sends back what it was given).
 */
const frameInput = { asOf: isoDateSchema.optional(), period: periodSchema.optional() };

const noInput = z.object({});

/** What a check of the data gives (the CLI contract (README) validate JSON). */
export const validationSchema = z.object({
  templateVersion: z.number().int().positive().nullable(),
  asOf: isoDateSchema,
  issues: z.array(issueSchema),
  counts: issueCountsSchema,
});

// ---------------------------------------------------------------- the district

/** A school's read status (the contract's `Trạng thái đọc`, district/types.ts SchoolStatus). */
export const schoolStatusSchema = z.enum(['ok', 'dataErrors', 'noAccess', 'notFound', 'unreadable', 'wrongTemplate', 'otherYear', 'duplicate']);

/** Where a district refresh stands (district/progress.ts RefreshProgress). */
export const refreshProgressSchema = z.object({
  asOf: isoDateSchema,
  period: periodSchema,
  /** True while schools are left: the sidebar calls districtRefresh again. */
  running: z.boolean(),
  /** Schools in the list that can be read. */
  total: count,
  /** Settled in this refresh (read, reused or failed for good). */
  done: count,
  /** Of `done`, kept because the file did not change. */
  reused: count,
  /** The next school to be read, or null. */
  current: z.object({ code: z.string(), name: z.string() }).nullable(),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Read requests sent in this refresh, and how many Google answered 429 (each retried). */
  readRequests: count,
  quotaErrors: count,
  byStatus: z.partialRecord(schoolStatusSchema, count),
});

/** One school of the district as the sidebar lists it. */
export const districtSchoolSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The list's `Liên kết`, as typed. */
  source: z.string(),
  status: schoolStatusSchema,
  /** The status in the user's language. */
  statusLabel: z.string(),
  /** Why it is not counted and what to do ('' when read without a problem). */
  message: z.string(),
  errors: count,
  /** An unchanged file: its stored figures stand. */
  reused: z.boolean(),
  changedAt: z.string().nullable(),
  readAt: z.string().nullable(),
});

/** The district view: the refresh, the schools settled so far, the background refresh. */
export const districtViewSchema = z.object({
  /** Null before the first refresh. */
  progress: refreshProgressSchema.nullable(),
  /** In list order; group by `status` to show them by status. */
  schools: z.array(districtSchoolSchema),
  /** `Tự động cập nhật` in Thông tin, and whether the hourly trigger is in place. */
  autoRefresh: z.object({ enabled: z.boolean(), scheduled: z.boolean() }),
  /** A line the officer should read ('' when none): Drive not reachable, the trigger refused. */
  notice: z.string(),
});

// ---------------------------------------------------------------- the weekly reminders

export const reminderStateSchema = z.object({
  enabled: z.boolean(),
  scheduled: z.boolean(),
  /** The Monday of the last week sent, null before the first. */
  lastMonday: isoDateSchema.nullable(),
  notice: z.string(),
});

// ---------------------------------------------------------------- a new year (Năm mới)

export const rolloverViewSchema = z.object({
  place: z.enum(['none', 'original', 'copy', 'local']),
  fromYear: z.number().int().positive(),
  toYear: z.number().int().positive(),
});

export const rolloverDoneSchema = z.object({
  fromYear: z.number().int().positive(),
  toYear: z.number().int().positive(),
  tasks: count,
  pastYear: count,
  kpis: count,
  initiatives: count,
  counts: issueCountsSchema,
});

// ---------------------------------------------------------------- the calls

export const API = {
  /** Everything the sidebar shows on opening. */
  /** Everything the sidebar shows, for the as-of date and period asked (default: the workbook contract). */
  getState: {
    /** `withIssues`: also the check's result (the menu's "Kiểm tra dữ liệu": one read of the school). */
    input: z.object({ ...frameInput, withIssues: z.boolean().optional() }),
    output: z.object({
      lang: langSchema,
      unit: z.object({ code: z.string(), name: z.string() }),
      /** The effective as-of date and period: the ones asked, or their defaults, settled. */
      asOf: isoDateSchema,
      period: periodSchema,
      /** `Năm` in `Thông tin`; null when not installed or not filled in. */
      planYear: z.number().int().positive().nullable(),
      templateInstalled: z.boolean(),
      templateVersion: z.number().int().positive().nullable(),
      /** Null when the template is not installed or its figures cannot be computed. */
      summary: dashboardSchema.nullable(),
      /** Null when the template is not installed. */
      dataErrors: dataErrorsSchema.nullable(),
      /** The check's result when asked for (`withIssues`), else null. */
      validation: validationSchema.nullable(),
      /**
       * A district workbook (`Danh sách đơn vị`): the sidebar shows the district view (districtState)
       * instead of the school's. Absent from an older server: a school.
       */
      district: z.boolean().optional(),
    }),
  },
  /** Remember the user's language (user properties in Sheets; the local config in serve). */
  setLanguage: {
    input: z.object({ lang: langSchema }),
    output: z.object({ lang: langSchema }),
  },
  /** Install or upgrade the template (idempotent, the workbook contract). */
  installTemplate: {
    input: noInput,
    output: z.object({
      templateVersion: z.number().int().positive(),
      /** Sheets that did not exist before. */
      createdSheets: z.array(z.string()),
    }),
  },
  validate: {
    input: z.object(frameInput),
    output: validationSchema,
  },
  /** Activate a sheet and select one cell (the user clicked a problem). */
  selectCell: {
    input: z.object({ sheet: sheetName, cell: a1CellSchema }),
    output: z.object({ sheet: z.string(), cell: a1CellSchema }),
  },
  /** Put the problems on the cells (note + colour), replacing earlier marks. */
  markProblems: {
    input: z.object(frameInput),
    output: z.object({ marked: count, sheets: z.array(z.string()) }),
  },
  clearMarks: {
    input: noInput,
    output: z.object({ sheets: z.array(z.string()) }),
  },
  /** Write the ⚙ columns, `Tổng hợp` and a `Nhật ký` row; returns the fresh dashboard. */
  updateProgress: {
    input: z.object(frameInput),
    output: z.object({ summary: dashboardSchema, counts: issueCountsSchema, dataErrors: dataErrorsSchema }),
  },
  generateReport: {
    input: z.object({
      type: documentTypeSchema,
      /** quarterly only; default the quarter holding the as-of date. */
      period: periodSchema.optional(),
      asOf: isoDateSchema.optional(),
      /** The date printed on the document; default today. */
      date: isoDateSchema.optional(),
    }),
    output: z.object({
      /** Doc link in Sheets; a download path (`/download/…`) in serve. http(s) or a root path. */
      url: z.string().regex(/^(https?:\/\/|\/)/, 'http(s) URL or root path'),
      /** File or document name. */
      name: z.string().min(1),
      /** The document number as printed, e.g. `12/BC-MNBT`. */
      number: z.string().min(1),
      /** Where the PDF of it is (a Google Doc's export link); null when there is none to link. */
      pdfUrl: z.string().regex(/^https:\/\//, 'https URL').nullable(),
      /** The errors of the data the report was made from, and the rows its figures left out. */
      dataErrors: dataErrorsSchema,
    }),
  },
  /**
   * The district (a workbook with `Danh sách đơn vị`): where the refresh stands and the schools by
   * status, without reading a school. NOT_AVAILABLE outside Google Sheets; NOT_INSTALLED
   * on a workbook without the district template.
   */
  districtState: {
    input: noInput,
    output: districtViewSchema,
  },
  /**
   * One step of a refresh (one execution: up to ~4.5 minutes of reads within the Sheets quota).
   * Continues the running refresh, or starts one for `asOf`/`period` (defaults as getState);
   * `full`: read every school, changed or not. The sidebar calls it again while
   * `progress.running`; each call is a fresh execution.
   */
  districtRefresh: {
    input: z.object({ ...frameInput, full: z.boolean().optional() }),
    output: districtViewSchema,
  },
  /** What the file picker dialog needs: the deployer's API key and App ID, the user's token, its words. */
  pickerConfig: {
    input: noInput,
    output: z.object({
      /** False when the deployer has not set the script properties; then `message` says which. */
      configured: z.boolean(),
      message: z.string(),
      apiKey: z.string().nullable(),
      /** The Cloud project number (the Picker's App ID). */
      appId: z.string().nullable(),
      oauthToken: z.string().nullable(),
      texts: z.object({ title: z.string(), intro: z.string(), open: z.string(), cancelled: z.string(), picked: z.string(), failed: z.string() }),
    }),
  },
  /**
   * Open the file picker dialog over the sheet (the schools' files, chosen for drive.file).
   * NOT_AVAILABLE where there is no picker (`cchc serve`: the schools are local files).
   */
  showPicker: {
    input: noInput,
    output: z.object({ shown: z.literal(true) }),
  },
  /**
   * The weekly reminders (`Nhắc việc qua email`): the setting, this user's weekly trigger, the
   * last week sent. NOT_AVAILABLE outside Google Sheets (`cchc remind` on a computer).
   */
  reminderState: {
    input: noInput,
    output: reminderStateSchema,
  },
  /** Turn them on (the setting Có, this user's Monday 7h trigger made) or off (Không, removed). */
  setReminders: {
    input: z.object({ on: z.boolean() }),
    output: reminderStateSchema,
  },
  /**
   * `Năm mới` (app/rollover.ts): is this spreadsheet the original got ready, a copy to roll, or
   * neither; `local` where there is no spreadsheet ID (`cchc serve`: `cchc rollover`).
   */
  rolloverState: {
    input: noInput,
    output: rolloverViewSchema,
  },
  /** In the original: its one `Nhật ký` row with the marker its copy will carry. */
  startRollover: {
    input: noInput,
    output: rolloverViewSchema,
  },
  /** In the copy: roll it forward to the next year, in place. IS_ORIGINAL in the original. */
  rollCopy: {
    input: noInput,
    output: rolloverDoneSchema,
  },
} as const;

export type ApiName = keyof typeof API;
export const API_NAMES = Object.keys(API) as ApiName[];
export type ApiInput<N extends ApiName> = z.input<(typeof API)[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<(typeof API)[N]['output']>;
export type Dashboard = z.output<typeof dashboardSchema>;
// The core's summary (progress/types.ts) and this schema describe one shape: checked both ways at
// compile time, so neither can gain a field the other lacks.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DASHBOARD_SHAPE_MATCHES: SameShape<Dashboard, DashboardSummary> = true;
export type DistrictViewOutput = z.output<typeof districtViewSchema>;
export const DISTRICT_SHAPE_MATCHES: SameShape<DistrictViewOutput, DistrictView> = true;
export const REMINDER_SHAPE_MATCHES: SameShape<ApiOutput<'reminderState'>, ReminderState> = true;
export const ROLLOVER_VIEW_SHAPE_MATCHES: SameShape<ApiOutput<'rolloverState'>, RolloverView> = true;
export const ROLLOVER_DONE_SHAPE_MATCHES: SameShape<ApiOutput<'rollCopy'>, RolloverDone> = true;
export const PICKER_SHAPE_MATCHES: SameShape<ApiOutput<'pickerConfig'>, PickerConfig> = true;
export type ApiIssue = z.output<typeof issueSchema>;
export type ReportType = z.output<typeof reportTypeSchema>;
export type DataErrors = z.output<typeof dataErrorsSchema>;

export const isApiName = (name: string): name is ApiName => Object.prototype.hasOwnProperty.call(API, name);

// ---------------------------------------------------------------- errors

/**
 * A failure the user sees: `message` is in the user's language, short, never a stack.
 * Codes: BAD_INPUT, UNKNOWN_CALL, NOT_INSTALLED, WRONG_TEMPLATE, BUSY (another run holds the
 * lock), NOT_ALLOWED, BAD_OUTPUT (server answered outside the contract), SERVER (unexpected),
 * NETWORK (could not reach the server), plus any a handler chooses.
 */
export const apiErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
});
export type ApiError = z.output<typeof apiErrorSchema>;

export type ApiEnvelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };
export const apiEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

/** HTTP status for an error code in `cchc serve`. */
export const API_ERROR_STATUS: Record<string, number> = {
  BAD_INPUT: 400,
  NOT_ALLOWED: 403,
  /** A call this shell does not offer (the district refresh outside Google Sheets). */
  NOT_AVAILABLE: 501,
  UNKNOWN_CALL: 404,
  BUSY: 409,
  NOT_INSTALLED: 409,
  INCOMPLETE: 409,
  /** The workbook file cannot be read or written as asked (cchc serve): its message says why. */
  FILE: 409,
  WRONG_TEMPLATE: 422,
};
export const apiErrorStatus = (code: string): number => API_ERROR_STATUS[code] ?? 500;

/** Thrown by a handler to fail with a message meant for the user. */
export class ApiFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
  }
}

/** By shape too: an ApiFailure from another bundle or realm fails `instanceof`. */
export const isApiFailure = (e: unknown): e is ApiFailure =>
  e instanceof ApiFailure ||
  (e instanceof Error && e.name === 'ApiFailure' && typeof (e as Partial<ApiFailure>).code === 'string');

/** The codes every call may answer with a generic message (the catalogue's `app.` area). */
const GENERIC = ['BAD_INPUT', 'UNKNOWN_CALL', 'BAD_OUTPUT', 'SERVER', 'NETWORK'] as const;

export type GenericErrorCode = (typeof GENERIC)[number];
export const apiError = (code: GenericErrorCode, lang: Lang, detail?: string): ApiError => ({
  code,
  message: detail ? `${t(lang, `app.${code}`)}: ${detail}` : t(lang, `app.${code}`),
});

/** Zod issues as one short line for the user (paths and zod's own wording; no values echoed). */
const describeZodError = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');

// ---------------------------------------------------------------- dispatch (server side)

export type ApiHandlers = {
  [N in ApiName]: (input: z.output<(typeof API)[N]['input']>) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

type MaybePromise<T> = T | Promise<T>;
const isThenable = (v: unknown): v is Promise<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Promise<unknown>).then === 'function';

/**
 * Validate the input, run the handler, validate its output; every failure becomes an ApiError
 * in `lang`. An unexpected exception is reported as SERVER without its text (it may hold a stack
 * or internals); `onUnexpected` lets the caller log it.
 *
 * Synchronous when the handler is: Apps Script cannot return a Promise through google.script.run,
 * so a Promise comes back only when the handler returned one (Node, `cchc serve`).
 */
export function dispatchApiCall(
  handlers: ApiHandlers,
  name: string,
  rawInput: unknown,
  lang: Lang,
  onUnexpected?: (error: unknown) => void,
): MaybePromise<ApiEnvelope> {
  if (!isApiName(name)) return { ok: false, error: apiError('UNKNOWN_CALL', lang, name.slice(0, 40)) };
  const spec = API[name];
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) return { ok: false, error: apiError('BAD_INPUT', lang, describeZodError(input.error)) };

  const failed = (error: unknown): ApiEnvelope => {
    if (isApiFailure(error)) return { ok: false, error: { code: error.code, message: error.message } };
    onUnexpected?.(error);
    return { ok: false, error: apiError('SERVER', lang) };
  };
  const checked = (value: unknown): ApiEnvelope => {
    const output = spec.output.safeParse(value);
    if (output.success) return { ok: true, value: output.data };
    onUnexpected?.(output.error);
    return { ok: false, error: apiError('BAD_OUTPUT', lang) };
  };

  let value: unknown;
  try {
    // The handler table is keyed by name, so the pairing is right; TS cannot see it through the union.
    value = (handlers[name] as (i: unknown) => unknown)(input.data);
  } catch (error) {
    return failed(error);
  }
  return isThenable(value) ? value.then(checked, failed) : checked(value);
}
