import type { Db } from '../archive/database';
import { fold } from '../../../shared/text/vietnamese';
import { headerRowText } from '../archive/headerRead';

/**
 * (Re)indexes a document: its header row (file name, header fields) and the text of all its
 * pages, read from the database. Call inside the transaction that changed them, after the change.
 */
export function reindexDocument(db: Db, documentId: number, pageOverride?: { page: number; text: string | null }): void {
  const pages = db.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n').all(documentId) as {
    n: number;
    text: string | null;
  }[];
  const body = pages
    .map((p) => (pageOverride && p.n === pageOverride.page ? pageOverride.text : p.text))
    .filter((t): t is string => !!t)
    .join('\n');
  const head = fold(headerRowText(db, documentId));
  unindexDocument(db, documentId);
  db.prepare('INSERT INTO search_index (rowid, head, body) VALUES (?, ?, ?)').run(documentId, head, fold(body));
  db.prepare('INSERT INTO search_head (rowid, head) VALUES (?, ?)').run(documentId, head);
}

/** Reindexes after one page's text changed (OCR, correction). Kept for callers that think in
 *  pages: the index itself is per document. */
export function indexText(db: Db, documentId: number, page: number, text: string | null): void {
  reindexDocument(db, documentId, { page, text });
}

export function unindexDocument(db: Db, documentId: number): void {
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(documentId);
  db.prepare('DELETE FROM search_head WHERE rowid = ?').run(documentId);
}
