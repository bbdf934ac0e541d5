// A small evaluator of spreadsheet formulas, enough for the add-on's conditional format rules:
// numbers, "text", cell references ($G2, B$2), INDIRECT("'Sheet'!$B$2"), comparisons, + - &,
// AND, OR, NOT, IF, ISNUMBER, TRIM, N, TODAY. It follows Excel's and Sheets' documented rules
// where they matter here: text compares without regard to case, an empty cell is 0 beside a
// number and "" beside text, text sorts after every number, IF evaluates only the branch it takes,
// and an error (a missing sheet: #REF!) spreads through every function but ISNUMBER and IF's
// untaken branch. Dates are day numbers.

export type Value = number | string | boolean | null | { error: string };

export interface EvalContext {
  /** The sheet the rule is on. */
  sheet: string;
  /** Value of a cell (1-based); null when empty. Throw or return an error for a missing sheet. */
  cell(sheet: string, row: number, col: number): Value;
  sheetExists(sheet: string): boolean;
  /** TODAY() as a day number. */
  today: number;
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; col: number; row: number; absCol: boolean; absRow: boolean }
  | { t: 'fn'; name: string }
  | { t: 'op'; v: string };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      while (i < src.length) {
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          break;
        }
        s += src[i++];
      }
      if (src[i] !== '"') throw new Error(`unterminated string in ${src}`);
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('()<>=,+-&'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: 'ref', absCol: ref[1] === '$', col: colNumber(ref[2]!), absRow: ref[3] === '$', row: Number(ref[4]) });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Z][A-Z0-9.]*(?=\()/i.exec(src.slice(i));
    if (name) {
      out.push({ t: 'fn', name: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    throw new Error(`cannot read ${src.slice(i, i + 20)} in ${src}`);
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'ref'; col: number; row: number; absCol: boolean; absRow: boolean }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v}`);
    p++;
  };
  const comparison = (): Node => {
    let a = concat();
    for (;;) {
      const t = peek();
      if (t?.t === 'op' && ['<', '>', '<=', '>=', '=', '<>'].includes(t.v)) {
        p++;
        a = { k: 'bin', op: t.v, a, b: concat() };
      } else return a;
    }
  };
  const concat = (): Node => {
    let a = additive();
    while (isOp('&')) {
      p++;
      a = { k: 'bin', op: '&', a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = unary();
    for (;;) {
      const t = peek();
      if (t?.t === 'op' && (t.v === '+' || t.v === '-')) {
        p++;
        a = { k: 'bin', op: t.v, a, b: unary() };
      } else return a;
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', a: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new Error('unexpected end');
    if (t.t === 'num' || t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', col: t.col, row: t.row, absCol: t.absCol, absRow: t.absRow };
    if (t.t === 'fn') {
      expect('(');
      const args: Node[] = [];
      if (!isOp(')')) {
        args.push(comparison());
        while (isOp(',')) {
          p++;
          args.push(comparison());
        }
      }
      expect(')');
      return { k: 'call', name: t.name, args };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    throw new Error(`unexpected ${JSON.stringify(t)}`);
  };
  const node = comparison();
  if (p !== tokens.length) throw new Error('trailing tokens');
  return node;
}

const isError = (v: Value): v is { error: string } => typeof v === 'object' && v !== null;

function toNumber(v: Value): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : { error: '#VALUE!' };
}

function toBool(v: Value): boolean | { error: string } {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.trim().toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return { error: '#VALUE!' };
}

/** Excel's ordering of values of different types: numbers < text < booleans. */
function compare(a: Value, b: Value): number {
  const rank = (v: Exclude<Value, null | { error: string }>): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = rank(x as never);
  const ry = rank(y as never);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLocaleLowerCase('vi');
    const q = y.toLocaleLowerCase('vi');
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

function parseReference(text: string): { sheet: string | null; row: number; col: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Z]{1,3})\$?(\d+)$/i.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  return { sheet, col: colNumber(m[3]!), row: Number(m[4]) };
}

/**
 * The value of `formula` (with or without its leading `=`), written for `baseRow`, at the cell
 * (row, col) of the rule's range.
 */
export function evaluate(formula: string, ctx: EvalContext, at: { row: number; col: number }, base: { row: number; col: number }): Value {
  const tree = parse(tokenize(formula.replace(/^=/, '')));
  const cellValue = (sheet: string, row: number, col: number): Value => (ctx.sheetExists(sheet) ? ctx.cell(sheet, row, col) : { error: '#REF!' });
  const ev = (n: Node): Value => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref': {
        const row = n.absRow ? n.row : n.row + (at.row - base.row);
        const col = n.absCol ? n.col : n.col + (at.col - base.col);
        return cellValue(ctx.sheet, row, col);
      }
      case 'neg': {
        const v = toNumber(ev(n.a));
        return isError(v) ? v : -v;
      }
      case 'bin': {
        const a = ev(n.a);
        const b = ev(n.b);
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (n.op === '&') return `${a ?? ''}${b ?? ''}`;
        if (n.op === '+' || n.op === '-') {
          const x = toNumber(a);
          const y = toNumber(b);
          if (isError(x)) return x;
          if (isError(y)) return y;
          return n.op === '+' ? x + y : x - y;
        }
        const c = compare(a, b);
        return { '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0, '=': c === 0, '<>': c !== 0 }[n.op]!;
      }
      case 'call':
        return call(n.name, n.args);
    }
  };
  const call = (name: string, args: Node[]): Value => {
    switch (name) {
      case 'IF': {
        const c = toBool(ev(args[0]!));
        if (isError(c)) return c;
        return c ? ev(args[1]!) : args[2] ? ev(args[2]) : false;
      }
      case 'AND':
      case 'OR': {
        let acc = name === 'AND';
        for (const a of args) {
          const b = toBool(ev(a));
          if (isError(b)) return b;
          acc = name === 'AND' ? acc && b : acc || b;
        }
        return acc;
      }
      case 'NOT': {
        const b = toBool(ev(args[0]!));
        return isError(b) ? b : !b;
      }
      case 'ISNUMBER':
        return typeof ev(args[0]!) === 'number';
      case 'TRIM': {
        const v = ev(args[0]!);
        if (isError(v)) return v;
        return String(v ?? '').trim().replace(/ +/g, ' ');
      }
      case 'N': {
        const v = ev(args[0]!);
        if (isError(v)) return v;
        return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
      }
      case 'TODAY':
        return ctx.today;
      case 'INDIRECT': {
        const text = ev(args[0]!);
        if (isError(text)) return text;
        const ref = parseReference(String(text ?? ''));
        if (!ref) return { error: '#REF!' };
        return cellValue(ref.sheet ?? ctx.sheet, ref.row, ref.col);
      }
      default:
        throw new Error(`no function ${name} in this evaluator`);
    }
  };
  return ev(tree);
}
