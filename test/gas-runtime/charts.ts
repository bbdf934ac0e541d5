// The Charts service (developers.google.com/apps-script/reference/charts): the data table
// builder and the bar chart builder the reports use, and the enums. A built chart's
// getAs('image/png') answers a real PNG of the chart's dimensions (blank: the fake does not draw),
// and every chart built is kept in `built` with its data and options, so tests can check what
// Google was asked to draw: the real names, the colours, the value axis.
//
// Rules enforced as the reference states them:
// - DataTableBuilder.addRow: "the number of values must match the number of columns", each value
//   of its column's type (STRING: a string, NUMBER: a number, DATE: a Date);
// - a chart needs its data (setDataTable) before build();
// - setDimensions(width, height) in pixels, positive;
// - Chart.getAs takes only image content types ('image/png' …); the reference's own example
//   uses 'image/png' (charts.html).
import { crc32, deflateSync } from 'node:zlib';
import { FakeBlob } from './blob.ts';
import type { RuntimeCore } from './core.ts';
import { ChartType } from './spreadsheet-builders.ts';

export const ColumnType = { DATE: 'DATE', NUMBER: 'NUMBER', STRING: 'STRING' } as const;
export const Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;

type Column = { type: string; label: string };

export class FakeDataTable {
  constructor(
    readonly columns: readonly Column[],
    readonly rows: readonly unknown[][],
  ) {}
  getNumberOfColumns(): number {
    return this.columns.length;
  }
  getNumberOfRows(): number {
    return this.rows.length;
  }
  getColumnLabel(i: number): string {
    return this.columns[i]?.label ?? '';
  }
  getColumnType(i: number): string {
    return this.columns[i]?.type ?? '';
  }
  getValue(row: number, col: number): unknown {
    return this.rows[row]?.[col];
  }
}

export class FakeDataTableBuilder {
  private columns: Column[] = [];
  private rows: unknown[][] = [];
  addColumn(type: string, label: string): this {
    if (!Object.values(ColumnType).includes(type as never)) throw new Error(`Invalid argument: type`);
    if (this.rows.length) throw new Error('Columns must be added before rows.');
    this.columns.push({ type, label: String(label) });
    return this;
  }
  addRow(values: unknown[]): this {
    if (!Array.isArray(values) || values.length !== this.columns.length)
      throw new Error(`Invalid argument: values. The number of values (${Array.isArray(values) ? values.length : 0}) must match the number of columns (${this.columns.length}).`);
    values.forEach((v, i) => {
      const type = this.columns[i]!.type;
      const ok = type === 'STRING' ? typeof v === 'string' : type === 'NUMBER' ? typeof v === 'number' && Number.isFinite(v) : v instanceof Date;
      if (!ok) throw new Error(`Invalid argument: values[${i}] is not of type ${type}.`);
    });
    this.rows.push([...values]);
    return this;
  }
  build(): FakeDataTable {
    return new FakeDataTable([...this.columns], this.rows.map((r) => [...r]));
  }
}

export class FakeTextStyle {
  constructor(readonly style: { fontName?: string; fontSize?: number; color?: string }) {}
  getFontName(): string | undefined {
    return this.style.fontName;
  }
  getFontSize(): number | undefined {
    return this.style.fontSize;
  }
}

export class FakeTextStyleBuilder {
  private style: { fontName?: string; fontSize?: number; color?: string } = {};
  setFontName(name: string): this {
    this.style.fontName = String(name);
    return this;
  }
  setFontSize(size: number): this {
    if (!(size > 0)) throw new Error('Invalid argument: fontSize');
    this.style.fontSize = size;
    return this;
  }
  setColor(css: string): this {
    this.style.color = String(css);
    return this;
  }
  build(): FakeTextStyle {
    return new FakeTextStyle({ ...this.style });
  }
}

export interface BuiltChart {
  type: 'BAR';
  data: FakeDataTable;
  width: number;
  height: number;
  colors: string[];
  stacked: boolean;
  legend: string;
  xAxisTitle: string;
  range: [number, number] | null;
  options: Record<string, unknown>;
  styles: Record<string, FakeTextStyle>;
}

