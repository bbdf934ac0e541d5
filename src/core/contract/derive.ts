// Facts the installer and the writers derive from a ColumnSpec, so nothing about a column is
// written twice (e.g. a dropdown lists exactly the enum's canonical values).

import type { CellValidation } from '../ports.ts';
import type { Lang } from '../model.ts';
import {
  ACTIVITY_TYPE, AREAS, YES_NO, activitySourceValue, allRatingLevels, areaDropdownValue, enumValues,
} from './enums.ts';
import type { ColumnSpec, SheetSpec } from './types.ts';

/** The values of a column's dropdown, or null when it has none. */
export function dropdownValues(c: ColumnSpec): string[] | null {
  switch (c.type.kind) {
    case 'enum': return enumValues(c.type.enum);
    case 'area': return AREAS.map(areaDropdownValue);
    case 'rating': return allRatingLevels();
    case 'yesNo': return enumValues(YES_NO);
    case 'kpiSource': return ACTIVITY_TYPE.options.map((o) => activitySourceValue(o.value));
    default: return null;
  }
}

/** The installer's data validation for a column, or undefined when it gets none. */
export function installerValidation(c: ColumnSpec): CellValidation | undefined {
  if (c.computed || c.validation === 'none') return undefined;
  const strict = c.validation === 'strict';
  const list = dropdownValues(c);
  if (list) return { kind: 'list', values: list, strict };
  switch (c.type.kind) {
    case 'date': return { kind: 'date', strict };
    case 'ratio': return { kind: 'number', min: 0, max: 1, strict };
    case 'score': return { kind: 'number', min: c.type.min, max: c.type.max, strict };
    case 'number': {
      const v: CellValidation = { kind: 'number', strict };
      if (c.type.min !== undefined) v.min = c.type.min;
      if (c.type.max !== undefined) v.max = c.type.max;
      return v;
    }
    case 'email': return { kind: 'email', strict };
    default: return undefined;
  }
}

/** The header note: the help text in the user's language. */
export function headerNote(c: ColumnSpec, lang: Lang): string {
  return lang === 'vi' ? c.help.vi : c.help.en;
}

/** 1-based installed position of each column of a sheet (its order in the contract). */
export function installedColumns(s: SheetSpec): Record<string, number> {
  return Object.fromEntries(s.columns.map((c, i) => [c.key, i + 1]));
}

/** Keys of the computed (⚙) columns of a sheet. */
export const computedKeys = (s: SheetSpec): string[] => s.columns.filter((c) => c.computed).map((c) => c.key);

/** Keys of the input columns of a sheet. */
export const inputKeys = (s: SheetSpec): string[] => s.columns.filter((c) => !c.computed).map((c) => c.key);
