/**
 * Tolerance for OCR noise in page text: stray marks at the edges of words and cells ("ˆ", "„",
 * "_Lý", "Nghĩa -"), words glued together ("TƯPHÁP", "BIÊNBẢN", "UBNDTỈNH"), header columns read
 * across into one line (cells split on tabs or wide gaps), and OCR's diacritic slips in common
 * administrative phrases ("chỉ tiết" → "chi tiết"). Every rule here works on shapes of text, never
 * on particular documents.
 */
import { fold } from '../../../shared/text/vietnamese';
import { despaced, headerVocabulary } from './headerVocabulary';

export { despaced };

/** Letters proper: modifier letters such as "ˆ" (OCR's reading of a speck) do not count. */
const LETTER = '\\p{Lu}\\p{Ll}\\p{Lo}';
const EDGE_NOISE = new RegExp(`^[^${LETTER}\\d(]+|[^${LETTER}\\d)]+$`, 'gu');

/** A token carries something if it has a letter or a digit. */
const hasContent = (token: string) => new RegExp(`[${LETTER}\\d]`, 'u').test(token);

/** Drops tokens made only of marks ("-", "ˆ", "„", "|") and trims marks off the ends of the text:
 *  "'TỈNH SÓC TRĂNG." → "TỈNH SÓC TRĂNG", "Dương Hữu Nghĩa -" → "Dương Hữu Nghĩa". Inner
 *  punctuation stays ("LAO ĐỘNG - THƯƠNG BINH" keeps its dash between words). */
export function stripEdgeNoise(text: string): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  let a = 0;
  let b = tokens.length;
  while (a < b && !hasContent(tokens[a]!)) a += 1;
  while (b > a && !hasContent(tokens[b - 1]!)) b -= 1;
  return tokens.slice(a, b).join(' ').replace(EDGE_NOISE, '');
}

/** Cells of a line read across columns: split on tabs and on wide gaps (≥ 2 spaces, which is also
 *  what is left where the motto was cut out). */
export function cells(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^\t]+?(?=\t|\s{2,}|$)/gu;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, offset: m.index + lead });
  }
  return out;
}

/** A cell that is only OCR debris: no run of two letters ("w", "x4", "z<", "aa_n.Ặ." has letters
 *  but mostly lower case inside capitals — judged by the caller). */
export function isDebris(text: string): boolean {
  return !new RegExp(`[${LETTER}]{2}`, 'u').test(text);
}

/** Abbreviations OCR glues to the next header word: "UBNDTỈNH" → "UBND TỈNH". */
export function unglueAbbreviations(capitals: string): string {
  return capitals.replace(headerVocabulary().glued, '$1 ');
}

/** Levenshtein distance (small strings only: titles, header words). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Close enough for OCR: folded, despaced, at most one slip per five letters. */
export function ocrSimilar(a: string, b: string): boolean {
  const x = despaced(a);
  const y = despaced(b);
  if (!x || !y) return false;
  return editDistance(x, y) <= Math.floor(Math.max(x.length, y.length) / 5);
}

/**
 * Restores the diacritics of known administrative phrases in sentence-case text (a subject),
 * keeping the case of each letter as printed. The phrases (header-vocabulary.json
 * `restorablePhrases`) have one folded spelling only, so a phrase OCR read with a slipped
 * diacritic ("chỉ tiết", "nghỉ nhiễm", "tổ cáo", "bổ trí") can be put back. Only whole phrases are
 * restored, never single words: "chi" alone may be "chỉ", "chi tiết" may not.
 */
export function restorePhrases(text: string): string {
  let out = text;
  const folded = fold(text);
  if (folded.length !== text.length) return text; // only same-length (NFC, precomposed) text
  for (const [key, spelling] of headerVocabulary().phraseByFold) {
    let from = 0;
    for (let at = folded.indexOf(key, from); at >= 0; at = folded.indexOf(key, from)) {
      from = at + key.length;
      const before = at === 0 ? '' : folded[at - 1]!;
      const after = folded[at + key.length] ?? '';
      if (/[a-z0-9]/.test(before) || /[a-z0-9]/.test(after)) continue;
      const printed = out.slice(at, at + key.length);
      if (printed.toLocaleLowerCase('vi') === spelling) continue;
      const restored = [...spelling].map((c, i) => (printed[i] !== printed[i]!.toLocaleLowerCase('vi') ? c.toLocaleUpperCase('vi') : c)).join('');
      out = out.slice(0, at) + restored + out.slice(at + key.length);
    }
  }
  return out;
}

/** The official spelling of a sector name read from capitals ("TƯPHÁP", "TAI NGUYEN VA MOI
 *  TRUONG"), matched despaced against header-vocabulary.json `sectors`; null if not a known one. */
export function knownSector(capitals: string): string | null {
  return headerVocabulary().sectorByDespaced.get(despaced(capitals)) ?? null;
}
