// Which schools a district run reads again, and what it stores after (core/district/plan.ts).
import { describe, expect, it } from 'vitest';
import { failedResult } from '../../../src/core/district/school.ts';
import { planReads, runOutcome, schoolsOfFolder, schoolsOfList, skippedRows, storedByKey } from '../../../src/core/district/plan.ts';
import type { StoredRead } from '../../../src/core/district/state.ts';
import type { UnitEntry } from '../../../src/core/read/units.ts';

const unit = (row: number, code: string, source: string, blocked = false): UnitEntry => ({ row, code, name: `Trường ${code}`, source, manager: '', email: '', note: '', blocked });
const frame = { asOf: '2024-06-30', period: 'Q2' } as const;
const stored = (code: string, source: string, stamp: string, status: 'ok' | 'notFound' | 'noAccess' | 'unreadable' = 'ok', o: Partial<StoredRead> = {}): StoredRead => ({
  source, code, stamp, ...frame, result: { ...failedResult({ code, name: code, source }, status, ''), ...(status === 'ok' ? { status: 'ok' } : {}) }, titles: { CT01: `title of ${code}` }, ...o,
});

describe('district plan', () => {
  it('the list: rows that can be read, in order; the others named by row', () => {
    const units = [unit(2, 'A', 'a.xlsx'), unit(3, '', 'x.xlsx', true), unit(4, 'B', 'b.xlsx'), unit(5, 'A', 'c.xlsx', true), unit(6, '', '', true)];
    expect(schoolsOfList(units).map((s) => s.code)).toEqual(['A', 'B']);
    expect(skippedRows(units)).toEqual([3, 5]);
    expect(schoolsOfFolder(['x.xlsx'])).toEqual([{ code: '', name: '', source: 'x.xlsx' }]);
  });

  it('keeps a stored read only for the same file unchanged, at the same as-of date and period', () => {
    const schools = schoolsOfList([unit(2, 'A', 'a.xlsx'), unit(3, 'B', 'b.xlsx'), unit(4, 'C', 'c.xlsx'), unit(5, 'D', 'd.xlsx'), unit(6, 'E', 'e.xlsx')]);
    const map = storedByKey([
      stored('A', 'a.xlsx', '1:10'),
      stored('b', ' b.xlsx ', '1:10'), // the key folds the code's case and trims the link
      stored('C', 'c.xlsx', '1:10'),
      stored('D', 'd.xlsx', '1:10', 'notFound'),
      stored('E', 'e.xlsx', '1:10', 'ok', { period: 'Q1' }),
    ]);
    const plan = planReads({ schools, stored: map, stamps: ['1:10', '1:10', '2:10', '1:10', '1:10'], ...frame, full: false });
    expect(plan.map((p) => p?.code ?? null)).toEqual(['A', 'b', null, null, null]);
    expect(planReads({ schools, stored: map, stamps: ['1:10', '1:10', '1:10', '1:10', '1:10'], ...frame, full: true })).toEqual([null, null, null, null, null]);
    expect(planReads({ schools, stored: map, stamps: [null, null, null, null, null], ...frame, full: false })).toEqual([null, null, null, null, null]);
    expect(planReads({ schools, stored: map, stamps: ['1:10', '1:10', '1:10', '1:10', '1:10'], asOf: '2024-06-29', period: 'Q2', full: false })).toEqual([null, null, null, null, null]);
  });

  it('puts outcomes back in list order; a read with no file stamp is kept with an empty one, and read again next time; titles are the first school\'s', () => {
    const schools = schoolsOfList([unit(2, 'A', 'a.xlsx'), unit(3, 'B', 'b.xlsx'), unit(4, 'C', 'c.xlsx')]);
    const kept = stored('A', 'a.xlsx', '1:10');
    const b = failedResult(schools[1]!, 'unreadable', 'crashed');
    const c = { ...failedResult(schools[2]!, 'ok', ''), status: 'ok' as const };
    const run = runOutcome(schools, [
      { kind: 'reused', stored: kept },
      { kind: 'read', result: b, titles: {}, stamp: null },
      { kind: 'read', result: c, titles: { CT01: 'other', CT02: 'two' }, stamp: '5:5' },
    ], frame);
    expect(run.results.map((r) => [r.code, r.reused])).toEqual([['A', true], ['B', false], ['C', false]]);
    expect(run.stored.map((s) => s && [s.code, s.stamp])).toEqual([['A', '1:10'], ['B', ''], ['C', '5:5']]);
    // Kept so the report from the stored reads names it; never reused: the next run reads it again.
    expect(run.stored[1]?.result.status).toBe('unreadable');
    const next = planReads({ schools, stored: storedByKey(run.stored.filter((x) => x !== null)), stamps: ['1:10', '7:7', '5:5'], ...frame, full: false });
    expect(next.map((p) => p?.code ?? null)).toEqual(['A', null, 'C']);
    expect(run.stored[2]).toMatchObject({ ...frame, result: c, titles: { CT01: 'other', CT02: 'two' } });
    expect(run.titles).toEqual({ CT01: 'title of A', CT02: 'two' });
  });
});
