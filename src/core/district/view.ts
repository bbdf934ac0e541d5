// What the sidebar gets about the district (src/core/api.ts districtState / districtRefresh /
// pickerConfig): plain JSON, checked against the API's zod schemas at compile time.

import type { RefreshProgress } from './progress.ts';
import type { SchoolStatus } from './types.ts';

/** One school as the sidebar lists it. */
export interface DistrictSchool {
  code: string;
  name: string;
  source: string;
  status: SchoolStatus;
  /** The status in the user's language (the contract's words). */
  statusLabel: string;
  /** Why, and what to do ('' when read without a problem). */
  message: string;
  errors: number;
  reused: boolean;
  changedAt: string | null;
  readAt: string | null;
}

export interface DistrictView {
  /** Null before the first refresh. */
  progress: RefreshProgress | null;
  /** The schools settled in this refresh so far, in list order. */
  schools: DistrictSchool[];
  /** `Tự động cập nhật` in Thông tin, and whether the hourly trigger is in place. */
  autoRefresh: { enabled: boolean; scheduled: boolean };
  /** Something the officer should know about this step (Drive not reachable, trigger refused), or ''. */
  notice: string;
}

export interface PickerConfig {
  configured: boolean;
  /** When not configured: what the deployer must set. */
  message: string;
  apiKey: string | null;
  /** The Cloud project number (the Picker's App ID, which ties a chosen file to this add-on's drive.file grant). */
  appId: string | null;
  oauthToken: string | null;
  texts: { title: string; intro: string; open: string; cancelled: string; picked: string; failed: string };
}

