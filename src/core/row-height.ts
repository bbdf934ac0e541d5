// How tall a row must be to show its wrapped text, estimated from the text and the column width.
//
// Google Sheets grows a row to fit wrapped text by itself; Excel and LibreOffice Calc show a row
// of an .xlsx file at the height stored in it, so text that wraps to a second line is cut off
// (Excel) or drawn over the rows below (Calc). The .xlsx adapter therefore stores a height for
// rows holding wrapped text, and the installer gives one for the rows it merges (neither Excel
// nor Calc fits a merged cell's row). The estimate uses the metrics of Calibri 11 (the .xlsx
// default font; Calc shows it as the metric-compatible Carlito), at 96 px an inch: a little
// generous for Sheets' Arial 10, which only takes these heights as minimums.

/** One line of Calibri 11: Excel's default row height, 15 pt. */
export const LINE_HEIGHT_PX = 20;
/** Excel's tallest row, 409 pt. */
export const MAX_ROW_HEIGHT_PX = 545;
/** Space a cell keeps free left and right of its text, and for the grid line. */
const CELL_PADDING_PX = 7;
/** Calibri 11 at 96 dpi: 11 pt = 14.67 px an em; the advance widths below are in 1/2048 em. */
const PX_PER_UNIT = (11 * 96) / 72 / 2048;
/** Calibri Bold is a few per cent wider than Calibri. */
const BOLD_FACTOR = 1.03;

const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
// prettier-ignore
const CALIBRI = [
  463, 544, 821, 1038, 1038, 1463, 1397, 452, 620, 620, 1038, 1038, 511, 627, 517, 791,
  1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1038, 1038, 1038, 941, 1831,
  1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959,
  628, 791, 628, 1038, 1038, 596,
  981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809,
  686, 930, 686, 1038,
];
/** Anything else (bars, arrows, symbols, CJK): about a digit and a half. */
const OTHER_UNITS = 1500;

const widthCache = new Map<string, number>();

function charUnits(ch: string): number {
  let w = widthCache.get(ch);
  if (w !== undefined) return w;
  const nfd = ch.normalize('NFD');
  const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : nfd.replace(/[\u0300-\u036f]/g, '').charAt(0) || ch;
  const i = ASCII.indexOf(base);
  // ơ and ư carry a horn (U+031B) that widens them a little.
  const horn = nfd.includes('\u031b') ? 1.08 : 1;
  w = (i >= 0 ? CALIBRI[i]! : base === '•' ? 720 : OTHER_UNITS) * horn;
  if (widthCache.size < 4_000) widthCache.set(ch, w);
  return w;
}

/** Width of `text` on one line, in pixels. */
export function textWidthPx(text: string, bold = false): number {
  let units = 0;
  for (const ch of text.normalize('NFC')) units += charUnits(ch);
  return units * PX_PER_UNIT * (bold ? BOLD_FACTOR : 1);
}

/**
 * Lines `text` takes in a wrapped cell `widthPx` wide: each line break starts a line, words go
 * on while they fit, and a word longer than the line (a link) is broken where it reaches the edge,
 * as Sheets, Excel and Calc all do.
 */
export function wrappedLines(text: string, widthPx: number, bold = false): number {
  const room = Math.max(widthPx - CELL_PADDING_PX, 10);
  const space = textWidthPx(' ', bold);
  let lines = 0;
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      let w = textWidthPx(word, bold);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= room) {
        used = needed;
        continue;
      }
      if (used > 0) {
        lines++;
        used = 0;
      }
      // A word wider than the line fills whole lines, then goes on on the next.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/** Height in pixels a row needs for this text in a wrapped cell `widthPx` wide. */
export function wrappedHeightPx(text: string, widthPx: number, bold = false): number {
  return Math.min(MAX_ROW_HEIGHT_PX, wrappedLines(text, widthPx, bold) * LINE_HEIGHT_PX);
}
