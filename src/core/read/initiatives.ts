// `Sáng kiến` → Initiative rows. Only an error in the name, stage or registration date keeps an
// initiative out of the figures; any error makes it ineligible for an award (hasError).

import { AUTHOR_KIND, INITIATIVE_FORM, INITIATIVE_STAGE, enumOption, stageAtLeast } from '../contract/enums.ts';
import { SCORE_KEYS } from '../contract/sheets.ts';
import type { Initiative, IsoDate, Settings } from '../model.ts';
import { formatDate } from '../parse/date.ts';
import type { Table } from './table.ts';

export function readInitiatives(table: Table, settings: Settings, today: IsoDate): Initiative[] {
  const out: Initiative[] = [];
  const lang = table.lang;
  for (const r of table.rows()) {
    const stt = r.text('stt');
    const name = r.text('name');
    const form = r.enumOf('form', INITIATIVE_FORM, null);
    const area = r.area('area');
    const authors = r.text('authors');
    const kind = r.enumOf('authorKind', AUTHOR_KIND, null);
    const registered = r.pastDate('registered', today);
    if (registered !== null && settings.registrationDeadline !== null && registered > settings.registrationDeadline) {
      r.issue('registered', 'warning', 'REGISTERED_AFTER_DEADLINE', {
        date: formatDate(registered), deadline: formatDate(settings.registrationDeadline),
      });
    }
    const summary = r.text('summary');
    const due = r.date('due');
    const stage = r.enumOf('stage', INITIATIVE_STAGE, 'registered') ?? 'registered';
    const percent = r.ratio('percent');
    const result = r.text('result');
    const evidence = r.text('evidence');
    const stageLabel = enumOption(INITIATIVE_STAGE, stage)[lang];
    if (!r.erred('stage')) {
      if (stageAtLeast(stage, 'done') && result === '') r.issue('result', 'warning', 'RESULT_MISSING', { stage: stageLabel });
      if (stageAtLeast(stage, 'accepted') && evidence === '') r.issue('evidence', 'error', 'INITIATIVE_EVIDENCE_REQUIRED', { stage: stageLabel });
    }
    const scores = SCORE_KEYS.map((k) => {
      const d = r.numberIn(k, 0, 20);
      return d === null ? null : Number(d.text);
    }) as Initiative['scores'];
    const note = r.text('note');
    out.push({
      row: r.row, stt, name,
      form: form === null ? '' : enumOption(INITIATIVE_FORM, form).vi,
      area, authors,
      individual: kind === null ? null : kind === 'individual',
      registered, summary, due, stage,
      percent: percent === null ? null : Number(percent.text),
      result, evidence, scores, note,
      hasError: r.hasError,
      blocked: r.erred('name', 'stage', 'registered'),
    });
  }
  return out;
}
