import { describe, expect, it } from 'vitest';
import {
  compareDecimal, decimalFromNumber, decimalFromText, isoToSerial, matchArea, matchEnum, parseActivitySource,
  parseDate, parseNumber, parseRatio, parseRating, parseYesNo, serialToIso, shiftDecimal, parseEnum, parseNumberOrPercent,
} from '../../../src/core/parse/index.ts';
import { INITIATIVE_STAGE, KPI_DIRECTION, KPI_KIND, TASK_STATUS } from '../../../src/core/contract/index.ts';
import { t } from '../../../src/core/i18n.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false }): T | 'ERR' => (r.ok ? r.value : 'ERR');
const code = (r: { ok: true } | { ok: false; error: { code: string } }): string => (r.ok ? 'OK' : r.error.code);

describe('dates', () => {
  it('reads day first, always', () => {
    expect(value(parseDate('10/6/2024'))).toBe('2024-06-10');
    expect(value(parseDate('05/12/2024'))).toBe('2024-12-05');
    expect(value(parseDate('5-12-2024'))).toBe('2024-12-05');
    expect(value(parseDate('2024-12-05'))).toBe('2024-12-05');
    expect(value(parseDate(' 1/2/2024 '))).toBe('2024-02-01');
    expect(value(parseDate('10/06/2024 08:30'))).toBe('2024-06-10');
    expect(value(parseDate('ngày 10 tháng 6 năm 2024'))).toBe('2024-06-10');
    expect(value(parseDate({ date: '2024-06-10' }))).toBe('2024-06-10');
  });
  it('refuses dates that do not exist instead of rolling over', () => {
    for (const s of ['31/02/2024', '29/02/2023', '31/04/2024', '00/01/2024', '12/13/2024']) {
      const r = parseDate(s);
      expect(code(r)).toBe('DATE_NOT_EXIST');
    }
    expect(value(parseDate('29/02/2024'))).toBe('2024-02-29');
    const r = parseDate('31/02/2024');
    if (r.ok) throw new Error('expected error');
    expect(t('vi', r.error.code, r.error.params)).toBe(
      'Ngày 31/02/2024 không tồn tại. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/06/2024.',
    );
  });
  it('reads xlsx serial numbers, with the 1900 leap-year bug', () => {
    expect(serialToIso(45453)).toBe('2024-06-10');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(60)).toBeNull();
    expect(isoToSerial('2024-06-10')).toBe(45453);
    expect(value(parseDate(45453))).toBe('2024-06-10');
    expect(value(parseDate(45453.75))).toBe('2024-06-10');
    expect(code(parseDate(2024))).toBe('DATE_INVALID');
  });
  it('refuses a serial past the last one Excel knows, instead of an invalid date (found by fuzzing)', () => {
    expect(serialToIso(2_958_465)).toBe('9999-12-31');
    expect(serialToIso(100_025_570)).toBeNull();
    expect(serialToIso(Number.MAX_VALUE)).toBeNull();
    expect(code(parseDate(100_025_570))).toBe('DATE_INVALID');
  });
  it('names what is wrong with other text', () => {
    expect(code(parseDate('hôm qua'))).toBe('DATE_INVALID');
    expect(code(parseDate('10/6/24'))).toBe('DATE_SHORT_YEAR');
    expect(code(parseDate('10/6/2204'))).toBe('DATE_OUT_OF_RANGE');
    expect(code(parseDate(true))).toBe('DATE_INVALID');
  });
});

describe('numbers and decimals', () => {
  it('accepts a decimal comma or point and keeps the exact text', () => {
    expect(value(parseNumber('98,5'))).toEqual({ text: '98.5' });
    expect(value(parseNumber('98.5'))).toEqual({ text: '98.5' });
    expect(value(parseNumber(' 012 '))).toEqual({ text: '12' });
    expect(value(parseNumber(0.1 + 0.2))).toEqual({ text: '0.30000000000000004' });
    expect(value(parseNumber(1e-7))).toEqual({ text: '0.0000001' });
  });
  it('refuses text and thousands separators', () => {
    expect(code(parseNumber('mười'))).toBe('NUMBER_INVALID');
    expect(code(parseNumber('12 hồ sơ'))).toBe('NUMBER_INVALID');
    expect(code(parseNumber('1.234,5'))).toBe('NUMBER_THOUSANDS');
    expect(code(parseNumber('1,234,567'))).toBe('NUMBER_THOUSANDS');
    expect(code(parseNumber('1 250'))).toBe('NUMBER_THOUSANDS');
    expect(code(parseNumber(true))).toBe('NUMBER_INVALID');
  });
  it('compares exactly', () => {
    const d = (s: string) => decimalFromText(s)!;
    expect(compareDecimal(d('0.985'), d('0.98'))).toBe(1);
    expect(compareDecimal(d('1'), d('1.000'))).toBe(0);
    expect(compareDecimal(d('-2'), d('1'))).toBe(-1);
    expect(compareDecimal(d('-2'), d('-10'))).toBe(1);
    expect(compareDecimal(d('10'), d('9.99'))).toBe(1);
    expect(shiftDecimal(d('98.5'), -2)).toEqual({ text: '0.985' });
    expect(shiftDecimal(d('0.985'), 2)).toEqual({ text: '98.5' });
    expect(decimalFromNumber(1.5e21)).toEqual({ text: '1500000000000000000000' });
  });
});

