/**
 * Document understanding over the archive: `extract` reads the header fields and the evidence
 * (stamps, personal data, internal and business-secret markers) and stores them with their
 * positions; `suggest` turns the evidence into an access-class suggestion with reasons. Both
 * write in one transaction with their audit event.
 */
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import { writeHeaderFields } from '../archive/documentsRepo';
import { changeDocumentStatus } from '../archive/documentStatus';
import { fieldOcrConfidence } from './fieldConfidence';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import { HEADER_KEYS, type Header, type HeaderKey } from '../../../shared/domain/header';
import { extractHeader, type ExtractedHeader } from './headerExtractor';
import type { PageText } from './pageText';
import { ENGINE_VERSION, gatherEvidence, suggestAccess, type Evidence, type Suggestion, type SuggestOptions } from './suggest';

export { extractHeader } from './headerExtractor';
export { gatherEvidence, suggestAccess, ENGINE_VERSION } from './suggest';
export { legalRegistry, loadLegalRegistry } from './legalRegistry';
export { legalData, loadLegalData } from './rules/legalData';
/** Entry points other modules use (the export's redaction, the basis picker). */
export { findStamps } from './stamps';
export { findPersonalData, personalDataOfPersons } from './personalData';

export interface Understanding {
  header: ExtractedHeader;
  evidence: Evidence;
  suggestion: Suggestion;
}

/** Pure: pages in, header + evidence + suggestion out (the evaluation and tests call this). A
 *  person's corrections of header fields (type, subject…) count over the extracted ones. */
export function understandPages(pages: PageText[], options: SuggestOptions & { corrections?: Partial<ExtractedHeader> } = {}): Understanding {
  const header = { ...extractHeader(pages), ...options.corrections };
  for (const key of Object.keys(options.corrections ?? {}) as (keyof ExtractedHeader)[]) if (!options.corrections![key]) delete header[key];
  const evidence = gatherEvidence(pages, header, options);
  return { header, evidence, suggestion: suggestAccess(header, evidence, options) };
}

function readPages(db: Db, id: number): PageText[] {
  const doc = db.prepare('SELECT id FROM documents WHERE id = ?').get(id);
  if (!doc) throw new AppError('NOT_FOUND', `document ${id}`);
  const rows = db.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n').all(id) as { n: number; text: string | null }[];
  if (rows.some((r) => r.text === null)) throw new AppError('TEXT_NOT_READY', `document ${id}`);
  return rows.map((r) => ({ n: r.n, text: r.text ?? '' }));
}

/** Fields a person corrected: extraction never overwrites them. */
function correctedKeys(db: Db, id: number): Set<string> {
  return new Set((db.prepare('SELECT key FROM header_fields WHERE document_id = ? AND corrected_by IS NOT NULL').all(id) as { key: string }[]).map((r) => r.key));
}

export interface ExtractResult {
  id: number;
  header: Header;
  findings: number;
}

/** Reads header fields and evidence of one document and stores them (the per-document entry point). */
export function extractDocument(db: Db, id: number, actor: string, options: SuggestOptions = {}): ExtractResult {
  const understanding = understandPages(readPages(db, id), { ...options, model: null });
  return db.transaction(() => recordExtraction(db, id, understanding, actor, fieldOcrConfidence(db, id, understanding.header))).immediate();
}

/** Stores what extraction read (header fields with their OCR confidence, evidence) and when; the
 *  pipeline's worker reads the text off the main thread and hands its result here. */
