/**
 * Undo of a reviewer's last decision (a single decision, or every row of a group decision).
 *
 * Decisions are never updated or deleted: undo appends a row that supersedes the undone one and
 * takes the document back to the decision before it — its class and basis, but **never
 * approved**; or, when the undone decision was the document's first, a row that withdraws the
 * decision (no decision in force). So undo can take a document off publication but can never put
 * one on: a restored earlier approval needs the reviewer's Enter again. It refuses (nothing
 * written) when there is nothing of this reviewer's to undo, when a newer decision was made on the
 * document since, or when the decision was undone already. Bulk approvals are not undone here
 * (their rows are revised one by one). Every undo is audited.
 */
import type { Db } from '../archive/database';
import type { UndoneDecision } from '../../../shared/contract/review';
import { nowIso } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import type { DocumentStatus } from '../../../shared/domain/access';
import { latestDecision, type DecisionRow } from './decisions';

export type { UndoneDecision };

/** The status a document has without a decision: suggested, text ready or imported. */
function statusWithoutDecision(db: Db, documentId: number): DocumentStatus {
  if (db.prepare('SELECT 1 FROM suggestions WHERE document_id = ?').get(documentId)) return 'suggested';
  const open = db
    .prepare(`SELECT count(*) AS c FROM pages WHERE document_id = ? AND ocr_state IN ('pending','failed')`)
    .get(documentId) as { c: number };
  return open.c > 0 ? 'imported' : 'text_ready';
}

function undoRow(db: Db, row: DecisionRow, reviewer: string, at: string): UndoneDecision {
  const before = row.supersedes !== null ? (db.prepare('SELECT * FROM decisions WHERE id = ?').get(row.supersedes) as DecisionRow) : undefined;
  const restore = before && before.withdrawn === 0 ? before : undefined;
  const note = `Hoàn tác quyết định #${row.id}`;
  const id = Number(
    db
      .prepare(
        `INSERT INTO decisions (document_id, access_class, basis_id, basis_version, reviewer, note, approved, decided_at, supersedes, origin, withdrawn, partial)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 'undo', ?, ?)`,
      )
      .run(
        row.document_id,
        restore?.access_class ?? row.access_class,
        restore?.basis_id ?? row.basis_id,
        restore?.basis_version ?? row.basis_version,
        reviewer,
        note,
        at,
        row.id,
        restore ? 0 : 1,
        // A restored partial decision stays partial (never approved: its regions are approved again
        // with it, by the reviewer).
        (restore ?? row).partial,
      ).lastInsertRowid,
  );
  if (restore) {
    db.prepare("UPDATE documents SET access_class = ?, status = 'reviewed', updated_at = ? WHERE id = ?").run(restore.access_class, at, row.document_id);
  } else {
    db.prepare('UPDATE documents SET access_class = NULL, status = ?, updated_at = ? WHERE id = ?').run(statusWithoutDecision(db, row.document_id), at, row.document_id);
  }
  const restored = restore ? { class: restore.access_class, basis: restore.basis_id, approved: false as const } : null;
  appendAudit(db, {
    actor: reviewer,
    action: 'decision.undone',
    documentId: row.document_id,
    payload: { decision: id, undoes: row.id, undone: { class: row.access_class, basis: row.basis_id, approved: row.approved === 1 }, restored },
  });
  return { documentId: row.document_id, undone: row.id, restored };
}

/** The reviewer's last decision (single or group) — what undo would act on; undefined if none. */
export function lastUndoable(db: Db, reviewer: string): DecisionRow | undefined {
  return db
    .prepare("SELECT * FROM decisions WHERE reviewer = ? AND origin IN ('single','group') ORDER BY id DESC LIMIT 1")
    .get(reviewer) as DecisionRow | undefined;
}

/** Undoes the reviewer's last decision (all rows of it, for a group decision) in one transaction. */
export function undoLastDecision(db: Db, reviewer: string): UndoneDecision[] {
  return db
    .transaction(() => {
      const target = lastUndoable(db, reviewer);
      if (!target) throw new AppError('UNDO_NOTHING', reviewer);
      const rows =
        target.batch !== null
          ? (db.prepare('SELECT * FROM decisions WHERE batch = ? ORDER BY id').all(target.batch) as DecisionRow[])
          : [target];
      for (const row of rows) {
        if (latestDecision(db, row.document_id)?.id !== row.id) throw new AppError('UNDO_STALE', `decision ${row.id} of document ${row.document_id}`);
      }
      const at = nowIso();
      return rows.map((row) => undoRow(db, row, reviewer, at));
    })
    .immediate();
}
