/**
 * The redacted file's own last check: after the painted pages are OCR'd, no redacted string may be
 * readable in them — as written, without diacritics, or (for numbers) as its digits with any
 * spacing. A hit means a box did not cover its words, or the same words stand somewhere else on
 * the pages uncovered; the file is then not made (REDACTION_LEAK).
 *
 * Checked strings: the words under accepted regions that identify or locate a person (names,
 * ID numbers, phones, e-mails, birth dates, addresses, land parcels, bank accounts), and those of
 * regions the reviewer drew or selected. General terms of a sensitive kind ("hộ nghèo", a
 * diagnosis) are painted over where they were marked but may stand elsewhere in their general
 * sense, so they are not searched for.
 *
 * A box placed a little off leaves pieces, not the whole string: so the check also looks for each
 * word of a checked string (3+ letters) and each run of 6 of its digits that the document's own
 * text holds nowhere outside the checked strings — a piece of a name, an ID number's tail — read
 * as an OCR word beside one of the page's boxes (far from every box it is another word).
 */
import { fold } from '../../../shared/text/vietnamese';
import type { Region } from './regions';

const GENERAL_KINDS = new Set([
  'health',
  'social-status',
  'ethnicity',
  'religion',
  'criminal-record',
  'protected',
]);

export function checkedStrings(regions: readonly Region[]): string[] {
  const out = new Set<string>();
  for (const r of regions) {
    if (r.state !== 'accepted' || !r.text) continue;
    if (r.origin === 'finding' && GENERAL_KINDS.has(r.category)) continue;
    const t = r.text.replace(/\s+/g, ' ').trim();
    // One- or two-letter strings ("An") match inside ordinary words: not meaningful to search.
    if (t.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) out.add(t);
  }
  return [...out];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Digit groups joined across single separators ("0940 4375.9365" → "094043759365"). */
const joinedDigits = (s: string) => s.replace(/(?<=\d)[ .,\-/]?(?=\d)/g, '');
const digitsOf = (s: string) => s.replace(/\D/g, '');

function wordBounded(haystack: string, needle: string): boolean {
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const edge = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
    if (edge(before) && edge(after)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words (folded) and 6-digit runs of the strings that the original pages hold only inside them. */
export function pieceNeedles(
  strings: readonly string[],
  originalPages: readonly string[],
): { words: string[]; digits: string[] } {
  let rest = originalPages.join('\n');
  for (const s of [...strings].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(s.split(' ').map(escapeRe).join('\\s+'), 'giu'), ' ');
  }
  const restWords = new Set(fold(rest).split(/[^a-z0-9]+/));
  const restDigits = rest.replace(/\D+/g, ' ');
  const words = new Set<string>();
  const digits = new Set<string>();
  for (const s of strings) {
    for (const w of fold(s).split(/[^a-z0-9]+/))
      if (w.length >= 3 && !/^\d+$/.test(w) && !restWords.has(w)) words.add(w);
    const d = digitsOf(s);
    for (let i = 0; i + 6 <= d.length; i += 1)
      if (!restDigits.includes(d.slice(i, i + 6))) digits.add(d.slice(i, i + 6));
  }
  return { words: [...words], digits: [...digits] };
}

/** An OCR'd page of the redacted file: its text, words and the size of the image they are on. */
export interface ReadPage {
  text: string;
  words: readonly { text: string; x0: number; y0: number; x1: number; y1: number }[];
  width: number;
  height: number;
}

interface FractionBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A word on the same line as a box and close to it (within two of its heights): what a box placed
 *  a little off leaves readable beside itself. */
function besideBox(word: ReadPage['words'][number], page: ReadPage, box: FractionBox): boolean {
  const x0 = word.x0 / page.width;
  const x1 = word.x1 / page.width;
  const y0 = word.y0 / page.height;
  const y1 = word.y1 / page.height;
  const overlap = Math.min(y1, box.y + box.h) - Math.max(y0, box.y);
  if (overlap < Math.min(y1 - y0, box.h) / 2) return false;
  const gap = Math.max(box.x - x1, x0 - (box.x + box.w), 0);
  return gap <= (y1 - y0) * 2;
}

/**
 * Redacted strings still readable in the redacted pages, with the page they are on: each whole
 * string anywhere in the text; and, given the original pages and the regions' boxes by page, each
 * piece of one (pieceNeedles) read as a word beside a box — a box placed a little off leaves its
 * word's ends next to it (far from every box, the same syllable is another word).
 */
export function readableRedactions(
  pages: readonly ReadPage[],
  strings: readonly string[],
  pieces?: { originalPages: readonly string[]; boxes: (page: number) => readonly FractionBox[] },
): { text: string; page: number }[] {
  const leaks: { text: string; page: number }[] = [];
  const texts = pages.map((p) => {
    const plain = collapse(p.text).toLocaleLowerCase('vi');
    return { plain, folded: fold(plain), digits: joinedDigits(plain) };
  });
  for (const s of strings) {
    const plain = collapse(s).toLocaleLowerCase('vi');
    const folded = fold(plain);
    const digits = digitsOf(s);
    const numeric = digits.length >= 6 && digits.length >= plain.replace(/[^\p{L}\p{N}]/gu, '').length * 0.6;
    const at = texts.findIndex(
      (p) =>
        wordBounded(p.plain, plain) ||
        wordBounded(p.folded, folded) ||
        (numeric && wordBounded(p.digits, digits)),
    );
    if (at >= 0) leaks.push({ text: s, page: at + 1 });
  }
  if (!pieces) return leaks;
  const needles = pieceNeedles(strings, pieces.originalPages);
  const words = new Set(needles.words);
  pages.forEach((page, i) => {
    const boxes = pieces.boxes(i + 1);
    if (boxes.length === 0) return;
    for (const w of page.words) {
      const folded = fold(w.text).replace(/[^a-z0-9]+/g, '');
      const digits = digitsOf(w.text);
      const hit = words.has(folded) ? folded : needles.digits.find((d) => digits.includes(d));
      if (hit && boxes.some((b) => besideBox(w, page, b))) leaks.push({ text: hit, page: i + 1 });
    }
  });
  return leaks;
}
