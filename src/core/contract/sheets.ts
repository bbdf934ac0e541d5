// The sheets of template version 1 and their columns (the workbook contract). The installer, the reader,
// the validator and the writers all take their facts from here.

import {
  ACTIVITY_TYPE, AUTHOR_KIND, CCHC_ROLE, INITIATIVE_FORM, INITIATIVE_STAGE, KPI_DIRECTION, KPI_KIND,
  KPI_METHOD, QUARTER_ROMAN, TASK_STATUS, type EnumSpec, type Label,
} from './enums.ts';
import { columnLetter } from './a1.ts';
import { SHEET_NAMES } from './sheet-names.ts';
import type { ColumnSpec, ColumnType, SheetKey, SheetSpec, ValidationMode } from './types.ts';

/** Longest free text accepted in a cell (the workbook contract, Kế hoạch `Nhiệm vụ`). */
export const MAX_TEXT_LENGTH = 2000;

interface ColumnOptions {
  aliases?: readonly string[];
  required?: boolean;
  default?: string;
  width?: number;
  numberFormat?: string;
  validation?: ValidationMode;
  wrap?: boolean;
  notAnEntry?: boolean;
}

// Width, number format and validation follow from the type unless a column says otherwise.
function typeDefaults(type: ColumnType): { width: number; numberFormat?: string; validation: ValidationMode; wrap?: boolean } {
  switch (type.kind) {
    case 'text': return { width: 160, validation: 'none' };
    case 'longText': return { width: 300, validation: 'none', wrap: true };
    case 'date': return { width: 110, numberFormat: 'dd/mm/yyyy', validation: 'warn' };
    case 'ratio': return { width: 100, numberFormat: '0%', validation: 'warn' };
    case 'number': return { width: 100, validation: 'warn' };
    case 'score': return { width: 90, validation: 'warn' };
    // Lists warn rather than reject: the reader accepts other spellings (LV3, hoàn thành, …).
    case 'enum': return { width: 150, validation: 'warn' };
    case 'area': return { width: 230, validation: 'warn', wrap: true };
    case 'email': return { width: 200, validation: 'warn' };
    case 'link': return { width: 220, validation: 'none', wrap: true };
    case 'rating': return { width: 200, validation: 'warn' };
    case 'yesNo': return { width: 90, validation: 'warn' };
    case 'kpiValue': return { width: 100, validation: 'none' };
    case 'kpiSource': return { width: 200, validation: 'warn' };
    case 'computed': {
      const numberFormat =
        type.shows === 'ratio' ? '0.0%' : type.shows === 'date' ? 'dd/mm/yyyy' : type.shows === 'datetime' ? 'dd/mm/yyyy hh:mm' : undefined;
      return numberFormat ? { width: 140, numberFormat, validation: 'none' } : { width: 140, validation: 'none' };
    }
  }
}

function col(key: string, header: string, en: string, type: ColumnType, help: Label, o: ColumnOptions = {}): ColumnSpec {
  const d = typeDefaults(type);
  const spec: ColumnSpec = {
    key, header, en, type,
    aliases: o.aliases ?? [],
    required: o.required ?? false,
    help,
    width: o.width ?? d.width,
    validation: o.validation ?? d.validation,
    computed: type.kind === 'computed',
  };
  const numberFormat = o.numberFormat ?? d.numberFormat;
  if (numberFormat !== undefined) spec.numberFormat = numberFormat;
  if (o.default !== undefined) spec.default = o.default;
  const wrap = o.wrap ?? d.wrap;
  if (wrap !== undefined) spec.wrap = wrap;
  if (o.notAnEntry) spec.notAnEntry = true;
  return spec;
}

const T = { kind: 'text' } as const;
const LONG = { kind: 'longText', maxLength: MAX_TEXT_LENGTH } as const;
const DATE = { kind: 'date' } as const;
const RATIO = { kind: 'ratio' } as const;
const AREA = { kind: 'area' } as const;
const LINK = { kind: 'link' } as const;
const SCORE = { kind: 'score', min: 0, max: 20 } as const;
const en = (e: EnumSpec): ColumnType => ({ kind: 'enum', enum: e });
const computed = (shows: 'text' | 'ratio' | 'number' | 'date' | 'datetime'): ColumnType => ({ kind: 'computed', shows });

