// schema/district-school.bigquery.json, the BigQuery table for `cchc aggregate --ndjson` rows,
// checked against real output: a generated district with every status, each line held to the
// rules of a BigQuery NEWLINE_DELIMITED_JSON load (no undeclared key, REQUIRED present and not
// null, each value of its column's type, RECORD and REPEATED as declared).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cchc } from './bin-helpers.ts';
import { tempDir } from './cli-helpers.ts';
import { makeCorrupt, makeDistrict, makeSchool, makeUnreadable, type ListRow } from './district-fixture.ts';

interface Field {
  name: string;
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  description?: string;
  fields?: Field[];
}

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schema/district-school.bigquery.json'), 'utf8')) as Field[];
const TYPES = new Set(['STRING', 'INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'RECORD', 'JSON']);
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** BigQuery's canonical timestamp in JSON: date, time, optional fraction, zone Z or ±hh:mm. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One value against one column: the problems, each with its path. */
function checkValue(f: Field, v: unknown, at: string): string[] {
  switch (f.type) {
    case 'STRING':
      return typeof v === 'string' ? [] : [`${at}: STRING wants a JSON string, got ${JSON.stringify(v)}`];
    case 'INTEGER':
      return typeof v === 'number' && Number.isInteger(v) && BigInt(v) >= INT64.min && BigInt(v) <= INT64.max ? [] : [`${at}: INTEGER wants a whole number, got ${JSON.stringify(v)}`];
    case 'FLOAT':
      return typeof v === 'number' && Number.isFinite(v) ? [] : [`${at}: FLOAT wants a number, got ${JSON.stringify(v)}`];
    case 'BOOLEAN':
      return typeof v === 'boolean' ? [] : [`${at}: BOOLEAN wants true or false, got ${JSON.stringify(v)}`];
    case 'DATE':
      return typeof v === 'string' && DATE.test(v) ? [] : [`${at}: DATE wants YYYY-MM-DD, got ${JSON.stringify(v)}`];
    case 'TIMESTAMP':
      return typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)) ? [] : [`${at}: TIMESTAMP wants an ISO date-time, got ${JSON.stringify(v)}`];
    case 'JSON':
      return [];
    case 'RECORD':
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? checkRecord(f.fields ?? [], v as Record<string, unknown>, `${at}.`) : [`${at}: RECORD wants an object, got ${JSON.stringify(v)}`];
    default:
      return [`${at}: unknown type ${f.type}`];
  }
}

/** An object against a list of columns. */
function checkRecord(fields: Field[], row: Record<string, unknown>, at = ''): string[] {
  const out: string[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const key of Object.keys(row)) if (!byName.has(key)) out.push(`${at}${key}: not declared in the schema`);
  for (const f of fields) {
    const where = `${at}${f.name}`;
    const present = Object.prototype.hasOwnProperty.call(row, f.name);
    const v = row[f.name];
    const mode = f.mode ?? 'NULLABLE';
    if (mode === 'REQUIRED') {
      if (!present || v === null) out.push(`${where}: REQUIRED, missing`);
      else out.push(...checkValue(f, v, where));
    } else if (mode === 'REPEATED') {
      if (!present || v === null) continue;
      if (!Array.isArray(v)) out.push(`${where}: REPEATED wants an array`);
      else v.forEach((item, i) => out.push(...(item === null ? [`${where}[${i}]: null in a REPEATED column`] : checkValue(f, item, `${where}[${i}]`))));
    } else if (present && v !== null) out.push(...checkValue(f, v, where));
  }
  return out;
}

/** One NDJSON line against the table. */
function checkLine(line: string): string[] {
  const row = JSON.parse(line) as Record<string, unknown>;
  return checkRecord(SCHEMA, row);
}

describe('the schema file', () => {
  it('is a BigQuery schema: names, types, modes, descriptions; RECORD has fields, nothing else does', () => {
    const walk = (fields: Field[], at: string): string[] => {
      const out: string[] = [];
      const names = new Set<string>();
      for (const f of fields) {
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,299}$/.test(f.name)) out.push(`${at}${f.name}: bad name`);
        if (names.has(f.name.toLowerCase())) out.push(`${at}${f.name}: repeated (names are case-insensitive)`);
        names.add(f.name.toLowerCase());
        if (!TYPES.has(f.type)) out.push(`${at}${f.name}: type ${f.type}`);
        if (!['NULLABLE', 'REQUIRED', 'REPEATED'].includes(f.mode ?? 'NULLABLE')) out.push(`${at}${f.name}: mode ${f.mode}`);
        if (!f.description) out.push(`${at}${f.name}: no description`);
        if ((f.type === 'RECORD') !== Array.isArray(f.fields)) out.push(`${at}${f.name}: fields only and always on RECORD`);
        if (f.fields) out.push(...walk(f.fields, `${at}${f.name}.`));
      }
      return out;
    };
    expect(walk(SCHEMA, '')).toEqual([]);
  });

  it('the checker refuses what a load would refuse', () => {
    const good = { code: 'MN01', name: 'A', source: 'a.xlsx', status: 'notFound', message: 'Không tìm thấy', templateVersion: null, errors: 0, changedAt: null, readAt: '2024-06-30T09:00:00+07:00', reused: false };
    expect(checkLine(JSON.stringify(good))).toEqual([]);
    expect(checkLine(JSON.stringify({ ...good, extra: 1 }))).toEqual(['extra: not declared in the schema']);
    expect(checkLine(JSON.stringify({ ...good, errors: '0' }))).toEqual(['errors: INTEGER wants a whole number, got "0"']);
    expect(checkLine(JSON.stringify({ ...good, errors: 1.5 }))).toEqual(['errors: INTEGER wants a whole number, got 1.5']);
    expect(checkLine(JSON.stringify({ ...good, reused: 'false' }))).toEqual(['reused: BOOLEAN wants true or false, got "false"']);
    expect(checkLine(JSON.stringify({ ...good, readAt: '30/06/2024' }))).toEqual(['readAt: TIMESTAMP wants an ISO date-time, got "30/06/2024"']);
    const { code: _code, ...noCode } = good;
    expect(checkLine(JSON.stringify(noCode))).toEqual(['code: REQUIRED, missing']);
    expect(checkLine(JSON.stringify({ ...good, kpis: [{ code: 'CT01', kind: 'ratio', direction: '>=', status: 'met', bad: 1 }] }))).toEqual(['kpis[0].bad: not declared in the schema']);
    expect(checkLine(JSON.stringify({ ...good, kpis: {} }))).toEqual(['kpis: REPEATED wants an array']);
  });
});

