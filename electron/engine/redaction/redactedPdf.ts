/**
 * The redacted PDF of a document: for every page, the page image (the OCR's prepared image, the
 * PDF page rendered in colour at 300 dpi, or the original image) with the accepted regions painted
 * opaque and labelled with their ground; that painted image OCR'd afresh; a NEW PDF made only of
 * the OCR'd images and an invisible text layer of their OCR words (ocr/searchablePdf.ts). Nothing
 * of the original file is copied — no text layer, font, annotation, attachment, metadata, XMP,
 * layer or thumbnail — and the text layer is read from the painted pixels, so it cannot hold what
 * the boxes cover. Before the file is kept, no redacted string may be readable in that text
 * (leakCheck.ts).
 *
 * Kept content-addressed in the file store, with a `files` row (verified, backed up) and a
 * `redacted_files` row keyed by the regions key: the same regions on the same page images never
 * cost a second OCR.
 */
import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import type { PdfService } from '../pdf/index';
import { buildSearchablePdf, type OcrEngine, type SearchablePdfPage } from '../ocr/index';
import { checkedStrings, readableRedactions } from './leakCheck';
import { paintRegions, type PaintedBox } from './paint';
import { redactionState, type Region } from './regions';

/** Text-layer PDF pages are rendered at this resolution before painting (≥ 200 dpi). */
export const REDACTION_RENDER_DPI = 300;

export interface RedactionBuildDeps {
  db: Db;
  store: FileStore;
  pdf: () => PdfService;
  useOcr: <T>(fn: (ocr: OcrEngine) => Promise<T>) => Promise<T>;
  ocrWorkers: () => number;
  actor: string;
}

export interface RedactedFile {
  documentId: number;
  key: string;
  sha256: string;
  /** What a reader of the file sees on each page (the OCR of the painted pages). */
  pageTexts: string[];
  /** False when the file was already built for these regions. */
  built: boolean;
  seconds: number;
}

interface Row {
  sha256: string;
  page_texts: string;
}

function cached(db: Db, documentId: number, key: string): Row | undefined {
  return db
    .prepare('SELECT sha256, page_texts FROM redacted_files WHERE document_id = ? AND regions_key = ?')
    .get(documentId, key) as Row | undefined;
}

/** The redacted file already built for the document's current regions, if any (no OCR). */
export function builtRedactedFile(
  db: Db,
  store: FileStore,
  documentId: number,
): { key: string; sha256: string; path: string; pageTexts: string[] } | null {
  const { key } = redactionState(db, documentId);
  const row = cached(db, documentId, key);
  if (!row) return null;
  return {
    key,
    sha256: row.sha256,
    path: store.pathFor(row.sha256),
    pageTexts: JSON.parse(row.page_texts) as string[],
  };
}

/** The built file without pdf-lib's empty /Annots arrays: pages hold their drawing and nothing else. */
async function onlyPages(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  return doc.save({ useObjectStreams: false });
}

/** The image a page's regions were placed on (what the viewer shows for it). */
async function pageImage(
  deps: RedactionBuildDeps,
  doc: { mime: string; file_sha256: string },
  original: () => Promise<Buffer>,
  page: { n: number; image_sha256: string | null },
): Promise<Uint8Array> {
  if (page.image_sha256) return readFile(deps.store.pathFor(page.image_sha256));
  if (doc.mime === 'application/pdf')
    return (await deps.pdf().rasteriseColour(await original(), page.n, REDACTION_RENDER_DPI)).png;
  if (doc.mime.startsWith('image/'))
    return sharp(await original(), doc.mime === 'image/tiff' ? { page: page.n - 1 } : {})
      .png()
      .toBuffer();
  throw new AppError('INVALID_INPUT', `document type ${doc.mime} cannot be redacted`);
}

