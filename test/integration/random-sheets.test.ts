// Random school workbooks in a Google Sheet, driven through the built add-on as the sidebar
// drives it: every call answers ok, or fails with a message meant for the user — never the
// generic SERVER/BAD_OUTPUT answer that stands for a bug (an exception, an output outside the
// API's contract).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateCell, type RawCell } from '../../src/core/ports.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';
import { createRuntime, loadAddon } from '../gas-runtime/index.ts';
import { randomSchool } from '../fixtures/random-school.ts';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** What Sheets holds for a cell: a date cell is a Date at midnight in the sheet's time zone. */
const toSheet = (v: RawCell): unknown => (isDateCell(v) ? new Date(`${v.date}T00:00:00+07:00`) : v === null ? '' : v);

describe('the add-on on random sheets', () => {
  it('answers every sidebar call with a result or a message for the user', () => {
    fc.assert(
      fc.property(randomSchool, (school) => {
        const sheets = Object.fromEntries(Object.entries(school).map(([name, rows]) => [name, rows.map((r) => r.map(toSheet))]));
        const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices(), spreadsheet: { sheets } });
        const addon = loadAddon({ runtime: rt });
        const calls: [string, unknown][] = [
          ['getState', {}],
          ['validate', { asOf: '2024-06-30' }],
          ['markProblems', {}],
          ['updateProgress', {}],
          ['generateReport', { type: 'quarterly', period: 'Q2' }],
          ['generateReport', { type: 'plan' }],
          ['clearMarks', {}],
        ];
        for (const [name, input] of calls) {
          const answer = addon.run(name, input) as Envelope;
          if (!answer.ok) {
            expect(['SERVER', 'BAD_OUTPUT'], `${name}: ${answer.error.message}`).not.toContain(answer.error.code);
            expect(answer.error.message).not.toMatch(/\bat .+:\d+:\d+/);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
