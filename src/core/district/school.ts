// One school's result for the district, from the same reader and progress code as the school's
// own add-on and `cchc progress`, at the district's as-of date and period: its figures are the
// school's own to the digit. It never trusts the school's `Tổng hợp`. Every outcome is a result,
// never an exception: a school that cannot be read never stops the others.

import { TEMPLATE_VERSION } from '../contract/index.ts';
import type { ReportingFrame } from '../frame.ts';
import { t } from '../i18n.ts';
import type { Issue, Lang } from '../model.ts';
import type { WorkbookPort } from '../ports.ts';
import { computeProgress } from '../progress/index.ts';
import { readSchool } from '../read/school.ts';
import { validateSchool } from '../validate.ts';
import type { KpiTitles, SchoolFigures, SchoolResult, SchoolStatus } from './types.ts';

/** The row of `Danh sách đơn vị` (or a file of a folder) a result is for. */
export interface SchoolRef {
  code: string;
  name: string;
  source: string;
}

/** How reading the file went, before the contract: a shell's answer (Sheets API, file system). */
export type SchoolOpening =
  | { kind: 'workbook'; port: WorkbookPort; changedAt: string | null }
  | {
      kind: 'failed';
      status: 'noAccess' | 'notFound' | 'unreadable';
      /** What the shell saw (an HTTP status, the parser's complaint), for the message. */
      detail?: string;
      changedAt?: string | null;
    };

export interface SchoolReadOptions {
  /** The district's frame: its as-of date, period and plan year. */
  frame: ReportingFrame;
  lang: Lang;
  /** When the read happened (Clock.now()). */
  readAt: string;
  /** Who the district is shared through (Google: the officer's e-mail), for the no-access message. */
  account?: string;
}

export interface SchoolRead {
  result: SchoolResult;
  /** Target wording by code, from this school (for `Chỉ tiêu toàn đơn vị`). */
  titles: KpiTitles;
}

/** Problems that mean "not the template": a template sheet or a required column missing, or newer. */
const WRONG_TEMPLATE_CODES: ReadonlySet<string> = new Set([
  'WORKBOOK_NOT_TEMPLATE', 'TEMPLATE_NEWER', 'SHEET_MISSING', 'SHEET_MISSING_RENAMED', 'HEADER_NOT_FOUND', 'COLUMN_MISSING',
]);

export function failedResult(ref: SchoolRef, status: SchoolStatus, message: string, o: { changedAt?: string | null; readAt?: string | null } = {}): SchoolResult {
  return {
    code: ref.code, name: ref.name, source: ref.source, status, message, ownCode: '',
    templateVersion: null, year: null, errors: 0, changedAt: o.changedAt ?? null, readAt: o.readAt ?? null, reused: false,
  };
}

/** Read one school for the district. Never throws for anything a file may hold. */
export function readSchoolForDistrict(ref: SchoolRef, opening: SchoolOpening, opts: SchoolReadOptions): SchoolRead {
  const { lang, readAt } = opts;
  if (opening.kind === 'failed') {
    const message =
      opening.status === 'noAccess'
        ? t(lang, opts.account ? 'district.reasonNoAccessAccount' : 'district.reasonNoAccess', { account: opts.account ?? '' })
        : opening.status === 'notFound'
          ? t(lang, 'district.reasonNotFound', { source: ref.source })
          : t(lang, 'district.reasonUnreadable', { detail: opening.detail ?? '' });
    return { result: failedResult(ref, opening.status, message, { changedAt: opening.changedAt ?? null, readAt }), titles: {} };
  }
  let data;
  try {
    data = readSchool(opening.port, { lang, today: opts.frame.today, asOf: opts.frame.asOf, period: opts.frame.period });
  } catch (e) {
    // The reader takes any cell; an adapter may still fail on a damaged part.
    const detail = e instanceof Error ? e.message : String(e);
    return { result: failedResult(ref, 'unreadable', t(lang, 'district.reasonUnreadable', { detail }), { changedAt: opening.changedAt, readAt }), titles: {} };
  }
  const base = {
    code: ref.code || data.settings.unitCode,
    name: ref.name || data.settings.unitName,
    source: ref.source,
    ownCode: data.settings.unitCode,
    templateVersion: data.templateVersion,
    year: data.settings.year,
    changedAt: opening.changedAt,
    readAt,
    reused: false,
  };
  if (data.issues.some((i) => i.code === 'WORKBOOK_EMPTY')) {
    return { result: { ...base, status: 'unreadable', message: t(lang, 'district.reasonEmpty'), errors: 0 }, titles: {} };
  }
  const wrong = data.issues.find((i) => WRONG_TEMPLATE_CODES.has(i.code) && i.severity === 'error');
  if (wrong) {
    return { result: { ...base, status: 'wrongTemplate', message: wrongTemplateMessage(wrong, data.templateVersion, lang), errors: 0 }, titles: {} };
  }
  const errors = validateSchool(data).counts.error;
  const progress = computeProgress(data);
  const { rows: _rows, ...tasks } = progress.tasks;
  const figures: SchoolFigures = { tasks, kpiCounts: progress.kpiCounts, kpis: progress.kpis, initiatives: progress.initiatives };
  const titles: KpiTitles = {};
  for (const k of data.kpis) if (k.code && !k.blocked && titles[k.code] === undefined) titles[k.code] = k.title;
  if (data.settings.year !== opts.frame.year) {
    const message = t(lang, data.settings.year === null ? 'district.reasonNoYear' : 'district.reasonOtherYear', { year: data.settings.year ?? '', districtYear: opts.frame.year });
    return { result: { ...base, ...figures, status: 'otherYear', message, errors }, titles };
  }
  const status: SchoolStatus = errors > 0 ? 'dataErrors' : 'ok';
  const message = errors > 0 ? t(lang, 'district.reasonDataErrors', { n: errors }) : '';
  return { result: { ...base, ...figures, status, message, errors }, titles };
}

function wrongTemplateMessage(issue: Issue, version: number | null, lang: Lang): string {
  if (issue.code === 'TEMPLATE_NEWER') return t(lang, 'district.reasonTemplateNewer', { version: version ?? '', supported: TEMPLATE_VERSION });
  return t(lang, 'district.reasonWrongTemplate', { problem: issue.message });
}
