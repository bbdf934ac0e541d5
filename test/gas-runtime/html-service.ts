// HtmlService: outputs from a map of HTML files the runtime is given (the build writes
// dist/Sidebar.html; loadAddon reads dist/*.html), templates with <? ?>, <?= ?> and <?!= ?>
// scriptlets evaluated in the add-on's vm context when one is attached (so `include()`-style
// helpers of the bundle resolve), else with the template's own properties only.

import vm from 'node:vm';
import { FakeBlob } from './blob.ts';
import { gasError, type RuntimeCore } from './core.ts';

const enumOf = <K extends string>(...names: K[]): Readonly<Record<K, K>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);

export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

export const HTML_MSG = {
  noFile: (name: string) => `No HTML file named ${name} was found.`,
} as const;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private metaTags: { name: string; content: string }[] = [];
  private faviconUrl: string | null = null;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(html: string): this {
    this.content += String(html);
    return this;
  }
  appendUntrusted(text: string): this {
    this.content += escapeHtml(String(text));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  /** Not in Google's API (there is no getter); for tests. */
  __sandboxMode(): string {
    return this.sandboxMode;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  __xFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): this {
    this.faviconUrl = String(url);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getBlob(): FakeBlob {
    return new FakeBlob(this.content, 'text/html', this.title || null);
  }
  getAs(contentType: string): FakeBlob {
    return new FakeBlob(this.content, contentType, this.title || null);
  }
}

type Scope = () => object | null;

/** Turn a template into the body of `function (__t, __esc) { … }`. */
function compileTemplate(source: string): string {
  let body = "var __out = '';\nwith (__t) {\n";
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    body += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    const code = m[2] ?? '';
    if (m[1] === '=') body += `__out += __esc(${code});\n`;
    else if (m[1] === '!=') body += `__out += __str(${code});\n`;
    else body += `${code}\n`;
    last = re.lastIndex;
  }
  body += `__out += ${JSON.stringify(source.slice(last))};\n}\nreturn __out;`;
  return body;
}

export class FakeHtmlTemplate {
  [property: string]: unknown;
  constructor(
    private readonly __source: string,
    private readonly __core: RuntimeCore,
    private readonly __scope: Scope,
  ) {}
  getRawContent(): string {
    return this.__source;
  }
  getCode(): string {
    return compileTemplate(this.__source);
  }
  evaluate(): FakeHtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('__')) vars[k] = this[k];
    const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    const esc = (v: unknown): string => escapeHtml(str(v));
    const body = compileTemplate(this.__source);
    const ctx = this.__scope();
    let html: string;
    if (ctx && vm.isContext(ctx)) {
      const fn = vm.runInContext(`(function (__t, __esc, __str) {\n${body}\n})`, ctx) as (t: object, e: typeof esc, s: typeof str) => string;
      html = fn(vars, esc, str);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- templates are code by design
      const fn = new Function('__t', '__esc', '__str', body) as (t: object, e: typeof esc, s: typeof str) => string;
      html = fn(vars, esc, str);
    }
    return this.__core.instrument(new FakeHtmlOutput(html), 'HtmlOutput');
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  /** The vm context templates evaluate in (set by loadAddon). */
  scope: object | null = null;
  constructor(
    private readonly core: RuntimeCore,
    private readonly files: Map<string, string>,
  ) {}
  private file(name: string): string {
    const key = String(name).replace(/\.html$/, '');
    const html = this.files.get(key);
    if (html === undefined) throw gasError(HTML_MSG.noFile(key));
    return html;
  }
  createHtmlOutput(html: string | FakeBlob = ''): FakeHtmlOutput {
    const content = typeof html === 'string' ? html : html.getDataAsString();
    return this.core.instrument(new FakeHtmlOutput(content), 'HtmlOutput');
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return this.core.instrument(new FakeHtmlOutput(this.file(filename)), 'HtmlOutput');
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return this.core.instrument(new FakeHtmlTemplate(String(html), this.core, () => this.scope), 'HtmlTemplate');
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return this.core.instrument(new FakeHtmlTemplate(this.file(filename), this.core, () => this.scope), 'HtmlTemplate');
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (fake Apps Script runtime)';
  }
}

export function createHtmlService(core: RuntimeCore, files: Map<string, string>): FakeHtmlService {
  return core.instrument(new FakeHtmlService(core, files), 'HtmlService');
}
