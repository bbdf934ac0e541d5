// `Thông tin`: `Mục` | `Giá trị` rows → model.ts Settings.

import { TEMPLATE_VERSION } from '../contract/index.ts';
import { SETTINGS, isUnitCode, settingDefault, settingDefaultIn, type SettingSpec } from '../contract/settings.ts';
import { sheetSpec } from '../contract/sheets.ts';
import type { Settings } from '../model.ts';
import type { RawCell, SheetGrid } from '../ports.ts';
import { cellText, isBlank, isPercentFormat } from '../parse/cell.ts';
import { parseDate } from '../parse/date.ts';
import { parseYesNo } from '../parse/enum.ts';
import { parseNumber, parseNumberOrPercent } from '../parse/number.ts';
import { formatDecimal } from '../parse/decimal.ts';
import { cleanText, foldKey, foldLoose, oneLine, quoteValue } from '../text.ts';
import type { IssueCode, MessageParams } from '../i18n.ts';
import type { Parsed } from '../parse/result.ts';
import type { IssueSink } from './issues.ts';
import { findHeader } from './table.ts';
import type { SheetHeaderMap } from '../model.ts';

const SPEC = sheetSpec('settings');
const VALUE_HEADER = SPEC.columns[1]?.header ?? 'Giá trị';

/** Settings before any row is read; a district's leaves `Chức vụ người ký` empty (it goes by the body: headTitleOf). */
export function defaultSettings(kind: 'school' | 'district' = 'school'): Settings {
  return {
    templateVersion: null, unitCode: '', unitName: '', parentBody: '', place: '', year: null,
    signer: '', signerTitle: settingDefaultIn(settingSpecOf('signerTitle'), kind, null) ?? '', recipients: [],
    registrationDeadline: null, phase1Deadline: null, phase2Deadline: null, awardDossierDeadline: null,
    tolerance: 0.05, minAwardScore: 70, emailReminders: false, autoRefresh: false,
  };
}

