// The add-on menu and what its items do. onOpen runs in AuthMode.NONE (or LIMITED): there it may
// only add the menu, so labels are the Vietnamese ones unless the user's language can be read.
import { createHandlers, userLang } from '../core/app/handlers.ts';
import { apiError, isApiFailure } from '../core/api.ts';
import type { Lang } from '../core/model.ts';
import { gasContext, userLangPreference } from './context.ts';

export type SidebarView = 'home' | 'validate' | 'report' | 'about';

const LABELS = {
  open: { vi: 'Mở bảng điều khiển', en: 'Open dashboard' },
  install: { vi: 'Cài đặt mẫu', en: 'Install template' },
  validate: { vi: 'Kiểm tra dữ liệu', en: 'Check data' },
  progress: { vi: 'Cập nhật tiến độ', en: 'Update progress' },
  report: { vi: 'Tạo báo cáo', en: 'Generate report' },
  about: { vi: 'Giới thiệu', en: 'About' },
} as const;

const TEXT = {
  installed: {
    vi: (v: number, n: number) => `Đã cài đặt mẫu phiên bản ${v}. Thêm ${n} trang mới; dữ liệu đã nhập được giữ nguyên.`,
    en: (v: number, n: number) => `Template version ${v} installed. ${n} new sheets; existing entries kept.`,
  },
  validated: {
    vi: (e: number, w: number, n: number) => `Kiểm tra xong: ${e} lỗi, ${w} cảnh báo, ${n} lưu ý. Xem chi tiết ở bảng bên phải.`,
    en: (e: number, w: number, n: number) => `Check done: ${e} errors, ${w} warnings, ${n} notices. Details in the sidebar.`,
  },
  progress: {
    vi: (done: number, total: number, overdue: number) => `Đã cập nhật tiến độ: ${done}/${total} nhiệm vụ hoàn thành, ${overdue} quá hạn. Xem trang "Tổng hợp".`,
    en: (done: number, total: number, overdue: number) => `Progress updated: ${done}/${total} tasks done, ${overdue} overdue. See the "Tổng hợp" sheet.`,
  },
  about: {
    vi: 'CCHC: theo dõi công tác cải cách hành chính của trường mầm non: kế hoạch, chỉ tiêu, sáng kiến, hoạt động; kiểm tra dữ liệu, tính tiến độ và tạo báo cáo theo Nghị định 30/2020/NĐ-CP. Mẫu bảng tính phiên bản 1.',
    en: 'CCHC: tracks a kindergarten’s administrative-reform work: plan tasks, targets, initiatives, activities; checks the data, computes progress and writes reports laid out by Decree 30/2020. Workbook template version 1.',
  },
  failed: { vi: 'Không thực hiện được', en: 'Could not finish' },
} as const;

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
    .addItem(LABELS.open[lang], 'openSidebar')
    .addSeparator()
    .addItem(LABELS.install[lang], 'menuInstallTemplate')
    .addItem(LABELS.validate[lang], 'menuValidate')
    .addItem(LABELS.progress[lang], 'menuUpdateProgress')
    .addItem(LABELS.report[lang], 'menuGenerateReport')
    .addSeparator()
    .addItem(LABELS.about[lang], 'menuAbout')
    .addToUi();
}

/** Open the sidebar, on a given view (the menu's "Tạo báo cáo" opens the report form). */
export function openSidebar(view: SidebarView = 'home'): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('CCHC');
  // The sidebar reads its first view from this global before its first call.
  const safeView: SidebarView = (['home', 'validate', 'report', 'about'] as const).includes(view) ? view : 'home';
  html.append(`<script>window.CCHC_VIEW = ${JSON.stringify(safeView)};</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Run a menu action; a failure the user can act on is an alert with its message. Anything else
 * (a bug, `Service Spreadsheets timed out…`) gets the sidebar's generic message in the user's
 * language, as a sidebar call would (server.ts), and its stack goes to the log, not on screen.
 */
function runFromMenu(lang: Lang, action: () => string): void {
  const ui = SpreadsheetApp.getUi();
  let message: string;
  try {
    message = action();
  } catch (e) {
    if (!isApiFailure(e)) console.error('cchc: menu action failed', e instanceof Error ? e.stack ?? e.message : e);
    ui.alert(TEXT.failed[lang], isApiFailure(e) ? e.message : apiError('SERVER', lang).message, ui.ButtonSet.OK);
    return;
  }
  ui.alert(message);
}

export function menuInstallTemplate(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  runFromMenu(lang, () => {
    const r = createHandlers(ctx).installTemplate({}) as { templateVersion: number; createdSheets: string[] };
    return TEXT.installed[lang](r.templateVersion, r.createdSheets.length);
  });
}

export function menuValidate(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  runFromMenu(lang, () => {
    const r = createHandlers(ctx).validate({}) as { counts: { error: number; warning: number; notice: number } };
    openSidebar('validate');
    return TEXT.validated[lang](r.counts.error, r.counts.warning, r.counts.notice);
  });
}

export function menuUpdateProgress(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  runFromMenu(lang, () => {
    const r = createHandlers(ctx).updateProgress({}) as { summary: { tasks: { total: number; byState: Record<string, number> } } };
    const s = r.summary.tasks.byState;
    return TEXT.progress[lang]((s.doneOnTime ?? 0) + (s.doneLate ?? 0), r.summary.tasks.total, s.overdue ?? 0);
  });
}

export function menuGenerateReport(): void {
  openSidebar('report');
}

export function menuAbout(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  SpreadsheetApp.getUi().alert(LABELS.about[lang], TEXT.about[lang], SpreadsheetApp.getUi().ButtonSet.OK);
}

