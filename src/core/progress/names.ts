// Folding of people's names for matching owners (TEMPLATE.md "Text"): the contract's own
// folding from text.ts (NFC/NFD, case, spaces, hòa = hoà, thúy = thuý), remembered per spelling.

import { foldKey } from '../text.ts';

/** A key that two spellings of the same name share. */
export const foldName = (name: string): string => foldKey(name);

// Names repeat across thousands of rows (a few dozen owners, eight activity types): folding each
// spelling once keeps a 10,000-row plan fast. Bounded so a long-lived process cannot grow it.
const cache = new Map<string, string>();
const CACHE_LIMIT = 5_000;

/** foldName, remembered per spelling. */
export function foldNameCached(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = foldKey(name);
    cache.set(name, key);
  }
  return key;
}
