// Value objects and builders of the fake SpreadsheetApp: data validation, conditional format
// rules, protections and embedded charts, with their enums. Enum members are their own names as
// strings: identity comparison (`=== SpreadsheetApp.ProtectionType.SHEET`) and `toString()` both
// behave as in Apps Script.

import { FakeBlob, fakePng } from './blob.ts';
import { gasError, isDate, type RuntimeCore } from './core.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'CUSTOM_FORMULA',
);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = enumOf('RANGE', 'SHEET');
export type ProtectionTypeName = keyof typeof ProtectionType;

export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const Dimension = enumOf('COLUMNS', 'ROWS');
export const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');

export const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);

/** What a fake range exposes to builders (avoids a circular import with spreadsheet.ts). */
export interface RangeLike {
  getA1Notation(): string;
  getSheet(): { getName(): string };
}

const copyArg = (v: unknown): unknown => (isDate(v) ? new Date(v.getTime()) : Array.isArray(v) ? [...v] : v);

// ------------------------------------------------------------------ data validation

export class FakeDataValidation {
  constructor(
    private readonly core: RuntimeCore,
    readonly criteria: DataValidationCriteriaName,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): DataValidationCriteriaName {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.values.map(copyArg);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder(this.core);
    b.withCriteria(this.criteria, [...this.values]).setAllowInvalid(this.allowInvalid).setHelpText(this.helpText);
    return this.core.instrument(b, 'DataValidationBuilder');
  }
}

export class FakeDataValidationBuilder {
  private criteria: DataValidationCriteriaName | null = null;
  private values: unknown[] = [];
  private allowInvalid = true; // Google's default: show a warning, keep the value
  private helpText = '';
  constructor(private readonly core: RuntimeCore) {}

