import type { Db } from './database';
import { nowIso } from './database';
import { HEADER_KEYS, type Header, type HeaderKey } from '../../../shared/domain/header';
import type { AccessClass, DocumentStatus, OcrState, PageSource } from '../../../shared/domain/access';
import type { DocumentDetail, DocumentSummary, PageDetail } from '../../../shared/contract/schemas';
import { nfc } from '../../../shared/text/vietnamese';
import { reindexDocument } from '../search/searchIndex';
import { readHeader } from './headerRead';

export { readHeader, headerRowText } from './headerRead';
import { filterSql, type SearchFilters } from './documentFilters';
import { sortedIdPage } from './librarySort';
import type { LibrarySort, SortDirection } from '../../../shared/contract/documents';
import { listAudit } from '../audit/auditLog';
import { initialStatus } from './documentStatus';
import { copyGroup, copyKeyOf, copySummary } from './copies';
import { ocrQueuedPages, pipelineInfo } from './documentPipeline';
import { countNeedingCheck, headerFieldInfo } from '../review/headerCheck';

export interface DocumentRow {
  id: number;
  file_sha256: string;
  file_name: string;
  mime: string;
  page_count: number;
  status: DocumentStatus;
  warnings: string;
  doc_type: string | null;
  issuer: string | null;
  issued_date: string | null;
  number_notation: string | null;
  subject: string | null;
  access_class: AccessClass | null;
  created_at: string;
  updated_at: string;
  copy_key: string | null;
  extracted_at: string | null;
}

interface PageRow {
  n: number;
  text: string | null;
  source: PageSource | null;
  confidence: number | null;
  ocr_state: OcrState;
  low_confidence: number;
  width: number | null;
  height: number | null;
  orientation: number | null;
  skew: number | null;
}

export interface NewPage {
  n: number;
  width: number;
  height: number;
  text: string | null;
}

export interface NewDocument {
  sha256: string;
  size: number;
  mime: string;
  fileName: string;
  pages: NewPage[];
  warnings: string[];
}

/** Inserts the file, the document and its pages, and indexes any text layer. Call inside the
 *  import transaction. */
