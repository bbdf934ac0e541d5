// Write-back on a full workbook grid: whatever the data, no input cell (nor a user's own column)
// changes; only the ⚙ columns of the data rows do.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetSpec, SHEET_NAMES } from '../../../src/core/contract/sheets.ts';
import type { RawCell } from '../../../src/core/ports.ts';
import type { SheetHeaderMap } from '../../../src/core/model.ts';
import { computeProgress } from '../../../src/core/progress/compute.ts';
import { writeProgress } from '../../../src/core/app/write-progress.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { dec, initiative, kpi, quarters, school, task } from './fixtures.ts';
import { atFrame } from '../helpers/frame.ts';

type Key = 'tasks' | 'kpis' | 'initiatives';
const KEYS: Key[] = ['tasks', 'kpis', 'initiatives'];

/** A sheet with a title row, the header on row `h`, a user's own column inserted at `userCol`. */
function layout(key: Key, h: number, userCol: number, rows: number): { map: SheetHeaderMap; grid: RawCell[][]; computed: Set<number> } {
  const cols = sheetSpec(key).columns;
  const columns: Record<string, number> = {};
  const computed = new Set<number>();
  cols.forEach((c, i) => {
    const at = i + 1 >= userCol ? i + 2 : i + 1;
    columns[c.key] = at;
    if (c.computed) computed.add(at);
  });
  const width = cols.length + 1;
  const grid: RawCell[][] = [];
  for (let r = 1; r <= h + rows; r++) grid.push(Array.from({ length: width }, (_, c) => `${r < h ? 'title' : r === h ? 'header' : 'cell'} ${r},${c + 1}`));
  return { map: { headerRow: h, columns, lastRow: h + rows }, grid, computed };
}

describe('write-back keeps every input cell', () => {
  it('for any data, header position and user column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 })), { minLength: 0, maxLength: 12 }),
        (h, userCol, rows) => {
          const n = rows.length;
          const tasks = rows.map(([blocked, d], i) => task({ row: h + 1 + i, blocked, due: `2024-${String(1 + (d % 12)).padStart(2, '0')}-15` }));
          const kpis = rows.map(([blocked, d], i) => kpi({ row: h + 1 + i, blocked, quarters: quarters([dec(String(d)), dec('200')]) }));
          const initiatives = rows.map(([blocked, d], i) => initiative({ row: h + 1 + i, blocked, stage: 'accepted', scores: [20, 20, 20, 20, d % 21] }));
          const layouts = Object.fromEntries(KEYS.map((k) => [k, layout(k, h, userCol, n)])) as Record<Key, ReturnType<typeof layout>>;
          const data = school({
            tasks,
            kpis,
            initiatives,
            sheets: Object.fromEntries(KEYS.map((k) => [SHEET_NAMES[k], layouts[k].map])),
          });
          const port = new MemoryWorkbook(Object.fromEntries(KEYS.map((k) => [SHEET_NAMES[k], layouts[k].grid.map((r) => [...r])])));
          writeProgress(port, data, computeProgress(atFrame(data, { asOf: '2024-06-30', period: 'Q2' })), { lang: 'vi', now: '2024-06-30T09:00:00+07:00', user: 'u' });
          for (const k of KEYS) {
            const { grid, computed } = layouts[k];
            grid.forEach((line, r) =>
              line.forEach((before, c) => {
                const after = port.cell(SHEET_NAMES[k], r + 1, c + 1);
                if (!computed.has(c + 1) || r + 1 <= h) expect(after).toBe(before);
                else expect(after).not.toBe(before); // every data row's ⚙ cell is rewritten (value or blank)
              }),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
