// cchcSelfTest, the proof a maintainer runs on a real account, run here through the built bundle
// in the offline runtime: green on a blank spreadsheet (so it is meaningful there), a refusal that
// touches nothing on a spreadsheet with data, and a red row when Google's answer differs.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, loadAddon } from '../gas-runtime/index.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';

const NOW = '2026-03-10T09:00:00+07:00';

function fresh(seed?: Parameters<typeof createRuntime>[0]) {
  const rt = createRuntime({ now: NOW, services: docsServices(), ...seed });
  return { rt, addon: loadAddon({ runtime: rt }) };
}

describe('cchcSelfTest on a blank spreadsheet', () => {
  it('runs the whole job, every check passes, prints the Docs links, and leaves only the Docs', () => {
    const { rt, addon } = fresh();
    const sheetsBefore = rt.active!.getSheets().map((s) => s.getName());
    const table = addon.call('cchcSelfTest') as string;
    const lines = table.split('\n');
    // One row per check: the sample's validation, four sheets' figures, three documents.
    const rows = lines.filter((l) => /^(ĐẠT|LỖI) /.test(l));
    expect(rows, table).toHaveLength(8);
    expect(rows.every((r) => r.startsWith('ĐẠT')), table).toBe(true);
    expect(table).toContain('Tất cả 8/8 mục đạt.');
    expect(table).toMatch(/Số liệu trang "Tổng hợp"\s+\d{2,} ô đúng như mong đợi/);
    expect(table).toMatch(/Văn bản: kế hoạch\s+đủ \d{3} dòng trong văn bản đọc lại/);
    // The three Docs exist and are linked.
    const links = lines.filter((l) => l.startsWith('Văn bản ') && l.includes('https://docs.google.com/document/d/'));
    expect(links).toHaveLength(3);
    // The spreadsheet is as it was: the same sheets, empty.
    expect(rt.active!.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(rt.active!.getSheets().every((s) => s.getLastRow() === 0)).toBe(true);
    // And the table went to the execution log, where `clasp run` and the editor show it.
    expect(rt.logs.messages().some((m) => m.includes('Tất cả 8/8 mục đạt.'))).toBe(true);
  }, 120_000);

  it('is not in the menu: a maintainer runs it with clasp run or from the editor', () => {
    const { rt, addon } = fresh();
    addon.call('onOpen', { authMode: 'FULL' });
    const menu = JSON.stringify(rt.ui);
    expect(menu).toContain('openSidebar');
    expect(menu).not.toContain('cchcSelfTest');
  });
});

describe('cchcSelfTest where it must not run', () => {
  it('refuses a spreadsheet with data and changes nothing in it', () => {
    const { rt, addon } = fresh();
    const sheet = rt.active!.getSheets()[0]!;
    sheet.getRange(3, 2).setValue('Dữ liệu của trường');
    rt.calls.reset();
    const answer = addon.call('cchcSelfTest') as string;
    expect(answer).toBe(`Tự kiểm tra chỉ chạy trên một bảng tính trống (trang "${sheet.getName()}" có dữ liệu). Hãy tạo một bảng tính mới trong bản triển khai thử.`);
    expect(rt.active!.getSheets()).toHaveLength(1);
    expect(sheet.getRange(3, 2).getValue()).toBe('Dữ liệu của trường');
    expect(rt.calls.count('Spreadsheet.insertSheet')).toBe(0);
    expect(rt.calls.count('Docs.Documents.create')).toBe(0);
  });

  it('says so, and cleans up, when the expected values do not match what Google made', () => {
    // A build whose expected values disagree with this run (as a real account would when its
    // Sheets or Docs differ from the product's model of them): one cell and one line changed.
    const dist = fs.mkdtempSync(path.join(process.cwd(), 'dist', '.selftest-'));
    try {
      fs.copyFileSync(path.join('dist', 'Code.js'), path.join(dist, 'Code.js'));
      const expected = JSON.parse(fs.readFileSync(path.join('dist', 'SelfTestExpected.html'), 'utf8'));
      const cell = Object.keys(expected.figures).find((k: string) => k.startsWith('Chỉ tiêu!'))!;
      expected.figures[cell] = 'khác';
      expected.documents.quarterly.push('Một dòng không có trong văn bản');
      fs.writeFileSync(path.join(dist, 'SelfTestExpected.html'), JSON.stringify(expected));
      const rt = createRuntime({ now: NOW, services: docsServices() });
      const addon = loadAddon({ runtime: rt, distDir: dist });
      const table = addon.call('cchcSelfTest') as string;
      expect(table).toContain('Chỉ 6/8 mục đạt.');
      expect(table).toMatch(new RegExp(`^LỖI\\s+Số liệu trang "Chỉ tiêu"\\s+1/\\d+ ô khác: ${cell.split('!')[1]}: `, 'm'));
      expect(table).toMatch(/^LỖI\s+Văn bản: báo cáo quý\s+nội dung dựng ra có \d+ dòng, cần \d+/m);
      expect(rt.active!.getSheets().every((s) => s.getLastRow() === 0)).toBe(true);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  }, 120_000);
});
