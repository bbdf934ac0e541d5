// What the installed template looks like on both workbook adapters (the .xlsx file saved and
// reopened; the Google Sheet on the offline runtime): the colours of Kế hoạch read the as-of date
// at Tổng hợp!B2 (evaluated from the stored rules), a re-install replaces the add-on's older rules
// and keeps the user's, the guide's paragraphs are merged and sized, wrapped rows fit their text.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installTemplate } from '../../src/core/install.ts';
import { dayNumber } from '../../src/core/progress/dates.ts';
import { isDateCell, type WorkbookPort } from '../../src/core/ports.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { evaluate, type Value } from '../core/helpers/formula-eval.ts';
import { gasBook, gasMerges, gasRowHeightPx, gasRuleFormulas } from './gas-adapter.ts';
import { sheetOf, xlsxMerges, xlsxRowHeightPx, xlsxRuleFormulas } from './xlsx-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-look-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

interface Book {
  port: WorkbookPort;
  reload(): Promise<WorkbookPort>;
  rules(sheet: string): { ranges: string; formula: string }[];
  merges(sheet: string): string[];
  rowHeightPx(sheet: string, row: number): number | null;
  addUserRule(sheet: string): void;
  /** The cell wraps its text. */
  wraps(sheet: string, row: number, col: number): boolean;
}

