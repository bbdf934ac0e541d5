// The district workbook as the sidebar sees it, wherever it runs (Sheets or `cchc serve`): is this
// workbook a district, its header (getState), its schools as the sidebar lists them, and its report
// from the stored reads (the `district` type of generateReport).

import { ApiFailure, type ApiOutput } from '../api.ts';
import { enumOption, SHEET_NAMES, UNIT_READ_STATUS } from '../contract/index.ts';
import { aggregateDistrict } from '../district/aggregate.ts';
import { schoolsOfList } from '../district/plan.ts';
import { storedKey } from '../district/state.ts';
import type { KpiTitles, SchoolResult } from '../district/types.ts';
import type { DistrictSchool } from '../district/view.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import type { AppContext } from './context.ts';
import { loadDistrict, makeDistrictReport } from './district.ts';
import { thenMaybe, type MaybePromise } from './maybe.ts';

/** A workbook with `Danh sách đơn vị` is a district's (TEMPLATE.md). */
export const isDistrictWorkbook = (ctx: Pick<AppContext, 'workbook'>): boolean => ctx.workbook.sheetNames().includes(SHEET_NAMES.units);

/** getState on a district workbook: its name and frame; the figures are districtState's. */
export function districtHeader(ctx: AppContext, lang: Lang, frame: { asOf?: IsoDate; period?: PeriodCode }): ApiOutput<'getState'> {
  const { district, frame: settled } = loadDistrict(ctx, { lang, ...(frame.asOf ? { asOf: frame.asOf } : {}), ...(frame.period ? { period: frame.period } : {}) });
  const s = district.settings;
  return {
    lang,
    unit: { code: s.unitCode, name: s.unitName },
    asOf: settled.asOf,
    period: settled.period,
    planYear: settled.year,
    templateInstalled: true,
    templateVersion: s.templateVersion,
    summary: null,
    dataErrors: null,
    validation: null,
    district: true,
  };
}

/** A school's result as the sidebar lists it: its status in the user's words and what to do. */
export const districtSchool = (r: SchoolResult, lang: Lang): DistrictSchool => ({
  code: r.code, name: r.name, source: r.source, status: r.status, statusLabel: enumOption(UNIT_READ_STATUS, r.status)[lang],
  message: r.message, errors: r.errors, reused: r.reused, changedAt: r.changedAt, readAt: r.readAt,
});

/**
 * The schools of the list with a stored read for one frame, in list order: the last refresh's
 * (the frame of the most stored reads). Empty before any refresh.
 */
export function storedResults(ctx: AppContext, lang: Lang): { results: SchoolResult[]; titles: KpiTitles; missing: number; asOf: IsoDate | null; period: PeriodCode | null } {
  const { district } = loadDistrict(ctx, { lang });
  const refs = schoolsOfList(district.units);
  const frames = new Map<string, number>();
  for (const s of district.stored.values()) frames.set(`${s.asOf}|${s.period}`, (frames.get(`${s.asOf}|${s.period}`) ?? 0) + 1);
  const best = [...frames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return { results: [], titles: {}, missing: refs.length, asOf: null, period: null };
  const [asOf, period] = best.split('|') as [IsoDate, PeriodCode];
  const results: SchoolResult[] = [];
  const titles: KpiTitles = {};
  let missing = 0;
  for (const ref of refs) {
    const s = district.stored.get(storedKey(ref.code, ref.source));
    if (!s || s.asOf !== asOf || s.period !== period) {
      missing++;
      continue;
    }
    results.push(s.result);
    for (const [k, v] of Object.entries(s.titles)) titles[k] ??= v;
  }
  return { results, titles, missing, asOf, period };
}

/**
 * The district's report from what the last refresh stored. Refused (INCOMPLETE) before a refresh
 * has read every school of the list: the report would leave schools out without saying so.
 */
export function districtReport(ctx: AppContext, lang: Lang, req: { date?: IsoDate }): MaybePromise<ApiOutput<'generateReport'>> {
  const stored = storedResults(ctx, lang);
  if (stored.asOf === null || stored.period === null || stored.missing > 0) throw new ApiFailure('INCOMPLETE', t(lang, 'district.reportNeedsRefresh', { n: stored.missing }));
  const { district } = loadDistrict(ctx, { lang });
  const aggregate = aggregateDistrict({
    asOf: stored.asOf, period: stored.period, unit: { code: district.settings.unitCode, name: district.settings.unitName }, results: stored.results, lang,
    stats: { filesRead: 0, ms: 0 },
  });
  return thenMaybe(makeDistrictReport(ctx, aggregate, { lang, titles: stored.titles, ...(req.date ? { date: req.date } : {}) }), (r) => ({
    url: r.document.url, name: r.document.name, number: r.number, pdfUrl: r.document.pdfUrl ?? null,
    // The schools' own errors are in each school's status (dataErrors); the district's sheet has none counted here.
    dataErrors: { errors: 0, rowsLeftOut: 0, sheets: [] },
  }));
}
