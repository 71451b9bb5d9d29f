/**
 * The published PDF of a public document: only what a reader sees on each page.
 *
 * Each page is REBUILT in a new document from what draws it — its content streams and the
 * resources they name (fonts, images, forms, graphics states, colour spaces, patterns,
 * shadings) — plus the appearance of every visible annotation flattened into the page (a seal or
 * signature image stays visible; the annotation, its actions and its form field do not come
 * along). Nothing else is reachable, so the original's catalogue (JavaScript, open actions,
 * names, attachments, forms, outlines, XMP) and every unreferenced object (a Launch action, the
 * bytes of an embedded file) stay behind. Keys that could still carry something hidden are cut
 * from every copied dictionary (XMP packets, associated files, private data, references to
 * external files).
 *
 * A PDF with optional content (layers) or encryption (an owner password; pdf-lib cannot decrypt)
 * is instead RASTERISED at default visibility by pdf.js — hidden layers are not drawn — with a
 * new OCR text layer (`rasterise`). Every result is checked before it is published
 * (`assertClean`): a forbidden key anywhere fails the document rather than publish it.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import type { PublicEntry } from './types';

/** Renders every page of a PDF at its default visibility and adds an OCR text layer; returns the
 *  new PDF and the OCR text of each page (what a reader sees). */
export type RasterisePdf = (pdf: Uint8Array) => Promise<{ pdf: Uint8Array; text: string[] }>;

export interface PublishedPdf {
  bytes: Uint8Array;
  /** The text a reader sees on each page, when it differs from the archive's text layer (a
   *  rasterised PDF: hidden layers are not in it); null when the archive's text is right. */
  visibleText: string[] | null;
}

/** Resource kinds that draw; anything else in a page's resources is not copied. */
const DRAWING_RESOURCES = ['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'ProcSet'];

/** Cut from every copied dictionary: metadata, hidden payloads, actions, external references. */
const CUT_KEYS = ['Metadata', 'PieceInfo', 'AF', 'OPI', 'Alternates', 'StructParent', 'StructParents', 'AA', 'A', 'JS', 'JavaScript', 'URI', 'Launch', 'EF', 'EmbeddedFiles', 'RichMedia', 'Thumb', 'LastModified', 'Ref', 'OC'];

/** Never allowed anywhere in a published PDF. */
const FORBIDDEN_KEYS = new Set(['JavaScript', 'JS', 'AA', 'OpenAction', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'AcroForm', 'XFA', 'Metadata', 'OCProperties', 'OC', 'Annots', 'Names', 'URI', 'RichMedia', 'AF', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'Ref', 'PieceInfo', 'Alternates', 'OPI', 'Collection', 'Outlines']);
const FORBIDDEN_TYPES = new Set(['EmbeddedFile', 'Filespec', 'Action', 'Annot', 'OCG', 'OCMD', 'Metadata']);

export class UncleanPdfError extends Error {}

/** pdf-lib's EncryptedPDFError (compiled to ES5, so `instanceof` does not work on it). */
export function isEncryptedPdfError(e: unknown): boolean {
  return /is encrypted/i.test((e as Error | undefined)?.message ?? '');
}

function lookup(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
}

/** Removes CUT_KEYS from every dictionary reachable from `root` in the source document. */
function sanitise(doc: PDFDocument, root: PDFObject | undefined, seen: Set<PDFObject> = new Set()): void {
  const obj = lookup(doc, root);
  if (!obj || seen.has(obj)) return;
  seen.add(obj);
  const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
  if (dict) {
    for (const key of CUT_KEYS) dict.delete(PDFName.of(key));
    for (const [, value] of dict.entries()) sanitise(doc, value, seen);
  } else if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i += 1) sanitise(doc, obj.get(i), seen);
  }
}

/** Whether any page, resource or annotation uses optional content, or the catalogue has layers. */
function usesOptionalContent(doc: PDFDocument): boolean {
  if (doc.catalog.has(PDFName.of('OCProperties'))) return true;
  const seen = new Set<PDFObject>();
  const visit = (root: PDFObject | undefined): boolean => {
    const obj = lookup(doc, root);
    if (!obj || seen.has(obj)) return false;
    seen.add(obj);
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (dict) {
      if (dict.has(PDFName.of('OC'))) return true;
      const type = dict.get(PDFName.of('Type'));
      if (type instanceof PDFName && (type.asString() === '/OCG' || type.asString() === '/OCMD')) return true;
      for (const [key, value] of dict.entries()) if (key.asString() !== '/Parent' && visit(value)) return true;
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i += 1) if (visit(obj.get(i))) return true;
    }
    return false;
  };
  return doc.getPages().some((p) => visit(p.node.Resources()) || visit(p.node.get(PDFName.of('Annots'))));
}

