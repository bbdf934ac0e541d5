// Reading a school workbook through the contract: one readSheet per template sheet, every row
// typed into model.ts, every problem an Issue (the workbook contract). The cross-sheet rules run here too,
// so SchoolData.issues is the full list validate reports and `blocked` is final.

import { SCHOOL_SHEETS, sheetSpec } from '../contract/sheets.ts';
import type { SheetKey, SheetSpec } from '../contract/types.ts';
import type { IsoDate, Lang, PeriodCode, Person, SchoolData, Task } from '../model.ts';
import type { SheetGrid, WorkbookPort } from '../ports.ts';
import { isBlank } from '../parse/cell.ts';
import { foldLoose } from '../text.ts';
import { quartersToDate, reportingFrame, type FrameRequest } from '../frame.ts';
import { IssueSink, sortIssues } from './issues.ts';
import { readActivities } from './activities.ts';
import { readInitiatives } from './initiatives.ts';
import { readKpis } from './kpis.ts';
import { readPeople } from './people.ts';
import { defaultSettings, readSettings } from './settings.ts';
import { locateTable, type Table } from './table.ts';
import { readTasks } from './tasks.ts';
import { ownerIndex } from './owners.ts';

export interface ReadOptions extends FrameRequest {
  lang: Lang;
  /** Today in Asia/Ho_Chi_Minh (Clock.today()). */
  today: IsoDate;
}

const emptyGrid = (g: SheetGrid): boolean => g.values.every((row) => row.every((v) => isBlank(v)));

/** Sheets the reader reads (users type there); the others are only checked for presence. */
const READ_KEYS: readonly SheetKey[] = ['settings', 'people', 'tasks', 'kpis', 'initiatives', 'activities'];

export function readSchool(port: WorkbookPort, opts: ReadOptions): SchoolData {
  const sink = new IssueSink(opts.lang);
  const names = port.sheetNames();
  const present = new Set(names);
  const data: SchoolData = {
    frame: reportingFrame(opts.today, null, opts),
    templateVersion: null, sheets: {}, settings: defaultSettings(),
    people: [], tasks: [], kpis: [], initiatives: [], activities: [], issues: [],
  };

  const templateSheets = SCHOOL_SHEETS.filter((s) => present.has(s.name));
  if (templateSheets.length === 0) {
    // Not this template at all: one issue, not one per sheet.
    const grids = names.map((n) => port.readSheet(n));
    const empty = grids.every((g) => g === null || emptyGrid(g));
    if (empty) sink.add(SCHOOL_SHEETS[0]?.name ?? '', null, null, null, 'error', 'WORKBOOK_EMPTY');
    else sink.add(SCHOOL_SHEETS[0]?.name ?? '', null, null, null, 'error', 'WORKBOOK_NOT_TEMPLATE', { sheet: SCHOOL_SHEETS[2]?.name ?? '' });
    data.issues = sortIssues(sink.issues);
    return data;
  }

  const grids = new Map<SheetKey, SheetGrid>();
  for (const spec of SCHOOL_SHEETS) {
    if (!present.has(spec.name)) {
      reportMissingSheet(spec, names, sink);
      continue;
    }
    if (READ_KEYS.includes(spec.key)) {
      const g = port.readSheet(spec.name);
      if (g) grids.set(spec.key, g);
      else reportMissingSheet(spec, names, sink);
    } else {
      // Present, written whole by the add-on and not read: headerRow 0 says "not located".
      data.sheets[spec.name] = { headerRow: 0, columns: {}, lastRow: 0 };
    }
  }

  // Thông tin first: the plan year sets the as-of date and the deadline defaults.
  const settingsGrid = grids.get('settings');
  if (settingsGrid) {
    const { settings, header } = readSettings(settingsGrid, sink);
    data.settings = settings;
    data.templateVersion = settings.templateVersion;
    data.sheets[sheetSpec('settings').name] = header;
  }
  // The one place a school's reporting frame is settled: every reader below, and every figure,
  // sheet and document made from this data, use it.
  const frame = reportingFrame(opts.today, data.settings.year, opts);
  data.frame = frame;

  const table = (key: SheetKey): Table | null => {
    const g = grids.get(key);
    if (!g) return null;
    const t = locateTable(sheetSpec(key), g, sink);
    if (t) data.sheets[t.spec.name] = t.header;
    return t;
  };

  const peopleTable = table('people');
  if (peopleTable) data.people = readPeople(peopleTable);
  const taskTable = table('tasks');
  if (taskTable) data.tasks = readTasks(taskTable, frame, data.settings.year);
  const kpiTable = table('kpis');
  if (kpiTable) data.kpis = readKpis(kpiTable, quartersToDate(frame));
  const initiativeTable = table('initiatives');
  if (initiativeTable) data.initiatives = readInitiatives(initiativeTable, data.settings, frame.today);
  const activityTable = table('activities');
  if (activityTable) data.activities = readActivities(activityTable, frame.today);

  if (peopleTable && taskTable) checkOwners(data.tasks, data.people, taskTable, sink);

  data.issues = sortIssues(sink.issues);
  return data;
}

function reportMissingSheet(spec: SheetSpec, names: readonly string[], sink: IssueSink): void {
  if (spec.role === 'input' || spec.role === 'settings') {
    // A sheet renamed only in case, accents or spacing is pointed at, so the user renames it back.
    const found = names.find((n) => foldLoose(n) === foldLoose(spec.name));
    if (found) sink.add(spec.name, null, null, null, 'error', 'SHEET_MISSING_RENAMED', { sheet: spec.name, found });
    else sink.add(spec.name, null, null, null, 'error', 'SHEET_MISSING', { sheet: spec.name });
  } else {
    sink.add(spec.name, null, null, null, 'warning', 'OUTPUT_SHEET_MISSING', { sheet: spec.name });
  }
}

/** A task owner should be someone in `Nhân sự` (by name, title or team: read/owners.ts). */
function checkOwners(tasks: readonly Task[], people: readonly Person[], table: Table, sink: IssueSink): void {
  if (tasks.length === 0) return;
  if (people.length === 0) {
    // One warning rather than one per task when the list was never filled.
    sink.add(sheetSpec('people').name, null, null, null, 'warning', 'PEOPLE_EMPTY');
    return;
  }
  const owners = ownerIndex(people);
  const col = table.col('owner') ?? null;
  const header = table.column('owner').header;
  for (const task of tasks) {
    const unknown = owners.resolve(task.owner).find((o) => !o.known);
    if (unknown !== undefined) sink.add(table.spec.name, task.row, header, col, 'warning', 'OWNER_NOT_IN_PEOPLE', { value: unknown.name });
  }
}

