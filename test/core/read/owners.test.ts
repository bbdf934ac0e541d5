// Who a Chủ trì cell names: one resolver for the check and for the per-person figures.
import { describe, expect, it } from 'vitest';
import type { Person, Task } from '../../../src/core/model.ts';
import { ownerIndex } from '../../../src/core/read/owners.ts';
import { peopleProgress } from '../../../src/core/progress/tasks.ts';

const person = (name: string, title = '', department = ''): Person => ({ row: 2, name, title, department, email: '', role: null });
const PEOPLE = [
  person('Nguyễn Mai Hằng', 'Hiệu trưởng', 'Ban giám hiệu'),
  person('Trần Thị Thu Hà', 'Phó Hiệu trưởng', 'Ban giám hiệu'),
  person('Lê Thị Hoà', 'Giáo viên', 'Tổ Lá'),
  person('Phạm Thị Ngọc Lan', 'Giáo viên', 'Tổ Chồi'),
];

describe('ownerIndex', () => {
  const owners = ownerIndex(PEOPLE);
  it.each([
    ['Nguyễn Mai Hằng', [{ name: 'Nguyễn Mai Hằng', known: true }]],
    ['  nguyễn  mai hằng ', [{ name: 'Nguyễn Mai Hằng', known: true }]],
    ['Lê Thị Hòa'.normalize('NFD'), [{ name: 'Lê Thị Hoà', known: true }]],
    ['Hiệu trưởng', [{ name: 'Nguyễn Mai Hằng', known: true }]],
    ['Giáo viên', [{ name: 'Giáo viên', known: true }]],
    ['Tổ Lá', [{ name: 'Tổ Lá', known: true }]],
    ['Hiệu trưởng, Lê Thị Hoà', [{ name: 'Nguyễn Mai Hằng', known: true }, { name: 'Lê Thị Hoà', known: true }]],
    ['Lê Thị Hoà và Võ Minh Tuấn', [{ name: 'Lê Thị Hoà', known: true }, { name: 'Võ Minh Tuấn', known: false }]],
    ['Lê Thị Hoà; Lê Thị Hòa', [{ name: 'Lê Thị Hoà', known: true }]],
    ['Võ Minh Tuấn', [{ name: 'Võ Minh Tuấn', known: false }]],
    ['', []],
  ])('%s', (cell, expected) => {
    expect(owners.resolve(cell)).toEqual(expected);
  });
});

describe('per-person figures credit whom the cell names', () => {
  const task = (row: number, owner: string, done: boolean): Task => ({
    row, stt: '', area: 'LV1', title: `Nhiệm vụ ${row}`, owner, support: '', start: null, due: '2024-06-30', output: '',
    status: done ? 'done' : 'inProgress', percent: null, doneDate: done ? '2024-06-01' : null, evidence: 'x', note: '', blocked: false,
  });
  it('a title is its holder, and a shared task counts for each person', () => {
    const counted = [
      { task: task(2, 'Hiệu trưởng', true), state: 'doneOnTime' as const },
      { task: task(3, 'Nguyễn Mai Hằng, Lê Thị Hoà', false), state: 'onTrack' as const },
    ];
    const people = peopleProgress(counted, PEOPLE);
    expect(people.map((p) => [p.name, p.total, p.done, p.doneAhead])).toEqual([
      ['Nguyễn Mai Hằng', 2, 1, 1],
      ['Lê Thị Hoà', 1, 0, 0],
    ]);
  });
});
