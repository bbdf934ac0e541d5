// A workbook opened read-only (the district's reads of its schools) reads every cell as the
// ordinary open does, and can never be written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { sampleFolder } from './cli-helpers.ts';

const files = sampleFolder();

describe('XlsxWorkbook.open readOnly', () => {
  it('reads every sheet the same as the ordinary open', async () => {
    const full = await XlsxWorkbook.open(files.sample);
    const light = await XlsxWorkbook.open(files.sample, { readOnly: true });
    expect(light.sheetNames()).toEqual(full.sheetNames());
    for (const name of full.sheetNames()) expect(light.readSheet(name), name).toEqual(full.readSheet(name));
  });

  it('refuses to save', async () => {
    const light = await XlsxWorkbook.open(files.sample, { readOnly: true });
    await expect(light.save(path.join(files.dir, 'never.xlsx'))).rejects.toThrow(/read-only/);
  });
});
