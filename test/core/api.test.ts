import { describe, expect, it, vi } from 'vitest';
import {
  API,
  API_NAMES,
  ApiFailure,
  apiErrorStatus,
  dispatchApiCall,
  isoDateSchema,
  type ApiHandlers,
  type Dashboard,
  type DataErrors,
  type ApiOutput,
  dataErrorsSchema,
} from '../../src/core/api.ts';
import type { AppContext } from '../../src/core/app/context.ts';
import { createHandlers } from '../../src/core/app/handlers.ts';
import { install } from '../../src/core/app/operations.ts';
import { fillSample } from '../../src/core/sample.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';

const summary: Dashboard = {
  asOf: '2024-06-30',
  period: 'Q2',
  tasks: {
    total: 5,
    done: 3,
    byState: { cancelled: 0, doneOnTime: 2, doneLate: 1, overdue: 1, dueSoon: 1, behind: 0, onTrack: 0 },
  },
  kpis: { total: 3, byStatus: { met: 1, near: 1, notMet: 0, notApplicable: 1, noData: 0 } },
  milestones: [{ date: '2024-07-10', label: 'Hạn báo cáo đợt 1', kind: 'phase1' }],
  overdue: [{ row: 7, title: 'Rà soát TTHC', owner: 'Lê Thị Hoà', due: '2024-06-20', daysLate: 10 }],
};

const dataErrors: DataErrors = {
  errors: 4,
  rowsLeftOut: 3,
  sheets: [
    { sheet: 'Thông tin', errors: 1, rowsLeftOut: 0 },
    { sheet: 'Kế hoạch', errors: 2, rowsLeftOut: 2 },
    { sheet: 'Chỉ tiêu', errors: 1, rowsLeftOut: 1 },
  ],
};
const clean: DataErrors = { errors: 0, rowsLeftOut: 0, sheets: [] };

const districtView = {
  progress: {
    asOf: '2024-06-30', period: 'Q2' as const, running: false, total: 2, done: 2, reused: 1, current: null,
    startedAt: '2024-06-30T09:00:00+07:00', updatedAt: '2024-06-30T09:01:00+07:00', readRequests: 1, quotaErrors: 0, byStatus: { ok: 1, noAccess: 1 },
  },
  schools: [{ code: 'MNBT', name: 'MN Bến Thành', source: 'x', status: 'ok' as const, statusLabel: 'Đã đọc', message: '', errors: 0, reused: true, changedAt: null, readAt: null }],
  autoRefresh: { enabled: false, scheduled: false },
  notice: '',
};

const handlers = (): ApiHandlers => ({
  getState: ({ asOf, period }) => ({
    lang: 'vi',
    unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' },
    asOf: asOf ?? '2024-06-30',
    period: period ?? 'Q2',
    planYear: 2024,
    templateInstalled: true,
    templateVersion: 1,
    summary,
    dataErrors,
    validation: null,
  }),
  setLanguage: ({ lang }) => ({ lang }),
  installTemplate: () => ({ templateVersion: 1, createdSheets: [] }),
  validate: ({ asOf }) => ({ templateVersion: 1, asOf: asOf ?? '2024-06-30', issues: [], counts: { error: 0, warning: 0, notice: 0 } }),
  selectCell: (i) => i,
  markProblems: () => ({ marked: 0, sheets: [] }),
  clearMarks: () => ({ sheets: [] }),
  updateProgress: () => ({ summary, counts: { error: 0, warning: 0, notice: 0 }, dataErrors: clean }),
  generateReport: () => ({ url: 'https://docs.google.com/document/d/abc', name: 'Báo cáo quý II', number: '12/BC-MNBT', pdfUrl: 'https://docs.google.com/document/d/abc/export?format=pdf', dataErrors }),
  districtState: () => districtView,
  districtRefresh: () => districtView,
  showPicker: () => ({ shown: true }),
  reminderState: () => ({ enabled: true, scheduled: false, lastMonday: null, notice: '' }),
  setReminders: ({ on }) => ({ enabled: on, scheduled: on, lastMonday: '2024-07-01', notice: '' }),
  rolloverState: () => ({ place: 'none', fromYear: 2024, toYear: 2025 }),
  startRollover: () => ({ place: 'original', fromYear: 2024, toYear: 2025 }),
  rollCopy: () => ({ fromYear: 2024, toYear: 2025, tasks: 14, pastYear: 14, kpis: 16, initiatives: 1, counts: { error: 0, warning: 14, notice: 0 } }),
  pickerConfig: () => ({ configured: false, message: 'not configured', apiKey: null, appId: null, oauthToken: null, texts: { title: '', intro: '', open: '', cancelled: '', picked: '', failed: '' } }),
});

