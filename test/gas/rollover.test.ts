// `Năm mới` through the built bundle (dist/Code.js, `node build.mjs` first) in the offline
// runtime: the add-on has no scope to make a file, so the original gets ready (one Nhật ký row
// with its spreadsheet ID), the user makes a copy (File › Make a copy: the registry's copy, a new
// ID, the same cells), and the copy is rolled forward in place. The original is refused, every
// cell of it left as it was; the menu item opens the sidebar on the new-year card.
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../gas-runtime/index.ts';
import { gasBook, gasLayoutSnapshot } from '../contract/gas-adapter.ts';
import { installTemplate } from '../../src/core/install.ts';
import { fillSample, SAMPLE_SCHOOL } from '../../src/core/sample.ts';
import type { RawCell, WorkbookPort } from '../../src/core/ports.ts';

const HANG = 'hieutruong@mnbenthanh.edu.vn';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
type View = { place: string; fromYear: number; toYear: number };

function school() {
  const book = gasBook({ now: '2024-12-20T09:00:00+07:00', virtualDate: true, userEmail: HANG });
  const port = book.open();
  installTemplate(port, { lang: 'vi', today: SAMPLE_SCHOOL.asOf, name: SAMPLE_SCHOOL.name, code: SAMPLE_SCHOOL.code, year: SAMPLE_SCHOOL.year });
  fillSample(port);
  const addon = loadAddon({ runtime: book.runtime });
  return { book, rt: book.runtime, addon, originalId: book.runtime.active!.getId() };
}

/** Every sheet's values, read through a fresh adapter on the active spreadsheet. */
function cells(port: WorkbookPort): Record<string, RawCell[][]> {
  return Object.fromEntries(port.sheetNames().map((n) => [n, port.readSheet(n)!.values]));
}

const filled = (rows: RawCell[][]) => rows.slice(1).filter((r) => r.some((v) => v !== null && v !== ''));

