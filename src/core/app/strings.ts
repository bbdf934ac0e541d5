// Messages of the operations layer (vi first, en). Validation messages (and why a workbook
// cannot be used) live in ../i18n.ts.
import type { Lang } from '../model.ts';

const S = {
  logInstall: { vi: 'Cài đặt mẫu', en: 'Install template' },
  logInstallResult: {
    vi: 'Phiên bản mẫu {version}: thêm {created} trang, {columns} cột',
    en: 'Template version {version}: {created} sheets and {columns} columns added',
  },
  logReport: { vi: 'Tạo báo cáo số {number}', en: 'Generate report no. {number}' },
  reportIncomplete: {
    vi: 'Không tạo văn bản, chưa lấy số: {problem}',
    en: 'No document made and no number taken: {problem}',
  },
  busy: {
    vi: 'Một người khác đang cập nhật bảng tính này. Vui lòng thử lại sau ít phút.',
    en: 'Someone else is updating this workbook. Please try again in a minute.',
  },
} as const;

export type AppMessage = keyof typeof S;

export function say(lang: Lang, key: AppMessage, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
