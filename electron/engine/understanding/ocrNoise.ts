/**
 * Tolerance for OCR noise in page text: stray marks at the edges of words and cells ("ˆ", "„",
 * "_Lý", "Nghĩa -"), words glued together ("TƯPHÁP", "BIÊNBẢN", "UBNDTỈNH"), header columns read
 * across into one line (cells split on tabs or wide gaps), and OCR's diacritic slips in common
 * administrative phrases ("chỉ tiết" → "chi tiết"). Every rule here works on shapes of text, never
 * on particular documents.
 */
import { fold } from '../../../shared/text/vietnamese';

/** Folded with everything but letters and digits removed: "TƯ PHÁP", "TƯPHÁP", "Tư-pháp" → "tuphap". */
export function despaced(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

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
  return capitals.replace(/(UBND|HĐND|CHQS|BCHQS)(?=\p{Lu}{2})/gu, '$1 ');
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
 * Administrative phrases whose folded form has one spelling only, so a phrase OCR read with a
 * slipped diacritic ("chỉ tiết", "nghỉ nhiễm", "tổ cáo", "bổ trí") can be put back. Only whole
 * phrases are restored, never single words: "chi" alone may be "chỉ", "chi tiết" may not.
 */
const PHRASES = [
  'chi tiết', 'thu, chi', 'thu chi', 'chi ngân sách', 'chi thường xuyên', 'chi đầu tư', 'nghi nhiễm', 'nghi ngờ', 'tố cáo', 'khiếu nại, tố cáo',
  'bố trí', 'tổ chức', 'quy hoạch', 'dự toán', 'quyết toán', 'ngân sách nhà nước', 'ngân sách địa phương', 'thủ tục hành chính', 'bảo trợ xã hội',
  'trợ cấp xã hội', 'đối tượng', 'phê duyệt', 'điều chỉnh', 'xây dựng', 'nhà thầu', 'gói thầu', 'kết quả', 'lựa chọn',
  'tình hình', 'thực hiện', 'triển khai', 'tăng cường', 'công khai', 'niêm yết', 'chỉ đạo', 'chỉ huy', 'chỉ thị', 'kiểm tra',
  'giám sát', 'cách ly', 'phòng, chống', 'phòng chống', 'an ninh', 'trật tự', 'tôn giáo', 'bảo vệ môi trường', 'vi phạm hành chính', 'xử phạt',
  'đất đai', 'quỹ đất', 'quốc phòng', 'diễn tập', 'chiến đấu', 'phòng thủ', 'hoạt động', 'văn hóa', 'tuyển dụng', 'viên chức',
  'công chức', 'cán bộ', 'đào tạo', 'bồi dưỡng', 'hỗ trợ', 'kinh phí', 'đầu tư công', 'giải ngân', 'phổ biến, giáo dục pháp luật', 'hòa giải ở cơ sở',
  'lý lịch tư pháp', 'hộ tịch', 'đăng ký', 'xác minh', 'cung cấp thông tin', 'tiếp cận thông tin', 'nông thôn mới', 'mục tiêu quốc gia',
];
const PHRASE_BY_FOLD = new Map(PHRASES.map((p) => [fold(p), p]));

/** Restores the diacritics of known administrative phrases in sentence-case text (a subject),
 *  keeping the case of each letter as printed. */
export function restorePhrases(text: string): string {
  let out = text;
  const folded = fold(text);
  if (folded.length !== text.length) return text; // only same-length (NFC, precomposed) text
  for (const [key, spelling] of PHRASE_BY_FOLD) {
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

/** Sector names of departments and offices (the part after "Sở", "Phòng", "Bộ"…), in their
 *  official spelling: matched despaced, so "TƯPHÁP" and "TAI NGUYEN VA MOI TRUONG" are found. */
const SECTORS = [
  'Tư pháp', 'Tài chính', 'Nội vụ', 'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'Lao động - Thương binh và Xã hội', 'Thông tin và Truyền thông',
  'Giáo dục và Đào tạo', 'Y tế', 'Xây dựng', 'Giao thông vận tải', 'Công Thương', 'Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường',
  'Văn hóa, Thể thao và Du lịch', 'Văn hóa và Thông tin', 'Văn hóa - Xã hội', 'Khoa học và Công nghệ', 'Ngoại vụ', 'Dân tộc và Tôn giáo', 'Tài chính - Kế hoạch',
  'Kinh tế', 'Kinh tế và Hạ tầng', 'Quản lý đô thị', 'Tư pháp - Hộ tịch', 'Lao động - Thương binh - Xã hội', 'Giao thông vận tải - Xây dựng',
];
const SECTOR_BY_DESPACED = new Map(SECTORS.map((s) => [despaced(s), s]));

/** The official spelling of a sector name read from capitals, or null if it is not a known one. */
export function knownSector(capitals: string): string | null {
  return SECTOR_BY_DESPACED.get(despaced(capitals)) ?? null;
}
