/**
 * OCR as a durable job: one job row (kind 'ocr') with one item per page (`<documentId>:<page>`).
 * Each finished page is recorded in ONE transaction with its job item — text, words, confidence,
 * orientation, skew, prepared image, search index, document status and audit event — so after a
 * crash a page is either wholly recorded (and never redone) or not at all (and done on resume).
 *
 *   const jobId = queueOcr(ctx, [12, 13], { force: false, actor });   // null: nothing to do
 *   await runOcrJob(ctx, jobId, { concurrency: 3, onProgress });
 *
 * Images are read from the stored original (TIFF page n via sharp's `page`); image-only PDF pages
 * are rasterised at 300 dpi in a worker thread. Only pages that need OCR are queued: pending or
 * failed ones, or every page of the documents with `force` (text-layer pages included).
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import type { JobStore } from '../jobs/jobStore';
import type { Logger } from '../logger';
import { appendAudit } from '../audit/auditLog';
import { indexText } from '../search/searchIndex';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import { faultCode } from '../faults/classify';
import type { OcrEngine, PreparedPageResult } from './index';
import type { PdfRasteriser } from '../pdf/index';

export const OCR_JOB_KIND = 'ocr';

export interface OcrJobContext {
  db: Db;
  store: FileStore;
  jobs: JobStore;
  log: Logger;
  /** The (lazily started) OCR engine. */
  ocr: () => Promise<OcrEngine>;
  /** Rasterises PDF pages (engine/pdf: a memory-capped child process). */
  raster: () => PdfRasteriser;
  /** True once the engine is shutting down: pages cut short by it stay queued for a resume. */
  stopping: () => boolean;
}

/** Emitted after every finished page ('ocr:progress' on the Engine). */
export interface OcrProgress {
  jobId: number;
  documentId: number;
  page: number;
  /** Pages of this job finished (done or failed), including those finished before a resume. */
  pagesDone: number;
  pagesTotal: number;
  /** Documents of this job whose pages are all finished. */
  documentsDone: number;
  documentsTotal: number;
  /** The same count for this page's document. */
  documentPagesDone: number;
  documentPagesTotal: number;
  state: 'done' | 'failed';
  confidence: number | null;
  lowConfidence: boolean;
  orientation: number | null;
  error?: { code: string; message: string };
}

export type OcrTarget = readonly number[] | 'all';

interface OcrJobPayload {
  actor: string;
  force: boolean;
  documents: number[] | 'all';
}

export function ocrItemKey(documentId: number, page: number): string {
  return `${documentId}:${page}`;
}

export function parseOcrItemKey(key: string): { documentId: number; page: number } {
  const [doc, page] = key.split(':').map(Number);
  if (!Number.isInteger(doc) || !Number.isInteger(page)) throw new Error(`bad OCR item key ${key}`);
  return { documentId: doc!, page: page! };
}

/** Pages already queued in an unfinished OCR job: another job must not take them too. */
const NOT_QUEUED_ELSEWHERE = `NOT EXISTS (
  SELECT 1 FROM job_items ji JOIN jobs j ON j.id = ji.job_id
   WHERE j.kind = '${OCR_JOB_KIND}' AND j.state IN ('queued','running') AND ji.state IN ('queued','running')
     AND ji.item_key = p.document_id || ':' || p.n)`;

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
export function queueOcr(ctx: OcrJobContext, target: OcrTarget, options: { force: boolean; actor: string }): number | null {
  const pages = pagesToOcr(ctx.db, target, options.force);
  if (pages.length === 0) return null;
  const payload: OcrJobPayload = {
    actor: options.actor,
    force: options.force,
    documents: target === 'all' ? 'all' : [...new Set(target)],
  };
  return ctx.jobs.create(
    OCR_JOB_KIND,
    payload,
    pages.map((p) => ocrItemKey(p.documentId, p.page)),
  );
}

interface PageSourceRow {
  file_sha256: string;
  file_name: string;
  mime: string;
  ocr_state: string;
}

