/**
 * The kinds of administrative document of Decree 30/2020/NĐ-CP (Art. 7) and the abbreviations
 * of their notation (Appendix III), read from resources/legal/document-types.json.
 */
import { fold } from '../../../shared/text/vietnamese';
import { legalData } from './rules/legalData';
import type { DocumentTypesFile } from './rules/ruleSchema';

interface TypeIndex {
  source: DocumentTypesFile;
  types: DocumentTypesFile['types'];
  byFolded: Map<string, string>;
  byCode: Map<string, string>;
}

let index: TypeIndex | null = null;

function types(): TypeIndex {
  const source = legalData().documentTypes;
  if (index?.source !== source) {
    index = {
      source,
      types: source.types,
      // "Bản thoả thuận", "Giấy uỷ quyền": fold removes the tone wherever it sits.
      byFolded: new Map(source.types.map((t) => [fold(t.name), t.name])),
      byCode: new Map(source.types.flatMap((t) => t.codes.map((c) => [fold(c), t.name] as const))),
    };
  }
  return index;
}

/** Every type name, in the decree's order. */
export function documentTypeNames(): string[] {
  return types().types.map((t) => t.name);
}

/** The type named by a title line ("QUYẾT ĐỊNH", "Quyet dinh" from OCR), else null. */
export function typeFromTitle(line: string): string | null {
  const f = fold(line).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  return types().byFolded.get(f) ?? null;
}

/** A title in capitals opening a line, spaces optional ("BIÊNBẢN", "BÁO CÁO Tình hình…": OCR
 *  glues words and puts the subject on the title's line): the type and where the title ends. */
export function typeAtLineStart(line: string): { type: string; end: number } | null {
  let best: { type: string; end: number } | null = null;
  for (const t of types().types) {
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
  return types().byCode.get(fold(first)) ?? null;
}
