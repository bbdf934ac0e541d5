// A workbook a school opened and saved again in a spreadsheet program (here LibreOffice Calc,
// which rewrites styles, shared strings, dates and percent formats its own way) reads back to the
// same problems and the same figures. Skipped where LibreOffice Calc is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFigures, install, updateProgress, validateWorkbook } from '../../src/core/app/operations.ts';
import { fillSample } from '../../src/core/sample.ts';
import { fixedLang, localContext } from '../../src/node/app-context.ts';
import { findSoffice } from '../../src/node/pdf.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { requireTool } from '../helpers/tools.ts';

const soffice = findSoffice();
const clock = { today: () => '2024-06-30', now: () => '2024-06-30T09:00:00+07:00' };

/** Calc can open .xlsx only when its spreadsheet part is installed (not just Writer). */
function calcInstalled(): boolean {
  if (!soffice) return false;
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-calc-probe-'));
  try {
    const probe = path.join(dir, 'probe.csv');
    execFileSync('sh', ['-c', `printf 'a,b\\n' > "${probe}"`]);
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', dir, probe], { stdio: 'ignore', timeout: 120_000 });
    return existsSync(path.join(dir, 'probe.xlsx'));
  } catch {
    return false;
  }
}

describe.runIf(requireTool(calcInstalled(), 'LibreOffice Calc', 'libreoffice-calc-nogui'))('a workbook saved again by LibreOffice Calc', () => {
  it('gives the same problems and figures', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-calc-'));
    const file = path.join(dir, 'truong.xlsx');
    const book = XlsxWorkbook.create();
    const ctx = localContext(book, { outDir: dir, prefs: fixedLang('vi'), clock });
    install(ctx, { lang: 'vi' });
    fillSample(book);
    updateProgress(ctx, { lang: 'vi', asOf: '2024-06-30' });
    await book.save(file);

    const out = path.join(dir, 'calc');
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
    const resaved = await XlsxWorkbook.open(path.join(out, 'truong.xlsx'));
    const again = localContext(resaved, { outDir: dir, prefs: fixedLang('vi'), clock });

    expect(validateWorkbook(again, { lang: 'vi', asOf: '2024-06-30' })).toEqual(validateWorkbook(ctx, { lang: 'vi', asOf: '2024-06-30' }));
    expect(computeFigures(again, { lang: 'vi', asOf: '2024-06-30' }).progress).toEqual(computeFigures(ctx, { lang: 'vi', asOf: '2024-06-30' }).progress);
  }, 300_000);
});
