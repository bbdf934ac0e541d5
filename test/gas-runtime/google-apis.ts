// Google's REST APIs as UrlFetchApp reaches them, for the district: the Sheets API v4
// `spreadsheets.get` (GET https://sheets.googleapis.com/v4/spreadsheets/{id}?…) and Drive API v3
// `files.list` (GET https://www.googleapis.com/drive/v3/files?…), answered from the runtime's fake
// spreadsheets (spreadsheet.ts: a school is built with the same fake as the add-on's own sheet).
//
// Modelled, with Google's answers:
// - Who may read what. A token from ScriptApp.getOAuthToken() names its user. Under `drive.file`
//   a user reaches only the files they chose in the Picker (`choose`): a spreadsheet that exists
//   but was not chosen, or is not shared with them, answers 403 PERMISSION_DENIED "The caller
//   does not have permission" (what the Sheets API answers for a file the caller cannot read);
//   an ID nobody has, or a deleted file, 404 NOT_FOUND "Requested entity was not found."
//   (developers.google.com/sheets/api/guides/troubleshoot-api-errors; Drive's files.list lists
//   only the files the app may reach: developers.google.com/workspace/drive/api/guides/api-specific-auth).
// - The `fields` mask (developers.google.com/sheets/api/guides/field-masks): the answer holds
//   only what was asked, so a mask that forgets a field reads nothing there. `includeGridData`.
// - The read quota (developers.google.com/sheets/api/limits): 60 read requests a minute per user
//   per project and 300 per project; past it, 429 RESOURCE_EXHAUSTED with Google's message
//   ("Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per
//   user' of service 'sheets.googleapis.com' for consumer 'project_number:…'", as seen in public
//   reports). Kept as a rolling 60-second window, the strict reading of "refilled every minute";
//   a refused request does not count. `occupyProjectQuota` stands for the project's other users.
// - Time: each request has a latency (seeded, varying with the spreadsheet's size, one in twenty
//   slow); fetchAll sends its requests at once and returns when the slowest is back
//   (url-fetch.ts), all on the simulated clock.
// - Change times: every edit of a fake spreadsheet moves its Drive `modifiedTime` and `version`.
// - Faults on demand: `failNext(id, 503)`.
// Every request is counted (`counts`), besides UrlFetchApp's own call count.

import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type { RuntimeCore } from './core.ts';
import { dateToSerial, DEFAULT_NUMBER_FORMAT, displayValue, isDateFormat } from './formats.ts';
import type { FakeSpreadsheet, SpreadsheetRegistry } from './spreadsheet.ts';
import type { FetchRequest, FetchResponseSpec } from './url-fetch.ts';
import { isDate } from './core.ts';

export const SHEETS_HOST = 'https://sheets.googleapis.com/v4/spreadsheets';
export const DRIVE_FILES = 'https://www.googleapis.com/drive/v3/files';
export const PROJECT_NUMBER = '123456789012';
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/** The token ScriptApp.getOAuthToken() gives `user` (the runtime's own form). */
export const tokenFor = (user: string): string => `ya29.fake-${encodeURIComponent(user)}`;
const userOfToken = (token: string): string | null => (token.startsWith('ya29.fake-') ? decodeURIComponent(token.slice('ya29.fake-'.length)) : null);

export interface GoogleApisOptions {
  /** Read requests a minute per user (60) and per project (300). */
  perUserPerMinute?: number;
  perProjectPerMinute?: number;
  /** Seed of the latencies (default 1). */
  seed?: number;
  /** Latency of a request in ms: base + per 1,000 cells; one in `slowEvery` is slow (3–9 s). */
  latency?: { baseMs?: number; jitterMs?: number; perThousandCellsMs?: number; slowEvery?: number };
}

interface FileMeta {
  id: string;
  owner: string;
  shared: Set<string>;
  /** Users who chose it in the Picker (drive.file grants). */
  chosen: Set<string>;
  modifiedMs: number;
  version: number;
  deleted: boolean;
}

type ErrorBody = { error: { code: number; message: string; status: string; details?: unknown[] } };

const errorBody = (code: number, status: string, message: string, details?: unknown[]): ErrorBody => ({ error: { code, message, status, ...(details ? { details } : {}) } });

// ------------------------------------------------------------------ field masks

type Mask = Map<string, Mask | null>;

