// `Chỉ tiêu` → Kpi rows (the workbook contract). What a target and its quarter cells may hold depends on
// the row's `Loại`. An error keeps the target out of the figures, except in free-text cells.

import { ACTIVITY_TYPE, KPI_DIRECTION, KPI_KIND, KPI_METHOD, enumOption, type RatingScale } from '../contract/enums.ts';
import type { Decimal, Kpi, Quarter, QuarterEntry } from '../model.ts';
import { cellText } from '../parse/cell.ts';
import { compareDecimal, formatDecimal, formatPercent, isNegative } from '../parse/decimal.ts';
import { parseActivitySource, parseRating, parseYesNo, ratingLevelsText } from '../parse/enum.ts';
import { parseNonNegative, parseNumberOrPercent, parseRatio } from '../parse/number.ts';
import { foldKey } from '../text.ts';
import { QUARTER_ROMAN } from '../contract/enums.ts';
import type { RowReader, Table } from './table.ts';

const ZERO: Decimal = { text: '0' };
const ONE: Decimal = { text: '1' };

/** Next free code like the duplicated one: `CT03` taken → `CT13` when CT12 is the highest. */
function suggestCode(code: string, used: ReadonlySet<string>): string {
  const m = /^(.*?)(\d+)$/.exec(code);
  const prefix = m?.[1] ?? code;
  const width = m?.[2]?.length ?? 2;
  for (let n = 1; n < 10_000; n++) {
    const c = `${prefix}${String(n).padStart(width, '0')}`;
    if (!used.has(foldKey(c))) return c;
  }
  return `${code}-2`;
}

/** `quartersDue`: the quarters to date (read/as-of.ts quartersToDate), the ones `Từng quý` judges. */
export function readKpis(table: Table, quartersDue: number): Kpi[] {
  const out: Kpi[] = [];
  const lang = table.lang;
  const firstRowOf = new Map<string, number>();
  const allCodes = new Set<string>();
  const rows = [...table.rows()];
  for (const r of rows) allCodes.add(foldKey(cellText(r.raw('code'))));

  for (const r of rows) {
    const code = r.text('code');
    if (code !== '') {
      const k = foldKey(code);
      const first = firstRowOf.get(k);
      // The later row of a duplicate is the one in error; the first keeps its figures.
      if (first !== undefined) r.issue('code', 'error', 'CODE_DUPLICATE', { value: code, firstRow: first, suggestion: suggestCode(code, allCodes) });
      else firstRowOf.set(k, r.row);
    }
    const area = r.area('area');
    const title = r.text('title');
    const kind = r.enumOf('kind', KPI_KIND, null);
    const direction = r.enumOf('direction', KPI_DIRECTION, '>=') ?? '>=';
    const method = r.enumOf('method', KPI_METHOD, 'cumulative') ?? 'cumulative';
    const sourceKey = r.blank('source') ? null : r.take('source', parseActivitySource(r.raw('source')));
    if (sourceKey !== null && kind !== null && kind !== 'count') r.issue('source', 'error', 'SOURCE_NOT_COUNT');

    // Target
    let target: Kpi['target'] = null;
    let targetScale: RatingScale | null = null;
    if (kind === 'yesno') {
      if (r.blank('target')) target = true; // a yes/no target can only be Có
      else {
        const yn = r.take('target', parseYesNo(r.raw('target')));
        if (yn === false) r.issue('target', 'error', 'TARGET_YESNO');
        target = yn === true ? true : null;
      }
    } else if (kind !== null) {
      r.text('target'); // REQUIRED when empty
      if (!r.blank('target')) {
        if (kind === 'ratio') target = r.take('target', parseRatio(r.raw('target'), r.format('target'), lang));
        else if (kind === 'count') target = r.take('target', parseNonNegative(r.raw('target'), lang));
        else {
          const level = r.take('target', parseRating(r.raw('target')));
          if (level) {
            target = level.level;
            targetScale = level.scale;
          }
        }
      }
    }

    // Quarters
    const quarters = [0, 1, 2, 3].map((i) =>
      readQuarter(r, (i + 1) as Quarter, kind, targetScale, sourceKey !== null, lang),
    ) as Kpi['quarters'];

    if (method === 'perQuarter' && sourceKey === null && kind !== null) {
      for (let q = 1; q <= quartersDue; q++) {
        const e = quarters[q - 1];
        const key = `q${q}Achieved`;
        if (e && e.achieved === null && e.total === null && !r.erred(key, `q${q}Total`)) {
          r.issue(key, 'warning', 'PERIOD_NO_ENTRY', { quarter: QUARTER_ROMAN[q - 1] ?? q });
        }
      }
    }

    out.push({
      row: r.row, code, area, title, kind, direction, target, method,
      sourceActivityType: sourceKey === null ? null : enumOption(ACTIVITY_TYPE, sourceKey).vi,
      quarters,
      owner: r.text('owner'),
      evidence: r.text('evidence'),
      note: r.text('note'),
      blocked: r.erredOutside(['owner', 'evidence', 'note']),
    });
  }
  return out;
}

