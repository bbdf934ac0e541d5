// Who a `Chủ trì` cell names. Plans name an owner by name (`Lê Thị Hoà`), by title (`Hiệu
// trưởng`), by team (`Tổ văn phòng`), or several at once (`A, B` / `A; B` / `A và B`). One
// resolver serves the check (an owner not in `Nhân sự` is a warning) and the per-person figures
// (each person named is credited), so the two can never disagree.
import type { Person } from '../model.ts';
import { foldKey } from '../text.ts';

export interface Owner {
  /** The person's name as written in `Nhân sự`, or the text as typed (a team, an unknown name). */
  name: string;
  /** Found in `Nhân sự` as a name, a title or a team. */
  known: boolean;
}

export interface OwnerIndex {
  resolve(cell: string): Owner[];
}

const SEPARATORS = /[,;/+\n]| và /;

export function ownerIndex(people: readonly Person[]): OwnerIndex {
  const byName = new Map<string, string>();
  const byTitle = new Map<string, string[]>();
  const teams = new Set<string>();
  for (const p of people) {
    const name = p.name.normalize('NFC').trim();
    if (name === '') continue;
    if (!byName.has(foldKey(name))) byName.set(foldKey(name), name);
    if (p.title !== '') byTitle.set(foldKey(p.title), [...(byTitle.get(foldKey(p.title)) ?? []), name]);
    if (p.department !== '') teams.add(foldKey(p.department));
  }
  const one = (text: string): Owner => {
    const key = foldKey(text);
    const name = byName.get(key);
    if (name !== undefined) return { name, known: true };
    const holders = byTitle.get(key);
    // A title one person holds is that person (`Hiệu trưởng`); one several hold is a group.
    if (holders?.length === 1) return { name: holders[0]!, known: true };
    const typed = text.normalize('NFC').trim().replace(/\s+/g, ' ');
    return { name: typed, known: holders !== undefined || teams.has(key) };
  };
  return {
    resolve(cell) {
      const whole = cell.trim();
      if (whole === '') return [];
      const first = one(whole);
      if (first.known) return [first];
      const parts = whole.split(SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
      if (parts.length <= 1) return [first];
      // The same person named twice in one cell is credited once.
      const seen = new Set<string>();
      return parts.map(one).filter((o) => !seen.has(foldKey(o.name)) && seen.add(foldKey(o.name)));
    },
  };
}
