// Document numbers are used once (the report contract (README)): a report that fails to render takes none.
import { describe, expect, it } from 'vitest';
import { generateReport, install } from '../../../src/core/app/operations.ts';
import type { AppContext } from '../../../src/core/app/context.ts';
import { fillSample } from '../../../src/core/sample.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';

const clock = { today: () => '2024-07-05', now: () => '2024-07-05T09:00:00+07:00' };

function school(): AppContext {
  const book = new MemoryWorkbook();
  const ctx: AppContext = {
    workbook: book,
    clock,
    documents: { createDocument: () => { throw new Error('no documents in this test'); } },
    prefs: { getLang: () => 'vi', setLang: () => undefined },
    user: () => 'hieutruong@mnbenthanh.edu.vn',
    selectCell: () => undefined,
    withLock: (fn) => ({ ran: true, value: fn() }),
  };
  install(ctx, { lang: 'vi' });
  fillSample(book);
  return ctx;
}

const made: string[] = [];
const okDocuments = { createDocument: (_m: unknown, { name }: { name: string }) => (made.push(name), { id: name, url: `https://docs.google.com/document/d/${name}/edit`, name }) };

describe('generateReport numbering', () => {
  it('burns no number when the document cannot be made, and logs nothing', () => {
    const base = school();
    const logBefore = base.workbook.readSheet('Nhật ký')!.values.length;
    const failing: AppContext = { ...base, documents: { createDocument: () => { throw new Error('Service Docs failed'); } } };
    expect(() => generateReport(failing, { lang: 'vi', type: 'quarterly', period: 'Q2', asOf: '2024-06-30' })).toThrow('Service Docs failed');
    expect(base.workbook.readSheet('Nhật ký')!.values.length).toBe(logBefore);

    const working: AppContext = { ...base, documents: okDocuments };
    const first = generateReport(working, { lang: 'vi', type: 'quarterly', period: 'Q2', asOf: '2024-06-30' });
    expect('then' in first).toBe(false);
    expect((first as { number: string }).number).toBe('01/BC-MNBT');
    const second = generateReport(working, { lang: 'vi', type: 'initiatives', asOf: '2024-06-30' }) as { number: string };
    expect(second.number).toBe('02/BC-MNBT');
  });

  it('regenerates in place with the number given, and never hands it out again', () => {
    const ctx: AppContext = { ...school(), documents: okDocuments };
    const again = generateReport(ctx, { lang: 'vi', type: 'plan', asOf: '2024-06-30', number: 4 }) as { number: string };
    expect(again.number).toBe('04/KH-MNBT');
    const next = generateReport(ctx, { lang: 'vi', type: 'plan', asOf: '2024-06-30' }) as { number: string };
    expect(next.number).toBe('05/KH-MNBT');
  });

  it('refuses a number that is not a positive whole number before making anything', () => {
    const ctx: AppContext = { ...school(), documents: okDocuments };
    const before = made.length;
    expect(() => generateReport(ctx, { lang: 'vi', type: 'plan', asOf: '2024-06-30', number: 0 })).toThrow(/không hợp lệ/);
    expect(made.length).toBe(before);
  });
});
