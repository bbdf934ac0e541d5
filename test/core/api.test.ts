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
} from '../../src/core/api.ts';

const summary: Dashboard = {
  asOf: '2024-06-30',
  period: 'Q2',
  tasks: {
    total: 5,
    byState: { cancelled: 0, doneOnTime: 2, doneLate: 1, overdue: 1, dueSoon: 1, behind: 0, onTrack: 0 },
  },
  kpis: { total: 3, byStatus: { met: 1, near: 1, notMet: 0, notApplicable: 1, noData: 0 } },
  milestones: [{ date: '2024-07-10', label: 'Hạn báo cáo đợt 1', kind: 'phase1' }],
  overdue: [{ row: 7, title: 'Rà soát TTHC', owner: 'Lê Thị Hoà', due: '2024-06-20', daysLate: 10 }],
};

const handlers = (): ApiHandlers => ({
  getState: () => ({
    lang: 'vi',
    unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' },
    asOf: '2024-06-30',
    period: 'Q2',
    templateInstalled: true,
    templateVersion: 1,
    summary,
  }),
  setLanguage: ({ lang }) => ({ lang }),
  installTemplate: () => ({ templateVersion: 1, createdSheets: [] }),
  validate: ({ asOf }) => ({ templateVersion: 1, asOf: asOf ?? '2024-06-30', issues: [], counts: { error: 0, warning: 0, notice: 0 } }),
  selectCell: (i) => i,
  markProblems: () => ({ marked: 0, sheets: [] }),
  clearMarks: () => ({ sheets: [] }),
  updateProgress: () => ({ summary, counts: { error: 0, warning: 0, notice: 0 } }),
  generateReport: () => ({ url: 'https://docs.google.com/document/d/abc', name: 'Báo cáo quý II', number: '12/BC-MNBT' }),
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
      ['clearMarks', 'generateReport', 'getState', 'installTemplate', 'markProblems', 'selectCell', 'setLanguage', 'updateProgress', 'validate'].sort(),
    );
  });
  it('refuses a cell that is not one A1 reference', () => {
    for (const cell of ['g7', 'G0', 'A1:B2', '7G', 'ABCD1', '=A1']) {
      expect(API.selectCell.input.safeParse({ sheet: 'Kế hoạch', cell }).success, cell).toBe(false);
    }
    expect(API.selectCell.input.safeParse({ sheet: 'Kế hoạch', cell: 'G7' }).success).toBe(true);
  });
  it('refuses a report link that could run script', () => {
    const out = API.generateReport.output;
    expect(out.safeParse({ url: 'javascript:alert(1)', name: 'x', number: '1/BC-X' }).success).toBe(false);
    expect(out.safeParse({ url: '/download/bao-cao.docx', name: 'x', number: '1/BC-X' }).success).toBe(true);
  });
  it('refuses an unknown report type or period', () => {
    expect(API.generateReport.input.safeParse({ type: 'district' }).success).toBe(false);
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
    h.generateReport = async () => ({ url: '/download/a.docx', name: 'a.docx', number: '01/BC-MNBT' });
    const ok = dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'vi');
    expect(ok).toBeInstanceOf(Promise);
    expect(await ok).toEqual({ ok: true, value: { url: '/download/a.docx', name: 'a.docx', number: '01/BC-MNBT' } });
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
    h.generateReport = () => ({ url: 'javascript:alert(1)', name: 'x', number: '1' });
    expect(await dispatchApiCall(h, 'generateReport', { type: 'plan' }, 'en')).toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
  });
});
