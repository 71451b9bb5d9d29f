import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { JobStateName } from '../../../shared/domain/pipeline';

export type JobState = JobStateName;

export interface JobRow {
  id: number;
  kind: string;
  payload: string;
  state: JobState;
  progress_done: number;
  progress_total: number;
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
  owner: string | null;
  heartbeat_at: number | null;
  parent_id: number | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobItemRow {
  job_id: number;
  item_key: string;
  state: JobState;
  error_code: string | null;
  error: string | null;
  result: string | null;
  document_id: number | null;
}

export interface NewItem {
  key: string;
  documentId?: number | null;
}

export interface ItemOutcome {
  state: 'done' | 'failed' | 'cancelled';
  errorCode?: string;
  error?: string;
  result?: unknown;
}

export type JobCounts = Record<JobState, number>;

const FINISHED = new Set<JobState>(['done', 'failed']);

/**
 * The durable side of the job runner: jobs and their items live in SQLite, so a restart finds
 * exactly what was left to do. Every method is one statement or one transaction; the runner
 * (jobRunner.ts) decides when to call them.
 */
export class JobStore {
  constructor(private readonly db: Db) {}

  /** A new queued job with its items (an item key already in the job is kept once). */
  create(kind: string, payload: unknown, items: (string | NewItem)[], options: { parentId?: number | null } = {}): number {
    return this.db
      .transaction(() => {
        const at = nowIso();
        const id = Number(
          this.db
            .prepare(
              `INSERT INTO jobs (kind, payload, state, progress_total, parent_id, created_at, updated_at) VALUES (?, ?, 'queued', 0, ?, ?, ?)`,
            )
            .run(kind, JSON.stringify(payload ?? {}), options.parentId ?? null, at, at).lastInsertRowid,
        );
        this.addItems(id, items);
        return id;
      })
      .immediate();
  }

  /**
   * Adds items to the newest unfinished job of this kind and parent, or to a new one: the
   * pipeline's follow-ups (an import's OCR, the understanding queue) grow one job rather than one
   * job per document. Call inside the transaction that made the items necessary. A runner that
   * has drained the job sees the new items before it may mark the job done (`completeIfDrained`).
   */
  appendToOpenJob(kind: string, parentId: number | null, payload: unknown, items: NewItem[]): number | null {
    if (items.length === 0) return null;
    const open = this.db
      .prepare(
        `SELECT id FROM jobs WHERE kind = ? AND parent_id IS ? AND state IN ('queued','running') ORDER BY id DESC LIMIT 1`,
      )
      .get(kind, parentId) as { id: number } | undefined;
    if (open) {
      this.addItems(open.id, items);
      return open.id;
    }
    return this.create(kind, payload, items, { parentId });
  }