const HELP_AREA: Label = {
  vi: 'Lĩnh vực cải cách: chọn trong danh sách, hoặc gõ LV1…LV8 hay số 1…8.',
  en: 'Reform area: pick from the list, or type LV1…LV8 or 1…8.',
};
const HELP_EVIDENCE: Label = {
  vi: 'Đường liên kết tới văn bản, hình ảnh, bài đăng chứng minh; hoặc ghi nơi lưu hồ sơ.',
  en: 'Link to the document, photo or post that proves it; or where the file is kept.',
};
const HELP_NOTE: Label = { vi: 'Ghi chú thêm (không bắt buộc).', en: 'Any note (optional).' };
const HELP_STT: Label = { vi: 'Số thứ tự (không bắt buộc).', en: 'Row number (optional).' };
const HELP_COMPUTED: Label = {
  vi: '⚙ Tiện ích tự tính, không cần nhập. Nội dung gõ vào đây sẽ bị ghi đè.',
  en: '⚙ Computed by the add-on; do not type here. Anything typed is overwritten.',
};
const computedHelp = (vi: string, en: string): Label => ({ vi: `${HELP_COMPUTED.vi} ${vi}`, en: `${HELP_COMPUTED.en} ${en}` });

// ----------------------------------------------------------------------------------- Thông tin

const SETTINGS_COLUMNS: ColumnSpec[] = [
  col('item', 'Mục', 'Item', T, { vi: 'Tên mục cài đặt. Không sửa cột này.', en: 'Setting name. Do not edit this column.' }, { width: 220 }),
  col('value', 'Giá trị', 'Value', T, { vi: 'Giá trị của mục cài đặt.', en: 'The setting\'s value.' }, { width: 360, wrap: true }),
];

// ----------------------------------------------------------------------------------- Nhân sự

const PEOPLE_COLUMNS: ColumnSpec[] = [
  col('name', 'Họ và tên', 'Full name', T, { vi: 'Họ và tên đầy đủ, bắt buộc.', en: 'Full name, required.' }, { aliases: ['Họ tên', 'Tên'], required: true, width: 200 }),
  col('title', 'Chức vụ', 'Title', T, { vi: 'Chức vụ, ví dụ Hiệu trưởng, Giáo viên.', en: 'Job title, e.g. Principal, Teacher.' }),
  col('department', 'Bộ phận', 'Department', T, { vi: 'Bộ phận hoặc tổ chuyên môn.', en: 'Department or team.' }, { aliases: ['Tổ', 'Tổ chuyên môn'] }),
  col('email', 'Email', 'E-mail', { kind: 'email' }, { vi: 'Địa chỉ thư điện tử, ví dụ ten@truong.edu.vn.', en: 'E-mail address, e.g. name@school.edu.vn.' }, { aliases: ['E-mail', 'Thư điện tử', 'Địa chỉ email'] }),
  col('role', 'Vai trò CCHC', 'Reform role', en(CCHC_ROLE), { vi: 'Vai trò trong Ban chỉ đạo CCHC; để trống nếu không tham gia.', en: 'Role in the reform steering committee; empty if none.' }, { aliases: ['Vai trò'], width: 200 }),
];

// ----------------------------------------------------------------------------------- Kế hoạch