  private set(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values.map(copyArg);
    return this;
  }
  withCriteria(criteria: DataValidationCriteriaName, args: unknown[]): this {
    return this.set(criteria, args);
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values)) throw gasError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: RangeLike, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this.set('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set('DATE_BETWEEN', [start, end]);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this.set('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this.set('DATE_EQUAL_TO', [date]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextContains(text: string): this {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this.set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.set('CHECKBOX', [checked, unchecked].filter((v) => v !== undefined));
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  getCriteriaType(): DataValidationCriteriaName | null {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.values.map(copyArg);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  build(): FakeDataValidation {
    // Wording not verified against Google; a rule without criteria cannot be built there either.
    if (this.criteria === null) throw gasError('A data validation rule must have criteria.');
    return this.core.instrument(
      new FakeDataValidation(this.core, this.criteria, this.values, this.allowInvalid, this.helpText),
      'DataValidation',
    );
  }
}

// ------------------------------------------------------------------ conditional format rules

export interface BooleanConditionState {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export class FakeBooleanCondition {
  constructor(private readonly s: BooleanConditionState) {}
  getCriteriaType(): BooleanCriteriaName | null {
    return this.s.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.s.values.map(copyArg);
  }
  getBackground(): string | null {
    return this.s.background;
  }
  getBackgroundObject(): { asRgbColor(): { asHexString(): string } } | null {
    const c = this.s.background;
    return c === null ? null : { asRgbColor: () => ({ asHexString: () => c }) };
  }
  getFontColor(): string | null {
    return this.s.fontColor;
  }
  getBold(): boolean | null {
    return this.s.bold;
  }
  getItalic(): boolean | null {
    return this.s.italic;
  }
  getStrikethrough(): boolean | null {
    return this.s.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.s.underline;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly core: RuntimeCore,
    private readonly cond: BooleanConditionState,
    private readonly ranges: RangeLike[],
  ) {}
  getRanges(): RangeLike[] {
    return [...this.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition {
    return this.core.instrument(new FakeBooleanCondition({ ...this.cond, values: [...this.cond.values] }), 'BooleanCondition');
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return this.core.instrument(new FakeConditionalFormatRuleBuilder(this.core, { ...this.cond }, [...this.ranges]), 'ConditionalFormatRuleBuilder');
  }
}

export class FakeConditionalFormatRuleBuilder {
  private cond: BooleanConditionState;
  private ranges: RangeLike[];
  constructor(
    private readonly core: RuntimeCore,
    cond?: BooleanConditionState,
    ranges?: RangeLike[],
  ) {
    this.cond = cond ?? {
      criteria: null,
      values: [],
      background: null,
      fontColor: null,
      bold: null,
      italic: null,
      strikethrough: null,
      underline: null,
    };
    this.ranges = ranges ?? [];
  }
  private when(criteria: BooleanCriteriaName, values: unknown[]): this {
    this.cond = { ...this.cond, criteria, values: values.map(copyArg) };
    return this;
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextNotEqualTo(text: string): this {
    return this.when('TEXT_NOT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenDateBefore(date: Date): this {
    return this.when('DATE_BEFORE', [date]);
  }
  whenDateAfter(date: Date): this {
    return this.when('DATE_AFTER', [date]);
  }
  setBackground(color: string | null): this {
    this.cond = { ...this.cond, background: color === null ? null : String(color).toLowerCase() };
    return this;
  }
  setFontColor(color: string | null): this {
    this.cond = { ...this.cond, fontColor: color === null ? null : String(color).toLowerCase() };
    return this;
  }
  setBold(b: boolean | null): this {
    this.cond = { ...this.cond, bold: b };
    return this;
  }
  setItalic(b: boolean | null): this {
    this.cond = { ...this.cond, italic: b };
    return this;
  }
  setStrikethrough(b: boolean | null): this {
    this.cond = { ...this.cond, strikethrough: b };
    return this;
  }
  setUnderline(b: boolean | null): this {
    this.cond = { ...this.cond, underline: b };
    return this;
  }
  setRanges(ranges: RangeLike[]): this {
    if (!Array.isArray(ranges)) throw gasError(`The parameters (${typeof ranges}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.`);
    this.ranges = [...ranges];
    return this;
  }
  getRanges(): RangeLike[] {
    return [...this.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.cond.criteria === null ? null : new FakeBooleanCondition({ ...this.cond });
  }
  build(): FakeConditionalFormatRule {
    // Google refuses rules without a condition or ranges when they are set on the sheet; the
    // wording here is ours.
    if (this.cond.criteria === null) throw gasError('Conditional format rule must have a condition.');
    return this.core.instrument(new FakeConditionalFormatRule(this.core, { ...this.cond }, [...this.ranges]), 'ConditionalFormatRule');
  }
}

// ------------------------------------------------------------------ protection

export interface ProtectionOwner {
  /** Range covered (whole sheet for a SHEET protection). */
  range(): unknown;
  remove(p: FakeProtection): void;
}

export class FakeProtection {
  private description = '';
  private warningOnly = false;
  private editors: string[];
  private domainEdit = true;
  private unprotected: unknown[] = [];
  removed = false;
  /** The instrumented object handed to scripts (set by the sheet). */
  __proxy: FakeProtection = this;
  constructor(
    readonly type: ProtectionTypeName,
    private readonly owner: ProtectionOwner,
    creatorEmail: string,
  ) {
    this.editors = [creatorEmail];
  }
  getProtectionType(): ProtectionTypeName {
    return this.type;
  }
  getRange(): unknown {
    return this.owner.range();
  }
  setDescription(d: string): this {
    this.description = String(d);
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(w: boolean): this {
    this.warningOnly = Boolean(w);
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  canEdit(): boolean {
    return true; // the test user owns the fake spreadsheets
  }
  addEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    if (!this.editors.includes(e)) this.editors.push(e);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    this.editors = this.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emails: string[]): this {
    for (const e of emails) this.removeEditor(e);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this.editors.map((e) => ({ getEmail: () => e }));
  }
  setDomainEdit(edit: boolean): this {
    this.domainEdit = Boolean(edit);
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this.type !== 'SHEET') throw gasError('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    return [...this.unprotected];
  }
  remove(): void {
    this.removed = true;
    this.owner.remove(this);
  }
}

// ------------------------------------------------------------------ charts

export interface ChartState {
  chartType: string;
  ranges: RangeLike[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  id: number | null;
}

export class FakeEmbeddedChart {
  constructor(
    private readonly core: RuntimeCore,
    readonly state: ChartState,
  ) {}
  getChartId(): number | null {
    return this.state.id;
  }
  getId(): string {
    return `u${this.state.id ?? 0}`;
  }
  getType(): string {
    return this.state.chartType;
  }
  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  getOptions(): { get(key: string): unknown } {
    const o = { ...this.state.options };
    return { get: (key: string) => o[key] ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.state.position;
    return { getAnchorRow: () => p.anchorRow, getAnchorColumn: () => p.anchorColumn, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  /**
   * A fake image: a PNG signature followed by a JSON description of the chart, so tests can
   * check what was drawn.
   */
  getAs(contentType: string): FakeBlob {
    const description = JSON.stringify({
      type: this.state.chartType,
      ranges: this.state.ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
      options: this.state.options,
    });
    return this.core.instrument(new FakeBlob(fakePng(description), contentType, `chart-${this.getId()}.png`), 'Blob');
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
  modify(): FakeEmbeddedChartBuilder {
    return this.core.instrument(
      new FakeEmbeddedChartBuilder(this.core, {
        ...this.state,
        ranges: [...this.state.ranges],
        options: { ...this.state.options },
        position: { ...this.state.position },
      }),
      'EmbeddedChartBuilder',
    );
  }
}

export class FakeEmbeddedChartBuilder {
  constructor(
    private readonly core: RuntimeCore,
    private readonly state: ChartState,
  ) {}
  setChartType(type: string): this {
    this.state.chartType = String(type);
    return this;
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  addRange(range: RangeLike): this {
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: RangeLike): this {
    this.state.ranges = this.state.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): RangeLike[] {
    return [...this.state.ranges];
  }
  setOption(key: string, value: unknown): this {
    this.state.options[String(key)] = value;
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): this {
    this.state.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setNumHeaders(n: number): this {
    return this.setOption('numHeaders', n);
  }
  setTransposeRowsAndColumns(t: boolean): this {
    return this.setOption('transposeRowsAndColumns', t);
  }
  getChartType(): string {
    return this.state.chartType;
  }
  build(): FakeEmbeddedChart {
    if (this.state.ranges.length === 0) throw gasError('Chart must have at least one range.'); // wording ours
    return this.core.instrument(
      new FakeEmbeddedChart(this.core, {
        ...this.state,
        ranges: [...this.state.ranges],
        options: { ...this.state.options },
        position: { ...this.state.position },
      }),
      'EmbeddedChart',
    );
  }
}
