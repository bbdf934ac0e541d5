// The built add-on where Apps Script differs from a test bench: no document lock outside a
// containing document (a standalone test deployment), and code made from strings (`new Function`),
// which the bundle must not need (zod is jitless).

import { describe, expect, it } from 'vitest';
import { createRuntime, loadAddon } from '../gas-runtime/index.ts';
import { docsServices } from '../gas-runtime/docs-service.ts';

type Envelope = { ok: boolean; error?: { code: string; message: string } };

describe('LockService.getDocumentLock() answers null (not in a containing document)', () => {
  const setup = () => {
    const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
    rt.locks.documentContext = false;
    return { rt, addon: loadAddon({ runtime: rt }) };
  };

  it('a write still runs, under the script lock', () => {
    const { rt, addon } = setup();
    rt.calls.reset();
    const r = addon.run('installTemplate', {}) as Envelope;
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(rt.calls.count('LockService.getScriptLock')).toBe(1);
    expect(rt.calls.count('Lock.tryLock')).toBe(1);
    expect(rt.locks.isHeld('script')).toBe(false); // released
  });

  it('a second writer meanwhile hears “busy” in Vietnamese, as with the document lock', () => {
    const { rt, addon } = setup();
    rt.locks.hold('script');
    const r = addon.run('installTemplate', {}) as Envelope;
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ code: 'BUSY', message: 'Một người khác đang cập nhật bảng tính này. Vui lòng thử lại sau ít phút.' });
  });
});

describe('the bundle makes no code from strings', () => {
  it('sidebar calls validate their input and output without ever calling Function (zod jitless)', () => {
    const rt = createRuntime({ now: '2024-06-30T09:00:00+07:00', services: docsServices() });
    let made = 0;
    // As where code generation from strings is refused: every `new Function(…)` throws.
    const refused = new Proxy(Function, {
      construct() {
        made += 1;
        throw new EvalError('Code generation from strings disallowed for this context');
      },
      apply() {
        made += 1;
        throw new EvalError('Code generation from strings disallowed for this context');
      },
    });
    const addon = loadAddon({ runtime: rt, globals: { Function: refused } });
    expect((addon.run('installTemplate', {}) as Envelope).ok).toBe(true);
    expect((addon.run('getState', {}) as Envelope).ok).toBe(true);
    expect((addon.run('validate', { asOf: '2024-06-30' }) as Envelope).ok).toBe(true);
    // A bad input is still refused by the schema, with the catalogue's message.
    const bad = addon.run('validate', { asOf: 42 }) as Envelope;
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('BAD_INPUT');
    expect(made).toBe(0);
  });
});

describe('the bundle every call loads', () => {
  it('is under 600 kB (issue 13: Apps Script parses all of Code.js on every call)', async () => {
    const { statSync } = await import('node:fs');
    const bytes = statSync(new URL('../../dist/Code.js', import.meta.url)).size;
    expect(bytes).toBeGreaterThan(100_000); // a real build, not an empty file
    expect(bytes).toBeLessThan(600_000);
  });
});
