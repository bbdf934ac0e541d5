// The district refresh as operations: one step (one execution's worth of reads), the state the
// sidebar shows, and the Picker's configuration. Every decision is here and in district/refresh.ts;
// the shell (src/gas/district.ts) gives the ports: the clock in milliseconds, sleep, fetchAll with
// the user's token, the cursor's property, the trigger and the deployer's Picker settings.
//
// One step:
//   1. read the district workbook (list, stored reads) and the cursor; continue the running
//      refresh, or start one (another as-of date or period, `full`, or the last one finished);
//   2. ask Drive which chosen files changed (files.list, 1,000 files a request);
//   3. loop: plan a batch within the quota window → note it sent in the cursor → fetchAll →
//      each answer a result or a retry → the batch's rows stored → the cursor saved; when the
//      window is full, sleep until it refills, as long as that is before the step's deadline;
//   4. when every school is settled, write `Tổng hợp đơn vị`.
// The cursor is saved after the rows, so a step cut off anywhere loses no school and counts
// none twice (district/refresh.ts).

import { ApiFailure } from '../api.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import { enumOption, SHEET_NAMES, UNIT_READ_STATUS } from '../contract/index.ts';
import { aggregateDistrict } from '../district/aggregate.ts';
import { encodeStored, type StoredRead } from '../district/state.ts';
import { storedRow, storeRead, unitsToRead } from '../district/sheets.ts';
import {
  applyAnswer, currentResults, decodeCursor, encodeCursor, listHash, planBatch, recordSent, refreshProgress, refreshUnits, startCursor, unitStates,
  type RefreshCursor, type RefreshUnit, type UnitState,
} from '../district/refresh.ts';
import { driveListUrl, parseDriveList, schoolAnswer, schoolReadUrl, type DriveStamp } from '../district/sheets-api.ts';
import type { KpiTitles } from '../district/types.ts';
import type { AppContext } from './context.ts';
import { loadDistrict, writeDistrict, type LoadedDistrict } from './district.ts';
import type { DistrictSchool, DistrictView, PickerConfig } from '../district/view.ts';

export type { DistrictSchool, DistrictView, PickerConfig } from '../district/view.ts';

/** What the shell gives a district refresh. */
export interface DistrictPorts {
  /** Epoch milliseconds now. */
  nowMs(): number;
  /** Stop starting request batches after this (epoch ms): well inside the 6-minute execution. */
  deadlineMs: number;
  /** Wait (Utilities.sleep: at most 5 minutes a call). */
  sleep(ms: number): void;
  /** GET each URL at once with the user's OAuth token; answers in request order, HTTP errors as answers. */
  fetchAll(urls: string[]): { code: number; text: string }[];
  random(): number;
  /** The cursor's text (document properties), null when none. */
  loadCursor(): string | null;
  saveCursor(text: string): void;
  /** The hourly background refresh (an installable trigger): is it there, and put it there or remove it. */
  trigger: { scheduled(): boolean; set(on: boolean): void };
  /** The deployer's Picker settings (script properties) and the user's token for it. */
  picker(): { apiKey: string | null; appId: string | null; oauthToken: string };
  /** Who reads (for the no-access message): the officer's e-mail, '' when unknown. */
  account(): string;
  /** Open the file picker dialog over the sheet with this title (Sheets only). */
  showPicker?(title: string): void;
}

export interface DistrictContext extends AppContext {
  district?: DistrictPorts;
}

export const PICKER_PROPERTIES = { apiKey: 'CCHC_PICKER_API_KEY', appId: 'CCHC_CLOUD_PROJECT_NUMBER' } as const;

function portsOf(ctx: DistrictContext, lang: Lang): DistrictPorts {
  if (!ctx.district) throw new ApiFailure('NOT_AVAILABLE', t(lang, 'district.onlyInSheets'));
  return ctx.district;
}

/** The district workbook, once (Thông tin, the list, the stored reads); TemplateProblem when it is not one. */
function load(ctx: DistrictContext, lang: Lang, input: RefreshInput = {}): { loaded: LoadedDistrict; units: RefreshUnit[] } {
  const loaded = loadDistrict(ctx, { lang, ...(input.asOf ? { asOf: input.asOf } : {}), ...(input.period ? { period: input.period } : {}) });
  const units = refreshUnits(unitsToRead(loaded.district.units).map((u) => ({ code: u.code, name: u.name, source: u.source })));
  return { loaded, units };
}

/**
 * The rows of a batch's reads in `Lưu trữ đọc`, each on the row of its school's position
 * (storedRow): one writeBlock per run of consecutive schools, so a batch in list order is one call.
 */
