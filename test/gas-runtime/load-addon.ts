// Load the built add-on (dist/Code.js) with gas-local into a FRESH vm context made from the
// runtime's globals. gas-local reuses one default mock object when none is given, so every load
// here passes a new object (runtime.globals()). Only Code.js is loaded (gas-local would otherwise
// run every .js file under the folder); the folder's *.html files feed HtmlService.

import fs from 'node:fs';
import path from 'node:path';
import gas from 'gas-local';
import type { Runtime } from './runtime.ts';
import { registerContext, ScriptRunFailure, scriptRun } from './script-run.ts';

export interface LoadAddonOptions {
  runtime: Runtime;
  /** Folder of the build (default `dist`, relative to the working directory). */
  distDir?: string;
  /** The bundle's file name (default `Code.js`). */
  file?: string;
  /** Extra globals for this context only. */
  globals?: Record<string, unknown>;
}

export interface LoadedAddon {
  context: Record<string, unknown>;
  runtime: Runtime;
  /** google.script.run.<name>(...args): serialisation rules, private names refused. */
  run(name: string, ...args: unknown[]): unknown;
  /**
   * Call a top-level function directly, as Apps Script calls a trigger or menu item (e.g.
   * `call('onOpen', { authMode: 'LIMITED' })`): no serialisation, one execution of the runtime.
   */
  call(name: string, ...args: unknown[]): unknown;
}

export function loadAddon(options: LoadAddonOptions): LoadedAddon {
  const { runtime } = options;
  const dir = path.resolve(options.distDir ?? 'dist');
  const file = options.file ?? 'Code.js';
  const bundle = path.join(dir, file);
  if (!fs.existsSync(bundle)) throw new Error(`loadAddon: ${bundle} does not exist (run the build first: node build.mjs)`);
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith('.html')) {
      const key = f.replace(/\.html$/, '');
      if (!runtime.html.has(key)) runtime.html.set(key, fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  const globals = { ...runtime.globals(), ...(options.globals ?? {}) };
  const names = Object.keys(globals);
  const context = gas.require(dir, globals, { filter: (f: string) => path.resolve(f) === bundle });
  registerContext(context, runtime, names);
  // Templates evaluate in the most recently loaded context (include()-style helpers).
  runtime.services.HtmlService.scope = context;
  return {
    context,
    runtime,
    run: (name, ...args) => scriptRun(context, name, ...args),
    call: (name, ...args) => {
      const fn = context[name];
      if (typeof fn !== 'function') throw new TypeError(`${name} is not a function in ${file}`);
      const id = runtime.beginExecution();
      try {
        return (fn as (...a: unknown[]) => unknown).apply(context, args);
      } finally {
        runtime.endExecution(id);
      }
    },
  };
}

export { ScriptRunFailure };
