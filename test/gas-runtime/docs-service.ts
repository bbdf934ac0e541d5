// A faithful fake of the Docs advanced service (`Docs.Documents.create/get/batchUpdate`), for the
// requests the add-on sends. It acts on the runtime's one document model (document-model.ts),
// the same Docs DocumentApp opens (document-app.ts): a Doc made here opens in DocumentApp, and a
// Doc made by DocumentApp.create is read and updated here.
//
// Rules simulated (Google's "Structural edit rules and behavior" and the request references):
// - a batch is atomic: validated and applied in order on a copy, committed only if all pass;
// - insertText/insertTable/insertPageBreak only inside an existing paragraph; index < segment end;
// - insertTable inserts a newline before the table (table start = location + 1);
// - insertPageBreak inserts a page break then a newline; not inside a table;
// - inserted text takes the style of the text just before it; a new paragraph copies the
//   paragraph style of the paragraph it was inserted in;
// - control characters U+0000–U+0008, U+000C–U+001F and private-use U+E000–U+F8FF are stripped
//   from inserted text (so '\r' disappears and would shift a client's indices);
// - ranges may not include the segment's final newline; paragraph styles apply to every
//   paragraph a range overlaps (table cells included); `fields` masks what is set or reset.
// - the request body's limits and the document's size (below), field masks and enum values as the
//   Docs v1 reference has them: the field lists are checked against Google's generated types
//   (`@googleapis/docs`), so a field Google adds or drops fails the build of this file;
// - 60 write requests a minute per user (create and batchUpdate), then HTTP 429 with Google's
//   message (developers.google.com/docs/api/limits: "Write requests … Per minute per user per
//   project 60"; "If you exceed a quota, you'll generally receive a 429: Too many requests"). The
//   window is a sliding minute (Google refills "per minute"; close enough for a test);
// - optionally (docsServices options): the Docs API disabled in the script's standard Cloud
//   project, and the daily "Docs created" quota applied to Docs.Documents.create too (Google does
//   not say whether the Apps Script quota counts the advanced service's creates; the message is
//   the Apps Script one).
// Error wording: "Index N must be less than the end index of the referenced segment, M." is
// Google's (seen in public bug reports, e.g. "Invalid requests[2].insertText: Index 118 must be
// less than the end index of the referenced segment, 117."), as is the fields message, the payload
// limit's, the 429's and the disabled API's (quoted where they are defined). The other messages
// marked (wording not verified) are plausible paraphrases: assert on them loosely.

import type { docs_v1 } from '@googleapis/docs';
import { gasError, utf8Length, type RuntimeCore } from './core.ts';
import {
  clone,
  spliceIn,
  DocumentStore,
  isInline,
  isNewline,
  parseTable,
  type ChTok,
  type DocsDocument,
  type Json,
  type ParagraphStyle,
  type TableNode,
  type TextStyle,
  type Tok,
} from './document-model.ts';
import { createDocumentApp, type FakeDocumentApp } from './document-app.ts';

export { DocsDocument, DocumentStore } from './document-model.ts';
export type { CellNode, ParaNode, RowNode, TableNode } from './document-model.ts';

/** Characters the Docs API strips from inserted text. */
export const DOCS_STRIPPED_CHARS = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

