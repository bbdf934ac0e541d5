// `Nhân sự` → Person rows. A name that appears twice is a warning; a bad e-mail is an error.

import { CCHC_ROLE } from '../contract/enums.ts';
import type { Person } from '../model.ts';
import { foldKey, isEmail, quoteValue } from '../text.ts';
import type { Table } from './table.ts';

export function readPeople(table: Table): Person[] {
  const people: Person[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows()) {
    const name = r.text('name');
    const title = r.text('title');
    const department = r.text('department');
    let email = r.text('email');
    if (email !== '' && !isEmail(email)) {
      r.issue('email', 'error', 'EMAIL_INVALID', { value: quoteValue(email) });
      email = '';
    }
    const role = r.enumOf('role', CCHC_ROLE, null);
    if (name === '') continue; // reported as REQUIRED; a person without a name cannot own tasks
    const key = foldKey(name);
    const first = seen.get(key);
    if (first !== undefined) r.issue('name', 'warning', 'NAME_DUPLICATE', { value: name, firstRow: first });
    else seen.set(key, r.row);
    people.push({ row: r.row, name, title, department, email, role });
  }
  return people;
}