function settingSpecOf(key: keyof Settings): SettingSpec {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${key}`);
  return s;
}

const byLabel = new Map<string, SettingSpec>();
const byLoose = new Map<string, SettingSpec>();
for (const s of SETTINGS) {
  for (const l of [s.label, ...s.aliases]) {
    byLabel.set(foldKey(l), s);
    byLoose.set(foldLoose(l), s);
  }
}
/**
 * The setting a `Mục` cell names: its label or an alias after folding, a trailing `:` allowed,
 * then the same with accents dropped (`Ma don vi`). The installer and the sample use this too, so
 * a row the reader takes is never added a second time.
 */
export function settingForItem(text: string): SettingSpec | null {
  if (text.trim() === '') return null;
  return byLabel.get(foldKey(text).replace(/:$/, '')) ?? byLoose.get(foldLoose(text).replace(/:$/, '')) ?? null;
}

export interface SettingsRead {
  settings: Settings;
  header: SheetHeaderMap;
}

/** Read `Thông tin`. Its header row is optional: without one, column A holds `Mục` and B `Giá trị`. */
export function readSettings(grid: SheetGrid, sink: IssueSink, kind: 'school' | 'district' = 'school'): SettingsRead {
  const found = findHeader(grid, SPEC);
  const itemCol = found?.columns.item ?? 1;
  const valueCol = found?.columns.value ?? 2;
  const startRow = found ? found.headerRow + 1 : 1;
  let lastRow = grid.values.length;
  while (lastRow > 0 && (grid.values[lastRow - 1] ?? []).every((v) => isBlank(v))) lastRow--;

  const rows = new Map<keyof Settings, { row: number; value: RawCell; format: string }>();
  for (let r = startRow; r <= lastRow; r++) {
    const item = grid.values[r - 1]?.[itemCol - 1];
    if (typeof item !== 'string') continue;
    const spec = settingForItem(item);
    if (!spec || rows.has(spec.key)) continue;
    rows.set(spec.key, { row: r, value: grid.values[r - 1]?.[valueCol - 1] ?? null, format: grid.formats[r - 1]?.[valueCol - 1] ?? '' });
  }

  const s = defaultSettings(kind);
  const lang = sink.lang;
  const report = (key: keyof Settings, severity: 'error' | 'warning' | 'notice', code: IssueCode, params: MessageParams): void => {
    const at = rows.get(key);
    sink.add(SPEC.name, at?.row ?? null, VALUE_HEADER, at ? valueCol : null, severity, code, params);
  };
  const take = <T>(key: keyof Settings, r: Parsed<T>): T | null => {
    if (!r.ok) {
      report(key, 'error', r.error.code, r.error.params);
      return null;
    }
    return r.value;
  };
  const value = (key: keyof Settings): RawCell => rows.get(key)?.value ?? null;
  const blank = (key: keyof Settings): boolean => isBlank(value(key));

  // Template version first: a newer template is refused before anything else is trusted.
  if (blank('templateVersion')) report('templateVersion', 'warning', 'TEMPLATE_VERSION_MISSING', {});
  else {
    const n = parseNumber(value('templateVersion'));
    const v = n.ok ? Number(n.value.text) : NaN;
    if (!Number.isInteger(v) || v < 1) report('templateVersion', 'error', 'TEMPLATE_VERSION_INVALID', { value: quoteValue(cellText(value('templateVersion'))) });
    else {
      s.templateVersion = v;
      if (v > TEMPLATE_VERSION) report('templateVersion', 'error', 'TEMPLATE_NEWER', { version: v, supported: TEMPLATE_VERSION });
    }
  }

  if (!blank('year')) {
    const n = parseNumber(value('year'));
    const y = n.ok ? Number(n.value.text) : NaN;
    const spec = settingSpecOf('year');
    if (Number.isInteger(y) && y >= (spec.min ?? 0) && y <= (spec.max ?? 9999)) s.year = y;
    else report('year', 'error', 'YEAR_INVALID', { value: quoteValue(cellText(value('year'))) });
  }

  for (const spec of SETTINGS) {
    const key = spec.key;
    if (key === 'templateVersion' || key === 'year') {
      if (spec.required && blank(key)) report(key, 'error', 'SETTING_REQUIRED', { item: spec.label, example: spec.example });
      continue;
    }
    let raw = value(key);
    let format = rows.get(key)?.format ?? '';
    if (isBlank(raw)) {
      if (spec.required) {
        report(key, 'error', 'SETTING_REQUIRED', { item: spec.label, example: spec.example });
        continue;
      }
      const d = settingDefaultIn(spec, kind, s.year);
      if (d === undefined) continue;
      raw = d;
      format = '';
    }
    switch (spec.type) {
      case 'text': {
        const text = oneLine(cellText(raw));
        if (key === 'unitCode' && !isUnitCode(text)) {
          report(key, 'error', 'UNIT_CODE_INVALID', { value: quoteValue(text) });
          break;
        }
        (s as unknown as Record<string, unknown>)[key] = text;
        break;
      }
      case 'lines':
        s.recipients = cleanText(cellText(raw))
          .split(/\r?\n/)
          .map((l) => oneLine(l).replace(/^[-–•+*]\s*/, '').replace(/[;.,]+$/, '').trim())
          .filter((l) => l !== '');
        break;
      case 'date': {
        const d = take(key, parseDate(raw));
        if (d !== null) (s as unknown as Record<string, unknown>)[key] = d;
        break;
      }
      case 'percentPoints': {
        // `Ngưỡng gần đạt (%)`: a bare number is percent points (5 → 5%), whatever its size.
        const r = parseNumberOrPercent(raw, format);
        if (!r.ok) {
          take(key, r);
          break;
        }
        const fraction = r.value.percent || isPercentFormat(format) ? Number(r.value.value.text) : Number(r.value.value.text) / 100;
        if (fraction < 0 || fraction > 1) report(key, 'error', 'NUMBER_RANGE', { value: formatDecimal(r.value.value, lang), min: spec.min ?? 0, max: spec.max ?? 100 });
        else s.tolerance = fraction;
        break;
      }
      case 'number': {
        const r = take(key, parseNumber(raw));
        if (r === null) break;
        const n = Number(r.text);
        if (n < (spec.min ?? -Infinity) || n > (spec.max ?? Infinity)) report(key, 'error', 'NUMBER_RANGE', { value: formatDecimal(r, lang), min: spec.min ?? 0, max: spec.max ?? 0 });
        else s.minAwardScore = n;
        break;
      }
      case 'yesNo': {
        const r = take(key, parseYesNo(raw));
        if (r !== null && (key === 'emailReminders' || key === 'autoRefresh')) s[key] = r;
        break;
      }
      case 'integer':
      case 'year':
        break;
    }
  }

  const header: SheetHeaderMap = {
    headerRow: found?.headerRow ?? 0,
    columns: { item: itemCol, value: valueCol },
    lastRow,
  };
  return { settings: s, header };
}
