import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import { asAppError, faultCode } from '../faults/classify';
import { nfc } from '../../../shared/text/vietnamese';
import type { ImportResult } from '../../../shared/contract/schemas';
import type { Db } from '../archive/database';
import { sha256Hex, type FileStore } from '../archive/fileStore';
import { findDocumentBySha, insertDocument } from '../archive/documentsRepo';
import { appendAudit } from '../audit/auditLog';
import type { Logger } from '../logger';
import type { AnalyseTask } from './analyseWorker';
import type { FileAnalysis, ImportLimits } from './types';

/** Reads a file's pages (the engine sends images to worker threads, PDFs to the PDF child). */
export interface FileReader {
  run(task: AnalyseTask, options?: { timeoutMs?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<FileAnalysis>;
}

export interface ImportContext {
  db: Db;
  store: FileStore;
  pool: FileReader;
  limits: ImportLimits;
  log: Logger;
}

export interface ImportFileInput {
  /** Where the bytes come from on disk. */
  path: string;
  /** The name to record; defaults to the path's base name (an upload gives its own). */
  fileName?: string;
  actor: string;
  /** Runs inside the transaction that records an imported file, so the caller's bookkeeping
   *  (the job item, the pipeline's follow-ups) commits or rolls back with the document itself.
   *  What it returns is added to the result (e.g. `ocrQueued`). */
  inTransaction?: (result: ImportResult) => Partial<ImportResult> | void;
  /** Cancels reading the file (its worker is ended): the result is rejected with CANCELLED. */
  signal?: AbortSignal;
  /** Pages read so far, while a long file is read. */
  onPages?: (done: number, total: number) => void;
}

function rejected(filePath: string, fileName: string, code: ErrorCode): ImportResult {
  return { path: filePath, fileName, status: 'rejected', error: { code, message: ERROR_MESSAGES[code].vi } };
}

/**
 * Imports one file: read, hash, skip if already archived, read its pages in a worker, store the
 * original under its hash, then record everything in one transaction. Never throws for a bad
 * file: the result says why it was rejected.
 */
export async function importOneFile(ctx: ImportContext, input: ImportFileInput): Promise<ImportResult> {
  const fileName = nfc(input.fileName ?? path.basename(input.path));
  try {
    const info = await stat(input.path).catch(() => {
      throw new AppError('READ_FAILED');
    });
    if (!info.isFile()) throw new AppError('NOT_A_FILE');
    if (info.size === 0) throw new AppError('EMPTY_FILE');
    if (info.size > ctx.limits.maxFileBytes) throw new AppError('FILE_TOO_LARGE', `${info.size} bytes`);
    const bytes = await readFile(input.path).catch((e: Error) => {
      throw new AppError('READ_FAILED', e.message);
    });
    const sha256 = sha256Hex(bytes);
    const existing = findDocumentBySha(ctx.db, sha256);
    if (existing) return { path: input.path, fileName, status: 'duplicate', id: existing.id, pages: existing.page_count };

    const analysis = await ctx.pool.run(
      { bytes, fileName, limits: ctx.limits },
      {
        timeoutMs: ctx.limits.analyseTimeoutMs,
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onPages ? { onProgress: input.onPages } : {}),
      },
    );
    if (input.signal?.aborted) throw new AppError('CANCELLED');
    try {
      await ctx.store.put(bytes, sha256);
    } catch (e) {
      // A full disk says so by name (DISK_FULL); writeFileAtomic leaves nothing half-written.
      throw asAppError(e, undefined, 'STORE_FAILED');
    }
    const record = ctx.db.transaction((): ImportResult => {
      // Another file of this batch with the same bytes may have committed while we worked.
      const again = findDocumentBySha(ctx.db, sha256);
      if (again) return { path: input.path, fileName, status: 'duplicate', id: again.id, pages: again.page_count };
      const id = insertDocument(ctx.db, {
        sha256,
        size: bytes.byteLength,
        mime: analysis.mime,
        fileName,
        pages: analysis.pages,
        warnings: analysis.warnings,
      });
      appendAudit(ctx.db, {
        actor: input.actor,
        action: 'document.imported',
        documentId: id,
        payload: {
          sha256,
          fileName,
          mime: analysis.mime,
          pages: analysis.pages.length,
          textLayerPages: analysis.pages.filter((p) => p.text !== null).length,
          warnings: analysis.warnings,
        },
      });
      const textPages = analysis.pages.filter((p) => p.text !== null).length;
      const result: ImportResult = {
        path: input.path,
        fileName,
        status: 'imported',
        id,
        pages: analysis.pages.length,
        ...(analysis.warnings.length ? { warnings: analysis.warnings } : {}),
        textPages,
        ocrPages: analysis.pages.length - textPages,
      };
      return { ...result, ...(input.inTransaction?.(result) ?? {}) };
    });
    return record.immediate();
  } catch (e) {
    const code: ErrorCode = faultCode(e) ?? 'INTERNAL';
    if (code !== 'CANCELLED') ctx.log.warn(`import rejected ${JSON.stringify(input.path)}: ${code}: ${(e as Error).message}`);
    return rejected(input.path, fileName, code);
  }
}
