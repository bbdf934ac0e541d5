// Cell parsers of the contract.
export * from './result.ts';
export * from './decimal.ts';
export * from './cell.ts';
export * from './date.ts';
export * from './number.ts';
export * from './enum.ts';