describe('Năm mới in Apps Script', () => {
  it('the original gets ready with one log row and is never rolled; its copy is rolled in place', () => {
    const { book, rt, addon, originalId } = school();
    const original = rt.active!;

    expect((addon.run('rolloverState', {}) as Envelope<View>)).toEqual({ ok: true, value: { place: 'none', fromYear: 2024, toYear: 2025 } });
    // Rolling before getting ready: refused, nothing written.
    const untouched = cells(book.open());
    const early = addon.run('rollCopy', {}) as Envelope<unknown>;
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error.code).toBe('NO_MARKER');
    expect(cells(book.open())).toEqual(untouched);

    // Get ready: one Nhật ký row, carrying this spreadsheet's ID; nothing else changes.
    const ready = addon.run('startRollover', {}) as Envelope<View>;
    expect(ready).toEqual({ ok: true, value: { place: 'original', fromYear: 2024, toYear: 2025 } });
    const before = cells(book.open());
    for (const n of Object.keys(untouched)) if (n !== 'Nhật ký') expect(before[n], n).toEqual(untouched[n]);
    const log = filled(before['Nhật ký']!);
    expect(log).toHaveLength(filled(untouched['Nhật ký']!).length + 1);
    expect(log.at(-1)!.slice(1)).toEqual([
      HANG,
      'Năm mới',
      `Chuẩn bị năm 2025: tạo bản sao của bảng tính này (Tệp › Tạo bản sao), mở bản sao rồi bấm Năm mới. Bảng tính này giữ nguyên. [cchc-rollover ${originalId} 2025]`,
    ]);

    // Pressed again in the original: refused with what to do, not a cell changed.
    const refused = addon.run('rollCopy', {}) as Envelope<unknown>;
    expect(refused).toEqual({
      ok: false,
      error: { code: 'IS_ORIGINAL', message: 'Đây là bảng tính gốc của năm 2024: dữ liệu năm cũ không được thay đổi. Tạo bản sao (Tệp › Tạo bản sao), mở bản sao rồi bấm Năm mới ở đó.' },
    });
    expect(cells(book.open())).toEqual(before);

    // File › Make a copy, then open the copy: a new ID, the same cells.
    const copy = rt.spreadsheets.copy(originalId, { name: 'CCHC 2025' });
    expect(copy.getId()).not.toBe(originalId);
    rt.spreadsheets.active = copy;
    // (book.open() reads the spreadsheet it was made on: the original, from here on.)
    expect((addon.run('rolloverState', {}) as Envelope<View>)).toEqual({ ok: true, value: { place: 'copy', fromYear: 2024, toYear: 2025 } });

    const done = addon.run('rollCopy', {}) as Envelope<unknown>;
    expect(done).toEqual({ ok: true, value: { fromYear: 2024, toYear: 2025, tasks: 14, pastYear: 14, kpis: 16, initiatives: 1, counts: { error: 0, warning: 14, notice: 0 } } });

    // The copy is the 2025 workbook now.
    const state = addon.run('getState', {}) as Envelope<{ planYear: number }>;
    expect(state.ok && state.value.planYear).toBe(2025);
    const copyValues = Object.fromEntries(copy.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]));
    const settings = copyValues['Thông tin']!;
    expect(settings.find((r) => r[0] === 'Năm')?.[1]).toBe(2025);
    expect(settings.some((r) => String(r[0]).startsWith('Số văn bản tiếp theo'))).toBe(false);
    const tasks = filled(copyValues['Kế hoạch'] as RawCell[][]);
    expect(tasks).toHaveLength(14);
    expect(tasks[0]!.slice(0, 4)).toEqual([1, 'LV1', 'Duy trì chuyên mục CCHC trên Trang thông tin điện tử của trường; đăng 1–2 sản phẩm truyền thông mỗi quý', 'Lý Thị Phương Dung']);
    expect(filled(copyValues['Hoạt động'] as RawCell[][])).toEqual([]);
    const copyLog = filled(copyValues['Nhật ký'] as RawCell[][]);
    expect(copyLog).toHaveLength(1);
    expect(copyLog[0]!.slice(1)).toEqual([HANG, 'Năm mới', `Bảng tính năm 2025, chuyển từ năm 2024 (${originalId}): 14 nhiệm vụ, 16 chỉ tiêu, 1 sáng kiến được chuyển sang`]);

    // Rolled once: a second press is refused (the marker went with the old log).
    const again = addon.run('rollCopy', {}) as Envelope<unknown>;
    expect(!again.ok && again.error.code).toBe('NO_MARKER');
    expect((addon.run('rolloverState', {}) as Envelope<View>)).toEqual({ ok: true, value: { place: 'none', fromYear: 2025, toYear: 2026 } });

    // The original: every cell as it was once it got ready.
    rt.spreadsheets.active = original;
    expect(cells(book.open())).toEqual(before);
    expect((addon.run('rolloverState', {}) as Envelope<View>).ok && original.getSheetByName('Thông tin')!.getDataRange().getValues().find((r) => r[0] === 'Năm')?.[1]).toBe(2024);
  });

  it('File › Make a copy in the runtime: a new ID, the same cells and layout, no document properties', () => {
    const { rt, originalId } = school();
    const original = rt.spreadsheets.get(originalId)!;
    rt.properties.document(originalId).set('cchc.test', 'x');
    const copy = rt.spreadsheets.copy(originalId);
    expect(copy.getId()).not.toBe(originalId);
    expect(copy.getSheets().map((s) => s.getName())).toEqual(original.getSheets().map((s) => s.getName()));
    for (const s of original.getSheets()) {
      const c = copy.getSheetByName(s.getName())!;
      expect(c.getDataRange().getValues(), s.getName()).toEqual(s.getDataRange().getValues());
      expect(gasLayoutSnapshot(c as never), s.getName()).toEqual(gasLayoutSnapshot(s as never));
    }
    expect(gasLayoutSnapshot(copy.getSheetByName('Kế hoạch') as never).ourRules).toBeGreaterThan(0);
    expect(rt.properties.document(copy.getId()).size).toBe(0);
    // Editing the copy leaves the original alone.
    copy.getSheetByName('Thông tin')!.getRange('B2').setValue('đổi');
    expect(original.getSheetByName('Thông tin')!.getRange('B2').getValue()).not.toBe('đổi');
  });

  it('a copy made without getting ready is not rolled; a workbook without the template is refused', () => {
    const { rt, addon, originalId } = school();
    const copy = rt.spreadsheets.copy(originalId);
    rt.spreadsheets.active = copy;
    expect((addon.run('rolloverState', {}) as Envelope<View>)).toEqual({ ok: true, value: { place: 'none', fromYear: 2024, toYear: 2025 } });
    const r = addon.run('rollCopy', {}) as Envelope<unknown>;
    expect(!r.ok && r.error.code).toBe('NO_MARKER');
    expect(copy.getSheetByName('Thông tin')!.getDataRange().getValues().find((x) => x[0] === 'Năm')?.[1]).toBe(2024);

    rt.spreadsheets.active = rt.spreadsheets.create({ name: 'Trống' });
    for (const call of ['rolloverState', 'startRollover', 'rollCopy']) {
      const e = addon.run(call, {}) as Envelope<unknown>;
      expect(e.ok, call).toBe(false);
      expect(!e.ok && e.error.code, call).toBe('NOT_INSTALLED');
    }
  });

  it('the menu has Năm mới; it opens the sidebar on the new-year card', () => {
    const { rt, addon } = school();
    addon.call('onOpen', { authMode: 'LIMITED' });
    const entries = rt.ui.menus.at(-1)!.entries as { caption?: string; functionName?: string }[];
    expect(entries.find((e) => e.functionName === 'menuRollover')?.caption).toBe('Năm mới');
    addon.call('menuRollover');
    expect(rt.ui.lastSidebar()!.content).toContain('window.CCHC_VIEW = "rollover"');
  });
});
