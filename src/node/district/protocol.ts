// What the district's reading threads say to each other (pool.ts ⇄ worker.ts): plain JSON,
// copied across threads.
import type { ReportingFrame } from '../../core/frame.ts';
import type { SchoolRead, SchoolRef } from '../../core/district/school.ts';
import type { Lang } from '../../core/model.ts';
import type { Limits } from '../files/scan.ts';

/** Given to every worker when it starts. */
export interface WorkerInit {
  lang: Lang;
  limits: Limits;
  /** CCHC_TODAY of the command's env (the clock of `readAt`), or null. */
  today: string | null;
}

/** Read one school. */
export interface ReadRequest {
  id: number;
  /** The file to open (absolute). */
  file: string;
  ref: SchoolRef;
  frame: ReportingFrame;
  /** Folder mode: a district workbook found among the files is not read as a school. */
  skipDistrict: boolean;
}

/** How one read went. */
export interface ReadAnswer {
  /** Null when the file was a district workbook and skipped. */
  read: SchoolRead | null;
  /** The file's stamp before the read; null: the read is not kept for the next run. */
  stamp: string | null;
  district: boolean;
  /** The file was there and opened (what `stats.filesRead` counts). */
  opened: boolean;
}

export type WorkerMessage = { type: 'ready' } | ({ type: 'done'; id: number } & ReadAnswer);
