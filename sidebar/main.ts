// The sidebar: status at a glance, data check, progress, reports. Plain DOM, rebuilt from `state`
// on each change. All data from the server goes in as text nodes (never innerHTML): a task named
// `<img src=x onerror=…>` must show as those characters.

import type { ApiOutput, ApiIssue, Dashboard, DataErrors, ReportType } from '../src/core/api.ts';
import type { IsoDate, Lang, PeriodCode } from '../src/core/model.ts';
import { SHEET_NAMES } from '../src/core/contract/sheet-names.ts';
import { formatDate, parseDate } from '../src/core/parse/date.ts';
import { t, type StringKey } from './strings.ts';
import { CallError, detectTransport } from './transport.ts';

// ---------------------------------------------------------------- state

type AppState = ApiOutput<'getState'>;

interface UiState {
  lang: Lang;
  app: AppState | null;
  /** The first load failed: offer a reload instead of an empty page. */
  loadFailed: boolean;
  busy: StringKey | null;
  validation: ApiOutput<'validate'> | null;
  /** `sheet!cell` of the last problem clicked. */
  selected: string | null;
  report: ApiOutput<'generateReport'> | null;
  /** The overdue list is folded until the user opens it. */
  overdueOpen: boolean;
  /**
   * The as-of date and period the user chose, for this sidebar only (a reopened sidebar starts
   * at the default): null leaves it to the server's default. What is shown and sent to every
   * other call is what the server settled (`app.asOf`, `app.period`).
   */
  frame: { asOf: IsoDate | null; period: PeriodCode | null };
  /** The as-of date as being typed (day first), null when untouched; `asOfError` when not a date. */
  asOfDraft: string | null;
  asOfError: boolean;
  /** The frame changed while other work ran: ask again when it ends. */
  frameStale: boolean;
  /** The data errors the user is told about before a report, until they choose. */
  preflight: DataErrors | null;
  /** `date` as typed (day first); `dateError` when it is not a date. */
  form: { type: ReportType; date: string; dateError: boolean };
}

const state: UiState = {
  lang: 'vi',
  app: null,
  loadFailed: false,
  busy: null,
  validation: null,
  selected: null,
  report: null,
  overdueOpen: false,
  frame: { asOf: null, period: null },
  asOfDraft: null,
  asOfError: false,
  frameStale: false,
  preflight: null,
  form: { type: 'quarterly', date: '', dateError: false },
};

const transport = detectTransport(() => state.lang);
const tr = (key: StringKey, params?: Record<string, string | number>) => t(state.lang, key, params);

// The plan sheet's name is fixed by the template contract (TEMPLATE.md), so an overdue task can be
// selected by its row; column A is chosen because the sheet's columns may be reordered.
const PLAN_SHEET = SHEET_NAMES.tasks;
const MAX_ISSUES_PER_SHEET = 100;

/** What getState is asked for: the user's choices only, so the server settles the rest. */
const frameAsked = (): { asOf?: IsoDate; period?: PeriodCode } => ({
  ...(state.frame.asOf ? { asOf: state.frame.asOf } : {}),
  ...(state.frame.period ? { period: state.frame.period } : {}),
});

/** What every other call gets: the frame the server settled, the one on screen. */
const frameShown = (): { asOf?: IsoDate; period?: PeriodCode } => (state.app ? { asOf: state.app.asOf, period: state.app.period } : frameAsked());

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | number | null | undefined | false;
interface Props {
  class?: string;
  /** Stable identity so keyboard focus survives a re-render. */
  key?: string;
  attrs?: Record<string, string>;
  on?: Partial<Record<'click' | 'change' | 'input' | 'keydown' | 'submit' | 'toggle', (event: Event) => void>>;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.key) el.dataset.key = props.key;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return el;
}

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`sidebar shell lacks #${id}`);
  return el;
};

/**
 * An action pressed while the figures are (about to be) recomputed for a new as-of date or
 * period: it runs once they are, with them. Leaving the date field for a button is the usual way.
 */
let queued: (() => void) | null = null;

