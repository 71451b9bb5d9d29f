import { fold, nfc } from '../../../shared/text/vietnamese';

/** One line of a page's text with where it sits (offsets into the page's NFC text). */
export interface TextLine {
  page: number;
  /** Index of the line among the page's non-empty lines. */
  index: number;
  text: string;
  /** Folded (no diacritics, lower case, đ→d): what rules match on, so lost or swapped
   *  diacritics in OCR text do not hide a keyword. Same length as `text` for NFC input. */
  folded: string;
  start: number;
  end: number;
}

export interface PageText {
  n: number;
  text: string;
}

const sameLengthCache = new Map<string, string>();

/** Folds one string keeping its length (NFC precomposed letters fold to one character each), so
 *  an offset found in the folded text is the same offset in the original. Per-character results
 *  are cached: this runs over every page several times per document. */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let f = sameLengthCache.get(ch);
    if (f === undefined) {
      const folded = fold(ch);
      f = folded.length === ch.length ? folded : folded.padEnd(ch.length, ' ').slice(0, ch.length);
      if (sameLengthCache.size < 8192) sameLengthCache.set(ch, f);
    }
    out += f;
  }
  return out;
}

export function pageLines(page: PageText): TextLine[] {
  const text = nfc(page.text);
  const lines: TextLine[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) {
      lines.push({
        page: page.n,
        index: lines.length,
        text: trimmed,
        folded: foldSameLength(trimmed),
        start: offset + lead,
        end: offset + lead + trimmed.length,
      });
    }
    offset += raw.length + 1;
  }
  return lines;
}

/** Collapses runs of white space (line breaks included) to one space. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** A line written in capitals (ignoring digits and punctuation), like a header or a stamp. */
export function isUpperLine(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of text) {
    if (UPPER.test(ch)) upper += 1;
    else if (LOWER.test(ch)) lower += 1;
  }
  return upper >= 2 && lower <= Math.max(1, upper * 0.08);
}

export function startsUpper(word: string): boolean {
  return UPPER.test(word.charAt(0));
}

export function startsLower(word: string): boolean {
  return LOWER.test(word.charAt(0));
}
