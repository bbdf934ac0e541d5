// The district's entry points inside Apps Script: the hourly trigger's handler and the file
// picker dialog (sidebar/picker.html, built to dist/Picker.html). The ports they run on are in
// district-ports.ts.

import { userLang } from '../core/app/handlers.ts';
import { districtRefreshStep } from '../core/app/district-refresh.ts';
import { t } from '../core/i18n.ts';
import { gasContext } from './context.ts';
import { showPickerDialog } from './district-ports.ts';

/** The hourly trigger: continue the running refresh, or start one when `Tự động cập nhật` is on. */
export function districtAutoRefresh(): void {
  const ctx = gasContext();
  const lang = userLang(ctx);
  try {
    const outcome = ctx.withLock(() => districtRefreshStep(ctx, lang, { background: true }));
    if (!outcome.ran) console.log('cchc: district refresh: another step holds the lock; the next hour continues');
  } catch (e) {
    // A trigger has no one to show a message to: the execution log keeps it.
    console.error('cchc: district refresh failed', e instanceof Error ? e.stack ?? e.message : e);
  }
}

/** The file picker, in a dialog over the sheet (the files chosen there are the ones drive.file lets the add-on read). */
export function openPicker(): void {
  showPickerDialog(t(userLang(gasContext()), 'district.pickerTitle'));
}

