/**
 * Published text without personal data. A catalogue row's title often names the person the
 * document is about ("Về việc thi hành kỷ luật đối với ông Nguyễn Văn A, công chức …"); what is
 * published is the masked form ("… đối với ông [đã che], công chức …").
 *
 * `maskStrings` is the one masking mechanism (issue 14 masks redacted strings in titles with it):
 * every occurrence of a protected string is replaced, ignoring case and differences in white
 * space. `textFindings` runs the personal-data finder over the text itself (and, for a title in
 * capitals, over its title-cased form, which the finder's name patterns need), so a name in a
 * title is caught even when the document's body never mentions it.
 */
import { nfc } from '../../../shared/text/vietnamese';
import { personalStringsOf } from './finders';

export const MASK = '[đã che]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a protected string: case-insensitive, any run of white space between words,
 *  not inside a longer word or number. */
function patternOf(protectedText: string): RegExp | null {
  const words = nfc(protectedText).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Title case for an all-capitals text, keeping every character's position. */
function titleCased(text: string): string | null {
  if (/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) return null;
  let out = '';
  let start = true;
  for (const ch of text) {
    const lower = ch.toLocaleLowerCase('vi');
    const next = start ? ch : lower.length === ch.length ? lower : ch;
    out += next;
    start = !/[\p{L}\p{N}]/u.test(ch);
  }
  return out.length === text.length ? out : null;
}

/** Personal data the finder sees in the text itself (offsets are of `text`). */
export function textFindings(text: string): string[] {
  const found = new Set(personalStringsOf([{ n: 1, text }]));
  const titled = titleCased(text);
  if (titled) {
    for (const f of personalStringsOf([{ n: 1, text: titled }])) {
      // Map the title-cased finding back to the text as written (same positions).
      const at = titled.indexOf(f);
      found.add(at >= 0 ? text.slice(at, at + f.length) : f);
    }
  }
  return [...found];
}

/** Every occurrence of every protected string replaced by MASK; longest strings first, so a
 *  name inside a longer finding is not masked twice. */
export function maskStrings(text: string, protectedStrings: readonly string[]): string {
  let out = nfc(text);
  const sorted = [...new Set(protectedStrings.map((s) => s.trim()).filter((s) => s.length >= 2))].sort((a, b) => b.length - a.length);
  for (const s of sorted) {
    const re = patternOf(s);
    if (re) out = out.replace(re, MASK);
  }
  return out;
}

/** The published form of a title: the document's findings and the title's own masked. */
export function maskedTitle(text: string, documentFindings: readonly string[]): string {
  const once = maskStrings(text, documentFindings);
  return maskStrings(once, textFindings(once));
}

/** The protected strings still present in a text that is about to be published (empty = clean). */
export function remainingFindings(text: string, documentFindings: readonly string[]): string[] {
  const left: string[] = [];
  for (const s of documentFindings) {
    const re = patternOf(s);
    if (re && re.test(nfc(text))) left.push(s);
  }
  for (const s of textFindings(text)) if (!s.includes(MASK) && !left.includes(s)) left.push(s);
  return left;
}