describe('ratios', () => {
  it('reads percent text, percent-formatted cells, fractions and percent points', () => {
    expect(value(parseRatio('98%'))).toEqual({ text: '0.98' });
    expect(value(parseRatio('98,5%'))).toEqual({ text: '0.985' });
    expect(value(parseRatio('98.5 %'))).toEqual({ text: '0.985' });
    expect(value(parseRatio(0.985, '0.0%'))).toEqual({ text: '0.985' });
    expect(value(parseRatio(0.5))).toEqual({ text: '0.5' });
    expect(value(parseRatio(1))).toEqual({ text: '1' });
    const points = parseRatio(98);
    expect(value(points)).toEqual({ text: '0.98' });
    expect(points.ok && points.notice?.code).toBe('RATIO_PERCENT_POINTS');
    if (points.ok && points.notice) expect(t('vi', points.notice.code, points.notice.params)).toContain('98%');
  });
  it('refuses values outside 0–100% and text', () => {
    expect(code(parseRatio('120%'))).toBe('RATIO_OUT_OF_RANGE');
    expect(code(parseRatio(150))).toBe('RATIO_OUT_OF_RANGE');
    expect(code(parseRatio(1.2, '0%'))).toBe('RATIO_OUT_OF_RANGE');
    expect(code(parseRatio(-0.1))).toBe('RATIO_OUT_OF_RANGE');
    expect(code(parseRatio('gần hết'))).toBe('RATIO_INVALID');
    expect(code(parseRatio('abc%'))).toBe('RATIO_INVALID');
  });
  it('says whether a number was given as percent', () => {
    expect(value(parseNumberOrPercent('49'))).toEqual({ value: { text: '49' }, percent: false });
    expect(value(parseNumberOrPercent('49%'))).toEqual({ value: { text: '0.49' }, percent: true });
  });
});

describe('enumerated words', () => {
  it('match case, accents, NFD, spacing and tone placement', () => {
    expect(matchEnum(TASK_STATUS, 'hoàn thành')?.value).toBe('done');
    expect(matchEnum(TASK_STATUS, 'HOÀN  THÀNH'.normalize('NFD'))?.value).toBe('done');
    expect(matchEnum(TASK_STATUS, 'Huỷ bỏ')?.value).toBe('cancelled');
    expect(matchEnum(TASK_STATUS, 'hoan thanh')?.value).toBe('done');
    expect(matchEnum(KPI_DIRECTION, '>=')?.value).toBe('>=');
    expect(matchEnum(KPI_DIRECTION, 'Tối đa')?.value).toBe('<=');
    expect(matchEnum(KPI_KIND, 'Tỉ lệ')?.value).toBe('ratio');
    expect(matchEnum(INITIATIVE_STAGE, 'đã nghiệm thu')?.value).toBe('accepted');
    expect(matchEnum(TASK_STATUS, 'Đang chờ')).toBeNull();
  });
  it('lists the valid words when one is unknown', () => {
    const r = parseEnum(TASK_STATUS, 'Xong rồi', 'Trạng thái');
    expect(code(r)).toBe('ENUM_UNKNOWN');
    if (!r.ok) expect(t('vi', r.error.code, r.error.params)).toContain('Chưa bắt đầu, Đang thực hiện, Hoàn thành, Tạm dừng, Hủy bỏ');
  });
  it('reads areas in every accepted spelling', () => {
    for (const s of ['LV3', 'lv 3', '3', '3. Cải cách thủ tục hành chính', 'Cải cách thủ tục hành chính', 'cai cach thu tuc hanh chinh',
      'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'.normalize('NFD'), '3) Thủ tục', 'Lĩnh vực 3']) {
      expect(matchArea(s)).toBe('LV3');
    }
    expect(matchArea(7)).toBe('LV7');
    expect(matchArea('LV9')).toBeNull();
    expect(matchArea('Cải cách giáo dục')).toBeNull();
    expect(matchArea(9)).toBeNull();
  });
  it('reads yes/no', () => {
    expect(['Có', 'có', 'CO', 'x', '✓', true, 1].map((v) => value(parseYesNo(v)))).toEqual([true, true, true, true, true, true, true]);
    expect(['Không', 'khong', 'Chưa đạt', false, 0].map((v) => value(parseYesNo(v)))).toEqual([false, false, false, false, false]);
    expect(code(parseYesNo('có lẽ'))).toBe('YESNO_INVALID');
  });
  it('reads rating levels and says which scale', () => {
    const r = parseRating('khá');
    expect(r.ok && [r.value.scale.key, r.value.level, r.value.rank]).toEqual(['reformIndex', 'Khá', 1]);
    const p = parseRating('HTTNV');
    expect(p.ok && [p.value.scale.key, p.value.level]).toEqual(['performance', 'Hoàn thành tốt nhiệm vụ']);
    expect(code(parseRating('Giỏi'))).toBe('RATING_UNKNOWN');
  });
  it('reads Nguồn số liệu', () => {
    expect(value(parseActivitySource(''))).toBeNull();
    expect(value(parseActivitySource('Hoạt động: Hội thi'))).toBe('contest');
    expect(value(parseActivitySource('hoat dong - bai viet tren trang thong tin dien tu'))).toBe('webPost');
    expect(code(parseActivitySource('Phòng GD'))).toBe('SOURCE_UNKNOWN');
    expect(code(parseActivitySource('Hoạt động: Du lịch'))).toBe('SOURCE_UNKNOWN');
  });
});
