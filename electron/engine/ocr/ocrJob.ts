/**
 * OCR as a kind of job (jobs/jobKind.ts): one item per page (`<documentId>:<page>`). Each
 * finished page is recorded in ONE transaction with its job item — text, words, confidence,
 * orientation, skew, prepared image, search index, document status, audit event and, when it was
 * the document's last page without text, the pipeline's next step — so after a crash a page is
 * either wholly recorded (and never redone) or not at all (and done on resume).
 *
 *   const jobId = queueOcr(db, jobs, [12, 13], { force: false, actor });   // null: nothing to do
 *   await runner.run(jobId);
 *
 * Images are read from the stored original (TIFF page n via sharp's `page`); image-only PDF pages
 * are rasterised at 300 dpi in the PDF child process. Only pages that need OCR are queued: pending or
 * failed ones, or every page of the documents with `force` (text-layer pages included). The
 * recognition runs on the engine's OCR pool (ocrService.ts), sized and configured by the
 * settings at the moment each page starts.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import type { JobKind } from '../jobs/jobKind';
import type { JobStore } from '../jobs/jobStore';
import type { Logger } from '../logger';
import { appendAudit } from '../audit/auditLog';
import { changeDocumentStatus } from '../archive/documentStatus';
import { indexText } from '../search/searchIndex';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import { faultCode } from '../faults/classify';
import type { OcrEngine, PreparedPageResult } from './index';
import type { PdfRasteriser } from '../pdf/index';

export const OCR_JOB_KIND = 'ocr';

export interface OcrJobContext {
  db: Db;
  store: FileStore;
  log: Logger;
  /** Runs recognition on the engine's OCR pool (never restarted while a page is in flight). */
  useOcr: <T>(fn: (ocr: OcrEngine) => Promise<T>) => Promise<T>;
  /** Rasterises PDF pages (engine/pdf: a memory-capped child process). */
  raster: () => PdfRasteriser;
  /** OCR pages at once: the recognition workers plus one being read or rasterised. */
  concurrency: () => number;
  /** The pipeline's next step for a document whose every page now has text (inside the page's
   *  transaction). */
  afterTextReady: (documentId: number, actor: string) => void;
}

export type OcrTarget = readonly number[] | 'all';

const OcrPayload = z.object({
  actor: z.string().min(1),
  force: z.boolean().default(false),
  documents: z.union([z.array(z.number().int()), z.literal('all')]).optional(),
});
type OcrJobPayload = z.infer<typeof OcrPayload>;

const OcrItem = z.object({ documentId: z.number().int().positive(), page: z.number().int().positive() });
type OcrItem = z.infer<typeof OcrItem>;

export function ocrItemKey(documentId: number, page: number): string {
  return `${documentId}:${page}`;
}

export function parseOcrItemKey(key: string): OcrItem {
  const [doc, page] = key.split(':').map(Number);
  return OcrItem.parse({ documentId: doc, page });
}

/** Pages already queued in an unfinished OCR job: another job must not take them too. */
const NOT_QUEUED_ELSEWHERE = `NOT EXISTS (
  SELECT 1 FROM job_items ji JOIN jobs j ON j.id = ji.job_id
   WHERE j.kind = '${OCR_JOB_KIND}' AND j.state IN ('queued','running') AND ji.state IN ('queued','running')
     AND ji.document_id = p.document_id AND ji.item_key = p.document_id || ':' || p.n)`;

/** The pages a run over `target` would OCR, in document and page order. Unknown ids: NOT_FOUND. */
export function pagesToOcr(db: Db, target: OcrTarget, force: boolean): { documentId: number; page: number }[] {
  const needs = force ? '1' : `p.ocr_state IN ('pending','failed')`;
  if (target === 'all') {
    return db
      .prepare(`SELECT p.document_id AS documentId, p.n AS page FROM pages p WHERE ${needs} AND ${NOT_QUEUED_ELSEWHERE} ORDER BY p.document_id, p.n`)
      .all() as { documentId: number; page: number }[];
  }
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of target) if (!exists.get(id)) throw new AppError('NOT_FOUND', `document ${id}`);
  return db
    .prepare(
      `SELECT p.document_id AS documentId, p.n AS page FROM pages p
        WHERE p.document_id IN (SELECT value FROM json_each(?)) AND ${needs} AND ${NOT_QUEUED_ELSEWHERE}
        ORDER BY p.document_id, p.n`,
    )
    .all(JSON.stringify([...new Set(target)])) as { documentId: number; page: number }[];
}

