// Every Vietnamese word the project writes (messages, headers, enum words, documents) must be NFC:
// an NFD literal looks the same on screen but never equals what the reader folds and compares, and
// some fonts draw its marks apart. A guard over every source file, so one pasted string cannot slip in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(ts|mts|mjs|html|css)$/.test(e.name) ? [full] : [];
  });
}

describe('source text', () => {
  it('is NFC in src/ and sidebar/', () => {
    const bad: string[] = [];
    for (const f of [...files('src'), ...files('sidebar')]) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line !== line.normalize('NFC')) bad.push(`${f}:${i + 1}`);
        });
    }
    expect(bad).toEqual([]);
  });
});
