// Imported first by main.ts, so it runs before any schema of src/core/api.ts is built: zod reads
// `jitless` when a schema is constructed (zod 4: `z.config({ jitless: true })`, "Disable JIT schema
// compilation. Useful in environments that disallow `eval`"). Without it zod probes `new Function`
// and compiles parsers from strings; with it every call is checked the same interpreted way, so
// the add-on's behaviour does not depend on whether Apps Script lets code be made from strings.
import * as z from 'zod';

z.config({ jitless: true });
