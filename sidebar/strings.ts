// The sidebar's words are the catalogue's `sidebar.` area (src/core/messages/sidebar.ts), reached
// through the product's one t(lang, key, params). Data from the server never passes through here.

import { t as message } from '../src/core/i18n.ts';
import type { Lang } from '../src/core/model.ts';
import type { SIDEBAR } from '../src/core/messages/sidebar.ts';

export type StringKey = keyof typeof SIDEBAR;

/** The sidebar's string for `key` in `lang`, `{name}` placeholders filled (as text). */
export const t = (lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string => message(lang, `sidebar.${key}`, params);
