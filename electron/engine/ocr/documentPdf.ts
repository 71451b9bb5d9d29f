/**
 * The searchable PDF of an archived document: every OCR'd page is its prepared (upright, deskewed)
 * image with the invisible words laid over it; an image page not OCR'd yet is its original image
 * without text; a PDF page that kept its own text layer is copied from the original unchanged.
 * Title, subject and keywords come from the document's header fields.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { readHeader } from '../archive/documentsRepo';
import { AppError } from '../../../shared/domain/errors';
import { buildSearchablePdf, type SearchablePdfMetadata, type SearchablePdfPage } from './searchablePdf';
import type { OcrWord } from './types';

interface DocRow {
  file_sha256: string;
  file_name: string;
  mime: string;
}

interface PageRow {
  n: number;
  words: string | null;
  image_sha256: string | null;
}

/** A blank stand-in for pages replaced afterwards by the original PDF page. */
function placeholder(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } }).png().toBuffer();
}

export function pdfMetadataOf(db: Db, documentId: number, fileName: string): SearchablePdfMetadata {
  const header = readHeader(db, documentId);
  const titleParts = [header.numberNotation, header.subject].filter((p): p is string => !!p);
  const keywords = [header.docType, header.issuer, header.numberNotation, header.issuedDate, header.place].filter(
    (k): k is string => !!k,
  );
  return {
    title: titleParts.length ? titleParts.join(' — ') : fileName,
    ...(header.subject ? { subject: header.subject } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(header.issuer ? { author: header.issuer } : {}),
  };
}

async function densityOf(bytes: Uint8Array, fallback = 300): Promise<number> {
  const meta = await sharp(bytes).metadata();
  return meta.density && meta.density > 1 ? meta.density : fallback;
}

export async function buildDocumentPdf(db: Db, store: FileStore, documentId: number): Promise<Uint8Array> {
  const doc = db.prepare('SELECT file_sha256, file_name, mime FROM documents WHERE id = ?').get(documentId) as DocRow | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `document ${documentId}`);
  const rows = db.prepare('SELECT n, words, image_sha256 FROM pages WHERE document_id = ? ORDER BY n').all(documentId) as PageRow[];
  const original = await readFile(store.pathFor(doc.file_sha256));
  const isPdf = doc.mime === 'application/pdf';
  const pages: SearchablePdfPage[] = [];
  const copyFromOriginal: number[] = [];
  for (const row of rows) {
    if (row.image_sha256) {
      const image = await readFile(store.pathFor(row.image_sha256));
      const words = row.words ? (JSON.parse(row.words) as OcrWord[]) : [];
      pages.push({ image, dpi: await densityOf(image), words });
    } else if (isPdf) {
      copyFromOriginal.push(row.n - 1);
      pages.push({ image: await placeholder(), dpi: 300, words: [] });
    } else {
      const input = sharp(original, doc.mime === 'image/tiff' ? { page: row.n - 1 } : {});
      const image = await input.rotate().png().toBuffer();
      pages.push({ image, dpi: await densityOf(original), words: [] });
    }
  }
  const metadata = pdfMetadataOf(db, documentId, doc.file_name);
  const built = await buildSearchablePdf(pages, metadata);
  if (copyFromOriginal.length === 0) return built;
  const out = await PDFDocument.load(built, { updateMetadata: false });
  const source = await PDFDocument.load(original, { updateMetadata: false });
  const copied = await out.copyPages(source, copyFromOriginal);
  copyFromOriginal.forEach((index, i) => {
    out.removePage(index);
    out.insertPage(index, copied[i]!);
  });
  return out.save();
}
