// Reading a school workbook through the contract.
export { readSchool, type ReadOptions } from './school.ts';
export { resolveAsOf, quarterOfDate, quarterEndDate, periodOfQuarter, quarterOfPeriod } from './as-of.ts';
export { IssueSink, sortIssues, countIssues } from './issues.ts';
export { locateTable, findHeader, headerKey, Table, RowReader, HEADER_SEARCH_ROWS } from './table.ts';
export { readSettings, defaultSettings } from './settings.ts';
export { readUnitList, type UnitEntry, type UnitList } from './units.ts';
