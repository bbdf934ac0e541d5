import { describe, expect, it } from 'vitest';
import { cleanText, findLinks, foldKey, foldLoose, isEmail, isLink, oneLine, sameName } from '../../../src/core/text.ts';

describe('text folding', () => {
  it('cleans values: NFC, invisible characters, trimming; line breaks kept', () => {
    expect(cleanText('  Hoà\u200B '.normalize('NFD'))).toBe('Hoà'.normalize('NFC'));
    expect(cleanText('Dòng 1\nDòng 2 ')).toBe('Dòng 1\nDòng 2');
    expect(oneLine(' Lê\u00A0 Thị\n Hoà ')).toBe('Lê Thị Hoà');
  });

  it('folds old and new tone placement in names', () => {
    const pairs = [['hòa', 'hoà'], ['thúy', 'thuý'], ['Khỏe', 'khoẻ'], ['òe', 'oè'], ['ùy', 'uỳ'], ['Thủy', 'Thuỷ'], ['oé', 'óe'], ['Lê Thị Hòa', 'LÊ  THỊ HOÀ']];
    for (const [a, b] of pairs) {
      expect(sameName(a!, b!), `${a} = ${b}`).toBe(true);
      expect(sameName(a!.normalize('NFD'), b!), `${a} (NFD) = ${b}`).toBe(true);
    }
    expect(sameName('Hòa', 'Hoa')).toBe(false);
    expect(sameName('Hòa', 'Hóa')).toBe(false);
    expect(sameName('Thư', 'Thu')).toBe(false);
  });

  it('folds headers: dashes, spaces around punctuation, case', () => {
    expect(foldKey('Quý I – Đạt')).toBe(foldKey('quý i-đạt'));
    expect(foldKey('Tác giả , nhóm tác giả')).toBe(foldKey('Tác giả, nhóm tác giả'));
    expect(foldLoose('Cải cách thể chế')).toBe('cai cach the che');
    expect(foldLoose('Đánh giá')).toBe('danh gia');
  });

  it('finds links and e-mails', () => {
    expect(isLink('https://drive.google.com/file/d/1')).toBe(true);
    expect(isLink('www.mnbt.edu.vn/bai-viet')).toBe(true);
    expect(isLink('Lưu tại văn thư')).toBe(false);
    expect(findLinks('Xem https://a.vn/1 và www.b.vn')).toEqual(['https://a.vn/1', 'www.b.vn']);
    expect(isEmail('hang@mnbt.edu.vn')).toBe(true);
    for (const bad of ['an@', 'an@mnbt', 'an mnbt@x.vn', '@x.vn', 'a@b@c.vn']) expect(isEmail(bad), bad).toBe(false);
  });
});

describe('text folding on huge cells', () => {
  it('folds a 2-million-letter Vietnamese "word" (a pasted cell) without overflowing the stack', () => {
    // NFD makes it 6 million code units of one run of letters and marks.
    const huge = 'ệ'.repeat(2_000_000);
    expect(() => foldKey(huge)).not.toThrow();
    expect(foldKey(huge)).toBe(foldKey(huge.normalize('NFD')));
    expect(foldLoose(huge).slice(0, 3)).toBe('eee');
  });
});
