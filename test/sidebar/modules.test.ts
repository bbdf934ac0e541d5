// The sidebar's layout (issue 11): small modules with one job each, and no import cycle among
// them, so each view, command and the state can be read (and changed) on its own.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 250;
const ENTRIES = ['sidebar/main.ts', 'sidebar/host/host.ts'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `sidebar/` module → the `sidebar/` modules it imports, as esbuild resolves them. */
async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!file.startsWith('sidebar/')) continue;
    graph.set(file, input.imports.map((i) => i.path).filter((p) => p.startsWith('sidebar/')));
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    const at = trail.indexOf(file);
    if (at >= 0) return void found.push([...trail.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

describe('sidebar modules', () => {
  it(`are each at most ${MAX_LINES} lines`, () => {
    const long = files('sidebar')
      .map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it.each(ENTRIES)('import one another without a cycle, from %s', async (entry) => {
    const graph = await importGraph(entry);
    expect(graph.size).toBeGreaterThan(0);
    expect(cycles(graph)).toEqual([]);
  });
});
