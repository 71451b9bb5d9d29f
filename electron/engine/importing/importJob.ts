/**
 * Import as a kind of job (jobs/jobKind.ts): one item per file. Each imported file is recorded
 * in ONE transaction with its job item and the pipeline's follow-ups (OCR of its pages without
 * text, or reading its header), so after a crash a file is either wholly imported — and never
 * imported again — or not at all.
 *
 *   const jobId = await queueImport(ctx, jobs, ['scans/'], actor);
 *   await runner.run(jobId);                 // or the scheduler picks it up
 */
import path from 'node:path';
import { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import { nfc } from '../../../shared/text/vietnamese';
import type { ImportResult } from '../../../shared/contract/schemas';
import type { JobKind } from '../jobs/jobKind';
import type { JobStore } from '../jobs/jobStore';
import { importOneFile, type ImportContext } from './importer';
import { walkPaths } from './walk';

export const IMPORT_JOB_KIND = 'import';

const ImportPayload = z.object({ actor: z.string().min(1), paths: z.array(z.string()).optional() });
type ImportPayload = z.infer<typeof ImportPayload>;

const ImportItem = z.object({ path: z.string().min(1), fileName: z.string().min(1).optional() });
type ImportItem = z.infer<typeof ImportItem>;

function keyOf(item: ImportItem): string {
  return JSON.stringify(item);
}

/** Queues an import job for the given files and folders (folders are expanded now, so the job
 *  knows its full size and a restart imports exactly the same files). */
export async function queueImport(jobs: JobStore, paths: string[], actor: string): Promise<number> {
  const entries = await walkPaths(paths);
  const jobId = jobs.create(IMPORT_JOB_KIND, { actor, paths } satisfies ImportPayload, entries.map((e) => keyOf({ path: e.path })));
  for (const entry of entries) {
    if (!entry.problem) continue;
    jobs.finishItem(jobId, keyOf({ path: entry.path }), {
      state: 'failed',
      errorCode: entry.problem,
      error: ERROR_MESSAGES[entry.problem].en,
      result: rejectedResult(entry.path, nfc(path.basename(entry.path)), entry.problem),
    });
  }
  return jobId;
}

/** Queues an import of files that arrive with their own names (uploads, drag and drop). */
export function queueNamedImport(jobs: JobStore, files: ImportItem[], actor: string): number {
  return jobs.create(IMPORT_JOB_KIND, { actor } satisfies ImportPayload, files.map(keyOf));
}

function rejectedResult(filePath: string, fileName: string, code: ErrorCode): ImportResult {
  return { path: filePath, fileName, status: 'rejected', error: { code, message: ERROR_MESSAGES[code].vi } };
}

/** Every item's result in the job's order (items not done yet are left out). */
export function importResults(jobs: JobStore, jobId: number): ImportResult[] {
  return jobs
    .items(jobId)
    .filter((i) => i.result !== null)
    .map((i) => JSON.parse(i.result!) as ImportResult);
}

export interface ImportKindDeps {
  ctx: ImportContext;
  /** Files read at once (the analysis workers, twice over so hashing overlaps reading). */
  concurrency: () => number;
  /** The pipeline's follow-ups for a newly imported document, inside its transaction. */
  afterImport: (documentId: number, jobId: number, actor: string) => Partial<ImportResult>;
}

export function importJobKind(deps: ImportKindDeps): JobKind<ImportPayload, ImportItem> {
  return {
    kind: IMPORT_JOB_KIND,
    unit: 'file',
    payload: ImportPayload,
    keyOf,
    parseKey: (key) => ImportItem.parse(JSON.parse(key)),
    concurrency: deps.concurrency,
    label: (row) => {
      try {
        const item = ImportItem.parse(JSON.parse(row.item_key));
        return item.fileName ?? nfc(path.basename(item.path));
      } catch {
        return row.item_key;
      }
    },
    async step(ctx, [claimed]) {
      const { item } = claimed!;
      const result = await importOneFile(deps.ctx, {
        path: item.path,
        ...(item.fileName ? { fileName: item.fileName } : {}),
        actor: ctx.payload.actor,
        signal: ctx.signal,
        onPages: (done, total) => ctx.progress(claimed!, done, total),
        inTransaction: (imported) => {
          const extra = deps.afterImport(imported.id!, ctx.jobId, ctx.payload.actor);
          ctx.finish(claimed!, { state: 'done', result: { ...imported, ...extra } });
          return extra;
        },
      });
      if (result.status === 'imported') return;
      if (result.error?.code === 'CANCELLED') {
        // Cut short by a cancel: cancelled; by a shutdown: left queued for the next start.
        if (!ctx.stopping()) ctx.finish(claimed!, { state: 'cancelled', errorCode: 'CANCELLED', error: ERROR_MESSAGES.CANCELLED.en, result });
        return;
      }
      ctx.finish(claimed!, {
        state: result.status === 'rejected' ? 'failed' : 'done',
        ...(result.error ? { errorCode: result.error.code, error: ERROR_MESSAGES[result.error.code as ErrorCode]?.en ?? result.error.message } : {}),
        result,
      });
    },
  };
}
