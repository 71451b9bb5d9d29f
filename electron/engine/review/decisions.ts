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
import { proposedTitles, titleToPublish } from '../catalogue/publishedTitles';
import { assertRedactionReady, hasActiveRegions } from '../redaction/regions';
import { createHash } from 'node:crypto';
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
  /** The title to publish (the reviewer's edit of the masked proposal); default: the proposal. */
  publishedTitle?: string | null;
  /** Public with redactions (công khai một phần): published only with the accepted redaction
   *  regions removed (redaction/). Only for class public. */
  partial?: boolean;
}

/** A decision with the title it publishes worked out (null when it publishes nothing). */
export type TitledDecisionInput = DecisionInput & { publishedTitle: string | null };

/** Where a decision row came from (migration review-desk): a person's single decision, one of a group
 *  decision, bulk approval of suggestions, or an undo. */
export type DecisionOrigin = 'single' | 'group' | 'bulk' | 'undo';

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
  origin: DecisionOrigin;
  batch: number | null;
  /** 1: this row withdraws the decision (undo of a first decision): no decision is in force. */
  withdrawn: number;
  published_title: string | null;
  /** 1: public with redactions; `redaction_key` is the regions key it approved. */
  partial: number;
  redaction_key: string | null;
}

export function latestDecision(db: Db, documentId: number): DecisionRow | undefined {
  return db.prepare('SELECT * FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(documentId) as DecisionRow | undefined;
}

/** The decision in force: the latest row unless it withdraws the decision. */
export function decisionInForce(db: Db, documentId: number): DecisionRow | undefined {
  const row = latestDecision(db, documentId);
  return row && row.withdrawn === 0 ? row : undefined;
}

/** The published title is worked out before the writing transaction (it may run the finders). */
export function withTitle(db: Db, input: DecisionInput): TitledDecisionInput {
  const publishes = (input.approve ?? true) && input.access !== 'secret';
  return { ...input, publishedTitle: publishes ? titleToPublish(db, input.documentId, input.publishedTitle) : null };
}

/** Records one decision inside the caller's transaction. `origin`/`batch` say how it was made. */
export function insertDecision(
  db: Db,
  input: TitledDecisionInput,
  registry: LegalRegistry,
  made: { origin: Exclude<DecisionOrigin, 'undo'>; batch?: number | null } = { origin: 'single' },
): DecisionRow {
  // Never a defaulted basis: the caller names one (the contract and the CLI require it too).
  if (!input.basis?.trim()) throw new AppError('BASIS_REQUIRED', `document ${input.documentId}`);
  const entry = registry.find(input.basis, input.basisVersion);
  if (!entry) throw new AppError('BASIS_UNKNOWN', input.basis);
  if (entry.accessClass !== null && entry.accessClass !== input.access) {
    throw new AppError('BASIS_CLASS_MISMATCH', `${entry.id} supports ${entry.accessClass}, not ${input.access}`);
  }
  if (!input.reviewer.trim()) throw new AppError('INVALID_INPUT', 'reviewer');
  const doc = db.prepare('SELECT id FROM documents WHERE id = ?').get(input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', `document ${input.documentId}`);
  const latest = latestDecision(db, input.documentId);
  const previous = latest && latest.withdrawn === 0 ? latest : undefined;
  const approve = input.approve ?? true;
  assertHeaderChecked(db, input.documentId, { access: input.access, approve });
  const note = input.note?.trim() || null;
  // Partial disclosure: approved only with every proposed region decided; a plain public approval
  // is refused while regions are marked (it would publish what they cover).
  const partial = input.partial === true;
  if (partial && input.access !== 'public') throw new AppError('REDACTION_PARTIAL_CLASS', `document ${input.documentId}: ${input.access}`);
  if (!partial && approve && input.access === 'public' && hasActiveRegions(db, input.documentId)) throw new AppError('REDACTION_NOT_APPLIED', `document ${input.documentId}`);
  const redactionKey = partial && approve ? assertRedactionReady(db, input.documentId) : null;
  if (previous?.approved === 1 && (previous.access_class !== input.access || previous.basis_id !== entry.id || previous.partial !== (partial ? 1 : 0) || !approve) && !note) {
    throw new AppError('REASON_REQUIRED', `document ${input.documentId}`);
  }
  const at = nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO decisions (document_id, access_class, basis_id, basis_version, reviewer, note, approved, decided_at, supersedes, origin, batch, published_title, partial, redaction_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.documentId,
        input.access,
        entry.id,
        entry.version,
        input.reviewer,
        note,
        approve ? 1 : 0,
        at,
        latest?.id ?? null,
        made.origin,
        made.batch ?? null,
        input.publishedTitle,
        partial ? 1 : 0,
        redactionKey,
      ).lastInsertRowid,
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
      publishedTitle: input.publishedTitle,
      ...(partial ? { partial: true, redactionKey } : {}),
      supersedes: latest?.id ?? null,
      origin: made.origin,
      previous: previous ? { class: previous.access_class, basis: previous.basis_id, approved: previous.approved === 1 } : null,
    },
  });
  return db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow;
}

