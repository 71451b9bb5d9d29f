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
 *   algorithm); a shorter phrase is still found split or glued, without edits. A match must start
 *   and end on a word boundary (within one letter when it has an edit). An edit inside a
 *   word of three letters or fewer makes the match *uncertain*: such a slip turns one real word into
 *   another as often as not ("họp" → "học"), so it may hold a document back for review but never
 *   decides its class.
 */
import search from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
import { fold } from '../../../../shared/text/vietnamese';
import { foldSameLength } from '../pageText';

export interface IndexedText {
  /** NFC original. */
  text: string;
  /** Words: folded, and where they sit in `text`. */
  words: { folded: string; start: number; end: number }[];
  /** The folded letters and digits only, and for each the offset of its character in `text`. */
  compact: string;
  origin: number[];
  /** Where each folded word occurs (built on first use). */
  positions?: Map<string, number[]>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Splits text into words once; every phrase of every rule is then matched against the index. */
export function indexText(raw: string): IndexedText {
  const text = raw.normalize('NFC');
  const foldedText = foldSameLength(text);
  const words: IndexedText['words'] = [];
  let compact = '';
  const origin: number[] = [];
  for (const m of text.matchAll(WORD)) {
    const end = m.index + m[0].length;
    let folded = '';
    // Same length: position i of the folded text is position i of the original (a stray combining
    // mark folds to a space, which is dropped).
    for (let i = m.index; i < end; i += 1) {
      const c = foldedText[i]!;
      if (c === ' ') continue;
      folded += c;
      compact += c;
      origin.push(i);
    }
    words.push({ folded, start: m.index, end });
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
  /** Matched OCR-tolerantly: spacing ignored, and `maxErrors` edits allowed. */
  tolerant: boolean;
  /** Edits a tolerant match may have. */
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
    accented: accentsKept ? raw.map((w) => w.toLowerCase()) : null,
    compact,
    tolerant: fuzzy && !accentsKept,
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

function positionsOf(ix: IndexedText): Map<string, number[]> {
  if (!ix.positions) {
    ix.positions = new Map();
    ix.words.forEach((w, i) => {
      const list = ix.positions!.get(w.folded);
      if (list) list.push(i);
      else ix.positions!.set(w.folded, [i]);
    });
  }
  return ix.positions;
}

function exactMatches(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const n = p.folded.length;
  if (n === 0) return out;
  for (const i of positionsOf(ix).get(p.folded[0]!) ?? []) {
    if (i + n > ix.words.length) break;
    let ok = true;
    for (let k = 0; k < n && ok; k += 1) {
      const w = ix.words[i + k]!;
      ok = w.folded === p.folded[k] && (!p.accented || ix.text.slice(w.start, w.end).toLowerCase() === p.accented[k]);
    }
    if (ok) out.push({ start: ix.words[i]!.start, end: ix.words[i + n - 1]!.end, errors: 0, uncertain: false });
  }
  return out;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
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

/** Pigeonhole filter: with k edits, one of k + 1 pieces of the phrase is in the text unchanged. A
 *  native substring search per piece rules most pages out before the edit-distance search. */
function mayMatch(compact: string, p: CompiledPhrase): boolean {
  const pieces = p.maxErrors + 1;
  const size = Math.floor(p.compact.length / pieces);
  for (let i = 0; i < pieces; i += 1) {
    const piece = p.compact.slice(i * size, i === pieces - 1 ? p.compact.length : (i + 1) * size);
    if (compact.includes(piece)) return true;
  }
  return false;
}

function fuzzyMatches(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  if (!mayMatch(ix.compact, p)) return out;
  // Which word of the phrase each compact letter belongs to, and that word's length.
  const wordLength: number[] = [];
  for (const w of p.folded) for (let k = 0; k < w.length; k += 1) wordLength.push(w.length);
  // Without edits allowed, a native substring search finds the same places, far faster.
  const found =
    p.maxErrors === 0
      ? (() => {
          const at: { start: number; end: number; errors: number }[] = [];
          for (let i = ix.compact.indexOf(p.compact); i >= 0; i = ix.compact.indexOf(p.compact, i + 1)) at.push({ start: i, end: i + p.compact.length, errors: 0 });
          return at;
        })()
      : search(ix.compact, p.compact, p.maxErrors);
  for (const m of found) {
    if (m.end <= m.start) continue;
    // The search reports one alignment per end; when it starts or ends inside a neighbouring word
    // ("…2025" + "hục vụ" for a lost "p"), the same letters may align as well from the word's edge.
    let best: { start: number; end: number; errors: number; off: number } | null = null;
    // (The reported start may sit up to an edit plus a letter into the previous word.)
    for (let ds = 0; ds <= p.maxErrors + 1; ds += 1) {
      for (let de = 0; de <= p.maxErrors + 1; de += 1) {
        const cs = m.start + ds;
        const ce = m.end - de;
        if (ce <= cs) continue;
        // A phrase of words does not begin or end on a number ("sinh ngà 3/9" is "sinh ngà", not "sinh ngà 3").
        if ((isDigit(ix.compact[cs]) && !isDigit(p.compact[0])) || (isDigit(ix.compact[ce - 1]) && !isDigit(p.compact[p.compact.length - 1]))) continue;
        const errors = ds === 0 && de === 0 ? m.errors : distance(p.compact, ix.compact.slice(cs, ce));
        if (errors > p.maxErrors) continue;
        const start = ix.origin[cs]!;
        const end = ix.origin[ce - 1]! + 1;
        // On a word boundary; one letter off only when an edit may have cut the phrase's first or last letter.
        const slack = errors > 0 ? 1 : 0;
        const off = lettersToBoundary(ix.text, start, -1) + lettersToBoundary(ix.text, end, 1);
        if (lettersToBoundary(ix.text, start, -1) > slack || lettersToBoundary(ix.text, end, 1) > slack) continue;
        // Fewest edits, then whole words ("ngân hàn số": the phrase ends at "hàn", not inside "số").
        if (!best || errors < best.errors || (errors === best.errors && off < best.off)) best = { start: cs, end: ce, errors, off };
      }
    }
    if (!best) continue;
    const uncertain = best.errors > 0 && editedPositions(p.compact, ix.compact.slice(best.start, best.end)).some((pos) => wordLength[pos]! <= 3);
    out.push({ start: ix.origin[best.start]!, end: ix.origin[best.end - 1]! + 1, errors: best.errors + best.off / 100, uncertain });
  }
  return out;
}

/** Every match of a phrase, best first where two overlap (exact before tolerant). */
export function findPhrase(ix: IndexedText, p: CompiledPhrase): PhraseMatch[] {
  const exact = exactMatches(ix, p);
  if (!p.tolerant) return exact;
  const fuzzy = fuzzyMatches(ix, p).filter((f) => !exact.some((e) => e.start < f.end && f.start < e.end));
  // approx-string-match reports overlapping ends of one occurrence: keep the fewest errors, then
  // the longest (a label read "ngày sin a" ends at "a", not at "n").
  // (`errors` carries a hundredth per letter off a word boundary while ranking.)
  const kept: PhraseMatch[] = [];
  for (const f of fuzzy.sort((a, b) => a.errors - b.errors || b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return [...exact, ...kept.map((k) => ({ ...k, errors: Math.floor(k.errors) }))].sort((a, b) => a.start - b.start);
}

/** Folded compact letters of a phrase (validation: tolerant phrases need enough letters). */
export function phraseLetters(source: string): number {
  return compilePhrase(source, false).compact.length;
}
