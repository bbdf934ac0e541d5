/** The sidebar page, built and inlined (see build-html.mjs). */
export function buildSidebarHtml(options?: { minify?: boolean }): Promise<string>;
/** The script of `cchc serve`'s host page, built from sidebar/host/host.ts, safe to inline. */
export function buildHostScript(options?: { minify?: boolean }): Promise<string>;
