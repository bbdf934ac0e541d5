import { describe, expect, it } from 'vitest';
import { reportingFrame } from '../../src/core/frame.ts';

const f = (today: string, year: number | null, asOf?: string, period?: 'Q1' | 'Q2' | 'Q3' | 'Q4') => {
  const { asOf: a, period: p, year: y } = reportingFrame(today, year, { asOf, period });
  return [a, p, y];
};

describe('the reporting frame (the workbook contract "As-of date and period")', () => {
  it('defaults to today, or 31 December of the plan year when today is later', () => {
    expect(f('2024-05-10', 2024)).toEqual(['2024-05-10', 'Q2', 2024]);
    expect(f('2025-01-15', 2024)).toEqual(['2024-12-31', 'Q4', 2024]);
    expect(f('2026-12-02', 2024)).toEqual(['2024-12-31', 'Q4', 2024]);
  });
  it('takes the as-of date\'s year as the plan year when Năm is missing', () => {
    expect(f('2024-05-10', null)).toEqual(['2024-05-10', 'Q2', 2024]);
  });
  it('keeps today whatever the as-of date', () => {
    expect(reportingFrame('2024-07-20', 2024, { period: 'Q1' })).toEqual({ today: '2024-07-20', asOf: '2024-03-31', period: 'Q1', year: 2024 });
  });
  it('ends an as-of date at the end of a period that ended earlier', () => {
    expect(f('2024-05-10', 2024, '2024-03-31')).toEqual(['2024-03-31', 'Q1', 2024]);
    expect(f('2024-08-10', 2024, undefined, 'Q2')).toEqual(['2024-06-30', 'Q2', 2024]);
    expect(f('2024-07-20', 2024, '2024-07-20', 'Q1')).toEqual(['2024-03-31', 'Q1', 2024]);
    expect(f('2025-03-01', 2024, undefined, 'Q3')).toEqual(['2024-09-30', 'Q3', 2024]);
  });
  it('leaves an as-of date inside a later period as it is', () => {
    expect(f('2024-05-10', 2024, undefined, 'Q4')).toEqual(['2024-05-10', 'Q4', 2024]);
  });
  it('keeps the period in the plan year for an as-of date asked for outside it', () => {
    // After the plan year: Q4 of the plan year, so the figures stop at 31/12.
    expect(f('2025-06-01', 2024, '2025-03-01')).toEqual(['2024-12-31', 'Q4', 2024]);
    // Before it: Q1, and the date stays (no quarter is to date yet).
    expect(f('2024-06-01', 2024, '2023-12-15')).toEqual(['2023-12-15', 'Q1', 2024]);
  });
});
