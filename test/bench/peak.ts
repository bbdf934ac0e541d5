// One `cchc` command in this process, then its wall time and peak memory (maxRSS) as one JSON
// line on stderr: what npm run bench records for the whole-process runs on large workbooks.
import { main } from '../../src/node/cli/main.ts';

const t0 = performance.now();
const code = await main(process.argv.slice(2), { stdout: () => undefined, stderr: (s) => void process.stderr.write(s), isTTY: false, env: process.env });
process.stderr.write(`\n${JSON.stringify({ code, ms: Math.round(performance.now() - t0), peakMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
