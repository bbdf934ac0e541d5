// Just enough XML for the package parts looked at here ([Content_Types].xml, relationships, the
// workbook part, the end of a sheet part, drawings): tags with their attributes and depth. These
// parts are small and machine-written; cell data is never parsed with this (see scan.ts).

export interface Tag {
  kind: 'open' | 'close' | 'empty';
  /** As written, with its prefix (`x14:dataValidations`). */
  name: string;
  /** Without the prefix. */
  local: string;
  attrs: Record<string, string>;
  start: number;
  end: number;
  /** Depth of the element: 1 for the root's children (0 is the root). */
  depth: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;
const ATTR = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return '';
    }
  });
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function parseAttrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text))) out[m[1] as string] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Every tag of `xml`, in order, with its depth. */
export function tags(xml: string): Tag[] {
  const out: Tag[] = [];
  let depth = -1;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml))) {
    if (m[2] === undefined) continue;
    const close = m[1] === '/';
    const empty = m[4] === '/';
    const name = m[2];
    if (close) {
      out.push({ kind: 'close', name, local: localOf(name), attrs: {}, start: m.index, end: m.index + m[0].length, depth });
      depth--;
    } else {
      depth++;
      out.push({ kind: empty ? 'empty' : 'open', name, local: localOf(name), attrs: parseAttrs(m[3] ?? ''), start: m.index, end: m.index + m[0].length, depth });
      if (empty) depth--;
    }
  }
  return out;
}

export interface Element {
  name: string;
  local: string;
  attrs: Record<string, string>;
  /** The element's whole text, from its start tag to its end tag. */
  start: number;
  end: number;
}

/** The elements at `depth` (1: the root's children), with their extent. */
export function elementsAt(xml: string, depth = 1, all: Tag[] = tags(xml)): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i] as Tag;
    if (t.depth !== depth || t.kind === 'close') continue;
    if (t.kind === 'empty') {
      out.push({ name: t.name, local: t.local, attrs: t.attrs, start: t.start, end: t.end });
      continue;
    }
    let j = i + 1;
    while (j < all.length && !((all[j] as Tag).kind === 'close' && (all[j] as Tag).depth === depth)) j++;
    const endTag = all[j];
    out.push({ name: t.name, local: t.local, attrs: t.attrs, start: t.start, end: endTag ? endTag.end : xml.length });
    i = j;
  }
  return out;
}

/** The root element's start tag (its namespace declarations). */
export function rootTag(xml: string): Tag | undefined {
  return tags(xml.slice(0, 4096)).find((t) => t.depth === 0 && t.kind !== 'close');
}

/**
 * A fragment copied out of one document into another: every namespace prefix it uses that it
 * does not declare itself gets the declaration it had in its first home (`from`'s root).
 */
export function withNamespaces(fragment: string, declared: Record<string, string>): string {
  const used = new Set<string>();
  for (const m of fragment.matchAll(/<\/?([A-Za-z_][\w.-]*):[\w.-]+/g)) used.add(m[1] as string);
  for (const m of fragment.matchAll(/\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g)) used.add(m[1] as string);
  used.delete('xml');
  used.delete('xmlns');
  const first = /^<([A-Za-z_][\w.:-]*)/.exec(fragment);
  if (!first) return fragment;
  const head = fragment.slice(0, fragment.indexOf('>') + 1);
  const add: string[] = [];
  for (const p of used) {
    if (new RegExp(`xmlns:${p}\\s*=`).test(fragment)) continue;
    const uri = declared[`xmlns:${p}`];
    if (uri !== undefined) add.push(`xmlns:${p}="${escapeXml(uri)}"`);
  }
  if (add.length === 0) return fragment;
  const at = first[0].length;
  return `${fragment.slice(0, at)} ${add.join(' ')}${fragment.slice(at, head.length)}${fragment.slice(head.length)}`;
}
