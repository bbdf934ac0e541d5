// The district's report (BC): its sections, its numbers (against values written out here by hand
// for hand-made schools), the schools that could not be read and why, the ranking, the schools to
// follow up, the charts; users' text printed as text; and the .docx renderer takes it whole.

import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { aggregateDistrict, type DistrictAggregate, type SchoolResult } from '../../../src/core/district/index.ts';
import { readDistrict } from '../../../src/core/district/sheets.ts';
import { buildDistrict, rankSchools } from '../../../src/core/report/district.ts';
import { DISTRICT_REPORT_TYPE, DOCUMENT_TYPES, reportSymbol } from '../../../src/core/report/report.ts';
import { modelText, type Block, type DocModel, type HeaderBlock, type TableBlock, type TitleBlock } from '../../../src/core/report/doc-model.ts';
import type { Settings } from '../../../src/core/model.ts';
import { renderDocx } from '../../../src/node/docx-renderer.ts';
import { AS_OF, districtBook, failed, kpi, opened, readOne, readResult, sampleSchool, setSetting, tasks } from './fixtures.ts';

const aggregate = (results: SchoolResult[]): DistrictAggregate =>
  aggregateDistrict({ asOf: AS_OF, period: 'Q2', unit: { code: 'TANHUNG', name: 'Ủy ban nhân dân phường Tân Hưng' }, results, lang: 'vi', stats: { filesRead: results.length, ms: 5 } });

function districtSettings(): Settings {
  const port = districtBook();
  setSetting(port, 'Cơ quan chủ quản', 'Ủy ban nhân dân Quận 7');
  setSetting(port, 'Địa danh', 'Tân Hưng');
  setSetting(port, 'Người ký', 'Nguyễn Văn An');
  setSetting(port, 'Chức vụ người ký', 'Phó Chủ tịch');
  setSetting(port, 'Nơi nhận', 'Phòng Giáo dục và Đào tạo Quận 7\nCác trường mầm non trên địa bàn\nLưu: VT');
  return readDistrict(port, { lang: 'vi' }).settings;
}

function schools(): SchoolResult[] {
  const a = readResult('MNA', 'Trường Mầm non A', tasks({ total: 10, done: 6, doneOnTime: 4, doneLate: 2, overdue: 1, onTrack: 2, cancelled: 1 }), [kpi('CT01', 'met'), kpi('CT02', 'near'), kpi('CT03', 'notMet')]);
  a.initiatives = { total: 3, eligible: 1, byStage: { registered: 1, inProgress: 1, done: 0, accepted: 1, proposed: 0, recognised: 0, stopped: 0 } };
  const b = readResult('MNB', 'Trường Mầm non B', tasks({ total: 4, done: 4, doneOnTime: 4 }, { LV3: { total: 4, done: 4, doneOnTime: 4 } }), [kpi('CT01', 'met'), kpi('CT04', 'noData', { kind: 'count', target: 3 })], {
    status: 'dataErrors', errors: 3, message: '3 data errors: the rows with errors are not counted.',
  });
  const c = failed('MNC', 'Trường Mầm non C', 'noAccess', 'Not shared with phong@tanhung.gov.vn, or not chosen in the file picker yet.');
  const d = readResult('MND', 'Trường Mầm non D', tasks({ total: 2, overdue: 2 }), [kpi('CT05', 'met')], { status: 'otherYear', year: 2023, message: '' });
  return [a, b, c, d];
}

const TITLES = { CT01: 'Tỷ lệ hồ sơ giải quyết đúng hạn', CT02: 'Tỷ lệ đơn xử lý đúng hạn', CT03: 'Tỷ lệ phản ánh được trả lời', CT04: 'Số bài viết tuyên truyền' };
const OPTS = { date: '2024-07-05', number: 3, asOf: AS_OF, period: 'Q2' as const, year: 2024 };

