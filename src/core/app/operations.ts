// The add-on's jobs, once, for every shell: the sidebar's handlers (Sheets and `cchc serve`) and
// the `cchc` commands call these. Each reads the workbook once through the port.
import { SCHOOL_SHEETS, SHEET_NAMES, parseA1 } from '../contract/index.ts';
import { installTemplate, type InstallResult } from '../install.ts';
import { SAMPLE_SCHOOL, fillSample } from '../sample.ts';
import { reportingFrame, type FrameRequest, type ReportingFrame } from '../frame.ts';
import { readDistrict } from '../district/sheets.ts';
import { countIssues, sortIssues } from '../read/issues.ts';
import type { IsoDate, Issue, Lang, PeriodCode, SchoolData, Severity } from '../model.ts';
import type { CellMark } from '../ports.ts';
import { computeProgress, dashboardSummary, type Progress } from '../progress/index.ts';
import { writeProgress } from './write-progress.ts';
import { readSchool } from '../read/index.ts';
import { buildReport, reportSymbol, type ReportType } from '../report/report.ts';
import { numberToUse, takeNumber } from '../report/numbering.ts';
import { documentNumber, periodFileTag } from '../report/vn-format.ts';
import type { CreatedDocument } from '../report/doc-model.ts';
import { isUnusable, validateSchool, type ValidateResult } from '../validate.ts';
import { t } from '../i18n.ts';
import type { AppContext } from './context.ts';
import { appendLog } from './log.ts';
import { thenMaybe, type MaybePromise } from './maybe.ts';

/** Why a workbook cannot be used as a school workbook (CLI exit 2, sidebar NOT_INSTALLED…). */
export class TemplateProblem extends Error {
  constructor(
    readonly code: 'NOT_INSTALLED' | 'WRONG_TEMPLATE' | 'INCOMPLETE',
    message: string,
  ) {
    super(message);
    this.name = 'TemplateProblem';
  }
}

/** What the user asked for; the frame itself is settled by the reader (core/frame.ts). */
export interface FigureOptions extends FrameRequest {
  lang: Lang;
}

export interface LoadedSchool {
  data: SchoolData;
  /** `data.frame`: the as-of date, period and plan year of every figure made from it. */
  frame: ReportingFrame;
}

/** Problems that leave a whole input sheet out of the figures (a report is refused on them). */
const STRUCTURAL_CODES: ReadonlySet<string> = new Set(['SHEET_MISSING', 'SHEET_MISSING_RENAMED', 'HEADER_NOT_FOUND', 'COLUMN_MISSING']);

/** Sheets people type in, where problems are marked: `Thông tin` and the input sheets. */
const TYPED_SHEETS = SCHOOL_SHEETS.filter((s) => s.role === 'input' || s.role === 'settings');

/** Is the school template there at all? (Its input sheets, or at least `Thông tin`.) */
export function templatePresent(ctx: AppContext): boolean {
  const names = new Set(ctx.workbook.sheetNames());
  return names.has(SHEET_NAMES.settings) && names.has(SHEET_NAMES.tasks);
}

/**
 * Read the school once, for its reporting frame (the workbook contract "As-of date and period"). A workbook
 * with no template, or one newer than this code, is refused with a TemplateProblem.
 */
export function loadSchool(ctx: AppContext, opts: FigureOptions): LoadedSchool {
  const data = readSchool(ctx.workbook, { lang: opts.lang, today: ctx.clock.today(), asOf: opts.asOf, period: opts.period });
  const unusable = data.issues.find((i) => isUnusable({ issues: [i] }));
  if (unusable) {
    throw new TemplateProblem(unusable.code === 'TEMPLATE_NEWER' ? 'WRONG_TEMPLATE' : 'NOT_INSTALLED', unusable.message);
  }
  return { data, frame: data.frame };
}

export function validateWorkbook(ctx: AppContext, opts: FigureOptions): ValidateResult {
  if (isDistrictWorkbook(ctx.workbook.sheetNames())) return validateDistrict(ctx, opts);
  return validateSchool(loadSchool(ctx, opts).data);
}

