// `Nhật ký`: one row per action (time, user, action, result), appended after the last row.
import { SHEET_NAMES, columnSpec } from '../contract/sheets.ts';
import type { WorkbookPort } from '../ports.ts';
import { logTime } from '../progress/cells.ts';

export interface LogEntry {
  /** ISO timestamp with offset (Clock.now()). */
  now: string;
  user: string;
  action: string;
  result: string;
}

export function appendLog(port: WorkbookPort, entry: LogEntry): void {
  const name = SHEET_NAMES.log;
  if (port.ensureSheet(name)) {
    // A log sheet made here gets the contract's headers, as the installer would write them.
    port.writeBlock(name, 1, 1, [['time', 'user', 'action', 'result'].map((key) => columnSpec('log', key).header)]);
  }
  port.appendRows(name, [[logTime(entry.now), entry.user, entry.action, entry.result]]);
}
