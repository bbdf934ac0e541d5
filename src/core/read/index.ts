// Reading a school workbook through the contract.
export { readSchool, type ReadOptions } from './school.ts';
export { reportingFrame, quartersToDate, quarterOfDate, quarterEndDate, periodOfQuarter, quarterOfPeriod, type ReportingFrame, type FrameRequest } from '../frame.ts';
export { IssueSink, sortIssues, countIssues } from './issues.ts';
export { locateTable, findHeader, headerKey, Table, RowReader, HEADER_SEARCH_ROWS } from './table.ts';
export { readSettings, defaultSettings } from './settings.ts';
export { readUnitList, type UnitEntry, type UnitList } from './units.ts';