export class FakeChart {
  constructor(readonly spec: BuiltChart) {}
  getAs(contentType: string): FakeBlob {
    if (!/^image\/(png|jpeg|gif)$/.test(contentType)) throw new Error(`Converting from chart to ${contentType} is not supported.`);
    return new FakeBlob(blankPng(this.spec.width, this.spec.height), 'image/png', 'chart.png');
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
  getOptions(): { get(key: string): unknown } {
    return { get: (k: string) => this.spec.options[k] ?? null };
  }
}

export class FakeBarChartBuilder {
  private spec: Omit<BuiltChart, 'data'> & { data: FakeDataTable | null } = {
    type: 'BAR', data: null, width: 600, height: 371, colors: [], stacked: false, legend: 'RIGHT', xAxisTitle: '', range: null, options: {}, styles: {},
  };
  constructor(private readonly sink: BuiltChart[]) {}
  setDataTable(table: FakeDataTable | { build(): FakeDataTable }): this {
    this.spec.data = table instanceof FakeDataTable ? table : table.build();
    return this;
  }
  setDimensions(width: number, height: number): this {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new Error('Invalid argument: dimensions');
    this.spec.width = width;
    this.spec.height = height;
    return this;
  }
  setColors(css: string[]): this {
    this.spec.colors = [...css];
    return this;
  }
  setStacked(): this {
    this.spec.stacked = true;
    return this;
  }
  setLegendPosition(position: string): this {
    if (!Object.values(Position).includes(position as never)) throw new Error('Invalid argument: position');
    this.spec.legend = position;
    return this;
  }
  setXAxisTitle(title: string): this {
    this.spec.xAxisTitle = String(title);
    return this;
  }
  setTitle(title: string): this {
    this.spec.options.title = String(title);
    return this;
  }
  setRange(start: number, end: number): this {
    this.spec.range = [start, end];
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.spec.options[key] = value;
    return this;
  }
  setBackgroundColor(css: string): this {
    this.spec.options.backgroundColor = css;
    return this;
  }
  setLegendTextStyle(style: FakeTextStyle): this {
    this.spec.styles.legend = style;
    return this;
  }
  setXAxisTextStyle(style: FakeTextStyle): this {
    this.spec.styles.xAxis = style;
    return this;
  }
  setYAxisTextStyle(style: FakeTextStyle): this {
    this.spec.styles.yAxis = style;
    return this;
  }
  setXAxisTitleTextStyle(style: FakeTextStyle): this {
    this.spec.styles.xAxisTitle = style;
    return this;
  }
  build(): FakeChart {
    if (!this.spec.data) throw new Error('A data source is required to build a chart.');
    const built: BuiltChart = { ...this.spec, data: this.spec.data, colors: [...this.spec.colors], options: { ...this.spec.options }, styles: { ...this.spec.styles } };
    this.sink.push(built);
    return new FakeChart(built);
  }
}

/** A white PNG of the given size (a real, decodable image). */
export function blankPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

export class FakeCharts {
  constructor(private readonly core: RuntimeCore) {}
  readonly ChartType = ChartType;
  readonly ColumnType = ColumnType;
  readonly Position = Position;
  /** Every chart built, in order (for tests). */
  readonly built: BuiltChart[] = [];
  newDataTable(): FakeDataTableBuilder {
    return this.core.instrument(new FakeDataTableBuilder(), 'DataTableBuilder');
  }
  newBarChart(): FakeBarChartBuilder {
    return this.core.instrument(new FakeBarChartBuilder(this.built), 'BarChartBuilder');
  }
  newTextStyle(): FakeTextStyleBuilder {
    return this.core.instrument(new FakeTextStyleBuilder(), 'TextStyleBuilder');
  }
}

export function createCharts(core: RuntimeCore): FakeCharts {
  return core.instrument(new FakeCharts(core), 'Charts');
}
