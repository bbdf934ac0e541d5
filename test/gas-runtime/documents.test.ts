// One Google Doc, two services: DocumentApp and the Docs advanced service act on the same
// document model (document-model.ts), as in Google. Expected indices and styles are worked out by
// hand from the Docs API's rules (a new Doc is a section break and one empty paragraph; an R×C
// table takes 2 + R·(2C+1) indices plus its cells' text).

import { describe, expect, it } from 'vitest';
import { createRuntime } from './runtime.ts';
import { docParagraphs, docsServiceFor, docsServices, docTables, docText } from './docs-service.ts';

type Json = Record<string, unknown>;

function setup() {
  const rt = createRuntime({ now: '2024-07-05', services: docsServices() });
  const { Docs } = docsServiceFor(rt);
  return { rt, Docs: Docs.Documents, DocumentApp: rt.services.DocumentApp };
}

const msgOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

/** A PNG header of 800 × 400 pixels (signature, then the IHDR chunk's length, type, size). */
const PNG_800x400 = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x03, 0x20, 0, 0, 0x01, 0x90, 8, 3, 0, 0, 0];

describe('one document for DocumentApp and the Docs advanced service', () => {
  it('a Doc made with Docs.Documents.create opens in DocumentApp with the text the batch wrote', () => {
    const { Docs, DocumentApp } = setup();
    const id = Docs.create({ title: 'Báo cáo quý II' }).documentId as string;
    Docs.batchUpdate({ requests: [{ insertText: { text: 'Mở đầu\n[[CHART]]\nKết luận', location: { index: 1 } } }] }, id);
    const doc = DocumentApp.openById(id);
    expect(doc.getName()).toBe('Báo cáo quý II');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('Mở đầu\n[[CHART]]\nKết luận');
    const found = body.findText('\\[\\[CHART\\]\\]');
    expect([found?.getStartOffset(), found?.getEndOffsetInclusive(), found?.isPartial()]).toEqual([0, 8, false]);
    expect(found?.getElement().getParent().asParagraph().getText()).toBe('[[CHART]]');
  });

  it('what DocumentApp writes reaches Docs.Documents.get once saved, in the Docs API’s own terms', () => {
    const { Docs, DocumentApp } = setup();
    const id = Docs.create({ title: 't' }).documentId as string;
    const doc = DocumentApp.openById(id);
    const p = doc.getBody().appendParagraph('BÁO CÁO');
    p.setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER).setSpacingAfter(6);
    p.editAsText().setBold(0, 2, true).setFontSize(4, 6, 14);
    // Not saved yet: the Docs API still reads the empty Doc.
    expect(docText(Docs.get(id))).toEqual([]);
    doc.saveAndClose();
    const json = Docs.get(id);
    // [1,2) the first empty paragraph, then "BÁO CÁO\n" at [2, 10).
    const content = (json.body as Json).content as Json[];
    expect(content.map((c) => [c.startIndex, c.endIndex])).toEqual([[undefined, 1], [1, 2], [2, 10]]);
    const para = docParagraphs(json)[1]!;
    expect(para.style).toEqual({ namedStyleType: 'HEADING_1', direction: 'LEFT_TO_RIGHT', alignment: 'CENTER', spaceBelow: { magnitude: 6, unit: 'PT' } });
    expect(para.runs).toEqual([
      { text: 'BÁO', style: { bold: true } },
      { text: ' ', style: {} },
      { text: 'CÁO', style: { fontSize: { magnitude: 14, unit: 'PT' } } },
      { text: '\n', style: {} },
    ]);
  });

  it('a Doc made with DocumentApp.create is read and updated through the Docs API, and DocumentApp sees the update', () => {
    const { rt, Docs, DocumentApp } = setup();
    const made = DocumentApp.create('Kế hoạch');
    made.getBody().appendParagraph('Mục tiêu');
    made.saveAndClose();
    expect(docText(Docs.get(made.getId()))).toEqual(['Mục tiêu']);
    // "Mục tiêu\n" is [2, 11): insert before its newline, at 10.
    Docs.batchUpdate({ requests: [{ insertText: { text: ' năm 2024', location: { index: 10 } } }] }, made.getId());
    expect(DocumentApp.openById(made.getId()).getBody().getChild(1).getText()).toBe('Mục tiêu năm 2024');
    expect(rt.drive.files.get(made.getId())?.mimeType).toBe('application/vnd.google-apps.document');
  });

  it('a table appended by DocumentApp sits at the indices the Docs API gives it, followed by a paragraph', () => {
    const { Docs, DocumentApp } = setup();
    const doc = DocumentApp.create('Bảng');
    const table = doc.getBody().appendTable([['a', 'b'], ['c', 'dd']]);
    table.getCell(1, 1).setBackgroundColor('#ff0000');
    expect(table.getCell(1, 1).getText()).toBe('dd');
    doc.saveAndClose();
    const json = Docs.get(doc.getId());
    const [t] = docTables(json);
    // Table at 2; 2×2 empty = 12 indices, plus 5 characters of text: [2, 19); then "\n" at [19, 20).
    expect([t?.startIndex, t?.endIndex]).toEqual([2, 19]);
    const content = (json.body as Json).content as Json[];
    expect([content[3]?.startIndex, content[3]?.endIndex]).toEqual([19, 20]);
    const c11 = ((t?.tableRows as Json[])[1]?.tableCells as Json[])[1] as Json;
    expect(c11.tableCellStyle).toEqual({ backgroundColor: { color: { rgbColor: { red: 1 } } } });
    expect(docText(json)).toEqual(['a', 'b', 'c', 'dd']);
  });

  it('a PNG placed by DocumentApp takes its pixel size, then the size set, in points in the Docs JSON', () => {
    const { Docs, rt } = setup();
    const id = Docs.create({ title: 'Biểu đồ' }).documentId as string;
    const doc = rt.services.DocumentApp.openById(id);
    const blob = rt.services.Utilities.newBlob(PNG_800x400, 'image/png', 'c.png');
    const img = doc.getBody().getChild(0).asParagraph().appendInlineImage(blob);
    expect([img.getWidth(), img.getHeight()]).toEqual([800, 400]);
    img.setWidth(567).setHeight(284).setAltDescription('Biểu đồ nhiệm vụ');
    doc.saveAndClose();
    const json = Docs.get(id);
    const images = docParagraphs(json)[0]!.images;
    expect(images).toHaveLength(1);
    const embedded = (((json.inlineObjects as Json)[images[0]!] as Json).inlineObjectProperties as Json).embeddedObject as Json;
    // 567 px × 0.75 = 425.25 pt; 284 px = 213 pt.
    expect(embedded.size).toEqual({ width: { magnitude: 425.25, unit: 'PT' }, height: { magnitude: 213, unit: 'PT' } });
    expect(embedded.description).toBe('Biểu đồ nhiệm vụ');
    expect(rt.services.DocumentApp.openById(id).getBody().getImages()[0]?.getBlob().getBytes().slice(16, 24)).toEqual([0, 0, 3, 32, 0, 0, 1, -112]);
  });

  it('the end of an execution saves the Documents left open, as Apps Script does', () => {
    const { rt, Docs, DocumentApp } = setup();
    const id = Docs.create({ title: 'x' }).documentId as string;
    const execution = rt.beginExecution();
    DocumentApp.openById(id).getBody().appendParagraph('chưa lưu');
    expect(docText(Docs.get(id))).toEqual([]);
    rt.endExecution(execution);
    expect(docText(Docs.get(id))).toEqual(['chưa lưu']);
  });

  it('a Docs API batch while a DocumentApp Document is open is not merged: the fake says so', () => {
    const { Docs, DocumentApp } = setup();
    const id = Docs.create({ title: 'x' }).documentId as string;
    const doc = DocumentApp.openById(id);
    doc.getBody().appendParagraph('một');
    Docs.batchUpdate({ requests: [{ insertText: { text: 'hai', location: { index: 1 } } }] }, id);
    expect(() => doc.saveAndClose()).toThrow(/docs fake: .*not simulated/);
    expect(docText(Docs.get(id))).toEqual(['hai']);
  });

  it('counts each call once, by its own service; only DocumentApp.create spends the documents-created quota', () => {
    const rt = createRuntime({ now: '2024-07-05', services: docsServices(), quotas: { docsCreatedPerDay: 1 } });
    const Docs = docsServiceFor(rt).Docs.Documents;
    const app = rt.services.DocumentApp;
    rt.calls.reset();
    const id = Docs.create({ title: 'a' }).documentId as string;
    Docs.create({ title: 'b' });
    const doc = app.openById(id);
    doc.getBody().appendParagraph('x').setHeading(app.ParagraphHeading.HEADING2);
    doc.saveAndClose();
    Docs.get(id);
    expect(rt.calls.snapshot().byName).toEqual({
      'Body.appendParagraph': 1,
      'Docs.Documents.create': 2,
      'Docs.Documents.get': 1,
      'Document.getBody': 1,
      'Document.saveAndClose': 1,
      'DocumentApp.openById': 1,
      'Paragraph.setHeading': 1,
    });
    expect(app.create('c').getName()).toBe('c');
    expect(msgOf(() => app.create('d'))).toBe('Service invoked too many times for one day: docs create.');
    expect(rt.documents.createdOn()).toBe(1);
  });

  it('keeps Google’s messages: unknown ids, a child past the end, the last paragraph, a closed Document', () => {
    const { Docs, DocumentApp } = setup();
    expect(msgOf(() => DocumentApp.openById('khong-co'))).toBe("Document khong-co is missing (perhaps it was deleted, or you don't have read access?)");
    expect(msgOf(() => Docs.get('khong-co'))).toBe('API call to docs.documents.get failed with error: Requested entity was not found.');
    const doc = DocumentApp.create('x');
    const body = doc.getBody();
    expect(msgOf(() => body.getChild(1))).toBe('Child index (1) must be less than the number of child elements (1).');
    expect(msgOf(() => body.getChild(0).removeFromParent())).toBe("Can't remove the last paragraph in a document section.");
    doc.saveAndClose();
    expect(msgOf(() => body.appendParagraph('y'))).toBe('Document is closed, its contents cannot be updated.');
    expect(body.getText()).toBe('');
  });
});
