import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, loadAddon, ScriptRunFailure, scriptRun, toClientValue, toServerArgs } from './index.ts';

// A small hand-written bundle in the shape esbuild + build.mjs produce: an IIFE under a private
// global name, then one top-level function per exported entry point.
const BUNDLE = String.raw`
var __app = (function () {
  var counter = 0;
  function planSheet() {
    return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Kế hoạch');
  }
  return {
    onOpen: function (e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Mở bảng điều khiển', 'showSidebar').addToUi();
      return e && e.authMode;
    },
    showSidebar: function () {
      var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('CCHC');
      SpreadsheetApp.getUi().showSidebar(html);
    },
    increment: function () { counter += 1; return counter; },
    readPlan: function () {
      var values = planSheet().getDataRange().getValues();
      var due = values[1][1];
      return {
        rows: values.length - 1,
        dueIsDate: Object.prototype.toString.call(due) === '[object Date]',
        dueInstanceofDate: due instanceof Date,
        dueIso: Utilities.formatDate(due, Session.getScriptTimeZone(), 'yyyy-MM-dd'),
      };
    },
    readPlanRaw: function () { return planSheet().getDataRange().getValues(); },
    echo: function (x) {
      return { got: x, isObject: x instanceof Object, isArray: Array.isArray(x) };
    },
    mutate: function (o) { o.changed = true; return o; },
    fail: function () { throw new Error('Không tìm thấy trang "Kế hoạch"'); },
    lockAndKeep: function () { LockService.getScriptLock().waitLock(2000); return true; },
    spin: function () { var r = planSheet().getRange(1, 1); for (;;) r.getValue(); },
    secret_: function () { return 'hidden'; },
    logIt: function () { console.log('xin chào', 1); Logger.log('đã ghi %s', 'x'); },
  };
})();
function onOpen() { return __app.onOpen.apply(this, arguments); }
function showSidebar() { return __app.showSidebar.apply(this, arguments); }
function increment() { return __app.increment.apply(this, arguments); }
function readPlan() { return __app.readPlan.apply(this, arguments); }
function readPlanRaw() { return __app.readPlanRaw.apply(this, arguments); }
function echo() { return __app.echo.apply(this, arguments); }
function mutate() { return __app.mutate.apply(this, arguments); }
function fail() { return __app.fail.apply(this, arguments); }
function lockAndKeep() { return __app.lockAndKeep.apply(this, arguments); }
function spin() { return __app.spin.apply(this, arguments); }
function secret_() { return __app.secret_.apply(this, arguments); }
function logIt() { return __app.logIt.apply(this, arguments); }
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
console.log('bundle loaded');
`;

let dist = '';
beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-dist-'));
  fs.writeFileSync(path.join(dist, 'Code.js'), BUNDLE);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), '<!doctype html><div id="app">Bảng điều khiển</div>');
  fs.writeFileSync(path.join(dist, 'Page.html'), '<main><?!= include("Sidebar") ?><p><?= who ?></p></main>');
  // gas-local would load every .js under the folder; loadAddon must load Code.js only.
  fs.mkdirSync(path.join(dist, 'sub'));
  fs.writeFileSync(path.join(dist, 'sub', 'other.js'), 'throw new Error("must not be loaded");');
  fs.writeFileSync(path.join(dist, 'appsscript.json'), '{}');
});
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function runtimeWithPlan() {
  return createRuntime({
    spreadsheet: {
      sheets: {
        'Kế hoạch': [
          ['Nhiệm vụ', 'Hạn'],
          ['Rà soát thủ tục', new Date('2024-09-30T00:00:00+07:00')],
        ],
      },
    },
  });
}

const failureOf = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
};

