// 10,000 plan tasks read and validate with one read per sheet. The time is printed, not asserted.

import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/core/validate.ts';
import { OPTS, school, type Row } from './fixture.ts';

describe('a large plan', () => {
  it('reads and validates 10,000 task rows', () => {
    const tasks: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
      stt: i + 1,
      area: `LV${(i % 8) + 1}`,
      title: `Nhiệm vụ số ${i + 1} về cải cách hành chính`,
      owner: i % 3 === 0 ? 'Lê Thị Hòa' : 'Nguyễn Mai Hằng',
      start: '02/01/2024',
      due: `${(i % 28) + 1}/${(i % 12) + 1}/2024`,
      status: i % 4 === 0 ? 'Hoàn thành' : 'Đang thực hiện',
      percent: i % 4 === 0 ? '100%' : '50%',
      doneDate: i % 4 === 0 ? '01/01/2024' : null,
      evidence: i % 8 === 0 ? 'https://x.vn' : null,
    }));
    const wb = school({ tasks });
    const t0 = performance.now();
    const r = validate(wb, OPTS);
    const ms = performance.now() - t0;
    console.log(`read+validate 10,000 tasks: ${ms.toFixed(0)} ms, ${r.issues.length} issues`);
    expect(wb.calls.readSheet).toBe(6);
    // Every 4th task is done; half of those lack evidence (warning); done dates before start are fine.
    expect(r.counts.warning).toBe(1250);
  });
});
