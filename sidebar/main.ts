// The sidebar: status at a glance, data check, progress, reports. Plain DOM, rebuilt from `state`
// on each change. All data from the server goes in as text nodes (never innerHTML): a task named
// `<img src=x onerror=…>` must show as those characters.

import type { ApiOutput, ApiIssue, Dashboard, ReportType } from '../src/core/api.ts';
import type { Lang, PeriodCode } from '../src/core/model.ts';
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
  /** The overdue list is cut to OVERDUE_SHOWN until the user asks for all. */
  showAllOverdue: boolean;
  /** `date` as typed (day first); `dateError` when it is not a date. */
  form: { type: ReportType; period: PeriodCode | null; date: string; dateError: boolean };
}

const state: UiState = {
  lang: 'vi',
  app: null,
  loadFailed: false,
  busy: null,
  validation: null,
  selected: null,
  report: null,
  showAllOverdue: false,
  form: { type: 'quarterly', period: null, date: '', dateError: false },
};

const transport = detectTransport(() => state.lang);
const tr = (key: StringKey, params?: Record<string, string | number>) => t(state.lang, key, params);

// The plan sheet's name is fixed by the template contract (TEMPLATE.md), so an overdue task can be
// selected by its row; column A is chosen because the sheet's columns may be reordered.
const PLAN_SHEET = SHEET_NAMES.tasks;
const MAX_ISSUES_PER_SHEET = 100;
// A late school can have dozens of overdue tasks; the actions below must stay in reach.
const OVERDUE_SHOWN = 5;

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | number | null | undefined | false;
interface Props {
  class?: string;
  /** Stable identity so keyboard focus survives a re-render. */
  key?: string;
  attrs?: Record<string, string>;
  on?: Partial<Record<'click' | 'change' | 'input' | 'submit', (event: Event) => void>>;
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

/** An action button: aria-disabled (not `disabled`) while busy, so focus stays where it was. */
function actionButton(key: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  const busy = state.busy !== null;
  return h(
    'button',
    {
      class: `btn btn-${kind}`,
      key,
      attrs: { type: 'button', 'aria-disabled': String(busy) },
      on: { click: () => (state.busy === null ? onClick() : undefined) },
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

/** Run one piece of long work: progress shown, other actions held, failures as a message. */
async function runLong(busyKey: StringKey, work: () => Promise<string | null>): Promise<void> {
  if (state.busy !== null) return;
  showError(null);
  byId('notice').hidden = true;
  setBusy(busyKey);
  render();
  try {
    const done = await work();
    if (done) announce(done);
  } catch (error) {
    showError(messageOf(error));
  } finally {
    setBusy(null);
    render();
  }
}

// ---------------------------------------------------------------- actions

async function load(): Promise<void> {
  showError(null);
  setBusy('loading');
  try {
    const app = await transport.call('getState', {});
    state.app = app;
    state.lang = app.lang;
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
      state.app = await transport.call('getState', {});
      state.lang = state.app.lang;
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
    state.app = await transport.call('getState', {});
    return r.createdSheets.length
      ? tr('installed', { version: r.templateVersion, sheets: r.createdSheets.join(', ') })
      : tr('installedNone', { version: r.templateVersion });
  });

const validate = () =>
  runLong('validating', async () => {
    const r = await transport.call('validate', {});
    state.validation = r;
    state.selected = null;
    return r.issues.length === 0 ? tr('validateNone') : tr('validateCounts', r.counts);
  });

const selectCell = (sheet: string, cell: string) =>
  runLong('selecting', async () => {
    const r = await transport.call('selectCell', { sheet, cell });
    state.selected = `${r.sheet}!${r.cell}`;
    return tr('selected', { cell: r.cell, sheet: r.sheet });
  });

const markProblems = () =>
  runLong('marking', async () => {
    const r = await transport.call('markProblems', {});
    return tr('marked', { n: r.marked });
  });

const clearMarks = () =>
  runLong('clearing', async () => {
    await transport.call('clearMarks', {});
    return tr('cleared');
  });

const updateProgress = () =>
  runLong('updating', async () => {
    const r = await transport.call('updateProgress', {});
    if (state.app) state.app = { ...state.app, summary: r.summary, asOf: r.summary.asOf, period: r.summary.period };
    return r.counts.error > 0
      ? tr('updatedWithErrors', { date: formatDate(r.summary.asOf), n: r.counts.error })
      : tr('updated', { date: formatDate(r.summary.asOf) });
  });

function generateReport(): void {
  // The date is typed day first (as Vietnamese offices write it), whatever the browser's locale.
  const typed = state.form.date.trim();
  const parsed = typed ? parseDate(typed) : null;
  state.form.dateError = parsed !== null && !parsed.ok;
  if (parsed && !parsed.ok) {
    render();
    document.querySelector<HTMLElement>('[data-key="report-date"]')?.focus();
    return;
  }
  const date = parsed?.ok ? parsed.value : null;
  void runLong('generating', async () => {
    const { type } = state.form;
    const period = state.form.period ?? state.app?.period ?? 'Q1';
    state.report = null;
    const r = await transport.call('generateReport', {
      type,
      ...(type === 'quarterly' ? { period } : {}),
      ...(date ? { date } : {}),
    });
    state.report = r;
    return tr('generated', { number: r.number });
  }).then(() => document.querySelector('.report-result')?.scrollIntoView({ block: 'nearest' }));
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

function dashboardView(summary: Dashboard): HTMLElement {
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
  const overdue = summary.overdue.length
    ? h(
        'ul',
        { class: 'overdue' },
        ...(state.showAllOverdue ? summary.overdue : summary.overdue.slice(0, OVERDUE_SHOWN)).map((task) =>
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
      )
    : h('p', { class: 'muted' }, tr('noOverdue'));

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-status' } },
    h('h2', { attrs: { id: 'h-status' } }, tr('statusHeading')),
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
    h('h3', {}, tr('overdueHeading', { n: summary.overdue.length })),
    overdue,
    summary.overdue.length > OVERDUE_SHOWN
      ? h(
          'button',
          {
            class: 'btn-link more',
            key: 'overdue-more',
            attrs: { type: 'button', 'aria-expanded': String(state.showAllOverdue) },
            on: {
              click: () => {
                state.showAllOverdue = !state.showAllOverdue;
                render();
              },
            },
          },
          state.showAllOverdue ? tr('showFewer') : tr('showAll', { n: summary.overdue.length }),
        )
      : null,
  );
}

function issuesView(result: ApiOutput<'validate'>): HTMLElement {
  const wrap = h('div', { class: 'issues', attrs: { id: 'issues' } });
  if (result.issues.length === 0) {
    wrap.append(h('p', { class: 'ok' }, tr('validateNone')));
    return wrap;
  }
  wrap.append(h('p', { class: 'counts' }, tr('validateCounts', result.counts)));
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

function field(label: string, control: HTMLElement, hint?: string, invalid = false): HTMLElement {
  const hintId = control.getAttribute('aria-describedby');
  return h(
    'label',
    { class: 'field' },
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

function reportView(app: AppState): HTMLElement {
  const type = h(
    'select',
    {
      key: 'report-type',
      on: {
        change: (e) => {
          state.form.type = (e.target as HTMLSelectElement).value as ReportType;
          render();
        },
      },
    },
    ...(['quarterly', 'plan', 'initiatives'] as const).map((v) => h('option', { attrs: { value: v } }, tr(`type_${v}`))),
  );
  type.value = state.form.type;

  const period = h(
    'select',
    { key: 'report-period', on: { change: (e) => (state.form.period = (e.target as HTMLSelectElement).value as PeriodCode) } },
    ...PERIODS.map((p) => h('option', { attrs: { value: p } }, tr(`period_${p}`))),
  );
  period.value = state.form.period ?? app.period;

  const date = h('input', {
    key: 'report-date',
    attrs: {
      type: 'text',
      placeholder: 'dd/mm/yyyy',
      autocomplete: 'off',
      'aria-describedby': 'report-date-hint',
      ...(state.form.dateError ? { 'aria-invalid': 'true' } : {}),
    },
    on: { input: (e) => (state.form.date = (e.target as HTMLInputElement).value) },
  });
  date.value = state.form.date;

  const result = state.report
    ? h(
        'div',
        { class: 'report-result' },
        h(
          'a',
          { key: 'report-link', attrs: { href: state.report.url, target: '_blank', rel: 'noopener noreferrer' } },
          tr('openReport', { name: state.report.name }),
        ),
        h('span', { class: 'muted' }, tr('reportNumber', { number: state.report.number })),
        // In Sheets the Doc's own export link gives the PDF (REPORTS.md "exports as PDF").
        pdfLink(state.report.url),
        // A Google Doc cannot get page numbers from the API (src/gas/docs-renderer.ts): say how.
        state.report.url.startsWith('https://docs.google.com/') ? h('p', { class: 'muted' }, tr('pageNumberHint')) : null,
      )
    : null;

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
            generateReport();
          },
        },
      },
      field(tr('reportType'), type),
      state.form.type === 'quarterly' ? field(tr('period'), period) : null,
      field(tr('docDate'), date, state.form.dateError ? tr('docDateInvalid', { value: state.form.date.trim() }) : tr('docDateHint'), state.form.dateError),
      h(
        'button',
        {
          class: 'btn btn-primary',
          key: 'generate',
          attrs: { type: 'submit', 'aria-disabled': String(state.busy !== null) },
        },
        tr('generate'),
      ),
    ),
    result,
  );
}

function render(): void {
  const root = byId('app');
  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  document.documentElement.lang = state.lang;
  const app = state.app;

  // Title and language switch on the first line; unit and as-of lines use the full width below.
  const header = h(
    'header',
    { class: 'top' },
    h('h1', {}, tr('appTitle')),
    h(
      'button',
      {
        class: 'btn-lang',
        key: 'lang',
        attrs: { type: 'button', 'aria-label': tr('switchLangLabel'), lang: state.lang === 'vi' ? 'en' : 'vi', 'aria-disabled': String(state.busy !== null) },
        on: { click: () => (state.busy === null ? switchLanguage() : undefined) },
      },
      tr('switchLang'),
    ),
    app ? h('p', { class: 'unit data' }, app.unit.name || tr('noUnit')) : null,
    app ? h('p', { class: 'muted' }, tr('asOfLine', { date: formatDate(app.asOf), period: tr(`periodShort_${app.period}`) })) : null,
  );

  const parts: Child[] = [header];
  if (!app) {
    parts.push(
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
    );
  } else {
    parts.push(app.summary ? dashboardView(app.summary) : h('p', { class: 'card muted' }, tr('noSummary')));
    parts.push(
      h(
        'section',
        { class: 'card', attrs: { 'aria-labelledby': 'h-check' } },
        h('h2', { attrs: { id: 'h-check' } }, tr('checkHeading')),
        actionButton('validate', tr('validate'), () => void validate(), 'primary'),
        h(
          'div',
          { class: 'row' },
          actionButton('mark', tr('markProblems'), () => void markProblems()),
          actionButton('clear', tr('clearMarks'), () => void clearMarks()),
        ),
        state.validation ? issuesView(state.validation) : null,
      ),
      h(
        'section',
        { class: 'card', attrs: { 'aria-labelledby': 'h-progress' } },
        h('h2', { attrs: { id: 'h-progress' } }, tr('progressHeading')),
        actionButton('progress', tr('updateProgress'), () => void updateProgress(), 'primary'),
      ),
      reportView(app),
    );
  }
  root.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));

  if (focusedKey) {
    const again = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`);
    again?.focus();
  }
}

/** The view the menu asked for (src/gas/menu.ts sets window.CCHC_VIEW): check data, or the report form. */
function openRequestedView(): void {
  const view = (window as { CCHC_VIEW?: unknown }).CCHC_VIEW;
  if (!state.app?.templateInstalled) return;
  if (view === 'validate') void validate();
  if (view === 'report') {
    const select = document.querySelector<HTMLElement>('[data-key="report-type"]');
    select?.scrollIntoView({ block: 'start' });
    select?.focus();
  }
}

render();
void load().then(openRequestedView);
