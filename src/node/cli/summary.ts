// The CLI's human output of `cchc progress` (without --json): plain-text tables with aligned
// columns, numbers with the decimal comma in Vietnamese.

import { AREAS, INITIATIVE_STAGE, KPI_STATUS, YES_NO, enumLabel } from '../../core/contract/enums.ts';
import { AREA_CODES, type KpiStatus, type Lang } from '../../core/model.ts';
import { dateIn, numberIn, percentIn } from '../../core/numbers.ts';
import { periodLabel, shareDone } from '../../core/progress/dashboard.ts';
import { yearOf } from '../../core/progress/dates.ts';
import { INITIATIVE_STAGES } from '../../core/progress/initiatives.ts';
import type { KpiProgress, Progress, TaskCounts } from '../../core/progress/types.ts';
import { kpiValueCell } from '../../core/progress/writeback.ts';
import { t as message } from '../../core/i18n.ts';
import type { DashboardWord } from '../../core/messages/dashboard.ts';



type Align = 'left' | 'right';

/** Visible width: NFC, combining marks take no column. */
const width = (s: string): number => [...s.normalize('NFC').replace(/\p{M}/gu, '')].length;
const pad = (s: string, w: number, align: Align): string => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
};

/** A table with a header, columns two spaces apart; numbers right-aligned. */
export function textTable(head: string[], body: string[][], align: Align[]): string {
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  const line = (r: string[]): string => r.map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? 'left')).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(head), rule, ...body.map(line)].join('\n');
}

const num = (n: number, lang: Lang, decimals = 2): string => numberIn(lang, n, decimals);
const pct = (f: number, lang: Lang): string => percentIn(lang, f);
/** An ISO date as the language writes it (core/numbers.ts). */
export const dateText = (iso: string, lang: Lang): string => dateIn(lang, iso);

function kpiFigure(k: KpiProgress, v: number | boolean | string | null, lang: Lang): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return enumLabel(YES_NO, v ? 'yes' : 'no', lang);
  if (typeof v === 'number') return k.kind === 'ratio' ? pct(v, lang) : num(v, lang);
  return v;
}

export function progressSummary(progress: Progress, lang: Lang, year: number = yearOf(progress.asOf)): string {
  const t = (k: DashboardWord): string => message(lang, `dashboard.${k}`);
  const out: string[] = [];
  const date = dateText(progress.asOf, lang);
  const unit = progress.unit.code ? `${progress.unit.name} (${progress.unit.code})` : progress.unit.name;
  out.push(`${unit} — ${t('asOfShort')} ${date}, ${periodLabel(progress.period, year, lang)}`, '');

  const taskRow = (label: string, c: TaskCounts): string[] => {
    const share = shareDone(c);
    return [label, ...[c.total, c.done, c.doneOnTime, c.doneLate, c.overdue, c.dueSoon, c.behind].map(String), share === null ? '—' : pct(share, lang)];
  };
  out.push(t('tasks'));
  out.push(
    textTable(
      [t('area'), t('totalShort'), t('done'), t('onTime'), t('late'), t('overdue'), t('dueSoon'), t('behind'), t('shareShort')],
      [
        ...AREA_CODES.map((code) => {
          const a = AREAS.find((x) => x.code === code);
          return taskRow(a ? `${a.number}. ${lang === 'vi' ? a.shortVi : a.shortEn}` : code, progress.tasks.byArea[code]);
        }),
        taskRow(t('sum'), progress.tasks),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
  );

  out.push(t('kpis'));
  if (progress.kpis.length === 0) out.push(t('noneShort'));
  else {
    out.push(
      textTable(
        [t('code'), t('area'), t('target'), t('value'), t('achievement'), t('evaluation')],
        progress.kpis.map((k) => [
          k.code,
          k.area ?? '',
          `${k.kind === 'ratio' || k.kind === 'count' ? `${k.direction === '>=' ? '≥' : '≤'} ` : ''}${kpiFigure(k, k.target, lang)}`,
          k.quarters ? String(kpiValueCell(k, lang).value ?? '—') : kpiFigure(k, k.value, lang),
          k.achievement === null ? '' : pct(k.achievement, lang),
          enumLabel(KPI_STATUS, k.status, lang),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  const statuses: KpiStatus[] = ['met', 'near', 'notMet', 'notApplicable', 'noData'];
  out.push(statuses.map((s) => `${enumLabel(KPI_STATUS, s, lang)}: ${progress.kpiCounts[s]}`).join(' · '), '');

  out.push(t('people'));
  if (progress.people.length === 0) out.push(t('noneShort'));
  else {
    out.push(
      textTable(
        [t('name'), t('totalShort'), t('done'), t('onTime'), t('ahead'), t('overdue')],
        progress.people.map((p) => [p.name, ...[p.total, p.done, p.doneOnTime, p.doneAhead, p.overdue].map(String)]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  out.push('');

  const ini = progress.initiatives;
  out.push(`${t('initiatives')}: ${ini.total}`);
  out.push(INITIATIVE_STAGES.map((s) => `${enumLabel(INITIATIVE_STAGE, s, lang)}: ${ini.byStage[s]}`).join(' · '));
  out.push(`${t('eligible')}: ${ini.eligible}`);
  return out.join('\n') + '\n';
}