const TASK_COLUMNS: ColumnSpec[] = [
  col('stt', 'STT', 'No.', T, HELP_STT, { width: 50, notAnEntry: true }),
  col('area', 'Lĩnh vực', 'Area', AREA, HELP_AREA, { required: true }),
  col('title', 'Nhiệm vụ', 'Task', LONG, { vi: 'Nội dung nhiệm vụ, bắt buộc, tối đa 2.000 ký tự.', en: 'The task, required, at most 2,000 characters.' }, { aliases: ['Nội dung nhiệm vụ', 'Nội dung', 'Tên nhiệm vụ'], required: true, width: 360 }),
  col('owner', 'Chủ trì', 'Lead', T, { vi: 'Người chủ trì, bắt buộc; nên trùng tên trong sheet Nhân sự.', en: 'Lead person, required; should match a name in Nhân sự.' }, { aliases: ['Người chủ trì', 'Người thực hiện', 'Phụ trách'], required: true }),
  col('support', 'Phối hợp', 'Support', T, { vi: 'Người hoặc bộ phận phối hợp.', en: 'Supporting people or teams.' }, { aliases: ['Người phối hợp', 'Đơn vị phối hợp'] }),
  col('start', 'Bắt đầu', 'Start', DATE, { vi: 'Ngày bắt đầu, dạng ngày/tháng/năm (không bắt buộc).', en: 'Start date, day/month/year (optional).' }, { aliases: ['Ngày bắt đầu'] }),
  col('due', 'Hạn hoàn thành', 'Deadline', DATE, { vi: 'Hạn hoàn thành, bắt buộc, dạng ngày/tháng/năm, không trước ngày bắt đầu.', en: 'Deadline, required, day/month/year, not before the start.' }, { aliases: ['Thời hạn', 'Hạn', 'Thời hạn hoàn thành'], required: true }),
  col('output', 'Sản phẩm', 'Output', LONG, { vi: 'Sản phẩm đầu ra, ví dụ Kế hoạch, Báo cáo.', en: 'Expected output, e.g. a plan or report.' }, { aliases: ['Sản phẩm đầu ra', 'Kết quả đầu ra'], width: 200 }),
  col('status', 'Trạng thái', 'Status', en(TASK_STATUS), { vi: 'Chọn trong danh sách; để trống là Chưa bắt đầu.', en: 'Pick from the list; empty means Not started.' }, { default: 'Chưa bắt đầu' }),
  col('percent', '% hoàn thành', '% done', RATIO, { vi: 'Phần trăm đã làm, từ 0% đến 100%. Hoàn thành là 100%.', en: 'Share done, 0% to 100%. Done means 100%.' }, { aliases: ['Tỷ lệ hoàn thành', 'Tiến độ', '% tiến độ', 'Phần trăm hoàn thành'] }),
  col('doneDate', 'Ngày hoàn thành', 'Done on', DATE, { vi: 'Ngày làm xong; bắt buộc khi Hoàn thành, không sau hôm nay.', en: 'Date it was done; required when Done, not after today.' }),
  col('evidence', 'Minh chứng', 'Evidence', LINK, HELP_EVIDENCE, { aliases: ['Link minh chứng', 'Minh chứng (link)'] }),
  col('note', 'Ghi chú', 'Note', LONG, HELP_NOTE, { width: 200 }),
  col('state', '⚙ Tình trạng', 'State', computed('text'), computedHelp('Tình trạng so với hạn tại ngày báo cáo.', 'State against the deadline at the as-of date.'), { aliases: ['Tình trạng'], width: 160 }),
];

// ----------------------------------------------------------------------------------- Chỉ tiêu

const QUARTER_COLUMNS: ColumnSpec[] = QUARTER_ROMAN.flatMap((roman, i) => {
  const q = i + 1;
  return [
    col(`q${q}Achieved`, `Quý ${roman} - Đạt`, `Q${q} achieved`, { kind: 'kpiValue', role: 'achieved' }, {
      vi: `Kết quả quý ${roman}: tỷ lệ thì nhập số đạt (tử số); số lượng nhập con số; Có/Không; xếp loại nhập mức.`,
      en: `Quarter ${q} result: ratio: the numerator; count: the number; Có/Không; rating: the level.`,
    }, { aliases: [`Quý ${q} - Đạt`, `Q${q} - Đạt`, `Quý ${roman} Đạt`, `Quý ${roman} - Thực hiện`] }),
    col(`q${q}Total`, `Quý ${roman} - Tổng`, `Q${q} total`, { kind: 'kpiValue', role: 'total' }, {
      vi: `Chỉ với loại Tỷ lệ: tổng số (mẫu số) quý ${roman}, không nhỏ hơn số Đạt. Nhập 0 nếu không phát sinh.`,
      en: `Ratio only: quarter ${q} total (denominator), not less than achieved. Type 0 when no case arose.`,
    }, { aliases: [`Quý ${q} - Tổng`, `Q${q} - Tổng`, `Quý ${roman} Tổng`, `Quý ${roman} - Tổng số`] }),
  ];
});

