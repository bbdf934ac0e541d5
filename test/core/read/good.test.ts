import { describe, expect, it } from 'vitest';
import { readSchool } from '../../../src/core/read/index.ts';
import { validate } from '../../../src/core/validate.ts';
import { OPTS, school } from './fixture.ts';

describe('reading a valid school workbook', () => {
  it('reads every sheet once and finds no error', () => {
    const wb = school();
    const data = readSchool(wb, OPTS);
    expect(wb.calls.readSheet).toBe(6);
    expect(data.issues.filter((i) => i.severity !== 'notice')).toEqual([]);
    expect(data.templateVersion).toBe(1);
  });

  it('types Thông tin', () => {
    const { settings } = readSchool(school(), OPTS);
    expect(settings).toEqual({
      templateVersion: 1, unitCode: 'MNBT', unitName: 'Trường Mầm non Bến Thành', parentBody: 'Ủy ban nhân dân Quận 1',
      place: 'Quận 1', year: 2024, signer: 'Nguyễn Mai Hằng', signerTitle: 'Hiệu trưởng',
      recipients: ['Phòng Nội vụ Quận 1', 'Thành viên BCĐ CCHC', 'Lưu: VT'],
      registrationDeadline: '2024-04-22', phase1Deadline: '2024-06-10', phase2Deadline: '2024-11-25', awardDossierDeadline: '2024-12-05',
      tolerance: 0.05, minAwardScore: 70, emailReminders: false, autoRefresh: false,
    });
  });

  it('types the plan tasks', () => {
    const { tasks } = readSchool(school(), OPTS);
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toEqual({
      row: 2, stt: '1', area: 'LV1', title: 'Xây dựng kế hoạch CCHC năm 2024', owner: 'Nguyễn Mai Hằng', support: '',
      start: '2024-01-02', due: '2024-01-15', output: 'Kế hoạch', status: 'done', percent: 1, doneDate: '2024-01-12',
      evidence: 'https://mnbt.edu.vn/kh-cchc-2024', note: '', blocked: false,
    });
    expect(tasks[1]).toMatchObject({ area: 'LV3', due: '2024-03-31', status: 'inProgress', percent: 0.5, blocked: false });
    expect(tasks[2]).toMatchObject({ status: 'notStarted', percent: null, blocked: false });
  });

  it('types the targets, keeping exact decimals', () => {
    const { kpis } = readSchool(school(), OPTS);
    expect(kpis.map((k) => [k.code, k.kind, k.direction, k.method, k.target])).toEqual([
      ['CT01', 'ratio', '>=', 'cumulative', { text: '1' }],
      ['CT02', 'count', '>=', 'perQuarter', { text: '1' }],
      ['CT03', 'ratio', '>=', 'cumulative', { text: '0.99' }],
      ['CT04', 'rating', '>=', 'cumulative', 'Khá'],
      ['CT05', 'yesno', '>=', 'cumulative', true],
    ]);
    expect(kpis[0]?.quarters).toEqual([
      { achieved: { text: '49' }, total: { text: '50' } },
      { achieved: { text: '20' }, total: { text: '20' } },
      { achieved: null, total: null },
      { achieved: null, total: null },
    ]);
    expect(kpis[1]?.sourceActivityType).toBe('Bài viết trên trang thông tin điện tử');
    expect(kpis[2]?.quarters[0]).toEqual({ achieved: { text: '0.995' }, total: { text: '1' } });
    expect(kpis[3]?.quarters[1]?.achieved).toBe('Tốt');
    expect(kpis[4]?.quarters[0]?.achieved).toBe(true);
  });

  it('types initiatives, activities and people', () => {
    const data = readSchool(school(), OPTS);
    expect(data.initiatives[0]).toMatchObject({
      name: 'Thu học phí không dùng tiền mặt', form: 'Giải pháp', area: 'LV6', individual: true, registered: '2024-04-15',
      stage: 'accepted', scores: [18, 15, 14, 12, 15], hasError: false, blocked: false,
    });
    expect(data.initiatives[1]).toMatchObject({ individual: false, stage: 'inProgress', percent: 0.4 });
    expect(data.activities.map((a) => [a.date, a.type])).toEqual([
      ['2024-01-10', 'Bài viết trên trang thông tin điện tử'],
      ['2024-04-05', 'Tọa đàm, đối thoại'],
    ]);
    expect(data.people.map((p) => p.role)).toEqual(['head', 'deputyHead', 'assistant']);
  });

  it('maps each sheet\'s header, columns (computed ones too) and last row', () => {
    const { sheets } = readSchool(school(), OPTS);
    expect(sheets['Kế hoạch']).toMatchObject({ headerRow: 1, lastRow: 4 });
    expect(sheets['Kế hoạch']?.columns.due).toBe(7);
    expect(sheets['Kế hoạch']?.columns.state).toBe(14);
    expect(sheets['Chỉ tiêu']?.columns.evaluation).toBeDefined();
    expect(sheets['Tổng hợp']).toEqual({ headerRow: 0, columns: {}, lastRow: 0 });
  });

  it('validates to the CLI JSON shape', () => {
    const r = validate(school(), OPTS);
    expect(r.templateVersion).toBe(1);
    expect(r.asOf).toBe('2024-06-30');
    expect(r.counts.error).toBe(0);
    expect(r.counts.warning).toBe(0);
    expect(Object.keys(r)).toEqual(['templateVersion', 'asOf', 'issues', 'counts']);
  });
});
