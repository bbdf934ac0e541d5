// Timing of computeProgress on a large school: 10,000 tasks, 500 targets, 1,000 initiatives.
// Run: node --import tsx test/core/progress/bench.ts   (prints numbers; asserts nothing)

import { AREA_CODES, type KpiMethod, type TaskStatus } from '../../../src/core/model.ts';
import { computeProgress } from '../../../src/core/progress/compute.ts';
import { buildDashboard } from '../../../src/core/progress/dashboard.ts';
import { computedColumnWrites } from '../../../src/core/progress/writeback.ts';
import { sheetSpec, SHEET_NAMES } from '../../../src/core/contract/sheets.ts';
import { activity, dec, initiative, kpi, quarters, school, task } from './fixtures.ts';
import { atFrame } from '../helpers/frame.ts';

const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + (i % 366) * 86_400_000).toISOString().slice(0, 10);
const statuses: TaskStatus[] = ['notStarted', 'inProgress', 'done', 'paused', 'cancelled'];
const methods: KpiMethod[] = ['cumulative', 'perQuarter', 'latest'];
const owners = Array.from({ length: 60 }, (_, i) => `Nguyễn Thị Hoà ${i}`);

const tasks = Array.from({ length: 10_000 }, (_, i) =>
  task({
    row: i + 2,
    area: AREA_CODES[i % 8]!,
    owner: owners[i % owners.length]!,
    start: i % 3 === 0 ? day(i) : null,
    due: day(i * 7 + 30),
    status: statuses[i % 5]!,
    percent: (i % 101) / 100,
    doneDate: i % 5 === 2 ? day(i * 7 + 25 + (i % 10)) : null,
  }),
);
const kpis = Array.from({ length: 500 }, (_, i) =>
  kpi({
    row: i + 2,
    code: `CT${i}`,
    kind: i % 2 === 0 ? 'ratio' : 'count',
    target: i % 2 === 0 ? dec('0.985') : dec('12.5'),
    method: methods[i % 3]!,
    sourceActivityType: i % 10 === 1 ? 'Hội thi' : null,
    quarters: quarters([dec(String(90 + (i % 10))), dec('100')], [dec('0.333333'), dec('3')], [dec('7'), dec('9')], [dec('1'), dec('1')]),
  }),
);
const initiatives = Array.from({ length: 1_000 }, (_, i) =>
  initiative({ row: i + 2, stage: (['registered', 'accepted', 'proposed', 'stopped'] as const)[i % 4]!, scores: [15.5, 14, 13, 12.25, (i % 20) as number] }),
);
const activities = Array.from({ length: 2_000 }, (_, i) => activity({ row: i + 2, date: day(i), type: i % 2 ? 'Hội thi' : 'Khảo sát' }));

const headerMap = (key: 'tasks' | 'kpis' | 'initiatives', lastRow: number) => ({
  headerRow: 1,
  columns: Object.fromEntries(sheetSpec(key).columns.map((c, i) => [c.key, i + 1])),
  lastRow,
});
const data = school({
  tasks,
  kpis,
  initiatives,
  activities,
  sheets: {
    [SHEET_NAMES.tasks]: headerMap('tasks', 10_001),
    [SHEET_NAMES.kpis]: headerMap('kpis', 501),
    [SHEET_NAMES.initiatives]: headerMap('initiatives', 1_001),
  },
});

const time = (label: string, f: () => unknown, runs = 5): void => {
  f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(runs / 2)]!.toFixed(1)} ms (min ${ms[0]!.toFixed(1)}, max ${ms[runs - 1]!.toFixed(1)})`);
};

const opts = { asOf: '2024-09-30', period: 'Q3' } as const;
time('computeProgress 10,000 tasks / 500 targets / 1,000 initiatives', () => computeProgress(atFrame(data, opts)));
const p = computeProgress(atFrame(data, opts));
time('computedColumnWrites', () => computedColumnWrites(data, p));
time('buildDashboard', () => buildDashboard(data, p, 'vi'));
console.log(`tasks ${p.tasks.total}, overdue ${p.tasks.overdue}, kpis ${p.kpis.length}, people ${p.people.length}, eligible ${p.initiatives.eligible}`);
