// Long lists of a report are capped with a line saying how many were left out and which sheet
// holds them; usual lists are printed whole.

import { describe, expect, it } from 'vitest';
import { capLongLists, DOCUMENT_LIST_CHARS, fitCount, LIST_ALWAYS_WHOLE, LIST_MAX_ITEMS, listBudget } from '../../../src/core/report/cap.ts';
import { bullets, cell, DECREE_30_PAGE, modelText, type DocModel, type TableBlock } from '../../../src/core/report/doc-model.ts';

const model = (blocks: DocModel['blocks'], type: DocModel['meta']['type'] = 'quarterly'): DocModel => ({
  modelVersion: 1,
  meta: { type, number: 1, symbol: 'BC', unitCode: 'X', date: '2024-01-01', name: 'n' },
  page: DECREE_30_PAGE,
  blocks,
});
const table = (n: number): TableBlock => ({
  kind: 'table',
  caption: '',
  columns: [{ header: 'Nhiệm vụ', width: 1, align: 'left' }],
  rows: Array.from({ length: n }, (_, i) => [cell(`Nhiệm vụ ${i + 1}`)]),
  note: '',
  size: 13,
});

describe('capLongLists', () => {
  it('leaves a usual report unchanged', () => {
    const m = model([bullets(Array.from({ length: 300 }, (_, i) => `Việc ${i}`)), table(400)]);
    expect(capLongLists(m)).toEqual(m);
  });

  it('a list past LIST_MAX_ITEMS keeps its first items and says how many more, and where', () => {
    const m = model([bullets(Array.from({ length: 2500 }, (_, i) => `Việc ${i}`))]);
    const text = modelText(capLongLists(m));
    expect(text).toHaveLength(LIST_MAX_ITEMS + 1);
    expect(text[0]).toBe('- Việc 0');
    expect(text.at(-1)).toBe('- … và 2000 mục khác: danh sách đầy đủ ở trang “Kế hoạch” của bảng tính.');
  });

  it('a capped table is followed by a note; an initiatives report points to “Sáng kiến”', () => {
    const text = modelText(capLongLists(model([table(1500)], 'initiatives')));
    expect(text.at(-1)).toBe('Bảng trên liệt kê 500 trong tổng số 1500 dòng; danh sách đầy đủ ở trang “Sáng kiến” của bảng tính.');
  });

  it('the lists of one document share a budget, but a short list is never cut', () => {
    const long = (k: number) => bullets(Array.from({ length: 900 }, (_, i) => `${k}:${i} ${'x'.repeat(200)}`));
    const m = model([long(1), long(2), long(3), long(4), long(5), bullets(['Tóm tắt 1', 'Tóm tắt 2']), long(6)]);
    const out = capLongLists(m);
    const chars = modelText(out).reduce((n, t) => n + t.length, 0);
    expect(chars).toBeLessThan(DOCUMENT_LIST_CHARS + 20_000);
    expect(modelText(out)).toContain('- Tóm tắt 1');
  });

  it('fitCount: a list of at most LIST_ALWAYS_WHOLE items is whole even with no budget left', () => {
    expect(fitCount(Array.from({ length: LIST_ALWAYS_WHOLE }, () => 10), { chars: 0 })).toBe(LIST_ALWAYS_WHOLE);
    expect(fitCount(Array.from({ length: LIST_ALWAYS_WHOLE + 1 }, () => 10), { chars: 0 })).toBe(0);
    expect(fitCount([5, 5, 5], listBudget())).toBe(3);
  });
});
