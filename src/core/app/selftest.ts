// The self-test for a real Google account (issue 13, item 5): the school's whole job on the
// sample school, checked against what the same core computed from the same sample when the
// add-on was built.
//
//   build time (build.mjs → src/node/selftest-expected.ts): runSelfTestFlow on an .xlsx workbook
//     in memory, facts of it (selfTestFacts) embedded in dist/Code.js as the expected values;
//   run time (src/gas/selftest.ts, `cchcSelfTest`): runSelfTestFlow on the active spreadsheet,
//     the Docs read back, compareSelfTest → a pass/fail table.
//
// Everything that could differ between the two runs for a reason other than a fault is fixed
// here: the as-of date, the period, the date on the documents, the clock and the user (''), the
// language. So a failed row on a real account is a real difference between Google and the
// product's model of it, never the day the test ran.
import { a1 } from '../contract/a1.ts';
import { SHEET_NAMES, type SheetKey } from '../contract/index.ts';
import { t } from '../i18n.ts';
import type { IsoDate, Lang, PeriodCode } from '../model.ts';
import { isDateCell, isUncomputed, type Clock, type RawCell, type WorkbookPort } from '../ports.ts';
import { modelText, type CreatedDocument, type DocModel, type DocumentPort, type ReportType } from '../report/doc-model.ts';
import { SAMPLE_SCHOOL } from '../sample.ts';
import type { AppContext } from './context.ts';
import { thenMaybe, type MaybePromise } from './maybe.ts';
import { generateReport, installSample, updateProgress, validateWorkbook } from './operations.ts';

export const SELFTEST_FRAME = {
  asOf: SAMPLE_SCHOOL.asOf as IsoDate,
  period: 'Q2' as PeriodCode,
  /** The date printed on the documents (the demo's). */
  date: '2024-07-05' as IsoDate,
  now: '2024-07-05T08:00:00+07:00',
  lang: 'vi' as Lang,
} as const;

export const SELFTEST_REPORTS: readonly ReportType[] = ['quarterly', 'plan', 'initiatives'];

/** The sheets whose every cell is compared: the figures and the ⚙ columns the progress writes. */
export const SELFTEST_SHEETS: readonly SheetKey[] = ['dashboard', 'tasks', 'kpis', 'initiatives'];

/** What one run of the job leaves, in a form two runs can be compared by. */
export interface SelfTestFacts {
  /** `Sheet!A1` → the cell as text (selfTestCellText), non-empty cells only. */
  figures: Record<string, string>;
  /** Validation counts of the sample. */
  counts: { error: number; warning: number; notice: number };
  /** Each report's text lines (normalised: normalizeLine), from its model. */
  documents: Record<ReportType, string[]>;
}

export interface SelfTestRun {
  facts: SelfTestFacts;
  /** The documents the run made, by report type. */
  made: Record<ReportType, CreatedDocument>;
}

/** One row of the pass/fail table. */
export interface SelfTestRow {
  check: string;
  ok: boolean;
  detail: string;
}

/** A fixed clock: the self-test's `today` and `now`. */
export const selfTestClock: Clock = { today: () => SELFTEST_FRAME.date, now: () => SELFTEST_FRAME.now };

/** The context of a self-test run: the shell's, with the fixed clock and no user name. */
export function selfTestContext(ctx: AppContext, documents: DocumentPort = ctx.documents): AppContext {
  return { ...ctx, clock: selfTestClock, user: () => '', documents };
}

/** A cell as the comparison sees it: numbers to 9 decimals (what a sheet keeps of a ratio), dates ISO. */
export function selfTestCellText(v: RawCell): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return String(Math.round(v * 1e9) / 1e9);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateCell(v)) return v.date;
  if (isUncomputed(v)) return `=${v.formula}`;
  return v.normalize('NFC').trim();
}

/** Every non-empty cell of the compared sheets. */
export function figureFacts(workbook: WorkbookPort): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of SELFTEST_SHEETS) {
    const name = SHEET_NAMES[key];
    const grid = workbook.readSheet(name);
    if (!grid) continue;
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const text = selfTestCellText(v);
        if (text !== '') out[`${name}!${a1(r + 1, c + 1)}`] = text;
      }),
    );
  }
  return out;
}

/**
 * A line of text as both a Doc and a model give it: whitespace runs to one space, no bullet mark
 * (a Doc's list glyph is not text), NFC.
 */
export function normalizeLine(line: string): string {
  return line.normalize('NFC').replace(/\s+/g, ' ').replace(/^- /, '').trim();
}

/** A model's lines, normalised, empty ones dropped. */
export function documentLines(model: DocModel): string[] {
  return modelText(model).flatMap((l) => l.split('\n')).map(normalizeLine).filter(Boolean);
}

/** A DocumentPort that also keeps each model's lines (the build's expected values). */
export function recordingDocuments(inner: DocumentPort): { port: DocumentPort; lines: Map<string, string[]> } {
  const lines = new Map<string, string[]>();
  return {
    lines,
    port: {
      createDocument(model, options) {
        lines.set(options.name, documentLines(model));
        return inner.createDocument(model, options);
      },
    },
  };
}

/**
 * The job on the sample school: install the template and the sample, validate, update the
 * progress, make each report. `ctx` must be a selfTestContext over an empty workbook.
 */
