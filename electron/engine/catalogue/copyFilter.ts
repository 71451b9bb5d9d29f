/**
 * One catalogue row per document, however many files of it were imported (archive/copies.ts).
 * Applied to the exportable rows before anything is built from them:
 *  - copies that agree: only the preferred exportable copy is published (born-digital first);
 *    the others are held back as `other-copy-published`;
 *  - copies that disagree — different decided classes, or one carries a secrecy marking — are
 *    all held back (`copies-disagree`): a person must settle which is right, never the exporter.
 */
import type { Db } from '../archive/database';
import { allCopyGroups, byPreference } from '../archive/copies';
import type { HeldBack } from './types';

export function filterCopies<R extends { id: number }>(
  db: Db,
  rows: R[],
  /** The export's own secrecy check (a stamp on any page counts, extraction or not). */
  secrecyChecks: (ids: number[]) => Map<number, { secrecy: string | null }>,
): { rows: R[]; heldBack: HeldBack[] } {
  const groups = allCopyGroups(db);
  if (groups.length === 0) return { rows, heldBack: [] };
  const exportable = new Set(rows.map((r) => r.id));
  // The decision in force: the latest, unless it withdraws the decision (an undo).
  const latestClass = db.prepare('SELECT CASE WHEN withdrawn = 0 THEN access_class END AS access_class FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1');
  const secrecy = secrecyChecks(groups.flatMap((g) => g.map((m) => m.id)));
  const drop = new Map<number, HeldBack['reason']>();
  for (const group of groups) {
    const candidates = group.filter((m) => exportable.has(m.id));
    if (candidates.length === 0) continue;
    const classes = new Set(group.map((m) => (latestClass.get(m.id) as { access_class: string } | undefined)?.access_class).filter(Boolean));
    const marked = group.some((m) => secrecy.get(m.id)?.secrecy);
    if (classes.size > 1 || marked) {
      for (const m of candidates) drop.set(m.id, 'copies-disagree');
      continue;
    }
    const [keep, ...others] = [...candidates].sort(byPreference);
    void keep;
    for (const m of others) drop.set(m.id, 'other-copy-published');
  }
  return {
    rows: rows.filter((r) => !drop.has(r.id)),
    heldBack: [...drop].map(([documentId, reason]) => ({ documentId, reason })),
  };
}
