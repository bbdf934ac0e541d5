// The Google side of the reports: a document model (src/core/report/doc-model.ts) becomes a
// Google Doc in the fewest round trips the Docs API allows:
//   1. Docs.Documents.create({ title })                       one call
//   2. Docs.Documents.batchUpdate({ requests }, id)            one call per batch, in order: one
//      for a usual report, a few for a very long one (docs-requests.ts DOCS_BATCH_LIMITS)
//   3. only when the report has images (the quarterly chart): DocumentApp.openById(id), put each
//      PNG at its marker paragraph, saveAndClose: a constant ~10 calls, not one per row.
// The requests come from the pure buildDocsPlan (docs-requests.ts).
//
// What a real account can answer, and what the user is told (the `app` area of the catalogue):
// - the advanced service not in the manifest: `Docs` is undefined (docsDisabled);
// - the Docs API disabled in a standard Cloud project: "… has not been used in project N before
//   or it is disabled …" (docsApiDisabled: enable it in the Cloud console). A default project
//   enables it with the advanced service; a standard one must enable it by hand
//   (developers.google.com/apps-script/guides/services/advanced, "Step 2");
// - HTTP 429, 60 writes a minute per user (developers.google.com/docs/api/limits): retried with
//   truncated exponential backoff as that page asks (1, 2, 4, 8, 16, 32 s plus up to 1 s at
//   random, Utilities.sleep), then docsRateLimited;
// - the daily quota of documents ("Service invoked too many times for one day: docs create."):
//   docsDailyQuota, nothing retried;
// - a document past Google Docs' 1.02 million characters: refused before anything is created
//   (docsTooLarge); the report builders cap their long lists well below it.
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
//   published. The chart is drawn by the Charts service from the core's description
//   (chart-image.ts) and inserted with DocumentApp from its Blob, at a marker paragraph; no
//   Sheets chart is made in the user's spreadsheet (that would be extra writes in their sheet).
// - PDF: `pdfExportUrl(id)` is Google's export link: the user's own browser downloads it, no
//   scope and no call. `exportPdf(id)` returns the PDF bytes (base64) through DocumentApp
//   (`documents` scope) for the sidebar to offer as a download. Saving a PDF FILE into Drive
//   would need the Drive advanced service with `drive.file` (Drive.Files.create with the blob);
//   DriveApp.createFile would need the restricted `drive` scope: not used.
// Scopes used here: `documents` (Docs API and DocumentApp). The manifest must enable the Docs
// advanced service (`{ userSymbol: 'Docs', version: 'v1', serviceId: 'docs' }`).

import type { CreatedDocument, DocModel, DocumentPort } from '../core/report/doc-model.ts';
import { chartBlob, type ChartTextStyles } from './chart-image.ts';
import { buildDocsPlan, DOCS_MAX_CHARACTERS, type DocsRequest, type ImagePlacement } from './docs-requests.ts';
import { ApiFailure } from '../core/api.ts';
import { t } from '../core/i18n.ts';
import { formatNumber } from '../core/numbers.ts';

// ------------------------------------------------------------------ the services used (structural)

interface DocsService {
  Documents: {
    create(resource: { title: string }): { documentId?: string | undefined };
    batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): unknown;
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
  sleep(milliseconds: number): void;
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
  /** Default: the global `Charts` (the reports' charts, chart-image.ts). */
  charts?: GoogleAppsScript.Charts.Charts | undefined;
  /** Jitter of the backoff, in [0, 1) (default Math.random). */
  random?: () => number;
}

/** Waits before each retry of a 429, ms (then up to 1 s at random is added). */
export const DOCS_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000] as const;

// ------------------------------------------------------------------ messages (vi first, en second)

type MessageKey = 'docsDisabled' | 'docsApiDisabled' | 'docsRateLimited' | 'docsDailyQuota' | 'docsTooLarge' | 'noDocumentId' | 'fillFailed' | 'imageFailed';

/** Both languages: the renderer does not know the user's (the message reaches the log and the user). */
function message(key: MessageKey, params: Record<string, string> = {}): string {
  return `${t('vi', `app.${key}`, params)} / ${t('en', `app.${key}`, params)}`;
}

