/**
 * What the Jobs screen shows (the contract's JobInfo): each job with the documents it works on,
 * true item counts (also after a cancel), whether it is really running or waiting its turn, the
 * progress of a long item in flight, and its failures named as the user knows them.
 */
import type { Db } from '../archive/database';
import type { JobInfo } from '../../../shared/contract/jobs';
import type { JobItemRow, JobRow, JobStore } from './jobStore';
import type { JobRunner } from './jobRunner';

export type JobView = JobInfo;

interface ItemResult {
  fileName?: string;
  path?: string;
  error?: { code: string; message: string };
}

const MAX_FAILURES = 200;

function parseResult(result: string | null): ItemResult {
  if (!result) return {};
  try {
    return JSON.parse(result) as ItemResult;
  } catch {
    return {};
  }
}

export function listJobViews(db: Db, jobs: JobStore, runner: JobRunner, limit: number): JobView[] {
  const failed = db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND state = 'failed' ORDER BY rowid LIMIT ${MAX_FAILURES}`);
  const documents = db.prepare(
    `SELECT d.id, d.file_name FROM documents d WHERE d.id IN (SELECT DISTINCT document_id FROM job_items WHERE job_id = ? AND document_id IS NOT NULL) ORDER BY d.id LIMIT 3`,
  );
  const documentCount = db.prepare(`SELECT count(DISTINCT document_id) AS c FROM job_items WHERE job_id = ? AND document_id IS NOT NULL`);
  // An import's items are files; what it imported is in their results.
  const imported = db.prepare(`SELECT result FROM job_items WHERE job_id = ? AND state = 'done' ORDER BY rowid LIMIT 3`);
  const importedCount = db.prepare(`SELECT count(*) AS c FROM job_items WHERE job_id = ? AND state = 'done'`);
  const firstFiles = db.prepare(`SELECT * FROM job_items WHERE job_id = ? ORDER BY rowid LIMIT 3`);

  return jobs.list(limit).map((job: JobRow): JobView => {
    const kind = runner.kindOf(job.kind);
    const counts = jobs.counts(job.id);
    const label = (row: JobItemRow) => kind?.label?.(row) ?? row.item_key;
    let docs: { id: number; fileName: string }[];
    let docCount: number;
    let files: string[] = [];
    if (job.kind === 'import') {
      const results = (imported.all(job.id) as { result: string | null }[]).map((r) => parseResult(r.result) as ItemResult & { id?: number });
      docs = results.filter((r) => r.id !== undefined).map((r) => ({ id: r.id!, fileName: r.fileName ?? '' }));
      docCount = (importedCount.get(job.id) as { c: number }).c;
      files = (firstFiles.all(job.id) as JobItemRow[]).map(label);
    } else {
      docs = (documents.all(job.id) as { id: number; file_name: string }[]).map((d) => ({ id: d.id, fileName: d.file_name }));
      docCount = (documentCount.get(job.id) as { c: number }).c;
    }
    return {
      id: job.id,
      kind: job.kind,
      state: job.state,
      done: counts.done + counts.failed,
      total: job.progress_total,
      error: job.error,
      failures: (failed.all(job.id) as JobItemRow[]).map((row) => {
        const parsed = parseResult(row.result);
        return {
          label: parsed.fileName && job.kind === 'import' ? parsed.fileName : label(row),
          error: parsed.error ?? { code: row.error_code ?? 'INTERNAL', message: row.error ?? '' },
        };
      }),
      createdAt: job.created_at,
      updatedAt: job.updated_at,
      unit: kind?.unit ?? 'file',
      counts,
      documents: docs,
      documentCount: docCount,
      files,
      parentId: job.parent_id,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
      current: runner.currentItems(job.id),
      retryable: (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') && counts.failed + counts.cancelled > 0,
    };
  });
}