  private addItems(jobId: number, items: (string | NewItem)[]): void {
    const at = nowIso();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO job_items (job_id, item_key, state, document_id, updated_at) VALUES (?, ?, 'queued', ?, ?)`,
    );
    let added = 0;
    for (const item of items) {
      const { key, documentId } = typeof item === 'string' ? { key: item, documentId: null } : item;
      added += insert.run(jobId, key, documentId ?? null, at).changes;
    }
    if (added > 0) {
      this.db.prepare('UPDATE jobs SET progress_total = progress_total + ?, updated_at = ? WHERE id = ?').run(added, at, jobId);
    }
  }

  get(id: number): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  }

  list(limit = 100): JobRow[] {
    return this.db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(limit) as JobRow[];
  }

  /** Jobs that are queued or were running when a process stopped, oldest first. */
  unfinished(kind?: string): JobRow[] {
    return (
      kind
        ? this.db.prepare(`SELECT * FROM jobs WHERE state IN ('queued','running') AND kind = ? ORDER BY id`).all(kind)
        : this.db.prepare(`SELECT * FROM jobs WHERE state IN ('queued','running') ORDER BY id`).all()
    ) as JobRow[];
  }

  /**
   * Takes the lease of an unfinished job if nobody holds it, `owner` holds it, or its holder is
   * `expiredOwner` (seen gone by the caller). Items the previous holder left running go back to
   * the queue. Returns whether `owner` now holds the job.
   */
  lease(id: number, owner: string, expiredOwner: string | null): boolean {
    return this.db
      .transaction(() => {
        const job = this.get(id);
        if (!job || (job.state !== 'queued' && job.state !== 'running')) return false;
        if (job.owner !== null && job.owner !== owner && job.owner !== expiredOwner) return false;
        const at = nowIso();
        this.db
          .prepare(
            `UPDATE jobs SET owner = ?, heartbeat_at = ?, state = 'running', attempts = attempts + 1,
                    started_at = coalesce(started_at, ?), updated_at = ? WHERE id = ?`,
          )
          .run(owner, Date.now(), at, at, id);
        if (job.owner !== owner) {
          this.db.prepare(`UPDATE job_items SET state = 'queued', updated_at = ? WHERE job_id = ? AND state = 'running'`).run(at, id);
        }
        return true;
      })
      .immediate();
  }

  /** Gives up the lease of an unfinished job (a clean shutdown): its running items go back to
   *  the queue and the next process takes it at once. */
  release(id: number, owner: string): void {
    this.db
      .transaction(() => {
        const changed = this.db
          .prepare(`UPDATE jobs SET owner = NULL, heartbeat_at = NULL, updated_at = ? WHERE id = ? AND owner = ?`)
          .run(nowIso(), id, owner).changes;
        if (changed > 0) {
          this.db.prepare(`UPDATE job_items SET state = 'queued' WHERE job_id = ? AND state = 'running'`).run(id);
        }
      })
      .immediate();
  }

  /** Whether `owner` still holds the job's lease. */
  holds(id: number, owner: string): boolean {
    return this.db.prepare('SELECT 1 FROM jobs WHERE id = ? AND owner = ?').get(id, owner) !== undefined;
  }

  heartbeat(owner: string): void {
    this.db.prepare(`UPDATE jobs SET heartbeat_at = ? WHERE owner = ? AND state IN ('queued','running')`).run(Date.now(), owner);
  }

  /**
   * Marks up to `limit` queued items of a job `running` and returns them, oldest first — only
   * while `owner` holds the job's lease and it is still running, so two processes never work on
   * the same item.
   */
  claim(jobId: number, owner: string, limit: number): JobItemRow[] {
    return this.db
      .transaction(() => {
        const job = this.db.prepare(`SELECT 1 FROM jobs WHERE id = ? AND owner = ? AND state = 'running'`).get(jobId, owner);
        if (!job) return [];
        const items = this.db
          .prepare(`SELECT * FROM job_items WHERE job_id = ? AND state = 'queued' ORDER BY rowid LIMIT ?`)
          .all(jobId, limit) as JobItemRow[];
        const mark = this.db.prepare(`UPDATE job_items SET state = 'running', updated_at = ? WHERE job_id = ? AND item_key = ?`);
        const at = nowIso();
        for (const item of items) mark.run(at, jobId, item.item_key);
        return items.map((i) => ({ ...i, state: 'running' as const }));
      })
      .immediate();
  }

  items(id: number): JobItemRow[] {
    return this.db.prepare('SELECT * FROM job_items WHERE job_id = ? ORDER BY rowid').all(id) as JobItemRow[];
  }

  /** Records an item's outcome. Call inside the transaction that stores the item's result. */
  finishItem(id: number, key: string, outcome: ItemOutcome): void {
    const at = nowIso();
    const before = this.db.prepare('SELECT state FROM job_items WHERE job_id = ? AND item_key = ?').get(id, key) as { state: JobState } | undefined;
    if (!before) return;
    this.db
      .prepare(`UPDATE job_items SET state = ?, error_code = ?, error = ?, result = ?, updated_at = ? WHERE job_id = ? AND item_key = ?`)
      .run(
        outcome.state,
        outcome.errorCode ?? null,
        outcome.error ?? null,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        at,
        id,
        key,
      );
    // progress_done (done + failed) is kept by difference: recounting a 100 000-item job after
    // every item would cost more than the items themselves.
    const delta = Number(FINISHED.has(outcome.state)) - Number(FINISHED.has(before.state));
    this.db.prepare('UPDATE jobs SET progress_done = progress_done + ?, updated_at = ? WHERE id = ?').run(delta, at, id);
  }

  /** Items by state. Only the rarer states are counted (index ranges); `done` and `queued` come
   *  from the job's own totals, so this stays cheap for a job of 100 000 items. */
  counts(id: number): JobCounts {
    const job = this.db.prepare('SELECT progress_done, progress_total FROM jobs WHERE id = ?').get(id) as { progress_done: number; progress_total: number } | undefined;
    if (!job) return { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
    const count = this.db.prepare('SELECT count(*) AS c FROM job_items WHERE job_id = ? AND state = ?');
    const n = (state: JobState) => (count.get(id, state) as { c: number }).c;
    const failed = n('failed');
    const running = n('running');
    const cancelled = n('cancelled');
    const done = job.progress_done - failed;
    return { queued: Math.max(0, job.progress_total - job.progress_done - running - cancelled), running, done, failed, cancelled };
  }

  private recountDone(id: number): void {
    this.db
      .prepare(`UPDATE jobs SET progress_done = (SELECT count(*) FROM job_items WHERE job_id = ? AND state IN ('done','failed')) WHERE id = ?`)
      .run(id, id);
  }

  /** Marks the job done if no item is left to do; false when items were added meanwhile. */
  completeIfDrained(id: number, owner: string): boolean {
    const at = nowIso();
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = 'done', owner = NULL, heartbeat_at = NULL, finished_at = ?, updated_at = ?
            WHERE id = ? AND owner = ? AND state = 'running'
              AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = ? AND state IN ('queued','running'))`,
        )
        .run(at, at, id, owner, id).changes > 0
    );
  }

  fail(id: number, error: string): void {
    const at = nowIso();
    this.db.transaction(() => {
      this.db.prepare(`UPDATE jobs SET state = 'failed', error = ?, owner = NULL, heartbeat_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?`).run(error, at, at, id);
      this.db.prepare(`UPDATE job_items SET state = 'failed', error_code = 'INTERNAL', error = ?, updated_at = ? WHERE job_id = ? AND state IN ('queued','running')`).run(error, at, id);
      this.recountDone(id);
    }).immediate();
  }

  /** Cancels a queued or running job: queued items are cancelled now, items in flight when they
   *  stop. Returns false for a finished job. */
  requestCancel(id: number): boolean {
    return this.db
      .transaction(() => {
        const at = nowIso();
        const changed = this.db
          .prepare(`UPDATE jobs SET state = 'cancelled', finished_at = ?, updated_at = ? WHERE id = ? AND state IN ('queued','running')`)
          .run(at, at, id).changes;
        if (changed > 0) {
          this.db.prepare(`UPDATE job_items SET state = 'cancelled', error_code = 'CANCELLED', updated_at = ? WHERE job_id = ? AND state = 'queued'`).run(at, id);
        }
        return changed > 0;
      })
      .immediate();
  }

  /** After a cancelled job's items in flight have stopped: whatever is still marked running is
   *  cancelled too, and the lease is dropped. */
  settleCancelled(id: number, owner: string): void {
    const at = nowIso();
    this.db.transaction(() => {
      this.db.prepare(`UPDATE job_items SET state = 'cancelled', error_code = 'CANCELLED', updated_at = ? WHERE job_id = ? AND state IN ('queued','running')`).run(at, id);
      this.db.prepare(`UPDATE jobs SET owner = NULL, heartbeat_at = NULL, updated_at = ? WHERE id = ? AND owner = ?`).run(at, id, owner);
    }).immediate();
  }

  isCancelled(id: number): boolean {
    return this.get(id)?.state === 'cancelled';
  }

  /** Puts a finished job's failed and cancelled items back in the queue; returns how many. A job
   *  still queued or running is left alone (0). */
  requeue(id: number): number {
    return this.db
      .transaction(() => {
        const job = this.get(id);
        if (!job || job.state === 'running' || job.state === 'queued') return 0;
        const at = nowIso();
        const n = this.db
          .prepare(`UPDATE job_items SET state = 'queued', error = NULL, error_code = NULL, updated_at = ? WHERE job_id = ? AND state IN ('failed','cancelled')`)
          .run(at, id).changes;
        if (n > 0) {
          this.db
            .prepare(`UPDATE jobs SET state = 'queued', error = NULL, owner = NULL, heartbeat_at = NULL, finished_at = NULL, updated_at = ? WHERE id = ?`)
            .run(at, id);
          this.recountDone(id);
        }
        return n;
      })
      .immediate();
  }
}
