// Test helpers that work on an .xlsx as the zip it is: list its parts, read one, and add a chart
// the way Excel stores one (a drawing on the sheet, the chart part, their relationships and
// content types), written by hand so the test does not depend on any library's chart support.
import { readFileSync, writeFileSync } from 'node:fs';
import { readPart, readZipEntries, writeZip, type ZipOutPart } from '../../src/node/files/zip.ts';

export function partNames(file: string): string[] {
  return readZipEntries(readFileSync(file)).map((e) => e.name);
}

export function partText(file: string, name: string): string | null {
  const buf = readFileSync(file);
  const e = readZipEntries(buf).find((x) => x.name === name);
  return e ? readPart(buf, e).toString('utf8') : null;
}

/** Replace or add parts of a zip (data null: remove it). */
export function editParts(file: string, edits: Record<string, string | Buffer | null>, to = file): void {
  const buf = readFileSync(file);
  const entries = readZipEntries(buf);
  const out: ZipOutPart[] = [];
  const done = new Set<string>();
  for (const e of entries) {
    if (e.name in edits) {
      done.add(e.name);
      const v = edits[e.name];
      if (v === null || v === undefined) continue;
      out.push({ name: e.name, data: Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8') });
    } else out.push({ name: e.name, from: buf, entry: e });
  }
  for (const [name, v] of Object.entries(edits)) {
    if (done.has(name) || v === null) continue;
    out.push({ name, data: Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8') });
  }
  writeFileSync(to, writeZip(out));
}

/** The part path of the sheet named `sheet` (through workbook.xml and its relationships). */
export function sheetPart(file: string, sheet: string): string {
  const wb = partText(file, 'xl/workbook.xml') ?? '';
  const rels = partText(file, 'xl/_rels/workbook.xml.rels') ?? '';
  const esc = sheet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const m = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
  const rel = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)?.[0] ?? '';
  const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const CHART_XML = (sheet: string, title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${title}</c:v></c:tx>
<c:cat><c:strRef><c:f>'${sheet}'!$A$2:$A$4</c:f></c:strRef></c:cat>
<c:val><c:numRef><c:f>'${sheet}'!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt><c:pt idx="2"><c:v>3</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>
<c:axId val="1001"/><c:axId val="1002"/></c:barChart>
<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx>
<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx>
</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const anchor = (from: [number, number], to: [number, number], body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

const CHART_FRAME = (id: number) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Biểu đồ ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
  '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>';

const PICTURE = (id: number) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="Ảnh ${id}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdPic"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
  '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="95250" cy="95250"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>';

const SHAPE = (id: number, text: string) =>
  `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="Hộp chữ ${id}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="900000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
  `<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface ChartOptions {
  /** Also a picture in the same drawing (what exceljs reads, beside what it does not). */
  picture?: boolean;
  /** Also a text box. */
  textBox?: string;
  /** A number that keeps part names apart when several sheets get one. */
  n?: number;
}

/**
 * Put a bar chart titled `title` on `sheet` (its data: A2:B4 of that sheet), the way Excel stores
 * one: a drawing part on the sheet, the chart part, their relationships and content types.
 */
export function addChart(file: string, sheet: string, title: string, to = file, opts: ChartOptions = {}): { drawing: string; chart: string } {
  const n = opts.n ?? 1;
  const part = sheetPart(file, sheet);
  const dir = part.slice(0, part.lastIndexOf('/'));
  const base = part.slice(part.lastIndexOf('/') + 1);
  const relsName = `${dir}/_rels/${base}.rels`;
  const drawing = `xl/drawings/cchcTestDrawing${n}.xml`;
  const chart = `xl/charts/cchcTestChart${n}.xml`;
  let sheetXml = partText(file, part) ?? '';
  let rels = partText(file, relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  if (/<drawing /.test(sheetXml)) throw new Error('sheet already has a drawing');
  const rid = `rIdChart${n}`;
  rels = rels.replace('</Relationships>', `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/cchcTestDrawing${n}.xml"/></Relationships>`);
  // <drawing> goes before legacyDrawing / tableParts / extLst (the schema's order).
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|tableParts|extLst)[ >/]/.exec(sheetXml);
  const el = `<drawing r:id="${rid}"/>`;
  sheetXml = before ? sheetXml.slice(0, before.index) + el + sheetXml.slice(before.index) : sheetXml.replace('</worksheet>', `${el}</worksheet>`);
  if (!/xmlns:r=/.test(sheetXml.slice(0, 1000))) sheetXml = sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  let types = partText(file, '[Content_Types].xml') ?? '';
  types = types.replace(
    '</Types>',
    `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      (opts.picture && !/Extension="png"/i.test(types) ? '<Default Extension="png" ContentType="image/png"/>' : '') +
      '</Types>',
  );
  const anchors = [anchor([4, 1], [10, 16], CHART_FRAME(2))];
  if (opts.picture) anchors.push(anchor([11, 1], [12, 2], PICTURE(3)));
  if (opts.textBox) anchors.push(anchor([4, 17], [8, 19], SHAPE(4, opts.textBox)));
  const drawingXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    anchors.join('') +
    '</xdr:wsDr>';
  const drawingRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/cchcTestChart${n}.xml"/>` +
    (opts.picture ? `<Relationship Id="rIdPic" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/cchcTestImage${n}.png"/>` : '') +
    '</Relationships>';
  editParts(
    file,
    {
      [part]: sheetXml,
      [relsName]: rels,
      '[Content_Types].xml': types,
      [drawing]: drawingXml,
      [`xl/drawings/_rels/cchcTestDrawing${n}.xml.rels`]: drawingRels,
      [chart]: CHART_XML(sheet, title),
      ...(opts.picture ? { [`xl/media/cchcTestImage${n}.png`]: PNG } : {}),
    },
    to,
  );
  return { drawing, chart };
}

/** The chart parts of a workbook with their text (any name). */
export function charts(file: string): string[] {
  return partNames(file)
    .filter((n) => /^xl\/charts\/[^/]+\.xml$/.test(n))
    .map((n) => partText(file, n) ?? '');
}

/** The drawing part of a sheet (through its relationships), or null. */
export function sheetDrawing(file: string, sheet: string): string | null {
  const part = sheetPart(file, sheet);
  const rels = partText(file, `${part.slice(0, part.lastIndexOf('/'))}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`) ?? '';
  const m = /<Relationship [^>]*Type="[^"]*\/drawing"[^>]*>/.exec(rels)?.[0];
  const target = m ? /Target="([^"]+)"/.exec(m)?.[1] : undefined;
  if (!target) return null;
  const name = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\.\//, '')}`;
  return partText(file, name);
}
