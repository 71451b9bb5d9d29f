import type { Db } from '../archive/database';
import { AppError } from '../../../shared/domain/errors';
import { parseQuery } from './queryParser';
import { HEADER_ROW_PAGE } from './searchIndex';
import { buildSnippet, snippetToHtml, type SnippetPart } from './snippet';
import { headerRowText } from '../archive/documentsRepo';
import { filterSql, type SearchFilters } from '../archive/documentFilters';

export type { SearchFilters };

export interface SearchOptions extends SearchFilters {
  limit?: number;
  offset?: number;
  prefixLast?: boolean;
}

export interface SearchHit {
  id: number;
  /** Higher is better (negated bm25). */
  score: number;
  page: number;
  snippet: string;
  snippetParts: SnippetPart[];
}

/** Ranked full-text search over page text and header fields, diacritics optional. */
export function searchDocuments(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const parsed = parseQuery(query, { prefixLast: options.prefixLast ?? false });
  if (!parsed) return [];
  const { where, params } = filterSql(options);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const offset = Math.max(options.offset ?? 0, 0);
  let rows: { id: number; page: number; rank: number }[];
  try {
    // min() picks each document's best row; SQLite fills the bare column `page` from that row.
    rows = db
      .prepare(
        `SELECT r.document_id AS id, r.page AS page, min(s.rank) AS rank
           FROM search_index s
           JOIN search_rows r ON r.id = s.rowid
           JOIN documents d ON d.id = r.document_id
          WHERE search_index MATCH @match AND ${where}
          GROUP BY r.document_id
          ORDER BY rank, r.document_id
          LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, match: parsed.match, limit, offset }) as { id: number; page: number; rank: number }[];
  } catch (e) {
    throw new AppError('INVALID_QUERY', (e as Error).message);
  }
  const pageText = db.prepare('SELECT text FROM pages WHERE document_id = ? AND n = ?');
  return rows.map((row) => {
    const text =
      row.page === HEADER_ROW_PAGE
        ? headerRowText(db, row.id)
        : ((pageText.get(row.id, row.page) as { text: string | null } | undefined)?.text ?? '');
    const parts = buildSnippet(text, parsed.terms);
    return { id: row.id, score: -row.rank, page: row.page, snippet: snippetToHtml(parts), snippetParts: parts };
  });
}
