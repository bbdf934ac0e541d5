// The WorkbookPort contract on the in-memory workbook most core tests use
// (test/core/helpers/memory-workbook.ts): it must behave as the two real adapters do, or the core
// tests built on it prove nothing about a Google Sheet or an .xlsx file. "Reload" keeps the same
// object (there is nothing to persist).

import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../core/helpers/memory-workbook.ts';
import { cellAt, runWorkbookPortContract, type AdapterHandle, type LayoutSnapshot } from './workbook-port.contract.ts';

function snapshot(book: MemoryWorkbook, name: string): LayoutSnapshot {
  const s = book.sheets.get(name) ?? [...book.sheets.values()].find((x) => x.name.normalize('NFC') === name.normalize('NFC'));
  if (!s) throw new Error(`no sheet ${name}`);
  const headerRow = s.layout?.headerRowNumber ?? 1;
  const headerNotes: Record<number, string> = {};
  for (const [k, note] of s.notes) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    if (r === 1 && note) headerNotes[c] = note;
  }
  const ours = s.rules.filter((r) => r.formula.includes('N("cchc")'));
  return {
    frozenRows: s.frozenRows,
    ourRules: ours.length,
    otherRules: s.rules.length - ours.length,
    validatedColumns: [...s.validations].filter(([, v]) => v.fromRow <= 2 && v.toRow >= 2).map(([c]) => c).sort((a, b) => a - b),
    headerNotes,
    extra: {
      headerRow,
      widths: [...s.widths].sort((a, b) => a[0] - b[0]),
      validations: [...s.validations].sort((a, b) => a[0] - b[0]),
      rules: s.rules,
      protections: s.protections,
      formats: s.formats.slice(0, 3),
    },
  };
}

runWorkbookPortContract({
  name: 'MemoryWorkbook (test/core/helpers)',
  async create(): Promise<AdapterHandle> {
    const book = new MemoryWorkbook();
    return {
      port: book,
      reload: async () => book,
      layoutSnapshot: (sheet) => snapshot(book, sheet),
      setUserNote: (sheet, row, col, note) => book.setUserNote(sheet, row, col, note),
      noteAt: (sheet, row, col) => book.noteAt(sheet, row, col),
      addUserRule: (sheet) => book.addUserRule(sheet, { ranges: 'D2:D50', formula: 'D2<0.5', background: '#ffff00' }),
      calls: { count: () => book.callCount(), reset: () => book.resetCalls() },
      ruleFormulas: (sheet) => book.sheets.get(sheet)!.rules.map((r) => ({ ranges: r.ranges, formula: r.formula })),
      merges: (sheet) => book.mergedRanges(sheet),
      rowHeightPx: (sheet, row) => book.rowHeightPx(sheet, row),
      hidden: (sheet) => book.isHidden(sheet),
    };
  },
});

describe('MemoryWorkbook specifics', () => {
  it('counts one call per port method and none for its own inner reads', () => {
    const book = new MemoryWorkbook({ Nhật_ký: [['Thời gian']] });
    book.appendRows('Nhật_ký', [['a'], ['b']]);
    expect(book.calls).toEqual({ appendRows: 1 });
    book.readSheet('Nhật_ký');
    book.readSheet('Không có');
    expect(book.calls).toEqual({ appendRows: 1, readSheet: 2 });
    expect(book.callCount()).toBe(3);
  });

  it('takes a seeded grid and its formats as given', () => {
    const book = new MemoryWorkbook({ S: [['Tỷ lệ', 0.5]] }, { S: [['', '0%']] });
    const grid = book.readSheet('S')!;
    expect(grid).toEqual({ name: 'S', values: [['Tỷ lệ', 0.5]], formats: [['', '0%']] });
    expect(cellAt(grid, 1, 2)).toBe(0.5);
  });
});
