// Who gets which reminder for the fixture school on 03/07/2024 (test/fixtures/remind-school.ts
// says why, row by row), the week key, and the summary naming the unreachable owners.
import { describe, expect, it } from 'vitest';
import { readSchool } from '../../../src/core/read/index.ts';
import { planReminders, weekKey, mondayOf } from '../../../src/core/remind/index.ts';
import { MemoryWorkbook } from '../helpers/memory-workbook.ts';
import { HA, HANG, REMIND_AS_OF, fillRemindSchool } from '../../fixtures/remind-school.ts';
import type { Lang } from '../../../src/core/model.ts';

function plan(lang: Lang = 'vi', asOf = REMIND_AS_OF) {
  const book = new MemoryWorkbook();
  const { taskStart } = fillRemindSchool(book);
  expect(taskStart).toBe(2);
  const data = readSchool(book, { lang, today: asOf, asOf });
  return planReminders(data, { asOf, lang, linkOf: (row) => `https://sheet/#row=${row}`, workbookLink: 'https://sheet/' });
}

describe('the week', () => {
  it('is the ISO week of the as-of date, shown by its Monday', () => {
    expect(weekKey('2024-07-03')).toBe('2024-W27');
    expect(mondayOf('2024-07-03')).toBe('2024-07-01');
    expect(weekKey('2024-07-01')).toBe('2024-W27');
    expect(weekKey('2024-07-07')).toBe('2024-W27'); // Sunday: still the same week
    expect(weekKey('2024-07-08')).toBe('2024-W28');
    expect(weekKey('2024-12-30')).toBe('2025-W01'); // Monday of the week holding 2 January 2025
    expect(weekKey('2021-01-03')).toBe('2020-W53');
    expect(mondayOf('2021-01-03')).toBe('2020-12-28');
  });
});

describe('planReminders', () => {
  it('gives each owner with a valid e-mail their overdue and due-soon tasks, most late first', () => {
    const p = plan();
    expect(p.week).toBe('2024-W27');
    expect(p.monday).toBe('2024-07-01');
    expect(p.owners.map((o) => [o.name, o.unreachable, o.tasks.map((t) => [t.row, t.daysLate])])).toEqual([
      ['Nguyễn Mai Hằng', null, [[5, 0]]],
      ['Trần Thu Hà', null, [[2, 5], [11, -5], [3, -7]]],
      ['Lê Văn Bình', 'noEmail', [[6, 2], [11, -5]]],
      ['Phạm Thị Lan', 'invalidEmail', [[7, -2]]],
      ['Tổ Lá', 'notListed', [[8, 3]]],
    ]);
    // Hằng and Hà get a message each, and Hằng the summary; Tuấn (nothing due) and the three unreachable none.
    expect(p.messages.map((m) => [m.kind, m.to])).toEqual([['owner', HANG], ['owner', HA], ['summary', HANG]]);
  });

  it('writes the owner message plainly: subject with the Monday, deadline, days late, row and link', () => {
    const ha = plan().messages[1]!;
    expect(ha.subject).toBe('[CCHC] Nhắc việc tuần 01/07/2024');
    expect(ha.text).toContain('Kính gửi Trần Thu Hà,');
    expect(ha.text).toContain('anh/chị chủ trì 3 nhiệm vụ');
    expect(ha.text).toContain('1. Rà soát quy chế\n   Hạn 28/06/2024: quá hạn 5 ngày\n   Dòng 2, trang "Kế hoạch": https://sheet/#row=2');
    expect(ha.text).toContain('2. Phối hợp tổ chức\n   Hạn 08/07/2024: còn 5 ngày');
    expect(ha.text).toContain('3. Cập nhật website\n   Hạn 10/07/2024: còn 7 ngày');
    expect(ha.text).not.toContain('Lập hồ sơ');
    const hang = plan().messages[0]!;
    expect(hang.text).toContain('Hạn 03/07/2024: đến hạn hôm nay');
  });

  it('sends the signer one summary naming everyone, with why a person gets no mail', () => {
    const s = plan().messages[2]!;
    expect(s.subject).toBe('[CCHC] Nhắc việc tuần 01/07/2024: tổng hợp');
    expect(s.text).toContain('có 3 nhiệm vụ quá hạn và 4 nhiệm vụ đến hạn trong 7 ngày tới, của 5 người chủ trì');
    expect(s.text).toContain(`• Trần Thu Hà <${HA}>: đã gửi thư nhắc`);
    expect(s.text).toContain('• Lê Văn Bình: chưa có email trong "Nhân sự", không gửi được thư');
    expect(s.text).toContain('• Phạm Thị Lan: email trong "Nhân sự" không hợp lệ, không gửi được thư');
    expect(s.text).toContain('• Tổ Lá: không có trong "Nhân sự", không gửi được thư');
    expect(s.text).toContain('   - Kiểm kê tài sản (Hạn 01/07/2024: quá hạn 2 ngày, dòng 6)');
    expect(s.text).not.toContain('Võ Minh Tuấn');
  });

  it('is in English with the language setting', () => {
    const p = plan('en');
    expect(p.messages[1]!.subject).toBe('[CCHC] Reminders for the week of 01/07/2024');
    expect(p.messages[1]!.text).toContain('Deadline 28/06/2024: 5 days late');
    expect(p.messages[2]!.text).toContain('Lê Văn Bình: no e-mail in "Nhân sự", no reminder sent');
  });

  it('sends nothing to anyone when nothing is due', () => {
    // 20/05/2024: the first deadline (01/06, cancelled) aside, nothing is due within 7 days.
    const p = plan('vi', '2024-05-20');
    expect(p.owners).toEqual([]);
    expect(p.messages).toEqual([]);
  });
});