export const DOCS_MSG = {
  notFound: 'Requested entity was not found.',
  apiFailed: (method: string, message: string) => `API call to docs.documents.${method} failed with error: ${message}`,
  endIndex: (index: number, end: number) => `Index ${index} must be less than the end index of the referenced segment, ${end}.`,
  noFields: "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
  // (wording not verified)
  outsideParagraph: 'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
  emptyRange: 'The range should not be empty.',
  startIndex: (index: number) => `Index ${index} must be greater than or equal to 1.`,
  emptyText: 'The text to insert must not be empty.',
  pageBreakInTable: 'Page breaks cannot be inserted inside a table, equation, footnote, header or footer.',
  noTable: (index: number) => `The provided table start location ${index} does not point to a table.`,
  badCell: 'The table cell location is outside the table.',
  columnWidth: 'The column width must be at least 5 points.',
  tooManyHeaderRows: 'The number of pinned header rows exceeds the number of rows of the table.',
  // Google's, from its API infrastructure (github.com/googleworkspace/dotnet-samples/issues/23).
  payload: (limit: number) => `Request payload size exceeds the limit: ${limit} bytes.`,
  // (wording not verified) Google Docs holds up to 1.02 million characters
  // (support.google.com/drive/answer/37603); the API's words when a batch would pass it are not public.
  tooLarge: (limit: number) => `The document would exceed the maximum size of ${limit} characters.`,
  // The shape of Google's JSON-parsing errors (INVALID_ARGUMENT), e.g. "Invalid JSON payload
  // received. Unknown name \"x\" at 'requests[0].update_text_style.text_style': Cannot find field."
  unknownField: (name: string, at: string) => `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
  badEnum: (at: string, value: string) => `Invalid value at '${at}' (TYPE_ENUM), "${value}"`,
  // (wording not verified) a field mask naming a field the style does not have.
  badMask: (name: string, type: string) => `Invalid field mask: '${name}' is not a field of ${type}.`,
  // Google's 429 for the Docs API's per-user write quota, as the advanced service reports it.
  rateLimited: (project: string) =>
    `Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:${project}'.`,
  // Google's answer for an API not enabled in the Cloud project (the text every Google API gives,
  // e.g. github.com/googleapis/google-api-nodejs-client/issues/2873), wrapped by the advanced service.
  disabled: (project: string) =>
    `Google Docs API has not been used in project ${project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/docs.googleapis.com/overview?project=${project} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
} as const;

/** The request body Google accepts, bytes (see DOCS_MSG.payload). */
export const DOCS_MAX_PAYLOAD_BYTES = 10_485_760;
/** Characters a Google Doc holds (support.google.com/drive/answer/37603: "up to 1.02 million"). */
export const DOCS_MAX_DOCUMENT_CHARACTERS = 1_020_000;
/** Write requests a minute per user per project (developers.google.com/docs/api/limits). */
export const DOCS_WRITES_PER_MINUTE = 60;

// ------------------------------------------------------------------ the reference's fields and enums

/**
 * Every field of a style message, as a list checked both ways against Google's generated type:
 * a name Google does not have fails `satisfies`, and a field Google has that the list lacks fails
 * `exhaustive` (so a new version of @googleapis/docs is noticed).
 */
type Exhaustive<T, L extends readonly (keyof T)[]> = [Exclude<keyof T, L[number]>] extends [never] ? L : { missing: Exclude<keyof T, L[number]> };
const fieldsOf = <T,>() => <const L extends readonly (keyof T & string)[]>(list: L & Exhaustive<T, L>): ReadonlySet<string> => new Set(list as readonly string[]);

const FIELDS = {
  TextStyle: fieldsOf<docs_v1.Schema$TextStyle>()([
    'backgroundColor', 'baselineOffset', 'bold', 'fontSize', 'foregroundColor', 'italic', 'link', 'smallCaps', 'strikethrough', 'underline', 'weightedFontFamily',
  ]),
  ParagraphStyle: fieldsOf<docs_v1.Schema$ParagraphStyle>()([
    'alignment', 'avoidWidowAndOrphan', 'borderBetween', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'direction', 'headingId', 'indentEnd',
    'indentFirstLine', 'indentStart', 'keepLinesTogether', 'keepWithNext', 'lineSpacing', 'namedStyleType', 'pageBreakBefore', 'shading', 'spaceAbove',
    'spaceBelow', 'spacingMode', 'tabStops',
  ]),
  TableCellStyle: fieldsOf<docs_v1.Schema$TableCellStyle>()([
    'backgroundColor', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'columnSpan', 'contentAlignment', 'paddingBottom', 'paddingLeft', 'paddingRight',
    'paddingTop', 'rowSpan',
  ]),
  TableColumnProperties: fieldsOf<docs_v1.Schema$TableColumnProperties>()(['width', 'widthType']),
  DocumentStyle: fieldsOf<docs_v1.Schema$DocumentStyle>()([
    'background', 'defaultFooterId', 'defaultHeaderId', 'documentFormat', 'evenPageFooterId', 'evenPageHeaderId', 'firstPageFooterId', 'firstPageHeaderId',
    'flipPageOrientation', 'marginBottom', 'marginFooter', 'marginHeader', 'marginLeft', 'marginRight', 'marginTop', 'pageNumberStart', 'pageSize',
    'useCustomHeaderFooterMargins', 'useEvenPageHeaderFooter', 'useFirstPageHeaderFooter',
  ]),
  ParagraphBorder: fieldsOf<docs_v1.Schema$ParagraphBorder>()(['color', 'dashStyle', 'padding', 'width']),
  TableCellBorder: fieldsOf<docs_v1.Schema$TableCellBorder>()(['color', 'dashStyle', 'width']),
  Dimension: fieldsOf<docs_v1.Schema$Dimension>()(['magnitude', 'unit']),
} as const;
type StyleType = keyof typeof FIELDS;

/**
 * The enum values of the Docs v1 reference (its discovery document, revision 20261006:
 * ParagraphStyle.alignment/direction/namedStyleType/spacingMode, ParagraphBorder and
 * TableCellBorder.dashStyle, Dimension.unit, TableColumnProperties.widthType,
 * TableCellStyle.contentAlignment, TextStyle.baselineOffset). `LEFT` or `RIGHT` are not among them.
 */
const ENUMS: Record<string, readonly string[]> = {
  'ParagraphStyle.alignment': ['ALIGNMENT_UNSPECIFIED', 'START', 'CENTER', 'END', 'JUSTIFIED'],
  'ParagraphStyle.direction': ['CONTENT_DIRECTION_UNSPECIFIED', 'LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'],
  'ParagraphStyle.namedStyleType': ['NAMED_STYLE_TYPE_UNSPECIFIED', 'NORMAL_TEXT', 'TITLE', 'SUBTITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'],
  'ParagraphStyle.spacingMode': ['SPACING_MODE_UNSPECIFIED', 'NEVER_COLLAPSE', 'COLLAPSE_LISTS'],
  'ParagraphBorder.dashStyle': ['DASH_STYLE_UNSPECIFIED', 'SOLID', 'DOT', 'DASH'],
  'TableCellBorder.dashStyle': ['DASH_STYLE_UNSPECIFIED', 'SOLID', 'DOT', 'DASH'],
  'Dimension.unit': ['UNIT_UNSPECIFIED', 'PT'],
  'TableColumnProperties.widthType': ['WIDTH_TYPE_UNSPECIFIED', 'EVENLY_DISTRIBUTED', 'FIXED_WIDTH'],
  'TableCellStyle.contentAlignment': ['CONTENT_ALIGNMENT_UNSPECIFIED', 'CONTENT_ALIGNMENT_UNSUPPORTED', 'TOP', 'MIDDLE', 'BOTTOM'],
  'TextStyle.baselineOffset': ['BASELINE_OFFSET_UNSPECIFIED', 'NONE', 'SUPERSCRIPT', 'SUBSCRIPT'],
};

/** Which message each field holds, where the fake looks inside (dimensions and borders). */
const NESTED: Record<string, StyleType> = {
  'TextStyle.fontSize': 'Dimension',
  'ParagraphStyle.indentFirstLine': 'Dimension',
  'ParagraphStyle.indentStart': 'Dimension',
  'ParagraphStyle.indentEnd': 'Dimension',
  'ParagraphStyle.spaceAbove': 'Dimension',
  'ParagraphStyle.spaceBelow': 'Dimension',
  'ParagraphStyle.borderTop': 'ParagraphBorder',
  'ParagraphStyle.borderBottom': 'ParagraphBorder',
  'ParagraphStyle.borderLeft': 'ParagraphBorder',
  'ParagraphStyle.borderRight': 'ParagraphBorder',
  'ParagraphStyle.borderBetween': 'ParagraphBorder',
  'ParagraphBorder.width': 'Dimension',
  'ParagraphBorder.padding': 'Dimension',
  'TableCellStyle.borderTop': 'TableCellBorder',
  'TableCellStyle.borderBottom': 'TableCellBorder',
  'TableCellStyle.borderLeft': 'TableCellBorder',
  'TableCellStyle.borderRight': 'TableCellBorder',
  'TableCellStyle.paddingTop': 'Dimension',
  'TableCellStyle.paddingBottom': 'Dimension',
  'TableCellStyle.paddingLeft': 'Dimension',
  'TableCellStyle.paddingRight': 'Dimension',
  'TableCellBorder.width': 'Dimension',
  'TableColumnProperties.width': 'Dimension',
  'DocumentStyle.marginTop': 'Dimension',
  'DocumentStyle.marginBottom': 'Dimension',
  'DocumentStyle.marginLeft': 'Dimension',
  'DocumentStyle.marginRight': 'Dimension',
  'DocumentStyle.marginHeader': 'Dimension',
  'DocumentStyle.marginFooter': 'Dimension',
};

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A style object sent in a request: every key a field of its message, every enum a value the reference has. */
function checkMessage(value: unknown, type: StyleType, at: string): void {
  if (value === undefined || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Json)) {
    if (!FIELDS[type].has(k)) throw new PayloadError(DOCS_MSG.unknownField(k, at));
    const key = `${type}.${k}`;
    const allowed = ENUMS[key];
    if (allowed && v !== undefined && v !== null && !allowed.includes(String(v))) throw new PayloadError(DOCS_MSG.badEnum(`${at}.${snake(k)}`, String(v)));
    const inner = NESTED[key];
    if (inner) checkMessage(v, inner, `${at}.${snake(k)}`);
  }
}

/** A field mask: `*`, or top-level names (a dotted path is checked on its first part) of the message. */
function checkMask(fields: unknown, type: StyleType): void {
  if (typeof fields !== 'string' || fields.trim() === '' || fields.trim() === '*') return;
  for (const f of fields.split(',')) {
    const name = f.trim().split('.')[0] ?? '';
    if (name !== '' && !FIELDS[type].has(name)) throw new RequestError(DOCS_MSG.badMask(name, type));
  }
}

/** The style each update request carries, and its message. */
const STYLED: Record<string, { prop: string; type: StyleType }> = {
  updateTextStyle: { prop: 'textStyle', type: 'TextStyle' },
  updateParagraphStyle: { prop: 'paragraphStyle', type: 'ParagraphStyle' },
  updateTableCellStyle: { prop: 'tableCellStyle', type: 'TableCellStyle' },
  updateTableColumnProperties: { prop: 'tableColumnProperties', type: 'TableColumnProperties' },
  updateDocumentStyle: { prop: 'documentStyle', type: 'DocumentStyle' },
};


// ------------------------------------------------------------------ applying requests

class RequestError extends Error {}
/** An error of the whole request body (Google parses it before applying anything): no `requests[i]` prefix. */
class PayloadError extends Error {}

/**
 * Set or reset (when absent from `style`) each top-level field named in the mask. The values are
 * copied once per request and shared by every position it styles: an edit replaces a style's
 * top-level fields whole and never changes a nested value in place (document-model.ts copyTok),
 * so sharing is safe, and a whole-document style no longer copies JSON per character.
 */
function fieldSetter(style: Json | undefined, fields: unknown): (target: Json) => void {
  if (typeof fields !== 'string' || fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
  const src = style ?? {};
  const names = fields.trim() === '*' ? Object.keys(src) : fields.split(',').map((f) => f.trim().split('.')[0] ?? '');
  const set: [string, unknown][] = [];
  const unset: string[] = [];
  for (const f of names) {
    if (f === '') continue;
    if (f in src && src[f] !== undefined) set.push([f, clone(src[f])]);
    else unset.push(f);
  }
  return (target) => {
    for (const [f, v] of set) target[f] = v;
    for (const f of unset) delete target[f];
  };
}

function applyFields(target: Json, style: Json | undefined, fields: unknown): void {
  fieldSetter(style, fields)(target);
}

function requireIndex(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RequestError(`${what} must be an integer.`);
  return v;
}

function applyRequest(doc: DocsDocument, req: Json, nextImageId: () => string): void {
  const kinds = Object.keys(req);
  if (kinds.length !== 1) throw new RequestError('A request must set exactly one kind of update.');
  const kind = kinds[0] as string;
  const body = (req[kind] ?? {}) as Json;
  const styled = STYLED[kind];
  if (styled) checkMask(body.fields, styled.type);
  const len = () => doc.toks.length;
  const location = (loc: unknown): number => {
    const l = (loc ?? {}) as Json;
    if (l.segmentId) throw new RequestError('docs fake: headers, footers and footnotes are not simulated.');
    return requireIndex(l.index, 'location.index');
  };
  const insertPoint = (i: number): { start: number; nl: number } => {
    if (i >= len()) throw new RequestError(DOCS_MSG.endIndex(i, len()));
    const p = i >= 1 ? doc.paragraphAt(i) : null;
    if (!p) throw new RequestError(DOCS_MSG.outsideParagraph);
    return p;
  };
  const inheritedTextStyle = (i: number): TextStyle => {
    const before = doc.toks[i - 1];
    if (isInline(before) && !isNewline(before)) return { ...before.ts };
    const at = doc.toks[i];
    return isInline(at) ? { ...at.ts } : {};
  };
  const range = (r: unknown): [number, number] => {
    const rr = (r ?? {}) as Json;
    if (rr.segmentId) throw new RequestError('docs fake: headers, footers and footnotes are not simulated.');
    const s = requireIndex(rr.startIndex, 'range.startIndex');
    const e = requireIndex(rr.endIndex, 'range.endIndex');
    if (s < 1) throw new RequestError(DOCS_MSG.startIndex(s));
    if (e >= len()) throw new RequestError(DOCS_MSG.endIndex(e, len()));
    if (e <= s) throw new RequestError(DOCS_MSG.emptyRange);
    return [s, e];
  };
  const tableAt = (loc: unknown): TableNode => {
    const i = location(loc);
    if (doc.toks[i]?.t !== 'tbl') throw new RequestError(DOCS_MSG.noTable(i));
    return parseTable(doc.toks, i);
  };

  switch (kind) {
    case 'insertText': {
      const i = location(body.location);
      const p = insertPoint(i);
      const text = String(body.text ?? '').replace(DOCS_STRIPPED_CHARS, '');
      if (text === '') throw new RequestError(DOCS_MSG.emptyText);
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      const toks: Tok[] = [...text].flatMap((ch) =>
        // [...text] splits by code point; the index space is UTF-16 units, so split surrogates.
        ch.split('').map((u): Tok => (u === '\n' ? { t: 'ch', c: u, ts: { ...ts }, ps: { ...ps } } : { t: 'ch', c: u, ts: { ...ts } })),
      );
      spliceIn(doc.toks, i, toks);
      return;
    }
    case 'insertTable': {
      if (body.endOfSegmentLocation) throw new RequestError('docs fake: endOfSegmentLocation is not simulated; give a location.');
      const i = location(body.location);
      const p = insertPoint(i);
      const rows = requireIndex(body.rows, 'rows');
      const cols = requireIndex(body.columns, 'columns');
      if (rows < 1 || cols < 1) throw new RequestError('A table must have at least one row and one column.');
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      const toks: Tok[] = [{ t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) }, { t: 'tbl', columnProps: Array.from({ length: cols }, () => ({ widthType: 'EVENLY_DISTRIBUTED' })) }];
      for (let r = 0; r < rows; r += 1) {
        toks.push({ t: 'row', style: {} });
        for (let c = 0; c < cols; c += 1) toks.push({ t: 'cell', style: {} }, { t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) });
      }
      toks.push({ t: 'tblEnd' });
      spliceIn(doc.toks, i, toks);
      return;
    }
    case 'insertPageBreak': {
      if (body.endOfSegmentLocation) throw new RequestError('docs fake: endOfSegmentLocation is not simulated; give a location.');
      const i = location(body.location);
      const p = insertPoint(i);
      if (doc.inTable(i)) throw new RequestError(DOCS_MSG.pageBreakInTable);
      const ts = inheritedTextStyle(i);
      const ps = (doc.toks[p.nl] as ChTok).ps ?? {};
      doc.toks.splice(i, 0, { t: 'pb', ts }, { t: 'ch', c: '\n', ts: clone(ts), ps: clone(ps) });
      return;
    }
    case 'updateTextStyle': {
      const [s, e] = range(body.range);
      if (typeof body.fields !== 'string' || body.fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
      const setText = fieldSetter(body.textStyle as Json, body.fields);
      for (let k = s; k < e; k += 1) {
        const tok = doc.toks[k];
        if (isInline(tok)) setText(tok.ts);
      }
      return;
    }
    case 'updateParagraphStyle': {
      const [s, e] = range(body.range);
      if (typeof body.fields !== 'string' || body.fields.trim() === '') throw new RequestError(DOCS_MSG.noFields);
      const setParagraph = fieldSetter(body.paragraphStyle as Json, body.fields);
      let k = s;
      // A paragraph starting before s but containing it is overlapped too.
      while (k < e) {
        const tok = doc.toks[k];
        if (!isInline(tok)) {
          k += 1;
          continue;
        }
        let nl = k;
        while (!isNewline(doc.toks[nl])) nl += 1;
        const n = doc.toks[nl] as ChTok;
        n.ps = n.ps ?? {};
        setParagraph(n.ps);
        k = nl + 1;
      }
      return;
    }
    case 'updateDocumentStyle':
      applyFields(doc.documentStyle, body.documentStyle as Json, body.fields);
      return;
    case 'updateTableColumnProperties': {
      const t = tableAt(body.tableStartLocation);
      const cols = t.rows[0]?.cells.length ?? 0;
      const props = (body.tableColumnProperties ?? {}) as Json;
      const width = (props.width as Json | undefined)?.magnitude;
      if (typeof width === 'number' && width < 5) throw new RequestError(DOCS_MSG.columnWidth);
      const indices = Array.isArray(body.columnIndices) && body.columnIndices.length > 0 ? (body.columnIndices as number[]) : [...Array(cols).keys()];
      for (const c of indices) {
        if (c < 0 || c >= cols) throw new RequestError(DOCS_MSG.badCell);
        const target = t.tok.columnProps[c] ?? {};
        applyFields(target, props, body.fields);
        t.tok.columnProps[c] = target;
      }
      return;
    }
    case 'updateTableCellStyle': {
      const tr = body.tableRange as Json | undefined;
      const cellLoc = tr?.tableCellLocation as Json | undefined;
      const t = tableAt(cellLoc ? cellLoc.tableStartLocation : body.tableStartLocation);
      const r0 = cellLoc ? requireIndex(cellLoc.rowIndex ?? 0, 'rowIndex') : 0;
      const c0 = cellLoc ? requireIndex(cellLoc.columnIndex ?? 0, 'columnIndex') : 0;
      const rs = tr ? requireIndex(tr.rowSpan, 'rowSpan') : t.rows.length;
      const cs = tr ? requireIndex(tr.columnSpan, 'columnSpan') : (t.rows[0]?.cells.length ?? 0);
      for (let r = r0; r < r0 + rs; r += 1) {
        for (let c = c0; c < c0 + cs; c += 1) {
          const cell = t.rows[r]?.cells[c];
          if (!cell) throw new RequestError(DOCS_MSG.badCell);
          applyFields(cell.tok.style, body.tableCellStyle as Json, body.fields);
        }
      }
      return;
    }
    case 'pinTableHeaderRows': {
      const t = tableAt(body.tableStartLocation);
      const n = requireIndex(body.pinnedHeaderRowsCount ?? 0, 'pinnedHeaderRowsCount');
      if (n > t.rows.length) throw new RequestError(DOCS_MSG.tooManyHeaderRows);
      t.rows.forEach((r, i) => {
        if (i < n) r.tok.style.tableHeader = true;
        else delete r.tok.style.tableHeader;
      });
      return;
    }
    case 'mergeTableCells': {
      const tr = (body.tableRange ?? {}) as Json;
      const cellLoc = (tr.tableCellLocation ?? {}) as Json;
      const t = tableAt(cellLoc.tableStartLocation);
      const r0 = requireIndex(cellLoc.rowIndex ?? 0, 'rowIndex');
      const c0 = requireIndex(cellLoc.columnIndex ?? 0, 'columnIndex');
      const rs = requireIndex(tr.rowSpan, 'rowSpan');
      const cs = requireIndex(tr.columnSpan, 'columnSpan');
      for (let r = r0; r < r0 + rs; r += 1) {
        for (let c = c0; c < c0 + cs; c += 1) {
          const cell = t.rows[r]?.cells[c];
          if (!cell) throw new RequestError(DOCS_MSG.badCell);
          const empty = cell.content.length === 1 && cell.content[0]?.kind === 'paragraph' && cell.content[0].end - cell.content[0].start === 1;
          // Google concatenates the merged cells' text into the head cell; the add-on merges only
          // empty covered cells, and moving text is not simulated.
          if ((r !== r0 || c !== c0) && !empty) throw new Error('docs fake: merging cells that hold text is not simulated');
        }
      }
      const head = t.rows[r0]?.cells[c0];
      if (head) {
        head.tok.style.rowSpan = rs;
        head.tok.style.columnSpan = cs;
      }
      return;
    }
    case 'insertInlineImage': {
      // The API fetches `uri` (public, at most 2 KB): offline there is nothing to fetch.
      const uri = String(body.uri ?? '');
      if (!/^https:\/\//.test(uri)) throw new RequestError('The provided image URI is invalid or not publicly accessible.');
      const i = location(body.location);
      insertPoint(i);
      const id = nextImageId();
      doc.inlineObjects.set(id, { widthPt: 100, heightPt: 100, description: '', contentType: null, bytes: 0 });
      doc.toks.splice(i, 0, { t: 'img', id, ts: inheritedTextStyle(i) });
      return;
    }
    default:
      throw new Error(`docs fake: request kind "${kind}" is not simulated`);
  }
}

// ------------------------------------------------------------------ the service

export interface DocsServiceOptions {
  /** The Docs API is disabled in the script's standard Cloud project (this project number): every call fails with Google's message. */
  apiDisabledInProject?: string;
  /** Docs.Documents.create counts towards the daily "Docs created" quota (runtime `quotas.docsCreatedPerDay`). */
  createCountsTowardsDailyQuota?: boolean;
  /** The Cloud project number in messages (default a made-up one). */
  projectNumber?: string;
}

export class FakeDocumentsCollection {
  /** Every batchUpdate applied: its request count and body size (uncounted, for tests and the bench). */
  readonly sent: { documentId: string; requests: number; bytes: number }[] = [];
  /** Simulated times (ms) of each user's write requests in the last minute. */
  private readonly writes = new Map<string, number[]>();
  constructor(
    private readonly store: DocumentStore,
    private readonly options: DocsServiceOptions & { user?: () => string } = {},
  ) {}
  private entry(id: string, method: string) {
    const e = this.store.docs.get(String(id));
    if (!e) throw gasError(DOCS_MSG.apiFailed(method, DOCS_MSG.notFound));
    return e;
  }
  private project(): string {
    return this.options.apiDisabledInProject ?? this.options.projectNumber ?? '385640270911';
  }
  /** Every call: the API must be enabled in the project. */
  private enabled(method: string): void {
    if (this.options.apiDisabledInProject !== undefined) throw gasError(DOCS_MSG.apiFailed(method, DOCS_MSG.disabled(this.options.apiDisabledInProject)));
  }
  /** A write request: at most DOCS_WRITES_PER_MINUTE in any minute for one user, else the 429. */
  private write(method: string): void {
    const user = this.options.user?.() ?? '';
    const now = this.store.core.nowMillis();
    const recent = (this.writes.get(user) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= DOCS_WRITES_PER_MINUTE) {
      this.writes.set(user, recent);
      throw gasError(DOCS_MSG.apiFailed(method, DOCS_MSG.rateLimited(this.project())));
    }
    recent.push(now);
    this.writes.set(user, recent);
  }
  /** Test helper: `n` writes of the current user just now (another tab, another add-on). */
  _spendWrites(n: number): void {
    const user = this.options.user?.() ?? '';
    const now = this.store.core.nowMillis();
    this.writes.set(user, [...(this.writes.get(user) ?? []), ...Array.from({ length: n }, () => now)]);
  }
  create(resource: { title?: string } = {}): Json {
    this.enabled('create');
    this.write('create');
    const title = typeof resource.title === 'string' && resource.title !== '' ? resource.title : 'Untitled document';
    return this.store.create(title, { quota: this.options.createCountsTowardsDailyQuota ?? false }).doc.toJson();
  }
  get(documentId: string): Json {
    this.enabled('get');
    return this.entry(documentId, 'get').doc.toJson();
  }
  batchUpdate(resource: { requests?: unknown[] }, documentId: string): Json {
    this.enabled('batchUpdate');
    const requests = resource?.requests;
    // The body is measured and parsed before anything else (an oversized body never reaches the Doc).
    const bytes = utf8Length(JSON.stringify(resource ?? {}));
    if (bytes > DOCS_MAX_PAYLOAD_BYTES) throw gasError(DOCS_MSG.apiFailed('batchUpdate', DOCS_MSG.payload(DOCS_MAX_PAYLOAD_BYTES)));
    if (Array.isArray(requests)) {
      requests.forEach((req, i) => {
        const kind = req && typeof req === 'object' ? (Object.keys(req)[0] ?? '') : '';
        const styled = STYLED[kind];
        if (!styled) return;
        try {
          checkMessage(((req as Json)[kind] as Json | undefined)?.[styled.prop], styled.type, `requests[${i}].${snake(kind)}.${snake(styled.prop)}`);
        } catch (e) {
          if (e instanceof PayloadError) throw gasError(DOCS_MSG.apiFailed('batchUpdate', e.message));
          throw e;
        }
      });
    }
    const entry = this.entry(documentId, 'batchUpdate');
    this.write('batchUpdate');
    if (!Array.isArray(requests) || requests.length === 0) {
      throw gasError(DOCS_MSG.apiFailed('batchUpdate', 'Invalid requests: at least one request is required.'));
    }
    const work = entry.doc.copy();
    requests.forEach((req, i) => {
      const kind = req && typeof req === 'object' ? (Object.keys(req)[0] ?? '?') : '?';
      try {
        applyRequest(work, req as Json, () => this.store.imageId());
        // The body holds every index but the section break; a Doc over the limit is refused.
        if (work.toks.length - 1 > DOCS_MAX_DOCUMENT_CHARACTERS) throw new RequestError(DOCS_MSG.tooLarge(DOCS_MAX_DOCUMENT_CHARACTERS));
      } catch (e) {
        if (e instanceof RequestError) throw gasError(DOCS_MSG.apiFailed('batchUpdate', `Invalid requests[${i}].${kind}: ${e.message}`));
        throw e;
      }
    });
    work.revision += 1;
    entry.doc = work;
    this.sent.push({ documentId: entry.id, requests: requests.length, bytes });
    return { documentId: entry.id, replies: requests.map(() => ({})), writeControl: { requiredRevisionId: `rev-${work.revision}` } };
  }
}

// ------------------------------------------------------------------ wiring

export interface FakeDocsService {
  /** The `Docs` global: `Docs.Documents.create/get/batchUpdate`, each call counted as `Docs.Documents.*`. */
  Docs: { Documents: FakeDocumentsCollection };
  /** DocumentApp on the same documents. */
  DocumentApp: FakeDocumentApp;
  store: DocumentStore;
}

/**
 * The Docs advanced service on a call counter. With createRuntime (the usual way):
 *   createRuntime({ services: docsServices() })   // `Docs` on the runtime's documents
 * or on a bare RuntimeCore in unit tests: createDocsService(core), with its own store and a
 * DocumentApp on it.
 */
export function createDocsService(
  core: RuntimeCore,
  options: { store?: DocumentStore; documentApp?: FakeDocumentApp; user?: () => string } & DocsServiceOptions = {},
): FakeDocsService {
  const store = options.store ?? new DocumentStore(core);
  const documents = core.instrument(new FakeDocumentsCollection(store, options), 'Docs.Documents');
  return { Docs: { Documents: documents }, DocumentApp: options.documentApp ?? createDocumentApp(core, store), store };
}

interface RuntimeLike {
  core: RuntimeCore;
  documents: DocumentStore;
  services: { DocumentApp: FakeDocumentApp } & Record<string, unknown>;
  userEmail?: () => string;
}

const perRuntime = new WeakMap<object, FakeDocsService>();

/** The Docs advanced service of one runtime (memoised), on the runtime's documents and DocumentApp. */
export function docsServiceFor(rt: RuntimeLike, options: DocsServiceOptions = {}): FakeDocsService {
  let svc = perRuntime.get(rt);
  if (!svc) {
    svc = createDocsService(rt.core, { store: rt.documents, documentApp: rt.services.DocumentApp, ...(rt.userEmail ? { user: rt.userEmail } : {}), ...options });
    perRuntime.set(rt, svc);
  }
  return svc;
}

/** For createRuntime's `services` option: the `Docs` global (the advanced service enabled). */
export function docsServices(options: DocsServiceOptions = {}): Record<string, (rt: RuntimeLike) => unknown> {
  return {
    Docs: (rt) => docsServiceFor(rt, options).Docs,
  };
}

// ------------------------------------------------------------------ test helpers

/**
 * The plain text of a Docs document JSON in reading order: one string per non-empty paragraph,
 * body and table cells (row by row, cell by cell), without the final newline. A soft line break
 * (U+000B) reads as '\n'.
 */
export function docText(doc: Json): string[] {
  const out: string[] = [];
  const walk = (content: unknown): void => {
    for (const el of (content as Json[]) ?? []) {
      const p = el.paragraph as Json | undefined;
      if (p) {
        const text = ((p.elements as Json[]) ?? [])
          .map((e) => ((e.textRun as Json | undefined)?.content as string | undefined) ?? '')
          .join('')
          .replace(/\n$/, '')
          .replace(/\u000b/g, '\n');
        if (text !== '') out.push(text);
      }
      const t = el.table as Json | undefined;
      if (t) for (const r of (t.tableRows as Json[]) ?? []) for (const c of (r.tableCells as Json[]) ?? []) walk(c.content);
    }
  };
  walk((doc.body as Json | undefined)?.content);
  return out;
}

/** Every paragraph of a Docs document JSON (body and cells) with its text, style and runs. */
export function docParagraphs(doc: Json): { text: string; style: Json; runs: { text: string; style: Json }[]; inTable: boolean; images: string[] }[] {
  const out: { text: string; style: Json; runs: { text: string; style: Json }[]; inTable: boolean; images: string[] }[] = [];
  const walk = (content: unknown, inTable: boolean): void => {
    for (const el of (content as Json[]) ?? []) {
      const p = el.paragraph as Json | undefined;
      if (p) {
        const elements = (p.elements as Json[]) ?? [];
        const runs = elements.filter((e) => e.textRun).map((e) => ({ text: (e.textRun as Json).content as string, style: ((e.textRun as Json).textStyle ?? {}) as Json }));
        const images = elements.filter((e) => e.inlineObjectElement).map((e) => (e.inlineObjectElement as Json).inlineObjectId as string);
        out.push({ text: runs.map((r) => r.text).join('').replace(/\n$/, ''), style: (p.paragraphStyle ?? {}) as Json, runs, inTable, images });
      }
      const t = el.table as Json | undefined;
      if (t) for (const r of (t.tableRows as Json[]) ?? []) for (const c of (r.tableCells as Json[]) ?? []) walk(c.content, true);
    }
  };
  walk((doc.body as Json | undefined)?.content, false);
  return out;
}

/** The tables of a Docs document JSON, top level, in order. */
export function docTables(doc: Json): Json[] {
  return (((doc.body as Json | undefined)?.content as Json[]) ?? []).filter((e) => e.table).map((e) => ({ startIndex: e.startIndex, endIndex: e.endIndex, ...(e.table as Json) }));
}
