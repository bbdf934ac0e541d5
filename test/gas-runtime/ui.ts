// SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts, recorded so tests can
// check what the user was shown. Alerts and prompts answer from a queue the test fills.

import type { RuntimeCore } from './core.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export type ButtonName = keyof typeof Button;
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface MenuRecord {
  addon: boolean;
  caption: string;
  entries: MenuEntry[];
}

/** Anything with getContent (HtmlOutput, HtmlTemplate output). */
export interface ContentLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number | null;
  getHeight?(): number | null;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  output: ContentLike;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answered: ButtonName;
  responseText?: string;
}

export class UiState {
  menus: MenuRecord[] = [];
  shown: ShownHtml[] = [];
  alerts: AlertRecord[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  /** Queued answers for alert()/prompt(); when empty: OK, or YES for YES_NO sets. */
  responses: { button: ButtonName; text?: string }[] = [];

  /** Queue the user's next answer to an alert or prompt. */
  answerNext(button: ButtonName, text?: string): void {
    this.responses.push(text === undefined ? { button } : { button, text });
  }
  lastSidebar(): ShownHtml | undefined {
    return [...this.shown].reverse().find((s) => s.kind === 'sidebar');
  }
  reset(): void {
    this.menus = [];
    this.shown = [];
    this.alerts = [];
    this.toasts = [];
    this.responses = [];
  }
}

export class FakeMenu {
  private entries: MenuEntry[] = [];
  constructor(
    private readonly state: UiState,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.entries.push({ kind: 'submenu', caption: menu.__caption(), entries: menu.__entries() });
    return this;
  }
  addToUi(): void {
    this.state.menus.push({ addon: this.addon, caption: this.caption, entries: this.__entries() });
  }
  __caption(): string {
    return this.caption;
  }
  __entries(): MenuEntry[] {
    return structuredClone(this.entries);
  }
}

function defaultAnswer(buttons: ButtonSetName): ButtonName {
  return buttons.startsWith('YES') ? 'YES' : 'OK';
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly core: RuntimeCore,
    private readonly state: UiState,
  ) {}
  createMenu(caption: string): FakeMenu {
    return this.core.instrument(new FakeMenu(this.state, String(caption), false), 'Menu');
  }
  /** Add-on menus are captioned with the add-on's name by Google; recorded as ''. */
  createAddonMenu(): FakeMenu {
    return this.core.instrument(new FakeMenu(this.state, '', true), 'Menu');
  }
  private show(kind: ShownHtml['kind'], output: ContentLike, title?: string): void {
    this.state.shown.push({
      kind,
      title: title ?? output.getTitle?.() ?? '',
      content: output.getContent(),
      width: output.getWidth?.() ?? null,
      height: output.getHeight?.() ?? null,
      output,
    });
  }
  showSidebar(output: ContentLike): void {
    this.show('sidebar', output);
  }
  showModalDialog(output: ContentLike, title: string): void {
    this.show('modal', output, String(title));
  }
  showModelessDialog(output: ContentLike, title: string): void {
    this.show('modeless', output, String(title));
  }
  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(a: string, b?: string, c?: string): ButtonName {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, 'OK'];
    const set = (buttons in ButtonSet ? buttons : 'OK') as ButtonSetName;
    const next = this.state.responses.shift();
    const answered = next?.button ?? defaultAnswer(set);
    this.state.alerts.push({ kind: 'alert', title: String(title), prompt: String(prompt), buttons: set, answered });
    return answered;
  }
  prompt(a: string, b?: string, c?: string): { getResponseText(): string; getSelectedButton(): ButtonName } {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, 'OK'];
    const set = (buttons in ButtonSet ? buttons : 'OK') as ButtonSetName;
    const next = this.state.responses.shift();
    const answered = next?.button ?? defaultAnswer(set);
    const text = next?.text ?? '';
    this.state.alerts.push({ kind: 'prompt', title: String(title), prompt: String(prompt), buttons: set, answered, responseText: text });
    return this.core.instrument({ getResponseText: () => text, getSelectedButton: () => answered }, 'PromptResponse');
  }
}
