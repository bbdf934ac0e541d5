// "Cập nhật tiến độ": the ⚙ columns, the whole `Tổng hợp` sheet and a `Nhật ký` row, through
// the workbook port. Running it twice on the same data leaves the same sheets (plus a log row).

import { appendLog } from './log.ts';
import { SHEET_NAMES } from '../contract/sheets.ts';
import type { Lang, SchoolData } from '../model.ts';
import type { WorkbookPort } from '../ports.ts';
import { buildDashboard, periodLabel } from '../progress/dashboard.ts';
import { formatDateVi } from '../progress/dates.ts';
import type { Progress } from '../progress/types.ts';
import { applyColumnWrites, computedColumnWrites } from '../progress/writeback.ts';
import { t } from '../i18n.ts';

export interface WriteProgressOptions {
  lang: Lang;
  /** ISO timestamp with offset (Clock.now()). */
  now: string;
  /** Who ran it (e-mail in Sheets, the OS user locally); may be ''. */
  user: string;
}

export interface WriteProgressResult {
  /** Computed-column blocks written. */
  columnBlocks: number;
  /** Rows of `Tổng hợp` written. */
  dashboardRows: number;
}


/** The `Kết quả` text of the log row: the figures at a glance. */
export function progressLogResult(progress: Progress, year: number, lang: Lang): string {
  const t = progress.tasks;
  const k = progress.kpiCounts;
  const kpiTotal = progress.kpis.length;
  const period = periodLabel(progress.period, year, lang);
  return lang === 'vi'
    ? `Tính đến ${formatDateVi(progress.asOf)} (${period}): ${t.done}/${t.total} nhiệm vụ hoàn thành, ${t.overdue} quá hạn; ${k.met}/${kpiTotal} chỉ tiêu đạt; ${progress.initiatives.total} sáng kiến`
    : `As of ${progress.asOf} (${period}): ${t.done}/${t.total} tasks done, ${t.overdue} overdue; ${k.met}/${kpiTotal} targets met; ${progress.initiatives.total} initiatives`;
}

export function writeProgress(port: WorkbookPort, data: SchoolData, progress: Progress, opts: WriteProgressOptions): WriteProgressResult {
  const writes = computedColumnWrites(data, progress);
  applyColumnWrites(port, writes);

  const dashboardName = SHEET_NAMES.dashboard;
  port.ensureSheet(dashboardName);
  const sheet = buildDashboard(data, progress, opts.lang);
  port.clearSheet(dashboardName);
  port.writeBlock(dashboardName, 1, 1, sheet.values);
  if (sheet.formats.some((line) => line.some((f) => f !== ''))) port.writeFormats(dashboardName, 1, 1, sheet.formats);
  port.styleBlock(dashboardName, sheet.style);

  const year = data.settings.year ?? Number(progress.asOf.slice(0, 4));
  appendLog(port, { now: opts.now, user: opts.user, action: t(opts.lang, 'app.actionProgress'), result: progressLogResult(progress, year, opts.lang) });

  return { columnBlocks: writes.length, dashboardRows: sheet.values.length };
}