export function recordExtraction(
  db: Db,
  id: number,
  { header, evidence }: Pick<Understanding, 'header' | 'evidence'>,
  actor: string,
  ocrConfidence: Partial<Record<HeaderKey, number>> = {},
): ExtractResult {
  const corrected = correctedKeys(db, id);
  const values: Header = {};
  const confidence: Partial<Record<HeaderKey, number>> = {};
  const spans: Partial<Record<HeaderKey, { page: number; spanStart: number; spanEnd: number }>> = {};
  for (const key of HEADER_KEYS) {
    if (corrected.has(key)) continue;
    const f = header[key];
    values[key] = f?.value ?? null;
    if (f) {
      confidence[key] = Math.round(f.confidence * 100);
      spans[key] = { page: f.page, spanStart: f.spanStart, spanEnd: f.spanEnd };
    }
  }
  let findings = 0;
  db.transaction(() => {
    writeHeaderFields(db, id, values, { confidence, spans, ocrConfidence });
    db.prepare('UPDATE documents SET extracted_at = ? WHERE id = ?').run(nowIso(), id);
    if (!corrected.has('recipients')) {
      const r = header.recipients;
      db.prepare(
        `INSERT INTO header_fields (document_id, key, value, confidence, page, span_start, span_end) VALUES (?, 'recipients', ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, key) DO UPDATE SET value = excluded.value, confidence = excluded.confidence, page = excluded.page,
           span_start = excluded.span_start, span_end = excluded.span_end`,
      ).run(id, r?.value ?? null, r ? Math.round(r.confidence * 100) : null, r?.page ?? null, r?.spanStart ?? null, r?.spanEnd ?? null);
    }
    db.prepare('DELETE FROM findings WHERE document_id = ?').run(id);
    const insert = db.prepare('INSERT INTO findings (document_id, page, span_start, span_end, kind, text, rule) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const s of evidence.stamps) insert.run(id, s.page, s.start, s.end, `stamp:${s.kind}`, s.text, `stamp.${s.kind}`);
    for (const p of evidence.personal) insert.run(id, p.page, p.start, p.end, `personal:${p.kind}`, p.text, p.rule);
    let signals = 0;
    for (const s of evidence.signals) {
      for (const span of s.spans) {
        insert.run(id, span.page, span.start, span.end, `signal:${s.ground}`, span.text, s.rule);
        signals += 1;
      }
    }
    findings = evidence.stamps.length + evidence.personal.length + signals;
    appendAudit(db, {
      actor,
      action: 'understanding.extracted',
      documentId: id,
      payload: { engine: ENGINE_VERSION, fields: Object.keys(values).filter((k) => values[k as HeaderKey]), findings, keptCorrections: [...corrected] },
    });
  }).immediate();
  return { id, header: values, findings };
}

export interface SuggestResult {
  id: number;
  class: Suggestion['class'];
  basis: string | null;
  basisVersion: string;
  reasons: Suggestion['reasons'];
  source: Suggestion['source'];
  confidence: number | null;
}

/** A person's corrections of the header fields the rules and the model read. */
export function headerCorrections(db: Db, id: number): Partial<ExtractedHeader> {
  const rows = db
    .prepare("SELECT key, value FROM header_fields WHERE document_id = ? AND corrected_by IS NOT NULL AND key IN ('docType','subject','issuer')")
    .all(id) as { key: 'docType' | 'subject' | 'issuer'; value: string | null }[];
  const out: Partial<ExtractedHeader> = {};
  for (const r of rows) out[r.key] = r.value ? { value: r.value, confidence: 1, page: 1, spanStart: 0, spanEnd: 0 } : undefined;
  return out;
}

/** Suggests an access class for one document and stores it (the per-document entry point): the
 *  text is read again with a person's header corrections in place and the agency's model. */
export function suggestDocument(db: Db, id: number, actor: string, options: SuggestOptions = {}): SuggestResult {
  const pages = readPages(db, id);
  const { suggestion } = understandPages(pages, { ...options, corrections: headerCorrections(db, id) });
  return db.transaction(() => recordSuggestion(db, id, actor, suggestion)).immediate();
}

/** Stores a suggestion made for the document, with its audit event (the pipeline's understanding
 *  job makes it from what its worker read). */
export function recordSuggestion(db: Db, id: number, actor: string, suggestion: Suggestion): SuggestResult {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO suggestions (document_id, access_class, basis_id, basis_version, reasons, engine_version, created_at, source, confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET access_class = excluded.access_class, basis_id = excluded.basis_id,
         basis_version = excluded.basis_version, reasons = excluded.reasons, engine_version = excluded.engine_version, created_at = excluded.created_at,
         source = excluded.source, confidence = excluded.confidence`,
    ).run(id, suggestion.class, suggestion.basisId, suggestion.basisVersion, JSON.stringify(suggestion.reasons), ENGINE_VERSION, nowIso(), suggestion.source, suggestion.confidence);
    changeDocumentStatus(db, id, 'suggested');
    appendAudit(db, {
      actor,
      action: 'suggestion.created',
      documentId: id,
      payload: {
        class: suggestion.class,
        basis: suggestion.basisId,
        basisVersion: suggestion.basisVersion,
        reasons: suggestion.reasons.length,
        source: suggestion.source,
        confidence: suggestion.confidence,
        engine: ENGINE_VERSION,
      },
    });
  }).immediate();
  return {
    id,
    class: suggestion.class,
    basis: suggestion.basisId,
    basisVersion: suggestion.basisVersion,
    reasons: suggestion.reasons,
    source: suggestion.source,
    confidence: suggestion.confidence,
  };
}
