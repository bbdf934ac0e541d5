// What a cell parser returns: a value (maybe with a notice for the user), or an error.

import type { IssueCode, MessageParams } from '../i18n.ts';

export interface ParseNote {
  code: IssueCode;
  params: MessageParams;
}

export type Parsed<T> = { ok: true; value: T; notice?: ParseNote } | { ok: false; error: ParseNote };

export const ok = <T>(value: T, notice?: ParseNote): Parsed<T> => (notice ? { ok: true, value, notice } : { ok: true, value });
export const fail = <T>(code: IssueCode, params: MessageParams = {}): Parsed<T> => ({ ok: false, error: { code, params } });
