// The human output of `cchc aggregate` (without --json): the schools in list order with their
// read status and share done, then the totals. Words from the catalogue's district and dashboard areas.

import { UNIT_READ_STATUS, enumLabel } from '../../core/contract/enums.ts';
import type { DistrictAggregate } from '../../core/district/types.ts';
import { t } from '../../core/i18n.ts';
import type { Lang } from '../../core/model.ts';
import { dateIn, numberIn, percentIn } from '../../core/numbers.ts';
import { periodLabel, shareDone } from '../../core/progress/dashboard.ts';
import { yearOf } from '../../core/progress/dates.ts';
import { textTable } from './summary.ts';

const pct = (f: number, lang: Lang): string => percentIn(lang, f);
/** A message cut to what fits a table cell. */
const cut = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function districtSummary(agg: DistrictAggregate, lang: Lang, o: { year?: number; written: string }): string {
  const out: string[] = [];
  const date = dateIn(lang, agg.asOf);
  const unit = agg.unit.name ? (agg.unit.code ? `${agg.unit.name} (${agg.unit.code})` : agg.unit.name) : t(lang, 'district.title');
  out.push(t(lang, 'district.headLine', { unit, date, period: periodLabel(agg.period, o.year ?? yearOf(agg.asOf), lang) }), '');
  out.push(
    textTable(
      [t(lang, 'dashboard.code'), t(lang, 'district.colName'), t(lang, 'district.colStatus'), t(lang, 'district.colTasks'), t(lang, 'dashboard.shareShort'), t(lang, 'district.colNote')],
      agg.schools.map((s) => {
        const share = s.tasks ? shareDone(s.tasks) : null;
        return [s.code, s.name || s.source, enumLabel(UNIT_READ_STATUS, s.status, lang), s.tasks ? String(s.tasks.total) : '', share === null ? '' : pct(share, lang), cut(s.message)];
      }),
      ['left', 'left', 'left', 'right', 'right', 'left'],
    ),
    '',
  );
  const tt = agg.totals;
  out.push(t(lang, 'district.totalsLine', { schools: tt.schools, read: tt.read, failed: tt.failed }));
  const base = tt.tasks.total - tt.tasks.cancelled;
  const share = shareDone(tt.tasks);
  out.push(t(lang, 'district.tasksLine', { done: tt.tasks.done, base, share: share === null ? '—' : pct(share, lang), overdue: tt.tasks.overdue }));
  out.push(t(lang, 'district.kpiLine', { ...tt.kpiCounts }));
  const seconds = agg.stats.ms / 1000;
  out.push(t(lang, 'district.statsLine', { filesRead: agg.stats.filesRead, reused: agg.stats.reused, seconds: numberIn(lang, seconds, 1) }));
  out.push(t(lang, 'district.written', { file: o.written }));
  return out.join('\n') + '\n';
}