export function runSelfTestFlow(ctx: AppContext): MaybePromise<SelfTestRun> {
  const lang = SELFTEST_FRAME.lang;
  const recorder = recordingDocuments(ctx.documents);
  const c = { ...ctx, documents: recorder.port };
  installSample(c, { lang });
  const check = validateWorkbook(c, { lang, asOf: SELFTEST_FRAME.asOf });
  updateProgress(c, { lang, asOf: SELFTEST_FRAME.asOf, period: SELFTEST_FRAME.period });
  const made = {} as Record<ReportType, CreatedDocument>;
  const documents = {} as Record<ReportType, string[]>;
  const step = (i: number): MaybePromise<void> => {
    const type = SELFTEST_REPORTS[i];
    if (!type) return undefined;
    return thenMaybe(generateReport(c, { lang, type, asOf: SELFTEST_FRAME.asOf, period: SELFTEST_FRAME.period, date: SELFTEST_FRAME.date }), (r) => {
      made[type] = r.document;
      documents[type] = recorder.lines.get(r.document.name) ?? [];
      return step(i + 1);
    });
  };
  return thenMaybe(step(0), () => ({
    facts: { figures: figureFacts(c.workbook), counts: check.counts, documents },
    made,
  }));
}

/** Lines of `expected` not found in `actualText` (a Doc's body text), in order of the model. */
export function missingLines(expected: readonly string[], actualText: string): string[] {
  const have = normalizeLine(actualText.split('\n').join(' \n '));
  const lines = new Set(actualText.split('\n').map(normalizeLine));
  return expected.filter((l) => !lines.has(l) && !have.includes(l));
}

const shortList = (items: readonly string[], n = 3): string =>
  items.slice(0, n).join('; ') + (items.length > n ? ` (+${items.length - n})` : '');

/**
 * Compare a run with the build's expected facts. `docTexts` is each Doc's body text as read back
 * from Google (or null when it could not be read).
 */
export function compareSelfTest(
  expected: SelfTestFacts,
  actual: SelfTestFacts,
  docTexts: Partial<Record<ReportType, string | null>>,
  lang: Lang,
): SelfTestRow[] {
  const rows: SelfTestRow[] = [];
  const e = expected.counts;
  const a = actual.counts;
  const countsOk = e.error === a.error && e.warning === a.warning && e.notice === a.notice;
  rows.push({
    check: t(lang, 'selftest.checkValidation'),
    ok: countsOk,
    detail: t(lang, 'selftest.counts', { error: a.error, warning: a.warning, notice: a.notice, eError: e.error, eWarning: e.warning, eNotice: e.notice }),
  });
  for (const key of SELFTEST_SHEETS) {
    const sheet = SHEET_NAMES[key];
    const prefix = `${sheet}!`;
    const cells = new Set([...Object.keys(expected.figures), ...Object.keys(actual.figures)].filter((k) => k.startsWith(prefix)));
    const wrong = [...cells].filter((k) => expected.figures[k] !== actual.figures[k]);
    rows.push({
      check: t(lang, 'selftest.checkSheet', { sheet }),
      ok: wrong.length === 0 && cells.size > 0,
      detail:
        wrong.length === 0
          ? t(lang, 'selftest.cellsSame', { n: cells.size })
          : t(lang, 'selftest.cellsDiffer', {
              n: wrong.length,
              total: cells.size,
              first: shortList(wrong.map((k) => `${k.slice(prefix.length)}: ${JSON.stringify(actual.figures[k] ?? '')} ≠ ${JSON.stringify(expected.figures[k] ?? '')}`)),
            }),
    });
  }
  for (const type of SELFTEST_REPORTS) {
    const want = expected.documents[type] ?? [];
    const model = actual.documents[type] ?? [];
    const modelWrong = want.length !== model.length || want.some((l, i) => l !== model[i]);
    const text = docTexts[type];
    const missing = text == null ? want : missingLines(want, text);
    const ok = !modelWrong && text != null && missing.length === 0 && want.length > 0;
    rows.push({
      check: t(lang, 'selftest.checkDocument', { type: t(lang, `selftest.type_${type}`) }),
      ok,
      detail:
        text == null
          ? t(lang, 'selftest.docUnread')
          : modelWrong
            ? t(lang, 'selftest.docModelDiffers', { n: model.length, expected: want.length })
            : missing.length === 0
              ? t(lang, 'selftest.linesFound', { n: want.length })
              : t(lang, 'selftest.linesMissing', { n: missing.length, total: want.length, first: shortList(missing.map((l) => JSON.stringify(l)), 2) }),
    });
  }
  return rows;
}

/** The table the maintainer reads in the execution log (and `clasp run` prints). */
export function selfTestTable(rows: readonly SelfTestRow[], lang: Lang, links: readonly string[] = []): string {
  const mark = (ok: boolean) => t(lang, ok ? 'selftest.pass' : 'selftest.fail');
  const width = Math.max(...rows.map((r) => r.check.length), 10);
  const lines = rows.map((r) => `${mark(r.ok).padEnd(5)} ${r.check.padEnd(width)}  ${r.detail}`);
  const passed = rows.filter((r) => r.ok).length;
  lines.push('', t(lang, passed === rows.length ? 'selftest.allPassed' : 'selftest.someFailed', { passed, total: rows.length }));
  for (const l of links) lines.push(l);
  return lines.join('\n');
}
