// The Google side of the reports: a document model (src/core/report/doc-model.ts) becomes a
// Google Doc in the fewest round trips the Docs API allows:
//   1. Docs.Documents.create({ title })                       one call
//   2. Docs.Documents.batchUpdate({ requests }, id)            one call, however long the report
//   3. only when the report has images (the quarterly chart): DocumentApp.openById(id), put each
//      PNG at its marker paragraph, saveAndClose: a constant ~10 calls, not one per row.
// The requests come from the pure buildDocsPlan (docs-requests.ts).
//
// Decisions (for the README):
// - WHERE THE DOC GOES: the Docs API creates the Doc in the user's My Drive root, and it stays
//   there. the report contract (README) asks for the spreadsheet's folder, but putting a file in a folder needs
//   Drive access to that folder (and, to find it, to the spreadsheet). `drive.file` covers only
//   files the add-on created or the user picked (Google Picker): Google documents a way to add
//   the open file to it only for card-based Workspace add-ons
//   (CardService…requestFileScopeForActiveDocument), not for this sidebar editor add-on, and a
//   folder the add-on did not create is not covered at all. DriveApp would need the restricted
//   `drive` scope. So: My Drive root, linked from the sidebar and `Nhật ký`. A later option: the
//   user picks the folder once with Google Picker (drive.file then covers it) and the Doc is
//   moved with the Drive advanced service (`Drive.Files.update({}, id, null, { addParents,
//   removeParents })`): one more call, one more advanced service.
// - PAGE NUMBERS: neither the Docs API nor DocumentApp can insert a page-number field. The Doc
//   is set to use a separate first-page header (page 1 stays bare); the principal adds the
//   numbers with Insert › Page numbers (the sidebar's pageNumberHint says how).
// - IMAGES: the Docs API's insertInlineImage fetches a public URL, and the chart must not be
//   published. We insert the core's PNG (chart.ts: the same image the .docx carries) with
//   DocumentApp from a Blob, at a marker paragraph; no Sheets chart is made in the user's
//   spreadsheet (that would be extra writes and a different drawing from the .docx).
// - PDF: `pdfExportUrl(id)` is Google's export link: the user's own browser downloads it, no
//   scope and no call. `exportPdf(id)` returns the PDF bytes (base64) through DocumentApp
//   (`documents` scope) for the sidebar to offer as a download. Saving a PDF FILE into Drive
//   would need the Drive advanced service with `drive.file` (Drive.Files.create with the blob);
//   DriveApp.createFile would need the restricted `drive` scope: not used.
// Scopes used here: `documents` (Docs API and DocumentApp). The manifest must enable the Docs
// advanced service (`{ userSymbol: 'Docs', version: 'v1', serviceId: 'docs' }`).

import type { CreatedDocument, DocModel, DocumentPort } from '../core/report/doc-model.ts';
import { buildDocsPlan, type ImagePlacement } from './docs-requests.ts';
import { t } from '../core/i18n.ts';

// ------------------------------------------------------------------ the services used (structural)

interface DocsService {
  Documents: {
    create(resource: { title: string }): { documentId?: string | undefined };
    batchUpdate(resource: { requests: object[] }, documentId: string): unknown;
  };
}
interface DaInlineImage {
  setWidth(px: number): DaInlineImage;
  setHeight(px: number): DaInlineImage;
  setAltDescription(text: string): DaInlineImage;
}
interface DaParagraph {
  clear(): DaParagraph;
  appendInlineImage(blob: unknown): DaInlineImage;
}
interface DaDocument {
  getBody(): { findText(pattern: string): { getElement(): { getParent(): { asParagraph(): DaParagraph } } } | null };
  saveAndClose(): void;
  getAs(contentType: string): { getBytes(): number[] };
}
interface DocumentAppService {
  openById(id: string): DaDocument;
}
interface UtilitiesService {
  base64Decode(encoded: string): number[];
  base64Encode(data: number[]): string;
  newBlob(data: number[], contentType?: string, name?: string): unknown;
}

export interface GoogleDocsRendererDeps {
  /** The Docs advanced service (default: the global `Docs`). */
  docs?: DocsService | undefined;
  /** Default: the global `DocumentApp` (used only for images and PDF). */
  documentApp?: DocumentAppService | undefined;
  /** Default: the global `Utilities`. */
  utilities?: UtilitiesService | undefined;
}

