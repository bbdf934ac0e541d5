// The report form: which report, and the document date (typed day first; empty is today).
// Submitting it is the same as "Tạo báo cáo".

import type { ReportType } from '../../src/core/api.ts';
import { chooseReportType, draftReportDate, requestReport } from '../commands/report.ts';
import { field, h } from '../dom.ts';
import { state, tr } from '../state.ts';

const REPORT_TYPES: readonly ReportType[] = ['quarterly', 'plan', 'initiatives'];

export function reportFormView(): HTMLElement {
  const type = h(
    'select',
    { key: 'report-type', on: { change: (e) => chooseReportType((e.target as HTMLSelectElement).value as ReportType) } },
    ...REPORT_TYPES.map((v) => h('option', { attrs: { value: v } }, tr(`type_${v}`))),
  );
  type.value = state.form.type;

  const date = h('input', {
    key: 'report-date',
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      placeholder: 'dd/mm/yyyy',
      autocomplete: 'off',
      'aria-describedby': 'report-date-hint',
      ...(state.form.dateError ? { 'aria-invalid': 'true' } : {}),
    },
    on: { input: (e) => draftReportDate((e.target as HTMLInputElement).value) },
  });
  date.value = state.form.date;

  return h(
    'section',
    { class: 'card', attrs: { 'aria-labelledby': 'h-report' } },
    h('h2', { attrs: { id: 'h-report' } }, tr('reportHeading')),
    h(
      'form',
      {
        on: {
          submit: (e) => {
            e.preventDefault();
            requestReport();
          },
        },
      },
      field(tr('reportType'), type),
      field(tr('docDate'), date, state.form.dateError ? tr('docDateInvalid', { value: state.form.date.trim() }) : tr('docDateHint'), state.form.dateError),
    ),
  );
}
