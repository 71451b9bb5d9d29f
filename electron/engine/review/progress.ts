/**
 * Where a reviewer stands: the next document that still needs a person (no decision in force —
 * so documents decided by bulk approval, a group decision or another reviewer are skipped), and
 * counts of what is left by suggested class.
 */
import type { Db } from '../archive/database';
import type { ReviewCounts } from '../../../shared/contract/review';
import type { ReviewQueueFilter } from './queue';
import { NO_DECISION_IN_FORCE, where } from './queue';

/** The first document after `afterId` in queue order (by id, wrapping round to the start) that
 *  matches the filter and has no decision in force; null when none is left. */
export function nextNeedingReview(db: Db, filter: Omit<ReviewQueueFilter, 'limit' | 'undecided'>, afterId: number | null): number | null {
  const { sql, params } = where({ ...filter, undecided: true });
  const query = db.prepare(
    `SELECT d.id FROM documents d LEFT JOIN suggestions s ON s.document_id = d.id
      WHERE d.id > @after AND ${sql} ORDER BY d.id LIMIT 1`,
  );
  const after = (query.get({ ...params, after: afterId ?? 0 }) as { id: number } | undefined)?.id;
  if (after !== undefined || afterId === null) return after ?? null;
  return (query.get({ ...params, after: 0 }) as { id: number } | undefined)?.id ?? null;
}

export type { ReviewCounts };

export function reviewCounts(db: Db): ReviewCounts {
  const left = db
    .prepare(
      `SELECT s.document_id IS NOT NULL AS has_suggestion, s.access_class AS class, count(*) AS n
         FROM documents d LEFT JOIN suggestions s ON s.document_id = d.id
        WHERE ${NO_DECISION_IN_FORCE}
        GROUP BY 1, 2`,
    )
    .all() as { has_suggestion: number; class: string | null; n: number }[];
  const counts: ReviewCounts = {
    left: { public: 0, conditional: 0, secret: 0, needsReview: 0, noSuggestion: 0, total: 0 },
    decided: { approved: 0, reviewed: 0 },
  };
  for (const r of left) {
    const key = !r.has_suggestion ? 'noSuggestion' : r.class === null ? 'needsReview' : (r.class as 'public' | 'conditional' | 'secret');
    counts.left[key] += r.n;
    counts.left.total += r.n;
  }
  const decided = db
    .prepare(
      `SELECT x.approved, count(*) AS n
         FROM (SELECT max(id) AS id FROM decisions GROUP BY document_id) latest
         JOIN decisions x ON x.id = latest.id
        WHERE x.withdrawn = 0
        GROUP BY x.approved`,
    )
    .all() as { approved: number; n: number }[];
  for (const r of decided) counts.decided[r.approved === 1 ? 'approved' : 'reviewed'] = r.n;
  return counts;
}
