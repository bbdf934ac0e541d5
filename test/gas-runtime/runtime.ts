// createRuntime(): every fake Apps Script service around one call counter and one simulated
// clock. `runtime.globals()` makes a FRESH global object for a vm context (gas-local reuses its
// default mock otherwise); state (spreadsheets, properties, locks, triggers) lives in the runtime,
// so two contexts made from one runtime share it, as two executions of one add-on do.

import type { Clock } from '../../src/core/ports.ts';
import { RuntimeCore, type CallSnapshot, type CostOptions } from './core.ts';
import { isoWithOffset, zonedParts } from './formats.ts';
import { createCharts } from './charts.ts';
import { createSpreadsheetApp, SpreadsheetRegistry, type FakeSpreadsheet, type FakeSpreadsheetApp, type SpreadsheetSeed } from './spreadsheet.ts';
import { UiState } from './ui.ts';
import { createHtmlService, type FakeHtmlService } from './html-service.ts';
import { createDocumentApp, type FakeDocumentApp } from './document-app.ts';
import { DocumentStore } from './document-model.ts';
import { createDriveApp, DriveStore, type FakeDriveApp } from './drive-app.ts';
import { createPropertiesService, PropertyStores, type FakePropertiesService } from './properties.ts';
import { CacheStores, createCacheService, type FakeCacheService } from './cache.ts';
import { createLockService, LockTable, type FakeLockService } from './lock.ts';
import { createSession, type FakeSession } from './session.ts';
import { createUtilities, type FakeUtilities } from './utilities.ts';
import { createScriptApp, TriggerTable, type FakeScriptApp, type AuthModeName } from './script-app.ts';
import { createUrlFetchApp, UrlFetchTable, type FakeUrlFetchApp } from './url-fetch.ts';
import { createConsole, createLogger, LogStore, type FakeConsole, type FakeLogger } from './logger.ts';
import { GoogleApis, type GoogleApisOptions } from './google-apis.ts';
import { createMailApp, MailStore, type FakeMailApp } from './mail-app.ts';

export interface RuntimeOptions extends CostOptions {
  /** Simulated start time (default 2024-06-30T09:00:00+07:00). */
  now?: Date | string;
  /** Script time zone (Session.getScriptTimeZone, the Clock port). Default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** The user running the script. */
  userEmail?: string;
  /** Locale of the user (Session.getActiveUserLocale). Default 'vi'. */
  locale?: string;
  /** Execution limit in simulated ms (default 6 minutes). */
  executionLimitMs?: number;
  /**
   * The spreadsheet the add-on is opened in (getActiveSpreadsheet). Default: one with a single
   * "Sheet1". `false`: no active spreadsheet (standalone script).
   */
  spreadsheet?: SpreadsheetSeed | false;
  /** HTML files by name (with or without `.html`), for HtmlService.createHtmlOutputFromFile. */
  html?: Record<string, string>;
  /** Auth mode reported to triggers (ScriptApp.AuthMode). Default FULL. */
  authMode?: AuthModeName;
  /** Apply editor add-on trigger limits (default true). */
  addOn?: boolean;
  /** Daily quotas (defaults: consumer account). */
  quotas?: Partial<Quotas>;
  /**
   * Extra global services (e.g. the Docs advanced service `Docs`), as values or factories called
   * with the runtime once.
   */
  services?: Record<string, unknown | ((rt: Runtime) => unknown)>;
  /** Optional formula evaluator for formulas the script writes. */
  formulaValue?: SheetsFormulaValue;
  /** The Sheets and Drive REST APIs behind UrlFetchApp (quota, latency; google-apis.ts). */
  googleApis?: GoogleApisOptions;
  /**
   * `Date` in the script's context follows the simulated clock (`new Date()`, `Date.now()`), as
   * time does for a script that sleeps and waits on requests. Off by default: suites written
   * before it read the host's clock.
   */
  virtualDate?: boolean;
}

type SheetsFormulaValue = NonNullable<ConstructorParameters<typeof SpreadsheetRegistry>[0]['formulaValue']>;

export interface Quotas {
  /** Documents created per day (DocumentApp.create): 250 consumer, 1,500 Workspace. */
  docsCreatedPerDay: number;
  /** URL fetch calls per day: 20,000 consumer. */
  urlFetchPerDay: number;
  /** E-mail recipients per day (MailApp): 100 consumer, 1,500 Workspace. */
  mailRecipientsPerDay: number;
}

const DEFAULT_QUOTAS: Quotas = { docsCreatedPerDay: 250, urlFetchPerDay: 20000, mailRecipientsPerDay: 100 };