export function insertDocument(db: Db, doc: NewDocument): number {
  const at = nowIso();
  db.prepare('INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)').run(
    doc.sha256,
    doc.size,
    doc.mime,
    at,
  );
  const id = Number(
    db
      .prepare(
        `INSERT INTO documents (file_sha256, file_name, mime, page_count, status, warnings, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        doc.sha256,
        nfc(doc.fileName),
        doc.mime,
        doc.pages.length,
        initialStatus(doc.pages),
        JSON.stringify(doc.warnings),
        at,
        at,
      ).lastInsertRowid,
  );
  const insertPage = db.prepare(
    `INSERT INTO pages (document_id, n, text, source, width, height, ocr_state, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const page of doc.pages) {
    insertPage.run(
      id,
      page.n,
      page.text,
      page.text === null ? null : 'text-layer',
      page.width,
      page.height,
      page.text === null ? 'pending' : 'skipped',
      at,
    );
  }
  reindexDocument(db, id);
  return id;
}

export function findDocumentBySha(db: Db, sha256: string): { id: number; page_count: number } | undefined {
  return db.prepare('SELECT id, page_count FROM documents WHERE file_sha256 = ?').get(sha256) as
    | { id: number; page_count: number }
    | undefined;
}

/** Writes header fields, keeps the filter columns and the search row in step. Call inside a
 *  transaction (with its audit event). `correctedBy` marks a person's correction. */
export function writeHeaderFields(
  db: Db,
  documentId: number,
  fields: Header,
  provenance: {
    correctedBy?: string;
    confidence?: Partial<Record<HeaderKey, number>>;
    /** Where an extracted value was found (page and offsets in that page's text). */
    spans?: Partial<Record<HeaderKey, { page: number; spanStart: number; spanEnd: number }>>;
    /** Confidence of the weakest OCR word each value was read from (OCR pages only). */
    ocrConfidence?: Partial<Record<HeaderKey, number>>;
  } = {},
): void {
  const at = nowIso();
  const upsert = db.prepare(
    `INSERT INTO header_fields (document_id, key, value, confidence, page, span_start, span_end, corrected_by, corrected_at, ocr_confidence)
     VALUES (@documentId, @key, @value, @confidence, @page, @spanStart, @spanEnd, @correctedBy, @correctedAt, @ocrConfidence)
     ON CONFLICT (document_id, key) DO UPDATE SET value = excluded.value, confidence = excluded.confidence,
       page = coalesce(excluded.page, header_fields.page), span_start = coalesce(excluded.span_start, header_fields.span_start),
       span_end = coalesce(excluded.span_end, header_fields.span_end),
       corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at,
       ocr_confidence = excluded.ocr_confidence,
       -- A confirmation holds for the value confirmed, not for a different one read later.
       confirmed_by = CASE WHEN header_fields.value IS excluded.value THEN header_fields.confirmed_by ELSE NULL END,
       confirmed_at = CASE WHEN header_fields.value IS excluded.value THEN header_fields.confirmed_at ELSE NULL END`,
  );
  for (const [key, value] of Object.entries(fields) as [HeaderKey, string | null | undefined][]) {
    if (value === undefined || !(HEADER_KEYS as readonly string[]).includes(key)) continue;
    upsert.run({
      documentId,
      key,
      value: value === null ? null : nfc(value),
      confidence: provenance.correctedBy ? 100 : (provenance.confidence?.[key] ?? null),
      page: provenance.spans?.[key]?.page ?? null,
      spanStart: provenance.spans?.[key]?.spanStart ?? null,
      spanEnd: provenance.spans?.[key]?.spanEnd ?? null,
      correctedBy: provenance.correctedBy ?? null,
      correctedAt: provenance.correctedBy ? at : null,
      ocrConfidence: provenance.correctedBy ? null : (provenance.ocrConfidence?.[key] ?? null),
    });
  }
  const header = readHeader(db, documentId);
  db.prepare(
    `UPDATE documents SET doc_type = ?, issuer = ?, issued_date = ?, number_notation = ?, subject = ?, copy_key = ?, updated_at = ?
      WHERE id = ?`,
  ).run(
    header.docType ?? null,
    header.issuer ?? null,
    header.issuedDate ?? null,
    header.numberNotation ?? null,
    header.subject ?? null,
    copyKeyOf(header.numberNotation, header.issuedDate),
    at,
    documentId,
  );
  reindexDocument(db, documentId);
}

function titleOf(row: Pick<DocumentRow, 'number_notation' | 'subject' | 'file_name'>): string {
  const parts = [row.number_notation, row.subject].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' — ') : row.file_name;
}

type OcrCounts = DocumentSummary['ocr'];

function ocrCounts(db: Db, documentId: number): OcrCounts {
  const rows = db.prepare('SELECT ocr_state, count(*) AS c FROM pages WHERE document_id = ? GROUP BY ocr_state').all(documentId) as {
    ocr_state: OcrState;
    c: number;
  }[];
  const counts: OcrCounts = { pending: 0, failed: 0, done: 0 };
  for (const r of rows) if (r.ocr_state !== 'skipped') counts[r.ocr_state] = r.c;
  return counts;
}

export function summaryOf(db: Db, row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: titleOf(row),
    fileName: row.file_name,
    pages: row.page_count,
    status: row.status,
    access: row.access_class,
    numberNotation: row.number_notation,
    docType: row.doc_type,
    issuer: row.issuer,
    issuedDate: row.issued_date,
    subject: row.subject,
    ocr: ocrCounts(db, row.id),
    createdAt: row.created_at,
    ocrQueued: ocrQueuedPages(db, row.id),
    ...copySummary(db, row.id, row.copy_key),
    needsCheck: countNeedingCheck(db, row.id),
  };
}

export type ListSort = LibrarySort;

export interface ListOptions extends SearchFilters {
  limit?: number;
  offset?: number;
  sort?: ListSort;
  direction?: SortDirection;
}

