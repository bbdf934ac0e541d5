// The built cchc (build.mjs → dist/cli/) starts without loading the heavy libraries: a command
// pays for exceljs, docx, zod or nodemailer only when it uses them (issue 13 item 7). Checked on
// the built files: the modules `cchc --help` loads are the entry and the chunks it imports
// statically (not the ones behind `import()`), and none of them may import those packages.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli');
const HEAVY = ['exceljs', 'docx', 'zod', 'nodemailer', '@resvg/resvg-js', 'tsx'];

function staticGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gms)) visit(path.resolve(path.dirname(file), (m[1] ?? m[2])!));
  };
  visit(entry);
  return seen;
}

describe('the built cchc', () => {
  it('is built, with its reading thread', () => {
    expect(existsSync(path.join(CLI, 'cchc.mjs'))).toBe(true);
    expect(existsSync(path.join(CLI, 'district-worker.mjs'))).toBe(true);
  });

  it('loads none of the heavy packages at start', () => {
    const graph = staticGraph(path.join(CLI, 'cchc.mjs'));
    expect(graph.size).toBeGreaterThan(1);
    const offenders = [...graph].flatMap(([file, text]) =>
      HEAVY.filter((p) => new RegExp(`from\\s+"${p.replace('/', '\\/')}"|import\\s+"${p.replace('/', '\\/')}"`).test(text)).map((p) => `${path.basename(file)} → ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('loads each command\'s work only when that command runs (behind import())', () => {
    const all = [...staticGraph(path.join(CLI, 'cchc.mjs')).values()].join('\n');
    for (const name of ['init', 'validate', 'progress', 'report', 'aggregate', 'remind', 'rollover', 'serve', 'template', 'demo']) {
      expect(all, name).toMatch(new RegExp(`import\\("\\./chunks/${name}\\.run-[A-Z0-9]+\\.mjs"\\)`));
    }
    // The reader, the installer, the reports and the xlsx layer stay out of the start.
    expect(all).not.toMatch(/function readSchool\(|function installTemplate\(|class XlsxWorkbook\b/);
    const bytes = [...staticGraph(path.join(CLI, 'cchc.mjs')).values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
    // About 110 kB today, most of it the message catalogue that --help speaks; 535 kB when every
    // command's code was loaded at start.
    expect(bytes).toBeLessThan(200_000);
  });
});
