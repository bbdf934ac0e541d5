// A past quarter, reported later: the figures are as they stood on the as-of date (the workbook contract
// "As-of date and period"). The expected counts are read off the sample's rows by hand
// (src/core/sample.ts: 34 tasks; LV1 7, LV2 3, LV3 6, LV4 3, LV5 4, LV6 4, LV7 4, LV8 3; eight
// tasks done on or before 31/03/2024, one of them late: "kế hoạch tuyên truyền", due 29/02, done
// 05/03).

import { describe, expect, it } from 'vitest';
import { installTemplate } from '../../src/core/install.ts';
import { fillSample, SAMPLE_SCHOOL } from '../../src/core/sample.ts';
import { readSchool } from '../../src/core/read/school.ts';
import { computeProgress } from '../../src/core/progress/compute.ts';
import { buildReport } from '../../src/core/report/report.ts';
import { modelText } from '../../src/core/report/doc-model.ts';
import { validateSchool } from '../../src/core/validate.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';

function sample(): MemoryWorkbook {
  const port = new MemoryWorkbook();
  installTemplate(port, { lang: 'vi', today: SAMPLE_SCHOOL.asOf, name: SAMPLE_SCHOOL.name, code: SAMPLE_SCHOOL.code, year: SAMPLE_SCHOOL.year });
  fillSample(port);
  return port;
}

describe('a Q1 report made in July', () => {
  const data = readSchool(sample(), { lang: 'vi', today: '2024-07-20', period: 'Q1' });

  it('is as of 31/03 and finds no error in tasks finished since', () => {
    expect(data.frame).toEqual({ today: '2024-07-20', asOf: '2024-03-31', period: 'Q1', year: 2024 });
    expect(validateSchool(data).counts.error).toBe(0);
    expect(data.tasks.filter((t) => t.blocked)).toEqual([]);
  });

  it('counts every task, in every area, by its state on 31/03', () => {
    const p = computeProgress(data);
    expect(p.asOf).toBe('2024-03-31');
    expect(p.tasks.total).toBe(34);
    expect(Object.fromEntries(Object.entries(p.tasks.byArea).map(([a, c]) => [a, c.total]))).toEqual({ LV1: 7, LV2: 3, LV3: 6, LV4: 3, LV5: 4, LV6: 4, LV7: 4, LV8: 3 });
    expect([p.tasks.done, p.tasks.doneOnTime, p.tasks.doneLate]).toEqual([8, 7, 1]);
    // "Cập nhật Quy chế chi tiêu nội bộ": due 31/03, done 10/04. On 31/03 it was due that day.
    const rule = data.tasks.find((t) => t.title.startsWith('Cập nhật Quy chế chi tiêu nội bộ'))!;
    expect(p.tasks.rows.find((r) => r.row === rule.row)?.state).toBe('dueSoon');
    // Done 10/06 ("Báo cáo 6 tháng", due 10/06): open on 31/03, and not yet due.
    const half = data.tasks.find((t) => t.title.startsWith('Báo cáo kết quả công tác CCHC 6 tháng'))!;
    expect(p.tasks.rows.find((r) => r.row === half.row)?.state).toBe('onTrack');
  });

  it('never says an area has no task', () => {
    const p = computeProgress(data);
    const text = modelText(buildReport('quarterly', data, p, { date: '2024-07-20', number: 1 })).join('\n');
    expect(text).not.toContain('không có nhiệm vụ thuộc lĩnh vực này');
    expect(text).toContain('quý I');
  });

  it('says the same in December as in July: the figures belong to the as-of date, not to today', () => {
    const later = readSchool(sample(), { lang: 'vi', today: '2024-12-01', period: 'Q1' });
    expect(computeProgress(later)).toEqual(computeProgress(data));
  });
});