function numbers(arr: PDFObject | undefined, doc: PDFDocument): number[] | null {
  const a = lookup(doc, arr);
  if (!(a instanceof PDFArray)) return null;
  const out: number[] = [];
  for (let i = 0; i < a.size(); i += 1) {
    const n = lookup(doc, a.get(i));
    if (!(n instanceof PDFNumber)) return null;
    out.push(n.asNumber());
  }
  return out;
}

/** The normal appearance stream of a visible annotation, with its placement on the page. */
function visibleAppearance(doc: PDFDocument, annotObj: PDFObject | undefined): { form: PDFStream; matrix: number[] } | null {
  const annot = lookup(doc, annotObj);
  if (!(annot instanceof PDFDict)) return null;
  const subtype = annot.get(PDFName.of('Subtype'));
  if (subtype instanceof PDFName && subtype.asString() === '/Popup') return null;
  const flags = lookup(doc, annot.get(PDFName.of('F')));
  const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
  if (f & (1 | 2 | 32)) return null; // Invisible, Hidden, NoView
  const ap = lookup(doc, annot.get(PDFName.of('AP')));
  if (!(ap instanceof PDFDict)) return null;
  let normal = lookup(doc, ap.get(PDFName.of('N')));
  if (normal instanceof PDFDict && !(normal instanceof PDFStream)) {
    const state = annot.get(PDFName.of('AS'));
    normal = state instanceof PDFName ? lookup(doc, normal.get(state)) : undefined;
  }
  if (!(normal instanceof PDFStream)) return null;
  const rect = numbers(annot.get(PDFName.of('Rect')), doc);
  const bbox = numbers(normal.dict.get(PDFName.of('BBox')), doc);
  if (!rect || rect.length !== 4 || !bbox || bbox.length !== 4) return null;
  const m = numbers(normal.dict.get(PDFName.of('Matrix')), doc) ?? [1, 0, 0, 1, 0, 0];
  // PDF 32000 12.5.5: transform the BBox by Matrix, then map that box onto Rect.
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [m[0]! * x! + m[2]! * y! + m[4]!, m[1]! * x! + m[3]! * y! + m[5]!]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  const [bx1, bx2, by1, by2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [rx1, rx2, ry1, ry2] = [Math.min(rect[0]!, rect[2]!), Math.max(rect[0]!, rect[2]!), Math.min(rect[1]!, rect[3]!), Math.max(rect[1]!, rect[3]!)];
  if (bx2 - bx1 <= 0 || by2 - by1 <= 0) return null;
  const sx = (rx2 - rx1) / (bx2 - bx1);
  const sy = (ry2 - ry1) / (by2 - by1);
  return { form: normal, matrix: [sx, 0, 0, sy, rx1 - sx * bx1, ry1 - sy * by1] };
}

/** Page by page: contents + drawing resources + flattened visible annotations, nothing else. */
async function rebuild(src: PDFDocument): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const copier = PDFObjectCopier.for(src.context, out.context);
  for (const page of src.getPages()) {
    const node = page.node;
    const resources = node.Resources();
    const drawing = src.context.obj({});
    if (resources) {
      for (const key of DRAWING_RESOURCES) {
        const value = resources.get(PDFName.of(key));
        if (value !== undefined) drawing.set(PDFName.of(key), value);
      }
    }
    const annotations = (() => {
      const list = lookup(src, node.get(PDFName.of('Annots')));
      if (!(list instanceof PDFArray)) return [];
      const found = [];
      for (let i = 0; i < list.size(); i += 1) {
        const a = visibleAppearance(src, list.get(i));
        if (a) found.push(a);
      }
      return found;
    })();
    let xobjects = lookup(src, drawing.get(PDFName.of('XObject')));
    if (annotations.length > 0) {
      const copy = src.context.obj({});
      if (xobjects instanceof PDFDict) for (const [k, v] of xobjects.entries()) copy.set(k, v);
      annotations.forEach((a, i) => copy.set(PDFName.of(`MBAnnot${i}`), src.context.register(a.form)));
      drawing.set(PDFName.of('XObject'), copy);
      xobjects = copy;
    }
    sanitise(src, drawing);
    const contents: PDFObject[] = [];
    const rawContents = lookup(src, node.get(PDFName.of('Contents')));
    if (rawContents instanceof PDFArray) for (let i = 0; i < rawContents.size(); i += 1) contents.push(rawContents.get(i));
    else if (rawContents) contents.push(node.get(PDFName.of('Contents'))!);
    for (const c of contents) sanitise(src, c);

    const newPage = out.addPage();
    const n = newPage.node;
    n.set(PDFName.of('MediaBox'), copier.copy(node.MediaBox()));
    const crop = node.CropBox();
    if (crop) n.set(PDFName.of('CropBox'), copier.copy(crop));
    const rotate = node.Rotate();
    if (rotate) n.set(PDFName.of('Rotate'), copier.copy(rotate));
    n.set(PDFName.of('Resources'), copier.copy(drawing));
    // The original content in its own graphics state, then each annotation's appearance.
    const streams: PDFRef[] = [out.context.register(out.context.stream('q\n'))];
    for (const c of contents) streams.push(copier.copy(c instanceof PDFRef ? c : src.context.register(c)) as PDFRef);
    const tail = annotations.map((a, i) => `q ${a.matrix.map((v) => +v.toFixed(6)).join(' ')} cm /MBAnnot${i} Do Q`).join('\n');
    streams.push(out.context.register(out.context.stream(`\nQ\n${tail}\n`)));
    n.set(PDFName.of('Contents'), out.context.obj(streams));
  }
  return out;
}