/**
 * A pointer is pressed. Leaving the as-of field by pressing a button settles the date before
 * the button is released; redrawing (or the busy bar moving the page) then would make that
 * press miss its button. So that refresh waits for the release (at most a moment: a native
 * popup may swallow it), and the button's click queues behind it.
 */
let pointerDown = false;
const PRESS_WAIT_MS = 800;
const refreshIfStale = () => (state.frameStale && state.busy === null ? refreshFrame() : undefined);
document.addEventListener('pointerdown', () => void (pointerDown = true), true);
for (const type of ['pointerup', 'pointercancel']) {
  document.addEventListener(
    type,
    () => {
      pointerDown = false;
      // After the click this release makes, if any (it may have queued itself).
      setTimeout(refreshIfStale, 0);
    },
    true,
  );
}

/** An action button: aria-disabled (not `disabled`) while busy, so focus stays where it was. */
function actionButton(key: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  const busy = state.busy !== null;
  return h(
    'button',
    {
      class: `btn btn-${kind}`,
      key,
      attrs: { type: 'button', 'aria-disabled': String(busy) },
      on: {
        click: () => {
          if (state.frameStale || state.busy === 'refreshing') {
            queued = onClick;
            if (state.busy === null) refreshFrame();
          } else if (state.busy === null) onClick();
        },
      },
    },
    label,
  );
}

// ---------------------------------------------------------------- status bar (outside #app)

function setBusy(key: StringKey | null): void {
  state.busy = key;
  const bar = byId('busy');
  bar.hidden = key === null;
  byId('busy-text').textContent = key ? tr(key) : '';
  byId('app').setAttribute('aria-busy', String(key !== null));
}

function announce(text: string): void {
  const el = byId('notice');
  el.hidden = false;
  el.textContent = text;
}

function showError(message: string | null): void {
  const box = byId('error');
  box.replaceChildren();
  if (message === null) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(
    h('strong', {}, tr('errorPrefix')),
    ' ',
    h('span', { class: 'error-text' }, message),
    h('button', { class: 'btn-link', attrs: { type: 'button' }, on: { click: () => showError(null) } }, tr('dismiss')),
  );
}

/** The message of any failure, fit for the user: a CallError's own, else the generic one. */
function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message;
  console.error('cchc sidebar:', error);
  return state.lang === 'vi'
    ? 'Đã có lỗi xảy ra. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cho người quản trị.'
    : 'Something went wrong. Please try again; if it keeps failing, tell the administrator.';
}

/** Focus the element with this key, and bring it (or `show`, by id) into view. */
function focusKey(key: string, show?: string): void {
  const el = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  const view = show ? document.getElementById(show) : el;
  view?.scrollIntoView({ block: show ? 'start' : 'nearest' });
  el?.focus({ preventScroll: true });
}

/**
 * Run one piece of long work: progress shown, other actions held, failures as a message.
 * `work` returns the notice to show, if any; `after` runs once it succeeded.
 */
async function runLong(busyKey: StringKey, work: () => Promise<string | null>, after?: () => void): Promise<void> {
  if (state.busy !== null) return;
  showError(null);
  byId('notice').hidden = true;
  setBusy(busyKey);
  // The buttons show they are held, in place; the page is drawn again when the work is done.
  byId('app').querySelectorAll('[aria-disabled]').forEach((el) => el.setAttribute('aria-disabled', 'true'));
  let ok = false;
  try {
    const done = await work();
    if (done) announce(done);
    ok = true;
  } catch (error) {
    showError(messageOf(error));
  } finally {
    setBusy(null);
    render();
  }
  if (ok) after?.();
  // The as-of date or period changed while this ran: settle the figures for it now; then what
  // was pressed meanwhile.
  if (state.frameStale) refreshFrame();
  else if (queued && state.busy === null) {
    const next = queued;
    queued = null;
    if (ok) next();
  }
}

// ---------------------------------------------------------------- actions

