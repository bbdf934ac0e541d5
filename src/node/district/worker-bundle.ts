// The reading thread's code as one ES module. The built cchc (dist/cli/) has it ready,
// dist/cli/district-worker.mjs. The rest of this file is for cchc run from the sources (tests
// calling main() in-process under tsx): under
// tsx (worker-entry.mjs) every thread resolves and transpiles its hundred TypeScript modules
// through tsx's loader, and on two cores two threads doing that beside the main thread cost about
// a second of the run. The bundle is made with esbuild (which tsx itself runs on, so it is there
// wherever the CLI runs) in node_modules/.cache/cchc/, and made again when any of its source
// files changed (their size and modification time are kept beside it). When it cannot be made
// (no esbuild, a read-only install) or CCHC_WORKER_BUNDLE=0, the threads start through tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const SOURCE = path.join(HERE, 'worker.ts');
const TSX_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

interface Manifest {
  inputs: [file: string, mtimeMs: number, size: number][];
}

function fresh(manifestFile: string): boolean {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return m.inputs.length > 0 && m.inputs.every(([f, mtime, size]) => {
      const s = statSync(path.join(ROOT, f));
      return s.mtimeMs === mtime && s.size === size;
    });
  } catch {
    return false;
  }
}

let chosen: URL | null = null;

/**
 * The thread's module built with the CLI (build.mjs → dist/cli/district-worker.mjs), beside the
 * built cchc (this code is then in dist/cli/ or dist/cli/chunks/). None under tsx (src/).
 */
function builtWorker(): URL | null {
  if (!import.meta.url.endsWith('.mjs')) return null;
  return [new URL('./district-worker.mjs', import.meta.url), new URL('../district-worker.mjs', import.meta.url)].find((u) => existsSync(u)) ?? null;
}

/** The module a reading thread starts with: the bundle when it can be had, else worker-entry.mjs (tsx). */
export function workerEntry(env: NodeJS.ProcessEnv = process.env): URL {
  if (chosen) return chosen;
  chosen = builtWorker() ?? TSX_ENTRY;
  if (chosen !== TSX_ENTRY) return chosen;
  if (env.CCHC_WORKER_BUNDLE === '0') return chosen;
  try {
    const dir = path.join(ROOT, 'node_modules', '.cache', 'cchc');
    // One bundle per checkout: two checkouts may share one node_modules.
    const tag = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
    const out = path.join(dir, `district-worker-${tag}.mjs`);
    const manifestFile = path.join(dir, `district-worker-${tag}.json`);
    if (!fresh(manifestFile)) {
      const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
      mkdirSync(dir, { recursive: true });
      // Another cchc may build at the same time: each writes its own files, then renames.
      const tmp = `${out}.${process.pid}.tmp`;
      const result = esbuild.buildSync({
        entryPoints: [SOURCE],
        absWorkingDir: ROOT,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outfile: tmp,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile?.inputs ?? {}).map((f): [string, number, number] => {
        const s = statSync(path.join(ROOT, f));
        return [f, s.mtimeMs, s.size];
      });
      renameSync(tmp, out);
      const mtmp = `${manifestFile}.${process.pid}.tmp`;
      writeFileSync(mtmp, JSON.stringify({ inputs } satisfies Manifest));
      renameSync(mtmp, manifestFile);
    }
    chosen = pathToFileURL(out);
  } catch {
    chosen = TSX_ENTRY;
  }
  return chosen;
}
