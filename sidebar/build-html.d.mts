/** The sidebar page, built and inlined (see build-html.mjs). */
export function buildSidebarHtml(options?: { minify?: boolean }): Promise<string>;