const KPI_COLUMNS: ColumnSpec[] = [
  col('code', 'Mã', 'Code', T, { vi: 'Mã chỉ tiêu, bắt buộc, không trùng, ví dụ CT01.', en: 'Target code, required and unique, e.g. CT01.' }, { aliases: ['Mã chỉ tiêu', 'Mã số'], required: true, width: 70 }),
  col('area', 'Lĩnh vực', 'Area', AREA, HELP_AREA, { required: true }),
  col('title', 'Chỉ tiêu', 'Target', LONG, { vi: 'Nội dung chỉ tiêu, bắt buộc.', en: 'The target\'s wording, required.' }, { aliases: ['Nội dung chỉ tiêu', 'Tên chỉ tiêu'], required: true, width: 320 }),
  col('kind', 'Loại', 'Kind', en(KPI_KIND), { vi: 'Tỷ lệ, Số lượng, Có/Không hoặc Xếp loại.', en: 'Ratio, count, yes/no or rating.' }, { aliases: ['Loại chỉ tiêu'], required: true, width: 110 }),
  col('direction', 'Chiều', 'Direction', en(KPI_DIRECTION), { vi: '≥ (tối thiểu, mặc định) hoặc ≤ (tối đa).', en: '≥ (at least, default) or ≤ (at most).' }, { aliases: ['So sánh'], default: '≥', width: 70 }),
  col('target', 'Mục tiêu', 'Target value', { kind: 'kpiValue', role: 'target' }, {
    vi: 'Tỷ lệ: phần trăm (ví dụ 98%); Số lượng: con số; Có/Không: Có; Xếp loại: mức, ví dụ Khá.',
    en: 'Ratio: a percent (e.g. 98%); count: a number; yes/no: Có; rating: a level, e.g. Khá.',
  }, { aliases: ['Chỉ tiêu đề ra', 'Giá trị mục tiêu'], required: true }),
  col('method', 'Cách tính', 'Method', en(KPI_METHOD), { vi: 'Lũy kế (mặc định), Từng quý hoặc Kỳ gần nhất.', en: 'Cumulative (default), each quarter, or latest period.' }, { aliases: ['Cách đánh giá'], default: 'Lũy kế', width: 120 }),
  col('source', 'Nguồn số liệu', 'Data source', { kind: 'kpiSource' }, {
    vi: 'Để trống nếu nhập tay; chọn "Hoạt động: <loại>" để tự đếm từ sheet Hoạt động.',
    en: 'Empty when typed by hand; "Hoạt động: <type>" to count from the Hoạt động sheet.',
  }, { aliases: ['Nguồn'] }),
  ...QUARTER_COLUMNS,
  col('owner', 'Chủ trì', 'Lead', T, { vi: 'Người chủ trì (không bắt buộc).', en: 'Lead person (optional).' }, { aliases: ['Người chủ trì', 'Phụ trách'] }),
  col('evidence', 'Minh chứng', 'Evidence', LINK, HELP_EVIDENCE),
  col('note', 'Ghi chú', 'Note', LONG, HELP_NOTE, { width: 200 }),
  col('value', '⚙ Thực hiện', 'Value', computed('text'), computedHelp('Kết quả đến kỳ báo cáo.', 'The value to date.'), { aliases: ['Thực hiện'], width: 110 }),
  col('achievement', '⚙ Tỷ lệ đạt', 'Achievement', computed('ratio'), computedHelp('Thực hiện so với mục tiêu.', 'Value against the target.'), { aliases: ['Tỷ lệ đạt'], width: 100 }),
  col('evaluation', '⚙ Đánh giá', 'Evaluation', computed('text'), computedHelp('Đạt, Gần đạt, Chưa đạt, Không phát sinh, Chưa có số liệu.', 'Met, nearly met, not met, no cases, no data.'), { aliases: ['Đánh giá'], width: 130 }),
];

// ----------------------------------------------------------------------------------- Sáng kiến

const score = (key: string, header: string, enName: string, vi: string, enHelp: string): ColumnSpec =>
  col(key, header, enName, SCORE, { vi: `${vi} Chấm từ 0 đến 20 điểm.`, en: `${enHelp} Scored 0 to 20.` });

