/**
 * What the review screen reads: the queue (documents with their suggestion and latest decision,
 * filtered by status, suggested class and type) and a document's evidence (findings with their
 * offsets in the page text, and — for OCR'd pages — the boxes of the words they cover, as
 * fractions of the page image so the UI can draw them at any zoom).
 */
import type { Db } from '../archive/database';
import type { AccessClass, DocumentStatus } from '../../../shared/domain/access';
import type { EvidenceFinding, ReviewQueueItem } from '../../../shared/contract/review';
import { copySummary } from '../archive/copies';
import { fieldsNeedingCheck } from './headerCheck';

export interface ReviewQueueFilter {
  status?: DocumentStatus;
  /** A suggested class, or 'none' for "needs review" (suggested without a class). */
  suggested?: AccessClass | 'none';
  docType?: string;
  /** Only documents with no decision in force (what still needs a reviewer). */
  undecided?: boolean;
  limit?: number;
}

/** Engine type = the contract's shape (shared/contract/review.ts). */
export type { ReviewQueueItem, EvidenceFinding } from '../../../shared/contract/review';

interface QueueRow {
  id: number;
  title: string;
  file_name: string;
  status: DocumentStatus;
  doc_type: string | null;
  has_suggestion: number;
  s_class: AccessClass | null;
  s_basis: string | null;
  d_class: AccessClass | null;
  d_basis: string | null;
  d_approved: number | null;
  d_withdrawn: number | null;
  d_partial: number | null;
  confidence: number | null;
  copy_key: string | null;
}

/** SQL true when document `d` has no decision in force (none, or the latest withdraws it). */
export const NO_DECISION_IN_FORCE = `NOT EXISTS (SELECT 1 FROM decisions x WHERE x.id = (SELECT max(id) FROM decisions WHERE document_id = d.id) AND x.withdrawn = 0)`;

export function where(filter: Omit<ReviewQueueFilter, 'limit'>): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `(@status IS NULL OR d.status = @status)
      AND (@suggested IS NULL OR (@suggested = 'none' AND s.document_id IS NOT NULL AND s.access_class IS NULL) OR s.access_class = @suggested)
      AND (@docType IS NULL OR d.doc_type = @docType)
      AND (@undecided = 0 OR ${NO_DECISION_IN_FORCE})`,
    params: { status: filter.status ?? null, suggested: filter.suggested ?? null, docType: filter.docType ?? null, undecided: filter.undecided ? 1 : 0 },
  };
}

export function reviewQueue(db: Db, filter: ReviewQueueFilter = {}): { items: ReviewQueueItem[]; total: number } {
  const { sql, params } = where(filter);
  const rows = db
    .prepare(
      `SELECT d.id, coalesce(d.number_notation || ' — ' || d.subject, d.subject, d.number_notation, d.file_name) AS title,
              d.file_name, d.status, d.doc_type, d.copy_key,
              s.document_id IS NOT NULL AS has_suggestion, s.access_class AS s_class, s.basis_id AS s_basis,
              x.access_class AS d_class, x.basis_id AS d_basis, x.approved AS d_approved, x.withdrawn AS d_withdrawn, x.partial AS d_partial,
              (SELECT avg(confidence) FROM pages WHERE document_id = d.id AND source = 'ocr') AS confidence
         FROM documents d
         LEFT JOIN suggestions s ON s.document_id = d.id
         LEFT JOIN decisions x ON x.id = (SELECT max(id) FROM decisions WHERE document_id = d.id)
        WHERE ${sql}
        ORDER BY d.id
        LIMIT @limit`,
    )
    .all({ ...params, limit: Math.min(Math.max(filter.limit ?? 500, 1), 5000) }) as QueueRow[];
  const total = (
    db.prepare(`SELECT count(*) AS c FROM documents d LEFT JOIN suggestions s ON s.document_id = d.id WHERE ${sql}`).get(params) as { c: number }
  ).c;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      fileName: r.file_name,
      status: r.status,
      docType: r.doc_type,
      suggested: r.has_suggestion ? { class: r.s_class, basis: r.s_basis } : null,
      decided: r.d_class && r.d_basis && r.d_withdrawn !== 1 ? { class: r.d_class, basis: r.d_basis, approved: r.d_approved === 1, ...(r.d_partial === 1 ? { partial: true } : {}) } : null,
      confidence: r.confidence === null ? null : Math.round(r.confidence),
      ...copySummary(db, r.id, r.copy_key),
      needsCheck: fieldsNeedingCheck(db, r.id),
    })),
  };
}

type EvidenceBox = EvidenceFinding['boxes'][number];

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each OCR word's [start, end) in the page text: the text is the words in order with spaces,
 *  tabs and newlines between them, so a forward search finds them one after another. */
export function wordOffsets(text: string, words: readonly Word[]): ({ start: number; end: number } | null)[] {
  let cursor = 0;
  return words.map((w) => {
    const t = w.text.normalize('NFC');
    if (!t) return null;
    const at = text.indexOf(t, cursor);
    if (at < 0) return null;
    cursor = at + t.length;
    return { start: at, end: cursor };
  });
}

export function documentEvidence(db: Db, documentId: number): EvidenceFinding[] {
  const findings = db
    .prepare('SELECT page, span_start, span_end, kind, text, rule FROM findings WHERE document_id = ? ORDER BY page, span_start')
    .all(documentId) as { page: number; span_start: number; span_end: number; kind: string; text: string; rule: string | null }[];
  const pages = new Map<number, { offsets: ({ start: number; end: number } | null)[]; words: Word[]; width: number; height: number } | null>();
  const layout = (n: number) => {
    if (pages.has(n)) return pages.get(n)!;
    const row = db.prepare("SELECT text, words, width, height FROM pages WHERE document_id = ? AND n = ? AND source = 'ocr'").get(documentId, n) as
      | { text: string | null; words: string | null; width: number | null; height: number | null }
      | undefined;
    let value = null;
    if (row?.text && row.words && row.width && row.height) {
      const words = JSON.parse(row.words) as Word[];
      value = { words, offsets: wordOffsets(row.text, words), width: row.width, height: row.height };
    }
    pages.set(n, value);
    return value;
  };
  return findings.map((f) => {
    const page = layout(f.page);
    const boxes: EvidenceBox[] = [];
    if (page) {
      page.offsets.forEach((o, i) => {
        if (!o || o.end <= f.span_start || o.start >= f.span_end) return;
        const w = page.words[i]!;
        boxes.push({ x: w.x0 / page.width, y: w.y0 / page.height, w: (w.x1 - w.x0) / page.width, h: (w.y1 - w.y0) / page.height });
      });
    }
    return { page: f.page, start: f.span_start, end: f.span_end, kind: f.kind, text: f.text, rule: f.rule, boxes };
  });
}
