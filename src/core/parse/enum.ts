// Enumerated words (the workbook contract): statuses, stages, kinds, areas, yes/no, rating levels, matched
// after text.ts folding. An exact fold (case, NFC/NFD, spacing, tone placement) wins; failing
// that, a match with every accent dropped is taken when it is unambiguous.

import type { AreaCode, Lang } from '../model.ts';
import type { RawCell } from '../ports.ts';
import {
  ACTIVITY_SOURCE_PREFIX, ACTIVITY_TYPE, AREAS, RATING_SCALES, YES_NO,
  type ActivityTypeKey, type EnumOption, type EnumSpec, type RatingScale,
} from '../contract/enums.ts';
import { foldKey, foldLoose, quoteValue } from '../text.ts';
import { cellText } from './cell.ts';
import { fail, ok, type Parsed } from './result.ts';

interface Index<T> {
  exact: Map<string, T>;
  /** Accent-free key → value, or null when two values share it. */
  loose: Map<string, T | null>;
}

function buildIndex<T>(entries: Iterable<[string, T]>): Index<T> {
  const exact = new Map<string, T>();
  const loose = new Map<string, T | null>();
  for (const [word, value] of entries) {
    const k = foldKey(word);
    if (!exact.has(k)) exact.set(k, value);
    const l = foldLoose(word);
    const prev = loose.get(l);
    if (prev === undefined) loose.set(l, value);
    else if (prev !== value) loose.set(l, null);
  }
  return { exact, loose };
}

function lookup<T>(index: Index<T>, text: string): T | null {
  return index.exact.get(foldKey(text)) ?? index.loose.get(foldLoose(text)) ?? null;
}

const enumIndexes = new WeakMap<EnumSpec, Index<EnumOption>>();

function enumIndex(e: EnumSpec): Index<EnumOption> {
  let idx = enumIndexes.get(e);
  if (!idx) {
    const words: [string, EnumOption][] = [];
    for (const o of e.options) {
      words.push([o.vi, o], [o.value, o]);
      for (const a of o.aliases ?? []) words.push([a, o]);
    }
    // English labels last, so a Vietnamese spelling wins a clash.
    for (const o of e.options) words.push([o.en, o]);
    idx = buildIndex(words);
    enumIndexes.set(e, idx);
  }
  return idx;
}

/** The option a text names, or null. */
export function matchEnum<V extends string>(e: EnumSpec<V>, text: string): EnumOption<V> | null {
  return lookup(enumIndex(e), text) as EnumOption<V> | null;
}

/** Parse an enumerated cell; the error lists the canonical spellings. */
export function parseEnum<V extends string>(e: EnumSpec<V>, v: RawCell, column: string, lang: Lang = 'vi'): Parsed<V> {
  const text = cellText(v);
  const o = matchEnum(e, text);
  if (o) return ok(o.value);
  return fail('ENUM_UNKNOWN', { value: quoteValue(text), column, values: e.options.map((x) => (lang === 'vi' ? x.vi : `${x.vi} (${x.en})`)).join(', ') });
}

// ------------------------------------------------------------------------------------- areas

let areaIdx: Index<AreaCode> | null = null;
function areaIndex(): Index<AreaCode> {
  areaIdx ??= buildIndex(
    AREAS.flatMap((a) => [
      [a.vi, a.code], [a.en, a.code], [a.shortVi, a.code], [a.code, a.code],
      [`${a.number}. ${a.vi}`, a.code], [`Lĩnh vực ${a.number}`, a.code],
    ] as [string, AreaCode][]),
  );
  return areaIdx;
}

/**
 * An area: `LV3`, `lv 3`, `3`, `3. Cải cách thủ tục hành chính`, `3) …`, the name or its short
 * name, case/accents-insensitive, NFD too. With a number in front, the number decides.
 */
export function matchArea(v: RawCell): AreaCode | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 8 ? (`LV${v}` as AreaCode) : null;
  const text = cellText(v);
  const k = foldLoose(text);
  const m = /^(?:lv|linh vuc)? ?([1-8])(?:$|[.):\-]| )/.exec(k);
  if (m) return `LV${m[1]}` as AreaCode;
  return lookup(areaIndex(), text);
}

export function parseArea(v: RawCell): Parsed<AreaCode> {
  const a = matchArea(v);
  return a ? ok(a) : fail('AREA_UNKNOWN', { value: quoteValue(cellText(v)) });
}

// ------------------------------------------------------------------------------------ yes/no

/** Yes/no: `Có`/`Không` and the spellings of contract YES_NO, checkbox booleans, 1/0. */
export function parseYesNo(v: RawCell): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (v === 1 || v === 0) return ok(v === 1);
  const text = cellText(v);
  const o = matchEnum(YES_NO, text);
  return o ? ok(o.value === 'yes') : fail('YESNO_INVALID', { value: quoteValue(text) });
}

// ----------------------------------------------------------------------------------- ratings

export interface RatingLevel {
  scale: RatingScale;
  /** Canonical level name. */
  level: string;
  /** 0 = best. */
  rank: number;
}

let ratingIdx: Index<RatingLevel> | null = null;
function ratingIndex(): Index<RatingLevel> {
  ratingIdx ??= buildIndex(
    RATING_SCALES.flatMap((scale) =>
      scale.levels.flatMap((l, rank) => {
        const r: RatingLevel = { scale, level: l.value, rank };
        return [[l.vi, r], ...(l.aliases ?? []).map((a) => [a, r])] as [string, RatingLevel][];
      }),
    ),
  );
  return ratingIdx;
}

export const ratingLevelsText = (scale?: RatingScale): string =>
  (scale ? [scale] : RATING_SCALES).map((s) => s.levels.map((l) => l.vi).join(', ')).join('; ');

/** A level of any rating scale, saying which scale it is on. */
export function parseRating(v: RawCell): Parsed<RatingLevel> {
  const text = cellText(v);
  const r = lookup(ratingIndex(), text);
  return r ? ok(r) : fail('RATING_UNKNOWN', { value: quoteValue(text), values: ratingLevelsText() });
}

// ------------------------------------------------------------------------ Nguồn số liệu

/**
 * `Nguồn số liệu`: empty → null (typed by hand); `Hoạt động: <Loại>` (also `-` instead of `:`,
 * or the bare activity type) → the activity type.
 */
export function parseActivitySource(v: RawCell): Parsed<ActivityTypeKey | null> {
  const text = cellText(v);
  if (text === '') return ok(null);
  const prefix = foldKey(ACTIVITY_SOURCE_PREFIX);
  let rest = foldKey(text);
  if (rest.startsWith(prefix)) rest = rest.slice(prefix.length).replace(/^[:\-]/, '');
  else if (foldLoose(text).startsWith(foldLoose(ACTIVITY_SOURCE_PREFIX))) rest = foldLoose(text).slice(foldLoose(ACTIVITY_SOURCE_PREFIX).length).replace(/^[:\-]/, '');
  const o = rest === '' ? null : matchEnum(ACTIVITY_TYPE, rest);
  return o ? ok(o.value) : fail('SOURCE_UNKNOWN', { value: quoteValue(text) });
}