/** Ask for the state of the chosen frame; the as-of field shows what the server settled. */
async function fetchState(): Promise<AppState> {
  const app = await transport.call('getState', frameAsked());
  state.app = app;
  state.lang = app.lang;
  state.asOfDraft = null;
  return app;
}

async function load(): Promise<void> {
  showError(null);
  setBusy('loading');
  try {
    await fetchState();
    state.loadFailed = false;
  } catch (error) {
    state.loadFailed = true;
    showError(messageOf(error));
  } finally {
    setBusy(null);
    render();
  }
}

function switchLanguage(): void {
  const previous = state.lang;
  const next: Lang = previous === 'vi' ? 'en' : 'vi';
  state.lang = next;
  // Issue messages and milestone labels came in the old language: drop them and ask again.
  state.validation = null;
  void runLong('loading', async () => {
    try {
      await transport.call('setLanguage', { lang: next });
      await fetchState();
    } catch (error) {
      state.lang = previous;
      throw error;
    }
    return null;
  });
}

const installTemplate = () =>
  runLong('installing', async () => {
    const r = await transport.call('installTemplate', {});
    await fetchState();
    return r.createdSheets.length
      ? tr('installed', { version: r.templateVersion, sheets: r.createdSheets.join(', ') })
      : tr('installedNone', { version: r.templateVersion });
  });

/** The figures for the as-of date and period now chosen; a list of problems shown is redone. */
function refreshFrame({ afterPress = false } = {}): void {
  state.frameStale = true;
  state.preflight = null;
  if (state.busy !== null) return;
  if (afterPress && pointerDown) {
    setTimeout(() => {
      pointerDown = false;
      refreshIfStale();
    }, PRESS_WAIT_MS);
    return;
  }
  state.frameStale = false;
  void runLong('refreshing', async () => {
    const app = await fetchState();
    if (state.validation && app.templateInstalled) state.validation = await transport.call('validate', frameShown());
    return null;
  });
}

/** The as-of field was left or Enter was pressed: check what was typed, then refresh. */
function commitAsOf(): void {
  if (state.asOfDraft === null) return;
  const typed = state.asOfDraft.trim();
  let next: IsoDate | null = null;
  if (typed !== '') {
    // Day first (as Vietnamese offices write it), whatever the browser's locale.
    const parsed = parseDate(typed);
    if (!parsed.ok) {
      state.asOfError = true;
      render();
      focusKey('as-of');
      return;
    }
    next = parsed.value;
  }
  const hadError = state.asOfError;
  state.asOfError = false;
  if (next === state.frame.asOf || (next !== null && state.frame.asOf === null && next === state.app?.asOf)) {
    // The same date, perhaps written otherwise: nothing to ask. (No redraw unless a message
    // goes: a button being pressed must stay where it is.)
    state.asOfDraft = null;
    if (hadError) render();
    return;
  }
  state.frame = { ...state.frame, asOf: next };
  refreshFrame({ afterPress: true });
}

function choosePeriod(period: PeriodCode): void {
  state.frame = { ...state.frame, period };
  refreshFrame();
}

function resetFrame(): void {
  state.frame = { asOf: null, period: null };
  state.asOfDraft = null;
  state.asOfError = false;
  refreshFrame();
}

const validate = (then?: () => void) =>
  runLong(
    'validating',
    async () => {
      const r = await transport.call('validate', frameShown());
      state.validation = r;
      state.selected = null;
      return r.issues.length === 0 ? tr('validateNone') : tr('validateCounts', r.counts);
    },
    then,
  );

const selectCell = (sheet: string, cell: string) =>
  runLong('selecting', async () => {
    const r = await transport.call('selectCell', { sheet, cell });
    state.selected = `${r.sheet}!${r.cell}`;
    return tr('selected', { cell: r.cell, sheet: r.sheet });
  });

const markProblems = () =>
  runLong('marking', async () => {
    const r = await transport.call('markProblems', frameShown());
    return tr('marked', { n: r.marked });
  });

const clearMarks = () =>
  runLong('clearing', async () => {
    await transport.call('clearMarks', {});
    return tr('cleared');
  });

