// Suites that need a program on the machine (LibreOffice, pdftotext, Chromium). Locally a missing
// one skips the suite with a line saying how to install it; under CI=true it fails instead, so CI
// never passes by running less than it should (.ci/run installs every one of them).
import { it } from 'vitest';

export const mustRun = Boolean(process.env.CI);

/**
 * True when the suite can run. When the tool is missing: false locally (with a warning), and under
 * CI a failing test that names the tool and its Debian package.
 */
export function requireTool(present: boolean, what: string, install: string): boolean {
  if (present) return true;
  if (mustRun) {
    it(`needs ${what}`, () => {
      throw new Error(`${what} is missing and CI is set: apt-get install -y ${install}`);
    });
  } else {
    console.warn(`${what} not found: its tests are skipped (apt-get install -y ${install}). With CI set they fail instead.`);
  }
  return false;
}
