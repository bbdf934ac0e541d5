// The district's reading thread starts here: the CLI is TypeScript run through tsx
// (cli/cchc.mjs), and a worker thread does not inherit the main thread's loader, so it registers
// tsx the same way before it loads worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
