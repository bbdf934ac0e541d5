// The district: one result per school from the school's own core, the aggregate, the stored reads.
export type * from './types.ts';
export { isCounted } from './types.ts';
export { readSchoolForDistrict, failedResult, type SchoolRef, type SchoolOpening, type SchoolReadOptions, type SchoolRead } from './school.ts';
export { aggregateDistrict, settleDuplicates, publicSchool, publicAggregate, zeroTasks, zeroKpiCounts, type AggregateInput, type PublicSchool } from './aggregate.ts';
export { encodeStored, decodeStored, reusable, reusedResult, storedKey, MAX_STORED_CHARS, type StoredRead } from './state.ts';
export type { RefreshProgress } from './progress.ts';
export {
  readDistrict, unitsToRead, writeDistrictSheets, writeStoredReads, storeRead, storedRow, cellDateTime,
  unitSummarySheet, unitKpisSheet, districtKpiCodes, type DistrictRead, type WholeSheet,
} from './sheets.ts';
