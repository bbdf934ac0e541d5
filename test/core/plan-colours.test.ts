// The colours of `Kế hoạch` (the installer's conditional formats) for the as-of date kept at
// `Tổng hợp`!B2, evaluated the way a spreadsheet evaluates them (helpers/formula-eval.ts): red,
// amber and green must say what ⚙ Tình trạng says for that date (the workbook contract rules).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_AS_OF_CELL, SHEET_NAMES, columnLetter, sheetSpec } from '../../src/core/contract/index.ts';
import { asOfFormula, templateConditionalFormats } from '../../src/core/install.ts';
import type { IsoDate, TaskStatus } from '../../src/core/model.ts';
import { addDays, dayNumber } from '../../src/core/progress/dates.ts';
import { taskState } from '../../src/core/progress/tasks.ts';
import { task } from './progress/fixtures.ts';
import { evaluate, type Value } from './helpers/formula-eval.ts';

const spec = sheetSpec('tasks');
/** Columns as the installer lays them out: Hạn hoàn thành G, Trạng thái I, Ngày hoàn thành K. */
const COLS = Object.fromEntries(spec.columns.map((c, i) => [c.key, i + 1]));
const RULES = templateConditionalFormats(spec, COLS, 2);
const PLAN = SHEET_NAMES.tasks;
const DASHBOARD = SHEET_NAMES.dashboard;

interface Row {
  due: IsoDate | null;
  status: string;
  doneDate: IsoDate | null;
}

/** Which colours a row of the plan gets: red/amber on the deadline, green on the status. */
function colours(row: Row, asOfCell: Value | 'no sheet', today: IsoDate): { red: boolean; amber: boolean; green: boolean } {
  const grid = new Map<string, Value>([
    [`${PLAN}!${COLS.due}`, row.due === null ? null : dayNumber(row.due)],
    [`${PLAN}!${COLS.status}`, row.status === '' ? null : row.status],
    [`${PLAN}!${COLS.doneDate}`, row.doneDate === null ? null : dayNumber(row.doneDate)],
  ]);
  const ctx = {
    sheet: PLAN,
    today: dayNumber(today),
    sheetExists: (s: string) => s === PLAN || (s === DASHBOARD && asOfCell !== 'no sheet'),
    cell(sheet: string, r: number, c: number): Value {
      if (sheet === DASHBOARD) return r === DASHBOARD_AS_OF_CELL.row && c === DASHBOARD_AS_OF_CELL.col && asOfCell !== 'no sheet' ? asOfCell : null;
      return r === 5 ? (grid.get(`${sheet}!${c}`) ?? null) : null;
    },
  };
  const painted = (col: number, background: string): boolean =>
    RULES.some((rule) => {
      if (rule.background !== background || !rule.columns.includes(col)) return false;
      // A text rule is `TRIM(cell)="text"` in both adapters.
      const formula = rule.kind === 'formula' ? rule.formula : `TRIM(${columnLetter(col)}2)="${rule.text.replace(/"/g, '""')}"`;
      return evaluate(formula, ctx, { row: 5, col }, { row: 2, col }) === true;
    });
  return { red: painted(COLS.due!, '#f4cccc'), amber: painted(COLS.due!, '#fff2cc'), green: painted(COLS.status!, '#d9ead3') };
}

const AS_OF = '2024-06-30';
const stored = dayNumber(AS_OF);
const LATER_TODAY = '2024-09-15';
const at = (row: Row) => colours(row, stored, LATER_TODAY);

