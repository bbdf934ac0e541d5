// Builds what Apps Script runs, into dist/:
//   Code.js         one IIFE bundle of src/gas/main.ts, then one top-level `function X() {}` per
//                   export of main.ts, delegating into the bundle (Apps Script only sees top-level
//                   functions: menu items, triggers and google.script.run targets).
//   Sidebar.html    the sidebar with its script and styles inlined (HtmlService serves one file).
//   Picker.html     the district's file picker dialog (sidebar/picker/picker.html, as it is).
//   SelfTestExpected.html  the self-test's expected values (JSON), computed now by the core.
//   appsscript.json the manifest (V8, Asia/Ho_Chi_Minh, least-privilege scopes).
// And, for `cchc serve` only, serve-host.js.txt: the script of the page around the sidebar
// (sidebar/host/host.ts), which src/node/serve.ts inlines. `.txt` because clasp pushes every
// .js and .html in dist/ to Apps Script, and this one is not for it.
// The list of entry points is the export list of src/gas/main.ts: nothing is written by hand.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const entry = path.join(root, 'src/gas/main.ts');
const GLOBAL = '__cchc';

/** Names of main.ts's exports, from an ESM probe build (an IIFE build reports none). */
export async function entryPointNames() {
  const probe = await build({
    entryPoints: [entry], bundle: true, format: 'esm', write: false, metafile: true,
    platform: 'neutral', outdir: dist, logLevel: 'silent', mainFields: ['module', 'main'],
  });
  const out = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  return [...(out?.exports ?? [])].sort();
}

/**
 * The self-test's expected values (src/node/selftest-expected.ts): the sample school's job run by
 * the core on an .xlsx in memory, now, so cchcSelfTest on a real account compares Google's result
 * with the product's own. Bundled to a scratch file first (plain node cannot load TypeScript).
 */
export async function selfTestExpected() {
  const scratch = path.join(dist, '.build', `selftest-expected-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(root, 'src/node/selftest-expected.ts')], bundle: true, format: 'esm',
    platform: 'node', packages: 'external', outfile: scratch, logLevel: 'warning',
  });
  try {
    const mod = await import(pathToFileURL(scratch).href);
    return mod.selfTestExpected();
  } finally {
    await rm(scratch, { force: true });
  }
}

async function buildCode() {
  const names = await entryPointNames();
  const bad = names.filter((n) => n.endsWith('_') || !/^[A-Za-z][A-Za-z0-9]*$/.test(n));
  if (bad.length) throw new Error(`Entry points Apps Script cannot call: ${bad.join(', ')}`);
  const result = await build({
    entryPoints: [entry], bundle: true, format: 'iife', globalName: GLOBAL, write: false,
    platform: 'neutral', target: 'es2020', mainFields: ['module', 'main'], charset: 'utf8',
    // Whitespace minified (issue 13: every call of the add-on parses Code.js; under 600 kB).
    // Identifiers are kept, so Apps Script's stack traces still name the functions.
    legalComments: 'none', minifySyntax: true, minifyWhitespace: true, logLevel: 'warning',
    banner: { js: '// CCHC add-on: built by build.mjs from src/gas/main.ts. Do not edit.' },
  });
  const bundle = result.outputFiles[0].text;
  const stubs = names
    .map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`)
    .join('\n');
  const code = `${bundle}\n// Entry points Apps Script can see (one per export of src/gas/main.ts).\n${stubs}\n`;
  await writeFile(path.join(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), names };
}

async function buildSidebar() {
  const { buildSidebarHtml } = await import('./sidebar/build-html.mjs');
  const html = await buildSidebarHtml();
  await writeFile(path.join(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

/**
 * dist/SelfTestExpected.html: the self-test's expected facts as JSON. A file of its own, not in
 * Code.js: every call of the add-on loads Code.js, only cchcSelfTest reads this (HtmlService
 * gives a project file's text back with getContent()).
 */
async function buildSelfTestExpected() {
  const json = JSON.stringify(await selfTestExpected());
  await writeFile(path.join(dist, 'SelfTestExpected.html'), json);
  return Buffer.byteLength(json);
}

async function buildPicker() {
  const html = await readFile(path.join(root, 'sidebar/picker/picker.html'), 'utf8');
  await writeFile(path.join(dist, 'Picker.html'), html);
  return Buffer.byteLength(html);
}

async function buildServeHost() {
  const { buildHostScript } = await import('./sidebar/build-html.mjs');
  const js = await buildHostScript();
  await writeFile(path.join(dist, 'serve-host.js.txt'), js);
  return Buffer.byteLength(js);
}

/**
 * dist/cli/: the `cchc` command (cchc.mjs) and the district's reading thread
 * (district-worker.mjs) as plain ES modules, so a command starts without compiling TypeScript.
 * npm packages stay outside the bundle (`packages: 'external'`), loaded from node_modules by the
 * code that needs them, when it needs them (lazy.ts). `.mjs`: clasp pushes only .js and .html
 * (.clasp.json), so none of this goes to Apps Script.
 */
export async function buildCli() {
  const out = path.join(dist, 'cli');
  await rm(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: { cchc: path.join(root, 'src/node/cli/bin.ts'), 'district-worker': path.join(root, 'src/node/district/worker.ts') },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    splitting: true, outdir: out, outExtension: { '.js': '.mjs' }, chunkNames: 'chunks/[name]-[hash]',
    charset: 'utf8', legalComments: 'none', logLevel: 'warning', metafile: true,
    banner: { js: '#!/usr/bin/env node\n// cchc: built by build.mjs from src/node/. Do not edit.' },
  });
  return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
}

async function main() {
  await mkdir(dist, { recursive: true });
  const [code, sidebarBytes, hostBytes, pickerBytes, expectedBytes, cliBytes] = await Promise.all([buildCode(), buildSidebar(), buildServeHost(), buildPicker(), buildSelfTestExpected(), buildCli()]);
  const manifest = JSON.parse(await readFile(path.join(root, 'appsscript.json'), 'utf8'));
  await writeFile(path.join(dist, 'appsscript.json'), JSON.stringify(manifest, null, 2) + '\n');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dist/Code.js       ${kb(code.bytes)}  (${code.names.length} entry points)`);
  console.log(`dist/Sidebar.html  ${kb(sidebarBytes)}`);
  console.log(`dist/Picker.html   ${kb(pickerBytes)}`);
  console.log(`dist/SelfTestExpected.html  ${kb(expectedBytes)}  (read by cchcSelfTest only)`);
  console.log(`dist/cli/           ${kb(cliBytes)}  (the cchc command; not pushed)`);
  console.log(`dist/serve-host.js.txt  ${kb(hostBytes)}  (cchc serve only; not pushed)`);
  console.log(`dist/appsscript.json  scopes: ${manifest.oauthScopes.map((s) => s.split('/').pop()).join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e.message ?? e); process.exit(1); });
}
