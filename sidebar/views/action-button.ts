// The sidebar's action button. aria-disabled (not `disabled`) while busy, so focus stays where it
// was; a press while the figures are being settled runs once they are (work.ts `press`).

import { h } from '../dom.ts';
import { state } from '../state.ts';
import { press } from '../work.ts';

export function actionButton(key: string, label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  const busy = state.busy !== null;
  return h(
    'button',
    {
      class: `btn btn-${kind}`,
      key,
      attrs: { type: 'button', 'aria-disabled': String(busy) },
      on: { click: () => press(onClick) },
    },
    label,
  );
}
