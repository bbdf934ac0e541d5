// The sidebar's `Năm mới` (issue 14) in Google Sheets: the add-on's scope
// (spreadsheets.currentonly) cannot make a file, so the user makes the copy (File › Make a copy)
// and the add-on tells the original from the copy by the spreadsheet's ID (core/rollover: the
// marker in `Nhật ký`). Where the shell has no spreadsheet ID (`cchc serve` on an .xlsx file)
// the new year is `cchc rollover`, and these calls say so (NOT_AVAILABLE).
import { ApiFailure } from '../api.ts';
import { t } from '../i18n.ts';
import type { Lang } from '../model.ts';
import { readSchool } from '../read/school.ts';
import { RolloverError, rollCopy, rolloverPlace, rolloverYears, startRollover } from '../rollover/index.ts';
import type { AppContext } from './context.ts';

export type { RolloverDone, RolloverView } from '../rollover/view.ts';
import type { RolloverDone, RolloverView } from '../rollover/view.ts';

/** The core's refusals as the sidebar's failures (their message is already the user's). */
function refused<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RolloverError) throw new ApiFailure(e.code, e.message);
    throw e;
  }
}

/** The spreadsheet's ID; where there is none (`cchc serve`), NOT_AVAILABLE naming the command. */
function fileIdOf(ctx: AppContext, lang: Lang): string {
  const id = ctx.fileId?.();
  if (id) return id;
  const { toYear } = rolloverYears(readSchool(ctx.workbook, { lang, today: ctx.clock.today() }), lang);
  throw new ApiFailure('NOT_AVAILABLE', t(lang, 'rollover.notHere', { toYear }));
}

const clockOf = (ctx: AppContext) => ({ today: ctx.clock.today(), now: ctx.clock.now() });

export function rolloverState(ctx: AppContext, lang: Lang): RolloverView {
  return refused(() => {
    const id = ctx.fileId?.();
    if (!id) {
      const years = rolloverYears(readSchool(ctx.workbook, { lang, today: ctx.clock.today() }), lang);
      return { place: 'local' as const, ...years };
    }
    const place = rolloverPlace(ctx.workbook, { lang, today: ctx.clock.today(), fileId: id });
    return { place: place.kind, fromYear: place.fromYear, toYear: place.toYear };
  });
}

/** "Get ready" in the original: its one `Nhật ký` row, with the marker the copy will carry. */
export function startRolloverHere(ctx: AppContext, lang: Lang): RolloverView {
  return refused(() => {
    const fileId = fileIdOf(ctx, lang);
    startRollover(ctx.workbook, { lang, ...clockOf(ctx), user: ctx.user(), fileId });
    return rolloverState(ctx, lang);
  });
}

/** Roll this spreadsheet forward: only a copy got ready from another spreadsheet (never the original). */
export function rollThisCopy(ctx: AppContext, lang: Lang): RolloverDone {
  return refused(() => {
    const fileId = fileIdOf(ctx, lang);
    const s = rollCopy(ctx.workbook, { lang, ...clockOf(ctx), user: ctx.user(), fileId });
    return {
      fromYear: s.fromYear,
      toYear: s.toYear,
      tasks: s.tasks.carried.length,
      pastYear: s.tasks.carried.filter((c) => c.pastYear).length,
      kpis: s.kpis,
      initiatives: s.initiatives.carried,
      counts: s.counts,
    };
  });
}