function storeBatch(ctx: DistrictContext, reads: readonly { position: number; read: StoredRead }[]): void {
  if (reads.length === 0) return;
  const sorted = [...reads].sort((a, b) => a.position - b.position);
  if (!ctx.workbook.sheetNames().includes(SHEET_NAMES.unitState)) storeRead(ctx.workbook, sorted[0]!.read);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.position === sorted[j]!.position + 1) j++;
    const rows = sorted.slice(i, j + 1).map(({ read }) => [read.code, read.source, encodeStored(read) ?? '']);
    ctx.workbook.writeBlock(SHEET_NAMES.unitState, storedRow(sorted[i]!.position), 1, rows);
    i = j + 1;
  }
}

/** Drive's stamps of the chosen spreadsheets; null (and a notice) when Drive cannot be asked. */
function driveStamps(d: DistrictPorts, lang: Lang): { stamps: Map<string, DriveStamp> | null; notice: string } {
  const stamps = new Map<string, DriveStamp>();
  let token: string | null = null;
  for (let page = 0; page < 100; page++) {
    const [answer] = d.fetchAll([driveListUrl(token)]);
    const parsed = answer && answer.code === 200 ? parseDriveList(answer.text) : null;
    if (!parsed) return { stamps: null, notice: t(lang, 'district.driveFailed', { detail: `HTTP ${answer?.code ?? '?'}` }) };
    for (const [id, s] of parsed.files) stamps.set(id, s);
    token = parsed.nextPageToken;
    if (token === null) break;
  }
  return { stamps, notice: '' };
}

function schoolsOf(states: readonly UnitState[], lang: Lang): DistrictSchool[] {
  return currentResults(states, lang).map((r) => ({
    code: r.code, name: r.name, source: r.source, status: r.status, statusLabel: enumOption(UNIT_READ_STATUS, r.status)[lang],
    message: r.message, errors: r.errors, reused: r.reused, changedAt: r.changedAt, readAt: r.readAt,
  }));
}