describe('Kế hoạch colours read the as-of date of Tổng hợp!B2', () => {
  it('reads the date through INDIRECT, with TODAY() only as the fallback', () => {
    expect(asOfFormula()).toBe(`IF(ISNUMBER(INDIRECT("'Tổng hợp'!$B$2")),INDIRECT("'Tổng hợp'!$B$2"),TODAY())`);
    const formulas = RULES.flatMap((r) => (r.kind === 'formula' ? [r.formula] : []));
    expect(formulas).toHaveLength(3);
    for (const f of formulas) {
      expect(f).toContain(asOfFormula());
      expect(f.split(asOfFormula()).join('')).not.toMatch(/TODAY|INDIRECT|Tổng hợp/);
    }
  });

  it('overdue: a deadline strictly before the as-of date is red, not amber', () => {
    expect(at({ due: '2024-06-29', status: 'Đang thực hiện', doneDate: null })).toEqual({ red: true, amber: false, green: false });
    // Today (15/09) is long past 31/07, but on the as-of date it was not due yet: not red.
    expect(at({ due: '2024-07-31', status: 'Đang thực hiện', doneDate: null })).toEqual({ red: false, amber: false, green: false });
  });

  it('due soon: a deadline from the as-of date to 7 days after it is amber', () => {
    expect(at({ due: '2024-06-30', status: '', doneDate: null })).toEqual({ red: false, amber: true, green: false });
    expect(at({ due: '2024-07-07', status: 'Tạm dừng', doneDate: null })).toEqual({ red: false, amber: true, green: false });
    expect(at({ due: '2024-07-08', status: 'Chưa bắt đầu', doneDate: null })).toEqual({ red: false, amber: false, green: false });
  });

  it('done green only with a done date on or before the as-of date', () => {
    expect(at({ due: '2024-06-01', status: 'Hoàn thành', doneDate: '2024-05-30' })).toEqual({ red: false, amber: false, green: true });
    expect(at({ due: '2024-06-01', status: 'Hoàn thành', doneDate: '2024-06-30' })).toEqual({ red: false, amber: false, green: true });
    // Done on 02/07, after the as-of date: on 30/06 it was still open, so overdue and not green.
    expect(at({ due: '2024-06-01', status: 'Hoàn thành', doneDate: '2024-07-02' })).toEqual({ red: true, amber: false, green: false });
    expect(at({ due: '2024-07-03', status: 'Hoàn thành', doneDate: '2024-07-02' })).toEqual({ red: false, amber: true, green: false });
    // Hoàn thành without its date (an error the check reports): not known done by then.
    expect(at({ due: '2024-06-01', status: 'Hoàn thành', doneDate: null })).toEqual({ red: true, amber: false, green: false });
  });

  it('a cancelled task is never red or amber, in either tone placement', () => {
    for (const status of ['Hủy bỏ', 'Huỷ bỏ', ' hủy ', 'Không thực hiện']) {
      expect(at({ due: '2024-06-01', status, doneDate: null })).toEqual({ red: false, amber: false, green: false });
    }
  });

  it('reads the status as typed: case and other spellings', () => {
    for (const status of ['hoàn thành', 'Đã hoàn thành', 'Xong', 'DONE']) {
      expect(at({ due: '2024-06-01', status, doneDate: '2024-05-01' })).toEqual({ red: false, amber: false, green: true });
    }
  });

  it('before the first progress update (B2 empty, or no Tổng hợp) the colours go by today', () => {
    for (const cell of [null, 'Tính đến ngày', 'no sheet'] as const) {
      expect(colours({ due: '2024-07-31', status: 'Đang thực hiện', doneDate: null }, cell, LATER_TODAY)).toEqual({ red: true, amber: false, green: false });
      expect(colours({ due: '2024-09-20', status: '', doneDate: null }, cell, LATER_TODAY)).toEqual({ red: false, amber: true, green: false });
      expect(colours({ due: '2024-06-01', status: 'Hoàn thành', doneDate: '2024-07-02' }, cell, LATER_TODAY)).toEqual({ red: false, amber: false, green: true });
    }
  });

  it('agree with ⚙ Tình trạng for any deadline, status and done date', () => {
    const statuses: [string, TaskStatus][] = [
      ['', 'notStarted'], ['Chưa bắt đầu', 'notStarted'], ['Đang thực hiện', 'inProgress'], ['Tạm dừng', 'paused'],
      ['Hoàn thành', 'done'], ['Đã hoàn thành', 'done'], ['Hủy bỏ', 'cancelled'], ['Đã huỷ', 'cancelled'],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: -40, max: 40 }),
        fc.constantFrom(...statuses),
        fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
        fc.integer({ min: 0, max: 60 }),
        (dueIn, [typed, status], doneIn, todayIn) => {
          const due = addDays(AS_OF, dueIn);
          const doneDate = doneIn === null ? null : addDays(AS_OF, doneIn);
          // the workbook contract: a task done after the as-of date counts as open for that date.
          const asThen = status === 'done' && doneDate !== null && doneDate > AS_OF ? 'inProgress' : status;
          const state = taskState(task({ row: 5, due, status: asThen, doneDate, start: null }), AS_OF);
          if (state === null) return; // Hoàn thành without a date: an error, no Tình trạng
          const got = colours({ due, status: typed, doneDate }, stored, addDays(AS_OF, todayIn));
          expect(got).toEqual({ red: state === 'overdue', amber: state === 'dueSoon', green: state === 'doneOnTime' || state === 'doneLate' });
        },
      ),
      { numRuns: 400 },
    );
  });
});