/**
 * The district workbook's own problems (`cchc validate`, the sidebar's Kiểm tra): its `Thông tin`
 * and its `Danh sách đơn vị` (a row with no link, a code listed twice or one no school can have),
 * each at its cell, as a school's sheets are validated. A newer template is refused as for a school.
 */
export function validateDistrict(ctx: AppContext, opts: FigureOptions): ValidateResult {
  const district = readDistrict(ctx.workbook, { lang: opts.lang });
  const newer = district.issues.find((i) => i.code === 'TEMPLATE_NEWER');
  if (newer) throw new TemplateProblem('WRONG_TEMPLATE', newer.message);
  const frame = reportingFrame(ctx.clock.today(), district.settings.year, opts);
  const issues = sortIssues(district.issues);
  return { templateVersion: district.settings.templateVersion, asOf: frame.asOf, issues, counts: countIssues(issues) };
}

export function progressOf(school: LoadedSchool): Progress {
  return computeProgress(school.data);
}

export function computeFigures(ctx: AppContext, opts: FigureOptions): { school: LoadedSchool; progress: Progress } {
  const school = loadSchool(ctx, opts);
  return { school, progress: progressOf(school) };
}

export function updateProgress(ctx: AppContext, opts: FigureOptions) {
  const { school, progress } = computeFigures(ctx, opts);
  writeProgress(ctx.workbook, school.data, progress, { lang: opts.lang, now: ctx.clock.now(), user: ctx.user() });
  const validation = validateSchool(school.data);
  return { school, progress, validation, summary: dashboardSummary(school.data, progress, opts.lang) };
}

/** A district workbook holds `Danh sách đơn vị` (the schools to read); a school's does not. */
export const isDistrictWorkbook = (sheetNames: readonly string[]): boolean => sheetNames.map((n) => n.normalize('NFC')).includes(SHEET_NAMES.units);

export function install(ctx: AppContext, opts: { lang: Lang; name?: string; code?: string; year?: number; kind?: 'school' | 'district' }): InstallResult {
  const result = installTemplate(ctx.workbook, { ...opts, today: ctx.clock.today() });
  appendLog(ctx.workbook, {
    now: ctx.clock.now(),
    user: ctx.user(),
    action: t(opts.lang, 'app.actionInstall'),
    result: t(opts.lang, 'app.logInstallResult', { version: result.version, created: result.created.length, columns: result.addedColumns.length }),
  });
  return result;
}

/**
 * Install the template and fill in the sample school (Trường Mầm non Bến Thành, 2024): `cchc init
 * --sample`, `cchc demo` and `cchc serve` with no file. Names given override the sample's.
 */
export function installSample(ctx: AppContext, opts: { lang: Lang; name?: string; code?: string; year?: number }): InstallResult {
  const result = install(ctx, {
    lang: opts.lang,
    name: opts.name ?? SAMPLE_SCHOOL.name,
    code: opts.code ?? SAMPLE_SCHOOL.code,
    year: opts.year ?? SAMPLE_SCHOOL.year,
  });
  fillSample(ctx.workbook);
  return result;
}

const MARK_COLOURS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2', notice: '#d2e3fc' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'notice'];

/** Put each problem on its cell (one note per cell, the worst colour), replacing earlier marks. */
export function markProblems(ctx: AppContext, opts: FigureOptions): { marked: number; sheets: string[] } {
  const { issues } = validateWorkbook(ctx, opts);
  const bySheet = new Map<string, Map<string, { row: number; col: number; issues: Issue[] }>>();
  for (const issue of issues) {
    if (issue.row === null || issue.cell === null) continue;
    const col = parseA1(issue.cell)?.col;
    if (col === undefined) continue;
    const cells = bySheet.get(issue.sheet) ?? new Map();
    bySheet.set(issue.sheet, cells);
    const at = cells.get(issue.cell) ?? { row: issue.row, col, issues: [] };
    at.issues.push(issue);
    cells.set(issue.cell, at);
  }
  const present = new Set(ctx.workbook.sheetNames());
  let marked = 0;
  for (const spec of TYPED_SHEETS) {
    if (!present.has(spec.name)) continue;
    const cells = bySheet.get(spec.name);
    if (!cells) {
      ctx.workbook.clearMarks(spec.name);
      continue;
    }
    const marks: CellMark[] = [...cells.values()].map(({ row, col, issues: list }) => {
      const worst = SEVERITY_ORDER.find((s) => list.some((i) => i.severity === s)) ?? 'notice';
      return { row, col, background: MARK_COLOURS[worst], note: list.map((i) => `• ${i.message}`).join('\n') };
    });
    ctx.workbook.setMarks(spec.name, marks);
    marked += marks.length;
  }
  return { marked, sheets: [...bySheet.keys()].filter((s) => present.has(s)) };
}