describe('isoDateSchema', () => {
  it.each(['2024-02-29', '2024-12-31', '2023-01-01'])('accepts %s', (d) => {
    expect(isoDateSchema.safeParse(d).success).toBe(true);
  });
  it.each(['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '30/06/2024', '2024-6-30', '', '2024-06-30T00:00'])(
    'refuses %s',
    (d) => {
      expect(isoDateSchema.safeParse(d).success).toBe(false);
    },
  );
});

describe('API schemas', () => {
  it('lists every call with an input and an output schema', () => {
    expect(API_NAMES.sort()).toEqual(
      ['clearMarks', 'districtRefresh', 'districtState', 'generateReport', 'getState', 'installTemplate', 'markProblems', 'pickerConfig', 'reminderState', 'rollCopy', 'rolloverState', 'selectCell', 'setLanguage', 'setReminders', 'showPicker', 'startRollover', 'updateProgress', 'validate'].sort(),
    );
  });
  it('refuses a rollover answer outside the contract (a place it does not know, a negative count)', () => {
    expect(API.rolloverState.output.safeParse({ place: 'copy', fromYear: 2024, toYear: 2025 }).success).toBe(true);
    expect(API.rolloverState.output.safeParse({ place: 'somewhere', fromYear: 2024, toYear: 2025 }).success).toBe(false);
    expect(API.rolloverState.output.safeParse({ place: 'copy', fromYear: 2024 }).success).toBe(false);
    const done = { fromYear: 2024, toYear: 2025, tasks: 14, pastYear: 14, kpis: 16, initiatives: 1, counts: { error: 0, warning: 14, notice: 0 } };
    expect(API.rollCopy.output.safeParse(done).success).toBe(true);
    expect(API.rollCopy.output.safeParse({ ...done, tasks: -1 }).success).toBe(false);
    expect(API.rollCopy.output.safeParse({ ...done, toYear: '2025' }).success).toBe(false);
  });
  it('refuses a cell that is not one A1 reference', () => {
    for (const cell of ['g7', 'G0', 'A1:B2', '7G', 'ABCD1', '=A1']) {
      expect(API.selectCell.input.safeParse({ sheet: 'Kế hoạch', cell }).success, cell).toBe(false);
    }
    expect(API.selectCell.input.safeParse({ sheet: 'Kế hoạch', cell: 'G7' }).success).toBe(true);
  });
  it('refuses a report link that could run script', () => {
    const out = API.generateReport.output;
    expect(out.safeParse({ url: 'javascript:alert(1)', name: 'x', number: '1/BC-X', pdfUrl: null, dataErrors: clean }).success).toBe(false);
    expect(out.safeParse({ url: '/download/bao-cao.docx', name: 'x', number: '1/BC-X', pdfUrl: null, dataErrors: clean }).success).toBe(true);
    expect(out.safeParse({ url: '/download/bao-cao.docx', name: 'x', number: '1/BC-X', pdfUrl: 'javascript:x', dataErrors: clean }).success).toBe(false);
  });
  it('refuses an unknown report type or period', () => {
    expect(API.generateReport.input.safeParse({ type: 'annual' }).success).toBe(false);
    // The district's report is a document type of its own (a district workbook's report button).
    expect(API.generateReport.input.safeParse({ type: 'district' }).success).toBe(true);
    expect(API.generateReport.input.safeParse({ type: 'quarterly', period: 'Q5' }).success).toBe(false);
  });
  it('keeps the summary as plain JSON (round trip is lossless)', () => {
    const state = handlers().getState({});
    expect(JSON.parse(JSON.stringify(state))).toEqual(API.getState.output.parse(state));
  });
});

describe('dispatchApiCall', () => {
  it('answers synchronously when the handler is synchronous (Apps Script cannot await)', () => {
    const r = dispatchApiCall(handlers(), 'setLanguage', { lang: 'en' }, 'vi');
    expect(r).toEqual({ ok: true, value: { lang: 'en' } });
    expect(dispatchApiCall(handlers(), 'setLanguage', { lang: 'fr' }, 'vi')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
  it('awaits an asynchronous handler, and maps its rejection like a throw', async () => {
    const h = handlers();
    h.generateReport = async () => ({ url: '/download/a.docx', name: 'a.docx', number: '01/BC-MNBT', pdfUrl: null, dataErrors: clean });
    const ok = dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'vi');
    expect(ok).toBeInstanceOf(Promise);
    expect(await ok).toEqual({ ok: true, value: { url: '/download/a.docx', name: 'a.docx', number: '01/BC-MNBT', pdfUrl: null, dataErrors: clean } });
    h.generateReport = async () => {
      throw new ApiFailure('QUOTA', 'Đã hết lượt tạo văn bản hôm nay.');
    };
    expect(await dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'vi')).toEqual({ ok: false, error: { code: 'QUOTA', message: 'Đã hết lượt tạo văn bản hôm nay.' } });
  });
  it('returns the validated output', async () => {
    const r = await dispatchApiCall(handlers(), 'validate', { asOf: '2024-03-31' }, 'vi');
    expect(r).toEqual({ ok: true, value: { templateVersion: 1, asOf: '2024-03-31', issues: [], counts: { error: 0, warning: 0, notice: 0 } } });
  });
  it('refuses bad input in the user language without calling the handler', async () => {
    const h = handlers();
    const spy = vi.spyOn(h, 'validate');
    const vi_ = await dispatchApiCall(h, 'validate', { asOf: '31/02/2024' }, 'vi');
    const en = await dispatchApiCall(h, 'validate', { asOf: '31/02/2024' }, 'en');
    expect(spy).not.toHaveBeenCalled();
    expect(vi_).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('không hợp lệ') } });
    expect(en).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('not valid') } });
    expect(apiErrorStatus('BAD_INPUT')).toBe(400);
  });
  it('answers UNKNOWN_CALL for a name outside the contract, including prototype names', async () => {
    for (const name of ['deleteEverything', 'toString', '__proto__']) {
      const r = await dispatchApiCall(handlers(), name, {}, 'en');
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
  });
  it('passes a handler ApiFailure through as is', async () => {
    const h = handlers();
    h.installTemplate = () => {
      throw new ApiFailure('BUSY', 'Đang có người cập nhật, vui lòng thử lại sau.');
    };
    expect(await dispatchApiCall(h, 'installTemplate', {}, 'vi')).toEqual({
      ok: false,
      error: { code: 'BUSY', message: 'Đang có người cập nhật, vui lòng thử lại sau.' },
    });
  });
  it('hides an unexpected exception text (no stack reaches the user) but reports it', async () => {
    const h = handlers();
    h.updateProgress = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'row') at /src/core/x.ts:12");
    };
    const seen: unknown[] = [];
    const r = await dispatchApiCall(h, 'updateProgress', {}, 'vi', (e) => seen.push(e));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SERVER');
      expect(r.error.message).not.toMatch(/undefined|\.ts|at /);
    }
    expect(seen).toHaveLength(1);
  });
  it('refuses a handler answer outside the contract', async () => {
    const h = handlers();
    h.generateReport = () => ({ url: 'javascript:alert(1)', name: 'x', number: '1', pdfUrl: null, dataErrors: clean });
    expect(await dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'en')).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
    h.generateReport = () => ({ url: '/download/x.docx', name: 'x', number: '1', pdfUrl: 'javascript:alert(1)', dataErrors: clean });
    expect(await dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'en')).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
  });
});

