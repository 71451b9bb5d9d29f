import type { Db } from '../archive/database';

/** Tables holding a document's rows, and how to read them by document id (through an index, so a
 *  damaged page elsewhere in the file does not get in the way). */
const DOCUMENT_TABLES: [table: string, sql: string][] = [
  ['documents', 'SELECT * FROM documents WHERE id = ?'],
  ['pages', 'SELECT * FROM pages WHERE document_id = ?'],
  ['header_fields', 'SELECT * FROM header_fields WHERE document_id = ?'],
  ['findings', 'SELECT * FROM findings WHERE document_id = ?'],
  ['suggestions', 'SELECT * FROM suggestions WHERE document_id = ?'],
  ['decisions', 'SELECT * FROM decisions WHERE document_id = ?'],
];

/**
 * After integrity_check found damage: which documents' rows can no longer be read. Point lookups
 * by id walk only the b-tree path to each row, so a damaged page shows up on the documents whose
 * rows live on (or below) it. Ids come from max(id), which reads only the rightmost path.
 */
export function probeDocuments(db: Db): Map<number, string[]> {
  const damaged = new Map<number, string[]>();
  let maxId = 0;
  try {
    maxId = (db.prepare('SELECT max(id) AS m FROM documents').get() as { m: number | null }).m ?? 0;
  } catch (e) {
    damaged.set(0, [`documents table unreadable: ${(e as Error).message}`]);
    return damaged;
  }
  const statements = DOCUMENT_TABLES.map(([table, sql]) => {
    try {
      return [table, db.prepare(sql)] as const;
    } catch {
      return [table, null] as const;
    }
  });
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (let id = 1; id <= maxId; id += 1) {
    let present = true;
    try {
      present = exists.get(id) !== undefined;
    } catch {
      present = true; // unreadable: report it below
    }
    if (!present) continue;
    for (const [table, stmt] of statements) {
      try {
        stmt?.all(id);
      } catch (e) {
        const list = damaged.get(id) ?? [];
        list.push(`${table} rows unreadable: ${(e as Error).message}`);
        damaged.set(id, list);
      }
    }
  }
  return damaged;
}

/** The document a row of `table` belongs to (foreign-key findings). */
export function documentsOfRows(db: Db, table: string, rowid: number | null): number[] {
  if (rowid === null) return [];
  try {
    if (table === 'documents') return [rowid];
    if (['pages', 'header_fields', 'findings', 'suggestions', 'decisions'].includes(table)) {
      const row = db.prepare(`SELECT document_id AS id FROM "${table}" WHERE rowid = ?`).get(rowid) as { id: number } | undefined;
      return row ? [row.id] : [];
    }
  } catch {
    // unreadable row
  }
  return [];
}