const updateProgress = () =>
  runLong('updating', async () => {
    const r = await transport.call('updateProgress', frameShown());
    if (state.app) state.app = { ...state.app, summary: r.summary, asOf: r.summary.asOf, period: r.summary.period, dataErrors: r.dataErrors };
    return r.dataErrors.rowsLeftOut > 0
      ? tr('updatedWithErrors', { date: formatDate(r.summary.asOf), n: r.dataErrors.rowsLeftOut })
      : tr('updated', { date: formatDate(r.summary.asOf) });
  });

/** The document date typed, checked; undefined (and the field marked) when it is not a date. */
function documentDate(): { date: IsoDate | null } | undefined {
  // The date is typed day first (as Vietnamese offices write it), whatever the browser's locale.
  const typed = state.form.date.trim();
  const parsed = typed ? parseDate(typed) : null;
  state.form.dateError = parsed !== null && !parsed.ok;
  if (parsed && !parsed.ok) {
    render();
    focusKey('report-date');
    return undefined;
  }
  return { date: parsed?.ok ? parsed.value : null };
}

async function makeReport(date: IsoDate | null): Promise<string> {
  setBusy('generating');
  const r = await transport.call('generateReport', { type: state.form.type, ...frameShown(), ...(date ? { date } : {}) });
  state.report = r;
  if (state.app) state.app = { ...state.app, dataErrors: r.dataErrors };
  return tr('generated', { number: r.number });
}

/**
 * "Tạo báo cáo": the data is checked afresh first; with errors the user is told how many rows
 * the figures will leave out, and chooses to check first or to go on.
 */
function requestReport(): void {
  const doc = documentDate();
  if (!doc) return;
  state.preflight = null;
  state.report = null;
  let warned = false;
  void runLong(
    'checkingBeforeReport',
    async () => {
      const app = await fetchState();
      if (app.dataErrors && app.dataErrors.errors > 0) {
        state.preflight = app.dataErrors;
        warned = true;
        return null;
      }
      return makeReport(doc.date);
    },
    () => focusKey(warned ? 'preflight' : 'report-link'),
  );
}

function goOnWithReport(): void {
  const doc = documentDate();
  if (!doc) return;
  state.preflight = null;
  void runLong('generating', () => makeReport(doc.date), () => focusKey('report-link'));
}

function checkFirst(): void {
  state.preflight = null;
  // The list, under its heading, in view; focus on its summary, so Tab goes through it.
  void validate(() => focusKey('issues-summary', 'h-check'));
}

// ---------------------------------------------------------------- views

const TASK_STATES = ['overdue', 'dueSoon', 'behind', 'onTrack', 'doneOnTime', 'doneLate', 'cancelled'] as const;
const KPI_STATUSES = ['met', 'near', 'notMet', 'notApplicable', 'noData'] as const;
const PERIODS: PeriodCode[] = ['Q1', 'Q2', 'Q3', 'Q4'];

function bars(rows: { id: string; label: string; value: number }[], total: number): HTMLElement {
  const list = h('ul', { class: 'bars' });
  for (const row of rows) {
    const share = total > 0 ? Math.round((row.value / total) * 100) : 0;
    const fill = h('span', { class: `bar-fill fill-${row.id}` });
    fill.style.width = `${share}%`;
    list.append(
      h(
        'li',
        { class: 'bar-row', attrs: { 'data-id': row.id } },
        h('span', { class: 'bar-label' }, row.label),
        h('span', { class: 'bar-count' }, row.value),
        h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
      ),
    );
  }
  return list;
}

