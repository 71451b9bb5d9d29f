/**
 * Understanding as a kind of job: one item per document, handed out in batches. A worker thread
 * with its own read connection reads the header and the evidence (understandWorker.ts); the main
 * thread stores each document's extraction and the suggestion made from it — together with the
 * job item, in transactions of a few milliseconds with a turn of the event loop between them, so
 * a search typed meanwhile is answered at once. A document whose header and suggestion are both
 * stored is skipped; otherwise its text is read again (the suggestion needs the rules' spans and
 * the model's input, which only the text gives).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import type { Db } from '../archive/database';
import { AppError, ERROR_MESSAGES } from '../../../shared/domain/errors';
import type { ClaimedItem, JobKind, StepContext } from '../jobs/jobKind';
import type { JobStore } from '../jobs/jobStore';
import type { WorkerPool } from '../workers/workerPool';
import { recordExtraction, recordSuggestion, suggestAccess } from '../understanding/index';
import type { AccessModel } from '../understanding/model/types';
import type { UnderstandOutcome, UnderstandTask } from './understandTypes';

export const UNDERSTAND_JOB_KIND = 'understand';

const Payload = z.object({ actor: z.string().min(1) });
type Payload = z.infer<typeof Payload>;
const Item = z.object({ documentId: z.number().int().positive() });
type Item = z.infer<typeof Item>;

/** Documents per worker task. */
const BATCH = 64;
/** The main thread stores results in transactions of at most this long (at least one document),
 *  then lets the event loop answer whatever came in (a search typed meanwhile). */
const WRITE_SLICE_MS = 12;

/**
 * Queues the documents (not already queued) for header + suggestion, in the archive's open
 * understanding job. Call inside the transaction that made their text ready.
 */
export function queueUnderstanding(db: Db, jobs: JobStore, documentIds: readonly number[], actor: string): number {
  const queued = db.prepare(
    `SELECT 1 FROM job_items ji JOIN jobs j ON j.id = ji.job_id
      WHERE ji.document_id = ? AND j.kind = '${UNDERSTAND_JOB_KIND}' AND ji.state IN ('queued','running') AND j.state IN ('queued','running')`,
  );
  const items = [...new Set(documentIds)].filter((id) => !queued.get(id)).map((id) => ({ key: String(id), documentId: id }));
  jobs.appendToOpenJob(UNDERSTAND_JOB_KIND, null, { actor } satisfies Payload, items);
  return items.length;
}

/** Documents whose text is ready but whose header was never read or never suggested from, and
 *  that no job holds (archives from before the pipeline; a cancelled understanding is left
 *  alone until someone asks again). */
