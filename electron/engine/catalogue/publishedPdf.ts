/**
 * The published PDF of a public document: the archive's searchable PDF (page images + OCR layer,
 * or the original's text pages), rebuilt for the public. The pages are copied into a NEW document,
 * so only objects reachable from the page contents come along: the original's Info dictionary,
 * XMP packet (author, tool paths, edit history), document actions, JavaScript, forms, outlines,
 * embedded files and its trailer ID are simply not there. Page-level annotations and actions are
 * dropped before the copy. Metadata is the catalogue's own, dated from the decision (no clock).
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PublicEntry } from './types';

const PAGE_KEYS = ['Annots', 'AA', 'PieceInfo', 'Metadata', 'Thumb', 'B', 'StructParents'];

/** Only the fields the metadata needs: the requests module provides conditional documents (with
 *  consent) through the same function. */
export type PublishedPdfMeta = Pick<PublicEntry, 'disclosedAt' | 'numberNotation' | 'subject' | 'title' | 'issuer'>;

export async function publishedPdf(source: Uint8Array, entry: PublishedPdfMeta): Promise<Uint8Array> {
  const src = await PDFDocument.load(source, { updateMetadata: false });
  for (const page of src.getPages()) for (const key of PAGE_KEYS) page.node.delete(PDFName.of(key));
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = await out.copyPages(src, src.getPageIndices());
  for (const p of pages) out.addPage(p);
  const date = new Date(entry.disclosedAt);
  out.setTitle([entry.numberNotation, entry.subject].filter(Boolean).join(' — ') || entry.title);
  if (entry.subject) out.setSubject(entry.subject);
  if (entry.issuer) out.setAuthor(entry.issuer);
  out.setLanguage('vi-VN');
  out.setCreator('Minh Bạch');
  out.setProducer('Minh Bạch');
  out.setCreationDate(date);
  out.setModificationDate(date);
  return out.save({ useObjectStreams: true });
}