function overdueView(summary: Dashboard): HTMLElement {
  const n = summary.overdue.length;
  if (n === 0) return h('div', {}, h('h3', {}, tr('overdueHeading', { n })), h('p', { class: 'muted' }, tr('noOverdue')));
  const fold = h(
    'details',
    {
      class: 'fold',
      key: 'overdue-fold',
      on: { toggle: (e) => void (state.overdueOpen = (e.target as HTMLDetailsElement).open) },
    },
    h('summary', { key: 'overdue-summary' }, h('span', { class: 'fold-title' }, tr('overdueHeading', { n }))),
    h(
      'ul',
      { class: 'overdue' },
      ...summary.overdue.map((task) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'item-button',
              key: `overdue-${task.row}`,
              attrs: { type: 'button', 'aria-disabled': String(state.busy !== null) },
              on: { click: () => void selectCell(PLAN_SHEET, `A${task.row}`) },
            },
            h('span', { class: 'item-title data' }, task.title),
            h('span', { class: 'item-meta data' }, tr('overdueItem', { owner: task.owner, due: formatDate(task.due), days: task.daysLate })),
          ),
        ),
      ),
    ),
  );
  fold.open = state.overdueOpen;
  return fold;
}

function dashboardView(summary: Dashboard, errors: DataErrors | null): HTMLElement {
  const tasks = summary.tasks;
  const kpis = summary.kpis;
  const milestones = summary.milestones.length
    ? h(
        'ul',
        { class: 'milestones' },
        ...summary.milestones.map((m) =>
          h('li', { attrs: { 'data-kind': m.kind } }, h('time', { attrs: { datetime: m.date } }, formatDate(m.date)), h('span', { class: 'data' }, m.label)),
        ),
      )
    : h('p', { class: 'muted' }, tr('noMilestones'));

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-status' } },
    h('h2', { attrs: { id: 'h-status' } }, tr('statusHeading')),
    errors && errors.errors > 0
      ? h('p', { class: 'status-errors' }, errors.rowsLeftOut > 0 ? tr('statusErrors', { n: errors.errors, rows: errors.rowsLeftOut }) : tr('statusErrorsNoRows', { n: errors.errors }))
      : null,
    h('h3', {}, tr('tasksHeading', { n: tasks.total })),
    bars(
      TASK_STATES.map((s) => ({ id: s, label: tr(`state_${s}`), value: tasks.byState[s] })),
      tasks.total,
    ),
    h('h3', {}, tr('kpisHeading', { n: kpis.total })),
    bars(
      KPI_STATUSES.map((s) => ({ id: s, label: tr(`kpi_${s}`), value: kpis.byStatus[s] })),
      kpis.total,
    ),
    h('h3', {}, tr('milestonesHeading')),
    milestones,
    overdueView(summary),
  );
}

