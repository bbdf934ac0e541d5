import { describe, expect, it } from 'vitest';
import { sheetSpec, SHEET_NAMES } from '../../../src/core/contract/sheets.ts';
import type { SchoolData, SheetHeaderMap } from '../../../src/core/model.ts';
import { computeProgress } from '../../../src/core/progress/compute.ts';
import { buildDashboard, dashboardSummary, upcomingMilestones } from '../../../src/core/progress/dashboard.ts';
import { computedColumnWrites } from '../../../src/core/progress/writeback.ts';
import { writeProgress } from '../../../src/core/app/write-progress.ts';
import { textBar } from '../../../src/core/progress/cells.ts';
import { dec, initiative, kpi, quarters, school, task } from './fixtures.ts';
import { RecordingWorkbook } from './helpers.ts';
import { atFrame } from '../helpers/frame.ts';

type Key = 'tasks' | 'kpis' | 'initiatives';

/** Header maps as the installer lays the sheets out, optionally shifted down and to the right. */
function headerMap(key: Key, lastRow: number, opts: { headerRow?: number; offset?: number; reverse?: boolean } = {}): SheetHeaderMap {
  const keys = sheetSpec(key).columns.map((c) => c.key);
  const ordered = opts.reverse ? [...keys].reverse() : keys;
  return {
    headerRow: opts.headerRow ?? 1,
    columns: Object.fromEntries(ordered.map((k, i) => [k, i + 1 + (opts.offset ?? 0)])),
    lastRow,
  };
}

const computedCols = (map: SheetHeaderMap, key: Key): Set<number> =>
  new Set(sheetSpec(key).columns.filter((c) => c.computed).map((c) => map.columns[c.key]!));

function sample(opts: { headerRow?: number; offset?: number; reverse?: boolean; extraTasks?: number } = {}): SchoolData {
  const h = opts.headerRow ?? 1;
  const tasks = [
    task({ row: h + 1, status: 'done', due: '2024-06-10', doneDate: '2024-06-01', title: 'Rà soát quy chế' }),
    task({ row: h + 2, due: '2024-06-01', title: '=HYPERLINK("http://x")', owner: 'Trần Văn Thuý' }),
    task({ row: h + 3, due: '2024-06-01', blocked: true }),
    task({ row: h + 4, due: '2024-07-05', title: 'Cập nhật trang web' }),
    ...Array.from({ length: opts.extraTasks ?? 0 }, (_, i) => task({ row: h + 5 + i, due: '2024-12-31' })),
  ];
  const kpis = [
    kpi({ row: h + 1, code: 'CT01', target: dec('0.98'), quarters: quarters([dec('197'), dec('200')]) }),
    kpi({ row: h + 2, code: 'CT02', method: 'perQuarter', quarters: quarters([dec('3'), dec('3')], [dec('2'), dec('2')]) }),
    kpi({ row: h + 3, code: 'CT03', blocked: true }),
    kpi({ row: h + 4, code: 'CT04', kind: 'yesno', target: true }),
  ];
  const initiatives = [
    initiative({ row: h + 1, stage: 'accepted', scores: [20, 15, 15, 10, 10] }),
    initiative({ row: h + 2, stage: 'accepted', scores: [20, 15, 15, 10, null] }),
    initiative({ row: h + 3, stage: 'registered', blocked: true, scores: [20, 20, 20, 20, 20] }),
  ];
  const lastTask = tasks[tasks.length - 1]!.row;
  return school({
    tasks,
    kpis,
    initiatives,
    sheets: {
      [SHEET_NAMES.tasks]: headerMap('tasks', lastTask, opts),
      [SHEET_NAMES.kpis]: headerMap('kpis', h + 4, opts),
      [SHEET_NAMES.initiatives]: headerMap('initiatives', h + 3, opts),
    },
  });
}

const OPTS = { asOf: '2024-06-30', period: 'Q2' } as const;

/** A workbook holding the sheets the data was read from. */
function portFor(data: SchoolData): RecordingWorkbook {
  const port = new RecordingWorkbook();
  for (const name of Object.keys(data.sheets)) port.ensureSheet(name);
  port.calls.length = 0;
  return port;
}

