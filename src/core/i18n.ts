// The one message catalogue: every user-facing string of the product, one table per area under
// messages/, Vietnamese and English side by side, reached through one t(lang, key, params).
// Validation messages keep their bare codes (an issue's public `code`); the other areas' keys
// carry their area: `sidebar.validate`, `menu.install`, `app.busy`. test/core/i18n.test.ts fails
// when a key lacks a language, or its languages disagree on the parameters.

import type { Lang } from './model.ts';
import { APP } from './messages/app.ts';
import { CLI } from './messages/cli.ts';
import { DASHBOARD } from './messages/dashboard.ts';
import { DISTRICT } from './messages/district.ts';
import { FILES } from './messages/files.ts';
import { ISSUES } from './messages/issues.ts';
import { MENU } from './messages/menu.ts';
import { REMIND } from './messages/remind.ts';
import { ROLLOVER } from './messages/rollover.ts';
import { SELFTEST } from './messages/selftest.ts';
import { SIDEBAR } from './messages/sidebar.ts';
import type { Catalogue, Message, Text2 } from './messages/types.ts';

export type { Catalogue, Message, Text2 } from './messages/types.ts';

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}.${K}`]: T[K] };
function prefixed<P extends string, T extends Catalogue>(prefix: P, table: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v])) as Prefixed<P, T>;
}

/** Every area's table, by the area's name (for the catalogue's own tests). */
export const AREAS_OF_CATALOGUE = { issues: ISSUES, app: APP, cli: CLI, dashboard: DASHBOARD, district: DISTRICT, files: FILES, menu: MENU, remind: REMIND, rollover: ROLLOVER, selftest: SELFTEST, sidebar: SIDEBAR } as const;

const CATALOGUE = {
  ...ISSUES,
  ...prefixed('app', APP),
  ...prefixed('cli', CLI),
  ...prefixed('dashboard', DASHBOARD),
  ...prefixed('district', DISTRICT),
  ...prefixed('files', FILES),
  ...prefixed('menu', MENU),
  ...prefixed('remind', REMIND),
  ...prefixed('rollover', ROLLOVER),
  ...prefixed('selftest', SELFTEST),
  ...prefixed('sidebar', SIDEBAR),
};

export type MessageKey = keyof typeof CATALOGUE;
/** The code of a validation issue (`DUE_BEFORE_START`…): a key of the issues area. */
export type IssueCode = keyof typeof ISSUES;
export const MESSAGES: Readonly<Record<MessageKey, Message>> = CATALOGUE;

export type MessageParams = Record<string, string | number>;

/** Fill `{name}` placeholders; an unknown placeholder is left as written. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** The message for `key` in `lang`, its parameters filled (the `one` form when params.n is 1). */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const m: Message = MESSAGES[key];
  const text = (params?.n === 1 ? m.one?.[lang] : undefined) ?? m[lang];
  return fill(text, params);
}

/** For text that is data, not a message (contract labels, guide lines): pick the language and fill. */
export function tr(lang: Lang, text: Text2, params?: MessageParams): string {
  return fill(text[lang], params);
}

/** A message in both languages, for what has no reader's language (a programming error an adapter throws). */
export const inBothLanguages = (key: MessageKey, params?: MessageParams): string => `${t('vi', key, params)} / ${t('en', key, params)}`;