function issuesView(result: ApiOutput<'validate'>): HTMLElement {
  const wrap = h('div', { class: 'issues', attrs: { id: 'issues' } });
  if (result.issues.length === 0) {
    wrap.append(h('p', { class: 'ok', key: 'issues-summary', attrs: { tabindex: '-1' } }, tr('validateNone')));
    return wrap;
  }
  wrap.append(h('p', { class: 'counts', key: 'issues-summary', attrs: { tabindex: '-1' } }, tr('validateCounts', result.counts)));
  const bySheet = new Map<string, ApiIssue[]>();
  for (const issue of result.issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  let sheetIndex = 0;
  for (const [sheet, issues] of bySheet) {
    const headingId = `issues-sheet-${sheetIndex++}`;
    const list = h('ul', { class: 'issue-list', attrs: { 'aria-labelledby': headingId } });
    for (const [i, issue] of issues.slice(0, MAX_ISSUES_PER_SHEET).entries()) {
      const badge = h('span', { class: `badge badge-${issue.severity}` }, tr(`severity_${issue.severity}`));
      const where = h('span', { class: 'issue-cell' }, issue.cell ?? tr('wholeSheet'), issue.column ? h('span', { class: 'issue-column data' }, ` · ${issue.column}`) : null);
      const message = h('span', { class: 'issue-message data' }, issue.message);
      const cell = issue.cell;
      if (cell === null) {
        list.append(h('li', { class: 'issue' }, h('div', { class: 'item-static' }, badge, ' ', where, message)));
        continue;
      }
      const selected = state.selected === `${sheet}!${cell}`;
      list.append(
        h(
          'li',
          { class: 'issue' },
          h(
            'button',
            {
              class: `item-button${selected ? ' selected' : ''}`,
              key: `issue-${headingId}-${i}`,
              attrs: {
                type: 'button',
                title: tr('issueGoTo', { cell, sheet }),
                'aria-disabled': String(state.busy !== null),
                ...(selected ? { 'aria-current': 'true' } : {}),
              },
              on: { click: () => void selectCell(sheet, cell) },
            },
            badge,
            ' ',
            where,
            message,
          ),
        ),
      );
    }
    const more = issues.length - MAX_ISSUES_PER_SHEET;
    wrap.append(
      h('h3', { attrs: { id: headingId } }, h('span', { class: 'data' }, sheet), ` (${issues.length})`),
      list,
    );
    if (more > 0) wrap.append(h('p', { class: 'muted' }, `+${more}`));
  }
  return wrap;
}

function field(label: string, control: HTMLElement, hint?: string, invalid = false, extra = ''): HTMLElement {
  const hintId = control.getAttribute('aria-describedby');
  return h(
    'label',
    { class: `field${extra ? ` ${extra}` : ''}` },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('span', { class: invalid ? 'field-hint field-error' : 'field-hint', attrs: hintId ? { id: hintId } : {} }, hint) : null,
  );
}

/** `…/document/d/<id>/edit` → a link to Google's PDF export of that Doc; null for other links. */
function pdfLink(url: string): HTMLElement | null {
  const id = /^https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]+)\//.exec(url)?.[1];
  if (!id) return null;
  return h(
    'a',
    { key: 'report-pdf', attrs: { href: `https://docs.google.com/document/d/${id}/export?format=pdf`, target: '_blank', rel: 'noopener noreferrer' } },
    tr('downloadPdf'),
  );
}

/** One line per sheet: the rows an error keeps out, or the errors where no row is kept out. */
function errorLines(errors: DataErrors): HTMLElement {
  return h(
    'ul',
    { class: 'error-lines', attrs: { id: 'preflight-lines' } },
    ...errors.sheets.map((s) =>
      h(
        'li',
        { attrs: { 'data-sheet': s.sheet } },
        s.rowsLeftOut > 0 ? tr('preflightRows', { n: s.rowsLeftOut, sheet: s.sheet }) : tr('preflightSheetErrors', { n: s.errors, sheet: s.sheet }),
      ),
    ),
  );
}

/** Before a report from data with errors: what the figures will leave out, and the choice. */
function preflightView(errors: DataErrors): HTMLElement {
  return h(
    'div',
    {
      class: 'preflight',
      key: 'preflight',
      attrs: { role: 'group', tabindex: '-1', 'aria-labelledby': 'preflight-title', 'aria-describedby': 'preflight-lines preflight-ask' },
    },
    h('p', { class: 'preflight-title', attrs: { id: 'preflight-title' } }, tr('preflightTitle', { n: errors.errors })),
    errorLines(errors),
    h('p', { class: 'muted', attrs: { id: 'preflight-ask' } }, tr(errors.rowsLeftOut > 0 ? 'preflightAsk' : 'preflightAskNoRows')),
    h(
      'div',
      { class: 'row' },
      actionButton('check-first', tr('checkFirst'), checkFirst),
      actionButton('go-on', tr('goOn'), goOnWithReport),
    ),
  );
}

function reportResultView(report: ApiOutput<'generateReport'>): HTMLElement {
  const errors = report.dataErrors;
  const leftOut =
    errors.rowsLeftOut > 0
      ? tr('reportLeftOut', {
          n: errors.rowsLeftOut,
          list: errors.sheets.filter((s) => s.rowsLeftOut > 0).map((s) => tr('reportLeftOutSheet', { sheet: s.sheet, n: s.rowsLeftOut })).join(', '),
        })
      : errors.errors > 0
        ? tr('reportErrorsNoRows', { n: errors.errors })
        : null;
  return h(
    'div',
    { class: 'report-result' },
    h(
      'a',
      { key: 'report-link', attrs: { href: report.url, target: '_blank', rel: 'noopener noreferrer' } },
      tr('openReport', { name: report.name }),
    ),
    h('span', { class: 'muted' }, tr('reportNumber', { number: report.number })),
    leftOut ? h('p', { class: 'left-out' }, leftOut) : null,
    // In Sheets the Doc's own export link gives the PDF (REPORTS.md "exports as PDF").
    pdfLink(report.url),
    // A Google Doc cannot get page numbers from the API (src/gas/docs-renderer.ts): say how.
    report.url.startsWith('https://docs.google.com/') ? h('p', { class: 'muted' }, tr('pageNumberHint')) : null,
  );
}