export function documentsToUnderstand(db: Db): number[] {
  return (
    db
      .prepare(
        `SELECT d.id FROM documents d
          WHERE d.status = 'text_ready'
            AND (d.extracted_at IS NULL OR NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.document_id = d.id))
            AND NOT EXISTS (SELECT 1 FROM job_items ji JOIN jobs j ON j.id = ji.job_id
                             WHERE ji.document_id = d.id AND j.kind = '${UNDERSTAND_JOB_KIND}' AND ji.state IN ('queued','running','cancelled'))
          ORDER BY d.id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

export interface UnderstandKindDeps {
  db: Db;
  pool: () => WorkerPool<UnderstandTask, UnderstandOutcome[]>;
  /** An OCR job is running in this process: more documents are on their way. */
  ocrRunning: () => boolean;
  /** The agency's access model (null: rules only). */
  model: () => AccessModel | null;
  /** When someone last used the app, and last typed a search (ms, Date.now()). */
  lastInteraction: () => { any: number; typing: number };
}

/** After a call from the UI, the main thread stores results only every this many ms for a while,
 *  so the user's next click finds it free. */
const YIELD_TO_USER_MS = 40;
const USER_ACTIVE_MS = 1000;
/** While someone types a search (a keystroke in the last 400 ms), storing waits — at most 2 s
 *  per slice, so a long typing session slows the pipeline down but never stops it. */
const TYPING_MS = 400;
const MAX_TYPING_WAIT_MS = 2000;

async function giveWayToUser(last: () => { any: number; typing: number }): Promise<void> {
  const since = Date.now();
  while (Date.now() - last().typing < TYPING_MS && Date.now() - since < MAX_TYPING_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (Date.now() - last().any < USER_ACTIVE_MS) await new Promise((resolve) => setTimeout(resolve, YIELD_TO_USER_MS));
  else await nextTurn();
}

type Stage = { item: ClaimedItem<Item>; stored: 'none' | 'both' };

export function understandJobKind(deps: UnderstandKindDeps): JobKind<Payload, Item> {
  const { db } = deps;
  const storedState = db.prepare(
    `SELECT d.extracted_at IS NOT NULL AS header, EXISTS (SELECT 1 FROM suggestions s WHERE s.document_id = d.id) AS suggestion
       FROM documents d WHERE d.id = ?`,
  );
  const fileName = db.prepare('SELECT file_name FROM documents WHERE id = ?');

  const store = (ctx: StepContext<Payload>, stage: Stage, outcome: UnderstandOutcome | null) => {
    const { item } = stage;
    const id = item.item.documentId;
    if (outcome && !outcome.ok) {
      const code = outcome.code;
      ctx.finish(item, { state: 'failed', errorCode: code, error: ERROR_MESSAGES[code].en, result: { documentId: id, error: { code, message: ERROR_MESSAGES[code].vi } } });
      return;
    }
    const extracted = outcome ? recordExtraction(db, id, outcome, ctx.payload.actor, outcome.ocrConfidence) : null;
    const suggested = outcome
      ? recordSuggestion(db, id, ctx.payload.actor, suggestAccess(outcome.forSuggestion.header, outcome.forSuggestion.evidence, { model: deps.model() }))
      : null;
    ctx.finish(item, {
      state: 'done',
      result: { documentId: id, fields: extracted ? Object.values(extracted.header).filter(Boolean).length : null, class: suggested?.class ?? null, skipped: !extracted && !suggested },
    });
  };

  return {
    kind: UNDERSTAND_JOB_KIND,
    unit: 'document',
    payload: Payload,
    keyOf: (item) => String(item.documentId),
    parseKey: (key) => Item.parse({ documentId: Number(key) }),
    batch: BATCH,
    // Two steps at once: one waits for the worker to read its batch while the other stores its
    // results, so reading (worker thread) and storing (main thread) overlap.
    concurrency: () => 2,
    progressEveryMs: 250,
    lingerWhile: deps.ocrRunning,
    label: (row) => (fileName.get(Number(row.item_key)) as { file_name: string } | undefined)?.file_name ?? `#${row.item_key}`,
    async step(ctx, items) {
      const stages: Stage[] = items.map((item) => {
        const row = storedState.get(item.item.documentId) as { header: number; suggestion: number } | undefined;
        return { item, stored: row && row.header && row.suggestion ? 'both' : 'none' };
      });
      const missing = stages.filter((s) => !storedState.get(s.item.item.documentId));
      for (const s of missing) {
        ctx.finish(s.item, { state: 'failed', errorCode: 'NOT_FOUND', error: `document ${s.item.item.documentId}`, result: { documentId: s.item.item.documentId, error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND.vi } } });
      }
      const toRead = stages.filter((s) => s.stored === 'none' && !missing.includes(s));
      const outcomes = new Map<number, UnderstandOutcome>();
      if (toRead.length > 0) {
        for (const o of await deps.pool().run({ ids: toRead.map((s) => s.item.item.documentId) }, { signal: ctx.signal })) outcomes.set(o.id, o);
      }
      const ready = stages.filter((s) => !missing.includes(s));
      let next = 0;
      while (next < ready.length) {
        if (ctx.stopping() || ctx.signal.aborted) return;
        const sliceStart = performance.now();
        db.transaction(() => {
          do {
            const stage = ready[next++]!;
            const outcome = stage.stored === 'none' ? outcomes.get(stage.item.item.documentId) : null;
            if (stage.stored === 'none' && !outcome) throw new AppError('INTERNAL', `no result for document ${stage.item.item.documentId}`);
            store(ctx, stage, outcome ?? null);
          } while (next < ready.length && performance.now() - sliceStart < WRITE_SLICE_MS);
        }).immediate();
        await giveWayToUser(deps.lastInteraction);
      }
    },
  };
}
