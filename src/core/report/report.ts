// One entry point for every report: build the document model of a type from the workbook's data
// and its computed figures. Renderers (docx locally, Google Docs) draw the model.

import type { SchoolData } from '../model.ts';
import type { Progress } from '../progress/types.ts';
import { REPORT_TYPES, type DocModel, type ReportType } from './doc-model.ts';
import type { ReportOptions } from './common.ts';
import { buildQuarterly } from './quarterly.ts';
import { buildPlan } from './plan.ts';
import { buildInitiatives } from './initiatives.ts';
import type { DocSymbol } from './vn-format.ts';
import type { DocumentType } from './doc-model.ts';
import { capLongLists } from './cap.ts';

export type { ReportOptions } from './common.ts';
export type { DocModel, DocumentType, ReportType } from './doc-model.ts';
export { REPORT_TYPES } from './doc-model.ts';
export { buildDistrict, type DistrictReportData } from './district.ts';

/** The district's report over its schools (built from a DistrictAggregate by buildDistrict). */
export const DISTRICT_REPORT_TYPE = 'district' satisfies DocumentType;
/** Every kind of document the product makes. */
export const DOCUMENT_TYPES: readonly DocumentType[] = [...REPORT_TYPES, DISTRICT_REPORT_TYPE];

/** The ký hiệu a document type takes in its number: BC báo cáo, KH kế hoạch. */
export const reportSymbol = (type: DocumentType): DocSymbol => (type === 'plan' ? 'KH' : 'BC');

/** The document for `data` and its figures `progress`, both for `data.frame`; long lists capped (cap.ts). */
export function buildReport(type: ReportType, data: SchoolData, progress: Progress, request: ReportOptions): DocModel {
  const { asOf, period, year } = data.frame;
  const options = { ...request, asOf, period, year };
  switch (type) {
    case 'quarterly':
      return capLongLists(buildQuarterly(data, progress, options));
    case 'plan':
      return capLongLists(buildPlan(data, progress, options));
    case 'initiatives':
      return capLongLists(buildInitiatives(data, progress, options));
  }
}
