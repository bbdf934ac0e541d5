// The google.script.run transport against a fake `google.script`, in Node (no browser needed).

import { describe, expect, it } from 'vitest';
import { API_NAMES, type ApiEnvelope } from '../../src/core/api.ts';
import { CallError, createLimiter, gasTransport, MAX_CONCURRENT } from '../../sidebar/transport.ts';

type Reply = (name: string, input: unknown) => { ok: true; value: ApiEnvelope | unknown } | { ok: false; error: unknown };

/**
 * A fake google.script: each with*Handler returns a new runner (as the real one does); answers
 * arrive only when the test calls `flush`, so concurrency can be observed.
 */
function fakeScript(reply: Reply) {
  const pending: (() => void)[] = [];
  const sent: { name: string; input: unknown }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const call = (name: string, input: unknown, ok?: (v: unknown) => void, fail?: (e: unknown) => void) => {
    sent.push({ name, input: JSON.parse(JSON.stringify(input)) });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.push(() => {
      inFlight--;
      const r = reply(name, input);
      if (r.ok) ok?.(r.value);
      else fail?.(r.error);
    });
  };
  // One server function per call, as src/gas/main.ts exports them.
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => ({
    withSuccessHandler: (fn: (v: unknown) => void) => runner(fn, fail),
    withFailureHandler: (fn: (e: unknown) => void) => runner(ok, fn),
    ...Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => call(name, input, ok, fail)])),
  });
  return {
    script: { run: runner() as never },
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Answer every call waiting now, then let the promises settle. */
    async flush() {
      while (pending.length) {
        for (const answer of pending.splice(0)) answer();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

const validState = {
  lang: 'vi',
  unit: { code: 'MNBT', name: 'Trường Mầm non Bến Thành' },
  asOf: '2024-06-30',
  period: 'Q2',
  planYear: null,
  templateInstalled: false,
  templateVersion: null,
  summary: null,
  dataErrors: null,
  validation: null,
};

describe('gasTransport', () => {
  it('sends name and input to the entry point and returns the checked value', async () => {
    const fake = fakeScript(() => ({ ok: true, value: { ok: true, value: validState } }));
    const call = gasTransport(fake.script, () => 'vi').call('getState', {});
    await fake.flush();
    expect(await call).toEqual(validState);
    expect(fake.sent).toEqual([{ name: 'getState', input: {} }]);
  });

  it('refuses bad input before anything is sent', async () => {
    const fake = fakeScript(() => ({ ok: true, value: { ok: true, value: {} } }));
    const call = gasTransport(fake.script, () => 'en').call('validate', { asOf: '2024-02-30' });
    await expect(call).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'The request is not valid' });
    expect(fake.sent).toEqual([]);
  });

  it("passes the server's own ApiError through", async () => {
    const fake = fakeScript(() => ({ ok: true, value: { ok: false, error: { code: 'NOT_INSTALLED', message: 'Chưa cài đặt mẫu.' } } }));
    const outcome = gasTransport(fake.script, () => 'vi').call('validate', {}).catch((e: unknown) => e);
    await fake.flush();
    const error = await outcome;
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'NOT_INSTALLED', message: 'Chưa cài đặt mẫu.' });
  });

  it('turns an escaped server exception into the generic message, without its text', async () => {
    const fake = fakeScript(() => ({ ok: false, error: new Error('Exception: Service Spreadsheets timed out while accessing document with id 1AbC') }));
    const original = console.error;
    console.error = () => {};
    try {
      const outcome = gasTransport(fake.script, () => 'vi').call('updateProgress', {}).catch((e: unknown) => e);
      await fake.flush();
      const error = await outcome;
      expect(error).toBeInstanceOf(CallError);
      expect((error as CallError).code).toBe('SERVER');
      expect((error as CallError).message).not.toMatch(/Exception|1AbC/);
    } finally {
      console.error = original;
    }
  });

  it('refuses an answer outside the contract (a Date, which cannot cross, or a wrong shape)', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      for (const value of [{ ok: true, value: { ...validState, asOf: new Date() } }, { ok: true }, 'ok', null]) {
        const fake = fakeScript(() => ({ ok: true, value }));
        const outcome = gasTransport(fake.script, () => 'vi').call('getState', {}).catch((e: unknown) => e);
        await fake.flush();
        expect(await outcome).toMatchObject({ code: 'BAD_OUTPUT' });
      }
    } finally {
      console.error = original;
    }
  });

  it(`keeps at most ${MAX_CONCURRENT} calls in flight and runs the rest after`, async () => {
    const fake = fakeScript((_name, input) => ({ ok: true, value: { ok: true, value: input } }));
    const transport = gasTransport(fake.script, () => 'vi');
    const calls = Array.from({ length: 25 }, (_, i) => transport.call('selectCell', { sheet: 'Kế hoạch', cell: `A${i + 1}` }));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.sent).toHaveLength(MAX_CONCURRENT);
    await fake.flush();
    const results = await Promise.all(calls);
    expect(fake.maxInFlight).toBe(MAX_CONCURRENT);
    expect(results.map((r) => r.cell)).toEqual(Array.from({ length: 25 }, (_, i) => `A${i + 1}`));
  });
});

describe('createLimiter', () => {
  it('frees a slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await limit(() => Promise.resolve(2))).toBe(2);
  });
});