describe('the reporting frame and the data errors in the contract', () => {
  const state = () => handlers().getState({}) as ApiOutput<'getState'>;

  it('takes an optional as-of date and period on every call that computes figures', () => {
    for (const name of ['getState', 'validate', 'markProblems', 'updateProgress'] as const) {
      const input = API[name].input;
      expect(input.safeParse({}).success, name).toBe(true);
      expect(input.parse({ asOf: '2024-05-15', period: 'Q2' }), name).toEqual({ asOf: '2024-05-15', period: 'Q2' });
      for (const bad of [{ asOf: '15/05/2024' }, { asOf: '2024-02-30' }, { period: 'Q5' }, { period: 'q2' }, { asOf: 20240515 }]) {
        expect(input.safeParse(bad).success, `${name} ${JSON.stringify(bad)}`).toBe(false);
      }
    }
    expect(API.generateReport.input.safeParse({ type: 'quarterly', asOf: '2024-05-15', period: 'Q2' }).success).toBe(true);
  });

  it('refuses a bad as-of date for getState before the handler runs', async () => {
    const h = handlers();
    const spy = vi.spyOn(h, 'getState');
    expect(await dispatchApiCall(h, 'getState', { asOf: '31/12/2024' }, 'vi')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(spy).not.toHaveBeenCalled();
    expect(await dispatchApiCall(h, 'getState', { asOf: '2024-03-31', period: 'Q1' }, 'vi')).toMatchObject({ ok: true, value: { asOf: '2024-03-31', period: 'Q1', planYear: 2024 } });
  });

  it('requires the plan year and the data errors in getState, null only where nothing is known', () => {
    const out = API.getState.output;
    expect(out.safeParse(state()).success).toBe(true);
    expect(out.safeParse({ ...state(), planYear: null, dataErrors: null, summary: null, templateInstalled: false }).success).toBe(true);
    const { planYear: _p, ...noYear } = state();
    const { dataErrors: _d, ...noErrors } = state();
    expect(out.safeParse(noYear).success).toBe(false);
    expect(out.safeParse(noErrors).success).toBe(false);
    for (const planYear of [0, 2024.5, '2024']) expect(out.safeParse({ ...state(), planYear }).success, String(planYear)).toBe(false);
  });

  it('refuses data errors that do not add up, or with counts that are not whole and positive', () => {
    const schema = dataErrorsSchema;
    expect(schema.safeParse(dataErrors).success).toBe(true);
    expect(schema.safeParse(clean).success).toBe(true);
    expect(schema.safeParse({ ...dataErrors, rowsLeftOut: 2 }).success).toBe(false);
    expect(schema.safeParse({ ...dataErrors, errors: 3 }).success).toBe(false);
    expect(schema.safeParse({ errors: 1, rowsLeftOut: -1, sheets: [{ sheet: 'Kế hoạch', errors: 1, rowsLeftOut: -1 }] }).success).toBe(false);
    expect(schema.safeParse({ errors: 1, rowsLeftOut: 1.5, sheets: [{ sheet: 'Kế hoạch', errors: 1, rowsLeftOut: 1.5 }] }).success).toBe(false);
    expect(schema.safeParse({ errors: 1, rowsLeftOut: 0, sheets: [{ sheet: '', errors: 1, rowsLeftOut: 0 }] }).success).toBe(false);
  });

  it('answers BAD_OUTPUT when the server leaves the data errors out of a report or a progress update', async () => {
    const h = handlers();
    h.generateReport = () => ({ url: '/download/a.docx', name: 'a.docx', number: '01/BC-MNBT' }) as ApiOutput<'generateReport'>;
    h.updateProgress = () => ({ summary, counts: { error: 0, warning: 0, notice: 0 } }) as ApiOutput<'updateProgress'>;
    expect(await dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'vi')).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
    expect(await dispatchApiCall(h, 'updateProgress', {}, 'vi')).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
    expect(await dispatchApiCall(handlers(), 'generateReport', { type: 'plan' }, 'vi')).toMatchObject({ ok: true, value: { dataErrors } });
  });

  it('keeps the new fields as plain JSON', () => {
    expect(JSON.parse(JSON.stringify(state()))).toEqual(API.getState.output.parse(state()));
  });
});

