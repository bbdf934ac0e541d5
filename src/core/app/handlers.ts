// The server side of every sidebar call (src/core/api.ts), for Apps Script and `cchc serve`
// alike. Handlers return synchronously whenever the ports do (Apps Script), so one table serves
// both; errors a user can act on become ApiFailure with a message in their language.
import { ApiFailure, type ApiHandlers, type ApiOutput, type DataErrors } from '../api.ts';
import { SCHOOL_SHEETS, SHEET_NAMES } from '../contract/index.ts';
import { InstallError } from '../install.ts';
import type { Lang, SchoolData } from '../model.ts';
import { dashboardSummary } from '../progress/index.ts';
import { NumberingError } from '../report/numbering.ts';
import type { AppContext } from './context.ts';
import {
  TemplateProblem,
  clearMarks,
  computeFigures,
  generateReport,
  install,
  markProblems,
  templatePresent,
  updateProgress,
  validateWorkbook,
} from './operations.ts';
import { say } from './strings.ts';
import { thenMaybe } from './maybe.ts';
import { resolveAsOf } from '../read/as-of.ts';

/** Rows of one input sheet as read: where each is, and whether an error keeps it out. */
function rowsOf(data: SchoolData): Map<string, { row: number; blocked: boolean }[]> {
  return new Map<string, { row: number; blocked: boolean }[]>([
    [SHEET_NAMES.people, data.people.map((p) => ({ row: p.row, blocked: false }))],
    [SHEET_NAMES.tasks, data.tasks],
    [SHEET_NAMES.kpis, data.kpis],
    [SHEET_NAMES.initiatives, data.initiatives],
    [SHEET_NAMES.activities, data.activities],
  ]);
}

/**
 * The errors per sheet and the rows they keep out of the figures. A row is left out when the
 * reader blocked it, or when it has an error and was not read at all (a person with no name);
 * a row whose only error breaks no figure (a note, an e-mail) still counts.
 */
export function dataErrorsOf(data: SchoolData): DataErrors {
  const errors = new Map<string, number>();
  const errorRows = new Map<string, Set<number>>();
  for (const issue of data.issues) {
    if (issue.severity !== 'error') continue;
    errors.set(issue.sheet, (errors.get(issue.sheet) ?? 0) + 1);
    const header = data.sheets[issue.sheet]?.headerRow ?? 0;
    if (issue.row !== null && issue.row > header) {
      const rows = errorRows.get(issue.sheet) ?? new Set<number>();
      rows.add(issue.row);
      errorRows.set(issue.sheet, rows);
    }
  }
  const leftOut = new Map<string, number>();
  for (const [sheet, rows] of rowsOf(data)) {
    const counted = new Set(rows.filter((r) => !r.blocked).map((r) => r.row));
    const out = new Set(rows.filter((r) => r.blocked).map((r) => r.row));
    for (const row of errorRows.get(sheet) ?? []) if (!counted.has(row)) out.add(row);
    if (out.size > 0) leftOut.set(sheet, out.size);
  }
  const order = SCHOOL_SHEETS.map((s) => s.name);
  const rank = (sheet: string) => (order.includes(sheet) ? order.indexOf(sheet) : order.length);
  const sheets = [...new Set([...errors.keys(), ...leftOut.keys()])]
    .sort((a, b) => rank(a) - rank(b))
    .map((sheet) => ({ sheet, errors: errors.get(sheet) ?? 0, rowsLeftOut: leftOut.get(sheet) ?? 0 }));
  return {
    errors: sheets.reduce((n, s) => n + s.errors, 0),
    rowsLeftOut: sheets.reduce((n, s) => n + s.rowsLeftOut, 0),
    sheets,
  };
}

/** The language the user chose, Vietnamese until they choose. */
export const userLang = (ctx: AppContext): Lang => ctx.prefs.getLang() ?? 'vi';

/** Turn the errors a user can act on into ApiFailure; anything else stays a bug (SERVER). */
function userFacing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TemplateProblem) throw new ApiFailure(e.code, e.message);
    if (e instanceof InstallError) throw new ApiFailure('WRONG_TEMPLATE', e.message);
    if (e instanceof NumberingError) throw new ApiFailure('BAD_INPUT', e.message);
    throw e;
  }
}

function locked<T>(ctx: AppContext, lang: Lang, fn: () => T): T {
  const outcome = ctx.withLock(() => userFacing(fn));
  if (!outcome.ran) throw new ApiFailure('BUSY', say(lang, 'busy'));
  return outcome.value;
}

export function createHandlers(ctx: AppContext): ApiHandlers {
  return {
    getState(frame): ApiOutput<'getState'> {
      const lang = userLang(ctx);
      if (!templatePresent(ctx)) {
        const { asOf, period } = resolveAsOf(ctx.clock.today(), null, frame.asOf, frame.period);
        return { lang, unit: { code: '', name: '' }, asOf, period, planYear: null, templateInstalled: false, templateVersion: null, summary: null, dataErrors: null };
      }
      return userFacing(() => {
        const { school, progress } = computeFigures(ctx, { lang, asOf: frame.asOf, period: frame.period });
        const s = school.data.settings;
        return {
          lang,
          unit: { code: s.unitCode, name: s.unitName },
          asOf: school.asOf,
          period: school.period,
          planYear: s.year,
          templateInstalled: true,
          templateVersion: school.data.templateVersion,
          summary: dashboardSummary(school.data, progress, lang),
          dataErrors: dataErrorsOf(school.data),
        };
      });
    },
    setLanguage({ lang }) {
      ctx.prefs.setLang(lang);
      return { lang };
    },
    installTemplate() {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => {
        const result = install(ctx, { lang });
        return { templateVersion: result.version, createdSheets: result.created };
      });
    },
    validate({ asOf, period }) {
      const lang = userLang(ctx);
      return userFacing(() => {
        const r = validateWorkbook(ctx, { lang, asOf, period });
        return { templateVersion: r.templateVersion, asOf: r.asOf, issues: r.issues, counts: r.counts };
      });
    },
    selectCell({ sheet, cell }) {
      ctx.selectCell(sheet, cell);
      return { sheet, cell };
    },
    markProblems({ asOf, period }) {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => markProblems(ctx, { lang, asOf, period }));
    },
    clearMarks() {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => clearMarks(ctx));
    },
    updateProgress({ asOf, period }) {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => {
        const r = updateProgress(ctx, { lang, asOf, period });
        return { summary: r.summary, counts: r.validation.counts, dataErrors: dataErrorsOf(r.school.data) };
      });
    },
    generateReport({ type, period, asOf, date }) {
      const lang = userLang(ctx);
      return locked(ctx, lang, () =>
        thenMaybe(generateReport(ctx, { lang, type, period, asOf, date }), (r) => ({
          url: r.document.url,
          name: r.document.name,
          number: r.number,
          dataErrors: dataErrorsOf(r.school.data),
        })),
      );
    },
  };
}
