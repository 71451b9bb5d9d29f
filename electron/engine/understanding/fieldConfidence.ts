/**
 * How sure OCR was of the words each header field was read from: the mean confidence of the OCR
 * words overlapping the field's span (0–100), for fields found on OCR pages. Text-layer fields
 * get none (their text is exact). Feeds "cần kiểm tra" (review/headerCheck.ts).
 */
import type { Db } from '../archive/database';
import type { HeaderKey } from '../../../shared/domain/header';
import { wordOffsets } from '../review/queue';
import type { ExtractedHeader } from './headerExtractor';
import type { OcrWord } from '../ocr/types';

type Word = OcrWord;

export function fieldOcrConfidence(db: Db, documentId: number, header: ExtractedHeader): Partial<Record<HeaderKey, number>> {
  const out: Partial<Record<HeaderKey, number>> = {};
  const pages = new Map<number, { words: Word[]; offsets: ({ start: number; end: number } | null)[]; confidence: number } | null>();
  const pageStmt = db.prepare(`SELECT text, words, confidence FROM pages WHERE document_id = ? AND n = ? AND source = 'ocr'`);
  for (const [key, field] of Object.entries(header) as [HeaderKey | 'recipients', NonNullable<ExtractedHeader[HeaderKey]>][]) {
    if (key === 'recipients' || !field) continue;
    if (!pages.has(field.page)) {
      const row = pageStmt.get(documentId, field.page) as { text: string | null; words: string | null; confidence: number | null } | undefined;
      if (!row?.text) pages.set(field.page, null);
      else {
        const words = row.words ? (JSON.parse(row.words) as Word[]) : [];
        pages.set(field.page, { words, offsets: wordOffsets(row.text, words), confidence: row.confidence ?? 0 });
      }
    }
    const page = pages.get(field.page);
    if (!page) continue;
    let sum = 0;
    let weight = 0;
    page.offsets.forEach((o, i) => {
      if (!o || o.end <= field.spanStart || o.start >= field.spanEnd) return;
      const w = page.words[i]!;
      const len = Math.max(1, w.text.length);
      sum += w.confidence * len;
      weight += len;
    });
    // A value assembled from several places (no word under its span): the page's own confidence.
    out[key] = Math.round((weight > 0 ? sum / weight : page.confidence) * 10) / 10;
  }
  return out;
}
