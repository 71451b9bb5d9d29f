import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

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
}

export interface JobItemRow {
  job_id: number;
  item_key: string;
  state: JobState;
  error_code: string | null;
  error: string | null;
  result: string | null;
}

/** The durable side of the job queue: jobs and their items live in SQLite, so a restart finds
 *  exactly what was left to do. */
export class JobStore {
  constructor(private readonly db: Db) {}

  create(kind: string, payload: unknown, itemKeys: string[]): number {
    const at = nowIso();
    const run = this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO jobs (kind, payload, state, progress_total, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)`,
          )
          .run(kind, JSON.stringify(payload ?? {}), itemKeys.length, at, at).lastInsertRowid,
      );
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO job_items (job_id, item_key, state, updated_at) VALUES (?, ?, 'queued', ?)`,
      );
      for (const key of itemKeys) insert.run(id, key, at);
      return id;
    });
    return run.immediate();
  }

  get(id: number): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  }

  list(limit = 100): JobRow[] {
    return this.db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(limit) as JobRow[];
  }

  /** Jobs that were queued or running when the process stopped. */
  unfinished(kind?: string): JobRow[] {
    return (
      kind
        ? this.db.prepare(`SELECT * FROM jobs WHERE state IN ('queued','running') AND kind = ? ORDER BY id`).all(kind)
        : this.db.prepare(`SELECT * FROM jobs WHERE state IN ('queued','running') ORDER BY id`).all()
    ) as JobRow[];
  }

  start(id: number): void {
    this.db.prepare(`UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(nowIso(), id);
  }

  /** Items still to do: queued ones, and any left "running" by a crash. */
  pendingItems(id: number): JobItemRow[] {
    return this.db
      .prepare(`SELECT * FROM job_items WHERE job_id = ? AND state IN ('queued','running') ORDER BY rowid`)
      .all(id) as JobItemRow[];
  }

  items(id: number): JobItemRow[] {
    return this.db.prepare('SELECT * FROM job_items WHERE job_id = ? ORDER BY rowid').all(id) as JobItemRow[];
  }

  finishItem(id: number, key: string, outcome: { state: 'done' | 'failed' | 'cancelled'; errorCode?: string; error?: string; result?: unknown }): void {
    const at = nowIso();
    this.db
      .prepare(
        `UPDATE job_items SET state = ?, error_code = ?, error = ?, result = ?, updated_at = ? WHERE job_id = ? AND item_key = ?`,
      )
      .run(outcome.state, outcome.errorCode ?? null, outcome.error ?? null, outcome.result === undefined ? null : JSON.stringify(outcome.result), at, id, key);
    this.db
      .prepare(
        `UPDATE jobs SET progress_done = (SELECT count(*) FROM job_items WHERE job_id = ? AND state IN ('done','failed','cancelled')),
                         updated_at = ? WHERE id = ?`,
      )
      .run(id, at, id);
  }

  finish(id: number, state: 'done' | 'failed' | 'cancelled', error?: string): void {
    this.db.prepare('UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?').run(state, error ?? null, nowIso(), id);
  }

  requestCancel(id: number): boolean {
    const at = nowIso();
    const changed = this.db
      .prepare(`UPDATE jobs SET state = 'cancelled', updated_at = ? WHERE id = ? AND state IN ('queued','running')`)
      .run(at, id).changes;
    if (changed > 0) {
      this.db.prepare(`UPDATE job_items SET state = 'cancelled', updated_at = ? WHERE job_id = ? AND state = 'queued'`).run(at, id);
    }
    return changed > 0;
  }

  isCancelled(id: number): boolean {
    return this.get(id)?.state === 'cancelled';
  }
}
