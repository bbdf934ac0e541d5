#!/usr/bin/env node
// Test helper: take the write lock of a workbook (src/node/files/lock.ts), say "locked", and hold
// it until killed or the given milliseconds pass. `node hold-lock.mjs FILE [MS]`.
import { register } from 'tsx/esm/api';

register();
const { acquireLock } = await import('../../src/node/files/lock.ts');
const [file, ms = '600000'] = process.argv.slice(2);
const lock = await acquireLock(file, { what: 'hold-lock (test)', timeoutMs: 60_000 });
process.stdout.write('locked\n');
setTimeout(async () => {
  await lock.release();
  process.exit(0);
}, Number(ms));