/** Parse a partial-response `fields` value: `a,b(c,d/e)`. Throws on a malformed one. */
export function parseFieldMask(text: string): Mask {
  let i = 0;
  const ident = (): string => {
    const m = /^[A-Za-z_$][\w$]*|^\*/.exec(text.slice(i));
    if (!m) throw new Error(`bad field mask at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const merge = (into: Mask, key: string, sub: Mask | null): void => {
    if (!into.has(key)) return void into.set(key, sub);
    const have = into.get(key) ?? null;
    if (have === null || sub === null) return void into.set(key, null);
    for (const [k, v] of sub) merge(have, k, v);
  };
  const path = (into: Mask): void => {
    const name = ident();
    let sub: Mask | null = null;
    if (text[i] === '/') {
      i++;
      sub = new Map();
      path(sub);
    } else if (text[i] === '(') {
      i++;
      sub = list();
      if (text[i] !== ')') throw new Error(`bad field mask at ${i}`);
      i++;
    }
    merge(into, name, sub);
  };
  const list = (): Mask => {
    const m: Mask = new Map();
    for (;;) {
      path(m);
      if (text[i] === ',') {
        i++;
        continue;
      }
      return m;
    }
  };
  const m = list();
  if (i !== text.length) throw new Error(`bad field mask at ${i}`);
  return m;
}

export function applyFieldMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (mask.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of mask) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const kept = applyFieldMask(v, sub);
    // A message left with none of the fields asked for is not sent at all.
    if (sub !== null && kept !== null && typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
    out[k] = kept;
  }
  return out;
}

// ------------------------------------------------------------------ cells as the API gives them

const ERROR_TYPES: Record<string, string> = {
  '#ERROR!': 'ERROR', '#NULL!': 'NULL_VALUE', '#DIV/0!': 'DIVIDE_BY_ZERO', '#VALUE!': 'VALUE', '#REF!': 'REF',
  '#NAME?': 'NAME', '#NUM!': 'NUM', '#N/A': 'N_A',
};

const isGeneral = (f: string): boolean => f === '' || f === DEFAULT_NUMBER_FORMAT || f.toLowerCase() === 'general';
const hasTime = (f: string): boolean => /[hs]|am\/pm/i.test(f.replace(/"[^"]*"/g, ''));

/**
 * A cell's NumberFormat. The fake knows a date by its value being a Date (as the fake
 * SpreadsheetApp hands it back), so a Date gets a date type from its pattern and a number stays
 * NUMBER/PERCENT whatever its pattern: the two fakes agree on every cell.
 */
const formatMemo = new Map<string, sheets_v4.Schema$NumberFormat | undefined>();
function numberFormatOf(value: unknown, format: string | undefined): sheets_v4.Schema$NumberFormat | undefined {
  const kind = isDate(value) ? 'd' : typeof value === 'number' ? 'n' : 'o';
  const key = `${kind}${format ?? ''}`;
  if (formatMemo.has(key)) return formatMemo.get(key);
  const nf = numberFormatOfUncached(value, kind, format);
  formatMemo.set(key, nf);
  return nf;
}

function numberFormatOfUncached(value: unknown, kind: string, format: string | undefined): sheets_v4.Schema$NumberFormat | undefined {
  const f = format ?? '';
  if (kind === 'd') {
    const pattern = isGeneral(f) ? 'dd/mm/yyyy' : f;
    const type = isDateFormat(pattern) ? (hasTime(pattern) ? 'DATE_TIME' : 'DATE') : hasTime(pattern) ? 'TIME' : 'DATE';
    return { type, pattern };
  }
  if (isGeneral(f)) return undefined;
  if (f === '@') return { type: 'TEXT', pattern: f };
  if (f.replace(/"[^"]*"/g, '').includes('%')) return { type: 'PERCENT', pattern: f };
  // An empty or text cell under a date pattern has that type, as in Sheets.
  if (kind !== 'n' && isDateFormat(f)) return { type: hasTime(f) ? 'DATE_TIME' : 'DATE', pattern: f };
  return { type: 'NUMBER', pattern: f };
}

const serials = new Map<string, number>();
function serialMemo(d: Date, timeZone: string): number {
  const key = `${d.getTime()}@${timeZone}`;
  let n = serials.get(key);
  if (n === undefined) {
    n = dateToSerial(d, timeZone);
    if (serials.size > 50_000) serials.clear();
    serials.set(key, n);
  }
  return n;
}

function extendedValue(value: unknown, formula: string, timeZone: string): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (isDate(value)) return { numberValue: serialMemo(value as Date, timeZone) };
  const text = String(value);
  if (formula !== '' && ERROR_TYPES[text]) return { errorValue: { type: ERROR_TYPES[text], message: `Error in ${formula}` } };
  return { stringValue: text };
}

const FORMAT_REST = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: 'BOTTOM',
  wrapStrategy: 'OVERFLOW_CELL',
  textFormat: { fontFamily: 'Arial', fontSize: 10, bold: false, italic: false, strikethrough: false, underline: false },
} as const;

/**
 * One CellData. `want`: the CellData fields the mask asks for (null: all); the others are not
 * built (the mask would drop them: this only saves the fake's time).
 */
function cellData(cell: { value: unknown; formula: string; format?: string }, timeZone: string, want: ReadonlySet<string> | null): sheets_v4.Schema$CellData {
  const out: sheets_v4.Schema$CellData = {};
  const asked = (k: string): boolean => want === null || want.has(k);
  const ev = extendedValue(cell.value, cell.formula, timeZone);
  if (asked('userEnteredValue')) {
    if (cell.formula !== '') out.userEnteredValue = { formulaValue: cell.formula };
    else if (ev) out.userEnteredValue = ev;
  }
  if (ev) {
    if (asked('effectiveValue')) out.effectiveValue = ev;
    if (asked('formattedValue')) out.formattedValue = displayValue(cell.value, cell.format ?? DEFAULT_NUMBER_FORMAT, timeZone);
  }
  const nf = numberFormatOf(cell.value, cell.format);
  if (nf && asked('userEnteredFormat')) out.userEnteredFormat = { numberFormat: nf };
  // The effective format carries every property (a mask keeps the ones asked for).
  if ((ev || nf) && asked('effectiveFormat')) out.effectiveFormat = nf ? { numberFormat: nf, ...FORMAT_REST } : { ...FORMAT_REST };
  return out;
}

/** The whole spreadsheet as `spreadsheets.get` with includeGridData gives it (before the mask). */
export function spreadsheetResource(ss: FakeSpreadsheet, includeGridData: boolean, cellFields: ReadonlySet<string> | null = null): sheets_v4.Schema$Spreadsheet {
  const tz = ss.getSpreadsheetTimeZone();
  const sheets: sheets_v4.Schema$Sheet[] = ss.__sheets().map((sheet, index) => {
    const properties: sheets_v4.Schema$SheetProperties = {
      sheetId: sheet.__gid(), title: sheet.__name(), index, sheetType: 'GRID',
      gridProperties: { rowCount: sheet.__maxRows(), columnCount: sheet.__maxColumns() },
    };
    if (!includeGridData) return { properties };
    // Rows up to the last one holding a value or a format; in each, cells up to its last such one.
    const rowData: sheets_v4.Schema$RowData[] = [];
    const rows = sheet.__rowCount();
    for (let r = 1; r <= rows; r++) {
      const width = sheet.__rowLength(r);
      const values: sheets_v4.Schema$CellData[] = [];
      for (let c = 1; c <= width; c++) values.push(cellData(sheet.__cell(r, c), tz, cellFields));
      while (values.length && Object.keys(values[values.length - 1]!).length === 0) values.pop();
      rowData.push(values.length ? { values } : {});
    }
    while (rowData.length && rowData[rowData.length - 1]!.values === undefined) rowData.pop();
    return { properties, data: [{ startRow: 0, startColumn: 0, rowData }] };
  });
  return {
    spreadsheetId: ss.getId(),
    properties: { title: ss.getName(), locale: ss.getSpreadsheetLocale(), timeZone: tz, autoRecalc: 'ON_CHANGE' },
    sheets,
    spreadsheetUrl: ss.getUrl(),
  };
}

// ------------------------------------------------------------------ the service

export interface ApiRequestLog {
  at: number;
  user: string | null;
  api: 'sheets.get' | 'drive.list' | 'other';
  id: string | null;
  code: number;
  latencyMs: number;
}

export class GoogleApis {
  readonly files = new Map<string, FileMeta>();
  /** Accepted read requests: [epoch ms, user]. */
  private reads: { at: number; user: string }[] = [];
  private phantom: number[] = [];
  private faults = new Map<string, number[]>();
  private rand: () => number;
  readonly log: ApiRequestLog[] = [];
  readonly counts = { sheetsGet: 0, driveList: 0, quota429: 0, forbidden403: 0, notFound404: 0, served200: 0 };
  readonly perUser: number;
  readonly perProject: number;
  private readonly latency: Required<NonNullable<GoogleApisOptions['latency']>>;

  constructor(
    private readonly core: RuntimeCore,
    private readonly registry: SpreadsheetRegistry,
    options: GoogleApisOptions = {},
  ) {
    this.perUser = options.perUserPerMinute ?? 60;
    this.perProject = options.perProjectPerMinute ?? 300;
    this.rand = mulberry32(options.seed ?? 1);
    this.latency = { baseMs: 250, jitterMs: 900, perThousandCellsMs: 40, slowEvery: 20, ...(options.latency ?? {}) };
  }

  // ---------------------------------------------------------------- setup (tests)

  /** A spreadsheet of the registry became a Drive file (registry.onCreate). */
  registerFile(id: string, owner: string): void {
    if (!this.files.has(id)) this.files.set(id, { id, owner, shared: new Set(), chosen: new Set(), modifiedMs: this.core.nowMillis(), version: 1, deleted: false });
  }
  private meta(id: string): FileMeta {
    const m = this.files.get(id);
    if (!m) throw new Error(`GoogleApis: no file ${id}`);
    return m;
  }
  /** Set who owns a school's file (default: the user who made it). */
  setOwner(id: string, owner: string): void {
    this.meta(id).owner = owner;
  }
  share(id: string, user: string): void {
    this.meta(id).shared.add(user);
  }
  unshare(id: string, user: string): void {
    this.meta(id).shared.delete(user);
  }
  /** The user chose these files in the Google Picker (the drive.file grant). */
  choose(user: string, ids: Iterable<string>): void {
    for (const id of ids) this.meta(id).chosen.add(user);
  }
  deleteFile(id: string): void {
    this.meta(id).deleted = true;
  }
  /** The file changed (every edit of a fake spreadsheet calls this). */
  touch(id: string): void {
    const m = this.files.get(id);
    if (!m) return;
    m.modifiedMs = this.core.nowMillis();
    m.version += 1;
  }
  /** Other users of the project sent `n` read requests just now. */
  occupyProjectQuota(n: number): void {
    for (let i = 0; i < n; i++) this.phantom.push(this.core.nowMillis());
  }
  /** The next requests for this spreadsheet answer these statuses (503, 500, 429…). */
  failNext(id: string, ...codes: number[]): void {
    this.faults.set(id, [...(this.faults.get(id) ?? []), ...codes]);
  }

  // ---------------------------------------------------------------- serving

  handles(url: string): boolean {
    return url.startsWith(`${SHEETS_HOST}/`) || url === DRIVE_FILES || url.startsWith(`${DRIVE_FILES}?`);
  }

  serve(req: FetchRequest): FetchResponseSpec {
    const now = this.core.nowMillis();
    const token = /^Bearer (.+)$/.exec(req.headers.Authorization ?? req.headers.authorization ?? '')?.[1] ?? '';
    const user = userOfToken(token);
    const done = (api: ApiRequestLog['api'], id: string | null, code: number, body: unknown, latencyMs: number): FetchResponseSpec => {
      this.log.push({ at: now, user, api, id, code, latencyMs });
      if (code === 200) this.counts.served200++;
      if (code === 403) this.counts.forbidden403++;
      if (code === 404) this.counts.notFound404++;
      if (code === 429) this.counts.quota429++;
      return { code, body, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, latencyMs };
    };
    const fast = (): number => Math.round(80 + this.rand() * 200);
    if (req.method !== 'GET') return done('other', null, 405, errorBody(405, 'METHOD_NOT_ALLOWED', 'Method not allowed.'), fast());
    if (user === null) {
      return done('other', null, 401, errorBody(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.'), fast());
    }
    const [path, query = ''] = req.url.split('?');
    const params = new Map(query.split('&').filter(Boolean).map((kv) => {
      const [k, v = ''] = kv.split('=');
      return [decodeURIComponent(k!), decodeURIComponent(v.replace(/\+/g, ' '))] as [string, string];
    }));
    let mask: Mask | null = null;
    const fields = params.get('fields');
    if (fields !== undefined) {
      try {
        mask = parseFieldMask(fields);
      } catch {
        return done('other', null, 400, errorBody(400, 'INVALID_ARGUMENT', `Request contains an invalid argument.`), fast());
      }
    }
    if (path === DRIVE_FILES) return this.driveList(user, params, mask, done, fast());
    return this.sheetsGet(user, decodeURIComponent(path!.slice(SHEETS_HOST.length + 1)), params, mask, now, done);
  }

  private sheetsGet(user: string, id: string, params: Map<string, string>, mask: Mask | null, now: number, done: (api: ApiRequestLog['api'], id: string | null, code: number, body: unknown, latency: number) => FetchResponseSpec): FetchResponseSpec {
    this.counts.sheetsGet++;
    // Quota first: every spreadsheets.get is a read request, whatever it answers.
    const windowStart = now - 60_000;
    this.reads = this.reads.filter((r) => r.at > windowStart);
    this.phantom = this.phantom.filter((t) => t > windowStart);
    const mine = this.reads.filter((r) => r.user === user).length;
    const all = this.reads.length + this.phantom.length;
    const quotaFailure = (limit: string): FetchResponseSpec =>
      done('sheets.get', id, 429, errorBody(429, 'RESOURCE_EXHAUSTED',
        `Quota exceeded for quota metric 'Read requests' and limit '${limit}' of service 'sheets.googleapis.com' for consumer 'project_number:${PROJECT_NUMBER}'.`,
        [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com', metadata: { quota_metric: 'sheets.googleapis.com/read_requests', quota_limit: limit.includes('user') ? 'ReadRequestsPerMinutePerUser' : 'ReadRequestsPerMinutePerProject', service: 'sheets.googleapis.com', consumer: `projects/${PROJECT_NUMBER}` } }]),
        Math.round(40 + this.rand() * 80));
    if (mine >= this.perUser) return quotaFailure('Read requests per minute per user');
    if (all >= this.perProject) return quotaFailure('Read requests per minute');
    this.reads.push({ at: now, user });
    const fault = this.faults.get(id)?.shift();
    if (fault !== undefined) {
      const status = fault === 503 ? 'UNAVAILABLE' : fault === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL';
      const message = fault === 503 ? 'The service is currently unavailable.' : fault === 429 ? 'Resource has been exhausted (e.g. check quota).' : 'Internal error encountered.';
      return done('sheets.get', id, fault, errorBody(fault, status, message), Math.round(200 + this.rand() * 800));
    }
    const meta = this.files.get(id);
    const ss = this.registry.get(id);
    if (!meta || !ss || meta.deleted) return done('sheets.get', id, 404, errorBody(404, 'NOT_FOUND', 'Requested entity was not found.'), Math.round(100 + this.rand() * 300));
    const canSee = meta.owner === user || meta.shared.has(user);
    if (!canSee || !meta.chosen.has(user)) return done('sheets.get', id, 403, errorBody(403, 'PERMISSION_DENIED', 'The caller does not have permission'), Math.round(100 + this.rand() * 300));
    const grid = params.get('includeGridData') === 'true';
    const cellMask = mask?.get('sheets')?.get('data')?.get('rowData')?.get('values');
    const resource = this.core.uncounted(() => spreadsheetResource(ss, grid, cellMask ? new Set(cellMask.keys()) : null));
    const body = JSON.stringify(mask ? applyFieldMask(resource, mask) : resource);
    const cells = body.length / 40;
    const l = this.latency;
    let latency = l.baseMs + this.rand() * l.jitterMs + (cells / 1000) * l.perThousandCellsMs;
    if (l.slowEvery > 0 && this.rand() < 1 / l.slowEvery) latency += 3000 + this.rand() * 6000;
    return done('sheets.get', id, 200, body, Math.round(latency));
  }

  private driveList(user: string, params: Map<string, string>, mask: Mask | null, done: (api: ApiRequestLog['api'], id: string | null, code: number, body: unknown, latency: number) => FetchResponseSpec, latency: number): FetchResponseSpec {
    this.counts.driveList++;
    const q = params.get('q') ?? '';
    const pageSize = Math.min(1000, Math.max(1, Number(params.get('pageSize') ?? 100) || 100));
    const start = Number(params.get('pageToken') ?? 0) || 0;
    const wantMime = /mimeType\s*=\s*'([^']+)'/.exec(q)?.[1] ?? null;
    const visible = [...this.files.values()]
      .filter((m) => !m.deleted && (m.owner === user || m.shared.has(user)) && m.chosen.has(user))
      .filter(() => wantMime === null || wantMime === SPREADSHEET_MIME)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = visible.slice(start, start + pageSize);
    const files: drive_v3.Schema$File[] = page.map((m) => ({
      kind: 'drive#file', id: m.id, name: this.registry.get(m.id)?.getName() ?? m.id, mimeType: SPREADSHEET_MIME,
      modifiedTime: new Date(m.modifiedMs).toISOString(), version: String(m.version), trashed: false,
    }));
    const list: drive_v3.Schema$FileList = { kind: 'drive#fileList', incompleteSearch: false, files, ...(start + pageSize < visible.length ? { nextPageToken: String(start + pageSize) } : {}) };
    return done('drive.list', null, 200, mask ? applyFieldMask(list, mask) : list, latency);
  }
}

/** A small seeded PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