/** Queues an OCR job; returns its id, or null when no page needs OCR. */
export function queueOcr(db: Db, jobs: JobStore, target: OcrTarget, options: { force: boolean; actor: string }): number | null {
  const pages = pagesToOcr(db, target, options.force);
  if (pages.length === 0) return null;
  const payload: OcrJobPayload = {
    actor: options.actor,
    force: options.force,
    documents: target === 'all' ? 'all' : [...new Set(target)],
  };
  return jobs.create(
    OCR_JOB_KIND,
    payload,
    pages.map((p) => ({ key: ocrItemKey(p.documentId, p.page), documentId: p.documentId })),
  );
}

/** The pipeline's OCR of a newly imported document: its pages without text join the import's
 *  open OCR job (or start one). Call inside the import's transaction. Returns how many pages. */
export function queueDocumentOcr(db: Db, jobs: JobStore, documentId: number, importJobId: number | null, actor: string): number {
  const pages = pagesToOcr(db, [documentId], false);
  jobs.appendToOpenJob(
    OCR_JOB_KIND,
    importJobId,
    { actor, force: false } satisfies OcrJobPayload,
    pages.map((p) => ({ key: ocrItemKey(p.documentId, p.page), documentId: p.documentId })),
  );
  return pages.length;
}

interface PageSourceRow {
  file_sha256: string;
  file_name: string;
  mime: string;
  ocr_state: string;
}

/** The bytes the OCR engine reads for page `page` of a stored original. */
async function pageInput(ctx: OcrJobContext, row: PageSourceRow, page: number): Promise<{ bytes: Uint8Array; pageIndex?: number }> {
  const original = await readFile(ctx.store.pathFor(row.file_sha256)).catch((e: Error) => {
    throw new AppError('READ_FAILED', e.message);
  });
  if (row.mime === 'application/pdf') {
    const raster = await ctx.raster().run({ bytes: original, page });
    return { bytes: raster.png };
  }
  if (row.mime === 'image/tiff') return { bytes: original, pageIndex: page - 1 };
  if (row.mime.startsWith('image/')) return { bytes: original };
  throw new AppError('UNSUPPORTED_TYPE', row.mime);
}

type Finish = (outcome: { state: 'done' | 'failed'; errorCode?: string; error?: string; result?: unknown }) => void;

function recordPage(ctx: OcrJobContext, jobId: number, finish: Finish, actor: string, documentId: number, page: number, result: PreparedPageResult, imageSha: string): void {
  const { db } = ctx;
  const at = nowIso();
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)').run(
      imageSha,
      result.preparedImage.byteLength,
      'image/png',
      at,
    );
    // width/height become the prepared image's pixels: the stored image and the word boxes refer to it.
    db.prepare(
      `UPDATE pages SET text = ?, source = 'ocr', confidence = ?, words = ?, width = ?, height = ?, image_sha256 = ?,
              orientation = ?, skew = ?, ocr_state = 'done', ocr_engine = ?, ocr_error = NULL, low_confidence = ?, updated_at = ?
        WHERE document_id = ? AND n = ?`,
    ).run(
      result.text,
      result.confidence,
      JSON.stringify(result.words),
      result.width,
      result.height,
      imageSha,
      result.orientation,
      result.skew,
      result.engine,
      result.lowConfidence ? 1 : 0,
      at,
      documentId,
      page,
    );
    indexText(db, documentId, page, result.text);
    // New text: what was read from the old one is stale (a forced re-OCR), to be read again.
    db.prepare('UPDATE documents SET extracted_at = NULL WHERE id = ?').run(documentId);
    finish({
      state: 'done',
      result: { documentId, page, confidence: result.confidence, lowConfidence: result.lowConfidence, orientation: result.orientation },
    });
    appendAudit(db, {
      actor,
      action: 'ocr.page',
      documentId,
      payload: {
        jobId,
        page,
        confidence: result.confidence,
        lowConfidence: result.lowConfidence,
        orientation: result.orientation,
        skew: result.skew,
        engine: result.engine,
        image: imageSha,
      },
    });
    finishDocumentIfComplete(ctx, documentId, actor, jobId, at);
  }).immediate();
}