export function listDocuments(db: Db, options: ListOptions = {}): DocumentSummary[] {
  const { where, params } = filterSql(options);
  const limit = Math.min(Math.max(options.limit ?? 1000, 1), 100_000);
  const offset = Math.max(options.offset ?? 0, 0);
  if (options.sort && options.sort !== 'created') {
    const ids = sortedIdPage(db, { where, params }, options.sort, options.direction, offset, limit);
    if (ids.length === 0) return [];
    const byId = new Map(
      (db.prepare(`SELECT d.* FROM documents d WHERE d.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as DocumentRow[]).map(
        (r) => [r.id, r],
      ),
    );
    return ids.flatMap((id) => (byId.has(id) ? [summaryOf(db, byId.get(id)!)] : []));
  }
  const order = options.direction === 'desc' ? 'd.id DESC' : 'd.id';
  const rows = db
    .prepare(`SELECT d.* FROM documents d WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as DocumentRow[];
  return rows.map((r) => summaryOf(db, r));
}

export function countDocuments(db: Db, filters: SearchFilters = {}): number {
  const { where, params } = filterSql(filters);
  return (db.prepare(`SELECT count(*) AS c FROM documents d WHERE ${where}`).get(params) as { c: number }).c;
}

export function getDocumentDetail(db: Db, id: number): DocumentDetail | null {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) return null;
  const file = db.prepare('SELECT size FROM files WHERE sha256 = ?').get(row.file_sha256) as { size: number };
  const pages = (db.prepare('SELECT * FROM pages WHERE document_id = ? ORDER BY n').all(id) as PageRow[]).map(
    (p): PageDetail => ({
      n: p.n,
      text: p.text,
      source: p.source,
      confidence: p.confidence,
      ocrState: p.ocr_state,
      lowConfidence: p.low_confidence === 1,
      width: p.width,
      height: p.height,
      orientation: p.orientation,
      skew: p.skew,
    }),
  );
  const suggestion = db.prepare('SELECT * FROM suggestions WHERE document_id = ?').get(id) as
    | { access_class: AccessClass | null; basis_id: string | null; basis_version: string | null; reasons: string; source: 'rules' | 'model' | null; confidence: number | null }
    | undefined;
  // The decision in force: the latest row, unless it withdraws the decision (an undo).
  const latest = db.prepare('SELECT * FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as
    | { access_class: AccessClass; basis_id: string; reviewer: string; decided_at: string; note: string | null; approved: number; withdrawn: number; partial: number }
    | undefined;
  const decision = latest && latest.withdrawn === 0 ? latest : undefined;
  const group = copyGroup(db, id);
  const personalData = db
    .prepare("SELECT text, page, kind FROM findings WHERE document_id = ? AND kind LIKE 'personal:%' ORDER BY page, span_start")
    .all(id) as { text: string; page: number; kind: string }[];
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.file_sha256,
    mime: row.mime,
    size: file.size,
    status: row.status,
    warnings: JSON.parse(row.warnings) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pages,
    header: readHeader(db, id),
    access: {
      suggested: suggestion
        ? {
            class: suggestion.access_class,
            basis: suggestion.basis_id,
            reasons: JSON.parse(suggestion.reasons),
            basisVersion: suggestion.basis_version,
            source: suggestion.source,
            confidence: suggestion.confidence,
          }
        : null,
      decided: decision
        ? {
            class: decision.access_class,
            basis: decision.basis_id,
            reviewer: decision.reviewer,
            at: decision.decided_at,
            note: decision.note,
            approved: decision.approved === 1,
            partial: decision.partial === 1,
          }
        : null,
    },
    personalData: personalData.map((p) => ({ ...p, kind: p.kind.replace(/^personal:/, '') })),
    history: listAudit(db, id).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      payload: JSON.parse(e.payload) as unknown,
    })),
    headerFields: headerFieldInfo(db, id),
    copies: group.filter((c) => c.id !== id).map((c) => ({ id: c.id, fileName: c.fileName, bornDigital: c.bornDigital, preferred: c.id === group[0]!.id, status: c.status })),
    preferredCopy: group.length > 0 && group[0]!.id !== id ? group[0]!.id : null,
    pipeline: pipelineInfo(db, id),
  };
}
