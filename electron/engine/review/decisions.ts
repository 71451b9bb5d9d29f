/**
 * Access decisions: a person decides class + legal basis (registry entry and version) + note, at
 * a time. Decisions are never updated — a change is a new row that supersedes the previous one,
 * and changing an approved decision needs a reason. The document's cached access class and status
 * are written in the same transaction, with the audit event.
 */
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import type { AccessClass } from '../../../shared/domain/access';
import { legalRegistry, type LegalRegistry } from '../understanding/legalRegistry';
import { changeDocumentStatus } from '../archive/documentStatus';
import { assertHeaderChecked, NEEDS_CHECK_SQL } from './headerCheck';

export interface DecisionInput {
  documentId: number;
  access: AccessClass;
  /** Registry entry id ("L104.D7.K2"). */
  basis: string;
  /** Registry version; default: the registry's default version. */
  basisVersion?: string;
  reviewer: string;
  note?: string | null;
  /** Approve for publication now (default) or record as reviewed only. */
  approve?: boolean;
}

export interface DecisionRow {
  id: number;
  document_id: number;
  access_class: AccessClass;
  basis_id: string;
  basis_version: string;
  reviewer: string;
  note: string | null;
  approved: number;
  decided_at: string;
  supersedes: number | null;
}

export function latestDecision(db: Db, documentId: number): DecisionRow | undefined {
  return db.prepare('SELECT * FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(documentId) as DecisionRow | undefined;
}

function insertDecision(db: Db, input: DecisionInput, registry: LegalRegistry): DecisionRow {
  const entry = registry.find(input.basis, input.basisVersion);
  if (!entry) throw new AppError('BASIS_UNKNOWN', input.basis);
  if (entry.accessClass !== null && entry.accessClass !== input.access) {
    throw new AppError('BASIS_CLASS_MISMATCH', `${entry.id} supports ${entry.accessClass}, not ${input.access}`);
  }
  if (!input.reviewer.trim()) throw new AppError('INVALID_INPUT', 'reviewer');
  const doc = db.prepare('SELECT id FROM documents WHERE id = ?').get(input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', `document ${input.documentId}`);
  const previous = latestDecision(db, input.documentId);
  const approve = input.approve ?? true;
  assertHeaderChecked(db, input.documentId, { access: input.access, approve });
  const note = input.note?.trim() || null;
  if (previous?.approved === 1 && (previous.access_class !== input.access || previous.basis_id !== entry.id || !approve) && !note) {
    throw new AppError('REASON_REQUIRED', `document ${input.documentId}`);
  }
  const at = nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO decisions (document_id, access_class, basis_id, basis_version, reviewer, note, approved, decided_at, supersedes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.documentId, input.access, entry.id, entry.version, input.reviewer, note, approve ? 1 : 0, at, previous?.id ?? null).lastInsertRowid,
  );
  db.prepare('UPDATE documents SET access_class = ? WHERE id = ?').run(input.access, input.documentId);
  changeDocumentStatus(db, input.documentId, approve ? 'approved' : 'reviewed');
  appendAudit(db, {
    actor: input.reviewer,
    action: previous ? 'decision.changed' : 'decision.recorded',
    documentId: input.documentId,
    payload: {
      decision: id,
      class: input.access,
      basis: entry.id,
      basisVersion: entry.version,
      approved: approve,
      note,
      supersedes: previous?.id ?? null,
      previous: previous ? { class: previous.access_class, basis: previous.basis_id, approved: previous.approved === 1 } : null,
    },
  });
  return db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow;
}

export function recordDecision(db: Db, input: DecisionInput, registry: LegalRegistry = legalRegistry()): DecisionRow {
  return db.transaction(() => insertDecision(db, input, registry)).immediate();
}

export interface BulkApprovalFilter {
  /** Only suggestions of this class. */
  access?: AccessClass;
  /** Only documents of this type. */
  docType?: string;
}

export interface BulkApprovalItem {
  id: number;
  title: string;
  from: AccessClass | null;
  to: AccessClass;
  basis: string;
  basisVersion: string;
}

/** Documents whose suggestion would be approved: a suggestion with a class (never "needs
 *  review"), no decision yet (a person's decision is never overridden in bulk). */
export function bulkApprovalPlan(db: Db, filter: BulkApprovalFilter): BulkApprovalItem[] {
  const rows = db
    .prepare(
      `SELECT d.id, coalesce(d.number_notation || ' — ' || d.subject, d.subject, d.file_name) AS title, d.access_class AS current,
              s.access_class AS class, s.basis_id, s.basis_version
         FROM suggestions s JOIN documents d ON d.id = s.document_id
        WHERE s.access_class IS NOT NULL AND s.basis_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.document_id = d.id)
          AND (s.access_class = 'secret' OR NOT EXISTS (SELECT 1 FROM header_fields h WHERE h.document_id = d.id AND ${NEEDS_CHECK_SQL}))
          AND (@access IS NULL OR s.access_class = @access)
          AND (@docType IS NULL OR d.doc_type = @docType)
        ORDER BY d.id`,
    )
    .all({ access: filter.access ?? null, docType: filter.docType ?? null }) as {
    id: number;
    title: string;
    current: AccessClass | null;
    class: AccessClass;
    basis_id: string;
    basis_version: string;
  }[];
  return rows.map((r) => ({ id: r.id, title: r.title, from: r.current, to: r.class, basis: r.basis_id, basisVersion: r.basis_version }));
}

/** Approves the planned suggestions in one transaction (all or nothing), one audited decision each. */
export function approveSuggestions(db: Db, filter: BulkApprovalFilter, reviewer: string, registry: LegalRegistry = legalRegistry()): BulkApprovalItem[] {
  return db
    .transaction(() => {
      const plan = bulkApprovalPlan(db, filter);
      for (const item of plan) {
        insertDecision(db, { documentId: item.id, access: item.to, basis: item.basis, basisVersion: item.basisVersion, reviewer, note: 'Phê duyệt đề xuất (hàng loạt)', approve: true }, registry);
      }
      if (plan.length > 0) appendAudit(db, { actor: reviewer, action: 'decision.bulk-approved', payload: { filter, documents: plan.map((p) => p.id) } });
      return plan;
    })
    .immediate();
}
