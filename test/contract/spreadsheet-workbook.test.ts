// The WorkbookPort contract on the Apps Script adapter, over the offline runtime's SpreadsheetApp.
// "Reload" builds a new adapter on the same spreadsheet (nothing cached survives).

import { describe, expect, it } from 'vitest';
import { runWorkbookPortContract, type AdapterHandle } from './workbook-port.contract.ts';
import { gasBook, gasLayoutSnapshot as snapshot, gasMerges, gasRowHeightPx, gasRuleFormulas, ProtectionTypes as SpreadsheetAppProtection } from './gas-adapter.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

runWorkbookPortContract({
  name: 'SpreadsheetWorkbook (offline SpreadsheetApp, bundled in a vm context)',
  async create(): Promise<AdapterHandle> {
    const book = gasBook();
    const sheet = (name: string): Sheet => {
      const s = book.ss.getSheetByName(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
    const handle: AdapterHandle = {
      port: book.open(),
      async reload() {
        handle.port = book.open();
        return handle.port;
      },
      layoutSnapshot: (name) => book.runtime.core.uncounted(() => snapshot(sheet(name))),
      setUserNote: (name, row, col, note) => {
        sheet(name).getRange(row, col).setNote(note);
      },
      noteAt: (name, row, col) => sheet(name).getRange(row, col).getNote(),
      ruleFormulas: (name) => book.runtime.core.uncounted(() => gasRuleFormulas(sheet(name))),
      merges: (name) => book.runtime.core.uncounted(() => gasMerges(sheet(name))),
      rowHeightPx: (name, row) => book.runtime.core.uncounted(() => gasRowHeightPx(sheet(name), row)),
      hidden: (name) => book.runtime.core.uncounted(() => sheet(name).isSheetHidden()),
      addUserRule(name) {
        const s = sheet(name);
        const rule = book.runtime.services.SpreadsheetApp.newConditionalFormatRule()
          .whenNumberLessThan(0.5)
          .setBackground('#ffff00')
          .setRanges([s.getRange('D2:D50') as never])
          .build();
        s.setConditionalFormatRules([...s.getConditionalFormatRules(), rule] as never);
      },
      calls: {
        count: () => book.runtime.calls.count(),
        reset: () => book.runtime.calls.reset(),
      },
    };
    return handle;
  },
});

describe('SpreadsheetWorkbook specifics', () => {
  it('reads a date cell in the spreadsheet’s own time zone', () => {
    const book = gasBook({ spreadsheet: { timeZone: 'America/New_York', sheets: { A: [[new Date('2024-07-01T04:00:00Z')]] } } });
    const port = book.open();
    expect(port.readSheet('A')!.values[0]![0]).toEqual({ date: '2024-07-01' });
    port.writeBlock('A', 2, 1, [[{ date: '2024-12-31' }]]);
    const stored = book.ss.getSheetByName('A')!.getRange(2, 1).getValue() as Date;
    expect(stored.toISOString()).toBe('2024-12-31T05:00:00.000Z');
    expect(port.readSheet('A')!.values[1]![0]).toEqual({ date: '2024-12-31' });
  });

  it('in Asia/Ho_Chi_Minh, a date is written at local midnight (17:00 UTC the day before)', () => {
    const book = gasBook({ spreadsheet: { sheets: ['A'] } });
    book.open().writeBlock('A', 1, 1, [[{ date: '2024-06-30' }]]);
    const stored = book.ss.getSheetByName('A')!.getRange(1, 1).getValue() as Date;
    expect(stored.toISOString()).toBe('2024-06-29T17:00:00.000Z');
  });

  it('keeps texts that look like numbers, percents, dates or booleans as text', () => {
    const book = gasBook({ spreadsheet: { sheets: ['A'] } });
    const port = book.open();
    const texts = ['0903123456', '98,5%', '10/6/2024', 'TRUE', "'quoted", '1'];
    port.writeBlock('A', 1, 1, [texts]);
    expect(port.readSheet('A')!.values[0]).toEqual(texts);
  });

  it('writes beyond the sheet’s 1000 rows by growing it', () => {
    const book = gasBook({ spreadsheet: { sheets: ['A'] } });
    const port = book.open();
    port.writeBlock('A', 1500, 30, [['xa']]);
    expect(port.readSheet('A')!.values[1499]![29]).toBe('xa');
  });

  it('re-running a layout leaves one protection per ⚙ column, warning-only, and one sheet protection', () => {
    const book = gasBook({ spreadsheet: { sheets: ['Tổng hợp', 'K'] } });
    const port = book.open();
    for (let i = 0; i < 2; i++) {
      port.applyLayout('K', { frozenRows: 1, headerRow: true, dataRows: 100, columns: [{ col: 3, computed: true }, { col: 4, computed: true }, { col: 6, computed: true }], conditionalFormats: [] });
      port.applyLayout('Tổng hợp', { frozenRows: 0, headerRow: false, dataRows: 0, columns: [], conditionalFormats: [], protectSheet: true });
    }
    const k = book.ss.getSheetByName('K')!;
    const ranges = k.getProtections(SpreadsheetAppProtection.RANGE);
    expect(ranges.map((p) => (p.getRange() as GoogleAppsScript.Spreadsheet.Range).getA1Notation())).toEqual(['C2:D101', 'F2:F101']);
    expect(ranges.every((p) => p.isWarningOnly())).toBe(true);
    const sheetProtections = book.ss.getSheetByName('Tổng hợp')!.getProtections(SpreadsheetAppProtection.SHEET);
    expect(sheetProtections.length).toBe(1);
    expect(sheetProtections[0]!.isWarningOnly()).toBe(true);
  });
});
