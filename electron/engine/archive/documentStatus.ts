/**
 * THE place a document's status changes (imported → text_ready → suggested → reviewed /
 * approved). Each status says which ones it may follow, so a late OCR page can never move a
 * reviewed document back to "text ready", and a new suggestion never demotes a decision.
 */
import type { Db } from './database';
import { nowIso } from './database';
import type { DocumentStatus } from '../../../shared/domain/access';

const ANY: readonly DocumentStatus[] = ['imported', 'text_ready', 'suggested', 'reviewed', 'approved'];

const FOLLOWS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  // Text no longer complete (a page's text was removed for re-OCR): back to waiting for OCR.
  imported: ['text_ready'],
  text_ready: ['imported'],
  suggested: ['imported', 'text_ready'],
  // A person's decision applies whatever came before it.
  reviewed: ANY,
  approved: ANY,
};

/** The status a new document starts with: text ready when every page has a text layer. */
export function initialStatus(pages: readonly { text: string | null }[]): DocumentStatus {
  return pages.every((p) => p.text !== null) ? 'text_ready' : 'imported';
}

/** Moves the document to `next` if its current status allows it; returns whether it changed.
 *  Call inside the transaction of the change it records. */
export function changeDocumentStatus(db: Db, documentId: number, next: DocumentStatus): boolean {
  const from = FOLLOWS[next];
  return (
    db
      .prepare(`UPDATE documents SET status = ?, updated_at = ? WHERE id = ? AND status IN (SELECT value FROM json_each(?))`)
      .run(next, nowIso(), documentId, JSON.stringify(from)).changes > 0
  );
}
