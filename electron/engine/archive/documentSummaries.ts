import type { Db } from './database';
import type { DocumentSummary } from '../../../shared/contract/schemas';
import { summaryOf, type DocumentRow } from './documentsRepo';

/** Summaries of the given documents, in the order of `ids` (search hits keep their ranking).
 *  Missing ids are skipped. */
export function summariesByIds(db: Db, ids: readonly number[]): DocumentSummary[] {
  if (ids.length === 0) return [];
  const placeholders = ids.map(() => '?').join(',');
  const rows = db
    .prepare(`SELECT d.* FROM documents d WHERE d.id IN (${placeholders})`)
    .all(...ids) as DocumentRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [summaryOf(db, row)] : [];
  });
}