/** Builds (or finds) the redacted file of the document's accepted regions. */
export async function buildRedactedFile(deps: RedactionBuildDeps, documentId: number): Promise<RedactedFile> {
  const started = performance.now();
  const { db, store } = deps;
  const doc = db.prepare('SELECT mime, file_sha256 FROM documents WHERE id = ?').get(documentId) as
    { mime: string; file_sha256: string } | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `document ${documentId}`);
  const state = redactionState(db, documentId);
  if (state.proposed > 0)
    throw new AppError('REDACTION_UNDECIDED', `document ${documentId}`, {
      detailVi: `Còn ${state.proposed} vùng che chưa quyết định.`,
    });
  if (state.accepted.length === 0) throw new AppError('REDACTION_EMPTY', `document ${documentId}`);
  const hit = cached(db, documentId, state.key);
  if (hit && hit.sha256 !== doc.file_sha256 && (await store.has(hit.sha256))) {
    return {
      documentId,
      key: state.key,
      sha256: hit.sha256,
      pageTexts: JSON.parse(hit.page_texts) as string[],
      built: false,
      seconds: (performance.now() - started) / 1000,
    };
  }

  const pages = db
    .prepare('SELECT n, image_sha256 FROM pages WHERE document_id = ? ORDER BY n')
    .all(documentId) as { n: number; image_sha256: string | null }[];
  let originalBytes: Promise<Buffer> | null = null;
  const original = () => (originalBytes ??= readFile(store.pathFor(doc.file_sha256)));
  const byPage = new Map<number, Region[]>();
  for (const r of state.accepted) byPage.set(r.page, [...(byPage.get(r.page) ?? []), r]);
  // One page more than there are OCR workers: it is rendered and painted while the others are read.
  const limit = pLimit(deps.ocrWorkers() + 1);
  const results = await Promise.all(
    pages.map((p) =>
      limit(async () => {
        const boxes: PaintedBox[] = (byPage.get(p.n) ?? []).flatMap((r) =>
          r.boxes.map((box) => ({ box, label: r.label })),
        );
        const painted = await paintRegions(await pageImage(deps, doc, original, p), boxes);
        const read = await deps.useOcr((ocr) => ocr.recognisePage(painted.png));
        const page: SearchablePdfPage = { image: read.preparedImage, dpi: read.dpi, words: read.words };
        return {
          page,
          text: read.text,
          read: { text: read.text, words: read.words, width: read.width, height: read.height },
        };
      }),
    ),
  );
  const pageTexts = results.map((r) => r.text);
  const originalPages = (
    db.prepare('SELECT text FROM pages WHERE document_id = ? ORDER BY n').all(documentId) as {
      text: string | null;
    }[]
  ).map((p) => p.text ?? '');
  const leaks = readableRedactions(
    results.map((r) => r.read),
    checkedStrings(state.accepted),
    { originalPages, boxes: (n) => (byPage.get(n) ?? []).flatMap((r) => r.boxes) },
  );
  if (leaks.length > 0) {
    const list = leaks
      .slice(0, 3)
      .map((l) => `«${l.text}» (trang ${l.page})`)
      .join(', ');
    throw new AppError(
      'REDACTION_LEAK',
      `document ${documentId}: ${leaks.length} redacted string(s) readable`,
      { detailVi: `Còn đọc được: ${list}${leaks.length > 3 ? ` và ${leaks.length - 3} chỗ khác` : ''}.` },
    );
  }
  // No title, subject or keywords: the file's metadata must not carry what the pages withhold.
  const pdf = await onlyPages(
    await buildSearchablePdf(
      results.map((r) => r.page),
      {},
    ),
  );
  const sha256 = await store.put(pdf);
  db.transaction(() => {
    const at = nowIso();
    db.prepare('INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)').run(
      sha256,
      pdf.byteLength,
      'application/pdf',
      at,
    );
    db.prepare(
      `INSERT INTO redacted_files (document_id, regions_key, sha256, page_texts, built_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, regions_key) DO UPDATE SET sha256 = excluded.sha256, page_texts = excluded.page_texts, built_at = excluded.built_at`,
    ).run(documentId, state.key, sha256, JSON.stringify(pageTexts), at);
    appendAudit(db, {
      actor: deps.actor,
      action: 'redaction.built',
      documentId,
      payload: { key: state.key, sha256, pages: pages.length, regions: state.accepted.length },
    });
  }).immediate();
  return {
    documentId,
    key: state.key,
    sha256,
    pageTexts,
    built: true,
    seconds: (performance.now() - started) / 1000,
  };
}
