// The self-test's expected values, computed when the add-on is built (build.mjs embeds them in
// dist/Code.js): the sample school's job run by the same core on an .xlsx workbook in memory. On a
// real account cchcSelfTest (src/gas/selftest.ts) runs the same job on Google and compares.
import { isThenable } from '../core/app/maybe.ts';
import { runSelfTestFlow, selfTestContext, SELFTEST_FRAME, type SelfTestFacts } from '../core/app/selftest.ts';
import type { DocumentPort } from '../core/report/doc-model.ts';
import { fixedLang, localContext } from './app-context.ts';
import { XlsxWorkbook } from './xlsx-workbook.ts';

/** Only the models' text is kept: no document is written. */
const noFiles: DocumentPort = { createDocument: (_model, { name }) => ({ id: name, url: '', name }) };

export function selfTestExpected(): SelfTestFacts {
  const book = XlsxWorkbook.create();
  const ctx = selfTestContext(localContext(book, { outDir: '.', prefs: fixedLang(SELFTEST_FRAME.lang), documents: noFiles }));
  const run = runSelfTestFlow(ctx);
  if (isThenable(run)) throw new Error('selfTestExpected: the flow must be synchronous on a synchronous document port');
  return run.facts;
}
