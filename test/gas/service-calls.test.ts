// Service calls of the operations a user runs, through the built add-on (dist/Code.js) in the
// offline runtime, on the bench's sample school (test/bench/calls.ts prints the same counts).
// Issue 13 item 8: opening the sidebar and validating read each sheet with the fewest calls
// SpreadsheetApp allows (getDataRange, getValues, getNumberFormats: three a sheet, each sheet
// once), and the first install batches what it can. The bounds are the counts measured when the
// calls were cut (before: install 589, getState 38, validate 38, updateProgress 98, quarterly
// report 167); counts are deterministic, so a bound that fails means calls came back.

import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, loadAddon, type Runtime } from '../gas-runtime/index.ts';
import type { CallSnapshot } from '../gas-runtime/core.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { fillScaledSchool } from '../fixtures/scale-school.ts';
import { gasBook } from '../contract/gas-adapter.ts';

const BOUNDS = { install: 446, getState: 33, validate: 33, updateProgress: 73, quarterly: 130 } as const;
type Op = keyof typeof BOUNDS;

/** The bench's school of `tasks` tasks (test/bench/run.ts sizeFor), and each operation's calls. */
function measure(tasks: number): Record<Op | 'reinstall', CallSnapshot> {
  const rt: Runtime = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
  const addon = loadAddon({ runtime: rt });
  const run = (name: string, arg: unknown): CallSnapshot => {
    rt.calls.reset();
    const answer = addon.run(name, arg) as { ok: boolean; error?: unknown };
    expect(answer.ok, `${name}: ${JSON.stringify(answer.error)}`).toBe(true);
    return rt.calls.snapshot();
  };
  const install = run('installTemplate', {});
  rt.core.uncounted(() =>
    fillScaledSchool(new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never), {
      tasks,
      kpis: Math.max(16, tasks / 20),
      initiatives: Math.max(2, tasks / 10),
    }),
  );
  return {
    install,
    getState: run('getState', {}),
    validate: run('validate', { asOf: '2024-06-30' }),
    updateProgress: run('updateProgress', { asOf: '2024-06-30' }),
    quarterly: run('generateReport', { type: 'quarterly', asOf: '2024-06-30', period: 'Q2' }),
    reinstall: run('installTemplate', {}),
  };
}

const n = (s: CallSnapshot, name: string): number => s.byName[name] ?? 0;

