// Report documents (.docx) written so that one never replaces another and none exists without
// its number recorded:
// - createDocument renders the document into a temporary file beside its place (synced to disk)
//   and refuses, before any number is taken, a name that is already a file (unless the user
//   regenerates that very number: `replace`);
// - commit() puts it in place after the workbook holding its number and log row is saved (under
//   the workbook's lock); discard() removes what was not committed. A run killed before the save
//   leaves no document and no number used; the temporary file is removed by the next write.
// The file itself is written as files/atomic.ts writes: through a symbolic link, keeping a
// replaced file's permission bits, refusing a read-only one.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CreatedDocument, DocModel, DocumentPort } from '../../core/report/doc-model.ts';
import { checkReplaceable, existsProblem, realTarget, stageFile, type StagedFile } from './atomic.ts';

/** A file name any system keeps: no `/ \ : * ? " < > |`, no control characters. */
export const safeFileName = (name: string): string =>
  // eslint-disable-next-line no-control-regex
  name.normalize('NFC').replace(/[/\\:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150) || 'baocao';

export interface StagedDocumentsOptions {
  /** The folder documents go in, named after the document (`<name>.docx`). */
  dir?: string;
  /** One fixed file instead (`cchc report --out`). */
  file?: string;
  /** An existing file of that name may be replaced (`--number`: the same document again). */
  replace: boolean;
  /** The link to give for a written file (default its file:// URL). */
  url?: (fullPath: string, fileName: string) => string;
  /**
   * Put each document in place as soon as it is made (a caller with no workbook save to wait
   * for: the default documents of a local context). Default false: commit() after the save.
   */
  immediate?: boolean;
}

export class StagedDocuments implements DocumentPort {
  private pending: { staged: StagedFile; shown: string }[] = [];

  constructor(private readonly opts: StagedDocumentsOptions) {}

  async createDocument(model: DocModel, options: { name: string }): Promise<CreatedDocument> {
    const fileName = `${safeFileName(options.name)}.docx`;
    const target = path.resolve(this.opts.file ?? path.join(this.opts.dir ?? '.', fileName));
    mkdirSync(path.dirname(target), { recursive: true });
    if (!this.opts.replace && (await checkReplaceable(await realTarget(target), target))) throw existsProblem(target);
    // docx (and the chart renderer) load with the first document, not with every cchc command.
    const { renderDocx } = await import('../docx-renderer.ts');
    const bytes = await renderDocx(model);
    const staged = await stageFile(target, bytes, target);
    this.pending.push({ staged, shown: target });
    if (this.opts.immediate) await this.commit();
    const url = this.opts.url ? this.opts.url(target, path.basename(target)) : pathToFileURL(target).href;
    return { id: target, url, name: this.opts.file ? path.basename(target) : options.name };
  }

  /** Put every staged document in place (after the workbook was saved). */
  async commit(): Promise<void> {
    const list = this.pending;
    this.pending = [];
    try {
      for (const { staged } of list) await staged.commit(this.opts.replace);
    } finally {
      for (const { staged } of list) await staged.discard();
    }
  }

  /** Remove documents not committed (the run failed). */
  async discard(): Promise<void> {
    const list = this.pending;
    this.pending = [];
    for (const { staged } of list) await staged.discard();
  }
}

/** Write one .docx now, atomically (for a caller with no workbook to save first). */
export async function writeDocxFile(model: DocModel, file: string, opts: { replace: boolean }): Promise<string> {
  const docs = new StagedDocuments({ file, replace: opts.replace });
  try {
    const doc = await docs.createDocument(model, { name: path.basename(file) });
    await docs.commit();
    return doc.id;
  } finally {
    await docs.discard();
  }
}