const build = (results = schools(), titles: Record<string, string> = TITLES): DocModel => buildDistrict({ settings: districtSettings(), aggregate: aggregate(results), titles }, OPTS);
const blocksOf = <K extends Block['kind']>(m: DocModel, kind: K) => m.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const headings1 = (m: DocModel) => blocksOf(m, 'heading').filter((h) => h.level === 1).map((h) => `${h.number} ${h.text}`);
const rowsOf = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join('')));
const tableByCaption = (m: DocModel, caption: string): TableBlock => {
  const t = blocksOf(m, 'table').find((x) => x.caption.startsWith(caption));
  if (!t) throw new Error(`no table ${caption}`);
  return t;
};
const text = (m: DocModel) => modelText(m).join('\n');

describe('the district report', () => {
  it('is registered beside the school reports, with the ký hiệu BC', () => {
    expect(DOCUMENT_TYPES).toEqual(['quarterly', 'plan', 'initiatives', 'district']);
    expect(reportSymbol(DISTRICT_REPORT_TYPE)).toBe('BC');
    expect(build().meta).toMatchObject({ type: 'district', symbol: 'BC', number: 3, unitCode: 'TANHUNG', date: '2024-07-05' });
  });

  it('opens with the district’s Decree 30 header and the title, and has its sections in order', () => {
    const m = build();
    const header = m.blocks[0] as HeaderBlock;
    expect(header.parentBody).toEqual(['ỦY BAN NHÂN DÂN QUẬN 7']);
    expect(header.unitName).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG TÂN HƯNG']);
    expect(header.numberLine).toBe('Số: 03/BC-TANHUNG');
    expect(header.placeDate).toBe('Tân Hưng, ngày 05 tháng 7 năm 2024');
    const title = m.blocks[1] as TitleBlock;
    expect(title.docType).toBe('BÁO CÁO');
    expect(title.subject.join(' ')).toBe('Tổng hợp kết quả thực hiện công tác cải cách hành chính của các đơn vị 6 tháng đầu năm 2024');
    expect(headings1(m)).toEqual([
      'I. TÌNH HÌNH TỔNG HỢP SỐ LIỆU CỦA CÁC ĐƠN VỊ',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ',
      'III. KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA CÁC ĐƠN VỊ',
      'IV. XẾP HẠNG CÁC ĐƠN VỊ',
      'V. CÁC ĐƠN VỊ CẦN QUAN TÂM, ĐÔN ĐỐC',
      'VI. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    expect(text(m)).toContain('Ủy ban nhân dân phường Tân Hưng báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 của các đơn vị như sau:');
  });

  it('says how many schools reported, and which could not be read, why, in Vietnamese whatever the messages’ language', () => {
    const t = text(build());
    expect(t).toContain('Danh sách gồm 4 đơn vị; đã tổng hợp số liệu của 2 đơn vị, 2 đơn vị chưa tổng hợp được số liệu.');
    expect(t).toContain('- Trường Mầm non C: không có quyền truy cập;');
    expect(t).toContain('- Trường Mầm non D: khác năm: kế hoạch năm 2023.');
    expect(t).toContain('Có 1 đơn vị còn lỗi dữ liệu; các dòng có lỗi chưa được tính vào số liệu tổng hợp:');
    expect(t).toContain('- Trường Mầm non B: 3 lỗi dữ liệu.');
    expect(t).not.toContain('Not shared');
  });

  it('tabulates each counted school and the total', () => {
    const m = build();
    const t = tableByCaption(m, 'Bảng 1. Kết quả thực hiện của từng đơn vị');
    expect(t.columns.map((c) => c.header)).toEqual(['STT', 'Đơn vị', 'Số nhiệm vụ', 'Hoàn thành', 'Tỷ lệ hoàn thành', 'Quá hạn', 'Chỉ tiêu đạt', 'Sáng kiến']);
    expect(rowsOf(t)).toEqual([
      ['1', 'Trường Mầm non A', '10', '6', '66,7%', '1', '1/3', '3'],
      ['2', 'Trường Mầm non B', '4', '4', '100%', '0', '1/2', '0'],
      ['', 'Tổng cộng', '14', '10', '76,9%', '1', '2/5', '3'],
    ]);
    expect(t.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(1, 5);
    expect(text(m)).toContain('Tổng số nhiệm vụ trong kế hoạch cải cách hành chính năm 2024 của 2 đơn vị: 14; đã hoàn thành 10 nhiệm vụ (đạt 76,9%), trong đó hoàn thành đúng hạn 8, hoàn thành trễ hạn 2; quá hạn chưa hoàn thành 1; đang thực hiện đúng tiến độ 2; hủy bỏ 1.');
    const areas = tableByCaption(m, 'Bảng 2. Nhiệm vụ theo lĩnh vực (tổng các đơn vị)');
    expect(rowsOf(areas)[0]).toEqual(['LV1', 'Công tác chỉ đạo, điều hành và truyền thông cải cách hành chính', '10', '6', '4', '2', '1', '66,7%']);
    expect(rowsOf(areas)[2]).toEqual(['LV3', 'Cải cách thủ tục hành chính', '4', '4', '4', '0', '0', '100%']);
    expect(rowsOf(areas)[8]).toEqual(['', 'Tổng cộng', '14', '10', '8', '2', '1', '76,9%']);
  });

  it('counts each target across the schools, with its wording', () => {
    const m = build();
    const t = tableByCaption(m, 'Bảng 3. Kết quả từng chỉ tiêu trên các đơn vị');
    expect(t.columns.map((c) => c.header)).toEqual(['Mã', 'Chỉ tiêu', 'Số đơn vị', 'Đạt', 'Gần đạt', 'Chưa đạt', 'Không phát sinh', 'Chưa có số liệu']);
    expect(rowsOf(t)).toEqual([
      ['CT01', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '2', '2', '0', '0', '0', '0'],
      ['CT02', 'Tỷ lệ đơn xử lý đúng hạn', '1', '0', '1', '0', '0', '0'],
      ['CT03', 'Tỷ lệ phản ánh được trả lời', '1', '0', '0', '1', '0', '0'],
      ['CT04', 'Số bài viết tuyên truyền', '1', '0', '0', '0', '0', '1'],
    ]);
    expect(text(m)).toContain('Các đơn vị có 4 chỉ tiêu, với 5 lượt đánh giá (mỗi chỉ tiêu ở mỗi đơn vị một lượt): đạt 2; gần đạt 1; chưa đạt 1; chưa có số liệu 1.');
  });

  it('draws the targets by Đánh giá and the tasks by area, summed over the schools', () => {
    const charts = blocksOf(build(), 'chart');
    expect(charts.map((c) => c.title)).toEqual(['Biểu đồ 1. Nhiệm vụ theo lĩnh vực (tổng các đơn vị)', 'Biểu đồ 2. Chỉ tiêu theo kết quả đánh giá (tổng các đơn vị)']);
    const [areas, kpis] = charts as [typeof charts[number], typeof charts[number]];
    expect(areas.categories).toEqual(['Chỉ đạo, điều hành', 'Thể chế', 'Thủ tục hành chính', 'Tổ chức bộ máy', 'Công vụ', 'Tài chính công', 'Chính quyền số', 'Sự hài lòng']);
    expect(areas.series.map((s) => [s.name, s.values])).toEqual([
      ['Tổng số nhiệm vụ', [10, 0, 4, 0, 0, 0, 0, 0]],
      ['Đã hoàn thành', [6, 0, 4, 0, 0, 0, 0, 0]],
      ['Quá hạn chưa hoàn thành', [1, 0, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(kpis.series[0]!.values).toEqual([2, 1, 1, 0, 1]);
    expect(kpis.categories).toEqual(['Đạt', 'Gần đạt', 'Chưa đạt', 'Không phát sinh', 'Chưa có số liệu']);
  });

  it('ranks the counted schools and names those to follow up', () => {
    const m = build();
    expect(rowsOf(tableByCaption(m, 'Bảng 4. Xếp hạng các đơn vị'))).toEqual([
      ['1', 'Trường Mầm non B', '100%', '50%', '0'],
      ['2', 'Trường Mầm non A', '66,7%', '33,3%', '1'],
    ]);
    const t = text(m);
    expect(t).toContain('Có 4 đơn vị cần quan tâm, đôn đốc:');
    expect(t).toContain('- Trường Mầm non A: 1 nhiệm vụ quá hạn chưa hoàn thành; 1 chỉ tiêu chưa đạt;');
    expect(t).toContain('- Trường Mầm non B: 3 lỗi dữ liệu cần sửa;');
    expect(t).toContain('- Trường Mầm non C: chưa tổng hợp được số liệu (không có quyền truy cập);');
    expect(t).toContain('- Trường Mầm non D: chưa tổng hợp được số liệu (khác năm: kế hoạch năm 2023).');
  });

  it('ranks equal schools alike (1, 1, 3), in list order among them; a school with no task last', () => {
    const same = (code: string) => readResult(code, `Trường ${code}`, tasks({ total: 4, done: 2, doneOnTime: 2, onTrack: 2 }), [kpi('CT01', 'met')]);
    const better = readResult('MNX', 'Trường MNX', tasks({ total: 4, done: 3, doneOnTime: 3, onTrack: 1 }), []);
    const none = readResult('MNZ', 'Trường MNZ', tasks({}), []);
    const ranked = rankSchools([none, same('MNP'), same('MNQ'), better, failed('MNF', 'F', 'notFound', '')]);
    expect(ranked.map((r) => [r.rank, r.school.code])).toEqual([[1, 'MNX'], [2, 'MNP'], [2, 'MNQ'], [4, 'MNZ']]);
  });

  it('ends with the closing paragraph kept with the district’s signature', () => {
    const m = build();
    const at = m.blocks.findIndex((b) => b.kind === 'signature');
    expect(m.blocks[at - 1]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'Trên đây là báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 của các đơn vị./.' }],
      keepWithNext: true,
    });
    expect(m.blocks[at]).toMatchObject({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect((m.blocks[at] as { recipients: string[] }).recipients).toEqual(['- Phòng Giáo dục và Đào tạo Quận 7;', '- Các trường mầm non trên địa bàn;', '- Lưu: VT.']);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('prints what users typed as text: a formula, HTML', () => {
    const [a, ...rest] = schools();
    const m = build([{ ...a!, name: '=HYPERLINK("http://x")' }, ...rest], { ...TITLES, CT01: '<script>alert(1)</script>' });
    const t = text(m);
    expect(t).toContain('=HYPERLINK("http://x")');
    expect(t).toContain('<script>alert(1)</script>');
  });

  it('with no school read, says so instead of empty tables', () => {
    const m = build([failed('MNC', 'Trường Mầm non C', 'notFound', '')]);
    expect(blocksOf(m, 'table')).toEqual([]);
    expect(blocksOf(m, 'chart')).toEqual([]);
    expect(text(m)).toContain('Chưa tổng hợp được số liệu của đơn vị nào.');
    expect(text(build([]))).toContain('Danh sách đơn vị chưa có đơn vị nào để tổng hợp.');
  });

  it('from real schools: the sample school’s figures, as its own report gives them', () => {
    const r = readOne({ code: 'MNBT', name: 'Trường Mầm non Bến Thành', source: 'mnbt.xlsx' }, opened(sampleSchool()));
    const m = buildDistrict({ settings: districtSettings(), aggregate: aggregate([r.result]), titles: r.titles }, OPTS);
    expect(rowsOf(tableByCaption(m, 'Bảng 1.'))[0]).toEqual(['1', 'Trường Mầm non Bến Thành', '34', '19', '57,6%', '2', '11/16', '2']);
    expect(rowsOf(tableByCaption(m, 'Bảng 3.'))[0]).toEqual(['CT01', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong từng lĩnh vực', '1', '1', '0', '0', '0', '0']);
  });

  it('renders through the .docx renderer whole', async () => {
    const bytes = await renderDocx(build());
    expect(bytes.length).toBeGreaterThan(5000);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of ['BÁO CÁO', 'Số: 03/BC-TANHUNG', 'Trường Mầm non A', 'XẾP HẠNG CÁC ĐƠN VỊ', 'PHÓ CHỦ TỊCH']) expect(xml).toContain(s);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
  });
});
