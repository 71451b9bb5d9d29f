/**
 * What extraction stored, read back as the rules' own shapes: header fields (with a person's
 * corrections in place of what was read) and the evidence (stamps, personal data, signals). The
 * suggestion is made from this, so `suggest` never reads the text again.
 */
import type { Db } from '../archive/database';
import { AppError } from '../../../shared/domain/errors';
import { HEADER_KEYS, type HeaderKey } from '../../../shared/domain/header';
import type { ExtractedHeader } from './headerExtractor';
import type { PersonalFinding } from './personalData';
import type { Stamp } from './stamps';
import type { Evidence } from './suggest';

export function hasStoredExtraction(db: Db, id: number): boolean {
  const row = db.prepare('SELECT extracted_at FROM documents WHERE id = ?').get(id) as { extracted_at: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `document ${id}`);
  return row.extracted_at !== null;
}

export function storedUnderstanding(db: Db, id: number): { header: ExtractedHeader; evidence: Evidence } {
  const header: ExtractedHeader = {};
  const rows = db
    .prepare('SELECT key, value, confidence, page, span_start, span_end, corrected_by FROM header_fields WHERE document_id = ?')
    .all(id) as { key: string; value: string | null; confidence: number | null; page: number | null; span_start: number | null; span_end: number | null; corrected_by: string | null }[];
  for (const r of rows) {
    if (!r.value || !((HEADER_KEYS as readonly string[]).includes(r.key) || r.key === 'recipients')) continue;
    header[r.key as HeaderKey] = {
      value: r.value,
      confidence: r.corrected_by ? 1 : (r.confidence ?? 0) / 100,
      page: r.page ?? 1,
      spanStart: r.span_start ?? 0,
      spanEnd: r.span_end ?? 0,
    };
  }
  const evidence: Evidence = { stamps: [], personal: [], signals: [] };
  const findings = db
    .prepare('SELECT page, span_start, span_end, kind, text, rule FROM findings WHERE document_id = ? ORDER BY id')
    .all(id) as { page: number; span_start: number; span_end: number; kind: string; text: string; rule: string | null }[];
  for (const f of findings) {
    const [group, sub = ''] = f.kind.split(':') as [string, string?];
    const at = { text: f.text, page: f.page, start: f.span_start, end: f.span_end };
    if (group === 'stamp') evidence.stamps.push({ ...at, kind: sub as Stamp['kind'], level: f.text, lineIndex: 0 });
    else if (group === 'personal') evidence.personal.push({ ...at, kind: sub as PersonalFinding['kind'], rule: f.rule ?? '' });
    else if (group === 'signal') evidence.signals.push({ ...at, ground: sub, rule: f.rule ?? '' });
  }
  return { header, evidence };
}
