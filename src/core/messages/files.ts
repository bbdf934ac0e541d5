// The words of the Node file layer (src/node/files/): locks, atomic writes, parts of an .xlsx
// that must be kept, files changed by another program meanwhile.

import type { Catalogue } from './types.ts';

export const FILES = {
  lockWaiting: { vi: 'Đang chờ một lệnh khác ghi xong {file}…', en: 'Waiting for another command to finish writing {file}…' },
  changedMeanwhile: { vi: '{file} vừa được lưu bởi chương trình khác', en: '{file} was just saved by another program' },
  readOnly: { vi: 'Tệp {file} chỉ cho phép đọc', en: '{file} is read-only' },
  notFound: { vi: 'Không tìm thấy tệp {file}', en: 'No such file: {file}' },
} satisfies Catalogue;
