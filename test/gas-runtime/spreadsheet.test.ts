import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createRuntime, MSG } from './index.ts';

function setup(seed?: Parameters<typeof createRuntime>[0]) {
  const rt = createRuntime(seed);
  const app = rt.services.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  if (!ss) throw new Error('no active spreadsheet');
  const sheet = ss.getActiveSheet();
  rt.calls.reset();
  return { rt, app, ss, sheet };
}

const msgOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('Spreadsheet', () => {
  it('has an id, url, name and the Vietnamese default time zone', () => {
    const { ss } = setup({ spreadsheet: { id: 'abc', name: 'Kế hoạch CCHC' } });
    expect(ss.getId()).toBe('abc');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(ss.getName()).toBe('Kế hoạch CCHC');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  it('inserts sheets at an index, makes them active, and refuses a duplicate name (any case) with Google’s message', () => {
    const { ss } = setup({ spreadsheet: { sheets: ['Hướng dẫn', 'Kế hoạch'] } });
    const s = ss.insertSheet('Tổng hợp', 1);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['Hướng dẫn', 'Tổng hợp', 'Kế hoạch']);
    expect(s.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Tổng hợp');
    expect(msgOf(() => ss.insertSheet('Kế hoạch'))).toBe('A sheet with the name "Kế hoạch" already exists. Please enter another name.');
    expect(msgOf(() => ss.insertSheet('KẾ HOẠCH'))).toBe(MSG.duplicateSheet('KẾ HOẠCH'));
    expect(msgOf(() => s.setName('Hướng dẫn'))).toBe(MSG.duplicateSheet('Hướng dẫn'));
    expect(ss.getSheets()).toHaveLength(3);
  });

  it('finds sheets by name; an NFD spelling is a different name', () => {
    const { ss } = setup({ spreadsheet: { sheets: ['Kế hoạch'] } });
    expect(ss.getSheetByName('Kế hoạch')?.getName()).toBe('Kế hoạch');
    expect(ss.getSheetByName('Kế hoạch'.normalize('NFD'))).toBeNull();
    expect(ss.getSheetByName('Không có')).toBeNull();
  });

  it('deletes sheets but never the last one', () => {
    const { ss } = setup({ spreadsheet: { sheets: ['A', 'B'] } });
    ss.deleteSheet(ss.getSheetByName('A')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(msgOf(() => ss.deleteSheet(ss.getSheetByName('B')!))).toBe(MSG.deleteLastSheet);
  });

  it('keeps named ranges, the active range and toasts', () => {
    const { rt, ss, sheet } = setup();
    ss.setNamedRange('CaiDat', sheet.getRange('B2:C3'));
    expect(ss.getRangeByName('CaiDat')?.getA1Notation()).toBe('B2:C3');
    expect(ss.getRangeByName('Khac')).toBeNull();
    ss.setActiveSelection('D4');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('D4');
    ss.setActiveRange(sheet.getRange('A1:B1'));
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1:B1');
    ss.toast('Đã kiểm tra xong', 'CCHC');
    expect(rt.ui.toasts).toEqual([{ message: 'Đã kiểm tra xong', title: 'CCHC', timeoutSeconds: 5 }]);
  });
});

describe('SpreadsheetApp.openById', () => {
  it('opens any registered spreadsheet and throws Google’s messages for unknown, forbidden and deleted ids', () => {
    const { rt, app } = setup();
    const school = rt.spreadsheets.create({ id: 'school-1', name: 'MN Bến Thành' });
    expect(app.openById('school-1').getName()).toBe(school.getName());
    expect(msgOf(() => app.openById('nope'))).toBe(MSG.openUnknown);
    rt.spreadsheets.forbid('school-1');
    expect(msgOf(() => app.openById('school-1'))).toBe('You do not have permission to access the requested document.');
    rt.spreadsheets.create({ id: 'gone' });
    rt.spreadsheets.markDeleted('gone');
    expect(msgOf(() => app.openById('gone'))).toBe("Document gone is missing (perhaps it was deleted, or you don't have read access?)");
    rt.spreadsheets.create({ id: 'school-2', name: 'MN Tân Định' });
    expect(app.openByUrl('https://docs.google.com/spreadsheets/d/school-2/edit#gid=0').getName()).toBe('MN Tân Định');
  });
});

describe('Sheet.getRange', () => {
  it('is 1-based and throws Google’s messages for a zero row or column or count', () => {
    const { sheet } = setup();
    expect(msgOf(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(msgOf(() => sheet.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(msgOf(() => sheet.getRange(1, 1, 0, 1))).toBe('The number of rows in the range must be at least 1.');
    expect(msgOf(() => sheet.getRange(1, 1, 1, 0))).toBe('The number of columns in the range must be at least 1.');
    // the classic empty-sheet bug: getLastRow() is 0
    expect(msgOf(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 3))).toBe('The number of rows in the range must be at least 1.');
    expect((() => {
      try {
        sheet.getRange(0, 1);
      } catch (e) {
        return (e as Error).name;
      }
      return '';
    })()).toBe('Exception');
  });

  it('refuses ranges outside the sheet (1000 × 26 by default)', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
    expect(msgOf(() => sheet.getRange(1001, 1))).toBe(MSG.outsideSheet);
    expect(msgOf(() => sheet.getRange(1, 1, 1, 27))).toBe(MSG.outsideSheet);
    expect(msgOf(() => sheet.getRange('AA1'))).toBe(MSG.outsideSheet);
  });

  it('reads A1 notation, open ranges and sheet-qualified references', () => {
    const { ss, sheet } = setup({ spreadsheet: { sheets: ['Sheet1', 'Kế hoạch'] } });
    const r = sheet.getRange('B2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 2, 4, 3, 5, 4]);
    expect(sheet.getRange('C:D').getNumRows()).toBe(1000);
    expect(sheet.getRange('A5:B').getA1Notation()).toBe('A5:B1000');
    const q = ss.getRange("'Kế hoạch'!A1:B2");
    expect(q.getSheet().getName()).toBe('Kế hoạch');
    expect(sheet.getRange("'Kế hoạch'!A1").getSheet().getName()).toBe('Kế hoạch');
    expect(msgOf(() => sheet.getRange('hello world'))).toBe('Range not found');
    expect(msgOf(() => ss.getRange('Missing!A1'))).toBe('Range not found');
  });

  it('offsets and picks cells relative to a range', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(msgOf(() => r.offset(-2, 0))).toBe(MSG.rowTooSmall);
  });
});

describe('Range values', () => {
  it('returns "" for empty cells, keeps numbers and booleans, and copies Dates', () => {
    const { sheet } = setup();
    const d = new Date('2024-09-05T00:00:00+07:00');
    sheet.getRange(1, 1, 1, 4).setValues([[1.5, true, d, null]]);
    const v = sheet.getRange(1, 1, 2, 4).getValues();
    expect(v).toEqual([
      [1.5, true, d, ''],
      ['', '', '', ''],
    ]);
    const read = v[0]?.[2] as Date;
    expect(read).not.toBe(d);
    read.setFullYear(2000);
    expect((sheet.getRange('C1').getValue() as Date).getFullYear()).toBe(2024);
    d.setFullYear(1999);
    expect((sheet.getRange('C1').getValue() as Date).getFullYear()).toBe(2024);
  });

  it('throws Google’s messages when setValues has the wrong shape and writes nothing', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 2, 3);
    expect(msgOf(() => r.setValues([[1, 2, 3]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(msgOf(() => r.setValues([[1, 2, 3], [4, 5]]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('accepts Dates made in another realm (the bundle’s vm context)', () => {
    const { sheet } = setup();
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 0, 2))') as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1').setValues([[foreign]]);
    const back = sheet.getRange('A1').getValue();
    expect(back instanceof Date).toBe(true);
    expect((back as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('dd/mm/yyyy');
  });

  it('accepts a 2-D array made in another realm', () => {
    const { sheet } = setup();
    const rows = vm.runInNewContext('[["Tên", new Date(0)], [1, true]]') as unknown[][];
    sheet.getRange('A1:B2').setValues(rows);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Tên', new Date(0)],
      [1, true],
    ]);
  });

  it('parses number-like strings as Sheets does, unless the cell is plain text or the string starts with an apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A5').setValues([['0903123456'], ['12,5'], ['50%'], ["'0903123456"], ['TRUE']]);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[903123456], ['12,5'], [0.5], ['0903123456'], [true]]);
    sheet.getRange('B1').setNumberFormat('@').setValue('0903123456');
    expect(sheet.getRange('B1').getValue()).toBe('0903123456');
  });

  it('setValue fills every cell of the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('formats display values by number format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([[0.456, 0.456, new Date('2024-06-30T10:00:00+07:00'), 1234567.891, 3, 'chữ']]);
    sheet.getRange('A1:F1').setNumberFormats([['0%', '0.0%', 'dd/mm/yyyy', '#,##0.00', '0.###############', '@']]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([['46%', '45.6%', '30/06/2024', '1,234,567.89', '3', 'chữ']]);
    expect(sheet.getRange('G1').getDisplayValue()).toBe('');
    expect(sheet.getRange('G1').getNumberFormat()).toBe('0.###############');
  });

  it('keeps seeded formulas with their computed values', () => {
    const { sheet } = setup();
    sheet.__setFormula('B2', '=1+1', 2);
    expect(sheet.getRange('B2').getValue()).toBe(2);
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['', '=1+1']]);
    sheet.getRange('C2').setFormula('=SUM(B:B)');
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM(B:B)');
    expect(sheet.getRange('C2').getValue()).toBe('');
    expect(sheet.getLastColumn()).toBe(3);
    sheet.getRange('B2').setValue(5);
    expect(sheet.getRange('B2').getFormula()).toBe('');
  });

  it('stores notes, backgrounds, fonts, wrap, alignment; clear() keeps notes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['Ghi chú', null]]).setBackgrounds([['#FCE8E6', null]]).setFontWeight('bold').setFontFamily('Roboto Mono').setFontColor('#B71C1C').setWrap(true).setHorizontalAlignment('center');
    r.setValues([['a', 'b']]);
    expect(r.getNotes()).toEqual([['Ghi chú', '']]);
    expect(r.getBackgrounds()).toEqual([['#fce8e6', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getFontFamilies()).toEqual([['Roboto Mono', 'Roboto Mono']]);
    expect(r.getFontColors()).toEqual([['#b71c1c', '#b71c1c']]);
    expect(r.getWraps()).toEqual([[true, true]]);
    expect(r.getHorizontalAlignment()).toBe('center');
    r.clear();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getNotes()).toEqual([['Ghi chú', '']]);
    r.clearNote();
    expect(r.getNote()).toBe('');
  });

  it('clearContent keeps formats; clearFormat keeps values', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue(0.5).setNumberFormat('0%').setBackground('#ff0000');
    r.clearContent();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual(['', '0%', '#ff0000']);
    r.setValue(0.5);
    r.clearFormat();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual([0.5, '0.###############', '#ffffff']);
  });
});

describe('Sheet structure', () => {
  it('tracks last row/column by content, data range and appendRow growing the sheet', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setBackground('#eeeeee');
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c']);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    sheet.getRange(1000, 1).setValue('cuối');
    sheet.appendRow(['thêm']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('thêm');
  });

  it('inserts and deletes rows and columns, shifting cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.insertRows(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [3], [5]]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [3], [5]]);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1, '', 2]]);
    sheet.insertColumnsAfter(26 + 1, 2);
    expect(sheet.getMaxColumns()).toBe(29);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
    expect(msgOf(() => sheet.deleteRows(2000, 1))).toBe(MSG.rowsOutOfBounds);
  });

  it('freezes rows, sets column widths, hides, renames and activates', () => {
    const { ss, sheet } = setup({ spreadsheet: { sheets: ['A', 'B'] } });
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 80);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([100, 240, 80]);
    const b = ss.getSheetByName('B')!;
    b.hideSheet();
    expect(b.isSheetHidden()).toBe(true);
    b.activate();
    expect(ss.getActiveSheet().getName()).toBe('B');
    b.setName('C');
    expect(ss.getSheetByName('C')?.getIndex()).toBe(2);
  });

  it('never hides the last visible sheet, and moves the active sheet off a sheet it hides', () => {
    const { ss } = setup({ spreadsheet: { sheets: ['A', 'B'] } });
    const [a, b] = [ss.getSheetByName('A')!, ss.getSheetByName('B')!];
    a.activate();
    a.hideSheet();
    expect(a.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('B');
    expect(msgOf(() => b.hideSheet())).toBe(MSG.hideLastSheet);
    expect(b.isSheetHidden()).toBe(false);
    a.showSheet();
    b.hideSheet();
    expect([a.isSheetHidden(), b.isSheetHidden()]).toEqual([false, true]);
  });

  it('clear, clearContents and clearFormats work on the whole sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(1).setBackground('#000000');
    sheet.clearContents();
    expect(sheet.getRange('A1').getBackground()).toBe('#000000');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1').setValue(1);
    sheet.clearFormats();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()]).toEqual([1, '#ffffff']);
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('Merged cells and row heights', () => {
  it('merges a block or each row, keeping only the top-left value; lists and breaks merges', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').setValues([['Đoạn văn', 'x', 'y'], ['Hai', 'z', '']]);
    sheet.getRange('A1:C2').mergeAcross();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([['Đoạn văn', '', ''], ['Hai', '', '']]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A3').isPartOfMerge()).toBe(false);
    expect(sheet.getRange('B1:B2').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1', 'A2:C2']);
    sheet.getRange('A1:C2').breakApart();
    expect(sheet.getRange('A1:C2').getMergedRanges()).toEqual([]);
    sheet.getRange('E1:F3').merge();
    expect(sheet.getRange('F3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['E1:F3']);
  });

  it('refuses to merge or unmerge over part of a merge, with Google’s message', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').merge();
    expect(msgOf(() => sheet.getRange('B1:D1').merge())).toBe(MSG.partialMerge);
    expect(msgOf(() => sheet.getRange('A1:B1').breakApart())).toBe(MSG.partialMerge);
    expect(MSG.partialMerge).toBe('You must select all cells in a merged range to merge or unmerge them.');
    // A range holding the whole merge may merge over it.
    sheet.getRange('A1:D1').merge();
    expect(sheet.getRange('A1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:D1']);
  });

  it('sets the height of rows, checks their bounds, and fits rows back to the default', () => {
    const { sheet } = setup();
    sheet.setRowHeights(2, 3, 60).setRowHeightsForced(6, 1, 30);
    expect([1, 2, 4, 5, 6].map((r) => sheet.getRowHeight(r))).toEqual([21, 60, 60, 21, 30]);
    expect(msgOf(() => sheet.setRowHeights(999, 5, 40))).toBe(MSG.rowsOutOfBounds);
    sheet.autoResizeRows(2, 3);
    expect(sheet.getRowHeight(3)).toBe(21);
  });
});

describe('Data validation, conditional formats, protection', () => {
  it('refuses a conditional format formula that names another sheet, takes one through INDIRECT', () => {
    const { app, ss, sheet } = setup({ spreadsheet: { sheets: ['Kế hoạch', 'Tổng hợp'] } });
    const rule = (formula: string) => app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground('#f4cccc').setRanges([sheet.getRange('G2:G1000')]).build();
    expect(msgOf(() => sheet.setConditionalFormatRules([rule("=$G2<'Tổng hợp'!$B$2")]))).toContain('Tổng hợp');
    expect(msgOf(() => sheet.setConditionalFormatRules([rule('=$G2<Sheet2!B2')]))).toContain('Sheet2');
    sheet.setConditionalFormatRules([rule(`=$G2<INDIRECT("'Tổng hợp'!$B$2")`), rule("=$G2<'Kế hoạch'!$B$2")]);
    expect(ss.getSheetByName('Kế hoạch')!.getConditionalFormatRules()).toHaveLength(2);
  });

  it('builds validations and reads them back per cell', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Chưa bắt đầu', 'Đang thực hiện', 'Hoàn thành'], true).setAllowInvalid(false).setHelpText('Chọn trạng thái').build();
    sheet.getRange('C2:C4').setDataValidation(rule);
    const got = sheet.getRange('C2:D2').getDataValidations();
    expect(got[0]?.[1]).toBeNull();
    const v = got[0]?.[0];
    expect(v?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(v?.getCriteriaValues()).toEqual([['Chưa bắt đầu', 'Đang thực hiện', 'Hoàn thành'], true]);
    expect(v?.getAllowInvalid()).toBe(false);
    expect(v?.getHelpText()).toBe('Chọn trạng thái');
    const copy = v!.copy().setAllowInvalid(true).build();
    expect([copy.getAllowInvalid(), v!.getAllowInvalid()]).toEqual([true, false]);
    const d = app.newDataValidation().requireDate().build();
    const n = app.newDataValidation().requireNumberBetween(0, 100).build();
    const e = app.newDataValidation().requireTextIsEmail().build();
    const after = app.newDataValidation().requireDateAfter(new Date('2024-01-01')).build();
    expect([d.getCriteriaType(), n.getCriteriaType(), n.getCriteriaValues(), e.getCriteriaType(), after.getCriteriaType()]).toEqual([
      'DATE_IS_VALID_DATE',
      'NUMBER_BETWEEN',
      [0, 100],
      'TEXT_IS_VALID_EMAIL',
      'DATE_AFTER',
    ]);
    expect(d.getAllowInvalid()).toBe(true);
    // validation is not enforced on script writes, as in Sheets
    sheet.getRange('C2').setValue('khác');
    expect(sheet.getRange('C2').getValue()).toBe('khác');
  });

  it('sets and reads conditional format rules', () => {
    const { app, sheet } = setup();
    const r1 = app.newConditionalFormatRule().whenTextEqualTo('Quá hạn').setBackground('#F4CCCC').setFontColor('#990000').setRanges([sheet.getRange('H2:H1000')]).build();
    const r2 = app.newConditionalFormatRule().whenFormulaSatisfied('=AND($N2<>"",$N2<TODAY())').setBackground('#FFF2CC').setRanges([sheet.getRange('A2:P1000')]).build();
    sheet.setConditionalFormatRules([r1, r2]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const c = rules[0]!.getBooleanCondition();
    expect([c.getCriteriaType(), c.getCriteriaValues(), c.getBackground(), c.getFontColor()]).toEqual(['TEXT_EQUAL_TO', ['Quá hạn'], '#f4cccc', '#990000']);
    expect(rules[1]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:P1000']);
    expect(rules[1]!.getBooleanCondition().getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    const empty = app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sheet.getRange('A1')]).build();
    sheet.setConditionalFormatRules([empty]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });

  it('protects sheets (one protection, returned again) and ranges; removes them', () => {
    const { app, sheet, rt } = setup();
    const p = sheet.protect().setDescription('Tổng hợp: do CCHC tính').setWarningOnly(true);
    expect(sheet.protect()).toBe(p);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getDescription()).toBe('Tổng hợp: do CCHC tính');
    expect((p.getRange() as { getA1Notation(): string }).getA1Notation()).toBe('A1:Z1000');
    const rp = sheet.getRange('N2:N1000').protect().setWarningOnly(true);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([rt.userEmail()]);
    rp.remove();
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });
});

describe('Charts', () => {
  it('builds, inserts and renders a chart to a PNG-like blob', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['Lĩnh vực', 'Tỷ lệ'],
      ['LV1', 0.5],
      ['LV2', 1],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(rt.services.Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setOption('title', 'Tiến độ')
      .setPosition(5, 4, 0, 0)
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    const blob = charts[0]!.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const bytes = blob.__bytes();
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(Buffer.from(bytes.slice(8)).toString('utf8')).toContain('"title":"Tiến độ"');
    expect(charts[0]!.getContainerInfo().getAnchorRow()).toBe(5);
    sheet.removeChart(charts[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('UI', () => {
  it('records menus, sidebars, dialogs and answers alerts from a queue', () => {
    const { rt, app } = setup();
    const ui = app.getUi();
    ui.createAddonMenu().addItem('Mở bảng điều khiển', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('Báo cáo').addItem('Quý', 'reportQuarter')).addToUi();
    expect(rt.ui.menus).toEqual([
      {
        addon: true,
        caption: '',
        entries: [
          { kind: 'item', caption: 'Mở bảng điều khiển', functionName: 'showSidebar' },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'Báo cáo', entries: [{ kind: 'item', caption: 'Quý', functionName: 'reportQuarter' }] },
        ],
      },
    ]);
    ui.showSidebar(rt.services.HtmlService.createHtmlOutput('<p>xin chào</p>').setTitle('CCHC'));
    expect(rt.ui.lastSidebar()?.title).toBe('CCHC');
    expect(rt.ui.lastSidebar()?.content).toBe('<p>xin chào</p>');
    expect(ui.alert('Xoá?', 'Xoá các dấu?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    rt.ui.answerNext('NO');
    expect(ui.alert('Xoá?', 'Xoá các dấu?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(rt.ui.alerts.map((a) => a.answered)).toEqual(['YES', 'NO']);
    rt.ui.answerNext('OK', 'Q3');
    const p = ui.prompt('Quý nào?');
    expect([p.getResponseText(), p.getSelectedButton()]).toEqual(['Q3', 'OK']);
  });
});

describe('Call counting on spreadsheet objects', () => {
  it('counts one call per method called by the script, not the fake’s inner calls', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 100, 5).setValues(Array.from({ length: 100 }, () => [1, 2, 3, 4, 5]));
    expect(rt.calls.count()).toBe(2);
    expect(rt.calls.count('Sheet.getRange')).toBe(1);
    expect(rt.calls.count('Range.setValues')).toBe(1);
    rt.calls.reset();
    for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    expect(rt.calls.count('Range.setValue')).toBe(10);
    expect(rt.calls.count('Range.*')).toBe(10);
    expect(rt.calls.snapshot().total).toBe(20);
  });

  it('a RangeList applies one format to non-adjacent ranges in one call, and refuses a bad A1 with Google’s message', () => {
    const { rt, sheet } = setup();
    const list = sheet.getRangeList(['A2:A5', 'C2:D5']);
    list.setNumberFormat('0%').setWrap(true).setBackground('#EEEEEE');
    // getRangeList and the three setters: one call each, whatever the ranges hold.
    expect(rt.calls.count()).toBe(4);
    expect(rt.calls.count('RangeList.setNumberFormat')).toBe(1);
    rt.core.uncounted(() => {
      expect(sheet.getRange('A2:D5').getNumberFormats()[0]).toEqual(['0%', '0.###############', '0%', '0%']);
      expect(sheet.getRange('A2:D2').getWraps()[0]).toEqual([true, false, true, true]);
      expect(sheet.getRange('C5').getBackground()).toBe('#eeeeee');
      expect(sheet.getRange('B3').getBackground()).toBe('#ffffff');
      expect(sheet.getRange('A6').getNumberFormat()).toBe('0.###############');
      expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A5', 'C2:D5']);
    });
    expect(msgOf(() => sheet.getRangeList(['A2:A5', 'nonsense!!']))).toBe(MSG.rangeNotFound);
    expect(msgOf(() => sheet.getRangeList(['A1:A1001']))).toBe(MSG.outsideSheet);
  });
});

