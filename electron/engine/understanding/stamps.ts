/**
 * Secrecy stamps (MẬT / TỐI MẬT / TUYỆT MẬT, Law on Protection of State Secrets) and urgency
 * stamps (KHẨN / THƯỢNG KHẨN / HỎA TỐC). A stamp is a marking written in capitals on a line of
 * its own (or at the end of a header line OCR read across) — never a word inside a sentence, so
 * "mật độ dân số", "mật khẩu", "bí mật nhà nước" and "an ninh" in prose are not stamps.
 */
import { isUpperLine, pageLines, type PageText } from './pageText';

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

const LEVELS: { folded: string; kind: StampKind; level: string }[] = [
  { folded: 'tuyet mat', kind: 'secrecy', level: 'Tuyệt mật' },
  { folded: 'toi mat', kind: 'secrecy', level: 'Tối mật' },
  { folded: 'mat', kind: 'secrecy', level: 'Mật' },
  { folded: 'thuong khan', kind: 'urgency', level: 'Thượng khẩn' },
  { folded: 'hoa toc hen gio', kind: 'urgency', level: 'Hỏa tốc' },
  { folded: 'hoa toc', kind: 'urgency', level: 'Hỏa tốc' },
  { folded: 'khan', kind: 'urgency', level: 'Khẩn' },
];

/** The folded words that are a stamp on their own; OCR may add a stray frame character. */
function stampOf(folded: string): (typeof LEVELS)[number] | null {
  const words = folded.replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  return LEVELS.find((l) => l.folded === words) ?? null;
}

export function findStamps(pages: PageText[]): Stamp[] {
  const stamps: Stamp[] = [];
  for (const page of pages) {
    for (const line of pageLines(page)) {
      if (!isUpperLine(line.text)) continue;
      // A whole line that is a stamp, or several stamps on one line ("TỐI MẬT KHẨN").
      const whole = stampOf(line.folded);
      if (whole) {
        stamps.push({ ...whole, text: line.text, page: page.n, lineIndex: line.index, start: line.start, end: line.end });
        continue;
      }
      // A stamp at the end of a header line read across columns: "Số: 35/UBND-NC MẬT".
      const tail = /(?:^|\s{1,})((?:tuyet mat|toi mat|mat|thuong khan|hoa toc|khan)(?:\s+(?:tuyet mat|toi mat|mat|thuong khan|hoa toc|khan))*)\s*$/.exec(line.folded);
      if (tail && /^s[o0]\s*[:;.]?\s*\d/.test(line.folded)) {
        let at = tail.index + tail[0].indexOf(tail[1]!);
        for (const part of tail[1]!.split(/\s+(?=tuyet|toi|mat|thuong|hoa|khan)/)) {
          const level = stampOf(part);
          if (level) stamps.push({ ...level, text: line.text.slice(at, at + part.length), page: page.n, lineIndex: line.index, start: line.start + at, end: line.start + at + part.length });
          at += part.length + 1;
        }
        continue;
      }
      const words = line.folded.split(/\s+/);
      if (words.length <= 4) {
        // "TỐI MẬT  KHẨN" on one line.
        const parts = line.folded.match(/tuyet mat|toi mat|thuong khan|hoa toc|\bmat\b|\bkhan\b/g) ?? [];
        if (parts.length >= 2 && parts.join(' ') === words.join(' ')) {
          let from = 0;
          for (const part of parts) {
            const at = line.folded.indexOf(part, from);
            from = at + part.length;
            const level = stampOf(part)!;
            stamps.push({ ...level, text: line.text.slice(at, at + part.length), page: page.n, lineIndex: line.index, start: line.start + at, end: line.start + at + part.length });
          }
        }
      }
    }
  }
  return stamps;
}