// ------------------------------------------------------------------ messages (vi first, en second)

/** Both languages: the renderer does not know the user's (the message reaches the log and the user). */
function message(key: 'docsDisabled' | 'noDocumentId' | 'fillFailed' | 'imageFailed', params: Record<string, string> = {}): string {
  return `${t('vi', `app.${key}`, params)} / ${t('en', `app.${key}`, params)}`;
}

export const docUrl = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;

/** Google's PDF export link for a Doc: downloaded by the user's browser with their own access. */
export const pdfExportUrl = (id: string): string => `https://docs.google.com/document/d/${id}/export?format=pdf`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Globals of Apps Script, read only when present (an advanced service that is not enabled is
// not defined at all: `typeof` is the only safe test).
function globalDocs(): DocsService | undefined {
  return typeof Docs === 'undefined' ? undefined : (Docs as unknown as DocsService | undefined);
}
function globalDocumentApp(): DocumentAppService | undefined {
  return typeof DocumentApp === 'undefined' ? undefined : (DocumentApp as unknown as DocumentAppService);
}
function globalUtilities(): UtilitiesService | undefined {
  return typeof Utilities === 'undefined' ? undefined : (Utilities as unknown as UtilitiesService);
}

// ------------------------------------------------------------------ the renderer

export class GoogleDocsRenderer implements DocumentPort {
  constructor(private readonly deps: GoogleDocsRendererDeps = {}) {}

  createDocument(model: DocModel, options: { name: string }): CreatedDocument {
    const docs = this.deps.docs ?? globalDocs();
    if (!docs?.Documents) throw new Error(message('docsDisabled'));
    const name = options.name.trim() || model.meta.name;
    const plan = buildDocsPlan(model);

    const created = docs.Documents.create({ title: name });
    const id = created.documentId;
    if (!id) throw new Error(message('noDocumentId'));
    const url = docUrl(id);
    try {
      docs.Documents.batchUpdate({ requests: plan.requests }, id);
    } catch (e) {
      throw new Error(message('fillFailed', { name, url, error: errorText(e) }));
    }
    if (plan.images.length > 0) this.placeImages(id, plan.images, name, url);
    return { id, url, name, pdfUrl: `https://docs.google.com/document/d/${encodeURIComponent(id)}/export?format=pdf` };
  }

  /** The PDF of a Doc as base64, for the sidebar to offer as a download (`documents` scope). */
  exportPdf(id: string): { name: string; mimeType: 'application/pdf'; base64: string } {
    const app = this.documentApp();
    const utilities = this.utilities();
    const bytes = app.openById(id).getAs('application/pdf').getBytes();
    return { name: 'document.pdf', mimeType: 'application/pdf', base64: utilities.base64Encode(bytes) };
  }

  private documentApp(): DocumentAppService {
    const app = this.deps.documentApp ?? globalDocumentApp();
    if (!app) throw new Error('DocumentApp is not available');
    return app;
  }

  private utilities(): UtilitiesService {
    const u = this.deps.utilities ?? globalUtilities();
    if (!u) throw new Error('Utilities is not available');
    return u;
  }

  /** One DocumentApp session for all images: open, replace each marker, save. */
  private placeImages(id: string, images: ImagePlacement[], name: string, url: string): void {
    let current = images[0]?.marker ?? '';
    try {
      const utilities = this.utilities();
      const doc = this.documentApp().openById(id);
      const body = doc.getBody();
      for (const img of images) {
        current = img.marker;
        const found = body.findText(escapeRegExp(img.marker));
        if (!found) throw new Error(`marker ${img.marker} not found`);
        const paragraph = found.getElement().getParent().asParagraph();
        paragraph.clear();
        const blob = utilities.newBlob(utilities.base64Decode(img.pngBase64), 'image/png', `${img.alt || 'chart'}.png`);
        // DocumentApp sizes images in pixels at 96 per inch (1 px = 0.75 pt).
        paragraph
          .appendInlineImage(blob)
          .setWidth(Math.round(img.widthPt / 0.75))
          .setHeight(Math.round(img.heightPt / 0.75))
          .setAltDescription(img.alt);
      }
      doc.saveAndClose();
    } catch (e) {
      throw new Error(message('imageFailed', { name, url, marker: current, error: errorText(e) }));
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