describe('the real handlers: the frame asked, its defaults, and the rows left out', () => {
  /** The handlers answer synchronously on a synchronous workbook (as in Apps Script). */
  const now = <T,>(v: T | Promise<T>): T => {
    if (v instanceof Promise) throw new Error('expected a synchronous answer');
    return v;
  };
  const clockAt = (today: string) => ({ today: () => today, now: () => `${today}T09:00:00+07:00` });

  function school(today = '2024-06-30'): { ctx: AppContext; book: MemoryWorkbook } {
    const book = new MemoryWorkbook();
    const ctx: AppContext = {
      workbook: book,
      clock: clockAt(today),
      documents: { createDocument: (_m, { name }) => ({ id: name, url: `https://docs.google.com/document/d/${name}/edit`, name }) },
      prefs: { getLang: () => 'vi', setLang: () => undefined },
      user: () => 'hieutruong@mnbenthanh.edu.vn',
      selectCell: () => undefined,
      withLock: (fn) => ({ ran: true, value: fn() }),
    };
    install(ctx, { lang: 'vi' });
    fillSample(book);
    return { ctx, book };
  }

  /** Set one cell of a sheet by its header. */
  function put(book: MemoryWorkbook, sheet: string, row: number, header: string, value: string): void {
    const values = book.sheets.get(sheet)!.values;
    const col = values[0]!.indexOf(header);
    expect(col, header).toBeGreaterThanOrEqual(0);
    values[row - 1]![col] = value;
  }

  it('settles the as-of date and period as the workbook contract says, and gives the plan year', () => {
    const h = createHandlers(school('2024-06-30').ctx);
    expect(now(h.getState({}))).toMatchObject({ asOf: '2024-06-30', period: 'Q2', planYear: 2024, summary: { asOf: '2024-06-30', period: 'Q2' } });
    expect(now(h.getState({ period: 'Q1' }))).toMatchObject({ asOf: '2024-03-31', period: 'Q1', summary: { asOf: '2024-03-31', period: 'Q1' } });
    expect(now(h.getState({ asOf: '2024-05-15' }))).toMatchObject({ asOf: '2024-05-15', period: 'Q2' });
    expect(now(h.getState({ asOf: '2024-05-15', period: 'Q4' }))).toMatchObject({ asOf: '2024-05-15', period: 'Q4' });
    // Today past the plan year: its last day.
    expect(now(createHandlers(school('2025-02-10').ctx).getState({}))).toMatchObject({ asOf: '2024-12-31', period: 'Q4', planYear: 2024 });
    // No template: the frame is still settled, with no plan year.
    const empty = createHandlers({ ...school().ctx, workbook: new MemoryWorkbook() });
    expect(now(empty.getState({ period: 'Q1' }))).toMatchObject({ templateInstalled: false, asOf: '2024-03-31', period: 'Q1', planYear: null, dataErrors: null });
  });

  it('counts the errors and the distinct rows they keep out, per sheet, the same in state, progress and report', () => {
    const { ctx, book } = school();
    const h = createHandlers(ctx);
    const before = now(h.getState({}));
    expect(before.dataErrors).toEqual({ errors: 0, rowsLeftOut: 0, sheets: [] });
    // Row 3: two errors (one row left out); row 5: one; row 7: an over-long note, which breaks
    // no figure (the row still counts); Nhân sự: a bad e-mail (the person still counts).
    put(book, 'Kế hoạch', 3, 'Hạn hoàn thành', '31/02/2024');
    put(book, 'Kế hoạch', 3, 'Bắt đầu', '45/01/2024');
    put(book, 'Kế hoạch', 5, 'Lĩnh vực', 'LV99');
    put(book, 'Kế hoạch', 7, 'Ghi chú', 'x'.repeat(2001));
    put(book, 'Nhân sự', 3, 'Email', 'thuy.pham@');

    const after = now(h.getState({}));
    const errors = after.dataErrors!;
    const validated = now(h.validate({}));
    expect(errors.errors).toBe(validated.counts.error);
    expect(errors.sheets).toEqual([
      { sheet: 'Nhân sự', errors: 1, rowsLeftOut: 0 },
      { sheet: 'Kế hoạch', errors: 4, rowsLeftOut: 2 },
    ]);
    expect(errors.rowsLeftOut).toBe(2);
    // The figures on screen leave out exactly those rows.
    expect(after.summary!.tasks.total).toBe(before.summary!.tasks.total - 2);
    expect(API.getState.output.safeParse(after).success).toBe(true);

    const progress = now(h.updateProgress({}));
    expect(progress.dataErrors).toEqual(errors);
    const report = now(h.generateReport({ type: 'quarterly' }));
    expect(report.dataErrors).toEqual(errors);
    expect(API.generateReport.output.safeParse(report).success).toBe(true);
  });

  it('counts every row of a sheet whose required column is gone', () => {
    const { ctx, book } = school();
    const h = createHandlers(ctx);
    const total = now(h.getState({})).summary!.tasks.total;
    const values = book.sheets.get('Kế hoạch')!.values;
    const col = values[0]!.indexOf('Hạn hoàn thành');
    for (const row of values) row.splice(col, 1);
    const errors = now(h.getState({})).dataErrors!;
    const plan = errors.sheets.find((s) => s.sheet === 'Kế hoạch');
    expect(plan?.rowsLeftOut).toBeGreaterThanOrEqual(total);
  });
});
