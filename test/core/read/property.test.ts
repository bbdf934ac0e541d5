// Properties of reading: the order of rows, a user's extra column and blank rows change no
// parsed value and no problem found (only row numbers and cells move).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/ports.ts';
import { readSchool } from '../../../src/core/read/index.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { OPTS, headers, row, schoolGrids, type Row } from './fixture.ts';

const cellOf = (...xs: RawCell[]): fc.Arbitrary<RawCell> => fc.constantFrom(...xs);

const taskArb: fc.Arbitrary<Row> = fc.record({
  area: cellOf('LV1', '3', 'Cải cách thể chế', 'cai cach tai chinh cong', 'LV9', ''),
  title: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), cellOf('Nhiệm vụ', 'Niêm yết'.normalize('NFD'))),
  owner: cellOf('Nguyễn Mai Hằng', 'Lê Thị Hòa', 'Người lạ', ''),
  start: cellOf(null, '01/01/2024', '2024-02-01', '31/02/2024'),
  due: cellOf('15/01/2024', '30/06/2024', { date: '2024-09-30' }, 45473, 'sớm'),
  status: cellOf('', 'Hoàn thành', 'đang thực hiện', 'Hủy bỏ', 'Xong rồi'),
  percent: cellOf(null, '50%', 0.3, 80, '120%'),
  doneDate: cellOf(null, '10/01/2024', '01/08/2024'),
  evidence: cellOf(null, 'https://x.vn'),
});

/** A task as read, without where it was. */
const content = (t: object) => JSON.stringify({ ...t, row: 0 });
const issueKey = (i: { sheet: string; code: string; column: string | null; severity: string }) => `${i.sheet}|${i.code}|${i.column}|${i.severity}`;

function read(rows: RawCell[][]) {
  const grids = schoolGrids({ tasks: [] });
  grids['Kế hoạch'] = rows;
  return readSchool(new MemoryWorkbook(grids), OPTS);
}

describe('reading properties', () => {
  it('permuting rows, adding a user column and blank rows changes no parsed value', () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 10, maxLength: 10 }),
        fc.array(fc.nat({ max: 9 }), { maxLength: 3 }),
        (tasks, seed, colPos, extra, blanks) => {
          const h = headers('tasks');
          const base = read([h, ...tasks.map((t) => row('tasks', t))]);

          // Shuffle rows (seeded), insert a user column, sprinkle blank rows.
          const order = tasks.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
          const at = colPos % (h.length + 1);
          const withCol = (r: RawCell[], v: RawCell) => [...r.slice(0, at), v, ...r.slice(at)];
          const body: RawCell[][] = order.map((i, k) => withCol(row('tasks', tasks[i]!), extra[k % extra.length] ?? null));
          for (const b of blanks) body.splice(Math.min(b, body.length), 0, []);
          const moved = read([withCol(h, 'Cột riêng của trường'), ...body]);

          expect(moved.tasks.map(content).sort()).toEqual(base.tasks.map(content).sort());
          expect(moved.issues.map(issueKey).sort()).toEqual(base.issues.map(issueKey).sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('NFD input reads exactly as NFC input', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 6 }), (tasks) => {
        const h = headers('tasks');
        const nfd = (v: RawCell): RawCell => (typeof v === 'string' ? v.normalize('NFD') : v);
        const a = read([h, ...tasks.map((t) => row('tasks', t))]);
        const b = read([h.map((x) => x.normalize('NFD')), ...tasks.map((t) => row('tasks', t).map(nfd))]);
        expect(b.tasks).toEqual(a.tasks);
        expect(b.issues.map((i) => i.code)).toEqual(a.issues.map((i) => i.code));
      }),
      { numRuns: 100 },
    );
  });
});
