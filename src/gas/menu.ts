// The add-on menu and what its items do. onOpen runs in AuthMode.NONE (or LIMITED): there it may
// only add the menu, so labels are the Vietnamese ones unless the user's language can be read.
// One menu for a school's workbook and a district's: in AuthMode.NONE the workbook cannot be read,
// so its kind cannot choose the items. Each item does the one thing its name says; an item of the
// other kind answers with the server's own message (a district item on a school's workbook: "no
// Danh sách đơn vị"), rather than one item meaning two things by the workbook it runs on.
import { userLang } from '../core/app/handlers.ts';
import { TEMPLATE_VERSION } from '../core/contract/index.ts';
import { t } from '../core/i18n.ts';
import type { ApiError } from '../core/api.ts';
import type { Lang } from '../core/model.ts';
import { gasContext, userLangPreference } from './context.ts';
import { callChecked } from './server.ts';

export type SidebarView = 'home' | 'validate' | 'report' | 'about' | 'districtRefresh' | 'rollover';
const SIDEBAR_VIEWS: readonly SidebarView[] = ['home', 'validate', 'report', 'about', 'districtRefresh', 'rollover'];

function menuLang(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): Lang {
  // In AuthMode.NONE no service may be called; the user's language needs PropertiesService.
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return 'vi';
  try {
    return userLangPreference() ?? 'vi';
  } catch {
    return 'vi';
  }
}

export function buildMenu(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const lang = menuLang(e);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(lang, 'menu.open'), 'openSidebar')
    .addSeparator()
    .addItem(t(lang, 'menu.install'), 'menuInstallTemplate')
    .addItem(t(lang, 'menu.validate'), 'menuValidate')
    .addItem(t(lang, 'menu.progress'), 'menuUpdateProgress')
    .addItem(t(lang, 'menu.report'), 'menuGenerateReport')
    .addItem(t(lang, 'menu.rollover'), 'menuRollover')
    .addSeparator()
    .addItem(t(lang, 'menu.districtRefresh'), 'menuDistrictRefresh')
    .addItem(t(lang, 'menu.districtPicker'), 'menuDistrictPicker')
    .addItem(t(lang, 'menu.districtReport'), 'menuDistrictReport')
    .addSeparator()
    .addItem(t(lang, 'menu.about'), 'menuAbout')
    .addToUi();
}

/** Open the sidebar, on a given view (the menu's "Tạo báo cáo" opens the report form). */
export function openSidebar(view: SidebarView = 'home'): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('CCHC');
  // The sidebar reads its first view from this global before its first call.
  const safeView: SidebarView = SIDEBAR_VIEWS.includes(view) ? view : 'home';
  html.append(`<script>window.CCHC_VIEW = ${JSON.stringify(safeView)};</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Run a menu action through the same checked call as the sidebar (input and output validated,
 * errors as the sidebar gets them: a message the user can act on, or the generic one with the
 * stack in the log). Success shows `done(value)`, failure an alert with the message.
 */
function alertOutcome<T>(lang: Lang, outcome: { ok: true; value: T } | { ok: false; error: ApiError }, done: (value: T) => string): void {
  const ui = SpreadsheetApp.getUi();
  if (outcome.ok) ui.alert(done(outcome.value));
  else ui.alert(t(lang, 'menu.failed'), outcome.error.message, ui.ButtonSet.OK);
}

export function menuInstallTemplate(): void {
  const lang = userLang(gasContext());
  alertOutcome(lang, callChecked('installTemplate', {}), (r) => t(lang, 'menu.installed', { version: r.templateVersion, n: r.createdSheets.length }));
}

/** The sidebar on its check: its first load reads the school once and brings the problems. */
export function menuValidate(): void {
  openSidebar('validate');
}

export function menuUpdateProgress(): void {
  const lang = userLang(gasContext());
  alertOutcome(lang, callChecked('updateProgress', {}), (r) =>
    t(lang, 'menu.progressDone', { done: r.summary.tasks.done, total: r.summary.tasks.total, overdue: r.summary.tasks.byState.overdue }),
  );
}

export function menuGenerateReport(): void {
  openSidebar('report');
}

/** "Năm mới": the sidebar on its new-year card; what it offers depends on original or copy. */
export function menuRollover(): void {
  openSidebar('rollover');
}

export function menuAbout(): void {
  const lang = userLang(gasContext());
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'menu.about'), t(lang, 'menu.aboutText', { version: TEMPLATE_VERSION }), ui.ButtonSet.OK);
}

/**
 * "Cập nhật số liệu các đơn vị": the sidebar runs the refresh (one execution a step, past the
 * 6-minute limit); asked first whether this is a district workbook, so a school's gets the message.
 */
export function menuDistrictRefresh(): void {
  const lang = userLang(gasContext());
  const state = callChecked('districtState', {});
  if (!state.ok) return alertOutcome(lang, state, () => '');
  openSidebar('districtRefresh');
}

/** "Chọn tệp của các đơn vị": the file picker, through the sidebar's call. */
export function menuDistrictPicker(): void {
  const lang = userLang(gasContext());
  const outcome = callChecked('showPicker', {});
  if (!outcome.ok) alertOutcome(lang, outcome, () => '');
}

/** "Báo cáo tổng hợp": the district report from the last refresh. */
export function menuDistrictReport(): void {
  const lang = userLang(gasContext());
  alertOutcome(lang, callChecked('generateReport', { type: 'district' }), (r) => t(lang, 'menu.districtReportDone', { number: r.number, url: r.url }));
}