const INITIATIVE_COLUMNS: ColumnSpec[] = [
  col('stt', 'STT', 'No.', T, HELP_STT, { width: 50, notAnEntry: true }),
  col('name', 'Tên sáng kiến', 'Name', LONG, { vi: 'Tên sáng kiến, mô hình, giải pháp; bắt buộc.', en: 'Name of the initiative, model or solution; required.' }, { aliases: ['Tên sáng kiến, mô hình, giải pháp', 'Tên mô hình', 'Tên giải pháp'], required: true, width: 300 }),
  col('form', 'Hình thức', 'Form', en(INITIATIVE_FORM), { vi: 'Công trình, Mô hình, Giải pháp, Sáng kiến hoặc Cách làm hay.', en: 'Work, model, solution, initiative or good practice.' }, { width: 130 }),
  col('area', 'Lĩnh vực', 'Area', AREA, HELP_AREA, { required: true }),
  col('authors', 'Tác giả', 'Authors', T, { vi: 'Tác giả hoặc nhóm tác giả, bắt buộc.', en: 'Author or group of authors, required.' }, { aliases: ['Tác giả, nhóm tác giả', 'Nhóm tác giả'], required: true, width: 200 }),
  col('authorKind', 'Cá nhân/Tập thể', 'Individual/collective', en(AUTHOR_KIND), { vi: 'Cá nhân hoặc Tập thể.', en: 'Individual or collective.' }, { width: 120 }),
  col('registered', 'Ngày đăng ký', 'Registered on', DATE, { vi: 'Ngày đăng ký, bắt buộc; sau hạn đăng ký trong Thông tin sẽ được nhắc.', en: 'Registration date, required; after the deadline in Thông tin is flagged.' }, { required: true }),
  col('summary', 'Nội dung tóm tắt', 'Summary', LONG, { vi: 'Tóm tắt nội dung (không bắt buộc).', en: 'Short summary (optional).' }, { aliases: ['Tóm tắt', 'Nội dung'] }),
  col('due', 'Hạn hoàn thành', 'Deadline', DATE, { vi: 'Hạn hoàn thành (không bắt buộc).', en: 'Deadline (optional).' }, { aliases: ['Thời hạn', 'Hạn'] }),
  col('stage', 'Giai đoạn', 'Stage', en(INITIATIVE_STAGE), { vi: 'Đăng ký, Đang triển khai, Hoàn thành, Đã nghiệm thu, Đề xuất nhân rộng, Được công nhận hoặc Dừng.', en: 'Stage of the initiative.' }, { default: 'Đăng ký', width: 150 }),
  col('percent', '% tiến độ', '% progress', RATIO, { vi: 'Phần trăm tiến độ, 0% đến 100%.', en: 'Progress, 0% to 100%.' }, { aliases: ['Tiến độ', '% hoàn thành'] }),
  col('result', 'Kết quả, hiệu quả', 'Results', LONG, { vi: 'Kết quả, hiệu quả đạt được; cần có từ giai đoạn Hoàn thành.', en: 'Results achieved; expected from the Done stage on.' }, { aliases: ['Kết quả', 'Hiệu quả'] }),
  col('evidence', 'Minh chứng', 'Evidence', LINK, { vi: `${HELP_EVIDENCE.vi} Bắt buộc từ giai đoạn Đã nghiệm thu.`, en: `${HELP_EVIDENCE.en} Required from the Accepted stage on.` }),
  score('scoreLegal', 'Điểm hợp pháp, hiệu quả', 'Score: legality, effectiveness', 'Tính hợp pháp, hiệu quả.', 'Legality and effectiveness.'),
  score('scoreProblem', 'Điểm giải quyết vấn đề', 'Score: solves the problem', 'Giải quyết được vấn đề đặt ra.', 'Solves the problem it set.'),
  score('scoreImpact', 'Điểm tác động xã hội', 'Score: social impact', 'Tác động xã hội.', 'Social impact.'),
  score('scoreSuperiority', 'Điểm tính ưu việt', 'Score: superiority', 'Tính ưu việt, cạnh tranh.', 'Superiority and competitive edge.'),
  score('scoreDevelopment', 'Điểm khả năng phát triển', 'Score: development', 'Khả năng phát triển.', 'Future development.'),
  col('note', 'Ghi chú', 'Note', LONG, HELP_NOTE, { width: 200 }),
  col('totalScore', '⚙ Tổng điểm', 'Total score', computed('number'), computedHelp('Tổng năm điểm, khi đã chấm đủ.', 'Sum of the five scores, once all are entered.'), { aliases: ['Tổng điểm'], width: 90 }),
  col('award', '⚙ Đề xuất khen thưởng', 'Award proposal', computed('text'), computedHelp('Đủ điều kiện hoặc Chưa đủ điều kiện.', 'Eligible or not eligible.'), { aliases: ['Đề xuất khen thưởng'], width: 160 }),
];

