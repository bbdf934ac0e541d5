// Writes keep what the adapter does not model. exceljs drops charts, shapes, sparklines, the
// workbook's structure protection and custom document properties; cchc puts them back, or — for
// what it cannot put back safely (a pivot table) — refuses the write in one line and leaves the
// file byte for byte, with `--out NEW.xlsx` to get the results in a new file.
// The LibreOffice suite makes the chart the way a school would (Calc saves it) and checks that
// Calc still sees it in the file cchc wrote; it needs soffice (fails under CI=true without it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/node/pdf.ts';
import { cchc, tempDir } from './bin-helpers.ts';
import { dump, lines, run } from './cli-helpers.ts';
import { addChart, charts, editParts, partNames, partText, sheetDrawing, sheetPart } from './xlsx-parts.ts';

let dir: string;
let SAMPLE: string;
let n = 0;
beforeAll(async () => {
  dir = tempDir('cchc-keep-');
  SAMPLE = path.join(dir, 'mau.xlsx');
  expect((await run(['init', SAMPLE, '--sample'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the sample in a folder of its own (reports go beside it). */
function fresh(name: string): string {
  const folder = path.join(dir, `${name}-${++n}`);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'truong.xlsx');
  copyFileSync(SAMPLE, file);
  return file;
}

describe('a chart, a picture and a text box made in Excel', () => {
  let file: string;
  let chartParts: string[];
  let drawings: Record<string, string | null>;
  beforeAll(() => {
    file = fresh('chart');
    addChart(file, 'Chỉ tiêu', 'Chỉ tiêu theo quý', file, { picture: true, textBox: 'Ghi chú của trường', n: 1 });
    addChart(file, 'Tổng hợp', 'Tiến độ', file, { n: 2 });
    chartParts = charts(file);
    drawings = { 'Chỉ tiêu': sheetDrawing(file, 'Chỉ tiêu'), 'Tổng hợp': sheetDrawing(file, 'Tổng hợp') };
    expect(chartParts).toHaveLength(2);
  });

  const expectKept = (f: string) => {
    expect(charts(f).sort()).toEqual([...chartParts].sort());
    for (const [sheet, xml] of Object.entries(drawings)) expect(sheetDrawing(f, sheet), sheet).toBe(xml);
    expect(partNames(f).filter((p) => p.startsWith('xl/media/'))).toHaveLength(1);
  };

  it('exceljs alone drops them (what this guards against)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const out = path.join(path.dirname(file), 'exceljs.xlsx');
    await wb.xlsx.writeFile(out);
    expect(charts(out)).toEqual([]);
  });

  it('progress --write keeps them, twice over, and writes its own figures', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await cchc(['progress', file, '--write']);
      expect(r, r.err).toMatchObject({ code: 0, err: '' });
      expectKept(file);
    }
    expect((await dump(file)).get('Tổng hợp')!.size).toBeGreaterThan(10);
    // No part is duplicated by the second write.
    const parts = partNames(file);
    expect(new Set(parts.map((p) => p.toLowerCase())).size).toBe(parts.length);
    expect(parts.filter((p) => p.startsWith('xl/drawings/') && p.endsWith('.xml') && !p.includes('vml'))).toHaveLength(2);
  }, 60_000);

  it('report keeps them; init on the complete workbook does not rewrite it', async () => {
    const r = await cchc(['report', file, '--type', 'quarterly']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expectKept(file);
    const bytes = readFileSync(file);
    const init = await cchc(['init', file]);
    expect(init, init.err).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 60_000);

  it('validate reads the same with or without them', async () => {
    const plain = fresh('plain');
    const a = JSON.parse((await run(['validate', plain, '--json'])).out);
    const withChart = fresh('with-chart');
    addChart(withChart, 'Chỉ tiêu', 'x');
    const b = JSON.parse((await run(['validate', withChart, '--json'])).out);
    expect(b).toEqual(a);
  });
});

describe('other parts exceljs leaves out are put back', () => {
  it('sparklines, workbook structure protection, custom document properties, manual column breaks', async () => {
    const file = fresh('misc');
    const part = sheetPart(file, 'Chỉ tiêu');
    let xml = partText(file, part)!;
    // Excel declares the prefixes on the sheet's root; the extension uses them.
    xml = xml.replace('<worksheet ', '<worksheet xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" ');
    const sparkline =
      '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>' +
      "<x14:sparklines><x14:sparkline><xm:f>'Chỉ tiêu'!F2:I2</xm:f><xm:sqref>Z2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>";
    xml = xml.includes('<extLst>') ? xml.replace('</extLst>', `${sparkline}</extLst>`) : xml.replace('</worksheet>', `<extLst>${sparkline}</extLst></worksheet>`);
    const breaks = '<colBreaks count="1" manualBreakCount="1"><brk id="5" max="1048575" man="1"/></colBreaks>';
    const at = /<(drawing|legacyDrawing|legacyDrawingHF|picture|tableParts|extLst)[ >/]/.exec(xml)!.index;
    xml = xml.slice(0, at) + breaks + xml.slice(at);
    const book = partText(file, 'xl/workbook.xml')!.replace(/<bookViews>|<sheets>/, (m) => `<workbookProtection lockStructure="1"/>${m}`);
    expect(book).toContain('<workbookProtection');
    const rootRels = partText(file, '_rels/.rels')!.replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    );
    const types = partText(file, '[Content_Types].xml')!.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
    const custom =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phòng GD&amp;ĐT"><vt:lpwstr>Quận 1</vt:lpwstr></property></Properties>';
    editParts(file, { [part]: xml, 'xl/workbook.xml': book, '_rels/.rels': rootRels, '[Content_Types].xml': types, 'docProps/custom.xml': custom });

    const r = await cchc(['progress', file, '--write']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    const after = partText(file, sheetPart(file, 'Chỉ tiêu'))!;
    expect(after).toContain("<xm:f>'Chỉ tiêu'!F2:I2</xm:f>");
    expect(after).toMatch(/<ext [^>]*xmlns:x14="[^"]+"[^>]*>|<worksheet [^>]*xmlns:x14=/);
    expect(after).toMatch(/<ext [^>]*xmlns:xm="http:\/\/schemas.microsoft.com\/office\/excel\/2006\/main"/);
    expect(after).toContain(breaks);
    // colBreaks before the drawing elements, as the schema orders them.
    expect(after.indexOf('<colBreaks')).toBeLessThan(after.indexOf('<legacyDrawing') >= 0 ? after.indexOf('<legacyDrawing') : Infinity);
    expect(partText(file, 'xl/workbook.xml')).toMatch(/<workbookProtection lockStructure="1"\/>(<bookViews|<sheets)/);
    expect(partText(file, 'docProps/custom.xml')).toBe(custom);
    expect(partText(file, '_rels/.rels')).toContain('custom-properties');
    // exceljs still reads the result, with every entry.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Kế hoạch')!.rowCount).toBeGreaterThan(1);
  }, 60_000);
});

describe('defined names exceljs drops or rewrites', () => {
  const NAMES = (sheetIndex: (name: string) => number) =>
    '<definedNames>' +
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex('Kế hoạch')}" hidden="1">'Kế hoạch'!$A$1:$N$17</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex('Kế hoạch')}">'Kế hoạch'!$1:$1</definedName>` +
    "<definedName name=\"DanhSach\">'Chỉ tiêu'!$A$2:$A$9</definedName>" +
    '<definedName name="TyLe">0.05</definedName>' +
    '<definedName name="Loi">#REF!</definedName>' +
    `<definedName name="RiengTrang" localSheetId="${sheetIndex('Tổng hợp')}">'Tổng hợp'!$B$2</definedName>` +
    '</definedNames>';

  /** name → the sheet it is local to ('' for the workbook), read from the file. */
  function names(file: string): Record<string, string> {
    const xml = partText(file, 'xl/workbook.xml')!;
    const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
    const out: Record<string, string> = {};
    for (const m of xml.matchAll(/<definedName ([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(m[1]!)![1]!;
      const local = /localSheetId="(\d+)"/.exec(m[1]!)?.[1];
      expect(out[name], `${name} twice`).toBeUndefined();
      out[name] = local === undefined ? '' : sheets[Number(local)]!;
    }
    return out;
  }

  it('all are kept, each local one on its own sheet, also when init adds a sheet before it', async () => {
    const file = fresh('names');
    // Without Hoạt động (init puts it back, before Tổng hợp).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(wb.getWorksheet('Hoạt động')!.id);
    await wb.xlsx.writeFile(file);
    const xml = partText(file, 'xl/workbook.xml')!;
    const order = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
    editParts(file, { 'xl/workbook.xml': xml.replace('<calcPr', `${NAMES((s) => order.indexOf(s))}<calcPr`) });
    const want = { '_xlnm._FilterDatabase': 'Kế hoạch', '_xlnm.Print_Titles': 'Kế hoạch', DanhSach: '', TyLe: '', Loi: '', RiengTrang: 'Tổng hợp' } as Record<string, string>;
    expect(names(file)).toEqual(want);

    const init = await cchc(['init', file]);
    expect(init, init.err).toMatchObject({ code: 0, err: '' });
    expect(init.out).toContain('Hoạt động');
    expect(names(file)).toEqual(want);
    const p = await cchc(['progress', file, '--write']);
    expect(p, p.err).toMatchObject({ code: 0, err: '' });
    expect(names(file)).toEqual(want);
    expect(partText(file, 'xl/workbook.xml')).toContain('<definedName name="TyLe">0.05</definedName>');
  }, 60_000);
});

describe('what cannot be kept: a pivot table', () => {
  let file: string;
  beforeAll(() => {
    file = fresh('pivot');
    const part = sheetPart(file, 'Kế hoạch');
    const relsName = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
    const rels = (partText(file, relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>').replace(
      '</Relationships>',
      '<Relationship Id="rIdPivot" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
    );
    const types = partText(file, '[Content_Types].xml')!.replace('</Types>', '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>');
    editParts(file, {
      [relsName]: rels,
      '[Content_Types].xml': types,
      'xl/pivotTables/pivotTable1.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="1" dataCaption="Values"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>',
    });
  });

  it('progress --write and report refuse in one line, the file byte for byte, no document', async () => {
    const bytes = readFileSync(file);
    for (const [args, re] of [
      [['progress', file, '--write'], /bảng tổng hợp \(PivotTable\).*--out/],
      [['report', file, '--type', 'plan'], /bảng tổng hợp \(PivotTable\)/],
      [['progress', file, '--write', '--lang', 'en'], /pivot tables.*--out NEW\.xlsx/],
    ] as const) {
      const r = await cchc([...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(re);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(partNames(path.dirname(file) + '/truong.xlsx')).toContain('xl/pivotTables/pivotTable1.xml');
    expect(existsSync(path.join(path.dirname(file), 'KH-CCHC-2024-MNBT-so01-2024.docx'))).toBe(false);
    // Reading is not writing.
    expect((await cchc(['validate', file])).code).toBe(0);
    // init on it: complete, nothing to write, nothing refused.
    const init = await cchc(['init', file]);
    expect(init, init.err).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 90_000);

  it('--out NEW.xlsx writes the results to a new file (without the pivot table); the original stays', async () => {
    const bytes = readFileSync(file);
    const out = path.join(path.dirname(file), 'ket-qua.xlsx');
    const r = await cchc(['progress', file, '--write', '--out', out]);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(out);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect((await dump(out)).get('Tổng hợp')!.size).toBeGreaterThan(10);
    expect(partNames(out).some((p) => p.includes('pivot'))).toBe(false);
    // The new file is a file of its own: asked again, it is not overwritten.
    const again = await cchc(['progress', file, '--write', '--out', out]);
    expect(again.code).toBe(2);
    expect(lines(again.err)).toHaveLength(1);
    expect(again.err).toContain('đã có');
  }, 60_000);
});

// ---------------------------------------------------------------- LibreOffice

const soffice = findSoffice();

/** Calc can open .xlsx only when its spreadsheet part is installed (not just Writer). */
function calcInstalled(): boolean {
  if (!soffice) return false;
  const probeDir = tempDir('cchc-calc-probe-');
  try {
    const probe = path.join(probeDir, 'probe.csv');
    execFileSync('sh', ['-c', `printf 'a,b\\n' > "${probe}"`]);
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${probeDir}/profile`, '--convert-to', 'xlsx', '--outdir', probeDir, probe], { stdio: 'ignore', timeout: 180_000 });
    return existsSync(path.join(probeDir, 'probe.xlsx'));
  } catch {
    return false;
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

const CALC = calcInstalled();
const REQUIRED = process.env.CI === 'true';

function calc(file: string, outDir: string): string {
  execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, file], { stdio: 'ignore', timeout: 180_000 });
  return path.join(outDir, path.basename(file));
}

describe.skipIf(!CALC && !REQUIRED)('a chart saved by LibreOffice Calc', () => {
  let file: string;
  let calcCharts: string[];
  beforeAll(() => {
    if (!CALC) throw new Error('LibreOffice Calc (soffice) is needed for this suite under CI=true');
    const made = fresh('calc-src');
    addChart(made, 'Chỉ tiêu', 'Biểu đồ chỉ tiêu');
    const folder = path.join(dir, `calc-${++n}`);
    // Calc reads the workbook and saves it its own way: its own chart part, styles, names.
    file = calc(made, folder);
    calcCharts = charts(file);
    expect(calcCharts.length).toBe(1);
    expect(calcCharts[0]).toContain('Chỉ tiêu');
  }, 300_000);

  it('progress --write, report and init keep Calc\'s chart, and Calc still finds it in the file cchc wrote', async () => {
    const p = await cchc(['progress', file, '--write']);
    expect(p, p.err).toMatchObject({ code: 0, err: '' });
    expect(charts(file)).toEqual(calcCharts);
    const r = await cchc(['report', file, '--type', 'plan']);
    expect(r, r.err).toMatchObject({ code: 0, err: '' });
    expect(charts(file)).toEqual(calcCharts);
    const bytes = readFileSync(file);
    const init = await cchc(['init', file]);
    expect(init, init.err).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const again = calc(file, path.join(path.dirname(file), 'again'));
    const seen = charts(again);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/Chỉ tiêu&apos;!\$B\$2:\$B\$4|Chỉ tiêu'!\$B\$2:\$B\$4/);
    // And what cchc wrote is still read the same by cchc after Calc.
    const v = await cchc(['validate', again, '--json']);
    expect([0, 1]).toContain(v.code);
  }, 300_000);
});
