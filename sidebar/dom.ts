// DOM helpers for the views. Every string goes in as a text node (never innerHTML): a task named
// `<img src=x onerror=…>` must show as those characters.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Stable identity so keyboard focus survives a re-render. */
  key?: string;
  attrs?: Record<string, string>;
  on?: Partial<Record<'click' | 'change' | 'input' | 'keydown' | 'submit' | 'toggle', (event: Event) => void>>;
}

/** An element with its class, key, attributes, listeners and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.key) el.dataset.key = props.key;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return el;
}

/** An element of the page shell (index.html), which must be there. */
export const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`sidebar shell lacks #${id}`);
  return el;
};

/** The element with this key (`data-key`), if drawn. */
export const byKey = (key: string, root: ParentNode = document): HTMLElement | null =>
  root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);

/** Focus the element with this key, and bring it (or `show`, by id) into view. */
export function focusKey(key: string, show?: string): void {
  const el = byKey(key);
  const view = show ? document.getElementById(show) : el;
  view?.scrollIntoView({ block: show ? 'start' : 'nearest' });
  el?.focus({ preventScroll: true });
}

/** A labelled form field; the hint takes the id the control is described by. */
export function field(label: string, control: HTMLElement, hint?: string, invalid = false, extra = ''): HTMLElement {
  const hintId = control.getAttribute('aria-describedby');
  return h(
    'label',
    { class: `field${extra ? ` ${extra}` : ''}` },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('span', { class: invalid ? 'field-hint field-error' : 'field-hint', attrs: hintId ? { id: hintId } : {} }, hint) : null,
  );
}
