/**
 * Group review: documents near-identical to one under review — the same document type and issuer
 * and the same subject pattern (folded text with numbers, dates and personal names blanked, then
 * ≥ 80 % alike by edit distance) — that have no decision in force, so one decision can be applied
 * to the ones the reviewer checks. Each checked document gets its own audited decision row, all in
 * one transaction (all or nothing) and one batch (so undo takes the whole group back).
 */
import { distance } from 'fastest-levenshtein';
import type { Db } from '../archive/database';
import type { SimilarDocument } from '../../../shared/contract/review';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import type { AccessClass } from '../../../shared/domain/access';
import { fold } from '../../../shared/text/vietnamese';
import { legalRegistry, type LegalRegistry } from '../understanding/legalRegistry';
import { insertDecision, withTitle, type DecisionInput, type DecisionRow } from './decisions';

/** How alike two subject patterns must be (1 − edit distance / longer length). */
export const SUBJECT_SIMILARITY = 0.8;
/** Candidates read per group (same type and issuer): bounds the work at 100 000 documents. */
const MAX_CANDIDATES = 2000;
const MAX_GROUP = 200;

export type { SimilarDocument };

// Names of people and places (runs of two or more capitalised words: "Nguyễn Văn An", "Mỹ Hà"),
// dates and numbers vary between the copies of one kind of document; the rest is its pattern.
const PROPER_NAME = /\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+/gu;

/** The subject's pattern: proper names, digits and punctuation blanked, then folded. */
export function subjectPattern(subject: string): string {
  return fold(subject.normalize('NFC').replace(PROPER_NAME, ' _ '))
    .replace(/\d+/g, '#')
    .replace(/[^a-z#_ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

interface Row {
  id: number;
  title: string;
  subject: string | null;
  has_suggestion: number;
  s_class: AccessClass | null;
  s_basis: string | null;
}

/** Undecided documents like `documentId` (not including it), most alike first. */
export function similarDocuments(db: Db, documentId: number): SimilarDocument[] {
  const doc = db.prepare('SELECT id, doc_type, issuer, subject FROM documents WHERE id = ?').get(documentId) as
    | { id: number; doc_type: string | null; issuer: string | null; subject: string | null }
    | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `document ${documentId}`);
  // Without a type and a subject there is nothing to call "the same kind of document".
  if (!doc.doc_type || !doc.subject) return [];
  const pattern = subjectPattern(doc.subject);
  const rows = db
    .prepare(
      `SELECT d.id, coalesce(d.number_notation || ' — ' || d.subject, d.subject, d.file_name) AS title, d.subject,
              s.document_id IS NOT NULL AS has_suggestion, s.access_class AS s_class, s.basis_id AS s_basis
         FROM documents d
         LEFT JOIN suggestions s ON s.document_id = d.id
        WHERE d.doc_type = @type AND d.issuer IS @issuer AND d.id <> @id AND d.subject IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.id = (SELECT max(id) FROM decisions WHERE document_id = d.id) AND x.withdrawn = 0)
        ORDER BY d.id
        LIMIT ${MAX_CANDIDATES}`,
    )
    .all({ type: doc.doc_type, issuer: doc.issuer, id: doc.id }) as Row[];
  return rows
    .map((r) => ({ r, similarity: similarity(pattern, subjectPattern(r.subject!)) }))
    .filter((x) => x.similarity >= SUBJECT_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.r.id - b.r.id)
    .slice(0, MAX_GROUP)
    .map(({ r, similarity: s }) => ({
      id: r.id,
      title: r.title,
      subject: r.subject,
      suggested: r.has_suggestion ? { class: r.s_class, basis: r.s_basis } : null,
      similarity: Math.round(s * 100) / 100,
    }));
}

export interface GroupDecisionInput extends Omit<DecisionInput, 'documentId'> {
  documentIds: number[];
}

/** One decision (class, basis, note, approve) recorded for every listed document, as one batch. */
export function decideGroup(db: Db, input: GroupDecisionInput, registry: LegalRegistry = legalRegistry()): DecisionRow[] {
  const ids = [...new Set(input.documentIds)];
  if (ids.length === 0) throw new AppError('INVALID_INPUT', 'no documents');
  // Each document publishes its own masked title (worked out before the writing transaction).
  const titled = ids.map((documentId) => withTitle(db, { ...input, documentId, publishedTitle: null }));
  return db
    .transaction(() => {
      // The batch is named by its first row's id; rows are never updated, so it is known before
      // the insert: SQLite gives a rowid table's new row max(rowid) + 1 (checked below).
      const batch = ((db.prepare('SELECT max(id) AS m FROM decisions').get() as { m: number | null }).m ?? 0) + 1;
      const rows = titled.map((one) => insertDecision(db, one, registry, { origin: 'group', batch }));
      if (rows[0]!.id !== batch) throw new Error(`group batch ${batch} is not its first row ${rows[0]!.id}`);
      appendAudit(db, {
        actor: input.reviewer,
        action: 'decision.group',
        payload: { batch, class: input.access, basis: rows[0]!.basis_id, documents: ids },
      });
      return rows;
    })
    .immediate();
}