export interface RuntimeClock extends Clock {
  /** The simulated now as a Date. */
  date(): Date;
  /** Set the simulated now ("today is 2024-10-01"): a date-only string means 08:00 in the script zone. */
  set(when: Date | string): void;
  /** Let time pass (not counted against the current execution's 6 minutes). */
  advance(ms: number): void;
}

export interface Runtime {
  readonly core: RuntimeCore;
  readonly clock: RuntimeClock;
  readonly timeZone: string;
  readonly quotas: Quotas;
  /** Service-call counting. */
  readonly calls: {
    snapshot(): CallSnapshot;
    reset(): void;
    /** Count of one name (`Range.getValues`), of a class (`Range.*`) or of everything. */
    count(name?: string): number;
  };
  readonly spreadsheets: SpreadsheetRegistry;
  /** The active spreadsheet (null for a standalone script). */
  readonly active: FakeSpreadsheet | null;
  readonly ui: UiState;
  readonly logs: LogStore;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockTable;
  readonly triggers: TriggerTable;
  readonly urlFetch: UrlFetchTable;
  /** MailApp's sent messages and daily quota. */
  readonly mail: MailStore;
  readonly documents: DocumentStore;
  readonly drive: DriveStore;
  /** The Sheets API and Drive API as UrlFetchApp reaches them. */
  readonly google: GoogleApis;
  readonly html: Map<string, string>;
  /** The service objects (the same ones every context sees). */
  readonly services: {
    SpreadsheetApp: FakeSpreadsheetApp;
    Charts: ReturnType<typeof createCharts>;
    HtmlService: FakeHtmlService;
    DocumentApp: FakeDocumentApp;
    DriveApp: FakeDriveApp;
    PropertiesService: FakePropertiesService;
    CacheService: FakeCacheService;
    LockService: FakeLockService;
    Session: FakeSession;
    Utilities: FakeUtilities;
    ScriptApp: FakeScriptApp;
    UrlFetchApp: FakeUrlFetchApp;
    MailApp: FakeMailApp;
    Logger: FakeLogger;
    console: FakeConsole;
    [extra: string]: unknown;
  };
  /** A fresh global object for a vm context: every service plus `console`. */
  globals(): Record<string, unknown>;
  /** Switch the user running the script (user properties, Session, triggers are per user). */
  setUser(email: string): void;
  userEmail(): string;
  locale(): string;
  authMode: AuthModeName;
  /** Start a new execution: resets the 6-minute budget. */
  beginExecution(): number;
  /** End an execution: releases the locks it still holds and saves the open Documents, as Apps Script does when a script ends. */
  endExecution(id: number): void;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const timeZone = options.timeZone ?? 'Asia/Ho_Chi_Minh';
  const start = options.now === undefined ? new Date('2024-06-30T09:00:00+07:00') : parseWhen(options.now, timeZone);
  const core = new RuntimeCore({
    now: start,
    ...(options.executionLimitMs !== undefined ? { executionLimitMs: options.executionLimitMs } : {}),
    ...(options.defaultCostMs !== undefined ? { defaultCostMs: options.defaultCostMs } : {}),
    costs: {
      // Guesses for calls much slower than a cell read; override with options.costs.
      'SpreadsheetApp.openById': 500,
      'SpreadsheetApp.openByUrl': 500,
      'SpreadsheetApp.create': 1000,
      'DocumentApp.create': 1000,
      'DocumentApp.openById': 500,
      'UrlFetchApp.fetch': 300,
      'Utilities.sleep': 0, // sleep advances the clock by its own argument
      'LockService.*': 0,
      ...(options.costs ?? {}),
    },
  });
  let user = options.userEmail ?? 'hieutruong@mnbenthanh.edu.vn';
  const locale = options.locale ?? 'vi';
  const ui = new UiState();
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...(options.quotas ?? {}) };
  const logs = new LogStore();
  const html = new Map<string, string>();
  for (const [k, v] of Object.entries(options.html ?? {})) html.set(k.replace(/\.html$/, ''), v);

  const registry = new SpreadsheetRegistry({
    core,
    ui,
    userEmail: () => user,
    ...(options.formulaValue ? { formulaValue: options.formulaValue } : {}),
  });
  const drive = new DriveStore(core, () => user);
  registry.onCreate = (ss) =>
    drive.registerFile({
      id: ss.getId(),
      name: () => ss.getName(),
      rename: (n) => ss.rename(n),
      url: ss.getUrl(),
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
  // One store of Google Docs, which DocumentApp and (with docsServices()) the Docs advanced service share.
  const documents = new DocumentStore(core, { quotas, drive, timeZone: () => timeZone });
  const properties = new PropertyStores(core);
  const caches = new CacheStores(core);
  const locks = new LockTable(core);
  const triggers = new TriggerTable(core, options.addOn ?? true);
  const urlFetch = new UrlFetchTable(core, quotas);
  const mail = new MailStore(core, quotas.mailRecipientsPerDay);
  const google = new GoogleApis(core, registry, options.googleApis ?? {});
  const onCreate = registry.onCreate;
  registry.onCreate = (ss) => {
    onCreate?.(ss);
    google.registerFile(ss.getId(), user);
  };
  registry.onChange = (id) => google.touch(id);
  urlFetch.register((url) => google.handles(url), (req) => google.serve(req));
  const VirtualDate = options.virtualDate ? virtualDateClass(() => core.nowMillis()) : null;

  const clock: RuntimeClock = {
    today() {
      const p = zonedParts(core.now(), timeZone);
      return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    },
    now() {
      return isoWithOffset(core.now(), timeZone);
    },
    date() {
      return core.now();
    },
    set(when) {
      core.setNow(parseWhen(when, timeZone));
    },
    advance(ms) {
      // Time passing between or around executions: not spent by the current execution.
      core.setNow(core.nowMillis() + ms);
    },
  };

  // Assigned below; ScriptApp reads the auth mode through it lazily.
  let rt: Runtime;
  const activeId = (): string | null => registry.active?.getId() ?? null;
  const services = {
    SpreadsheetApp: createSpreadsheetApp(registry),
    Charts: createCharts(core),
    HtmlService: createHtmlService(core, html),
    DocumentApp: createDocumentApp(core, documents),
    DriveApp: createDriveApp(core, drive),
    PropertiesService: createPropertiesService(core, properties, () => user, activeId),
    CacheService: createCacheService(core, caches, () => user, activeId),
    LockService: createLockService(core, locks, activeId, () => user),
    Session: createSession(core, {
      user: () => user,
      locale: () => locale,
      timeZone: () => timeZone,
    }),
    Utilities: createUtilities(core),
    ScriptApp: createScriptApp(core, triggers, {
      user: () => user,
      activeId,
      authMode: () => rt.authMode,
    }),
    UrlFetchApp: createUrlFetchApp(core, urlFetch),
    MailApp: createMailApp(core, mail, { user: () => user, authMode: () => rt.authMode }),
    Logger: createLogger(core, logs),
    console: createConsole(core, logs),
  } as Runtime['services'];

  rt = {
    core,
    clock,
    timeZone,
    quotas,
    calls: {
      snapshot: () => core.snapshot(),
      reset: () => core.resetCalls(),
      count: (name?: string) => core.count(name),
    },
    spreadsheets: registry,
    get active() {
      return registry.active;
    },
    ui,
    logs,
    properties,
    caches,
    locks,
    triggers,
    urlFetch,
    mail,
    documents,
    drive,
    google,
    html,
    services,
    authMode: options.authMode ?? 'FULL',
    globals() {
      return VirtualDate ? { ...services, Date: VirtualDate } : { ...services };
    },
    setUser(email: string) {
      user = email;
    },
    userEmail: () => user,
    locale: () => locale,
    beginExecution: () => core.beginExecution(),
    endExecution: (id: number) => {
      locks.releaseExecution(id);
      // "saveAndClose() is automatically invoked at the end of script execution for each open
      // editable Document" (developers.google.com/apps-script/reference/document/document#saveAndClose).
      documents.saveOpen();
    },
  };

  if (options.spreadsheet !== false) {
    registry.active = registry.create({ name: 'Kế hoạch CCHC 2024', ...(options.spreadsheet ?? {}) });
  }
  for (const [name, svc] of Object.entries(options.services ?? {})) {
    services[name] = typeof svc === 'function' ? (svc as (r: Runtime) => unknown)(rt) : svc;
  }
  return rt;
}

/** A Date, an ISO timestamp, or a date-only `YYYY-MM-DD` (08:00 that day in the script zone). */
function parseWhen(when: Date | string, timeZone: string): Date {
  if (typeof when !== 'string') return new Date(when.getTime());
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
  if (m) {
    const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 8);
    const off = zonedParts(new Date(guess), timeZone).offsetMinutes;
    return new Date(guess - off * 60000);
  }
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) throw new Error(`createRuntime: invalid date ${when}`);
  return d;
}

/** A Date class whose "now" is the simulated clock (host-realm Dates, like the fakes' own). */
function virtualDateClass(now: () => number): DateConstructor {
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
  }
  return VirtualDate as unknown as DateConstructor;
}
