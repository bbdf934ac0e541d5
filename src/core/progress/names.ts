// Folding of people's names for matching owners (the workbook contract "Text"): the contract's own
// folding from text.ts (NFC/NFD, case, spaces, hòa = hoà, thúy = thuý). foldKey remembers each
// spelling itself, so a 10,000-row plan with a few dozen owners folds each name once.

import { foldKey } from '../text.ts';

/** A key that two spellings of the same name share. */
export const foldName = (name: string): string => foldKey(name);

/** foldName (kept for callers; foldKey caches). */
export const foldNameCached = foldName;