function readQuarter(
  r: RowReader, q: Quarter, kind: Kpi['kind'], targetScale: RatingScale | null, fromActivities: boolean, lang: 'vi' | 'en',
): QuarterEntry {
  const aKey = `q${q}Achieved`;
  const tKey = `q${q}Total`;
  const quarter = QUARTER_ROMAN[q - 1] ?? String(q);
  const entry: QuarterEntry = { achieved: null, total: null };
  if (kind !== 'ratio' && !r.blank(tKey)) r.issue(tKey, 'warning', 'TOTAL_IGNORED', { quarter, value: r.quoted(tKey) });
  if (fromActivities) {
    if (!r.blank(aKey)) {
      r.issue(aKey, 'warning', 'SOURCE_ACHIEVED_IGNORED', { type: cellText(r.raw('source')), value: r.quoted(aKey) });
    }
    return entry;
  }
  if (kind === null) return entry;
  const aBlank = r.blank(aKey);
  switch (kind) {
    case 'count':
      if (!aBlank) entry.achieved = r.take(aKey, parseNonNegative(r.raw(aKey), lang));
      return entry;
    case 'yesno':
      if (!aBlank) entry.achieved = r.take(aKey, parseYesNo(r.raw(aKey)));
      return entry;
    case 'rating': {
      if (aBlank) return entry;
      const level = r.take(aKey, parseRating(r.raw(aKey)));
      if (level && targetScale && level.scale.key !== targetScale.key) {
        r.issue(aKey, 'error', 'RATING_SCALE_MISMATCH', {
          value: level.level, scale: level.scale[lang], targetScale: targetScale[lang], values: ratingLevelsText(targetScale),
        });
        return entry;
      }
      entry.achieved = level ? level.level : null;
      return entry;
    }
    case 'ratio':
      return readRatioQuarter(r, aKey, tKey, quarter, lang);
  }
}

function readRatioQuarter(r: RowReader, aKey: string, tKey: string, quarter: string, lang: 'vi' | 'en'): QuarterEntry {
  const entry: QuarterEntry = { achieved: null, total: null };
  const aBlank = r.blank(aKey);
  const tBlank = r.blank(tKey);
  const total = tBlank ? null : r.take(tKey, parseNonNegative(r.raw(tKey), lang));
  if (!aBlank) {
    const a = r.take(aKey, parseNumberOrPercent(r.raw(aKey), r.format(aKey)));
    if (a === null) return entry;
    if (a.percent) {
      // A quarter's ratio typed as a percent (a survey result): kept as that fraction of 1.
      if (!tBlank) {
        r.issue(aKey, 'error', 'RATIO_ACHIEVED_PERCENT_WITH_TOTAL', { quarter, value: formatPercent(a.value, lang) });
        return entry;
      }
      if (isNegative(a.value) || compareDecimal(a.value, ONE) > 0) {
        r.issue(aKey, 'error', 'RATIO_OUT_OF_RANGE', { value: formatPercent(a.value, lang) });
        return entry;
      }
      r.issue(aKey, 'notice', 'RATIO_ACHIEVED_PERCENT', { quarter, value: formatPercent(a.value, lang) });
      return { achieved: a.value, total: ONE };
    }
    if (isNegative(a.value)) {
      r.issue(aKey, 'error', 'NUMBER_NEGATIVE', { value: formatDecimal(a.value, lang) });
      return entry;
    }
    if (tBlank) {
      r.issue(tKey, 'error', 'TOTAL_REQUIRED', { quarter });
      return entry;
    }
    if (total === null) return entry;
    if (compareDecimal(total, a.value) < 0) {
      r.issue(tKey, 'error', 'TOTAL_LESS_THAN_ACHIEVED', { quarter, total: formatDecimal(total, lang), achieved: formatDecimal(a.value, lang) });
      return entry;
    }
    return { achieved: a.value, total };
  }
  if (total === null) return entry;
  // Tổng typed alone: 0 means no case arose (an entry: Không phát sinh); more needs the Đạt number.
  if (compareDecimal(total, ZERO) === 0) return { achieved: ZERO, total };
  r.issue(aKey, 'error', 'ACHIEVED_REQUIRED', { quarter, total: formatDecimal(total, lang) });
  return entry;
}

