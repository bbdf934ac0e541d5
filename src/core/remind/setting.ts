// `Nhắc việc qua email` in `Thông tin`: the sidebar's switch writes it (Có / Không) on the row the
// reader finds it on, or adds the row when the sheet lacks it.
import { sheetSpec } from '../contract/index.ts';
import { YES_NO, enumOption } from '../contract/enums.ts';
import { findHeaderRow } from '../install.ts';
import type { WorkbookPort } from '../ports.ts';
import { settingForItem } from '../read/settings.ts';
import { settingSpec } from '../contract/settings.ts';

export function writeReminderSetting(port: WorkbookPort, on: boolean): void {
  const spec = sheetSpec('settings');
  const grid = port.readSheet(spec.name);
  const header = grid ? findHeaderRow(grid, spec) : null;
  if (!grid || !header) throw new Error(`writeReminderSetting: no ${spec.name} header; install the template first`);
  const itemCol = header.columns.item ?? 1;
  const valueCol = header.columns.value ?? 2;
  const value = enumOption(YES_NO, on ? 'yes' : 'no').vi;
  for (let r = header.row; r < grid.values.length; r++) {
    const item = grid.values[r]?.[itemCol - 1];
    if (typeof item === 'string' && settingForItem(item)?.key === 'emailReminders') {
      port.writeBlock(spec.name, r + 1, valueCol, [[value]]);
      return;
    }
  }
  const label = settingSpec('emailReminders').label;
  const line: (string | null)[] = Array.from({ length: Math.max(itemCol, valueCol) }, () => null);
  line[itemCol - 1] = label;
  line[valueCol - 1] = value;
  port.appendRows(spec.name, [line]);
}
