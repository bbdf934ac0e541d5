// Whatever people type or paste, the core answers with problems at cells, never an exception:
// random cells under the template's headers go through reading, validation, progress, the
// dashboard, the write-back and every report.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHOOL_SHEETS, SETTINGS, type ColumnSpec } from '../../src/core/contract/index.ts';
import type { RawCell } from '../../src/core/ports.ts';
import { computeProgress, writeProgress } from '../../src/core/progress/index.ts';
import { readSchool, resolveAsOf } from '../../src/core/read/index.ts';
import { buildReport, REPORT_TYPES } from '../../src/core/report/report.ts';
import { validateSchool } from '../../src/core/validate.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';

/** Cells as they come from Sheets or Excel: text of every kind, numbers, booleans, dates, blanks. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '31/02/2024', '10/6/2024', '2024-06-10', '0/0/0', '98,5%', '150%', '-3', '1e308', 'NaN', 'Infinity', '=HYPERLINK("x")',
    'LV3', '9', 'Hoàn thành', 'hoàn thành'.normalize('NFD'), 'Tỷ lệ', 'Số lượng', 'Có/Không', 'Xếp loại', 'Khá', '≥', '<=',
    'Lũy kế', 'Từng quý', 'Kỳ gần nhất', 'Hoạt động: Hội thi', 'Hoạt động: ???', 'Đã nghiệm thu', 'Dừng', 'Có', 'Không',
    'Hoàn thành xuất sắc nhiệm vụ', '  ', '\n', 'x'.repeat(2500),
  ),
);
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  text,
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date('1899-01-01'), max: new Date('2101-01-01'), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
);

const PEOPLE = ['Nguyễn Mai Hằng', 'Lê Thị Hoà', 'Lê Thị Hòa'.normalize('NFD'), 'Hiệu trưởng', 'A, B'];

/** A value that fits the column most of the time (so rows reach the figures), anything sometimes. */
function plausible(c: ColumnSpec): fc.Arbitrary<RawCell> {
  const date = fc.integer({ min: 0, max: 730 }).map((d) => ({ date: new Date(Date.UTC(2023, 6, 1) + d * 86_400_000).toISOString().slice(0, 10) }));
  const fitting: fc.Arbitrary<RawCell> = (() => {
    switch (c.type.kind) {
      case 'date': return fc.oneof(date, date.map((d) => d.date.split('-').reverse().join('/')));
      case 'area': return fc.constantFrom('LV1', 'LV3', 'LV8', 3, '7. Chính quyền số');
      case 'enum': return fc.constantFrom(...c.type.enum.options.map((o) => o.vi));
      case 'ratio': return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('98%', '98,5%', 100));
      case 'number': case 'score': return fc.integer({ min: 0, max: 25 });
      case 'kpiValue': return fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('Có', 'Không', 'Khá', 'Tốt', '99%'));
      case 'kpiSource': return fc.constantFrom('', 'Hoạt động: Hội thi', 'Hoạt động: Bài viết trên trang thông tin điện tử');
      case 'rating': return fc.constantFrom('Khá', 'Tốt', 'Hoàn thành tốt nhiệm vụ');
      case 'yesNo': return fc.constantFrom('Có', 'Không');
      default: return c.key.toLowerCase().includes('owner') || c.header.includes('Chủ trì') || c.header.includes('Họ') || c.header.includes('Tác giả')
        ? fc.constantFrom(...PEOPLE)
        : fc.oneof(fc.constantFrom('CT01', 'CT02', 'Nhiệm vụ'), fc.string({ maxLength: 6 }));
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: cell });
}

/** `Thông tin`: every label, each with a random value (a year among them, sometimes). */
const settings = fc.array(fc.oneof(cell, fc.constantFrom(2023, 2024, 2024, 2025)), { minLength: SETTINGS.length, maxLength: SETTINGS.length }).map((values) =>
  SETTINGS.map((s, i) => [s.label, values[i] ?? null] as RawCell[]),
);

const workbook = fc
  .tuple(settings, fc.record(
    Object.fromEntries(
      SCHOOL_SHEETS.filter((s) => s.role === 'input').map((s) => [s.key, fc.array(fc.tuple(...s.columns.map(plausible)), { maxLength: 8 })]),
    ) as Record<string, fc.Arbitrary<RawCell[][]>>,
  ))
  .map(([info, rows]) => {
    const init: Record<string, RawCell[][]> = {};
    for (const s of SCHOOL_SHEETS) {
      const header = s.columns.map((c) => c.header);
      init[s.name] = s.role === 'input' ? [header, ...(rows[s.key] ?? [])] : s.key === 'settings' ? [header, ...info] : [header];
    }
    return init;
  });

describe('the core never throws on what people type', () => {
  it('reads, validates, computes, writes back and builds every report', () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom('2024-03-31', '2024-06-30', '2026-11-21'), (init, today) => {
        const port = new MemoryWorkbook(init);
        const data = readSchool(port, { lang: 'vi', today });
        const { asOf, period } = resolveAsOf(today, data.settings.year);
        const result = validateSchool(data, asOf);
        for (const issue of result.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          if (issue.cell !== null) expect(issue.cell).toMatch(/^[A-Z]+[1-9][0-9]*$/);
        }
        const progress = computeProgress(data, { asOf, period });
        writeProgress(port, data, progress, { lang: 'vi', now: `${today}T09:00:00+07:00`, user: '' });
        for (const type of REPORT_TYPES) {
          const model = buildReport(type, data, progress, { period, asOf, date: today, number: 1, lang: 'vi' });
          expect(model.blocks.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
