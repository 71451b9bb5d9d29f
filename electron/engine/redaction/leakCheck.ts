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
 */
import { fold } from '../../../shared/text/vietnamese';
import type { Region } from './regions';

const GENERAL_KINDS = new Set(['health', 'social-status', 'ethnicity', 'religion', 'criminal-record', 'protected']);

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

/** Redacted strings still readable in the page texts, with the page they are on. */
export function readableRedactions(pageTexts: readonly string[], strings: readonly string[]): { text: string; page: number }[] {
  const leaks: { text: string; page: number }[] = [];
  const pages = pageTexts.map((t) => {
    const plain = collapse(t).toLocaleLowerCase('vi');
    return { plain, folded: fold(plain), digits: joinedDigits(plain) };
  });
  for (const s of strings) {
    const plain = collapse(s).toLocaleLowerCase('vi');
    const folded = fold(plain);
    const digits = digitsOf(s);
    const numeric = digits.length >= 6 && digits.length >= plain.replace(/[^\p{L}\p{N}]/gu, '').length * 0.6;
    const at = pages.findIndex((p) => wordBounded(p.plain, plain) || wordBounded(p.folded, folded) || (numeric && wordBounded(p.digits, digits)));
    if (at >= 0) leaks.push({ text: s, page: at + 1 });
  }
  return leaks;
}
