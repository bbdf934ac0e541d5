// One as-of date, the same figures in every view (issue: true for any date): the CLI's JSON, the
// sidebar's status, `Tổng hợp` as written in the file, and the quarterly report, for a past
// quarter reported later (Q1 of the sample school, in July).
import { rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/app/handlers.ts';
import { generateReport } from '../../src/core/app/operations.ts';
import { modelText, type DocModel } from '../../src/core/report/doc-model.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { run, tempDir } from '../node/cli-helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { CCHC_TODAY: '2024-07-20' };
const clock = { today: () => '2024-07-20', now: () => '2024-07-20T09:00:00+07:00' };

describe('Q1 of the sample, seen on 20/07/2024', () => {
  it('the CLI, the sidebar, Tổng hợp and the report say the same', async () => {
    const file = path.join(dir, 'truong.xlsx');
    expect((await run(['init', file, '--sample'], env)).code).toBe(0);
    const cli = JSON.parse((await run(['progress', file, '--json', '--period', 'Q1', '--write'], env)).out);
    expect(cli.asOf).toBe('2024-03-31');
    // Hand-counted from the sample (test/core/past-quarter.test.ts): 34 tasks (one cancelled), 8 done by 31/03.
    expect([cli.tasks.total, cli.tasks.done, cli.tasks.cancelled]).toEqual([34, 8, 1]);

    // Tổng hợp, read back with exceljs directly: B2 holds the date; the Cộng row the counts.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const dash = wb.getWorksheet('Tổng hợp')!;
    expect((dash.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe('2024-03-31');
    let sum: unknown[] = [];
    dash.eachRow((row) => {
      if (row.getCell(1).value === 'Cộng' && sum.length === 0) sum = [2, 3, 4, 5, 6].map((c) => row.getCell(c).value);
    });
    expect(sum).toEqual([cli.tasks.total, cli.tasks.done, cli.tasks.doneOnTime, cli.tasks.doneLate, cli.tasks.overdue]);

    // The sidebar: the same frame asked through getState.
    const book = await XlsxWorkbook.open(file);
    const ctx = localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock });
    const state = await createHandlers(ctx).getState({ period: 'Q1' });
    expect(state.asOf).toBe('2024-03-31');
    expect(state.summary!.tasks.total).toBe(cli.tasks.total);
    expect(state.summary!.tasks.byState).toMatchObject({ overdue: cli.tasks.overdue, dueSoon: cli.tasks.dueSoon, onTrack: cli.tasks.onTrack });
    expect(state.summary!.kpis.byStatus).toEqual(cli.kpiCounts);

    // The report, as the principal would print it.
    let model: DocModel | null = null;
    const reportCtx = { ...ctx, documents: { createDocument: (m: DocModel) => ((model = m), { id: 'x', url: 'https://x.test/d', name: 'd' }) } };
    await generateReport(reportCtx, { lang: 'vi', type: 'quarterly', period: 'Q1', date: '2024-07-20' });
    const text = modelText(model!).join('\n');
    expect(text).toContain('số liệu tính đến ngày 31/03/2024');
    expect(text).toContain(`Hoàn thành ${cli.tasks.done}/${cli.tasks.total - cli.tasks.cancelled} nhiệm vụ`);
    expect(text).not.toContain('không có nhiệm vụ thuộc lĩnh vực này');
  });
});