async function xlsx(): Promise<Book> {
  let book = XlsxWorkbook.create();
  const b: Book = {
    port: book,
    async reload() {
      const file = path.join(dir, `look-${++fileNo}.xlsx`);
      await book.save(file);
      book = await XlsxWorkbook.open(file);
      b.port = book;
      return book;
    },
    rules: (s) => xlsxRuleFormulas(book, s),
    merges: (s) => xlsxMerges(book, s),
    rowHeightPx: (s, r) => xlsxRowHeightPx(book, s, r),
    addUserRule(s) {
      sheetOf(book, s).addConditionalFormatting({
        ref: 'J2:J50',
        rules: [{ type: 'cellIs', operator: 'lessThan', priority: 1, formulae: ['0.5'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFFF00' } } } }],
      });
    },
    wraps: (s, r, c) => sheetOf(book, s).getRow(r).getCell(c).alignment?.wrapText === true,
  };
  return b;
}

async function sheets(): Promise<Book> {
  const g = gasBook();
  const sheet = (name: string) => g.ss.getSheetByName(name)!;
  const quiet = <T>(f: () => T): T => g.runtime.core.uncounted(f);
  const b: Book = {
    port: g.open(),
    async reload() {
      b.port = g.open();
      return b.port;
    },
    rules: (s) => quiet(() => gasRuleFormulas(sheet(s))),
    merges: (s) => quiet(() => gasMerges(sheet(s))),
    rowHeightPx: (s, r) => quiet(() => gasRowHeightPx(sheet(s), r)),
    addUserRule(s) {
      const rule = g.runtime.services.SpreadsheetApp.newConditionalFormatRule()
        .whenNumberLessThan(0.5)
        .setBackground('#ffff00')
        .setRanges([sheet(s).getRange('J2:J50') as never])
        .build();
      sheet(s).setConditionalFormatRules([...sheet(s).getConditionalFormatRules(), rule] as never);
    },
    wraps: (s, r, c) => quiet(() => sheet(s).getRange(r, c).getWrap()),
  };
  return b;
}

const OPTS = { lang: 'vi' as const, today: '2024-06-30', name: 'Trường Mầm non Bến Thành', code: 'MNBT', year: 2024 };

// The rules written out by hand, for the installer's columns: Hạn hoàn thành G, Trạng thái I,
// Ngày hoàn thành K, data from row 2.
const AS_OF = `IF(ISNUMBER(INDIRECT("'Tổng hợp'!$B$2")),INDIRECT("'Tổng hợp'!$B$2"),TODAY())`;
const DONE = `OR(TRIM($I2)="Hoàn thành",TRIM($I2)="Đã hoàn thành",TRIM($I2)="Xong",TRIM($I2)="Đã xong",TRIM($I2)="Done")`;
const CANCELLED = `OR(TRIM($I2)="Hủy bỏ",TRIM($I2)="Huỷ bỏ",TRIM($I2)="Hủy",TRIM($I2)="Huỷ",TRIM($I2)="Đã hủy",TRIM($I2)="Đã huỷ",TRIM($I2)="Không thực hiện",TRIM($I2)="Cancelled")`;
const DONE_BY = `AND(${DONE},ISNUMBER($K2),$K2<=${AS_OF})`;
const MARK = 'N("cchc")=0';
const EXPECTED_PLAN_RULES = [
  { ranges: 'G2:G1001', formula: `AND(AND(ISNUMBER($G2),$G2<${AS_OF},NOT(${CANCELLED}),NOT(${DONE_BY})),${MARK})` },
  { ranges: 'G2:G1001', formula: `AND(AND(ISNUMBER($G2),$G2>=${AS_OF},$G2<=${AS_OF}+7,NOT(${CANCELLED}),NOT(${DONE_BY})),${MARK})` },
  { ranges: 'I2:I1001', formula: `AND(${DONE_BY},${MARK})` },
  { ranges: 'N2:N1001', formula: `AND(TRIM(N2)="Quá hạn",${MARK})` },
  { ranges: 'N2:N1001', formula: `AND(TRIM(N2)="Hoàn thành trễ hạn",${MARK})` },
  { ranges: 'N2:N1001', formula: `AND(TRIM(N2)="Sắp đến hạn",${MARK})` },
  { ranges: 'N2:N1001', formula: `AND(TRIM(N2)="Chậm tiến độ",${MARK})` },
  { ranges: 'N2:N1001', formula: `AND(TRIM(N2)="Hoàn thành đúng hạn",${MARK})` },
];

/** Evaluate the stored rules of a column at a row, on the stored cells. */
function painted(book: Book, port: WorkbookPort, rule: { ranges: string; formula: string }, row: number): boolean {
  const grids = new Map(port.sheetNames().map((n) => [n, port.readSheet(n)!]));
  const col = rule.ranges.charCodeAt(0) - 64;
  const ctx = {
    sheet: 'Kế hoạch',
    today: dayNumber('2025-01-15'),
    sheetExists: (s: string) => grids.has(s),
    cell(s: string, r: number, c: number): Value {
      const v = grids.get(s)?.values[r - 1]?.[c - 1] ?? null;
      if (v === '' || v === null) return null;
      return isDateCell(v) ? dayNumber(v.date) : typeof v === 'object' ? null : v;
    },
  };
  void book;
  return evaluate(rule.formula, ctx, { row, col }, { row: 2, col }) === true;
}

for (const [name, make] of [['xlsx', xlsx], ['Google Sheets', sheets]] as const) {
  describe(`the installed look (${name})`, () => {
    it('colours Kế hoạch by the as-of date at Tổng hợp!B2: done after it is not green', async () => {
      const b = await make();
      installTemplate(b.port, OPTS);
      // Hạn hoàn thành G, Trạng thái I, Ngày hoàn thành K.
      b.port.writeBlock('Kế hoạch', 2, 7, [
        [{ date: '2024-06-01' }, null, 'Hoàn thành', null, { date: '2024-07-02' }],
        [{ date: '2024-06-01' }, null, 'Hoàn thành', null, { date: '2024-05-30' }],
        [{ date: '2024-07-03' }, null, 'Đang thực hiện', null, null],
        [{ date: '2024-08-31' }, null, 'Đang thực hiện', null, null],
      ]);
      b.port.writeBlock('Tổng hợp', 2, 1, [['Tính đến ngày', { date: '2024-06-30' }]]);
      const port = await b.reload();
      const rules = b.rules('Kế hoạch');
      expect(rules).toEqual(EXPECTED_PLAN_RULES);
      const [red, amber, green] = rules as [typeof rules[0], typeof rules[0], typeof rules[0]];
      // Row 2: done on 02/07, after the as-of date 30/06: still open then, so red, not green.
      expect([painted(b, port, red, 2), painted(b, port, amber, 2), painted(b, port, green, 2)]).toEqual([true, false, false]);
      // Row 3: done on 30/05: green, not red.
      expect([painted(b, port, red, 3), painted(b, port, amber, 3), painted(b, port, green, 3)]).toEqual([false, false, true]);
      // Row 4: due 03/07, 3 days after the as-of date: amber (today, 15/01/2025, it would be red).
      expect([painted(b, port, red, 4), painted(b, port, amber, 4)]).toEqual([false, true]);
      // Row 5: due 31/08: nothing yet on 30/06.
      expect([painted(b, port, red, 5), painted(b, port, amber, 5)]).toEqual([false, false]);
    });

    it('a re-install replaces the add-on’s older rules (TODAY()) and keeps the user’s', async () => {
      const b = await make();
      installTemplate(b.port, OPTS);
      // The rules an earlier version installed, marked as the add-on's by the adapter.
      b.port.applyLayout('Kế hoạch', {
        frozenRows: 1,
        headerRow: true,
        columns: [],
        dataRows: 1000,
        conditionalFormats: [
          { kind: 'formula', columns: [7], formula: '=AND(ISNUMBER($G2),$G2<TODAY(),$I2<>"Hoàn thành",$I2<>"Hủy bỏ")', background: '#f4cccc' },
          { kind: 'textEquals', columns: [9], text: 'Hoàn thành', background: '#d9ead3' },
        ],
      });
      b.addUserRule('Kế hoạch');
      let port = await b.reload();
      installTemplate(port, OPTS);
      port = await b.reload();
      const rules = b.rules('Kế hoạch');
      expect(rules.slice(0, EXPECTED_PLAN_RULES.length)).toEqual(EXPECTED_PLAN_RULES);
      expect(rules).toHaveLength(EXPECTED_PLAN_RULES.length + 1);
      expect(rules.at(-1)!.ranges).toBe('J2:J50');
      expect(rules.some((r) => r.formula.includes('<TODAY()'))).toBe(false);
    });

    it('merges the guide’s paragraphs across its four columns and gives them their height', async () => {
      const b = await make();
      installTemplate(b.port, OPTS);
      installTemplate(b.port, OPTS); // again: the guide is rewritten, merges and all
      const port = await b.reload();
      // Title, version, `Quy tắc chung` and its six rules, the areas' title, the areas' hint.
      expect(b.merges('Hướng dẫn')).toEqual(['A10:D10', 'A12:D12', 'A1:D1', 'A21:D21', 'A2:D2', 'A4:D4', 'A5:D5', 'A6:D6', 'A7:D7', 'A8:D8', 'A9:D9']);
      const guide = port.readSheet('Hướng dẫn')!;
      expect(String(guide.values[4]![0])).toMatch(/^• Dòng 1 của mỗi sheet là dòng tiêu đề/);
      // The first rule (about 215 characters) takes two lines across 1,190 px; the others one.
      expect(b.rowHeightPx('Hướng dẫn', 5)).toBe(40);
      expect([1, 2, 4, 6, 7, 8, 9, 10, 12, 21].map((r) => b.rowHeightPx('Hướng dẫn', r))).toEqual(Array(10).fill(20));
      expect(b.wraps('Hướng dẫn', 5, 1)).toBe(true);
    });

    it('wraps headers, Nơi nhận and links; in an .xlsx file wrapped rows get their height', async () => {
      const b = await make();
      installTemplate(b.port, OPTS);
      const settings = b.port.readSheet('Thông tin')!;
      const recipientsRow = settings.values.findIndex((r) => r[0] === 'Nơi nhận') + 1;
      b.port.writeBlock('Thông tin', recipientsRow, 2, [['Phòng Nội vụ Quận 1\nThành viên BCĐ CCHC\nLưu: VT']]);
      b.port.writeBlock('Kế hoạch', 2, 12, [['https://mnbenthanh.edu.vn/cchc/qd-kien-toan-bcd-2024']]);
      await b.reload();
      expect(b.wraps('Kế hoạch', 1, 3)).toBe(true); // header
      expect(b.wraps('Thông tin', recipientsRow, 2)).toBe(true);
      expect(b.wraps('Kế hoạch', 2, 12)).toBe(true); // Minh chứng
      if (name === 'xlsx') {
        // Three lines of Nơi nhận: 3 × 20 px. The link (52 characters, about 340 px, in 220 px) takes 2.
        expect(b.rowHeightPx('Thông tin', recipientsRow)).toBe(60);
        expect(b.rowHeightPx('Kế hoạch', 2)).toBe(40);
        // Sáng kiến's score headers wrap to three lines in 90 px; Kế hoạch's fit on one.
        expect(b.rowHeightPx('Sáng kiến', 1)).toBe(60);
        expect(b.rowHeightPx('Kế hoạch', 1)).toBeNull();
      } else {
        // Sheets fits rows with wrapped text itself: no height is set.
        expect(b.rowHeightPx('Thông tin', recipientsRow)).toBeNull();
        expect(b.rowHeightPx('Sáng kiến', 1)).toBeNull();
      }
    });
  });
}
