// google.script.run, both directions, as the client page experiences it.
//
// Source: Google, "HTML Service: Communicate with Server Functions" and the google.script.run
// reference (developers.google.com/apps-script/guides/html/communication): "Legal parameters are
// JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects
// and arrays that are composed of primitives, objects and arrays. […] Requests fail if you
// attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
// including prohibited types inside objects or arrays. Objects that create circular references
// will also fail, and undefined fields within arrays become null. Note that an object passed to
// the server becomes a copy of the original." Return values follow the same rules; a return
// value containing a Date (or another illegal value) reaches the success handler as null — the
// whole value, not just the field (reported by tanaikech,
// gist.github.com/tanaikech/9927dc5c12ebca118ff8f3f4d539c95d, and widely observed).
//
// Mirrored here:
// - an illegal argument throws `Failed due to illegal value in property: <key>` (the client's
//   error for e.g. a Date; <key> is the argument index or the property name);
// - private functions (ending in `_`) and names that are not top-level functions of the loaded
//   bundle throw TypeError `google.script.run.<name> is not a function` (the client has no stub);
// - arguments are deep-copied INTO the bundle's realm (they are deserialised on the server), the
//   return value is deep-copied into the host realm (plain data for assertions);
// - a server exception rethrows as ScriptRunFailure with the server's message (what the failure
//   handler's error carries); the original is in `cause`.
// - an undefined argument arrives as null; undefined object fields are dropped.

import vm from 'node:vm';
import type { Runtime } from './runtime.ts';

export class ScriptRunFailure extends Error {
  constructor(
    message: string,
    readonly serverName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = serverName;
  }
}

class IllegalValue extends Error {}

const tagOf = (v: unknown): string => Object.prototype.toString.call(v);

function isPlainObject(v: object): boolean {
  if (tagOf(v) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return true;
  // Object.prototype of ANY realm: its constructor is that realm's Object.
  const ctor = (proto as { constructor?: unknown }).constructor;
  return Object.getPrototypeOf(proto) === null && typeof ctor === 'function' && (ctor as { name?: string }).name === 'Object';
}

interface Realm {
  obj(): Record<string, unknown>;
  arr(): unknown[];
}

const HOST: Realm = { obj: () => ({}), arr: () => [] };
const realms = new WeakMap<object, Realm>();

function realmOf(context: object): Realm {
  if (!vm.isContext(context)) return HOST;
  let r = realms.get(context);
  if (!r) {
    r = vm.runInContext('({ obj: function () { return {}; }, arr: function () { return []; } })', context) as Realm;
    realms.set(context, r);
  }
  return r;
}

/** Copy a value by google.script.run's rules into `realm`; throws IllegalValue on a forbidden value. */
function copyLegal(value: unknown, key: string, realm: Realm, seen: Set<object>): unknown {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value;
  if (t !== 'object') throw new IllegalValue(key); // function, symbol, bigint
  const o = value as object;
  if (seen.has(o)) throw new IllegalValue(key); // circular
  seen.add(o);
  try {
    if (Array.isArray(o)) {
      const out = realm.arr();
      for (let i = 0; i < o.length; i++) out.push(copyLegal(o[i], String(i), realm, seen));
      return out;
    }
    if (!isPlainObject(o)) throw new IllegalValue(key); // Date, Map, class instance…
    const out = realm.obj();
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue;
      out[k] = copyLegal(v, k, realm, seen);
    }
    return out;
  } finally {
    seen.delete(o);
  }
}

/** Arguments as the server receives them (in `context`'s realm); throws like the client. */
export function toServerArgs(args: unknown[], context?: object): unknown[] {
  const realm = context ? realmOf(context) : HOST;
  return args.map((a, i) => {
    try {
      return copyLegal(a, String(i), realm, new Set());
    } catch (e) {
      if (e instanceof IllegalValue) throw new Error(`Failed due to illegal value in property: ${e.message}`);
      throw e;
    }
  });
}

/** A server return value as the success handler receives it (host realm); illegal → null. */
export function toClientValue(value: unknown): unknown {
  if (value === undefined) return null;
  try {
    return copyLegal(value, '', HOST, new Set());
  } catch (e) {
    if (e instanceof IllegalValue) return null;
    throw e;
  }
}

/** Contexts made by loadAddon: their runtime and the names of the runtime's own globals. */
const loaded = new WeakMap<object, { runtime: Runtime; globalNames: Set<string> }>();

export function registerContext(context: object, runtime: Runtime, globalNames: Iterable<string>): void {
  loaded.set(context, { runtime, globalNames: new Set(globalNames) });
}

/**
 * Call a server function of a loaded bundle as `google.script.run.<name>(...args)` would: returns
 * what the success handler would receive, or throws what the failure handler would. When the
 * context was made by loadAddon, the call is one execution of the runtime (6-minute budget, locks
 * released at its end).
 */
export function scriptRun(context: object, name: string, ...args: unknown[]): unknown {
  const info = loaded.get(context);
  const fn = (context as Record<string, unknown>)[name];
  if (typeof name !== 'string' || name.endsWith('_') || typeof fn !== 'function' || info?.globalNames.has(name)) {
    throw new TypeError(`google.script.run.${String(name)} is not a function`);
  }
  const serverArgs = toServerArgs(args, context);
  const execution = info?.runtime.beginExecution();
  try {
    const result = (fn as (...a: unknown[]) => unknown).apply(context, serverArgs);
    return toClientValue(result);
  } catch (e) {
    const err = e as { message?: unknown; name?: unknown };
    const message = typeof err?.message === 'string' ? err.message : String(e);
    const serverName = typeof err?.name === 'string' ? err.name : 'Error';
    throw new ScriptRunFailure(message, serverName, { cause: e });
  } finally {
    if (info && execution !== undefined) info.runtime.endExecution(execution);
  }
}