interface PageOutcome {
  state: 'done' | 'failed' | 'interrupted';
  result?: PreparedPageResult;
  error?: { code: ErrorCode; message: string };
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

function recordPage(ctx: OcrJobContext, jobId: number, key: string, actor: string, documentId: number, page: number, result: PreparedPageResult, imageSha: string): void {
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
    ctx.jobs.finishItem(jobId, key, {
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
    finishDocumentIfComplete(db, documentId, actor, jobId, at);
  }).immediate();
}

/** Document status: 'text_ready' once no page waits for text (pending or failed). */
function finishDocumentIfComplete(db: Db, documentId: number, actor: string, jobId: number, at: string): void {
  const open = db
    .prepare(`SELECT count(*) AS c FROM pages WHERE document_id = ? AND ocr_state IN ('pending','failed')`)
    .get(documentId) as { c: number };
  if (open.c > 0) {
    db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(at, documentId);
    return;
  }
  const changed = db
    .prepare(`UPDATE documents SET status = 'text_ready', updated_at = ? WHERE id = ? AND status = 'imported'`)
    .run(at, documentId).changes;
  db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(at, documentId);
  if (changed === 0) return;
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
  key: string,
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
    ctx.jobs.finishItem(jobId, key, {
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

async function ocrOnePage(ctx: OcrJobContext, jobId: number, key: string, payload: OcrJobPayload): Promise<PageOutcome> {
  const { documentId, page } = parseOcrItemKey(key);
  const row = ctx.db
    .prepare(
      `SELECT d.file_sha256, d.file_name, d.mime, p.ocr_state FROM documents d JOIN pages p ON p.document_id = d.id
        WHERE d.id = ? AND p.n = ?`,
    )
    .get(documentId, page) as PageSourceRow | undefined;
  if (!row) {
    const error = { code: 'NOT_FOUND' as const, message: `document ${documentId} page ${page}` };
    ctx.jobs.finishItem(jobId, key, { state: 'failed', errorCode: error.code, error: error.message });
    return { state: 'failed', error };
  }
  if (!payload.force && row.ocr_state !== 'pending' && row.ocr_state !== 'failed') {
    // Done meanwhile by another job: nothing to redo.
    ctx.jobs.finishItem(jobId, key, { state: 'done', result: { documentId, page, skipped: row.ocr_state } });
    return { state: 'done' };
  }
  try {
    const ocr = await ctx.ocr();
    const input = await pageInput(ctx, row, page);
    const result = await ocr.recognisePage(input.bytes, input.pageIndex !== undefined ? { pageIndex: input.pageIndex } : {});
    if (ctx.stopping()) return { state: 'interrupted' };
    // The image goes in the store first: a crash before the transaction leaves an unreferenced
    // file (same bytes, same name next time), never a page pointing at a missing image.
    const imageSha = await ctx.store.put(result.preparedImage);
    recordPage(ctx, jobId, key, payload.actor, documentId, page, result, imageSha);
    return { state: 'done', result };
  } catch (e) {
    if (ctx.stopping()) return { state: 'interrupted' };
    const code: ErrorCode = faultCode(e) ?? 'OCR_FAILED';
    const message = (e as Error).message ?? String(e);
    ctx.log.warn(`ocr failed: document ${documentId} page ${page}: ${code}: ${message}`);
    const error = { code, message };
    recordFailure(ctx, jobId, key, payload.actor, documentId, page, row.file_name, error);
    return { state: 'failed', error };
  }
}

export interface RunOcrOptions {
  /** Pages in flight at once: the OCR workers plus one being read or rasterised. */
  concurrency: number;
  onProgress?: (progress: OcrProgress) => void;
}

/** Runs (or resumes) an OCR job. Pages already finished are not redone; a cancel stops it after
 *  the pages in flight; an engine shutdown leaves the rest queued. Returns the job's document ids. */
export async function runOcrJob(ctx: OcrJobContext, jobId: number, options: RunOcrOptions): Promise<number[]> {
  const job = ctx.jobs.get(jobId);
  if (!job || job.kind !== OCR_JOB_KIND) throw new Error(`no OCR job ${jobId}`);
  const payload = JSON.parse(job.payload) as OcrJobPayload;
  ctx.jobs.start(jobId);
  const all = ctx.jobs.items(jobId);
  const pending = ctx.jobs.pendingItems(jobId);
  const pendingKeys = new Set(pending.map((i) => i.item_key));
  const perDocument = new Map<number, { total: number; done: number }>();
  for (const item of all) {
    const { documentId } = parseOcrItemKey(item.item_key);
    const entry = perDocument.get(documentId) ?? { total: 0, done: 0 };
    entry.total += 1;
    if (!pendingKeys.has(item.item_key)) entry.done += 1;
    perDocument.set(documentId, entry);
  }
  let pagesDone = all.length - pending.length;
  let documentsDone = [...perDocument.values()].filter((d) => d.done === d.total).length;
  let cursor = 0;
  const lane = async (): Promise<void> => {
    while (cursor < pending.length) {
      if (ctx.stopping() || ctx.jobs.isCancelled(jobId)) return;
      const item = pending[cursor++]!;
      const outcome = await ocrOnePage(ctx, jobId, item.item_key, payload);
      if (outcome.state === 'interrupted') return;
      const { documentId, page } = parseOcrItemKey(item.item_key);
      const doc = perDocument.get(documentId)!;
      pagesDone += 1;
      doc.done += 1;
      if (doc.done === doc.total) documentsDone += 1;
      options.onProgress?.({
        jobId,
        documentId,
        page,
        pagesDone,
        pagesTotal: all.length,
        documentsDone,
        documentsTotal: perDocument.size,
        documentPagesDone: doc.done,
        documentPagesTotal: doc.total,
        state: outcome.state,
        confidence: outcome.result?.confidence ?? null,
        lowConfidence: outcome.result?.lowConfidence ?? false,
        orientation: outcome.result?.orientation ?? null,
        ...(outcome.error ? { error: { code: outcome.error.code, message: ERROR_MESSAGES[outcome.error.code]?.vi ?? outcome.error.message } } : {}),
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
  } catch (e) {
    if (!ctx.stopping()) ctx.jobs.finish(jobId, 'failed', (e as Error).message);
    throw e;
  }
  if (!ctx.stopping() && !ctx.jobs.isCancelled(jobId)) ctx.jobs.finish(jobId, 'done');
  return [...perDocument.keys()];
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
