/**
 * Secrecy stamps (levels of the Law on Protection of State Secrets) and urgency stamps (Decree
 * 30/2020), read from resources/legal/markings.json. A stamp is a marking written in capitals on a
 * line of its own (or at the end of a header line OCR read across) — never a word inside a
 * sentence, so "mật độ dân số", "mật khẩu", "bí mật nhà nước" and "an ninh" in prose are not
 * stamps. Letters are compared folded and with spaces removed, so "M ẬT" or "TỐIMẬT" from OCR is
 * still the stamp.
 *
 * `findUncertainSecrecyStamps` reports short capitals lines near the top of a page that are one
 * slip away from a secrecy level ("MẠI", "TỐ MẬT"): never a stamp for the header, but enough to
 * hold the document back for a person (rule secret.stamp-uncertain).
 */
import { fold } from '../../../shared/text/vietnamese';
import { editDistance } from './ocrNoise';
import { isUpperLine, pageLines, type PageText } from './pageText';
import { legalData } from './rules/legalData';
import type { MarkingsFile } from './rules/ruleSchema';

export type StampKind = 'secrecy' | 'urgency';

export interface Stamp {
  kind: StampKind;
  /** The header value: "Mật" | "Tối mật" | "Tuyệt mật" | "Khẩn" | "Thượng khẩn" | "Hỏa tốc". */
  level: string;
  text: string;
  page: number;
  lineIndex: number;
  start: number;
  end: number;
}

interface Level {
  /** Folded words ("toi mat"). */
  folded: string;
  /** Folded letters only ("toimat"). */
  letters: string;
  kind: StampKind;
  level: string;
}

const letters = (text: string) => fold(text).replace(/[^a-z]/g, '');

let levelsFor: { source: MarkingsFile; levels: Level[]; tail: RegExp } | null = null;

/** Levels longest first ("tối mật" before "mật"), and the pattern of stamps ending a line. */
function levels(markings: MarkingsFile = legalData().markings): { levels: Level[]; tail: RegExp } {
  if (levelsFor?.source === markings) return levelsFor;
  const all: Level[] = [
    ...markings.secrecy.map((text) => ({ folded: fold(text), letters: letters(text), kind: 'secrecy' as const, level: text })),
    ...markings.urgency.map((u) => ({ folded: fold(u.text), letters: letters(u.text), kind: 'urgency' as const, level: u.level })),
  ].sort((a, b) => b.folded.length - a.folded.length);
  const alternatives = all.map((l) => l.folded.replace(/ /g, '\\s+')).join('|');
  const tail = new RegExp(`(?:^|\\s)((?:${alternatives})(?:\\s+(?:${alternatives}))*)\\s*$`);
  levelsFor = { source: markings, levels: all, tail };
  return levelsFor;
}

/** The level a run of words is, whole (folded letters compared, spaces and frame marks ignored). */
function stampOf(text: string, all: Level[]): Level | null {
  const l = letters(text);
  return all.find((x) => x.letters === l) ?? null;
}

export function findStamps(pages: PageText[], markings?: MarkingsFile): Stamp[] {
  const { levels: all, tail: tailRe } = levels(markings);
  const stamps: Stamp[] = [];
  for (const page of pages) {
    for (const line of pageLines(page)) {
      if (!isUpperLine(line.text)) continue;
      // A whole line that is a stamp ("TỐI MẬT", OCR's "TỐIMẬT").
      const whole = stampOf(line.folded, all);
      if (whole) {
        stamps.push({ kind: whole.kind, level: whole.level, text: line.text, page: page.n, lineIndex: line.index, start: line.start, end: line.end });
        continue;
      }
      // A stamp at the end of a header line read across columns ("Số: 35/UBND-NC MẬT"), or several
      // stamps on one short line ("TỐI MẬT  KHẨN").
      const numberLine = /^s[o0]\s*[:;.]?\s*\d/.test(line.folded);
      const tail = tailRe.exec(line.folded);
      if (!tail || (!numberLine && tail[1]!.length !== line.folded.trim().length)) continue;
      const run = tail[1]!;
      let from = tail.index + tail[0].indexOf(run);
      const end = from + run.length;
      while (from < end) {
        const rest = line.folded.slice(from, end);
        const level = all.find((l) => new RegExp(`^${l.folded.replace(/ /g, '\\s+')}(?![a-z])`).test(rest));
        if (!level) break;
        const len = new RegExp(`^${level.folded.replace(/ /g, '\\s+')}`).exec(rest)![0].length;
        stamps.push({ kind: level.kind, level: level.level, text: line.text.slice(from, from + len), page: page.n, lineIndex: line.index, start: line.start + from, end: line.start + from + len });
        from += len;
        while (line.folded[from] === ' ' || line.folded[from] === '\t') from += 1;
      }
    }
  }
  return stamps;
}

/** Lines of a page's top where a stamp is found or expected. */
const TOP_LINES = 20;

const isShortCapitals = (text: string) => text.trim().split(/\s+/).length <= 6 && letters(text).length <= 12 && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);

/** Short capitals lines near the top one slip away from a secrecy level, alone or with the one or
 *  two short capitals lines after them (OCR breaks a stamp: "TỐI" / "M ẬT"); never a stamp itself. */
export function findUncertainSecrecyStamps(pages: PageText[], markings?: MarkingsFile): Stamp[] {
  const { levels: all } = levels(markings);
  const secrecy = all.filter((l) => l.kind === 'secrecy');
  const out: Stamp[] = [];
  for (const page of pages) {
    const lines = pageLines(page).slice(0, TOP_LINES);
    for (let i = 0; i < lines.length; i += 1) {
      for (let n = 1; n <= 3 && i + n <= lines.length; n += 1) {
        const group = lines.slice(i, i + n);
        if (!group.every((l) => isShortCapitals(l.text))) break;
        const text = group.map((l) => l.text).join(' ');
        const l = letters(text);
        if (l.length < 2 || l.length > 12) continue;
        if (n === 1 && stampOf(text, all)) break;
        if (group.some((g) => stampOf(g.text, all))) break;
        const near = secrecy.find((s) => {
          const allowed = s.letters.length >= 8 ? 2 : 1;
          return Math.abs(l.length - s.letters.length) <= allowed && editDistance(l, s.letters) <= allowed;
        });
        if (near) {
          const last = group[group.length - 1]!;
          out.push({ kind: 'secrecy', level: near.level, text, page: page.n, lineIndex: group[0]!.index, start: group[0]!.start, end: last.end });
          break;
        }
      }
    }
  }
  return out;
}
