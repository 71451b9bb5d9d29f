/**
 * Vietnamese text normalisation shared by the engine and the renderer.
 *
 * Search folds both the indexed text and the query with the same function: SQLite's
 * `remove_diacritics 2` strips tone marks but leaves đ/Đ alone, so "don doc" would miss "đôn đốc".
 */

const COMBINING_MARK = /\p{M}/u;

/** NFC, the one normal form stored anywhere in Minh Bạch. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

const foldCache = new Map<string, string>();

function foldCodePoint(cp: string): string {
  // ASCII is most of any Vietnamese text: skip normalisation for it.
  const code = cp.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp;
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    if (COMBINING_MARK.test(cp)) folded = '';
    else if (cp === 'đ' || cp === 'Đ') folded = 'd';
    else folded = cp.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (foldCache.size < 4096) foldCache.set(cp, folded);
  }
  return folded;
}

/** Folded text: no diacritics, đ→d, lower case. */
export function fold(text: string): string {
  let out = '';
  for (const cp of nfc(text)) out += foldCodePoint(cp);
  return out;
}

export interface FoldedWithMap {
  /** The folded text. */
  folded: string;
  /** `origin[i]` is the index in the NFC original of the code unit that produced folded[i]; one extra
   *  trailing entry holds the original's length so an end offset maps too. */
  origin: number[];
  /** The NFC original the offsets point into. */
  original: string;
}

/** Folds and keeps, for every folded code unit, where it came from in the NFC original. Used to
 *  highlight matches found in folded text on the original accented text. */
export function foldWithMap(text: string): FoldedWithMap {
  const original = nfc(text);
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const cp of original) {
    const f = foldCodePoint(cp);
    for (let k = 0; k < f.length; k += 1) origin.push(index);
    folded += f;
    index += cp.length;
  }
  origin.push(original.length);
  return { folded, origin, original };
}

/** Collator for sorting Vietnamese strings the way a Vietnamese reader expects. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Shortens a string for display without cutting a letter and its tone marks apart. */
export function truncateForDisplay(text: string, maxGraphemes: number): string {
  const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  const graphemes = Array.from(segmenter.segment(nfc(text)), (s) => s.segment);
  if (graphemes.length <= maxGraphemes) return graphemes.join('');
  return graphemes.slice(0, Math.max(1, maxGraphemes - 1)).join('') + '…';
}

/** ISO date (yyyy-mm-dd) → dd/mm/yyyy for display; anything else is returned unchanged. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
