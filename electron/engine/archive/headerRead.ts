import type { Db } from './database';
import { HEADER_KEYS, type Header, type HeaderKey } from '../../../shared/domain/header';

export function readHeader(db: Db, documentId: number): Header {
  const header: Header = {};
  for (const key of HEADER_KEYS) header[key] = null;
  const rows = db.prepare('SELECT key, value FROM header_fields WHERE document_id = ?').all(documentId) as {
    key: HeaderKey;
    value: string | null;
  }[];
  for (const row of rows) if ((HEADER_KEYS as readonly string[]).includes(row.key)) header[row.key] = row.value;
  return header;
}

/** Text of the document's own search row: file name and header field values. */
export function headerRowText(db: Db, documentId: number): string {
  const doc = db.prepare('SELECT file_name FROM documents WHERE id = ?').get(documentId) as { file_name: string } | undefined;
  if (!doc) return '';
  const header = readHeader(db, documentId);
  const values = HEADER_KEYS.map((k) => header[k]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [doc.file_name, ...values].join('\n');
}

