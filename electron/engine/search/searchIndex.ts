import type { Db } from '../archive/database';
import { fold } from '../../../shared/text/vietnamese';

/** Page 0 is the document's own row: file name and header fields. */
export const HEADER_ROW_PAGE = 0;

/** (Re)indexes one row's text; call inside the transaction that changed the text. */
export function indexText(db: Db, documentId: number, page: number, text: string | null): void {
  const existing = db.prepare('SELECT id FROM search_rows WHERE document_id = ? AND page = ?').get(documentId, page) as
    | { id: number }
    | undefined;
  if (existing) db.prepare('DELETE FROM search_index WHERE rowid = ?').run(existing.id);
  const body = text ? fold(text) : '';
  if (!body.trim()) {
    if (existing) db.prepare('DELETE FROM search_rows WHERE id = ?').run(existing.id);
    return;
  }
  const id =
    existing?.id ??
    Number(db.prepare('INSERT INTO search_rows (document_id, page) VALUES (?, ?)').run(documentId, page).lastInsertRowid);
  db.prepare('INSERT INTO search_index (rowid, body) VALUES (?, ?)').run(id, body);
}

/** Removes every row of a document from the index. */
export function unindexDocument(db: Db, documentId: number): void {
  db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_rows WHERE document_id = ?)').run(documentId);
  db.prepare('DELETE FROM search_rows WHERE document_id = ?').run(documentId);
}
