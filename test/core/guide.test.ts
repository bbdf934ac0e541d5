// The contract page and the Hướng dẫn sheet come from one list of rows built from the contract data.
import { describe, expect, it } from 'vitest';
import { DISTRICT_SHEETS, SCHOOL_SHEETS } from '../../src/core/contract/index.ts';
import { guideMarkdown, guideRows } from '../../src/core/guide.ts';

describe('the contract page (cchc template --markdown)', () => {
  const md = guideMarkdown(SCHOOL_SHEETS, 'vi');

  it('has a section per sheet and a table row per column, as the guide sheet does', () => {
    for (const name of ['Thông tin', 'Nhân sự', 'Kế hoạch', 'Chỉ tiêu', 'Sáng kiến', 'Hoạt động']) expect(md).toContain(`## Sheet “${name}”`);
    expect(md).toMatch(/^\| Hạn hoàn thành \| Có \| .+ \|$/m);
    expect(md).toMatch(/^\| Mã đơn vị \| Có \| Mã viết tắt của đơn vị, dùng trong số văn bản \(Số: 12\/BC-MNBT\)\. \| MNBT \|$/m);
    expect(md).toMatch(/^\| Trạng thái \|  \| .* \| Chưa bắt đầu; Đang thực hiện; Hoàn thành; Tạm dừng; Hủy bỏ \|$/m);
    // Every column of every input sheet is in the page, in its sheet's section.
    for (const s of SCHOOL_SHEETS.filter((x) => x.role === 'input')) {
      const section = md.split(`## Sheet “${s.name}”`)[1]!.split('\n## ')[0]!;
      for (const c of s.columns) expect(section, `${s.name} › ${c.header}`).toContain(`| ${c.header} |`);
    }
  });

  it('is well-formed Markdown: tables have a separator under their head and the same width throughout', () => {
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (!line.startsWith('|')) return;
      const width = line.split(' | ').length;
      const head = lines.slice(0, i + 1).reverse().find((l, k, arr) => l.startsWith('|') && !(arr[k + 1] ?? '').startsWith('|'));
      expect(width, line).toBe(head!.split(' | ').length);
    });
    expect(md).toMatch(/\| Cột \| Bắt buộc \| Cách nhập \| Giá trị được chọn \|\n\| --- \| --- \| --- \| --- \|/);
  });

  it('speaks English with en, and covers the district workbook', () => {
    expect(guideMarkdown(SCHOOL_SHEETS, 'en')).toContain('# HOW TO FILL IN: ADMINISTRATIVE REFORM TRACKING');
    expect(guideMarkdown(DISTRICT_SHEETS, 'vi')).toContain('## Sheet “Danh sách đơn vị”');
  });

  it('holds the same cells as the guide sheet', () => {
    const cells = guideRows(SCHOOL_SHEETS, 'vi').rows.flat().filter((v): v is string => typeof v === 'string' && v !== '' && !v.startsWith('• '));
    for (const c of cells) expect(md, c).toContain(c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
  });
});