describe('cchc aggregate --ndjson against the schema', () => {
  let dir = '';
  let district = '';
  const expected: string[] = [];
  const canDenyRead = typeof process.getuid === 'function' && process.getuid() !== 0;

  beforeAll(async () => {
    dir = tempDir();
    const sample = path.join(dir, 'sample.xlsx');
    const init = await cchc(['init', sample, '--sample']);
    if (init.code !== 0) throw new Error(init.err);
    mkdirSync(path.join(dir, 'truong'));
    const rows: ListRow[] = [];
    const made: Promise<void>[] = [];
    const add = (code: string, status: string, edit?: Parameters<typeof makeSchool>[2] | 'corrupt' | 'missing' | 'noAccess') => {
      const link = `truong/${code.toLowerCase()}.xlsx`;
      rows.push({ code, name: `Trường Mầm non ${code}`, link });
      expected.push(status);
      const file = path.join(dir, link);
      if (edit === 'corrupt') makeCorrupt(sample, file);
      else if (edit === 'noAccess') makeUnreadable(sample, file);
      else if (edit !== 'missing') made.push(makeSchool(sample, file, edit ?? { code, name: `Trường Mầm non ${code}` }));
    };
    add('MN01', 'ok', { code: 'MN01', name: 'Trường Mầm non MN01', dropTasks: 3 });
    add('MN02', 'ok', { code: 'MN02', name: 'Trường Mầm non MN02', dropKpis: 16 });
    add('MN03', 'dataErrors', { code: 'MN03', name: 'Trường Mầm non MN03', badDate: true });
    add('MN04', 'otherYear', { code: 'MN04', name: 'Trường Mầm non MN04', year: 2023 });
    add('MN05', 'wrongTemplate', { code: 'MN05', name: 'Trường Mầm non MN05', version: 2 });
    add('MN06', 'wrongTemplate', { code: 'MN06', name: 'Trường Mầm non MN06', removeSheet: 'Chỉ tiêu' });
    add('MN07', 'duplicate', { code: 'MN01', name: 'Trường Mầm non MN01' });
    add('MN08', 'unreadable', 'corrupt');
    add('MN09', 'notFound', 'missing');
    if (canDenyRead) add('MN10', 'noAccess', 'noAccess');
    await Promise.all(made);
    district = path.join(dir, 'quan.xlsx');
    await makeDistrict(district, rows);
  });

  it('every line of a district with every status fits the schema, first run and incremental run', async () => {
    const ndjson = path.join(dir, 'rows.ndjson');
    const first = await cchc(['aggregate', district, '--as-of', '30/06/2024', '--ndjson', ndjson]);
    expect(first.code, first.err).toBe(0);
    const lines = readFileSync(ndjson, 'utf8').split('\n').filter((l) => l !== '');
    expect(lines.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(expected);
    expect(lines.flatMap((l, i) => checkLine(l).map((p) => `line ${i + 1}: ${p}`))).toEqual([]);
    // The figures columns are filled where a school was read: a rating, a yes/no and a ratio target all land in `kpis`.
    const ok = JSON.parse(lines[0]!) as { kpis: { kind: string }[]; tasks: { byArea: object } };
    expect(new Set(ok.kpis.map((k) => k.kind))).toEqual(new Set(['ratio', 'count', 'yesno', 'rating']));
    // An incremental run: the rows carry reused: true and still fit.
    const again = await cchc(['aggregate', district, '--as-of', '30/06/2024', '--ndjson', ndjson]);
    expect(again.code, again.err).toBe(0);
    const reused = readFileSync(ndjson, 'utf8').split('\n').filter((l) => l !== '');
    expect(reused.some((l) => (JSON.parse(l) as { reused: boolean }).reused)).toBe(true);
    expect(reused.flatMap((l, i) => checkLine(l).map((p) => `line ${i + 1}: ${p}`))).toEqual([]);
  });
});