/** The five score columns, in judging order (model.ts Initiative.scores). */
export const SCORE_KEYS = ['scoreLegal', 'scoreProblem', 'scoreImpact', 'scoreSuperiority', 'scoreDevelopment'] as const;

// ----------------------------------------------------------------------------------- Hoạt động

const ACTIVITY_COLUMNS: ColumnSpec[] = [
  col('date', 'Ngày', 'Date', DATE, { vi: 'Ngày diễn ra, bắt buộc, dạng ngày/tháng/năm.', en: 'Date, required, day/month/year.' }, { aliases: ['Ngày thực hiện', 'Thời gian'], required: true }),
  col('type', 'Loại hoạt động', 'Activity type', en(ACTIVITY_TYPE), { vi: 'Chọn trong danh sách; chỉ tiêu có nguồn "Hoạt động: <loại>" đếm theo cột này.', en: 'Pick from the list; targets sourced from activities count by it.' }, { aliases: ['Loại'], default: 'Khác', width: 230 }),
  col('title', 'Tiêu đề', 'Title', LONG, { vi: 'Tên hoạt động hoặc tiêu đề bài viết, bắt buộc.', en: 'Activity or post title, required.' }, { aliases: ['Tên hoạt động', 'Nội dung', 'Tên bài viết'], required: true, width: 320 }),
  col('area', 'Lĩnh vực', 'Area', AREA, HELP_AREA),
  col('performer', 'Người thực hiện', 'Performed by', T, { vi: 'Người hoặc bộ phận thực hiện.', en: 'Who did it.' }, { aliases: ['Người phụ trách', 'Chủ trì'] }),
  col('link', 'Liên kết', 'Link', LINK, { vi: 'Đường liên kết tới bài viết, hình ảnh, văn bản.', en: 'Link to the post, photos or document.' }, { aliases: ['Đường dẫn', 'Link', 'Minh chứng'] }),
  col('note', 'Ghi chú', 'Note', LONG, HELP_NOTE, { width: 200 }),
];

// ----------------------------------------------------------------------------------- Nhật ký

const LOG_COLUMNS: ColumnSpec[] = [
  col('time', 'Thời gian', 'Time', computed('datetime'), { vi: 'Thời điểm thực hiện.', en: 'When.' }, { width: 150 }),
  col('user', 'Người dùng', 'User', computed('text'), { vi: 'Người thực hiện thao tác.', en: 'Who.' }, { width: 200 }),
  col('action', 'Thao tác', 'Action', computed('text'), { vi: 'Thao tác đã làm.', en: 'What was done.' }, { width: 220 }),
  col('result', 'Kết quả', 'Result', computed('text'), { vi: 'Kết quả, ví dụ đường liên kết tới báo cáo.', en: 'Result, e.g. the report\'s link.' }, { width: 360, wrap: true }),
];

// ----------------------------------------------------------------------------------- district

const UNIT_COLUMNS: ColumnSpec[] = [
  col('unitCode', 'Mã đơn vị', 'Unit code', T, { vi: 'Mã đơn vị, ví dụ MNBT; bắt buộc, không trùng.', en: 'Unit code, e.g. MNBT; required, unique.' }, { aliases: ['Mã trường', 'Mã'], required: true, width: 100 }),
  col('unitName', 'Tên đơn vị', 'Unit name', T, { vi: 'Tên đơn vị.', en: 'Unit name.' }, { aliases: ['Tên trường'], width: 240 }),
  col('source', 'Liên kết', 'Link', LINK, { vi: 'Đường liên kết hoặc mã (ID) của bảng tính của đơn vị; trên máy tính là đường dẫn tệp, tính từ thư mục chứa bảng tính tổng hợp. Bắt buộc: dòng không có liên kết không được đọc.', en: 'The unit\'s spreadsheet URL or ID; locally, a file path from the district workbook\'s folder. Required: a row without one is not read.' }, { aliases: ['Đường dẫn', 'Link', 'ID'], required: true, width: 320 }),
  col('manager', 'Người phụ trách', 'Contact', T, { vi: 'Người phụ trách ở đơn vị.', en: 'Contact person at the unit.' }, { width: 180 }),
  col('email', 'Email', 'E-mail', { kind: 'email' }, { vi: 'Thư điện tử người phụ trách.', en: 'Contact\'s e-mail.' }, { aliases: ['E-mail', 'Thư điện tử'] }),
  col('note', 'Ghi chú', 'Note', LONG, HELP_NOTE, { width: 200 }),
];

