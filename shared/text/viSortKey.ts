/**
 * A sort key whose plain binary order (SQLite's BINARY collation, JavaScript's `<`) is the order
 * of `Intl.Collator('vi', { numeric: true, sensitivity: 'accent' })`: the Vietnamese alphabet
 * (a ă â b c d đ e ê … o ô ơ … u ư …), tones as a second level (ngang, huyền, hỏi, ngã, sắc,
 * nặng), case ignored, numbers by value, spaces and punctuation before digits before letters.
 *
 * Why hand-rolled: the Library sorts 100 000 documents in SQLite, one page at a time, and
 * better-sqlite3 cannot register a collation, only functions. Sorting the ids in JavaScript with
 * Intl.Collator instead costs ~1 s per 100 000 rows (1.7 M compares) on every page request;
 * `ORDER BY vi_sort_key(col)` costs one key per row. tests/unit/text/viSortKey.test.ts checks the
 * order against Intl.Collator on random Vietnamese strings.
 */

// Code points of the key (UTF-8 keeps code point order, so SQLite compares them the same way).
const LEVEL_SEPARATOR = '\u0001';
const SPACE = 0x10;
const PUNCTUATION = 0x20; // + rank in PUNCTUATION_ORDER
const OTHER_SYMBOL = 0x6f;
const NUMBER = 0x70; // then a length mark and the digits
const NUMBER_LENGTH = 0x80;
const DIGIT = 0xc0;
const LETTER = 0x100; // + rank in the Vietnamese alphabet
const OTHER_LETTER = 0x1000; // + code point (scripts other than Latin)

// The order of the Unicode collation algorithm's default table for ASCII punctuation.
const PUNCTUATION_ORDER = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((l, i) => [l, i]));
/** Marks that make another letter of the alphabet (a+breve = ă), not a tone. */
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };
const WITH_MARK: Record<string, string> = {
  'a breve': 'ă',
  'a circumflex': 'â',
  'e circumflex': 'ê',
  'o circumflex': 'ô',
  'o horn': 'ơ',
  'u horn': 'ư',
};
/** Second level: no tone < huyền < hỏi < ngã < sắc < nặng; any other mark after them. */
const TONE: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const OTHER_MARK_TONE = 6;

const isMark = (ch: string) => /\p{M}/u.test(ch);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** What one character (as stored: NFC, lower case) adds to the key: a primary weight and, for a
 *  letter, its tone; for a lone combining mark, only a tone for the letter before it. */
interface CharWeight {
  primary: string;
  tone: number | null;
  mark: boolean;
}

function weighChar(ch: string): CharWeight {
  if (/\s/u.test(ch)) return { primary: String.fromCodePoint(SPACE), tone: null, mark: false };
  const parts = Array.from(ch.normalize('NFD'));
  const base = parts[0]!;
  if (isMark(base)) return { primary: '', tone: TONE[base] ?? OTHER_MARK_TONE, mark: true };
  if (!/\p{L}/u.test(base)) {
    const rank = PUNCTUATION_ORDER.indexOf(base);
    return { primary: String.fromCodePoint(rank >= 0 ? PUNCTUATION + rank : OTHER_SYMBOL), tone: null, mark: false };
  }
  let letter = base;
  let tone = 0;
  for (const mark of parts.slice(1)) {
    const named = LETTER_MARKS[mark];
    const combined = named ? WITH_MARK[`${letter} ${named}`] : undefined;
    if (combined) letter = combined;
    else tone = Math.max(tone, TONE[mark] ?? OTHER_MARK_TONE);
  }
  const rank = LETTER_RANK.get(letter);
  const weight = rank !== undefined ? LETTER + rank : OTHER_LETTER + Math.min(letter.codePointAt(0)!, 0xc000);
  return { primary: String.fromCodePoint(weight), tone, mark: false };
}

// Per character, computed once: keys are built for every row of a sorted listing.
const ASCII: CharWeight[] = Array.from({ length: 128 }, (_, code) => weighChar(String.fromCharCode(code)));
const weights = new Map<string, CharWeight>();
function weightOf(ch: string, code: number): CharWeight {
  if (code < 128) return ASCII[code]!;
  let w = weights.get(ch);
  if (!w) {
    w = weighChar(ch);
    if (weights.size < 8192) weights.set(ch, w);
  }
  return w;
}

/** Characters of a value that take part in its key: two long subjects that agree this far are
 *  the same for sorting (ties keep import order), and the key of a 2 000-character subject costs
 *  no more than that of a title. */
export const SORT_KEY_LENGTH = 120;

export function viSortKey(text: string | null | undefined): string {
  if (!text) return '';
  const s = text.slice(0, SORT_KEY_LENGTH).normalize('NFC').toLowerCase();
  let primary = '';
  let secondary = '';
  for (let i = 0; i < s.length; ) {
    const code = s.codePointAt(i)!;
    if (isDigit(code)) {
      let end = i;
      while (end < s.length && isDigit(s.charCodeAt(end))) end += 1;
      let start = i;
      while (start < end - 1 && s.charCodeAt(start) === 0x30) start += 1; // 007 = 7
      primary += String.fromCodePoint(NUMBER, NUMBER_LENGTH + Math.min(end - start, 63));
      for (let k = start; k < end; k += 1) primary += String.fromCodePoint(DIGIT + s.charCodeAt(k) - 0x30);
      i = end;
      continue;
    }
    const ch = code < 128 ? '' : String.fromCodePoint(code);
    i += code > 0xffff ? 2 : 1;
    const w = weightOf(ch, code);
    if (w.mark) {
      // A combining mark NFC could not join to the letter before it: a tone for that letter.
      if (secondary.length > 0) {
        const last = secondary.codePointAt(secondary.length - 1)! - 0x30;
        secondary = secondary.slice(0, -1) + String.fromCodePoint(0x30 + Math.max(last, w.tone ?? 0));
      }
      continue;
    }
    primary += w.primary;
    if (w.tone !== null) secondary += String.fromCodePoint(0x30 + w.tone);
  }
  return primary + LEVEL_SEPARATOR + secondary;
}
