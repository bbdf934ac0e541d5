// The server side of every sidebar call (src/core/api.ts), for Apps Script and `cchc serve`
// alike. Handlers return synchronously whenever the ports do (Apps Script), so one table serves
// both; errors a user can act on become ApiFailure with a message in their language.
import { ApiFailure, type ApiHandlers, type ApiOutput } from '../api.ts';
import { InstallError } from '../install.ts';
import type { Lang, SchoolData } from '../model.ts';
import { dataErrorsOf, validateSchool } from '../validate.ts';
import { dashboardSummary } from '../progress/index.ts';
import { NumberingError } from '../report/numbering.ts';
import type { AppContext } from './context.ts';
import { districtRefreshStep, districtState, pickerConfig, type DistrictContext } from './district-refresh.ts';
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
import { t } from '../i18n.ts';
import { thenMaybe } from './maybe.ts';
import { districtHeader, districtReport, isDistrictWorkbook } from './district-view.ts';
import { reportingFrame } from '../frame.ts';
import { reminderState, setReminders } from './remind-switch.ts';
import type { RemindContext } from './remind-run.ts';
import { rollThisCopy, rolloverState, startRolloverHere } from './rollover.ts';

/** A read school's check, as the API gives it. */
function validationOf(data: SchoolData): ApiOutput<'validate'> {
  const r = validateSchool(data);
  return { templateVersion: r.templateVersion, asOf: r.asOf, issues: r.issues, counts: r.counts };
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
  if (!outcome.ran) throw new ApiFailure('BUSY', t(lang, 'app.busy'));
  return outcome.value;
}

export function createHandlers(ctx: DistrictContext & RemindContext): ApiHandlers {
  return {
    getState(frame): ApiOutput<'getState'> {
      const lang = userLang(ctx);
      // A district workbook: its header only; the sidebar asks districtState for the rest.
      if (isDistrictWorkbook(ctx)) return userFacing(() => districtHeader(ctx, lang, frame));
      if (!templatePresent(ctx)) {
        const { asOf, period } = reportingFrame(ctx.clock.today(), null, frame);
        return { lang, unit: { code: '', name: '' }, asOf, period, planYear: null, templateInstalled: false, templateVersion: null, summary: null, dataErrors: null, validation: null, district: false };
      }
      return userFacing(() => {
        const { school, progress } = computeFigures(ctx, { lang, asOf: frame.asOf, period: frame.period });
        const s = school.data.settings;
        return {
          lang,
          unit: { code: s.unitCode, name: s.unitName },
          asOf: school.frame.asOf,
          period: school.frame.period,
          planYear: school.frame.year,
          templateInstalled: true,
          templateVersion: school.data.templateVersion,
          summary: dashboardSummary(school.data, progress, lang),
          dataErrors: dataErrorsOf(school.data),
          // The same read gives the check: the menu's "Kiểm tra dữ liệu" opens on it.
          validation: frame.withIssues ? validationOf(school.data) : null,
          district: false,
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
        return { templateVersion: r.templateVersion, asOf: r.asOf, issues: r.issues, counts: r.counts } satisfies ApiOutput<'validate'>;
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
      if (type === 'district') return locked(ctx, lang, () => districtReport(ctx, lang, { ...(date ? { date } : {}) }));
      return locked(ctx, lang, () =>
        thenMaybe(generateReport(ctx, { lang, type, period, asOf, date }), (r) => ({
          url: r.document.url,
          name: r.document.name,
          number: r.number,
          pdfUrl: r.document.pdfUrl ?? null,
          dataErrors: dataErrorsOf(r.school.data),
        })),
      );
    },
    // The district (district-refresh.ts): only where the shell gives the district's ports.
    districtState() {
      const lang = userLang(ctx);
      return userFacing(() => districtState(ctx, lang));
    },
    districtRefresh({ asOf, period, full }) {
      const lang = userLang(ctx);
      // The workbook's lock for the whole step: the trigger and the sidebar never read at once.
      return locked(ctx, lang, () => districtRefreshStep(ctx, lang, { ...(asOf ? { asOf } : {}), ...(period ? { period } : {}), ...(full ? { full } : {}) }));
    },
    pickerConfig() {
      return pickerConfig(ctx, userLang(ctx));
    },
    // The weekly reminders' switch (remind-switch.ts): only where the shell gives their ports.
    reminderState() {
      const lang = userLang(ctx);
      return userFacing(() => reminderState(ctx, lang));
    },
    setReminders({ on }) {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => setReminders(ctx, lang, on));
    },
    // `Năm mới` (rollover.ts): the original gets ready, the copy is rolled.
    rolloverState() {
      const lang = userLang(ctx);
      return userFacing(() => rolloverState(ctx, lang));
    },
    startRollover() {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => startRolloverHere(ctx, lang));
    },
    rollCopy() {
      const lang = userLang(ctx);
      return locked(ctx, lang, () => rollThisCopy(ctx, lang));
    },
    showPicker() {
      const lang = userLang(ctx);
      const show = ctx.district?.showPicker;
      if (!show) throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.pickerOnlyInSheets'));
      show(t(lang, 'district.pickerTitle'));
      return { shown: true as const };
    },
  };
}
