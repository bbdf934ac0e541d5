// Builds the sidebar into one self-contained HTML page (Apps Script serves a single HTML file):
// sidebar/main.ts bundled by esbuild and styles.css, inlined into index.html's placeholders.
// Also the script of `cchc serve`'s host page (sidebar/host/host.ts), which serve.ts inlines.
// Plain ESM JavaScript so build.mjs can import it without a TypeScript step:
//   import { buildSidebarHtml, buildHostScript } from './sidebar/build-html.mjs';
// Run directly (`node sidebar/build-html.mjs [OUT]`) it writes dist/Sidebar.html.

import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * zod re-exports its ~40 message locales (`z.locales`), which the sidebar never uses (its messages
 * come from strings.ts); English stays, imported directly. Drops ~200 KB from every sidebar open.
 */
const dropZodLocales = {
  name: 'drop-zod-locales',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes('node_modules') && args.importer.includes('zod') ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** One browser script (an IIFE) from a TypeScript entry, as text. */
async function bundleScript(entry, minify) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify,
    write: false,
    logLevel: 'silent',
    plugins: [dropZodLocales],
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/** A `</script` inside an inlined script would end the element early. */
const inlineSafe = (js) => js.replace(/<\/script/gi, '<\\/script');

/**
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<string>} the whole page
 */
export async function buildSidebarHtml({ minify = true } = {}) {
  const js = await bundleScript(join(here, 'main.ts'), minify);
  const [shell, css] = await Promise.all([
    readFile(join(here, 'index.html'), 'utf8'),
    readFile(join(here, 'styles.css'), 'utf8'),
  ]);
  // A `</script` or `</style` inside the inlined text would end the element early.
  const safeJs = inlineSafe(js);
  const safeCss = css.replace(/<\/style/gi, '<\\/style');
  if (!shell.includes('<!-- INLINE_CSS -->') || !shell.includes('<!-- INLINE_JS -->')) {
    throw new Error('sidebar/index.html lacks the INLINE_CSS or INLINE_JS placeholder');
  }
  // Replacer functions, not strings: `$&` or `$'` in the bundle must stay literal.
  return shell.replace('<!-- INLINE_CSS -->', () => safeCss).replace('<!-- INLINE_JS -->', () => safeJs);
}

/**
 * The host page's script (sidebar/host/host.ts), safe to put between `<script>` and `</script>`.
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function buildHostScript({ minify = true } = {}) {
  return inlineSafe(await bundleScript(join(here, 'host', 'host.ts'), minify));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = resolve(process.argv[2] ?? join(here, '..', 'dist', 'Sidebar.html'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await buildSidebarHtml());
  console.log(`wrote ${out}`);
}