export function recordDecision(db: Db, input: DecisionInput, registry: LegalRegistry = legalRegistry()): DecisionRow {
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(input.documentId)) throw new AppError('NOT_FOUND', `document ${input.documentId}`);
  const titled = withTitle(db, input);
  return db.transaction(() => insertDecision(db, titled, registry)).immediate();
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
  /** Identifies the suggestion's exact content: a re-analysis under the same document changes it. */
  suggestionId: string;
  /** The title that approval publishes (personal data masked); null for secret. */
  publishedTitle: string | null;
}

/** What the reviewer confirmed, item by item, as the dry run showed it. */
export type ConfirmedApprovalItem = Pick<BulkApprovalItem, 'id' | 'to' | 'basis' | 'basisVersion' | 'suggestionId' | 'publishedTitle'>;

/** A planned approval as read from the suggestion (all of it goes into the suggestion's identity). */
interface PlanRow {
  id: number;
  title: string;
  current: AccessClass | null;
  class: AccessClass;
  basis_id: string;
  basis_version: string;
  engine_version: string;
  created_at: string;
  reasons: string;
  source: string | null;
  confidence: number | null;
}

function suggestionIdOf(r: Omit<PlanRow, 'title' | 'current'>): string {
  const identity = [r.id, r.class, r.basis_id, r.basis_version, r.engine_version, r.created_at, r.reasons, r.source, r.confidence];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 24);
}

/** Documents whose suggestion would be approved: a suggestion with a class (never "needs
 *  review"), no decision yet (a person's decision is never overridden in bulk), no header field
 *  still "cần kiểm tra" (unless it stays secret), no redaction regions marked (a partial
 *  disclosure is decided one document at a time). A public class
 *  proposed by the model alone (no rule of the law named it) is approved one document at a time,
 *  never in bulk: publishing is the one mistake that cannot be taken back. */
export function bulkApprovalPlan(db: Db, filter: BulkApprovalFilter): BulkApprovalItem[] {
  const rows = db
    .prepare(
      `SELECT d.id, coalesce(d.number_notation || ' — ' || d.subject, d.subject, d.file_name) AS title, d.access_class AS current,
              s.access_class AS class, s.basis_id, s.basis_version, s.engine_version, s.created_at, s.reasons, s.source, s.confidence
         FROM suggestions s JOIN documents d ON d.id = s.document_id
        WHERE s.access_class IS NOT NULL AND s.basis_id IS NOT NULL
          AND NOT (coalesce(s.source, '') = 'model' AND s.access_class = 'public')
          AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.document_id = d.id)
          AND (s.access_class = 'secret' OR NOT EXISTS (SELECT 1 FROM header_fields h WHERE h.document_id = d.id AND ${NEEDS_CHECK_SQL}))
          AND NOT EXISTS (SELECT 1 FROM redaction_regions r WHERE r.document_id = d.id AND r.state IN ('proposed', 'accepted'))
          AND (@access IS NULL OR s.access_class = @access)
          AND (@docType IS NULL OR d.doc_type = @docType)
        ORDER BY d.id`,
    )
    .all({ access: filter.access ?? null, docType: filter.docType ?? null }) as PlanRow[];
  const titles = proposedTitles(db, rows.filter((r) => r.class !== 'secret').map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    from: r.current,
    to: r.class,
    basis: r.basis_id,
    basisVersion: r.basis_version,
    suggestionId: suggestionIdOf(r),
    publishedTitle: r.class === 'secret' ? null : (titles.get(r.id) ?? null),
  }));
}

function sameItem(a: ConfirmedApprovalItem, b: ConfirmedApprovalItem): boolean {
  return a.id === b.id && a.to === b.to && a.basis === b.basis && a.basisVersion === b.basisVersion && a.suggestionId === b.suggestionId && a.publishedTitle === b.publishedTitle;
}

/**
 * Approves the planned suggestions in one transaction (all or nothing), one audited decision each.
 * With `confirmed` (what the dry run showed the reviewer), the plan is recomputed INSIDE the
 * writing transaction and compared by value — document, class, basis, version, the suggestion's
 * identity and the published title: any difference (a re-analysis, a decision made meanwhile, the
 * CLI writing the same archive) refuses everything with PLAN_CHANGED.
 */
export function approveSuggestions(
  db: Db,
  filter: BulkApprovalFilter,
  reviewer: string,
  registry: LegalRegistry = legalRegistry(),
  confirmed?: readonly ConfirmedApprovalItem[],
): BulkApprovalItem[] {
  // The finders may fill their cache here; the comparison below is what counts.
  bulkApprovalPlan(db, filter);
  return db
    .transaction(() => {
      const plan = bulkApprovalPlan(db, filter);
      if (confirmed) {
        const byId = new Map(confirmed.map((c) => [c.id, c]));
        const differs = plan.length !== confirmed.length || plan.some((p) => !byId.has(p.id) || !sameItem(p, byId.get(p.id)!));
        if (differs) throw new AppError('PLAN_CHANGED', `planned ${plan.length}, confirmed ${confirmed.length}`);
      }
      for (const item of plan) {
        insertDecision(
          db,
          { documentId: item.id, access: item.to, basis: item.basis, basisVersion: item.basisVersion, reviewer, note: 'Phê duyệt đề xuất (hàng loạt)', approve: true, publishedTitle: item.publishedTitle },
          registry,
          { origin: 'bulk' },
        );
      }
      if (plan.length > 0) appendAudit(db, { actor: reviewer, action: 'decision.bulk-approved', payload: { filter, documents: plan.map((p) => p.id) } });
      return plan;
    })
    .immediate();
}
