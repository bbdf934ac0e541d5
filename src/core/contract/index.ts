// The workbook contract, template version 1 (the workbook contract), as data.

/** The template version this code writes and the newest it reads. */
export const TEMPLATE_VERSION = 1;

export * from './a1.ts';
export * from './enums.ts';
export * from './types.ts';
export * from './sheets.ts';
export * from './settings.ts';
export * from './derive.ts';