describe('loadAddon', () => {
  it('loads Code.js only, into a fresh context per load, with console captured', () => {
    const rt = runtimeWithPlan();
    const a = loadAddon({ runtime: rt, distDir: dist });
    const b = loadAddon({ runtime: rt, distDir: dist });
    expect(a.context).not.toBe(b.context);
    expect(a.run('increment')).toBe(1);
    expect(a.run('increment')).toBe(2);
    expect(b.run('increment')).toBe(1);
    expect(rt.logs.messages('log')).toEqual(['bundle loaded', 'bundle loaded']);
    a.run('logIt');
    expect(rt.logs.messages()).toContain('xin chào 1');
    expect(rt.logs.messages('Logger')).toEqual(['đã ghi x']);
  });

  it('fails clearly when the build is missing', () => {
    const rt = createRuntime();
    expect(() => loadAddon({ runtime: rt, distDir: path.join(dist, 'nope') })).toThrow(/does not exist \(run the build first/);
  });

  it('runs triggers with call() and shows the built Sidebar.html', () => {
    const rt = runtimeWithPlan();
    const addon = loadAddon({ runtime: rt, distDir: dist });
    expect(addon.call('onOpen', { authMode: 'LIMITED' })).toBe('LIMITED');
    expect(rt.ui.menus[0]?.entries).toEqual([{ kind: 'item', caption: 'Mở bảng điều khiển', functionName: 'showSidebar' }]);
    addon.run('showSidebar');
    expect(rt.ui.lastSidebar()).toMatchObject({ title: 'CCHC', content: '<!doctype html><div id="app">Bảng điều khiển</div>' });
  });

  it('evaluates templates in the loaded context, so bundle helpers like include() resolve', () => {
    const rt = runtimeWithPlan();
    loadAddon({ runtime: rt, distDir: dist });
    const t = rt.services.HtmlService.createTemplateFromFile('Page');
    t.who = '<Hiệu trưởng>';
    expect(t.evaluate().getContent()).toBe('<main><!doctype html><div id="app">Bảng điều khiển</div><p>&lt;Hiệu trưởng&gt;</p></main>');
  });

  it('hands the bundle host-realm Dates: toString detection works, instanceof does not', () => {
    const rt = runtimeWithPlan();
    const addon = loadAddon({ runtime: rt, distDir: dist });
    expect(addon.run('readPlan')).toStrictEqual({ rows: 1, dueIsDate: true, dueInstanceofDate: false, dueIso: '2024-09-30' });
  });

  it('counts the bundle’s service calls', () => {
    const rt = runtimeWithPlan();
    const addon = loadAddon({ runtime: rt, distDir: dist });
    rt.calls.reset();
    addon.run('readPlan');
    expect(rt.calls.count('Range.getValues')).toBe(1);
    expect(rt.calls.count('Sheet.getDataRange')).toBe(1);
    expect(rt.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  });

  it('makes each run one execution: the 6-minute limit stops a runaway call, the next call starts afresh', () => {
    const rt = runtimeWithPlan();
    const addon = loadAddon({ runtime: rt, distDir: dist });
    const err = failureOf(() => addon.run('spin'));
    expect(err).toBeInstanceOf(ScriptRunFailure);
    expect(err.message).toBe('Exceeded maximum execution time');
    expect(addon.run('increment')).toBe(1);
  });

  it('shares lock state between two loads of one runtime', () => {
    const rt = runtimeWithPlan();
    const first = loadAddon({ runtime: rt, distDir: dist });
    const second = loadAddon({ runtime: rt, distDir: dist });
    // first execution takes the script lock and is still running
    const exec = rt.beginExecution();
    expect((first.context.lockAndKeep as () => boolean)()).toBe(true);
    const err = failureOf(() => second.run('lockAndKeep'));
    expect(err.message).toBe('Lock timeout: another process was holding the lock for too long.');
    rt.endExecution(exec);
    expect(second.run('lockAndKeep')).toBe(true);
    // run() ends its execution, so the lock is free again
    expect(first.run('lockAndKeep')).toBe(true);
  });
});

describe('scriptRun: google.script.run rules', () => {
  it('refuses Dates, functions and class instances as arguments, at any depth', () => {
    const rt = runtimeWithPlan();
    const { run } = loadAddon({ runtime: rt, distDir: dist });
    expect(failureOf(() => run('echo', new Date())).message).toBe('Failed due to illegal value in property: 0');
    expect(failureOf(() => run('echo', 'a', { when: new Date() })).message).toBe('Failed due to illegal value in property: when');
    expect(failureOf(() => run('echo', [1, [() => 1]])).message).toBe('Failed due to illegal value in property: 0');
    expect(failureOf(() => run('echo', new Map())).message).toBe('Failed due to illegal value in property: 0');
    class Row {
      constructor(readonly n: number) {}
    }
    expect(failureOf(() => run('echo', { row: new Row(1) })).message).toBe('Failed due to illegal value in property: row');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(failureOf(() => run('echo', circular)).message).toBe('Failed due to illegal value in property: self');
    expect(run('increment')).toBe(1); // refused calls never reached the server
  });

  it('copies arguments into the server’s realm; undefined in arrays becomes null', () => {
    const rt = runtimeWithPlan();
    const { run } = loadAddon({ runtime: rt, distDir: dist });
    expect(run('echo', [1, undefined, 'a'])).toStrictEqual({ got: [1, null, 'a'], isObject: true, isArray: true });
    expect(run('echo', { a: 1, skip: undefined, nested: { b: [true, null] } })).toStrictEqual({
      got: { a: 1, nested: { b: [true, null] } },
      isObject: true,
      isArray: false,
    });
    const mine = { n: 1 };
    expect(run('mutate', mine)).toStrictEqual({ n: 1, changed: true });
    expect(mine).toStrictEqual({ n: 1 });
    expect(run('echo', undefined)).toStrictEqual({ got: null, isObject: false, isArray: false });
  });

  it('delivers a return value containing a Date as null', () => {
    const rt = runtimeWithPlan();
    const { run } = loadAddon({ runtime: rt, distDir: dist });
    expect(run('readPlanRaw')).toBeNull();
    expect(run('onOpen')).toBeNull(); // undefined return → null
  });

  it('refuses private and unknown functions and the runtime’s own globals', () => {
    const rt = runtimeWithPlan();
    const { run, context } = loadAddon({ runtime: rt, distDir: dist });
    expect(typeof context.secret_).toBe('function');
    const e = failureOf(() => run('secret_'));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('google.script.run.secret_ is not a function');
    expect(failureOf(() => run('nothing')).message).toBe('google.script.run.nothing is not a function');
    expect(failureOf(() => run('__app')).message).toBe('google.script.run.__app is not a function');
    expect(failureOf(() => run('SpreadsheetApp')).message).toBe('google.script.run.SpreadsheetApp is not a function');
  });

  it('passes the server’s exception message to the failure handler', () => {
    const rt = runtimeWithPlan();
    const { context } = loadAddon({ runtime: rt, distDir: dist });
    const e = failureOf(() => scriptRun(context, 'fail'));
    expect(e).toBeInstanceOf(ScriptRunFailure);
    expect(e.message).toBe('Không tìm thấy trang "Kế hoạch"');
    expect(e.name).toBe('Error');
  });

  it('exposes the two conversions for unit use', () => {
    expect(toServerArgs([{ a: [undefined] }])).toStrictEqual([{ a: [null] }]);
    expect(() => toServerArgs([Symbol('x')])).toThrow('Failed due to illegal value in property: 0');
    expect(toClientValue({ ok: [1, { d: new Date() }] })).toBeNull();
    expect(toClientValue({ ok: [1, 'x'] })).toStrictEqual({ ok: [1, 'x'] });
  });
});