/** Document status: 'text_ready' once no page waits for text (pending or failed); then the
 *  pipeline's next step is queued in the same transaction. */
function finishDocumentIfComplete(ctx: OcrJobContext, documentId: number, actor: string, jobId: number, at: string): void {
  const { db } = ctx;
  const open = db
    .prepare(`SELECT count(*) AS c FROM pages WHERE document_id = ? AND ocr_state IN ('pending','failed')`)
    .get(documentId) as { c: number };
  db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(at, documentId);
  if (open.c > 0) return;
  const becameReady = changeDocumentStatus(db, documentId, 'text_ready');
  // A forced re-OCR of a suggested or reviewed document also has new text to read.
  ctx.afterTextReady(documentId, actor);
  if (!becameReady) return;
  const stats = db
    .prepare(
      `SELECT count(*) AS pages, avg(confidence) AS confidence, sum(low_confidence) AS low
         FROM pages WHERE document_id = ? AND source = 'ocr'`,
    )
    .get(documentId) as { pages: number; confidence: number | null; low: number | null };
  appendAudit(db, {
    actor,
    action: 'ocr.completed',
    documentId,
    payload: {
      jobId,
      ocrPages: stats.pages,
      confidence: stats.confidence === null ? null : Math.round(stats.confidence * 10) / 10,
      lowConfidencePages: stats.low ?? 0,
    },
  });
}

function recordFailure(
  ctx: OcrJobContext,
  jobId: number,
  finish: Finish,
  actor: string,
  documentId: number,
  page: number,
  fileName: string,
  error: { code: ErrorCode; message: string },
): void {
  const { db } = ctx;
  const at = nowIso();
  db.transaction(() => {
    // A forced re-OCR that fails keeps the text the page already had.
    db.prepare(
      `UPDATE pages SET ocr_state = CASE WHEN ocr_state IN ('done','skipped') THEN ocr_state ELSE 'failed' END,
              ocr_error = ?, updated_at = ? WHERE document_id = ? AND n = ?`,
    ).run(`${error.code}: ${error.message}`, at, documentId, page);
    finish({
      state: 'failed',
      errorCode: error.code,
      error: error.message,
      result: {
        documentId,
        page,
        fileName: `${fileName} (trang ${page})`,
        error: { code: error.code, message: ERROR_MESSAGES[error.code]?.vi ?? error.message },
      },
    });
    appendAudit(db, { actor, action: 'ocr.page.failed', documentId, payload: { jobId, page, code: error.code, error: error.message } });
  }).immediate();
}

async function ocrOnePage(ctx: OcrJobContext, jobId: number, item: OcrItem, payload: OcrJobPayload, finish: Finish, stopping: () => boolean): Promise<void> {
  const { documentId, page } = item;
  const row = ctx.db
    .prepare(
      `SELECT d.file_sha256, d.file_name, d.mime, p.ocr_state FROM documents d JOIN pages p ON p.document_id = d.id
        WHERE d.id = ? AND p.n = ?`,
    )
    .get(documentId, page) as PageSourceRow | undefined;
  if (!row) {
    finish({ state: 'failed', errorCode: 'NOT_FOUND', error: `document ${documentId} page ${page}`, result: { documentId, page, error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND.vi } } });
    return;
  }
  if (!payload.force && row.ocr_state !== 'pending' && row.ocr_state !== 'failed') {
    // Done meanwhile by another job: nothing to redo.
    finish({ state: 'done', result: { documentId, page, skipped: row.ocr_state } });
    return;
  }
  try {
    const input = await pageInput(ctx, row, page);
    const result = await ctx.useOcr((ocr) => ocr.recognisePage(input.bytes, input.pageIndex !== undefined ? { pageIndex: input.pageIndex } : {}));
    if (stopping()) return;
    // The image goes in the store first: a crash before the transaction leaves an unreferenced
    // file (same bytes, same name next time), never a page pointing at a missing image.
    const imageSha = await ctx.store.put(result.preparedImage);
    recordPage(ctx, jobId, finish, payload.actor, documentId, page, result, imageSha);
  } catch (e) {
    if (stopping()) return;
    const code: ErrorCode = faultCode(e) ?? 'OCR_FAILED';
    const message = (e as Error).message ?? String(e);
    ctx.log.warn(`ocr failed: document ${documentId} page ${page}: ${code}: ${message}`);
    recordFailure(ctx, jobId, finish, payload.actor, documentId, page, row.file_name, { code, message });
  }
}

