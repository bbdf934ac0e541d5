// Whatever people type or paste, the core answers with problems at cells, never an exception:
// random cells under the template's headers go through reading, validation, progress, the
// dashboard, the write-back and every report.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomSchool } from '../fixtures/random-school.ts';
import { computeProgress } from '../../src/core/progress/index.ts';
import { writeProgress } from '../../src/core/app/write-progress.ts';
import { readSchool } from '../../src/core/read/index.ts';
import { buildReport, REPORT_TYPES } from '../../src/core/report/report.ts';
import { validateSchool } from '../../src/core/validate.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';

describe('the core never throws on what people type', () => {
  it('reads, validates, computes, writes back and builds every report', () => {
    fc.assert(
      fc.property(randomSchool, fc.constantFrom('2024-03-31', '2024-06-30', '2026-11-21'), (init, today) => {
        const port = new MemoryWorkbook(init);
        const data = readSchool(port, { lang: 'vi', today });
        const { asOf, period } = data.frame;
        const result = validateSchool(data);
        for (const issue of result.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          if (issue.cell !== null) expect(issue.cell).toMatch(/^[A-Z]+[1-9][0-9]*$/);
        }
        const progress = computeProgress(data);
        writeProgress(port, data, progress, { lang: 'vi', now: `${today}T09:00:00+07:00`, user: '' });
        for (const type of REPORT_TYPES) {
          const model = buildReport(type, data, progress, { date: today, number: 1, lang: 'vi' });
          expect(model.blocks.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
