/**
 * Accuracy measures for OCR against the corpus ground truth (corpus/README.md: "NFC + collapse
 * whitespace; for layout-agnostic scoring also compare bags of words"). Used by bench/ocr.ts and the
 * OCR integration tests.
 */

export function normaliseForScoring(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over UTF-16 code units (NFC Vietnamese letters are single units). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Character error rate: edit distance / truth length, after NFC + whitespace collapse. */
export function characterErrorRate(recognised: string, truth: string): number {
  const t = normaliseForScoring(truth);
  return t.length === 0 ? (normaliseForScoring(recognised).length === 0 ? 0 : 1) : levenshtein(normaliseForScoring(recognised), t) / t.length;
}

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of normaliseForScoring(text).split(' ')) {
    if (word) bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

/**
 * Bag-of-words error, independent of reading order: (truth words not matched + recognised words
 * that match nothing) / truth word count — like WER with order ignored.
 */
export function bagOfWordsError(recognised: string, truth: string): number {
  const truthBag = wordBag(truth);
  const gotBag = wordBag(recognised);
  let truthCount = 0;
  let matched = 0;
  let gotCount = 0;
  for (const n of gotBag.values()) gotCount += n;
  for (const [word, n] of truthBag) {
    truthCount += n;
    matched += Math.min(n, gotBag.get(word) ?? 0);
  }
  if (truthCount === 0) return gotCount === 0 ? 0 : 1;
  const missed = truthCount - matched;
  const extra = gotCount - matched;
  return Math.max(missed, extra) / truthCount;
}
