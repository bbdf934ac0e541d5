// Messages of the operations layer (vi first, en). Validation messages live in ../i18n.ts.
import type { Lang } from '../model.ts';

const S = {
  notInstalled: {
    vi: 'Bảng tính chưa có mẫu CCHC. Chọn "Cài đặt mẫu" (hoặc chạy cchc init) trước.',
    en: 'This workbook has no CCHC template yet. Choose "Install template" (or run cchc init) first.',
  },
  templateNewer: {
    vi: 'Bảng tính dùng mẫu phiên bản {version}, mới hơn phiên bản {supported} mà tiện ích này hiểu. Hãy cập nhật tiện ích.',
    en: 'This workbook uses template version {version}, newer than version {supported} this add-on understands. Update the add-on.',
  },
  logInstall: { vi: 'Cài đặt mẫu', en: 'Install template' },
  logInstallResult: {
    vi: 'Phiên bản mẫu {version}: thêm {created} trang, {columns} cột',
    en: 'Template version {version}: {created} sheets and {columns} columns added',
  },
  logReport: { vi: 'Tạo báo cáo số {number}', en: 'Generate report no. {number}' },
  busy: {
    vi: 'Một người khác đang cập nhật bảng tính này. Vui lòng thử lại sau ít phút.',
    en: 'Someone else is updating this workbook. Please try again in a minute.',
  },
} as const;

export type AppMessage = keyof typeof S;

export function say(lang: Lang, key: AppMessage, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
