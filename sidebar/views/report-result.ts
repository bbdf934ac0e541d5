// What a report gave: the link to it, its number, the rows its figures left out, and in Sheets
// the PDF export and how to add page numbers.

import type { ApiOutput } from '../../src/core/api.ts';
import { h } from '../dom.ts';
import { tr } from '../state.ts';

/** The PDF link the server gave (a Google Doc's export); none under `cchc serve`. */
function pdfLink(url: string | null): HTMLElement | null {
  if (url === null) return null;
  return h('a', { key: 'report-pdf', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, tr('downloadPdf'));
}

export function reportResultView(report: ApiOutput<'generateReport'>): HTMLElement {
  const errors = report.dataErrors;
  const leftOut =
    errors.rowsLeftOut > 0
      ? tr('reportLeftOut', {
          n: errors.rowsLeftOut,
          list: errors.sheets.filter((s) => s.rowsLeftOut > 0).map((s) => tr('reportLeftOutSheet', { sheet: s.sheet, n: s.rowsLeftOut })).join(', '),
        })
      : errors.errors > 0
        ? tr('reportErrorsNoRows', { n: errors.errors })
        : null;
  return h(
    'div',
    { class: 'report-result' },
    h(
      'a',
      { key: 'report-link', attrs: { href: report.url, target: '_blank', rel: 'noopener noreferrer' } },
      tr('openReport', { name: report.name }),
    ),
    h('span', { class: 'muted' }, tr('reportNumber', { number: report.number })),
    leftOut ? h('p', { class: 'left-out' }, leftOut) : null,
    // In Sheets the Doc's own export link gives the PDF (the report contract (README) "exports as PDF").
    pdfLink(report.pdfUrl),
    // A Google Doc cannot get page numbers from the API (src/gas/docs-renderer.ts): say how.
    report.url.startsWith('https://docs.google.com/') ? h('p', { class: 'muted' }, tr('pageNumberHint')) : null,
  );
}
