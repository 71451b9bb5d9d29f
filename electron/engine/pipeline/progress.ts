/**
 * The runner's progress events in the shapes their readers want: the contract's JobProgress (the
 * UI), and per-item lines for the CLI (an import's file result, an OCR page's outcome).
 */
import type { JobProgress } from '../../../shared/contract/jobs';
import type { ImportResult } from '../../../shared/contract/schemas';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import type { RunnerProgress } from '../jobs/jobRunner';

export interface ImportProgress {
  jobId: number;
  done: number;
  total: number;
  result: ImportResult;
}

export interface OcrProgress {
  jobId: number;
  documentId: number;
  page: number;
  /** Pages of this job finished (done or failed), including those finished before a resume. */
  pagesDone: number;
  pagesTotal: number;
  state: 'done' | 'failed';
  confidence: number | null;
  lowConfidence: boolean;
  orientation: number | null;
  error?: { code: string; message: string };
}

function totals(p: RunnerProgress): { done: number; total: number } {
  const c = p.counts;
  return { done: c.done + c.failed, total: c.queued + c.running + c.done + c.failed + c.cancelled };
}

export function toJobProgress(p: RunnerProgress): JobProgress {
  const result = p.kind === 'import' ? (p.finished?.outcome.result as ImportResult | undefined) : undefined;
  const documentId = p.finished?.documentId ?? (result?.id as number | undefined);
  return {
    jobId: p.jobId,
    kind: p.kind,
    ...totals(p),
    state: p.state,
    ...(result ? { result } : {}),
    ...(documentId ? { documentId } : {}),
    ...(p.item ? { item: { label: p.item.label, done: p.item.done, total: p.item.total } } : {}),
  };
}

export function toImportProgress(p: RunnerProgress): ImportProgress | null {
  const result = p.kind === 'import' ? (p.finished?.outcome.result as ImportResult | undefined) : undefined;
  if (!result?.status) return null;
  return { jobId: p.jobId, ...totals(p), result };
}

export function toOcrProgress(p: RunnerProgress): OcrProgress | null {
  if (p.kind !== 'ocr' || !p.finished) return null;
  const outcome = p.finished.outcome;
  if (outcome.state === 'cancelled') return null;
  const r = (outcome.result ?? {}) as { documentId?: number; page?: number; confidence?: number; lowConfidence?: boolean; orientation?: number };
  const [doc, page] = p.finished.key.split(':').map(Number);
  const { done, total } = totals(p);
  const code = outcome.errorCode as ErrorCode | undefined;
  return {
    jobId: p.jobId,
    documentId: r.documentId ?? doc!,
    page: r.page ?? page!,
    pagesDone: done,
    pagesTotal: total,
    state: outcome.state,
    confidence: r.confidence ?? null,
    lowConfidence: r.lowConfidence ?? false,
    orientation: r.orientation ?? null,
    ...(code ? { error: { code, message: ERROR_MESSAGES[code]?.vi ?? outcome.error ?? '' } } : {}),
  };
}