describe('computed columns write-back', () => {
  it.each<[string, { headerRow?: number; offset?: number; reverse?: boolean }]>([
    ['installed layout', {}],
    ['title rows above the header, columns moved right', { headerRow: 3, offset: 2 }],
    ['columns in reverse order', { reverse: true }],
  ])('%s: writes only ⚙ columns, one block per run of adjacent ones, header+1 to lastRow', (_n, opts) => {
    const data = sample(opts);
    const port = portFor(data);
    writeProgress(port, data, computeProgress(atFrame(data, OPTS)), { lang: 'vi', now: '2024-06-30T09:15:00+07:00', user: 'hieutruong@example.edu.vn' });
    const h = opts.headerRow ?? 1;
    for (const key of ['tasks', 'kpis', 'initiatives'] as const) {
      const name = SHEET_NAMES[key];
      const map = data.sheets[name]!;
      const blocks = port.calls.filter((c) => c.method === 'writeBlock' && c.sheet === name);
      const computed = [...computedCols(map, key)].sort((a, b) => a - b);
      // Runs of adjacent ⚙ columns, as the header has them: each is one block.
      const runs = computed.filter((c, i) => computed[i - 1] !== c - 1).length;
      expect(blocks.length).toBe(runs);
      const covered: number[] = [];
      for (const b of blocks) {
        expect(b).toMatchObject({ row: h + 1, rows: map.lastRow - h });
        for (let c = b.col!; c < b.col! + b.cols!; c++) covered.push(c);
      }
      // Every ⚙ column once, no input column.
      expect(covered.sort((a, b) => a - b)).toEqual(computed);
      for (const f of port.calls.filter((c) => c.method === 'writeFormats' && c.sheet === name)) {
        for (let c = f.col!; c < f.col! + f.cols!; c++) expect(computedCols(map, key).has(c)).toBe(true);
      }
    }
    const t = data.sheets[SHEET_NAMES.tasks]!.columns;
    expect(port.get(SHEET_NAMES.tasks, h + 1, t.state!)).toBe('Hoàn thành đúng hạn');
    expect(port.get(SHEET_NAMES.tasks, h + 2, t.state!)).toBe('Quá hạn');
    expect(port.get(SHEET_NAMES.tasks, h + 3, t.state!)).toBeNull(); // blocked: left blank
    expect(port.get(SHEET_NAMES.tasks, h + 4, t.state!)).toBe('Sắp đến hạn');
    const k = data.sheets[SHEET_NAMES.kpis]!.columns;
    expect(port.get(SHEET_NAMES.kpis, h + 1, k.value!)).toBe(0.985);
    expect(port.formats.get(SHEET_NAMES.kpis)!.get(`${h + 1},${k.value}`)).toBe('0.0%');
    expect(port.get(SHEET_NAMES.kpis, h + 1, k.achievement!)).toBeCloseTo(0.985 / 0.98, 12);
    expect(port.get(SHEET_NAMES.kpis, h + 1, k.evaluation!)).toBe('Đạt');
    expect(port.get(SHEET_NAMES.kpis, h + 2, k.value!)).toBe('2/2 quý');
    expect(port.get(SHEET_NAMES.kpis, h + 3, k.evaluation!)).toBeNull();
    expect(port.get(SHEET_NAMES.kpis, h + 4, k.evaluation!)).toBe('Chưa có số liệu');
    const s = data.sheets[SHEET_NAMES.initiatives]!.columns;
    expect(port.get(SHEET_NAMES.initiatives, h + 1, s.totalScore!)).toBe(70);
    expect(port.get(SHEET_NAMES.initiatives, h + 1, s.award!)).toBe('Đủ điều kiện');
    expect(port.get(SHEET_NAMES.initiatives, h + 2, s.totalScore!)).toBeNull();
    expect(port.get(SHEET_NAMES.initiatives, h + 2, s.award!)).toBe('Chưa đủ điều kiện');
    expect(port.get(SHEET_NAMES.initiatives, h + 3, s.award!)).toBeNull();
  });

  it('overwrites stale computed values of rows no longer counted with blanks', () => {
    const data = sample();
    const col = data.sheets[SHEET_NAMES.tasks]!.columns.state!;
    const port = portFor(data);
    port.writeBlock(SHEET_NAMES.tasks, 4, col, [['Quá hạn']]);
    for (const w of computedColumnWrites(data, computeProgress(atFrame(data, OPTS)))) port.writeBlock(w.sheet, w.row, w.col, w.values);
    expect(port.get(SHEET_NAMES.tasks, 4, col)).toBeNull();
  });

  it('never writes a computed column found on an input column (damaged header map)', () => {
    const data = sample();
    const map = data.sheets[SHEET_NAMES.tasks]!;
    map.columns.state = map.columns.title!;
    const writes = computedColumnWrites(data, computeProgress(atFrame(data, OPTS)));
    expect(writes.filter((w) => w.sheet === SHEET_NAMES.tasks)).toEqual([]);
  });

  it('skips a sheet or column that is missing', () => {
    const data = sample();
    delete data.sheets[SHEET_NAMES.initiatives];
    delete data.sheets[SHEET_NAMES.kpis]!.columns.achievement;
    const writes = computedColumnWrites(data, computeProgress(atFrame(data, OPTS)));
    expect(writes.map((w) => `${w.sheet}:${w.key}`)).toEqual(['Kế hoạch:state', 'Chỉ tiêu:value', 'Chỉ tiêu:evaluation']);
  });

  it('costs the same number of calls for 4 rows as for 2,000', () => {
    const count = (extra: number): number => {
      const data = sample({ extraTasks: extra });
      const port = portFor(data);
      writeProgress(port, data, computeProgress(atFrame(data, OPTS)), { lang: 'vi', now: '2024-06-30T09:15:00+07:00', user: '' });
      return port.calls.length;
    };
    expect(count(2000)).toBe(count(0));
  });
});

