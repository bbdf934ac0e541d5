// Every character of the Decree 30 header table and of the signature table carries the style the
// report contract gives its line, read from the fake's document model after the requests apply
// (not from the requests): a style range that starts one index late leaves the first character of
// a table at the body's 14 pt, which a reader sees as one bigger letter (`Ủ` in `ỦY BAN…`).

import { describe, expect, it } from 'vitest';
import { RuntimeCore } from '../gas-runtime/core.ts';
import { createDocsService } from '../gas-runtime/docs-service.ts';
import { parseTable, type ChTok, type ParaNode, type TableNode, type Tok } from '../gas-runtime/document-model.ts';
import { buildDocsPlan } from '../../src/gas/docs-requests.ts';
import { headerBlock, reportModel } from './docs-fixtures.ts';

type Json = Record<string, unknown>;
interface Expect {
  size: number;
  bold: boolean;
  italic: boolean;
}

function applied(model = reportModel({ rows: 3 })) {
  const core = new RuntimeCore({ now: new Date('2024-06-30T02:00:00Z') });
  const svc = createDocsService(core);
  const id = svc.Docs.Documents.create({ title: 't' }).documentId as string;
  for (const requests of buildDocsPlan(model).batches) svc.Docs.Documents.batchUpdate({ requests }, id);
  const doc = svc.store.docs.get(id)!.doc;
  const tables: TableNode[] = [];
  for (const n of doc.content()) if (n.kind === 'table') tables.push(parseTable(doc.toks, n.start));
  return { toks: doc.toks, tables };
}

/** Each paragraph of a table, row by row, cell by cell: its characters (tokens) and its text. */
function paragraphs(toks: Tok[], t: TableNode): { text: string; chars: ChTok[]; newline: ChTok }[] {
  const out: { text: string; chars: ChTok[]; newline: ChTok }[] = [];
  for (const row of t.rows)
    for (const cell of row.cells)
      for (const node of cell.content) {
        if (node.kind !== 'paragraph') continue;
        const p = node as ParaNode;
        const chars = toks.slice(p.start, p.end - 1).filter((k): k is ChTok => k.t === 'ch');
        out.push({ text: chars.map((c) => c.c).join(''), chars, newline: toks[p.end - 1] as ChTok });
      }
  return out;
}

const sizeOf = (ts: Json) => (ts.fontSize as { magnitude?: number } | undefined)?.magnitude;

function expectEveryChar(p: { text: string; chars: ChTok[] }, want: Expect): void {
  expect(p.chars.length, `"${p.text}" has characters`).toBeGreaterThan(0);
  p.chars.forEach((ch, i) => {
    const got = { size: sizeOf(ch.ts), bold: ch.ts.bold === true, italic: ch.ts.italic === true };
    expect(got, `character ${i} "${ch.c}" of "${p.text}"`).toEqual(want);
    expect((ch.ts.weightedFontFamily as Json | undefined)?.fontFamily, `font of character ${i} of "${p.text}"`).toBe('Times New Roman');
  });
}

describe('the header table: every character in its line’s style', () => {
  const h = headerBlock();
  // Decree 30, Phụ lục I (the report contract "Layout"): parent body 13 regular, unit name 13
  // bold, the motto's first line 13 bold and its second 14 bold, the number line 13 regular, the
  // place and date 14 italic.
  const want: [string, Expect][] = [
    ...h.parentBody.map((t): [string, Expect] => [t, { size: 13, bold: false, italic: false }]),
    ...h.unitName.map((t): [string, Expect] => [t, { size: 13, bold: true, italic: false }]),
    [h.motto[0], { size: 13, bold: true, italic: false }],
    [h.motto[1], { size: 14, bold: true, italic: false }],
    [h.numberLine, { size: 13, bold: false, italic: false }],
    [h.placeDate, { size: 14, bold: false, italic: true }],
  ];

  it('each line, first character included', () => {
    const { toks, tables } = applied();
    const ps = paragraphs(toks, tables[0]!);
    for (const [text, style] of want) {
      const p = ps.find((x) => x.text === text);
      expect(p, `header line "${text}"`).toBeDefined();
      expectEveryChar(p!, style);
    }
    // The table's very first character is the `Ủ` of `ỦY BAN NHÂN DÂN QUẬN 1`: 13 pt like the rest.
    const first = ps[0]!.chars[0]!;
    expect([first.c, sizeOf(first.ts)]).toEqual(['Ủ', 13]);
  });

  it('the same when the header is the only block (its table starts at the Doc’s first index)', () => {
    const only = reportModel({ rows: 1 });
    const { toks, tables } = applied({ ...only, blocks: [headerBlock()] });
    const ps = paragraphs(toks, tables[0]!);
    expectEveryChar(ps.find((x) => x.text === h.parentBody[0])!, { size: 13, bold: false, italic: false });
  });
});

describe('the signature table: every character in its line’s style', () => {
  it('recipients label 12 bold italic, recipients 11, signer lines 14 bold, the space to sign 14 pt', () => {
    const model = reportModel({ rows: 3 });
    const sig = model.blocks.find((b) => b.kind === 'signature');
    if (sig?.kind !== 'signature') throw new Error('fixture has no signature');
    const { toks, tables } = applied(model);
    const ps = paragraphs(toks, tables[tables.length - 1]!);
    expectEveryChar(ps.find((x) => x.text === sig.recipientsLabel)!, { size: 12, bold: true, italic: true });
    for (const r of sig.recipients) expectEveryChar(ps.find((x) => x.text === r)!, { size: 11, bold: false, italic: false });
    for (const t of [sig.authority ?? '', sig.title, sig.name].filter(Boolean)) expectEveryChar(ps.find((x) => x.text === t)!, { size: 14, bold: true, italic: false });
    // The empty lines between title and name: their height is their newline's size.
    const title = ps.findIndex((x) => x.text === sig.title);
    const blanks = ps.slice(title + 1, title + 1 + sig.signSpaceLines);
    expect(blanks.map((b) => [b.text, sizeOf(b.newline.ts)])).toEqual(Array.from({ length: sig.signSpaceLines }, () => ['', 14]));
    // The table's first character (`N` of `Nơi nhận:`) included.
    expect(sizeOf(ps[0]!.chars[0]!.ts)).toBe(12);
  });
});

describe('every table’s first character', () => {
  it('has its table’s size, in every table of a report (not the body’s 14 pt)', () => {
    const model = reportModel({ rows: 4, chart: true });
    const { toks, tables } = applied(model);
    for (const t of tables) {
      const ps = paragraphs(toks, t);
      const first = ps.find((p) => p.chars.length > 0)!;
      const rest = first.chars.slice(1).map((c) => sizeOf(c.ts));
      // Whatever size the line has, its first character has it too.
      expect(sizeOf(first.chars[0]!.ts), `first character of "${first.text}"`).toBe(rest[0] ?? sizeOf(first.newline.ts));
    }
  });
});
