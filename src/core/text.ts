// Text rules of the contract (the workbook contract "Text"): NFC and trimming on read, and the folding
// used to match headers, enumerated words and people's names.

const ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
/** Vietnamese tone marks as combining characters (NFD): grave, acute, tilde, hook, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036F]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WORD = /[\p{L}\p{M}]{1,1000}/gu;

/** A value as stored: NFC, zero-width characters removed, trimmed. Inner line breaks are kept. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH, '').trim();
}

/** One-line text: cleanText and every run of spaces, tabs or line breaks folded to one space. */
export function oneLine(s: string): string {
  return cleanText(s).replace(SPACES, ' ');
}

/**
 * Move each word's tone mark to a fixed place (after the word), so the old and new placements
 * compare equal: `hòa`/`hoà`, `thúy`/`thuý`, `òe`/`oè`, `ùy`/`uỳ`. Input must be NFD.
 * A Vietnamese syllable carries one tone, so base letters + tone identify it.
 */
function foldToneMarks(nfd: string): string {
  // Words are taken at most 1,000 code units at a time: an unbounded `+` over one huge "word"
  // (a pasted 5 MB cell in a header row) overflows the regexp engine's stack. No name, header or
  // enumerated word comes near the bound, so where it cuts changes no match that matters.
  return nfd.replace(WORD, (word) => {
    const tones = word.match(TONE_MARKS);
    if (!tones) return word;
    return word.replace(TONE_MARKS, '') + tones.join('');
  });
}

/**
 * The matching key of a header, an enumerated word or a name: NFC/NFD-insensitive, trimmed,
 * spaces folded, case folded, tone-mark placement folded, dashes unified and spaces around
 * `-`, `/`, `,`, `:` and `.` dropped (`Quý I – Đạt` = `quý i-đạt`). Not for display.
 */
export function foldKey(s: string): string {
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const key = computeFoldKey(s);
  // Sheets repeat the same words (statuses, areas, owners) thousands of times.
  if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
  foldCache.set(s, key);
  return key;
}

const FOLD_CACHE_MAX = 20_000;
const foldCache = new Map<string, string>();

function computeFoldKey(s: string): string {
  const nfd = s.normalize('NFD').replace(ZERO_WIDTH, '').replace(DASHES, '-').toLowerCase();
  return foldToneMarks(nfd)
    .replace(SPACES, ' ')
    .replace(/ ?([-/,:.;]) ?/g, '$1')
    .trim();
}

/** foldKey, then every accent dropped and `đ` read as `d`: `Cai cach the che` = `Cải cách thể chế`. */
export function foldLoose(s: string): string {
  return foldKey(s).replace(ALL_MARKS, '').replace(/đ/g, 'd');
}

/** Two people's names are the same (case, NFC/NFD, spacing and tone placement folded). */
export function sameName(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** The links (http, https, www.) found in a text. */
export function findLinks(s: string): string[] {
  return s.match(URL) ?? [];
}

/** True when the whole value is one link (a `Liên kết` cell). */
export function isLink(s: string): boolean {
  const t = s.trim();
  return /^(?:https?:\/\/|www\.)[^\s<>"']+$/i.test(t);
}

/** A plausible e-mail address (one @, a dot in the domain, no spaces). */
export function isEmail(s: string): boolean {
  return /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;.]{2,}$/.test(s.trim());
}

/** Shorten a user's text for quoting in a message. */
export function quoteValue(s: string, max = 60): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
