// The same school in a Google Sheet (the built add-on in the offline runtime) and in an .xlsx
// file (the cchc path) must come out with the same figures: the same ⚙ columns, the same
// dashboard, the same validation.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { install, updateProgress, validateWorkbook } from '../../src/core/app/operations.ts';
import { isDateCell, type RawCell, type WorkbookPort } from '../../src/core/ports.ts';
import { fillSample } from '../../src/core/sample.ts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';
import { createRuntime, loadAddon } from '../gas-runtime/index.ts';

const AS_OF = '2024-06-30';
const clock = { today: () => AS_OF, now: () => '2024-06-30T09:00:00+07:00' };

/** A sheet's values as plain comparable data (dates as ISO, blanks as ''). */
function plain(port: WorkbookPort, sheet: string): string[][] {
  const grid = port.readSheet(sheet);
  const norm = (v: RawCell): string => (v === null || v === undefined ? '' : isDateCell(v) ? v.date : String(v));
  const rows = (grid?.values ?? []).map((r) => r.map(norm));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')).map((r) => {
    // Trailing empty cells differ between the two stores only by how far a sheet reaches.
    while (r.length && r.at(-1) === '') r.pop();
    return r;
  });
}

describe('Google Sheet and .xlsx give the same figures', () => {
  it('for the sample school as of 30/06/2024', async () => {
    // Google Sheets: the built add-on, driven through google.script.run.
    const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
    const addon = loadAddon({ runtime: rt });
    expect((addon.run('installTemplate', {}) as { ok: boolean }).ok).toBe(true);
    const sheetPort = new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never);
    rt.core.uncounted(() => fillSample(sheetPort));
    const validated = addon.run('validate', { asOf: AS_OF }) as { ok: true; value: { counts: unknown; issues: unknown[] } };
    const updated = addon.run('updateProgress', { asOf: AS_OF, period: 'Q2' }) as { ok: boolean };
    expect(updated.ok).toBe(true);

    // .xlsx: the local path, saved and read back from the file.
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-same-'));
    const file = path.join(dir, 'school.xlsx');
    const book = XlsxWorkbook.create();
    const ctx = localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock });
    install(ctx, { lang: 'vi' });
    fillSample(book);
    const local = validateWorkbook(ctx, { lang: 'vi', asOf: AS_OF });
    updateProgress(ctx, { lang: 'vi', asOf: AS_OF, period: 'Q2' });
    await book.save(file);
    const reopened = await XlsxWorkbook.open(file);

    expect(validated.value.counts).toEqual(local.counts);
    expect(validated.value.issues).toEqual(local.issues);
    const gasPort = new SpreadsheetWorkbook(rt.active as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, rt.services as never);
    for (const sheet of ['Tổng hợp', 'Kế hoạch', 'Chỉ tiêu', 'Sáng kiến']) {
      expect(rt.core.uncounted(() => plain(gasPort, sheet)), sheet).toEqual(plain(reopened, sheet));
    }
    // And the dashboard says something: 34 tasks, some overdue.
    const dashboard = plain(reopened, 'Tổng hợp').flat().join(' ');
    expect(dashboard).toContain('Quá hạn');
    const states = plain(reopened, 'Kế hoạch').map((r) => r.at(-1));
    expect(states).toContain('Hoàn thành đúng hạn');
    expect(states).toContain('Quá hạn');
  });
});
