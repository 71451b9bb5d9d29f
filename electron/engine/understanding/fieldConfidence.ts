/**
 * How sure OCR was of the words each header field was read from: the confidence of the WEAKEST
 * OCR word (two letters or more) under the field's span (0–100), for fields found on OCR pages.
 * One misread word spoils a subject, and a mean over twenty sure words hides it: on the corpus
 * scans the weakest word marked 2 of the 3 wrong published fields for 9 % of the right ones, the
 * mean 1 of 3 for 5 % (or 2 of 3 for 15 %) — `npm run bench:header-check`. Text-layer fields get
 * none (their text is exact). Feeds "cần kiểm tra" (review/headerCheck.ts).
 */
import type { Db } from '../archive/database';
import type { HeaderKey } from '../../../shared/domain/header';
import { wordOffsets } from '../review/queue';
import type { ExtractedHeader } from './headerExtractor';
import type { OcrWord } from '../ocr/types';

type Word = OcrWord;

interface PageWords {
  words: Word[];
  offsets: ({ start: number; end: number } | null)[];
  confidence: number;
}

/** The OCR words of a page with their offsets in its text; null for a page without OCR text. */
export function ocrPageWords(db: Db, documentId: number, page: number): PageWords | null {
  const row = db.prepare(`SELECT text, words, confidence FROM pages WHERE document_id = ? AND n = ? AND source = 'ocr'`).get(documentId, page) as
    | { text: string | null; words: string | null; confidence: number | null }
    | undefined;
  if (!row?.text) return null;
  const words = row.words ? (JSON.parse(row.words) as Word[]) : [];
  return { words, offsets: wordOffsets(row.text, words), confidence: row.confidence ?? 0 };
}

/** The OCR words under a span of the page text. */
export function wordsUnder(page: PageWords, spanStart: number, spanEnd: number): Word[] {
  return page.words.filter((_, i) => {
    const o = page.offsets[i];
    return o !== null && o !== undefined && o.end > spanStart && o.start < spanEnd;
  });
}

export function fieldOcrConfidence(db: Db, documentId: number, header: ExtractedHeader): Partial<Record<HeaderKey, number>> {
  const out: Partial<Record<HeaderKey, number>> = {};
  const pages = new Map<number, PageWords | null>();
  for (const [key, field] of Object.entries(header) as [HeaderKey | 'recipients', NonNullable<ExtractedHeader[HeaderKey]>][]) {
    if (key === 'recipients' || !field) continue;
    if (!pages.has(field.page)) pages.set(field.page, ocrPageWords(db, documentId, field.page));
    const page = pages.get(field.page);
    if (!page) continue;
    const words = wordsUnder(page, field.spanStart, field.spanEnd);
    const real = words.filter((w) => w.text.length >= 2);
    const weakest = (real.length ? real : words).reduce((min, w) => Math.min(min, w.confidence), Infinity);
    // A value assembled from several places (no word under its span): the page's own confidence.
    out[key] = Math.round((Number.isFinite(weakest) ? weakest : page.confidence) * 10) / 10;
  }
  return out;
}
