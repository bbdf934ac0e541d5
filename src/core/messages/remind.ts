// The weekly reminders' table (issue 14: `Nhắc việc qua email`): the e-mails to task owners and
// the principal's summary (src/core/remind/), the sidebar's switch, and `cchc remind`.

import type { Catalogue } from './types.ts';

export const REMIND = {
  // ------------------------------------------------------------ the e-mails
  subject: { vi: '[CCHC] Nhắc việc tuần {monday}', en: '[CCHC] Reminders for the week of {monday}' },
  subjectSummary: { vi: '[CCHC] Nhắc việc tuần {monday}: tổng hợp', en: '[CCHC] Reminders for the week of {monday}: summary' },
  greeting: { vi: 'Kính gửi {name},', en: 'Dear {name},' },
  ownerIntro: {
    vi: 'Tính đến ngày {asOf}, anh/chị chủ trì {n} nhiệm vụ trong kế hoạch CCHC của {unit} đã quá hạn hoặc đến hạn trong 7 ngày tới:',
    en: 'As of {asOf}, you lead {n} tasks of the {unit} reform plan that are overdue or due within 7 days:',
    one: {
      vi: 'Tính đến ngày {asOf}, anh/chị chủ trì {n} nhiệm vụ trong kế hoạch CCHC của {unit} đã quá hạn hoặc đến hạn trong 7 ngày tới:',
      en: 'As of {asOf}, you lead {n} task of the {unit} reform plan that is overdue or due within 7 days:',
    },
  },
  taskLate: { vi: 'Hạn {due}: quá hạn {n} ngày', en: 'Deadline {due}: {n} days late', one: { en: 'Deadline {due}: {n} day late' } },
  taskToday: { vi: 'Hạn {due}: đến hạn hôm nay', en: 'Deadline {due}: due today' },
  taskLeft: { vi: 'Hạn {due}: còn {n} ngày', en: 'Deadline {due}: {n} days left', one: { en: 'Deadline {due}: {n} day left' } },
  taskWhere: { vi: 'Dòng {row}, trang "{sheet}": {link}', en: 'Row {row} of "{sheet}": {link}' },
  ownerClose: {
    vi: 'Khi hoàn thành, xin cập nhật Trạng thái, % hoàn thành và Ngày hoàn thành trên trang "{sheet}".',
    en: 'When a task is done, please update Trạng thái, % hoàn thành and Ngày hoàn thành on "{sheet}".',
  },
  footer: {
    vi: 'Thư tự động của tiện ích CCHC, gửi mỗi thứ Hai cho người có việc quá hạn hoặc sắp đến hạn.',
    en: 'An automatic message from the CCHC add-on, sent on Mondays to people with tasks overdue or due soon.',
  },
  summaryIntro: {
    vi: 'Tính đến ngày {asOf}, kế hoạch CCHC của {unit} có {overdue} nhiệm vụ quá hạn và {dueSoon} nhiệm vụ đến hạn trong 7 ngày tới, của {people} người chủ trì:',
    en: 'As of {asOf}, the {unit} reform plan has {overdue} overdue tasks and {dueSoon} due within 7 days, led by {people} owners:',
  },
  summaryOwner: { vi: '{name} <{email}>: đã gửi thư nhắc', en: '{name} <{email}>: reminder sent' },
  summaryNoEmail: { vi: '{name}: chưa có email trong "{sheet}", không gửi được thư', en: '{name}: no e-mail in "{sheet}", no reminder sent' },
  summaryBadEmail: { vi: '{name}: email trong "{sheet}" không hợp lệ, không gửi được thư', en: '{name}: the e-mail in "{sheet}" is not valid, no reminder sent' },
  summaryNotListed: { vi: '{name}: không có trong "{sheet}", không gửi được thư', en: '{name}: not in "{sheet}", no reminder sent' },
  summaryTask: { vi: '{title} ({when}, dòng {row})', en: '{title} ({when}, row {row})' },
  summaryWaiting: {
    vi: 'Đã hết hạn mức gửi thư trong ngày của Google: {n} thư chờ lần chạy sau ({names}).',
    en: "Google's daily e-mail quota is used up: {n} messages wait for the next run ({names}).",
    one: { en: "Google's daily e-mail quota is used up: {n} message waits for the next run ({names})." },
  },
  summaryClose: { vi: 'Danh sách đầy đủ: {link}', en: 'The whole plan: {link}' },

  // ------------------------------------------------------------ Nhật ký
  logAction: { vi: 'Nhắc việc tuần {monday}', en: 'Reminders, week of {monday}' },
  logResult: {
    vi: 'Đã gửi {sent} thư; {waiting} thư chờ hạn mức ngày mai',
    en: '{sent} sent; {waiting} waiting for the daily quota',
  },
  logResultFailed: { vi: 'Đã gửi {sent} thư; lỗi khi gửi: {detail}', en: '{sent} sent; sending failed: {detail}' },

  // ------------------------------------------------------------ the sidebar's switch
  title: { vi: 'Nhắc việc qua email', en: 'E-mail reminders' },
  switchOn: { vi: 'Bật nhắc việc hằng tuần', en: 'Turn weekly reminders on' },
  switchOff: { vi: 'Tắt nhắc việc', en: 'Turn reminders off' },
  stateOn: {
    vi: 'Đang bật: mỗi thứ Hai khoảng 7 giờ, người chủ trì có việc quá hạn hoặc sắp đến hạn nhận thư; Hiệu trưởng nhận bản tổng hợp.',
    en: 'On: every Monday around 7 a.m., owners with tasks overdue or due soon get an e-mail; the principal gets the summary.',
  },
  stateOff: { vi: 'Đang tắt.', en: 'Off.' },
  stateOnNoTrigger: {
    vi: '"Nhắc việc qua email" là Có nhưng lịch gửi của anh/chị chưa được đặt: bấm Bật để đặt.',
    en: '"Nhắc việc qua email" is Có but your weekly schedule is not set: press the switch to set it.',
  },
  lastWeek: { vi: 'Lần gửi gần nhất: tuần {monday}.', en: 'Last sent: week of {monday}.' },
  onlyInSheets: { vi: 'Tự động gửi thư nhắc việc chỉ có trên Google Trang tính. Trên máy tính: cchc remind.', en: 'Automatic reminders exist only in Google Sheets. On a computer: cchc remind.' },
  triggerFailed: { vi: 'Không đặt được lịch gửi hằng tuần: {detail}', en: 'The weekly schedule could not be set: {detail}' },

  // ------------------------------------------------------------ cchc remind
  cliHead: {
    vi: 'Nhắc việc tuần {monday} (tính đến {asOf}): {n} thư trong {dir}',
    en: 'Reminders for the week of {monday} (as of {asOf}): {n} messages in {dir}',
  },
  cliNothing: { vi: 'Không ai có việc quá hạn hoặc đến hạn trong 7 ngày tới: không có thư nào.', en: 'Nobody has a task overdue or due within 7 days: no messages.' },
  cliNoMail: { vi: 'Không gửi thư cho: {names} (xem bản tổng hợp).', en: 'No message for: {names} (see the summary).' },
  cliNoSigner: {
    vi: 'Người ký "{name}" không có email hợp lệ trong "{sheet}": thư tổng hợp không có người nhận.',
    en: 'The signer "{name}" has no valid e-mail in "{sheet}": the summary has no recipient.',
  },
  cliSent: { vi: 'Đã gửi {n} thư qua {host}.', en: '{n} messages sent through {host}.' },
  cliNoSmtp: { vi: '--send cần biến môi trường CCHC_SMTP_URL (ví dụ smtp://user:pass@smtp.example.com:587).', en: '--send needs the CCHC_SMTP_URL environment variable (e.g. smtp://user:pass@smtp.example.com:587).' },
  cliBadSmtp: { vi: 'CCHC_SMTP_URL không phải địa chỉ smtp:// hoặc smtps://: {value}', en: 'CCHC_SMTP_URL is not an smtp:// or smtps:// address: {value}' },
  cliSendFailed: { vi: 'Gửi thư tới {to} không được: {detail}', en: 'Sending to {to} failed: {detail}' },
  cliOutHelp: { vi: 'thư mục ghi các tệp .eml (mặc định: nhac-viec-<tuần> cạnh tệp)', en: 'folder for the .eml files (default: nhac-viec-<week> beside the file)' },
  cliSendHelp: { vi: 'gửi các thư qua máy chủ SMTP ở CCHC_SMTP_URL', en: 'send the messages through the SMTP server at CCHC_SMTP_URL' },
  cliSummary: { vi: 'ghi thư nhắc việc của tuần (tệp .eml); --send để gửi qua SMTP', en: "writes the week's reminder e-mails (.eml files); --send sends them through SMTP" },
} satisfies Catalogue;