const sumCol = (key: string, header: string, enName: string, shows: 'text' | 'ratio' | 'number' | 'datetime' = 'number'): ColumnSpec =>
  col(key, header, enName, computed(shows), { vi: 'Tiện ích tự tổng hợp.', en: 'Written by the add-on.' }, { width: shows === 'text' ? 200 : 100 });

const UNIT_SUMMARY_COLUMNS: ColumnSpec[] = [
  sumCol('unitCode', 'Mã đơn vị', 'Unit code', 'text'),
  sumCol('unitName', 'Tên đơn vị', 'Unit name', 'text'),
  sumCol('readStatus', 'Trạng thái đọc', 'Read status', 'text'),
  sumCol('templateVersion', 'Phiên bản mẫu', 'Template version'),
  sumCol('errors', 'Số lỗi dữ liệu', 'Data errors'),
  sumCol('changedAt', 'Tệp thay đổi lúc', 'File changed at', 'datetime'),
  sumCol('readAt', 'Thời điểm đọc', 'Read at', 'datetime'),
  sumCol('tasksTotal', 'Tổng số nhiệm vụ', 'Tasks'),
  sumCol('tasksDone', 'Hoàn thành', 'Done'),
  sumCol('tasksDoneOnTime', 'Hoàn thành đúng hạn', 'Done on time'),
  sumCol('tasksDoneLate', 'Hoàn thành trễ hạn', 'Done late'),
  sumCol('tasksOverdue', 'Quá hạn', 'Overdue'),
  sumCol('tasksDoneShare', 'Tỷ lệ hoàn thành', 'Share done', 'ratio'),
  sumCol('kpiMet', 'Chỉ tiêu đạt', 'Targets met'),
  sumCol('kpiNear', 'Gần đạt', 'Nearly met'),
  sumCol('kpiNotMet', 'Chưa đạt', 'Not met'),
  sumCol('kpiNotApplicable', 'Không phát sinh', 'No cases'),
  sumCol('kpiNoData', 'Chưa có số liệu', 'No data'),
  sumCol('initiativesTotal', 'Số sáng kiến', 'Initiatives'),
  sumCol('initiativesEligible', 'Đủ điều kiện khen thưởng', 'Eligible for award'),
  sumCol('message', 'Cần làm', 'What to do', 'text'),
];

/**
 * The district's stored reads (core/district/state.ts), hidden and protected: what an incremental
 * refresh needs (each school's file stamp and figures for one as-of date), and the cursor of a
 * refresh cut off midway. Not in the workbook contract's list of sheets the user sees: the
 * contract says the district keeps this "in the district workbook", and a hidden sheet is where.
 */
const UNIT_STATE_COLUMNS: ColumnSpec[] = [
  sumCol('unitCode', 'Mã đơn vị', 'Unit code', 'text'),
  sumCol('source', 'Liên kết', 'Link', 'text'),
  sumCol('stored', 'Dữ liệu', 'Data', 'text'),
];

const UNIT_KPI_COLUMNS: ColumnSpec[] = [
  sumCol('code', 'Mã', 'Code', 'text'),
  sumCol('title', 'Chỉ tiêu', 'Target', 'text'),
];

// ----------------------------------------------------------------------------------- sheets

const sheet = (
  key: SheetKey, name: string, enName: string, role: SheetSpec['role'], columns: readonly ColumnSpec[],
  o: { school?: boolean; district?: boolean; protectSheet?: boolean; frozenRows?: number; dynamicColumns?: boolean; hidden?: boolean } = {},
): SheetSpec => {
  const s: SheetSpec = {
    key, name, en: enName, role, columns,
    school: o.school ?? true,
    district: o.district ?? false,
    protectSheet: o.protectSheet ?? false,
    frozenRows: o.frozenRows ?? (columns.length > 0 ? 1 : 0),
  };
  if (o.dynamicColumns) s.dynamicColumns = true;
  if (o.hidden) s.hidden = true;
  return s;
};

