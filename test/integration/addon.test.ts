// The built add-on (dist/Code.js, made by `node build.mjs` before the tests) loaded through
// gas-local into a fresh context per test, as Apps Script loads it, and driven only through its
// top-level functions: triggers and menu items directly, sidebar calls through google.script.run's
// rules.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../src/core/api.ts';
import { createRuntime, loadAddon, type Runtime } from '../gas-runtime/index.ts';
import { docsServices, docText } from '../gas-runtime/docs-service.ts';
import { fillSample } from '../../src/core/sample.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { fillScaledSchool } from '../fixtures/scale-school.ts';

const code = readFileSync('dist/Code.js', 'utf8');
const sidebarHtml = readFileSync('dist/Sidebar.html', 'utf8');

function runtime(options: Parameters<typeof createRuntime>[0] = {}): Runtime {
  // The Docs advanced service is enabled in appsscript.json; its fake joins the runtime's counter.
  return createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices(), ...options });
}

type Envelope = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

function call(addon: ReturnType<typeof loadAddon>, name: string, input: unknown = {}): Envelope {
  return addon.run(name, input) as Envelope;
}

describe('dist/Code.js', () => {
  it('loads in a bare context without touching any service', () => {
    const touched: string[] = [];
    const services = ['SpreadsheetApp', 'HtmlService', 'DocumentApp', 'DriveApp', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'ScriptApp', 'UrlFetchApp', 'Docs', 'Logger'];
    const sandbox: Record<string, unknown> = {};
    for (const s of services) {
      Object.defineProperty(sandbox, s, { get: () => void touched.push(s), enumerable: true });
    }
    const ctx = vm.createContext(sandbox);
    vm.runInContext(code, ctx);
    expect(touched).toEqual([]);
    expect(typeof (ctx as Record<string, unknown>).onOpen).toBe('function');
  });

  it('has a top-level function for every sidebar call, menu item and trigger, and no private ones called', () => {
    const topLevel = new Set([...code.matchAll(/^function (\w+)\(\) \{ return __cchc\./gm)].map((m) => m[1]));
    for (const name of API_NAMES) expect(topLevel, `sidebar call ${name}`).toContain(name);
    for (const name of ['onOpen', 'onInstall']) expect(topLevel).toContain(name);
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    addon.call('onOpen', { authMode: rt.services.ScriptApp.AuthMode.NONE });
    const items = rt.ui.menus.flatMap((m) => m.entries).filter((e) => e.kind === 'item');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(topLevel, `menu item ${item.caption}`).toContain(item.functionName);
    // The sidebar calls only what exists: every google.script.run name in its script is top level.
    for (const name of API_NAMES) expect(sidebarHtml).toContain(name);
  });

  it('builds the Vietnamese add-on menu in AuthMode.NONE', () => {
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    rt.calls.reset();
    addon.call('onOpen', { authMode: rt.services.ScriptApp.AuthMode.NONE });
    const menu = rt.ui.menus.at(-1)!;
    expect(menu.addon).toBe(true);
    const captions = menu.entries.flatMap((e) => (e.kind === 'item' ? [e.caption] : []));
    expect(captions).toEqual(['Mở bảng điều khiển', 'Cài đặt mẫu', 'Kiểm tra dữ liệu', 'Cập nhật tiến độ', 'Tạo báo cáo', 'Năm mới', 'Cập nhật số liệu các đơn vị', 'Chọn tệp của các đơn vị', 'Báo cáo tổng hợp', 'Giới thiệu']);
    // Nothing but the menu: no properties, no spreadsheet reads in the limited mode.
    expect(rt.calls.count('PropertiesService.*')).toBe(0);
    expect(rt.calls.count('Range.*')).toBe(0);
  });

  it('opens the sidebar from the menu and installs the template sheets', () => {
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    addon.call('openSidebar');
    expect(rt.ui.lastSidebar()?.title).toBe('CCHC');
    expect(rt.ui.lastSidebar()?.content).toContain('CCHC_VIEW');

    const res = call(addon, 'installTemplate');
    expect(res.ok).toBe(true);
    const names = rt.active!.getSheets().map((s) => s.getName());
    for (const n of ['Thông tin', 'Nhân sự', 'Kế hoạch', 'Chỉ tiêu', 'Sáng kiến', 'Hoạt động', 'Tổng hợp', 'Nhật ký', 'Hướng dẫn']) {
      expect(names).toContain(n);
    }
    const info = rt.active!.getSheetByName('Thông tin')!;
    expect(info.getFrozenRows()).toBe(1);
    expect(info.getRange(1, 1, 1, 2).getValues()[0]).toEqual(['Mục', 'Giá trị']);
  });

  it('"Kiểm tra dữ liệu" opens the sidebar on its check, which reads the school once (with getState)', () => {
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    expect(call(addon, 'installTemplate').ok).toBe(true);
    rt.calls.reset();
    addon.call('menuValidate');
    // The menu item reads nothing itself: it opens the sidebar on the check.
    expect(rt.calls.count('Range.*')).toBe(0);
    expect(rt.ui.lastSidebar()?.content).toContain('window.CCHC_VIEW = "validate"');
    // The sidebar's first call brings the state and the check from one read of each sheet.
    rt.calls.reset();
    const first = call(addon, 'getState', { withIssues: true });
    expect(first.ok && first.value.validation?.counts).toBeTruthy();
    const oneRead = rt.calls.count('Range.getValues');
    rt.calls.reset();
    call(addon, 'getState', {});
    expect(rt.calls.count('Range.getValues')).toBe(oneRead);
  });

  it('refuses a Date through google.script.run, as the client does', () => {
    const addon = loadAddon({ runtime: runtime() });
    expect(() => addon.run('validate', { asOf: new Date() })).toThrow(/illegal value/i);
  });

  it('answers a bad input with a message, not a stack', () => {
    const addon = loadAddon({ runtime: runtime() });
    const res = call(addon, 'validate', { asOf: '2024-02-30' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('BAD_INPUT');
      expect(res.error.message).not.toMatch(/at .*\.js/);
    }
  });

  it('tells the user to install the template before validating an empty spreadsheet', () => {
    const addon = loadAddon({ runtime: runtime() });
    const res = call(addon, 'validate');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('NOT_INSTALLED');
  });

  it('a menu action that fails unexpectedly shows the generic message in the user\'s language, not the error', () => {
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    // A transient Google error, as users do meet it (set before the first call: the fake keeps
    // each method's wrapper once used).
    const failure = 'Service Spreadsheets timed out while accessing document with id 1abc.';
    (rt.active as unknown as { getSheets: () => never }).getSheets = () => {
      throw new Error(failure);
    };
    expect(() => addon.call('menuUpdateProgress')).not.toThrow();
    const alert = rt.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Không thực hiện được');
    expect(alert.prompt).toContain('Đã có lỗi xảy ra');
    expect(alert.prompt).not.toContain('timed out');
    expect(rt.logs.messages().join('\n')).toContain('timed out');
  });

  it('remembers the language per user', () => {
    const rt = runtime();
    let addon = loadAddon({ runtime: rt });
    expect(call(addon, 'setLanguage', { lang: 'en' })).toEqual({ ok: true, value: { lang: 'en' } });
    addon = loadAddon({ runtime: rt });
    const state = call(addon, 'getState');
    expect(state.ok && state.value.lang).toBe('en');
    rt.setUser('giaovien@mnbenthanh.edu.vn');
    const other = call(loadAddon({ runtime: rt }), 'getState');
    expect(other.ok && other.value.lang).toBe('vi');
  });
});

describe('the sample school in Google Sheets', () => {
  let rt: Runtime;
  let addon: ReturnType<typeof loadAddon>;

  beforeAll(() => {
    rt = runtime();
    addon = loadAddon({ runtime: rt });
    expect(call(addon, 'installTemplate').ok).toBe(true);
    // The staff type the school's data (written from outside the add-on).
    rt.core.uncounted(() => fillSample(new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never)));
  });

  it('validates the sample with no problem, then marks a wrong date on its cell and clears it', () => {
    const clean = call(addon, 'validate', { asOf: '2024-06-30' });
    expect(clean.ok && clean.value.counts).toEqual({ error: 0, warning: 0, notice: 0 });

    const tasks = rt.active!.getSheetByName('Kế hoạch')!;
    const header = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0]!;
    const dueCol = header.indexOf('Hạn hoàn thành') + 1;
    const noteCol = header.indexOf('Ghi chú') + 1;
    tasks.getRange(3, dueCol).setValue('31/02/2024');
    tasks.getRange(4, noteCol).setNote('ghi chú của cô Hằng');

    const found = call(addon, 'validate', { asOf: '2024-06-30' });
    expect(found.ok).toBe(true);
    const issue = found.ok && found.value.issues.find((i: { cell: string }) => i.cell === tasks.getRange(3, dueCol).getA1Notation());
    expect(issue).toMatchObject({ sheet: 'Kế hoạch', row: 3, severity: 'error', column: 'Hạn hoàn thành' });

    const marked = call(addon, 'markProblems', { asOf: '2024-06-30' });
    expect(marked.ok && marked.value.marked).toBeGreaterThanOrEqual(1);
    const cell = tasks.getRange(3, dueCol);
    expect(cell.getNote()).toContain('31/02/2024');
    expect(cell.getBackground()).not.toBe('#ffffff');

    expect(call(addon, 'clearMarks').ok).toBe(true);
    expect(tasks.getRange(3, dueCol).getNote()).toBe('');
    expect(tasks.getRange(4, noteCol).getNote()).toBe('ghi chú của cô Hằng');
    expect(tasks.getRange(3, dueCol).getValue()).toBe('31/02/2024');
    tasks.getRange(3, dueCol).setValue(new Date('2024-03-31T00:00:00+07:00'));
  });

  it('updates progress and logs who did it', () => {
    const res = call(addon, 'updateProgress', { asOf: '2024-06-30', period: 'Q2' });
    expect(res.ok).toBe(true);
    expect(res.ok && res.value.summary.tasks.total).toBe(34);
    const log = rt.active!.getSheetByName('Nhật ký')!;
    const last = log.getRange(log.getLastRow(), 1, 1, 4).getValues()[0]!;
    expect(last[1]).toBe('hieutruong@mnbenthanh.edu.vn');
    expect(last[2]).toBe('Cập nhật tiến độ');
    const dashboard = rt.active!.getSheetByName('Tổng hợp')!.getDataRange().getValues().flat().join(' ');
    expect(dashboard).toContain('Quá hạn');
  });

  it('writes the quarterly report as a Google Doc, links it, logs it and numbers it', () => {
    const first = call(addon, 'generateReport', { type: 'quarterly', period: 'Q2', asOf: '2024-06-30', date: '2024-07-05' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/.+\/edit$/);
    expect(first.value.number).toBe('01/BC-MNBT');
    const id = /\/d\/([^/]+)\//.exec(first.value.url)![1]!;
    const docs = rt.services.Docs as { Documents: { get(id: string): Record<string, unknown> } };
    const text = docText(docs.Documents.get(id)).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Quận 1, ngày 05 tháng 7 năm 2024');
    expect(text).toContain('Số: 01/BC-MNBT');
    const log = rt.active!.getSheetByName('Nhật ký')!;
    expect(log.getRange(log.getLastRow(), 4).getValue()).toBe(first.value.url);
    const second = call(addon, 'generateReport', { type: 'quarterly', period: 'Q2', asOf: '2024-06-30', date: '2024-07-05' });
    expect(second.ok && second.value.number).toBe('02/BC-MNBT');
  });

  it('selects the cell of a problem the user clicks', () => {
    const res = call(addon, 'selectCell', { sheet: 'Kế hoạch', cell: 'G7' });
    expect(res.ok).toBe(true);
    const active = rt.active!.getActiveRange();
    expect(active?.getA1Notation()).toBe('G7');
    expect(active?.getSheet().getName()).toBe('Kế hoạch');
  });
});

describe('service calls do not grow with the data', () => {
  function callsFor(tasks: number): Record<string, number> {
    const rt = runtime();
    const addon = loadAddon({ runtime: rt });
    call(addon, 'installTemplate');
    const port = new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never);
    rt.core.uncounted(() => fillScaledSchool(port, { tasks, kpis: Math.max(16, tasks / 20), initiatives: Math.max(2, tasks / 10) }));
    const counts: Record<string, number> = {};
    for (const [name, input] of [
      ['validate', { asOf: '2024-06-30' }],
      ['updateProgress', { asOf: '2024-06-30' }],
      ['generateReport', { type: 'quarterly', asOf: '2024-06-30', period: 'Q2' }],
    ] as const) {
      rt.calls.reset();
      expect(call(addon, name, input).ok, name).toBe(true);
      counts[name] = rt.calls.count();
    }
    return counts;
  }

  it('reads, writes back and reports 50 or 2,000 tasks in the same number of calls', () => {
    const small = callsFor(50);
    const large = callsFor(2000);
    expect(large).toEqual(small);
    // One read per sheet: validating touches each of the six input sheets a constant few times.
    expect(small.validate).toBeLessThan(60);
  }, 120_000);
});
