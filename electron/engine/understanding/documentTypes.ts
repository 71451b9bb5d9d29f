import { fold } from '../../../shared/text/vietnamese';

/** The 29 kinds of administrative document of Decree 30/2020/NĐ-CP (Art. 7), with the
 *  abbreviations used in their notation (Appendix III). */
export const DOCUMENT_TYPES: { name: string; codes: string[] }[] = [
  { name: 'Nghị quyết', codes: ['NQ'] },
  { name: 'Quyết định', codes: ['QĐ'] },
  { name: 'Chỉ thị', codes: ['CT'] },
  { name: 'Quy chế', codes: ['QC'] },
  { name: 'Quy định', codes: ['QYĐ'] },
  { name: 'Thông cáo', codes: ['TC'] },
  { name: 'Thông báo', codes: ['TB'] },
  { name: 'Hướng dẫn', codes: ['HD'] },
  { name: 'Chương trình', codes: ['CTr'] },
  { name: 'Kế hoạch', codes: ['KH'] },
  { name: 'Phương án', codes: ['PA'] },
  { name: 'Đề án', codes: ['ĐA'] },
  { name: 'Dự án', codes: ['DA'] },
  { name: 'Báo cáo', codes: ['BC'] },
  { name: 'Biên bản', codes: ['BB'] },
  { name: 'Tờ trình', codes: ['TTr'] },
  { name: 'Hợp đồng', codes: ['HĐ'] },
  { name: 'Công văn', codes: [] },
  { name: 'Công điện', codes: ['CĐ'] },
  { name: 'Bản ghi nhớ', codes: ['GN'] },
  { name: 'Bản thỏa thuận', codes: ['TTh'] },
  { name: 'Giấy ủy quyền', codes: ['GUQ'] },
  { name: 'Giấy mời', codes: ['GM'] },
  { name: 'Giấy giới thiệu', codes: ['GGT'] },
  { name: 'Giấy nghỉ phép', codes: ['GNP'] },
  { name: 'Phiếu gửi', codes: ['PG'] },
  { name: 'Phiếu chuyển', codes: ['PC'] },
  { name: 'Phiếu báo', codes: ['PB'] },
  { name: 'Thư công', codes: [] },
];

const BY_FOLDED = new Map(DOCUMENT_TYPES.map((t) => [fold(t.name), t.name]));
// "Bản thoả thuận", "Giấy uỷ quyền": fold removes the tone wherever it sits.
const BY_CODE = new Map(DOCUMENT_TYPES.flatMap((t) => t.codes.map((c) => [fold(c), t.name] as const)));

/** The type named by a title line ("QUYẾT ĐỊNH", "Quyet dinh" from OCR), else null. */
export function typeFromTitle(line: string): string | null {
  const f = fold(line).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  return BY_FOLDED.get(f) ?? null;
}

/** A title in capitals opening a line, spaces optional ("BIÊNBẢN", "BÁO CÁO Tình hình…": OCR
 *  glues words and puts the subject on the title's line): the type and where the title ends. */
export function typeAtLineStart(line: string): { type: string; end: number } | null {
  let best: { type: string; end: number } | null = null;
  for (const t of DOCUMENT_TYPES) {
    const want = fold(t.name).replace(/ /g, '');
    let k = 0;
    let i = 0;
    for (; i < line.length && k < want.length; i += 1) {
      const ch = line[i]!;
      if (/\s/.test(ch)) continue;
      if (fold(ch) !== want[k] || ch === ch.toLocaleLowerCase('vi')) break;
      k += 1;
    }
    if (k < want.length || /\p{L}/u.test(line[i] ?? '')) continue;
    if (!best || i > best.end) best = { type: t.name, end: i };
  }
  return best;
}

/** The type from the notation's first part ("QĐ-UBND" → Quyết định), else null. */
export function typeFromNotation(notation: string): string | null {
  const first = notation.split(/[-/]/)[0] ?? '';
  return BY_CODE.get(fold(first)) ?? null;
}
