#!/usr/bin/env node
// The `cchc` command. The CLI is TypeScript run through tsx, so `npx cchc` works straight
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// `cchc … | head` closes the pipe early: that is the reader's choice, not an error to print.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