/** Throws UncleanPdfError if anything that is not page drawing made it into the PDF. */
export async function assertClean(bytes: Uint8Array): Promise<void> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.trailerInfo.Info;
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (info && ref === info) continue;
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (!dict) continue;
    for (const [key] of dict.entries()) {
      const name = key.asString().slice(1);
      if (FORBIDDEN_KEYS.has(name)) throw new UncleanPdfError(`key /${name} in object ${ref.toString()}`);
    }
    const type = dict.get(PDFName.of('Type'));
    if (type instanceof PDFName && FORBIDDEN_TYPES.has(type.asString().slice(1))) throw new UncleanPdfError(`object of type ${type.asString()}`);
    if (obj instanceof PDFRawStream && dict.get(PDFName.of('Subtype'))?.toString() === '/XML') throw new UncleanPdfError('XML stream');
  }
}

/** Only the fields the metadata needs: the requests module provides conditional documents (with
 *  consent) through the same function. */
export type PublishedPdfMeta = Pick<PublicEntry, 'disclosedAt' | 'numberNotation' | 'subject' | 'title' | 'issuer'>;

/** The clean published PDF of a public entry (metadata from the catalogue entry only). */
export async function publishedPdf(source: Uint8Array, entry: PublishedPdfMeta, rasterise: RasterisePdf): Promise<PublishedPdf> {
  let src: PDFDocument | null = null;
  let visibleText: string[] | null = null;
  try {
    src = await PDFDocument.load(source, { updateMetadata: false });
  } catch (e) {
    if (!isEncryptedPdfError(e)) throw e;
  }
  if (!src || usesOptionalContent(src)) {
    // Encrypted (owner password) or layered: what pdf.js draws at default visibility, OCR'd.
    const raster = await rasterise(source);
    src = await PDFDocument.load(raster.pdf, { updateMetadata: false });
    visibleText = raster.text;
  }
  const out = await rebuild(src);
  const date = new Date(entry.disclosedAt);
  out.setTitle([entry.numberNotation, entry.subject].filter(Boolean).join(' — ') || entry.title);
  if (entry.subject) out.setSubject(entry.subject);
  if (entry.issuer) out.setAuthor(entry.issuer);
  out.setLanguage('vi-VN');
  out.setCreator('Minh Bạch');
  out.setProducer('Minh Bạch');
  out.setCreationDate(date);
  out.setModificationDate(date);
  const bytes = await out.save({ useObjectStreams: true });
  await assertClean(bytes);
  return { bytes, visibleText };
}