/** The three main actions first (in view and in tab order), then what a report gave. */
function actionsView(): HTMLElement {
  return h(
    'section',
    { class: 'card actions', attrs: { 'aria-label': tr('actionsLabel') } },
    actionButton('validate', tr('validate'), () => void validate(), 'primary'),
    actionButton('progress', tr('updateProgress'), () => void updateProgress(), 'primary'),
    actionButton('generate', tr('generate'), requestReport, 'primary'),
    state.preflight ? preflightView(state.preflight) : null,
    state.report ? reportResultView(state.report) : null,
  );
}

/** The as-of date (typed day first) and the period every figure is computed for. */
function frameView(app: AppState): HTMLElement {
  const asOf = h('input', {
    key: 'as-of',
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      placeholder: 'dd/mm/yyyy',
      autocomplete: 'off',
      'aria-describedby': 'as-of-hint',
      ...(state.asOfError ? { 'aria-invalid': 'true' } : {}),
    },
    on: {
      input: (e) => void (state.asOfDraft = (e.target as HTMLInputElement).value),
      // Enter or leaving the field settles the date (the page is redrawn, so only one of them acts).
      keydown: (e) => {
        if ((e as KeyboardEvent).key !== 'Enter') return;
        e.preventDefault();
        commitAsOf();
      },
      change: () => commitAsOf(),
    },
  });
  asOf.value = state.asOfDraft ?? formatDate(app.asOf);

  const period = h(
    'select',
    { key: 'frame-period', on: { change: (e) => choosePeriod((e.target as HTMLSelectElement).value as PeriodCode) } },
    ...PERIODS.map((p) => h('option', { attrs: { value: p } }, tr(`period_${p}`))),
  );
  period.value = app.period;

  // The server moved the date typed (the period ends before it): say so, with its date.
  const moved = state.frame.asOf !== null && state.frame.asOf !== app.asOf && !state.asOfError;
  const hint = state.asOfError
    ? tr('asOfInvalid', { value: (state.asOfDraft ?? '').trim() })
    : moved
      ? tr('asOfMoved', { period: tr(`periodShort_${app.period}`), date: formatDate(app.asOf) })
      : tr('asOfHint');
  const chosen = state.frame.asOf !== null || state.frame.period !== null;

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-frame' } },
    h('h2', { attrs: { id: 'h-frame' } }, tr('frameHeading')),
    h(
      'div',
      { class: 'frame' },
      h('div', { class: 'pair' }, field(tr('asOfLabel'), asOf, undefined, false, 'grow'), field(tr('period'), period)),
      h('p', { class: state.asOfError ? 'field-hint field-error' : 'field-hint', attrs: { id: 'as-of-hint' } }, hint),
      chosen ? h('button', { class: 'btn-link reset', key: 'frame-reset', attrs: { type: 'button' }, on: { click: () => (state.busy === null ? resetFrame() : undefined) } }, tr('frameReset')) : null,
    ),
  );
}