export function ocrJobKind(ctx: OcrJobContext): JobKind<OcrJobPayload, OcrItem> {
  const fileName = ctx.db.prepare('SELECT file_name FROM documents WHERE id = ?');
  return {
    kind: OCR_JOB_KIND,
    unit: 'page',
    payload: OcrPayload,
    keyOf: (item) => ocrItemKey(item.documentId, item.page),
    parseKey: parseOcrItemKey,
    concurrency: ctx.concurrency,
    label: (row) => {
      const { documentId, page } = parseOcrItemKey(row.item_key);
      const name = (fileName.get(documentId) as { file_name: string } | undefined)?.file_name ?? `#${documentId}`;
      return `${name} (trang ${page})`;
    },
    // A page in flight is not cut short by a cancel (a few seconds); the job stops after it.
    step: (step, [claimed]) => ocrOnePage(ctx, step.jobId, claimed!.item, step.payload, (outcome) => step.finish(claimed!, outcome), step.stopping),
  };
}

/** What `minhbach ocr --json` reports per document. */
export interface OcrDocumentReport {
  id: number;
  fileName: string;
  status: string;
  pages: number;
  /** Pages with OCR text. */
  done: number;
  failed: number;
  pending: number;
  /** Pages whose text came from the PDF's text layer. */
  textLayer: number;
  /** Mean confidence over the OCR pages (0–100), null without any. */
  confidence: number | null;
  lowConfidencePages: number[];
  errors: { page: number; error: string }[];
}

export function ocrReport(db: Db, documentIds: readonly number[]): OcrDocumentReport[] {
  const docStmt = db.prepare('SELECT id, file_name, status, page_count FROM documents WHERE id = ?');
  const pageStmt = db.prepare('SELECT n, source, confidence, ocr_state, ocr_error, low_confidence FROM pages WHERE document_id = ? ORDER BY n');
  const reports: OcrDocumentReport[] = [];
  for (const id of documentIds) {
    const doc = docStmt.get(id) as { id: number; file_name: string; status: string; page_count: number } | undefined;
    if (!doc) continue;
    const pages = pageStmt.all(id) as {
      n: number;
      source: string | null;
      confidence: number | null;
      ocr_state: string;
      ocr_error: string | null;
      low_confidence: number;
    }[];
    const ocrPages = pages.filter((p) => p.source === 'ocr' && p.ocr_state === 'done');
    const confidence = ocrPages.length ? ocrPages.reduce((s, p) => s + (p.confidence ?? 0), 0) / ocrPages.length : null;
    reports.push({
      id: doc.id,
      fileName: doc.file_name,
      status: doc.status,
      pages: doc.page_count,
      done: ocrPages.length,
      failed: pages.filter((p) => p.ocr_state === 'failed').length,
      pending: pages.filter((p) => p.ocr_state === 'pending').length,
      textLayer: pages.filter((p) => p.source === 'text-layer').length,
      confidence: confidence === null ? null : Math.round(confidence * 10) / 10,
      lowConfidencePages: ocrPages.filter((p) => p.low_confidence === 1).map((p) => p.n),
      errors: pages.filter((p) => p.ocr_error).map((p) => ({ page: p.n, error: p.ocr_error! })),
    });
  }
  return reports;
}
