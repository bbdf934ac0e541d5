// `Hoạt động` → Activity rows. Targets count activities by date and type, so only an error
// there keeps the row out of the counts; other errors are reported and break nothing.

import { ACTIVITY_TYPE, enumOption } from '../contract/enums.ts';
import type { Activity, IsoDate } from '../model.ts';
import { isLink, quoteValue } from '../text.ts';
import type { Table } from './table.ts';

export function readActivities(table: Table, today: IsoDate): Activity[] {
  const out: Activity[] = [];
  for (const r of table.rows()) {
    const date = r.pastDate('date', today);
    const type = r.enumOf('type', ACTIVITY_TYPE, 'other');
    const title = r.text('title');
    const area = r.area('area');
    const performer = r.text('performer');
    const link = r.text('link');
    if (link !== '' && !isLink(link)) r.issue('link', 'warning', 'LINK_INVALID', { value: quoteValue(link) });
    const note = r.text('note');
    out.push({
      row: r.row, date,
      type: enumOption(ACTIVITY_TYPE, type ?? 'other').vi,
      title, area, performer, link, note,
      blocked: r.erred('date', 'type'),
    });
  }
  return out;
}