function reportOptionsView(): HTMLElement {
  const type = h(
    'select',
    {
      key: 'report-type',
      on: {
        change: (e) => {
          state.form.type = (e.target as HTMLSelectElement).value as ReportType;
          state.preflight = null;
          render();
        },
      },
    },
    ...(['quarterly', 'plan', 'initiatives'] as const).map((v) => h('option', { attrs: { value: v } }, tr(`type_${v}`))),
  );
  type.value = state.form.type;

  const date = h('input', {
    key: 'report-date',
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      placeholder: 'dd/mm/yyyy',
      autocomplete: 'off',
      'aria-describedby': 'report-date-hint',
      ...(state.form.dateError ? { 'aria-invalid': 'true' } : {}),
    },
    on: { input: (e) => (state.form.date = (e.target as HTMLInputElement).value) },
  });
  date.value = state.form.date;

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-report' } },
    h('h2', { attrs: { id: 'h-report' } }, tr('reportHeading')),
    h(
      'form',
      {
        on: {
          submit: (e) => {
            e.preventDefault();
            requestReport();
          },
        },
      },
      field(tr('reportType'), type),
      field(tr('docDate'), date, state.form.dateError ? tr('docDateInvalid', { value: state.form.date.trim() }) : tr('docDateHint'), state.form.dateError),
    ),
  );
}

function render(): void {
  const root = byId('app');
  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  document.documentElement.lang = state.lang;
  const app = state.app;

  // Title, unit and the frame line; the language switch sits at the top right but comes after
  // the main actions in tab order (styles.css places it).
  const frameLine = app
    ? app.planYear
      ? tr('asOfLineYear', { year: app.planYear, date: formatDate(app.asOf), period: tr(`periodShort_${app.period}`) })
      : tr('asOfLine', { date: formatDate(app.asOf), period: tr(`periodShort_${app.period}`) })
    : null;
  const header = h(
    'header',
    { class: 'top' },
    h('h1', {}, tr('appTitle')),
    app ? h('p', { class: 'unit data' }, app.unit.name || tr('noUnit')) : null,
    frameLine ? h('p', { class: 'muted frame-line' }, frameLine) : null,
  );
  const langSwitch = h(
    'button',
    {
      class: 'btn-lang',
      key: 'lang',
      attrs: { type: 'button', 'aria-label': tr('switchLangLabel'), lang: state.lang === 'vi' ? 'en' : 'vi', 'aria-disabled': String(state.busy !== null) },
      on: { click: () => (state.busy === null ? switchLanguage() : undefined) },
    },
    tr('switchLang'),
  );

  const parts: Child[] = [header];
  if (!app) {
    parts.push(
      langSwitch,
      state.loadFailed
        ? h('div', { class: 'card' }, actionButton('reload', tr('retry'), () => void load(), 'primary'))
        : h('p', { class: 'muted' }, tr('loading')),
    );
  } else if (!app.templateInstalled) {
    parts.push(
      h(
        'section',
        { class: 'card' },
        h('p', {}, tr('notInstalled')),
        actionButton('install', tr('installTemplate'), () => void installTemplate(), 'primary'),
      ),
      langSwitch,
    );
  } else {
    parts.push(
      actionsView(),
      langSwitch,
      frameView(app),
      reportOptionsView(),
      h(
        'section',
        { class: 'card', attrs: { 'aria-labelledby': 'h-check' } },
        h('h2', { attrs: { id: 'h-check' } }, tr('checkHeading')),
        h(
          'div',
          { class: 'row' },
          actionButton('mark', tr('markProblems'), () => void markProblems()),
          actionButton('clear', tr('clearMarks'), () => void clearMarks()),
        ),
        state.validation ? issuesView(state.validation) : h('p', { class: 'muted' }, tr('checkHint')),
      ),
      app.summary ? dashboardView(app.summary, app.dataErrors) : h('p', { class: 'card muted' }, tr('noSummary')),
    );
  }
  root.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));

  if (focusedKey) {
    const again = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`);
    again?.focus({ preventScroll: true });
  }
}

/** The view the menu asked for (src/gas/menu.ts sets window.CCHC_VIEW): check data, or the report form. */
function openRequestedView(): void {
  const view = (window as { CCHC_VIEW?: unknown }).CCHC_VIEW;
  if (!state.app?.templateInstalled) return;
  if (view === 'validate') void validate();
  if (view === 'report') focusKey('report-type', 'h-report');
}

render();
void load().then(openRequestedView);
