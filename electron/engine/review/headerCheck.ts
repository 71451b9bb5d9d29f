/**
 * "Cần kiểm tra": a header field the catalogue publishes, read from OCR text, whose words OCR was
 * unsure of (or whose reading the header rules were unsure of) must be confirmed or corrected by
 * a person before the document can be approved for publication. Secret decisions and drafts are
 * not held up: nothing of them is published. Thresholds: shared/domain/headerCheck.ts.
 */
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import { HEADER_KEYS, type HeaderKey } from '../../../shared/domain/header';
import { EXTRACTION_CHECK_THRESHOLD, OCR_FIELD_CHECK_THRESHOLD, PUBLISHED_HEADER_KEYS } from '../../../shared/domain/headerCheck';
import type { HeaderFieldInfo } from '../../../shared/contract/schemas';

const PUBLISHED_SQL = PUBLISHED_HEADER_KEYS.map((k) => `'${k}'`).join(',');

/** SQL condition on `header_fields h`: the field needs a person's check. */
export const NEEDS_CHECK_SQL = `(h.key IN (${PUBLISHED_SQL}) AND h.value IS NOT NULL AND h.corrected_by IS NULL AND h.confirmed_by IS NULL
  AND h.ocr_confidence IS NOT NULL AND (h.ocr_confidence < ${OCR_FIELD_CHECK_THRESHOLD} OR coalesce(h.confidence, 0) < ${EXTRACTION_CHECK_THRESHOLD}))`;

/** The keys of the document's fields that need a check, in header order. */
export function fieldsNeedingCheck(db: Db, documentId: number): HeaderKey[] {
  const rows = db.prepare(`SELECT h.key FROM header_fields h WHERE h.document_id = ? AND ${NEEDS_CHECK_SQL}`).all(documentId) as { key: HeaderKey }[];
  const keys = new Set(rows.map((r) => r.key));
  return HEADER_KEYS.filter((k) => keys.has(k));
}

export function countNeedingCheck(db: Db, documentId: number): number {
  return (db.prepare(`SELECT count(*) AS c FROM header_fields h WHERE h.document_id = ? AND ${NEEDS_CHECK_SQL}`).get(documentId) as { c: number }).c;
}

/** Every header field with its confidences and check state, in header order. */
export function headerFieldInfo(db: Db, documentId: number): HeaderFieldInfo[] {
  const rows = db
    .prepare(
      `SELECT h.key, h.value, h.confidence, h.ocr_confidence, h.corrected_by, h.confirmed_by, ${NEEDS_CHECK_SQL} AS needs
         FROM header_fields h WHERE h.document_id = ?`,
    )
    .all(documentId) as { key: HeaderKey; value: string | null; confidence: number | null; ocr_confidence: number | null; corrected_by: string | null; confirmed_by: string | null; needs: number }[];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return HEADER_KEYS.map((key) => {
    const r = byKey.get(key);
    return {
      key,
      value: r?.value ?? null,
      confidence: r?.confidence ?? null,
      ocrConfidence: r?.ocr_confidence === null || r?.ocr_confidence === undefined ? null : Math.round(r.ocr_confidence * 10) / 10,
      published: (PUBLISHED_HEADER_KEYS as readonly string[]).includes(key),
      needsCheck: r?.needs === 1,
      correctedBy: r?.corrected_by ?? null,
      confirmedBy: r?.confirmed_by ?? null,
    };
  });
}

/** A person confirms fields as read (default: every field needing a check). Audited with the
 *  confirmed values. Returns the keys confirmed. */
export function confirmHeaderFields(db: Db, documentId: number, reviewer: string, keys?: readonly HeaderKey[]): HeaderKey[] {
  if (!reviewer.trim()) throw new AppError('INVALID_INPUT', 'reviewer');
  return db
    .transaction(() => {
      if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new AppError('NOT_FOUND', `document ${documentId}`);
      const targets = keys ?? fieldsNeedingCheck(db, documentId);
      const at = nowIso();
      const update = db.prepare(`UPDATE header_fields SET confirmed_by = ?, confirmed_at = ? WHERE document_id = ? AND key = ? AND value IS NOT NULL`);
      const read = db.prepare('SELECT value FROM header_fields WHERE document_id = ? AND key = ?');
      const confirmed: { key: HeaderKey; value: string }[] = [];
      for (const key of targets) {
        if (update.run(reviewer, at, documentId, key).changes > 0) confirmed.push({ key, value: (read.get(documentId, key) as { value: string }).value });
      }
      if (confirmed.length > 0) appendAudit(db, { actor: reviewer, action: 'header.confirmed', documentId, payload: { fields: confirmed } });
      return confirmed.map((c) => c.key);
    })
    .immediate();
}

/** The approval rule: publishing (public or conditional, approved) needs every field checked. */
export function assertHeaderChecked(db: Db, documentId: number, decision: { access: string; approve: boolean }): void {
  if (!decision.approve || decision.access === 'secret') return;
  const open = fieldsNeedingCheck(db, documentId);
  if (open.length > 0) throw new AppError('HEADER_UNCHECKED', `document ${documentId}: ${open.join(', ')}`);
}
