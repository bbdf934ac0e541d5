// `.docx` → `.pdf` through LibreOffice (`soffice --headless --convert-to pdf`), for `cchc report
// --pdf`. LibreOffice is not a dependency of the package: when it is missing the caller gets a
// typed error that says so and how to install it.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../core/i18n.ts';
import type { Lang } from '../core/model.ts';

export class LibreOfficeMissingError extends Error {
  readonly code = 'LIBREOFFICE_MISSING';
  constructor(lang: Lang = 'vi') {
    super(t(lang, 'cli.libreOfficeMissing'));
    this.name = 'LibreOfficeMissingError';
  }
}

export class PdfConversionError extends Error {
  readonly code = 'PDF_CONVERSION_FAILED';
  constructor(detail: string, lang: Lang = 'vi') {
    super(t(lang, 'cli.pdfFailed', { detail }));
    this.name = 'PdfConversionError';
  }
}

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** The soffice executable: `CCHC_SOFFICE`, then `soffice`/`libreoffice` on PATH, then the usual places. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const isFile = (p: string) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (env.CCHC_SOFFICE) return isFile(env.CCHC_SOFFICE) ? env.CCHC_SOFFICE : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (isFile(join(dir, n))) return join(dir, n);
  }
  return CANDIDATES.find(isFile) ?? null;
}

/**
 * Convert `docxPath` to PDF next to it (or in `outDir`); resolves to the PDF's path. Uses a
 * private LibreOffice profile so it works while the user has LibreOffice open.
 */
export async function toPdf(
  docxPath: string,
  options: { outDir?: string; soffice?: string | null; lang?: Lang; timeoutMs?: number } = {},
): Promise<string> {
  const lang = options.lang ?? 'vi';
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw new LibreOfficeMissingError(lang);
  const input = resolve(docxPath);
  if (!existsSync(input)) throw new PdfConversionError(`${input}: không có tệp / no such file`, lang);
  const outDir = resolve(options.outDir ?? dirname(input));
  const profile = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  try {
    await new Promise<void>((ok, fail) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, input],
        { timeout: options.timeoutMs ?? 180_000 },
        (err, _stdout, stderr) => (err ? fail(new PdfConversionError(String(stderr || err.message).trim(), lang)) : ok()),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, `${basename(input, extname(input))}.pdf`);
  if (!existsSync(pdf)) throw new PdfConversionError(`${pdf}: không được tạo / was not written`, lang);
  return pdf;
}
