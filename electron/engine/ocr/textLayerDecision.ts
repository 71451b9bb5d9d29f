/**
 * Does a PDF page's own text layer carry the page, or must we OCR it? Scanner PDFs have no text, and
 * some "searchable" PDFs carry garbage (fonts without a usable ToUnicode map give symbols, private-use
 * code points or replacement characters). We trust the layer only when it looks like real text.
 */
import { fold } from '../../../shared/text/vietnamese';

/** Fewer letters than this: nothing worth keeping (a page number, a stray mark). */
export const MIN_TEXT_LAYER_LETTERS = 20;

export interface TextLayerVerdict {
  needsOcr: boolean;
  reason: 'empty' | 'too-short' | 'garbage' | 'ok';
}

const VOWEL = /[aeiouy]/;

export function judgeTextLayer(text: string | null | undefined): TextLayerVerdict {
  const chars = [...(text ?? '').normalize('NFC')].filter((c) => !/\s/u.test(c));
  if (chars.length === 0) return { needsOcr: true, reason: 'empty' };
  const letters = chars.filter((c) => /\p{L}/u.test(c));
  if (letters.length < MIN_TEXT_LAYER_LETTERS) return { needsOcr: true, reason: 'too-short' };
  const broken = chars.filter((c) => /[\uFFFD\p{Co}\p{Cc}\p{Cs}]/u.test(c)).length;
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  const plain = chars.filter((c) => /[\p{L}\p{N}\p{P}]/u.test(c)).length;
  const tokens = (text ?? '').split(/\s+/).map((t) => fold(t).replace(/[^a-z]/g, '')).filter((t) => t.length > 0);
  const withVowel = tokens.filter((t) => VOWEL.test(t)).length;
  const garbage =
    broken / chars.length > 0.02 ||
    latin / letters.length < 0.8 ||
    plain / chars.length < 0.7 ||
    (tokens.length >= 5 && withVowel / tokens.length < 0.6);
  return garbage ? { needsOcr: true, reason: 'garbage' } : { needsOcr: false, reason: 'ok' };
}

/** Shorthand for the import step: true when the page must be OCRed. */
export function pageNeedsOcr(textLayerText: string | null | undefined): boolean {
  return judgeTextLayer(textLayerText).needsOcr;
}
