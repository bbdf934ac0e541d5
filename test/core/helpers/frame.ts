// SchoolData built by hand (not read) gets its reporting frame from the product's one rule.
import { reportingFrame, type FrameRequest } from '../../../src/core/frame.ts';
import type { IsoDate, SchoolData } from '../../../src/core/model.ts';

/** `data` as if read for this as-of date and period; today defaults to the as-of date. */
export function atFrame<T extends SchoolData>(data: T, req: FrameRequest & { today?: IsoDate }): T {
  const today = req.today ?? req.asOf ?? '2024-06-30';
  return { ...data, frame: reportingFrame(today, data.settings.year, req) };
}
