import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';
import { nfc } from '../../../shared/text/vietnamese';
import type { ImportResult } from '../../../shared/contract/schemas';
import { importOneFile, type ImportContext } from './importer';
import { walkPaths } from './walk';
import path from 'node:path';

export interface ImportProgress {
  jobId: number;
  done: number;
  total: number;
  result: ImportResult;
}

export interface ImportJobOptions {
  actor: string;
  concurrency: number;
  onProgress?: (progress: ImportProgress) => void;
}

interface ImportItemKey {
  path: string;
  fileName?: string;
}

function itemKey(item: ImportItemKey): string {
  return JSON.stringify(item);
}

/** Queues an import job for the given files and folders (folders are expanded now, so the job
 *  knows its full size and a restart imports exactly the same files). */
export async function queueImport(ctx: ImportContext, paths: string[], actor: string): Promise<number> {
  const entries = await walkPaths(paths);
  const jobId = ctx.jobs.create(
    'import',
    { actor, paths },
    entries.map((e) => itemKey({ path: e.path })),
  );
  for (const entry of entries) {
    if (!entry.problem) continue;
    ctx.jobs.finishItem(jobId, itemKey({ path: entry.path }), {
      state: 'failed',
      errorCode: entry.problem,
      error: ERROR_MESSAGES[entry.problem].en,
      result: {
        path: entry.path,
        fileName: nfc(path.basename(entry.path)),
        status: 'rejected',
        error: { code: entry.problem, message: ERROR_MESSAGES[entry.problem].vi },
      } satisfies ImportResult,
    });
  }
  return jobId;
}

/** Queues an import of files that arrive with their own names (uploads, drag and drop). */
export function queueNamedImport(ctx: ImportContext, files: ImportItemKey[], actor: string): number {
  return ctx.jobs.create('import', { actor }, files.map(itemKey));
}

/** Runs (or resumes) an import job: items already finished are not redone. Returns every item's
 *  result in the job's order. */
export async function runImportJob(ctx: ImportContext, jobId: number, options: ImportJobOptions): Promise<ImportResult[]> {
  const job = ctx.jobs.get(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  ctx.jobs.start(jobId);
  const pending = ctx.jobs.pendingItems(jobId);
  let done = job.progress_total - pending.length;
  let cursor = 0;
  const worker = async () => {
    while (cursor < pending.length) {
      if (ctx.jobs.isCancelled(jobId)) return;
      const item = pending[cursor++]!;
      const key = JSON.parse(item.item_key) as ImportItemKey;
      const finish = (result: ImportResult) =>
        ctx.jobs.finishItem(jobId, item.item_key, {
          state: result.status === 'rejected' ? 'failed' : 'done',
          ...(result.error
            ? { errorCode: result.error.code, error: ERROR_MESSAGES[result.error.code as ErrorCode]?.en ?? result.error.message }
            : {}),
          result,
        });
      const result = await importOneFile(ctx, {
        path: key.path,
        ...(key.fileName ? { fileName: key.fileName } : {}),
        actor: options.actor,
        inTransaction: finish,
      });
      if (result.status !== 'imported') finish(result);
      done += 1;
      options.onProgress?.({ jobId, done, total: job.progress_total, result });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (!ctx.jobs.isCancelled(jobId)) ctx.jobs.finish(jobId, 'done');
  return ctx.jobs
    .items(jobId)
    .filter((i) => i.result !== null)
    .map((i) => JSON.parse(i.result!) as ImportResult);
}