export function clearMarks(ctx: AppContext): { sheets: string[] } {
  const present = new Set(ctx.workbook.sheetNames());
  const sheets = TYPED_SHEETS.map((s) => s.name).filter((n) => present.has(n));
  for (const name of sheets) ctx.workbook.clearMarks(name);
  return { sheets };
}


export interface ReportRequest extends FigureOptions {
  type: ReportType;
  /** The date printed on the document; default today. */
  date?: IsoDate;
  /** Regenerate in place with this number instead of taking the next free one. */
  number?: number;
}

export interface ReportResult {
  document: CreatedDocument;
  number: string;
  progress: Progress;
  /** The school as read for the report (its issues say which rows were left out). */
  school: LoadedSchool;
}

/**
 * The file or Doc name: `BC-CCHC-6-thang-2024-MNBT-so12-2024`: the kind, the plan year, the unit,
 * then the document number with the calendar year it was taken in (numbers restart every year,
 * so `so01-2024` and `so01-2025` are two documents). ASCII, so it is safe as a file name.
 */
export function reportName(type: ReportType, unitCode: string, period: PeriodCode, year: number, number: number, numberYear: number): string {
  const kind = { quarterly: `BC-CCHC-${periodFileTag(period)}`, plan: 'KH-CCHC', initiatives: 'BC-SANGKIEN' }[type];
  const code = unitCode.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '');
  return [kind, String(year), code, `so${String(number).padStart(2, '0')}`, String(numberYear)].filter(Boolean).join('-').replace(/\s+/g, '-');
}

/**
 * Build, render and log a report. The document number is taken only once the document exists,
 * so neither an unreadable workbook nor a failed render burns a number.
 */
export function generateReport(ctx: AppContext, req: ReportRequest): MaybePromise<ReportResult> {
  const { school, progress } = computeFigures(ctx, req);
  // A sheet or a required column missing leaves every row of it out: such a document would say
  // the school did nothing. Refuse before a number is taken.
  const gap = school.data.issues.find((i) => i.severity === 'error' && STRUCTURAL_CODES.has(i.code));
  if (gap) throw new TemplateProblem('INCOMPLETE', t(req.lang, 'app.reportIncomplete', { problem: gap.message }));
  const settings = school.data.settings;
  const date = req.date ?? ctx.clock.today();
  const year = Number(date.slice(0, 4));
  const symbol = reportSymbol(req.type);
  // The number is read now and taken only once the document exists: a failed render (a Docs
  // quota, a full disk) burns no number. The caller holds the workbook's lock between the two.
  const docNumber = numberToUse(ctx.workbook, symbol, year, req.number ?? null, req.lang);
  const model = buildReport(req.type, school.data, progress, {
    date,
    number: docNumber,
    lang: req.lang,
  });
  const name = reportName(req.type, settings.unitCode, school.frame.period, school.frame.year, docNumber, year);
  const number = documentNumber(docNumber, symbol, settings.unitCode).replace(/^Số:\s*/, '');
  return thenMaybe(ctx.documents.createDocument(model, { name }), (document) => {
    takeNumber(ctx.workbook, symbol, year, docNumber, req.lang);
    appendLog(ctx.workbook, {
      now: ctx.clock.now(),
      user: ctx.user(),
      action: t(req.lang, 'app.logReport', { number }),
      result: document.url,
    });
    return { document, number, progress, school };
  });
}
