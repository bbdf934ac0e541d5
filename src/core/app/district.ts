// The district's jobs, once, for every shell (the Apps Script refresh, `cchc aggregate`, the
// sidebar): the frame of its figures, loading its workbook, writing what it owns there (with a
// Nhật ký row), and its report. The shells bring the schools' results (core/district/school.ts
// reads each one); nothing here opens a file.

import { SHEET_NAMES } from '../contract/index.ts';
import { reportingFrame, type FrameRequest, type ReportingFrame } from '../frame.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import type { Clock, WorkbookPort } from '../ports.ts';
import { IssueSink } from '../read/issues.ts';
import { readSettings } from '../read/settings.ts';
import { buildDistrict } from '../report/district.ts';
import type { CreatedDocument, DocModel } from '../report/doc-model.ts';
import { numberToUse, takeNumber } from '../report/numbering.ts';
import { reportSymbol, DISTRICT_REPORT_TYPE } from '../report/report.ts';
import { documentNumber, periodFileTag } from '../report/vn-format.ts';
import { readDistrict, writeDistrictSheets, writeStoredReads, type DistrictRead } from '../district/sheets.ts';
import type { StoredRead } from '../district/state.ts';
import type { DistrictAggregate, KpiTitles } from '../district/types.ts';
import type { AppContext } from './context.ts';
import { appendLog } from './log.ts';
import { thenMaybe, type MaybePromise } from './maybe.ts';
import { TemplateProblem } from './operations.ts';

/** What the user asked for: an as-of date and a period, both optional, and the language. */
export interface DistrictRequest extends FrameRequest {
  lang: Lang;
}

/**
 * The frame of the district's figures (the one rule of core/frame.ts): the district's year is
 * its `Năm`; without a district workbook (or without a `Năm`), the as-of date's year. Every school
 * is then read at this as-of date and period. One readSheet when there is a workbook.
 */
export function districtFrame(ctx: { clock: Clock; workbook?: WorkbookPort | null }, request: FrameRequest = {}): ReportingFrame {
  let year: number | null = null;
  const grid = ctx.workbook ? ctx.workbook.readSheet(SHEET_NAMES.settings) : null;
  if (grid) year = readSettings(grid, new IssueSink('vi')).settings.year;
  return reportingFrame(ctx.clock.today(), year, request);
}

export interface LoadedDistrict {
  district: DistrictRead;
  /** As districtFrame gives it, from the district's own `Năm`. */
  frame: ReportingFrame;
}

/**
 * Read the district workbook once (Thông tin, Danh sách đơn vị, the stored reads) and settle the
 * frame. A workbook without the district template, or with a newer one, is refused
 * (TemplateProblem NOT_INSTALLED / WRONG_TEMPLATE); problems of single cells are in `issues`.
 */
export function loadDistrict(ctx: { clock: Clock; workbook: WorkbookPort }, req: DistrictRequest): LoadedDistrict {
  const district = readDistrict(ctx.workbook, { lang: req.lang });
  const newer = district.issues.find((i) => i.code === 'TEMPLATE_NEWER');
  if (newer) throw new TemplateProblem('WRONG_TEMPLATE', newer.message);
  const missing = district.issues.find((i) => i.code === 'SHEET_MISSING' || i.code === 'HEADER_NOT_FOUND');
  if (missing) throw new TemplateProblem('NOT_INSTALLED', t(req.lang, 'district.notInstalled', { sheet: missing.sheet }));
  return { district, frame: reportingFrame(ctx.clock.today(), district.settings.year, req) };
}

/**
 * After a refresh: ⚙ Tổng hợp đơn vị and ⚙ Chỉ tiêu toàn đơn vị rewritten whole, the stored reads
 * rewritten whole (`stored[i]` on the row of the i-th school read; null leaves the sheet as it is,
 * e.g. when each school's row was already written by storeRead), and a Nhật ký row.
 */
export function writeDistrict(
  ctx: Pick<AppContext, 'workbook' | 'clock' | 'user'>,
  aggregate: DistrictAggregate,
  titles: KpiTitles,
  stored: readonly (StoredRead | null)[] | null,
  lang: Lang,
): void {
  writeDistrictSheets(ctx.workbook, aggregate, titles, lang);
  if (stored) writeStoredReads(ctx.workbook, stored);
  const { read, schools, failed } = aggregate.totals;
  appendLog(ctx.workbook, {
    now: ctx.clock.now(),
    user: ctx.user(),
    action: t(lang, 'district.refresh'),
    result: t(lang, 'district.logRefreshResult', { read, total: schools, failed }),
  });
}

export interface DistrictReportRequest {
  lang: Lang;
  /** The targets' wording by code (from the schools' reads). */
  titles: KpiTitles;
  /** The date printed on the document; default today. */
  date?: IsoDate;
  /** Regenerate in place with this number instead of taking the next free one. */
  number?: number;
}

export interface DistrictReportResult {
  document: CreatedDocument;
  /** `12/BC-TANHUNG`. */
  number: string;
  model: DocModel;
}

/** `BC-CCHC-TONGHOP-6-thang-2024-TANHUNG-so03-2024`: ASCII, safe as a file name. */
export function districtReportName(unitCode: string, period: PeriodCode, year: number, number: number, numberYear: number): string {
  const code = unitCode.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '');
  return ['BC-CCHC-TONGHOP', periodFileTag(period), String(year), code, `so${String(number).padStart(2, '0')}`, String(numberYear)]
    .filter(Boolean)
    .join('-')
    .replace(/\s+/g, '-');
}

/**
 * Build, render and log the district's report from an aggregate (as the school's generateReport
 * does): the number is read from the district's Thông tin now and taken only once the document
 * exists, so a failed render burns no number.
 */
export function makeDistrictReport(ctx: AppContext, aggregate: DistrictAggregate, req: DistrictReportRequest): MaybePromise<DistrictReportResult> {
  const { district } = loadDistrict(ctx, { lang: req.lang, asOf: aggregate.asOf, period: aggregate.period });
  const settings = district.settings;
  const date = req.date ?? ctx.clock.today();
  const numberYear = Number(date.slice(0, 4));
  const year = settings.year ?? Number(aggregate.asOf.slice(0, 4));
  const symbol = reportSymbol(DISTRICT_REPORT_TYPE);
  const docNumber = numberToUse(ctx.workbook, symbol, numberYear, req.number ?? null, req.lang);
  const model = buildDistrict(
    { settings, aggregate, titles: req.titles },
    { date, number: docNumber, lang: req.lang, asOf: aggregate.asOf, period: aggregate.period, year },
  );
  const name = districtReportName(settings.unitCode, aggregate.period, year, docNumber, numberYear);
  const number = documentNumber(docNumber, symbol, settings.unitCode).replace(/^Số:\s*/, '');
  return thenMaybe(ctx.documents.createDocument(model, { name }), (document) => {
    takeNumber(ctx.workbook, symbol, numberYear, docNumber, req.lang);
    appendLog(ctx.workbook, { now: ctx.clock.now(), user: ctx.user(), action: t(req.lang, 'app.logReport', { number }), result: document.url });
    return { document, number, model };
  });
}
