// Rough printed width of a line in Times New Roman, to size the Decree 30 rules (a line as long
// as `Độc lập - Tự do - Hạnh phúc`, a third of the unit's name) and the header columns. Widths
// are the Times-Roman / Times-Bold metrics (Liberation Serif matches them); Vietnamese letters are
// measured as their base letter, which is within a few per cent.

const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz';
// prettier-ignore
const REGULAR = [250,333,408,500,500,833,778,333,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444];
// prettier-ignore
const BOLD = [250,333,555,500,500,1000,833,333,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,930,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,333,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444];

function baseChar(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.charAt(0) || ch;
}

/** Width in millimetres of `text` at `sizePt` points. */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const i = ASCII.indexOf(baseChar(ch));
    // ơ, ư carry a horn that widens them a little.
    const horn = /[ơưƠƯờớởỡợừứửữựỜỚỞỠỢỪỨỬỮỰ]/.test(ch) ? 1.08 : 1;
    units += (i >= 0 ? table[i]! : 500) * horn;
  }
  return (units / 1000) * sizePt * (25.4 / 72);
}
