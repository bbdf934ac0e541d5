// SchoolData built directly, so these tests do not depend on the reader.

import type { Activity, Initiative, Kpi, QuarterEntry, SchoolData, Settings, Task } from '../../../src/core/model.ts';

export function settings(over: Partial<Settings> = {}): Settings {
  return {
    templateVersion: 1,
    unitCode: 'MNBT',
    unitName: 'Trường Mầm non Bến Thành',
    parentBody: 'Ủy ban nhân dân Quận 1',
    place: 'Quận 1',
    year: 2024,
    signer: 'Nguyễn Mai Hằng',
    signerTitle: 'Hiệu trưởng',
    recipients: [],
    registrationDeadline: '2024-04-22',
    phase1Deadline: '2024-06-10',
    phase2Deadline: '2024-11-25',
    awardDossierDeadline: '2024-12-05',
    tolerance: 0.05,
    minAwardScore: 70,
    emailReminders: false,
    autoRefresh: false,
    ...over,
  };
}

let nextRow = 2;

export function task(over: Partial<Task> = {}): Task {
  return {
    row: nextRow++,
    stt: '',
    area: 'LV1',
    title: 'Nhiệm vụ',
    owner: 'Lê Thị Hoà',
    support: '',
    start: null,
    due: '2024-12-31',
    output: '',
    status: 'inProgress',
    percent: null,
    doneDate: null,
    evidence: '',
    note: '',
    blocked: false,
    ...over,
  };
}

export const dec = (text: string) => ({ text });

/** Quarter entries from a compact list: [achieved, total] per quarter, null for empty. */
export function quarters(
  ...qs: ([QuarterEntry['achieved'], QuarterEntry['total']] | null)[]
): [QuarterEntry, QuarterEntry, QuarterEntry, QuarterEntry] {
  const out = [0, 1, 2, 3].map((i) => {
    const q = qs[i];
    return q ? { achieved: q[0], total: q[1] } : { achieved: null, total: null };
  });
  return out as [QuarterEntry, QuarterEntry, QuarterEntry, QuarterEntry];
}

export function kpi(over: Partial<Kpi> = {}): Kpi {
  const row = nextRow++;
  return {
    row,
    code: `CT${row}`,
    area: 'LV3',
    title: 'Tỷ lệ hồ sơ đúng hạn',
    kind: 'ratio',
    direction: '>=',
    target: dec('1'),
    method: 'cumulative',
    sourceActivityType: null,
    quarters: quarters(),
    owner: '',
    evidence: '',
    note: '',
    blocked: false,
    ...over,
  };
}

export function initiative(over: Partial<Initiative> = {}): Initiative {
  return {
    row: nextRow++,
    stt: '',
    name: 'Sáng kiến',
    form: 'Sáng kiến',
    area: 'LV1',
    authors: 'Lê Thị Hoà',
    individual: true,
    registered: '2024-03-01',
    summary: '',
    due: null,
    stage: 'registered',
    percent: null,
    result: '',
    evidence: '',
    scores: [null, null, null, null, null],
    note: '',
    hasError: false,
    blocked: false,
    ...over,
  };
}

export function activity(over: Partial<Activity> = {}): Activity {
  return {
    row: nextRow++,
    date: '2024-02-01',
    type: 'Bài viết trên trang thông tin điện tử',
    title: 'Bài viết',
    area: 'LV1',
    performer: '',
    link: '',
    note: '',
    blocked: false,
    ...over,
  };
}

export function school(over: Partial<SchoolData> = {}): SchoolData {
  return {
    frame: { today: '2024-06-30', asOf: '2024-06-30', period: 'Q2', year: 2024 },
    templateVersion: 1,
    sheets: {},
    settings: settings(),
    people: [],
    tasks: [],
    kpis: [],
    initiatives: [],
    activities: [],
    issues: [],
    ...over,
  };
}