describe('service calls of each operation (100-task school, built bundle)', () => {
  let at100: ReturnType<typeof measure>;
  beforeAll(() => {
    at100 = measure(100);
  }, 120_000);

  it('each operation stays within its measured count', () => {
    for (const op of Object.keys(BOUNDS) as Op[]) expect(at100[op].total, op).toBeLessThanOrEqual(BOUNDS[op]);
  });

  it('opening the sidebar and validating read each sheet once, in three calls, and ask nothing twice', () => {
    for (const op of ['getState', 'validate'] as const) {
      const s = at100[op];
      const reads = n(s, 'Sheet.getDataRange');
      expect(reads, op).toBeGreaterThanOrEqual(5); // the school's sheets are read…
      expect(n(s, 'Range.getValues'), op).toBe(reads); // …each in one getValues
      expect(n(s, 'Range.getNumberFormats'), op).toBe(reads); // …and one getNumberFormats
      expect(n(s, 'Spreadsheet.getSheets'), op).toBe(1);
      expect(n(s, 'Spreadsheet.getSheetByName'), op).toBe(0);
      // Asia/Ho_Chi_Minh has a fixed offset: neither the dates read nor "today" ask Utilities.
      expect(n(s, 'Utilities.formatDate'), op).toBe(0);
      expect(n(s, 'Properties.getProperty'), op).toBeLessThanOrEqual(1);
      expect(Object.keys(s.byName).filter((k) => /\.set|insert|clear|protect/.test(k)), op).toEqual([]);
    }
  });

  it('the quarterly report reads Thông tin once, though the school and the document number both need it', () => {
    const s = at100.quarterly;
    expect(n(s, 'Sheet.getDataRange')).toBe(at100.validate.byName['Sheet.getDataRange']);
    // The charts' text styles are built once per size for the whole document, not per chart.
    expect(n(s, 'Charts.newTextStyle')).toBeLessThan(n(s, 'Charts.newBarChart') * 4);
  });

  it('updateProgress writes each run of adjacent ⚙ columns as one block', () => {
    const s = at100.updateProgress;
    // Kế hoạch's state; Chỉ tiêu's value, achievement, evaluation; Sáng kiến's score and award:
    // three blocks, then Tổng hợp whole and one Nhật ký row.
    expect(n(s, 'Range.setValues')).toBe(5);
    expect(n(s, 'Range.setValue')).toBe(0);
    expect(n(s, 'Sheet.setColumnWidth')).toBe(0); // runs of equal widths: setColumnWidths
  });

  it('the first install batches: a validation rule built once, validations and formats set per sheet, not per column', () => {
    const s = at100.install;
    const sheets = n(s, 'Spreadsheet.insertSheet');
    expect(sheets).toBe(9);
    // Distinct rules only (the same list or date rule serves every column and sheet that takes it).
    expect(n(s, 'DataValidationBuilder.build')).toBeLessThanOrEqual(15);
    expect(n(s, 'Range.setDataValidation') + n(s, 'Range.setDataValidations')).toBeLessThanOrEqual(sheets);
    // Formats over several runs of columns go through one RangeList each.
    expect(n(s, 'Sheet.getRangeList')).toBeGreaterThan(0);
    expect(n(s, 'Range.setWrap') + n(s, 'RangeList.setWrap')).toBeLessThanOrEqual(2 * sheets);
    expect(n(s, 'Range.setNumberFormat') + n(s, 'RangeList.setNumberFormat')).toBeLessThanOrEqual(sheets);
    // Sheets made here: no protection to look for, no frozen rows to undo, no last column to ask.
    expect(n(s, 'Sheet.getProtections')).toBe(0);
    expect(n(s, 'Sheet.getLastColumn') + n(s, 'Sheet.getLastRow')).toBe(0);
    expect(n(s, 'Sheet.setFrozenRows')).toBeLessThan(sheets);
    // What a user may have added in the meantime is read before anything is written over it, so
    // it is kept: the rules of every sheet that gets ours, the header notes.
    expect(n(s, 'Sheet.getConditionalFormatRules')).toBe(n(s, 'Sheet.setConditionalFormatRules'));
    expect(n(s, 'Sheet.setConditionalFormatRules')).toBeGreaterThan(0);
    expect(n(s, 'Range.getNotes')).toBeGreaterThan(0);
    expect(n(s, 'Utilities.formatDate')).toBe(0);
  });

  it('installing again on the filled school asks what it must (protections, sizes) and stays well under the first install', () => {
    const s = at100.reinstall;
    expect(n(s, 'Spreadsheet.insertSheet')).toBe(0);
    expect(n(s, 'Sheet.getProtections')).toBeGreaterThan(0);
    expect(s.total).toBeLessThanOrEqual(BOUNDS.install);
  });

  it('the counts do not grow with the school: 1,000 tasks cost what 100 do', () => {
    const at1000 = measure(1000);
    for (const op of Object.keys(BOUNDS) as Op[]) expect(at1000[op].total, op).toBe(at100[op].total);
  }, 120_000);
});

describe('a sheet read is kept for the execution, never past a change', () => {
  const book = () => {
    const b = gasBook({ spreadsheet: { sheets: { 'Kế hoạch': [['Nhiệm vụ', 'Hạn'], ['Rà soát TTHC', 'sai ngày']] } } });
    return { ...b, port: b.open() as SpreadsheetWorkbook };
  };

  it('a second read of the same sheet costs nothing and gives the same grid, a copy the caller may change', () => {
    const { runtime, port } = book();
    const first = port.readSheet('Kế hoạch')!;
    const after = runtime.calls.count();
    first.values[1]![0] = 'changed by the caller';
    const second = port.readSheet('Kế hoạch')!;
    expect(runtime.calls.count()).toBe(after);
    expect(second.values).toEqual([['Nhiệm vụ', 'Hạn'], ['Rà soát TTHC', 'sai ngày']]);
  });

  it('after the adapter writes to the sheet, the next read asks again and sees the write', () => {
    const { runtime, port } = book();
    port.readSheet('Kế hoạch');
    port.writeBlock('Kế hoạch', 2, 2, [[{ date: '2024-03-31' }]]);
    const before = runtime.calls.count('Range.getValues');
    expect(port.readSheet('Kế hoạch')!.values[1]).toEqual(['Rà soát TTHC', { date: '2024-03-31' }]);
    expect(runtime.calls.count('Range.getValues')).toBe(before + 1);
  });

  it('forgetReads (the lock taken) makes the next read see what another execution wrote meanwhile', () => {
    const { runtime, ss, port } = book();
    port.readSheet('Kế hoạch');
    runtime.core.uncounted(() => ss.getSheetByName('Kế hoạch')!.getRange(2, 1).setValue('Sửa quy chế'));
    expect(port.readSheet('Kế hoạch')!.values[1]![0]).toBe('Rà soát TTHC'); // the same execution's read
    port.forgetReads();
    expect(port.readSheet('Kế hoạch')!.values[1]![0]).toBe('Sửa quy chế');
  });
});