/** Keep the trigger as `Tự động cập nhật` says; a refusal is a notice, not a failure. */
function syncTrigger(d: DistrictPorts, wanted: boolean, lang: Lang): { scheduled: boolean; notice: string } {
  try {
    const now = d.trigger.scheduled();
    if (now !== wanted) d.trigger.set(wanted);
    return { scheduled: wanted, notice: '' };
  } catch (e) {
    return { scheduled: !wanted, notice: t(lang, 'district.triggerFailed', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

export interface RefreshInput {
  asOf?: IsoDate;
  period?: PeriodCode;
  /** Read every school, changed or not. */
  full?: boolean;
}

/** The state without reading a school (Drive is asked, for which stored reads still stand). */
export function districtState(ctx: DistrictContext, lang: Lang): DistrictView {
  const d = portsOf(ctx, lang);
  const { loaded, units } = load(ctx, lang);
  const book = { autoRefresh: loaded.district.settings.autoRefresh, stored: loaded.district.stored };
  const trigger = syncTrigger(d, book.autoRefresh, lang);
  const cursor = decodeCursor(d.loadCursor());
  if (!cursor) return { progress: null, schools: [], autoRefresh: { enabled: book.autoRefresh, scheduled: trigger.scheduled }, notice: trigger.notice };
  const drive = driveStamps(d, lang);
  if (cursor.list !== listHash(units)) cursor.settled = '';
  const states = unitStates({ cursor, units, stored: book.stored, stamps: drive.stamps, lang, nowIso: ctx.clock.now() });
  return {
    progress: refreshProgress(cursor, units, states, lang),
    schools: schoolsOf(states, lang),
    autoRefresh: { enabled: book.autoRefresh, scheduled: trigger.scheduled },
    notice: [drive.notice, trigger.notice].filter(Boolean).join(' '),
  };
}

/** Continue the running refresh, or start one; `background`: the hourly trigger (starts one only when `Tự động cập nhật` is on). */
export function districtRefreshStep(ctx: DistrictContext, lang: Lang, input: RefreshInput & { background?: boolean }): DistrictView {
  const d = portsOf(ctx, lang);
  const { loaded, units } = load(ctx, lang, input);
  const frame = loaded.frame;
  const book = { autoRefresh: loaded.district.settings.autoRefresh, stored: loaded.district.stored };
  const trigger = syncTrigger(d, book.autoRefresh, lang);
  let cursor = decodeCursor(d.loadCursor());
  const running = cursor !== null && cursor.finishedAt === null;
  const asked = input.asOf !== undefined || input.period !== undefined;
  const sameFrame = cursor !== null && cursor.asOf === frame.asOf && cursor.period === frame.period;
  const continuing = running && (!asked || sameFrame) && (!input.full || cursor!.full);
  if (!continuing) {
    if (input.background && !book.autoRefresh) {
      // Nothing running and the officer turned the background refresh off: leave it be.
      const view = districtState(ctx, lang);
      return { ...view, notice: [view.notice, trigger.notice].filter(Boolean).join(' ') };
    }
    cursor = startCursor({ asOf: frame.asOf, period: frame.period, full: input.full === true, nowIso: ctx.clock.now(), units });
  }
  const c = cursor!;
  const stepFrame = { ...frame, asOf: c.asOf, period: c.period };
  if (c.list !== listHash(units)) {
    // The list was edited midway: positions moved. Rows written in this refresh still count.
    c.list = listHash(units);
    c.settled = '';
    c.retry = [];
  }
  const drive = driveStamps(d, lang);
  const states = unitStates({ cursor: c, units, stored: book.stored, stamps: drive.stamps, lang, nowIso: ctx.clock.now() });
  const account = d.account();

  for (;;) {
    const now = d.nowMs();
    const plan = planBatch(c, states, now);
    if (plan.finished) break;
    if (plan.batch.length > 0) {
      if (now > d.deadlineMs) break;
      recordSent(c, now, plan.batch.length, ctx.clock.now());
      d.saveCursor(encodeCursor(c));
      const batch: RefreshUnit[] = plan.batch.map((i) => units[i]!);
      const answers = d.fetchAll(batch.map((u) => schoolReadUrl(u.fileId!)));
      const at = d.nowMs();
      const nowIso = ctx.clock.now();
      const reads: { position: number; read: StoredRead }[] = [];
      batch.forEach((u, k) => {
        const a = answers[k] ?? { code: 0, text: '' };
        const applied = applyAnswer(c, u, schoolAnswer(a.code, a.text), {
          frame: stepFrame, lang, now: at, nowIso, random: d.random, stamp: drive.stamps?.get(u.fileId!) ?? null, ...(account ? { account } : {}),
        });
        if (applied.kind === 'stored') {
          reads.push({ position: u.index, read: applied.read });
          book.stored.set(u.key, applied.read);
          states[u.index] = { kind: 'settled', result: applied.read.result };
        } else {
          const r = c.retry.find(([i]) => i === u.index);
          states[u.index] = { kind: 'waiting', at: applied.at, tries: r?.[1] ?? 1 };
        }
      });
      storeBatch(ctx, reads);
      d.saveCursor(encodeCursor(c));
      continue;
    }
    const until = plan.waitUntil ?? now;
    if (until > d.deadlineMs) break;
    d.sleep(Math.min(Math.max(0, until - now), 300_000));
  }

  const progressStates = states;
  if (progressStates.every((s) => s.kind !== 'pending' && s.kind !== 'waiting')) {
    if (c.finishedAt === null) {
      c.finishedAt = ctx.clock.now();
      c.updatedAt = c.finishedAt;
      writeSummary(ctx, loaded, c, progressStates, lang);
    }
  }
  d.saveCursor(encodeCursor(c));
  return {
    progress: refreshProgress(c, units, progressStates, lang),
    schools: schoolsOf(progressStates, lang),
    autoRefresh: { enabled: book.autoRefresh, scheduled: trigger.scheduled },
    notice: [units.length === 0 ? t(lang, 'district.noUnits') : '', drive.notice, trigger.notice].filter(Boolean).join(' '),
  };
}

/** The complete refresh: ⚙ Tổng hợp đơn vị, ⚙ Chỉ tiêu toàn đơn vị and a Nhật ký row (the rows are in already). */
function writeSummary(ctx: DistrictContext, loaded: LoadedDistrict, c: RefreshCursor, states: readonly UnitState[], lang: Lang): void {
  const results = states.flatMap((s) => (s.kind === 'settled' || s.kind === 'reused' || s.kind === 'badLink' ? [s.result] : []));
  const titles: KpiTitles = {};
  for (const s of loaded.district.stored.values()) for (const [k, v] of Object.entries(s.titles)) titles[k] ??= v;
  const s = loaded.district.settings;
  const aggregate = aggregateDistrict({
    asOf: c.asOf, period: c.period, unit: { code: s.unitCode, name: s.unitName }, results, lang,
    stats: { filesRead: c.readRequests, ms: Date.parse(c.finishedAt ?? c.startedAt) - Date.parse(c.startedAt) },
  });
  writeDistrict(ctx, aggregate, titles, null, lang);
}

export function pickerConfig(ctx: DistrictContext, lang: Lang): PickerConfig {
  const d = portsOf(ctx, lang);
  const p = d.picker();
  const configured = Boolean(p.apiKey && p.appId);
  return {
    configured,
    message: configured ? '' : t(lang, 'district.pickerNotConfigured', { keys: `${PICKER_PROPERTIES.apiKey}, ${PICKER_PROPERTIES.appId}` }),
    apiKey: configured ? p.apiKey : null,
    appId: configured ? p.appId : null,
    oauthToken: configured ? p.oauthToken : null,
    texts: {
      title: t(lang, 'district.pickerTitle'), intro: t(lang, 'district.pickerIntro'), open: t(lang, 'district.pickerOpen'),
      cancelled: t(lang, 'district.pickerCancelled'), picked: t(lang, 'district.pickerPicked', { n: '{n}' }), failed: t(lang, 'district.pickerFailed', { detail: '{detail}' }),
    },
  };
}
