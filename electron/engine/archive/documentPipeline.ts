/**
 * Where a document is in the pipeline, read from what is stored: its pages' OCR states, the job
 * items queued or running for it, and whether its header was read and an access class suggested.
 * "Cần OCR" (pages without text, nothing queued) and "đang chờ OCR" (queued) are told apart here.
 */
import type { Db } from './database';
import type { PipelineInfo } from '../../../shared/contract/schemas';
import type { JobStateName } from '../../../shared/domain/pipeline';

interface OpenItem {
  item_state: 'queued' | 'running';
  id: number;
  kind: string;
  job_state: JobStateName;
}

export function openItems(db: Db, documentId: number): OpenItem[] {
  return db
    .prepare(
      `SELECT ji.state AS item_state, j.id, j.kind, j.state AS job_state FROM job_items ji JOIN jobs j ON j.id = ji.job_id
        WHERE ji.document_id = ? AND ji.state IN ('queued','running') AND j.state IN ('queued','running') ORDER BY j.id`,
    )
    .all(documentId) as OpenItem[];
}

/** Pages of the document queued or being recognised in an OCR job. */
export function ocrQueuedPages(db: Db, documentId: number): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS c FROM job_items ji JOIN jobs j ON j.id = ji.job_id
          WHERE ji.document_id = ? AND ji.state IN ('queued','running') AND j.kind = 'ocr' AND j.state IN ('queued','running')`,
      )
      .get(documentId) as { c: number }
  ).c;
}

export function pipelineInfo(db: Db, documentId: number): PipelineInfo {
  const items = openItems(db, documentId);
  const stage = (kind: string): 'queued' | 'running' | null => {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.length === 0) return null;
    return mine.some((i) => i.item_state === 'running') ? 'running' : 'queued';
  };
  const pages = db.prepare('SELECT ocr_state, count(*) AS c FROM pages WHERE document_id = ? GROUP BY ocr_state').all(documentId) as { ocr_state: string; c: number }[];
  const count = (s: string) => pages.find((p) => p.ocr_state === s)?.c ?? 0;
  const ocrJob = stage('ocr');
  let ocr: PipelineInfo['ocr'];
  if (ocrJob) ocr = ocrJob;
  else if (count('pending') > 0) ocr = 'waiting';
  else if (count('failed') > 0) ocr = 'failed';
  else if (count('done') > 0) ocr = 'done';
  else ocr = 'not-needed';
  const understandJob = stage('understand');
  const doc = db
    .prepare('SELECT d.extracted_at, EXISTS (SELECT 1 FROM suggestions s WHERE s.document_id = d.id) AS suggested FROM documents d WHERE d.id = ?')
    .get(documentId) as { extracted_at: string | null; suggested: number } | undefined;
  const understanding: PipelineInfo['understanding'] = understandJob ?? (doc?.extracted_at && doc.suggested ? 'done' : 'waiting');
  const first = items.find((i) => i.item_state === 'running') ?? items[0];
  return { ocr, understanding, job: first ? { id: first.id, kind: first.kind, state: first.job_state } : null };
}
