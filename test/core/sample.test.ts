// The sample school (seed 001, Trường Mầm non Bến Thành 2024) installs, fills and validates clean,
// and shows the mix a principal expects on 30/06/2024.

import { describe, expect, it } from 'vitest';
import { installTemplate } from '../../src/core/install.ts';
import { fillSample, SAMPLE_SCHOOL, SAMPLE_TASKS, SAMPLE_KPIS, SAMPLE_PEOPLE, SAMPLE_ACTIVITIES, SAMPLE_INITIATIVES } from '../../src/core/sample.ts';
import { validate } from '../../src/core/validate.ts';
import { readSchool } from '../../src/core/read/school.ts';
import { computeProgress } from '../../src/core/progress/compute.ts';
import { AREA_CODES } from '../../src/core/model.ts';
import type { WorkbookPort } from '../../src/core/ports.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { MemoryWorkbook } from './helpers/memory-workbook.ts';
import { gasBook } from '../contract/gas-adapter.ts';
import { atFrame } from './helpers/frame.ts';

const OPTS = { lang: 'vi' as const, today: SAMPLE_SCHOOL.asOf, name: SAMPLE_SCHOOL.name, code: SAMPLE_SCHOOL.code, year: SAMPLE_SCHOOL.year };

async function sampleBook(kind: 'xlsx' | 'memory' | 'sheets'): Promise<WorkbookPort> {
  if (kind === 'sheets') {
    // Through the Apps Script adapter on the offline SpreadsheetApp; read with a fresh adapter.
    const book = gasBook();
    installTemplate(book.open(), OPTS);
    fillSample(book.open());
    return book.open();
  }
  if (kind === 'memory') {
    const port = new MemoryWorkbook();
    installTemplate(port, OPTS);
    fillSample(port);
    return port;
  }
  const book = XlsxWorkbook.create();
  installTemplate(book, OPTS);
  fillSample(book);
  // Through the file format, as the CLI reads it.
  const bytes = await book.toBuffer();
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/cchc-sample-`);
  writeFileSync(`${dir}/mnbt.xlsx`, bytes);
  const again = await XlsxWorkbook.open(`${dir}/mnbt.xlsx`);
  rmSync(dir, { recursive: true, force: true });
  return again;
}

describe.each(['xlsx', 'memory', 'sheets'] as const)('the sample school (%s)', (kind) => {
  it('validates with no error and no warning, as of 30/06/2024 and at the year end', async () => {
    const port = await sampleBook(kind);
    for (const asOf of ['2024-06-30', '2024-12-31']) {
      const result = validate(port, { lang: 'vi', today: asOf, asOf });
      const problems = result.issues.filter((i) => i.severity !== 'notice').map((i) => `${i.sheet} ${i.cell}: ${i.code} ${i.message}`);
      expect(problems, asOf).toEqual([]);
      expect(result.templateVersion).toBe(1);
    }
  });

  it('reads back every row: people, 25–40 tasks over all eight areas, targets, initiatives, activities', async () => {
    const port = await sampleBook(kind);
    const data = readSchool(port, { lang: 'vi', today: '2024-06-30', asOf: '2024-06-30' });
    expect(data.settings.unitName).toBe('Trường Mầm non Bến Thành');
    expect(data.settings.unitCode).toBe('MNBT');
    expect(data.settings.place).toBe('Quận 1');
    expect(data.settings.year).toBe(2024);
    expect(data.settings.recipients).toContain('Phòng Nội vụ Quận 1');
    expect(data.people.length).toBe(SAMPLE_PEOPLE.length);
    expect(data.tasks.length).toBe(SAMPLE_TASKS.length);
    expect(data.tasks.length).toBeGreaterThanOrEqual(25);
    expect(data.tasks.length).toBeLessThanOrEqual(40);
    expect(new Set(data.tasks.map((t) => t.area))).toEqual(new Set(AREA_CODES));
    const people = new Set(data.people.map((p) => p.name));
    for (const t of data.tasks) expect(people.has(t.owner), t.owner).toBe(true);
    expect(data.kpis.length).toBe(SAMPLE_KPIS.length);
    expect(data.initiatives.length).toBe(SAMPLE_INITIATIVES.length);
    expect(data.activities.length).toBe(SAMPLE_ACTIVITIES.length);
    expect(data.kpis.find((k) => k.code === 'CT01')?.target).toEqual({ text: '1' });
    expect(data.kpis.find((k) => k.code === 'CT07')?.target).toEqual({ text: '0.99' });
  });

  it('shows a mix of states on 30/06/2024 and Q1–Q2 targets judged', async () => {
    const port = await sampleBook(kind);
    const data = readSchool(port, { lang: 'vi', today: '2024-06-30', asOf: '2024-06-30' });
    const p = computeProgress(atFrame(data, { asOf: '2024-06-30', period: 'Q2' }));
    const json = JSON.stringify(p);
    for (const state of ['doneOnTime', 'doneLate', 'overdue', 'dueSoon', 'behind', 'onTrack', 'cancelled']) {
      expect(json, state).toMatch(new RegExp(`"${state}":[1-9]`));
    }
    for (const status of ['met', 'near', 'notApplicable']) expect(json, status).toMatch(new RegExp(`"${status}":[1-9]`));
  });
});