describe('Tổng hợp and Nhật ký', () => {
  const data = sample();
  const progress = computeProgress(atFrame(data, OPTS));

  it('recomputing twice gives the same sheet, and a log row each time', () => {
    const port = portFor(data);
    const opts = { lang: 'vi' as const, now: '2024-06-30T09:15:00+07:00', user: 'hieutruong@example.edu.vn' };
    writeProgress(port, data, progress, opts);
    const first = port.grid('Tổng hợp');
    writeProgress(port, data, progress, { ...opts, now: '2024-06-30T10:00:00+07:00' });
    expect(port.grid('Tổng hợp')).toEqual(first);
    const log = port.grid('Nhật ký');
    expect(log[0]).toEqual(['Thời gian', 'Người dùng', 'Thao tác', 'Kết quả']);
    expect(log).toHaveLength(3);
    expect(log[1]!.slice(0, 3)).toEqual(['30/06/2024 09:15', 'hieutruong@example.edu.vn', 'Cập nhật tiến độ']);
    expect(log[2]![0]).toBe('30/06/2024 10:00');
    expect(String(log[1]![3])).toContain('1/3 nhiệm vụ hoàn thành, 1 quá hạn');
  });

  it('shows the as-of date, areas with bars, targets, stages, milestones and overdue tasks', () => {
    const sheet = buildDashboard(data, progress, 'vi');
    const text = sheet.values.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? c.date : String(c))).join('|'));
    // Row 2: the as-of date as a date cell at B2 (the Kế hoạch colours read it), then the period.
    expect(sheet.values[1]!.slice(0, 5)).toEqual(['Tính đến ngày', { date: '2024-06-30' }, null, 'Kỳ báo cáo', 'Quý II năm 2024']);
    expect(sheet.formats[1]![1]).toBe('dd/mm/yyyy');
    expect(text[2]).toBe('Trường Mầm non Bến Thành||||||');
    const lv1 = text.find((l) => l.startsWith('1. Công tác chỉ đạo'))!;
    // 3 counted tasks in LV1: 1 done, 0 late, 1 overdue; 1 of 3 = 33,3% (one decimal, as the reports)
    expect(lv1).toBe('1. Công tác chỉ đạo, điều hành và truyền thông cải cách hành chính|3|1|1|0|1|███░░░░░░░ 33,3%');
    expect(text).toContain('Đạt|2|||||██████░░░░ 66,7%'); // CT01, CT02 of 3 counted: 2/3 = 66,7%
    expect(text).toContain('Đã nghiệm thu|2|||||██████████ 100%');
    expect(text).toContain('Đủ điều kiện đề xuất khen thưởng|1|||||');
    // Milestones: the task due 05/07 (5 days), the phase-2 deadline is months away.
    expect(text).toContain('Cập nhật trang web|2024-07-05|5|Lê Thị Hoà|||');
    // The overdue task title typed like a formula is copied as it is (the adapters write it as
    // text: test/contract/workbook-port.contract.ts).
    const overdueLine = sheet.values.find((r) => typeof r[0] === 'string' && r[0].includes('HYPERLINK'))!;
    expect(overdueLine[0]).toBe('=HYPERLINK("http://x")');
    expect(overdueLine.slice(1)).toEqual([{ date: '2024-06-01' }, 29, 'Trần Văn Thuý', 3, null, null]);
    // Dates get a date format; every row is as wide as the block.
    const r = sheet.values.indexOf(overdueLine);
    expect(sheet.formats[r]![1]).toBe('dd/mm/yyyy');
    expect(new Set(sheet.values.map((l) => l.length)).size).toBe(1);
    expect(sheet.style.monospaceColumns).toEqual([7]);
  });

  it('speaks English with lang en', () => {
    const text = buildDashboard(data, progress, 'en').values.flat().filter((c): c is string => typeof c === 'string');
    expect(text).toContain('1. TASKS BY AREA');
    expect(text).toContain('As of');
    expect(text).toContain('Report period');
    expect(text).toContain('Q2 2024');
    expect(text).toContain('Met');
  });

  it('lists campaign deadlines within 30 days, both ends included, soonest first', () => {
    const d = school({
      settings: { ...data.settings, registrationDeadline: '2024-06-30', phase1Deadline: '2024-07-30', phase2Deadline: '2024-07-31', awardDossierDeadline: '2024-06-29' },
      tasks: [task({ row: 2, due: '2024-07-30', title: 'Báo cáo' }), task({ row: 3, status: 'done', due: '2024-07-01', doneDate: '2024-06-01' })],
    });
    const p = computeProgress(atFrame(d, OPTS));
    expect(upcomingMilestones(d, p, 'vi')).toEqual([
      { date: '2024-06-30', kind: 'registration', label: 'Hạn đăng ký sáng kiến' },
      { date: '2024-07-30', kind: 'phase1', label: 'Hạn báo cáo đợt 1' },
      { date: '2024-07-30', kind: 'taskDue', label: 'Báo cáo' },
    ]);
    expect(dashboardSummary(d, p, 'vi')).toMatchObject({ tasks: { total: 2, byState: { onTrack: 1, doneOnTime: 1 } }, overdue: [] });
  });

  it('writes "Không có" when nothing is upcoming or overdue', () => {
    const d = school({ settings: { ...data.settings, registrationDeadline: null, phase1Deadline: null, phase2Deadline: null, awardDossierDeadline: null } });
    const flat = buildDashboard(d, computeProgress(atFrame(d, OPTS)), 'vi').values.flat();
    expect(flat.filter((c) => c === 'Không có')).toHaveLength(2);
  });
});

describe('textBar', () => {
  it.each([
    [0, '░░░░░░░░░░ 0%'],
    [0.6, '██████░░░░ 60%'],
    [0.995, '█████████░ 99,5%'],
    [2 / 3, '██████░░░░ 66,7%'],
    [0.9994, '█████████░ 99,9%'],
    [1, '██████████ 100%'],
    [null, ''],
  ])('%s → %s', (share, bar) => {
    expect(textBar(share)).toBe(bar);
  });
});
