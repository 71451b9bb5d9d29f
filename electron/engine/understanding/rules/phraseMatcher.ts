/**
 * Finding the rules' phrases in page text, exactly or OCR-tolerantly, with offsets into the
 * original text (for highlighting and redaction).
 *
 * - Exact: the folded words of the phrase in a row (no diacritics, đ→d, case and punctuation
 *   ignored: "phòng, chống" = "Phong chong"). A phrase written "=họp" must also keep its accents,
 *   because folding merges short words ("họp" meeting, "hợp" agreement, "hộp" box).
 * - Tolerant (fuzzy): the phrase's letters are searched in the page's letters with white space and
 *   punctuation removed (so split words, glued words and line breaks do not matter), allowing one
 *   edit for a phrase of 8–12 letters and two from 13 (approx-string-match, Myers' bit-vector
 *   algorithm). A match must start and end within one letter of a word boundary. An edit inside a
 *   word of three letters or fewer makes the match *uncertain*: such a slip turns one real word into
 *   another as often as not ("họp" → "học"), so it may hold a document back for review but never
 *   decides its class.
 */
import search from 'approx-string-match';
import { fold } from '../../../../shared/text/vietnamese';

export interface IndexedText {
  /** NFC original. */
  text: string;
  /** Words: folded, accented lower-case, and where they sit in `text`. */
  words: { folded: string; accented: string; start: number; end: number }[];
  /** The folded letters and digits only, and for each the offset of its character in `text`. */
  compact: string;
  origin: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into words once; every phrase of every rule is then matched against the index. */
export function indexText(raw: string): IndexedText {
  const text = raw.normalize('NFC');
  const words: IndexedText['words'] = [];
  let compact = '';
  const origin: number[] = [];
  for (const m of text.matchAll(WORD)) {
    const accented = m[0].toLocaleLowerCase('vi');
    const folded = fold(m[0]);
    words.push({ folded, accented, start: m.index, end: m.index + m[0].length });
    // fold() keeps one letter per precomposed letter, so position i of the word maps to m.index + i.
    for (let i = 0; i < folded.length; i += 1) {
      compact += folded[i];
      origin.push(m.index + Math.min(i, m[0].length - 1));
    }
  }
  return { text, words, compact, origin };
}

export interface CompiledPhrase {
  /** As written in the rules file. */
  source: string;
  folded: string[];
  /** Accented lower-case words when the phrase starts with "=" (accents must match). */
  accented: string[] | null;
  compact: string;
  /** Edits a tolerant match may have (0: exact only). */
  maxErrors: number;
}

/** Edits tolerated for a phrase of `letters` letters: none below 8, one up to 12, two from 13. */
export function toleratedErrors(letters: number): number {
  if (letters < 8) return 0;
  return letters < 13 ? 1 : 2;
}

export function compilePhrase(source: string, fuzzy: boolean): CompiledPhrase {
  const accentsKept = source.startsWith('=');
  const body = (accentsKept ? source.slice(1) : source).normalize('NFC');
  const raw = [...body.matchAll(WORD)].map((m) => m[0]);
  const folded = raw.map((w) => fold(w));
  const compact = folded.join('');
  return {
    source,
    folded,
    accented: accentsKept ? raw.map((w) => w.toLocaleLowerCase('vi')) : null,
    compact,
    maxErrors: fuzzy && !accentsKept ? toleratedErrors(compact.length) : 0,
  };
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** Edits between the phrase and the text (0 for an exact match). */
  errors: number;
  /** An edit fell inside a short word: a hint, not evidence. */
  uncertain: boolean;
}

function exactMatches(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const n = p.folded.length;
  if (n === 0) return out;
  for (let i = 0; i + n <= ix.words.length; i += 1) {
    let ok = true;
    for (let k = 0; k < n && ok; k += 1) {
      const w = ix.words[i + k]!;
      ok = w.folded === p.folded[k] && (!p.accented || w.accented === p.accented[k]);
    }
    if (ok) out.push({ start: ix.words[i]!.start, end: ix.words[i + n - 1]!.end, errors: 0, uncertain: false });
  }
  return out;
}

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Letters between `at` and the nearest word boundary looking outwards (0 = on the boundary). */
function lettersToBoundary(text: string, at: number, direction: -1 | 1): number {
  let n = 0;
  for (let i = direction < 0 ? at - 1 : at; isLetter(text[i]); i += direction) n += 1;
  return n;
}

/** Positions of the phrase (in its compact letters) that the cheapest alignment with `matched`
 *  edits: a small Levenshtein table with a trace back (both strings are a few dozen letters). */
function editedPositions(pattern: string, matched: string): number[] {
  const rows = pattern.length + 1;
  const cols = matched.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (pattern[i - 1] === matched[j - 1] ? 0 : 1));
    }
  }
  const edited: number[] = [];
  let i = pattern.length;
  let j = matched.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (pattern[i - 1] === matched[j - 1] ? 0 : 1)) {
      if (pattern[i - 1] !== matched[j - 1]) edited.push(i - 1);
      i -= 1;
      j -= 1;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      edited.push(i - 1); // a letter of the phrase is missing
      i -= 1;
    } else {
      edited.push(Math.min(i, pattern.length - 1)); // an extra letter in the text
      j -= 1;
    }
  }
  return edited;
}

function fuzzyMatches(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  // Which word of the phrase each compact letter belongs to, and that word's length.
  const wordLength: number[] = [];
  for (const w of p.folded) for (let k = 0; k < w.length; k += 1) wordLength.push(w.length);
  for (const m of search(ix.compact, p.compact, p.maxErrors)) {
    if (m.end <= m.start) continue;
    const start = ix.origin[m.start]!;
    const end = ix.origin[m.end - 1]! + 1;
    if (lettersToBoundary(ix.text, start, -1) > 1 || lettersToBoundary(ix.text, end, 1) > 1) continue;
    const uncertain = m.errors > 0 && editedPositions(p.compact, ix.compact.slice(m.start, m.end)).some((pos) => wordLength[pos]! <= 3);
    out.push({ start, end, errors: m.errors, uncertain });
  }
  return out;
}

/** Every match of a phrase, best first where two overlap (exact before tolerant). */
export function findPhrase(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const exact = exactMatches(ix, p);
  if (p.maxErrors === 0) return exact;
  const fuzzy = fuzzyMatches(ix, p).filter((f) => !exact.some((e) => e.start < f.end && f.start < e.end));
  // approx-string-match reports overlapping ends of one occurrence: keep the fewest errors.
  const kept: PhraseMatch[] = [];
  for (const f of fuzzy.sort((a, b) => a.errors - b.errors || a.start - b.start)) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return [...exact, ...kept].sort((a, b) => a.start - b.start);
}

/** Folded compact letters of a phrase (validation: tolerant phrases need enough letters). */
export function phraseLetters(source: string): number {
  return compilePhrase(source, false).compact.length;
}
