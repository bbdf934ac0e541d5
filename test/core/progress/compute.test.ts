import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_CODES, type Activity, type Initiative, type InitiativeStage, type Kpi, type SchoolData, type Task } from '../../../src/core/model.ts';
import { computeProgress } from '../../../src/core/progress/compute.ts';
import { initiativeProgress, isEligible, totalScore } from '../../../src/core/progress/initiatives.ts';
import { TASK_STATES } from '../../../src/core/progress/tasks.ts';
import { activity, dec, initiative, kpi, quarters, school, settings, task } from './fixtures.ts';
import { atFrame } from '../helpers/frame.ts';

const OPTS = { asOf: '2024-06-30', period: 'Q2' } as const;

describe('computeProgress', () => {
  it('carries the unit, template version, as-of date and period', () => {
    const p = computeProgress(atFrame(school(), OPTS));
    expect(p).toMatchObject({ templateVersion: 1, asOf: '2024-06-30', period: 'Q2', unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' } });
    expect(Object.keys(p)).toEqual(['templateVersion', 'asOf', 'period', 'unit', 'tasks', 'kpis', 'kpiCounts', 'people', 'initiatives']);
  });

  it('moves the as-of date to the end of a period that ended earlier, for tasks and targets', () => {
    const data = school({
      tasks: [task({ due: '2024-04-10' })],
      kpis: [kpi({ quarters: quarters([dec('1'), dec('2')], [dec('2'), dec('2')]) })],
    });
    const p = computeProgress(atFrame(data, { asOf: '2024-06-30', period: 'Q1' }));
    expect(p.asOf).toBe('2024-03-31');
    // 10/04 is 10 days after 31/03: on track, not overdue as it would be on 30/06.
    expect(p.tasks.rows[0]!.state).toBe('onTrack');
    expect(p.kpis[0]).toMatchObject({ value: 0.5, status: 'notMet' });
  });

  it('counts a period later than the as-of date only up to the as-of date', () => {
    const data = school({ kpis: [kpi({ kind: 'count', target: dec('1'), quarters: quarters([dec('1'), null], null, [dec('5'), null]) })] });
    expect(computeProgress(atFrame(data, { asOf: '2024-05-15', period: 'Q3' })).kpis[0]).toMatchObject({ value: 1 });
  });

  it('uses the tolerance and minimum score from settings', () => {
    const data = school({
      settings: settings({ tolerance: 0.1, minAwardScore: 60 }),
      kpis: [kpi({ quarters: quarters([dec('90'), dec('100')]) })],
      initiatives: [initiative({ stage: 'recognised', scores: [12, 12, 12, 12, 12] })],
    });
    const p = computeProgress(atFrame(data, OPTS));
    expect(p.kpis[0]!.status).toBe('near');
    expect(p.initiatives.eligible).toBe(1);
  });

  it('matches the the CLI contract (README) shape', () => {
    const data = school({
      tasks: [task({ area: 'LV3' })],
      kpis: [kpi({ code: 'CT01', method: 'perQuarter', quarters: quarters([dec('1'), dec('1')]) })],
    });
    const p = computeProgress(atFrame(data, OPTS));
    expect(p.tasks.byArea.LV3).toEqual({ total: 1, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, behind: 0, onTrack: 1, cancelled: 0 });
    expect(p.kpis[0]).toEqual({ code: 'CT01', area: 'LV3', kind: 'ratio', direction: '>=', target: 1, value: 1, achievement: null, status: 'met', quarters: { judged: 1, met: 1 } });
    expect(p.kpiCounts).toEqual({ met: 1, near: 0, notMet: 0, notApplicable: 0, noData: 0 });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('initiatives', () => {
  it.each<[string, Partial<Initiative>, number | null, boolean]>([
    ['accepted with 70 points is eligible', { stage: 'accepted', scores: [20, 15, 15, 10, 10] }, 70, true],
    ['69,5 points is not', { stage: 'accepted', scores: [20, 15, 14.5, 10, 10] }, 69.5, false],
    ['decimal scores add exactly: 14,1 + 14,2 + 14,3 + 14,2 + 13,2 = 70', { stage: 'proposed', scores: [14.1, 14.2, 14.3, 14.2, 13.2] }, 70, true],
    ['a missing score: no total, not eligible', { stage: 'recognised', scores: [20, 20, 20, 20, null] }, null, false],
    ['legality 0 is not eligible', { stage: 'recognised', scores: [0, 20, 20, 20, 20] }, 80, false],
    ['before acceptance is not eligible', { stage: 'done', scores: [20, 20, 20, 20, 20] }, 100, false],
    ['stopped is not eligible', { stage: 'stopped', scores: [20, 20, 20, 20, 20] }, 100, false],
    ['a row with an error is not eligible', { stage: 'accepted', hasError: true, scores: [20, 20, 20, 20, 20] }, 100, false],
  ])('%s', (_n, over, total, eligible) => {
    const i = initiative(over);
    expect(totalScore(i)).toBe(total);
    expect(isEligible(i, 70)).toBe(eligible);
  });

  it('counts by stage, blocked rows left out', () => {
    const p = initiativeProgress(
      [
        initiative({ stage: 'registered' }),
        initiative({ stage: 'registered', blocked: true, hasError: true }),
        initiative({ stage: 'inProgress' }),
        initiative({ stage: 'accepted', scores: [20, 20, 20, 20, 20] }),
        initiative({ stage: 'stopped' }),
      ],
      70,
      '2024-06-30',
    );
    expect(p).toEqual({ total: 4, byStage: { registered: 1, inProgress: 1, done: 0, accepted: 1, proposed: 0, recognised: 0, stopped: 1 }, eligible: 1 });
  });

  it('leaves out an initiative registered after the as-of date: it did not exist yet then', () => {
    const all = [initiative({ registered: '2024-03-01' }), initiative({ registered: '2024-05-02', stage: 'inProgress' })];
    expect(initiativeProgress(all, 70, '2024-03-31').total).toBe(1);
    expect(initiativeProgress(all, 70, '2024-05-02').byStage).toMatchObject({ registered: 1, inProgress: 1 });
  });
});

// ------------------------------------------------------------------ properties

const date = fc.integer({ min: 0, max: 365 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const owner = fc.constantFrom('Lê Thị Hoà', 'lê thị hòa', 'Trần Văn Thuý', 'TRẦN VĂN THÚY', 'Nguyễn Mai Hằng');

const taskArb: fc.Arbitrary<Task> = fc
  .record({
    area: fc.constantFrom(...AREA_CODES),
    owner,
    start: fc.option(date),
    due: date,
    status: fc.constantFrom('notStarted', 'inProgress', 'done', 'paused', 'cancelled' as const),
    percent: fc.option(fc.integer({ min: 0, max: 100 }).map((x) => x / 100)),
    doneDate: fc.option(date),
    blocked: fc.boolean(),
  })
  .map((r) => task({ ...r, status: r.status as Task['status'] }));

const decimalArb = fc.integer({ min: 0, max: 400 }).map((x) => dec(String(x / 4)));
const entryArb = fc.record({ achieved: fc.option(decimalArb), total: fc.option(decimalArb) });
const kpiArb: fc.Arbitrary<Kpi> = fc
  .record({
    kind: fc.constantFrom('ratio', 'count' as const),
    direction: fc.constantFrom('>=', '<=' as const),
    method: fc.constantFrom('cumulative', 'perQuarter', 'latest' as const),
    target: decimalArb,
    q: fc.tuple(entryArb, entryArb, entryArb, entryArb),
    fromActivities: fc.boolean(),
    blocked: fc.boolean(),
  })
  .map((r) =>
    kpi({
      kind: r.kind as Kpi['kind'],
      direction: r.direction as Kpi['direction'],
      method: r.method as Kpi['method'],
      target: r.target,
      quarters: r.q,
      sourceActivityType: r.fromActivities ? 'Hội thi' : null,
      blocked: r.blocked,
    }),
  );
const initiativeArb: fc.Arbitrary<Initiative> = fc
  .record({
    stage: fc.constantFrom<InitiativeStage>('registered', 'inProgress', 'done', 'accepted', 'proposed', 'recognised', 'stopped'),
    scores: fc.tuple(...Array.from({ length: 5 }, () => fc.option(fc.integer({ min: 0, max: 20 })))),
    hasError: fc.boolean(),
    blocked: fc.boolean(),
  })
  .map((r) => initiative({ ...r, scores: r.scores as Initiative['scores'] }));
const activityArb: fc.Arbitrary<Activity> = fc
  .record({ date, type: fc.constantFrom('Hội thi', 'Khảo sát'), blocked: fc.boolean() })
  .map((r) => activity(r));

const schoolArb: fc.Arbitrary<SchoolData> = fc
  .record({
    tasks: fc.array(taskArb, { maxLength: 40 }),
    kpis: fc.array(kpiArb, { maxLength: 15 }),
    initiatives: fc.array(initiativeArb, { maxLength: 10 }),
    activities: fc.array(activityArb, { maxLength: 15 }),
  })
  .map((r) => school(r));
const optsArb = fc.record({ asOf: date, period: fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4' as const) });

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('properties', () => {
  it('counts always add up', () => {
    fc.assert(
      fc.property(schoolArb, optsArb, (data, opts) => {
        const p = computeProgress(atFrame(data, opts));
        const t = p.tasks;
        expect(t.total).toBe(sum(TASK_STATES.map((s) => t[s])));
        expect(t.done).toBe(t.doneOnTime + t.doneLate);
        expect(t.total).toBe(t.rows.length);
        for (const key of ['total', 'done', ...TASK_STATES] as const) expect(sum(AREA_CODES.map((a) => t.byArea[a][key]))).toBe(t[key]);
        for (const a of AREA_CODES) expect(t.byArea[a].total).toBe(sum(TASK_STATES.map((s) => t.byArea[a][s])));
        expect(sum(p.people.map((x) => x.total))).toBe(t.total);
        expect(sum(p.people.map((x) => x.done))).toBe(t.done);
        expect(sum(p.people.map((x) => x.overdue))).toBe(t.overdue);
        for (const x of p.people) expect(x.doneAhead).toBeLessThanOrEqual(x.doneOnTime);
        expect(sum(Object.values(p.kpiCounts))).toBe(p.kpis.length);
        expect(sum(Object.values(p.initiatives.byStage))).toBe(p.initiatives.total);
        expect(p.initiatives.eligible).toBeLessThanOrEqual(p.initiatives.total);
        expect(p.tasks.total).toBe(data.tasks.filter((x) => !x.blocked && (x.status === 'cancelled' || x.status !== 'done' || x.doneDate !== null)).length);
      }),
      { numRuns: 300 },
    );
  });

  it('a permutation of rows changes no figure', () => {
    fc.assert(
      fc.property(schoolArb, optsArb, fc.integer(), (data, opts, seed) => {
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled = school({
          tasks: shuffle(data.tasks),
          kpis: shuffle(data.kpis),
          initiatives: shuffle(data.initiatives),
          activities: shuffle(data.activities),
        });
        expect(computeProgress(atFrame(shuffled, opts))).toEqual(computeProgress(atFrame(data, opts)));
      }),
      { numRuns: 200 },
    );
  });

  it('adding blocked rows changes no figure', () => {
    const blocked = <T extends { blocked: boolean }>(arb: fc.Arbitrary<T>) => arb.map((x) => ({ ...x, blocked: true }));
    fc.assert(
      fc.property(
        schoolArb,
        optsArb,
        fc.array(blocked(taskArb), { maxLength: 5 }),
        fc.array(blocked(kpiArb), { maxLength: 5 }),
        fc.array(blocked(initiativeArb), { maxLength: 5 }),
        fc.array(blocked(activityArb), { maxLength: 5 }),
        (data, opts, t, k, i, a) => {
          const more = school({
            tasks: [...data.tasks, ...t],
            kpis: [...data.kpis, ...k],
            initiatives: [...data.initiatives, ...i],
            activities: [...data.activities, ...a],
          });
          expect(computeProgress(atFrame(more, opts))).toEqual(computeProgress(atFrame(data, opts)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
