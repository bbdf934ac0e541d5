// The `cchc` process: what dist/cli/cchc.mjs runs (built by build.mjs at `npm ci`, so no
// TypeScript is compiled when a user runs a command).
import { main } from './main.ts';

// `cchc … | head` closes the pipe early: that is the reader's choice, not an error to print.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