/** A failure the user can act on: the sidebar shows its message (not the generic one). */
const failure = (key: MessageKey, params: Record<string, string> = {}): ApiFailure => new ApiFailure('DOCS', message(key, params));

/** What a failed Docs call means, from Google's words. */
type Cause = 'disabled' | 'rateLimited' | 'dailyQuota' | 'other';
function causeOf(e: unknown): Cause {
  const m = errorText(e);
  if (/has not been used in project|before or it is disabled|SERVICE_DISABLED|accessNotConfigured/i.test(m)) return 'disabled';
  if (/too many times for one day/i.test(m)) return 'dailyQuota';
  if (/Quota exceeded for quota metric|RATE_LIMIT_EXCEEDED|Rate Limit Exceeded|Too many requests|\b429\b/i.test(m)) return 'rateLimited';
  return 'other';
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
    if (!docs?.Documents) throw failure('docsDisabled');
    const name = options.name.trim() || model.meta.name;
    const plan = buildDocsPlan(model);
    // Refused before anything exists: Google would stop the batch half way.
    if (plan.endIndex > DOCS_MAX_CHARACTERS) {
      throw failure('docsTooLarge', { name, size: formatNumber(plan.endIndex), limit: formatNumber(DOCS_MAX_CHARACTERS) });
    }

    const created = this.call(() => docs.Documents.create({ title: name }), { name, url: '' });
    const id = created.documentId;
    if (!id) throw failure('noDocumentId');
    const url = docUrl(id);
    plan.batches.forEach((requests) => {
      this.call(() => docs.Documents.batchUpdate({ requests }, id), { name, url });
    });
    if (plan.images.length > 0) this.placeImages(id, plan.images, name, url);
    return { id, url, name, pdfUrl: `https://docs.google.com/document/d/${encodeURIComponent(id)}/export?format=pdf` };
  }

  /**
   * One Docs API call: a 429 is retried after DOCS_BACKOFF_MS (plus jitter), the causes a user can
   * act on become their message, anything else fails the fill (`url` set) or passes through.
   */
  private call<T>(fn: () => T, doc: { name: string; url: string }): T {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return fn();
      } catch (e) {
        const cause = causeOf(e);
        if (cause === 'rateLimited' && attempt < DOCS_BACKOFF_MS.length) {
          const wait = (DOCS_BACKOFF_MS[attempt] ?? 0) + Math.floor((this.deps.random ?? Math.random)() * 1000);
          this.utilities().sleep(wait);
          continue;
        }
        if (cause === 'disabled') throw failure('docsApiDisabled', { error: errorText(e) });
        if (cause === 'dailyQuota') throw failure('docsDailyQuota');
        if (cause === 'rateLimited') throw failure('docsRateLimited', { tries: String(attempt + 1), url: doc.url || '—' });
        if (doc.url) throw failure('fillFailed', { name: doc.name, url: doc.url, error: errorText(e) });
        throw e;
      }
    }
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
      const styles: ChartTextStyles = new Map();
      for (const img of images) {
        current = img.marker;
        const found = body.findText(escapeRegExp(img.marker));
        if (!found) throw new Error(`marker ${img.marker} not found`);
        const paragraph = found.getElement().getParent().asParagraph();
        paragraph.clear();
        const blob =
          img.picture.kind === 'chart'
            ? chartBlob(img.picture.chart, this.deps.charts ?? Charts, styles)
            : utilities.newBlob(utilities.base64Decode(img.picture.base64), 'image/png', `${img.alt || 'image'}.png`);
        // DocumentApp sizes images in pixels at 96 per inch (1 px = 0.75 pt).
        paragraph
          .appendInlineImage(blob)
          .setWidth(Math.round(img.widthPt / 0.75))
          .setHeight(Math.round(img.heightPt / 0.75))
          .setAltDescription(img.alt);
      }
      doc.saveAndClose();
    } catch (e) {
      throw failure('imageFailed', { name, url, marker: current, error: errorText(e) });
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
