import { describe, expect, it } from 'vitest';
import { createRuntime, EXCEEDED_MAX_EXECUTION_TIME } from './index.ts';

const msgOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('createRuntime: call counting', () => {
  it('counts every service call by Class.method across services, with snapshot and reset', () => {
    const rt = createRuntime();
    const { SpreadsheetApp, PropertiesService, Utilities } = rt.services;
    const sheet = SpreadsheetApp.getActiveSpreadsheet()!.getActiveSheet();
    sheet.getRange('A1:B2').getValues();
    PropertiesService.getUserProperties().setProperty('a', '1');
    Utilities.formatDate(new Date(), 'Asia/Ho_Chi_Minh', 'yyyy');
    const snap = rt.calls.snapshot();
    expect(snap.byName).toEqual({
      'Properties.setProperty': 1,
      'PropertiesService.getUserProperties': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getActiveSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Utilities.formatDate': 1,
    });
    expect(snap.total).toBe(7);
    expect(snap.simulatedMs).toBe(7 * 50);
    rt.calls.reset();
    expect(rt.calls.count()).toBe(0);
    expect(rt.calls.snapshot().byName).toEqual({});
  });

  it('does not count test-side setup through the registry', () => {
    const rt = createRuntime();
    rt.spreadsheets.create({ sheets: { 'Kế hoạch': [['a'], ['b']] } });
    expect(rt.calls.count()).toBe(0);
  });

  it('uses configurable costs per call name and per class', () => {
    const rt = createRuntime({ defaultCostMs: 10, costs: { 'Range.getValues': 1000, 'Sheet.*': 0 } });
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet()!.getActiveSheet();
    rt.calls.reset();
    sheet.getRange('A1').getValues();
    sheet.getRange('A1').setValue(1);
    expect(rt.calls.snapshot().simulatedMs).toBe(1000 + 10);
  });
});

describe('createRuntime: execution time limit', () => {
  it('throws Google’s "Exceeded maximum execution time" after 6 simulated minutes, until a new execution starts', () => {
    const rt = createRuntime({ defaultCostMs: 100 });
    const range = rt.services.SpreadsheetApp.getActiveSpreadsheet()!.getActiveSheet().getRange('A1');
    rt.beginExecution();
    let calls = 0;
    const message = msgOf(() => {
      for (;;) {
        range.getValue();
        calls += 1;
      }
    });
    expect(message).toBe(EXCEEDED_MAX_EXECUTION_TIME);
    expect(message).toBe('Exceeded maximum execution time');
    expect(calls).toBe(3600); // 3600 × 100 ms = 6 min exactly is still allowed; the next call is over
    expect(msgOf(() => range.getValue())).toBe(EXCEEDED_MAX_EXECUTION_TIME);
    rt.beginExecution();
    expect(range.getValue()).toBe('');
  });

  it('counts Utilities.sleep and lock waits against the limit', () => {
    const rt = createRuntime();
    rt.beginExecution();
    rt.services.Utilities.sleep(300000);
    expect(msgOf(() => rt.services.Utilities.sleep(60001))).toBe(EXCEEDED_MAX_EXECUTION_TIME);
  });

  it('honours a custom execution limit (e.g. 30 s for onOpen)', () => {
    const rt = createRuntime({ executionLimitMs: 30000, defaultCostMs: 1000 });
    const app = rt.services.SpreadsheetApp;
    rt.beginExecution();
    for (let i = 0; i < 30; i++) app.flush();
    expect(msgOf(() => app.flush())).toBe(EXCEEDED_MAX_EXECUTION_TIME);
  });
});

describe('createRuntime: clock', () => {
  it('starts at a fixed time and lets tests set today (a date means 08:00 in Asia/Ho_Chi_Minh)', () => {
    const rt = createRuntime();
    expect(rt.clock.now()).toBe('2024-06-30T09:00:00+07:00');
    rt.clock.set('2024-10-01');
    expect(rt.clock.today()).toBe('2024-10-01');
    expect(rt.clock.now()).toBe('2024-10-01T08:00:00+07:00');
    expect(rt.clock.date().toISOString()).toBe('2024-10-01T01:00:00.000Z');
    rt.clock.set(new Date('2024-12-31T17:30:00Z'));
    expect(rt.clock.today()).toBe('2025-01-01');
  });

  it('advances with service calls and sleeps', () => {
    const rt = createRuntime({ now: '2024-06-30T23:59:59+07:00' });
    rt.services.Utilities.sleep(2000);
    expect(rt.clock.today()).toBe('2024-07-01');
  });
});

describe('createRuntime: globals and extra services', () => {
  it('gives a fresh global object per call with the same shared services, plus injected ones', () => {
    const docs = { Documents: { create: () => ({ documentId: 'd1' }) } };
    const rt = createRuntime({ services: { Docs: docs, Extra: (r: { timeZone: string }) => ({ tz: r.timeZone }) } });
    const g1 = rt.globals();
    const g2 = rt.globals();
    expect(g1).not.toBe(g2);
    expect(g1.SpreadsheetApp).toBe(g2.SpreadsheetApp);
    expect(g1.Docs).toBe(docs);
    expect(g1.Extra).toEqual({ tz: 'Asia/Ho_Chi_Minh' });
    for (const name of ['SpreadsheetApp', 'HtmlService', 'DocumentApp', 'DriveApp', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'ScriptApp', 'UrlFetchApp', 'Logger', 'console', 'Charts']) {
      expect(g1[name], name).toBeTruthy();
    }
  });

  it('can run without an active spreadsheet (standalone script)', () => {
    const rt = createRuntime({ spreadsheet: false });
    expect(rt.services.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(rt.services.PropertiesService.getDocumentProperties()).toBeNull();
    expect(rt.services.LockService.getDocumentLock()).toBeNull();
  });
});
