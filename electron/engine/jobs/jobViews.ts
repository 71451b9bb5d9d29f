import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { JobRow, JobState, JobStore } from './jobStore';

export interface JobFailureView {
  label: string;
  error: { code: string; message: string };
}

export interface JobView {
  id: number;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  error: string | null;
  failures: JobFailureView[];
  createdAt: string;
  updatedAt: string;
}

interface ItemResult {
  fileName?: string;
  path?: string;
  error?: { code: string; message: string };
}

/** What a failed item is called for the user: the file name an import recorded, else its key. */
function failureOf(
  itemKey: string,
  result: string | null,
  errorCode: string | null,
  error: string | null,
): JobFailureView {
  const parsed = result ? (JSON.parse(result) as ItemResult) : {};
  return {
    label: parsed.fileName ?? parsed.path ?? itemKey,
    error: parsed.error ?? { code: errorCode ?? 'INTERNAL', message: error ?? '' },
  };
}

/** Recent jobs, newest first, each with its failed items (at most 200 per job). */
export function listJobViews(db: Db, jobs: JobStore, limit: number): JobView[] {
  const failed = db.prepare(
    `SELECT item_key, result, error_code, error FROM job_items WHERE job_id = ? AND state = 'failed' ORDER BY rowid LIMIT 200`,
  );
  return jobs.list(limit).map((job: JobRow) => ({
    id: job.id,
    kind: job.kind,
    state: job.state,
    done: job.progress_done,
    total: job.progress_total,
    error: job.error,
    failures: (
      failed.all(job.id) as {
        item_key: string;
        result: string | null;
        error_code: string | null;
        error: string | null;
      }[]
    ).map((i) => failureOf(i.item_key, i.result, i.error_code, i.error)),
    createdAt: job.created_at,
    updatedAt: job.updated_at,
  }));
}

/** Puts a finished job's failed and cancelled items back in the queue. Returns how many; the
 *  caller then resumes the job (`Engine.resumeImports`). A running job is left alone. */
export function requeueJob(db: Db, jobs: JobStore, jobId: number): number {
  const job = jobs.get(jobId);
  if (!job || job.state === 'running' || job.state === 'queued') return 0;
  const at = nowIso();
  return db
    .transaction(() => {
      const n = db
        .prepare(
          `UPDATE job_items SET state = 'queued', error = NULL, error_code = NULL, updated_at = ? WHERE job_id = ? AND state IN ('failed','cancelled')`,
        )
        .run(at, jobId).changes;
      if (n > 0) {
        db.prepare(
          `UPDATE jobs SET state = 'queued', error = NULL, progress_done = progress_done - ?, updated_at = ? WHERE id = ?`,
        ).run(n, at, jobId);
      }
      return n;
    })
    .immediate();
}
