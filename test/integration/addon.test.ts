// The built add-on (dist/Code.js, made by `node build.mjs` before the tests) loaded through
// gas-local into a fresh context per test, as Apps Script loads it, and driven only through its
// top-level functions: triggers and menu items directly, sidebar calls through google.script.run's
// rules.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../src/core/api.ts';
import { createRuntime, loadAddon, type Runtime } from '../gas-runtime/index.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';

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
    expect(captions).toEqual(['Mở bảng điều khiển', 'Cài đặt mẫu', 'Kiểm tra dữ liệu', 'Cập nhật tiến độ', 'Tạo báo cáo', 'Giới thiệu']);
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
  });

  it('selects the cell of a problem the user clicks', () => {
    const res = call(addon, 'selectCell', { sheet: 'Kế hoạch', cell: 'G7' });
    expect(res.ok).toBe(true);
    const active = rt.active!.getActiveRange();
    expect(active?.getA1Notation()).toBe('G7');
    expect(active?.getSheet().getName()).toBe('Kế hoạch');
  });
});
