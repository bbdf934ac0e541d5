// The page around the sidebar under `cchc serve` (src/node/serve.ts `hostPage`): the workbook's
// sheets as tabs and a table of cells as text, read-only. The sidebar, in the frame beside it,
// tells it about each successful call (transport.ts `CallNotice`): a selectCell highlights the
// cell; a call that writes to the workbook reloads the view. Data goes in as text only.
// Bundled by sidebar/build-html.mjs (`buildHostScript`) and inlined by serve.ts.

import type { ApiName } from '../../src/core/api.ts';
import type { SheetView } from '../../src/node/serve.ts';
import type { CallNotice } from '../transport.ts';

/** The calls after which the workbook may read differently. */
const WRITES: ReadonlySet<ApiName> = new Set<ApiName>(['installTemplate', 'markProblems', 'clearMarks', 'updateProgress', 'generateReport', 'districtRefresh']);

let sheets: SheetView[] = [];
let active = 0;
let selected: { sheet: string; cell: string } | null = null;

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`host page lacks #${id}`);
  return el;
}
const grid = byId('grid');
const tabs = byId('tabs');

/** 0 → A, 25 → Z, 26 → AA. */
function colName(index: number): string {
  let s = '';
  let i = index + 1;
  while (i > 0) {
    const r = (i - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderTabs(): void {
  tabs.replaceChildren();
  sheets.forEach((s, i) => {
    const b = el('button', s.name);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(i === active));
    b.dataset.sheet = s.name;
    b.addEventListener('click', () => {
      active = i;
      render();
    });
    tabs.append(b);
  });
}

function renderGrid(): void {
  const sheet = sheets[active];
  if (!sheet) {
    grid.replaceChildren(el('p', '(trống)'));
    return;
  }
  let width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  let height = sheet.rows.length;
  const marks = new Map<string, string>();
  // A problem may sit on an empty cell past the data (a missing value): grow the grid to show it.
  const reach = (ref: string) => {
    const m = /^([A-Z]+)([0-9]+)$/.exec(ref);
    if (!m?.[1] || !m[2]) return;
    let c = 0;
    for (let k = 0; k < m[1].length; k++) c = c * 26 + (m[1].charCodeAt(k) - 64);
    width = Math.max(width, c);
    height = Math.max(height, Number(m[2]));
  };
  for (const m of sheet.marks ?? []) {
    marks.set(m.cell, m.note);
    reach(m.cell);
  }
  const here = selected && selected.sheet === sheet.name ? selected.cell : null;
  if (here) reach(here);
  const table = el('table');
  table.className = 'sheet-table';
  table.dataset.sheet = sheet.name;
  const head = el('tr');
  head.append(el('th', ''));
  for (let c = 0; c < width; c++) head.append(el('th', colName(c)));
  table.append(head);
  let target: HTMLElement | null = null;
  for (let r = 0; r < height; r++) {
    const row = sheet.rows[r] ?? [];
    const tr = el('tr');
    const rh = el('th', String(r + 1));
    rh.className = 'rowhead';
    tr.append(rh);
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const td = el('td', v === null || v === undefined ? '' : String(v));
      const ref = colName(c) + (r + 1);
      td.dataset.cell = ref;
      const note = marks.get(ref);
      if (note !== undefined) {
        td.classList.add('marked');
        td.title = note;
      }
      if (here === ref) {
        td.classList.add('selected');
        target = td;
      }
      tr.append(td);
    }
    table.append(tr);
  }
  grid.replaceChildren(table);
  target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function render(): void {
  renderTabs();
  renderGrid();
}

/** The sheets, from `GET /api/sheets` (the session cookie goes with it). */
function load(): Promise<void> {
  return fetch('/api/sheets')
    .then((r) => (r.ok ? (r.json() as Promise<SheetView[]>) : Promise.reject(r.status)))
    .then((data) => {
      sheets = data;
      if (active >= sheets.length) active = 0;
      render();
    })
    .catch(() => grid.replaceChildren(el('p', 'Không đọc được bảng tính. · Could not read the workbook.')));
}

function selectCell(sheet: string, cell: string): void {
  selected = { sheet, cell };
  const i = sheets.findIndex((s) => s.name === sheet);
  if (i >= 0) active = i;
  render();
}

/** A message from the sidebar's frame, on this origin only. */
function isNotice(e: MessageEvent): e is MessageEvent<Partial<CallNotice> & { source: 'cchc-sidebar' }> {
  const data: unknown = e.data;
  return e.origin === location.origin && typeof data === 'object' && data !== null && (data as { source?: unknown }).source === 'cchc-sidebar';
}

window.addEventListener('message', (e) => {
  if (!isNotice(e)) return;
  const { name, output } = e.data;
  if (name === 'selectCell' && output) {
    const at = output as { sheet?: unknown; cell?: unknown };
    selectCell(String(at.sheet), String(at.cell));
  } else if (name !== undefined && WRITES.has(name)) void load();
});

void load();