/** Every sheet of template version 1, in workbook order (school sheets, then district ones). */
export const SHEETS: readonly SheetSpec[] = [
  sheet('settings', SHEET_NAMES.settings, 'Settings', 'settings', SETTINGS_COLUMNS, { district: true }),
  sheet('people', SHEET_NAMES.people, 'People', 'input', PEOPLE_COLUMNS),
  sheet('tasks', SHEET_NAMES.tasks, 'Plan', 'input', TASK_COLUMNS),
  sheet('kpis', SHEET_NAMES.kpis, 'Targets', 'input', KPI_COLUMNS),
  sheet('initiatives', SHEET_NAMES.initiatives, 'Initiatives', 'input', INITIATIVE_COLUMNS),
  sheet('activities', SHEET_NAMES.activities, 'Activities', 'input', ACTIVITY_COLUMNS),
  sheet('dashboard', SHEET_NAMES.dashboard, 'Dashboard', 'output', [], { protectSheet: true }),
  sheet('log', SHEET_NAMES.log, 'Log', 'log', LOG_COLUMNS, { protectSheet: true, district: true }),
  sheet('guide', SHEET_NAMES.guide, 'Guide', 'guide', [], { district: true }),
  sheet('units', SHEET_NAMES.units, 'Units', 'input', UNIT_COLUMNS, { school: false, district: true }),
  sheet('unitSummary', SHEET_NAMES.unitSummary, 'Units summary', 'output', UNIT_SUMMARY_COLUMNS, { school: false, district: true, protectSheet: true }),
  sheet('unitKpis', SHEET_NAMES.unitKpis, 'Targets across units', 'output', UNIT_KPI_COLUMNS, { school: false, district: true, protectSheet: true, dynamicColumns: true }),
  sheet('unitState', SHEET_NAMES.unitState, 'Stored reads', 'output', UNIT_STATE_COLUMNS, { school: false, district: true, protectSheet: true, hidden: true }),
];

/**
 * `Tổng hợp`!B2: the as-of date the dashboard's figures were computed for, a real date cell (A2
 * is its label; D2 and E2 give the report period). The conditional colours of `Kế hoạch` read it
 * (overdue, due soon, done by then), so a red deadline says what ⚙ Tình trạng says; until the
 * first progress update the cell is empty and the colours go by today's date.
 */
export const DASHBOARD_AS_OF_CELL = { row: 2, col: 2 } as const;
/** `Tổng hợp`!E2: the report period of the figures, as text (`Quý II năm 2024`), after its label. */
export const DASHBOARD_PERIOD_CELL = { row: 2, col: 5 } as const;

/**
 * The as-of cell as a formula on another sheet names it, `'Tổng hợp'!$B$2`. A conditional format
 * formula in Google Sheets may not refer to another sheet directly, only through INDIRECT of this
 * text (support.google.com/docs/answer/78413: "Formulas can only reference the same sheet […] To
 * reference another sheet in the formula, use the INDIRECT function.").
 */
export function dashboardAsOfReference(): string {
  const { row, col } = DASHBOARD_AS_OF_CELL;
  return `'${SHEET_NAMES.dashboard.replace(/'/g, "''")}'!$${columnLetter(col)}$${row}`;
}

export const SCHOOL_SHEETS: readonly SheetSpec[] = SHEETS.filter((s) => s.school);
/** District workbook sheets, in workbook order. */
export const DISTRICT_SHEETS: readonly SheetSpec[] = [
  ...['settings', 'units', 'unitSummary', 'unitKpis', 'log', 'guide', 'unitState'].map((k) => sheetSpec(k as SheetKey)),
];

export function sheetSpec(key: SheetKey): SheetSpec {
  const s = SHEETS.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}

/** The column of a sheet by key; throws on a typo so callers fail loudly in tests. */
export function columnSpec(sheetKey: SheetKey, columnKey: string): ColumnSpec {
  const c = sheetSpec(sheetKey).columns.find((x) => x.key === columnKey);
  if (!c) throw new Error(`no column ${columnKey} in ${sheetKey}`);
  return c;
}

/** Sheet names, for callers that only need the name. */
export { SHEET_NAMES };
