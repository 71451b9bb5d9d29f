/**
 * Turning header capitals back into the spelling a reader expects:
 * "ỦY BAN NHÂN DÂN / TỈNH SÓC TRĂNG" → "Ủy ban nhân dân tỉnh Sóc Trăng",
 * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" → "Phó Chủ tịch".
 */
import { fold, nfc } from '../../../shared/text/vietnamese';
import { knownSector } from './ocrNoise';

const TONED_O: Record<string, string> = { à: 'ò', á: 'ó', ả: 'ỏ', ã: 'õ', ạ: 'ọ', À: 'Ò', Á: 'Ó', Ả: 'Ỏ', Ã: 'Õ', Ạ: 'Ọ' };
const TONED_U: Record<string, string> = { ỳ: 'ù', ý: 'ú', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ', Ỳ: 'Ù', Ý: 'Ú', Ỷ: 'Ủ', Ỹ: 'Ũ', Ỵ: 'Ụ' };

/** Old-style tone placement to the one the archive stores: "hoà" → "hòa", "Uỷ" → "Ủy"
 *  (word-final oa/uy only; "quý" keeps its tone on y because "qu" is one consonant). */
export function normaliseTonePlacement(text: string): string {
  return nfc(text)
    .replace(/([oO])([àáảãạÀÁẢÃẠ])(?!\p{L})/gu, (_m, o: string, a: string) => {
      const toned = TONED_O[a]!;
      const plain = a === a.toLowerCase() ? 'a' : 'A';
      return (o === 'O' ? toned.toUpperCase() : toned.toLowerCase()) + plain;
    })
    .replace(/(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu, (_m, u: string, y: string) => {
      const toned = TONED_U[y]!;
      const plain = y === y.toLowerCase() ? 'y' : 'Y';
      return (u === 'U' ? toned.toUpperCase() : toned.toLowerCase()) + plain;
    });
}

export function lower(text: string): string {
  return text.toLocaleLowerCase('vi');
}

export function capitalise(word: string): string {
  if (!word) return word;
  const first = [...word][0]!;
  return first.toLocaleUpperCase('vi') + lower(word.slice(first.length));
}

/** Every word capitalised: place and person names. Digits stay ("Hòa Tú 1"). */
export function titleCase(text: string): string {
  return normaliseTonePlacement(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('-').map(capitalise).join('-'))
    .join(' ');
}

/** A field or sector name: the first word of each coordinated part capitalised
 *  ("LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Lao động - Thương binh và Xã hội"). */
export function sectorCase(text: string): string {
  const words = normaliseTonePlacement(text).split(/\s+/).filter(Boolean).map(lower);
  let capNext = true;
  return words
    .map((w) => {
      if (w === '-' || w === 'và' || w === ',') {
        capNext = true;
        return w;
      }
      const out = capNext ? capitalise(w) : w;
      capNext = w.endsWith(',');
      return out;
    })
    .join(' ');
}

/** Administrative units, longest first so "thị xã" wins over "xã". */
export const LOCALITY_TYPES = ['thành phố', 'thị trấn', 'thị xã', 'tỉnh', 'huyện', 'quận', 'phường', 'xã', 'đặc khu'] as const;
const LOCALITY_FOLDED = LOCALITY_TYPES.map((t) => fold(t));

/** Abbreviations used in header capitals. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, 'ỦY BAN NHÂN DÂN'],
  [/\bHĐND\b/gu, 'HỘI ĐỒNG NHÂN DÂN'],
  [/\bCHQS\b/gu, 'CHỈ HUY QUÂN SỰ'],
  [/\bTP\.\s*/gu, 'THÀNH PHỐ '],
];

/** Body names whose official spelling is not the generic rule's. Keys are folded. */
const BODY_SPELLINGS: [string, string][] = [
  ['uy ban nhan dan', 'Ủy ban nhân dân'],
  ['hoi dong nhan dan', 'Hội đồng nhân dân'],
  ['ban chi huy quan su', 'Ban Chỉ huy Quân sự'],
  ['bo chi huy quan su', 'Bộ Chỉ huy Quân sự'],
  ['bo chi huy bo doi bien phong', 'Bộ Chỉ huy Bộ đội Biên phòng'],
  ['van phong hoi dong nhan dan va uy ban nhan dan', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân'],
  ['van phong uy ban nhan dan', 'Văn phòng Ủy ban nhân dân'],
  ['thanh tra', 'Thanh tra'],
  ['cong an', 'Công an'],
  ['kho bac nha nuoc', 'Kho bạc Nhà nước'],
  ['toa an nhan dan', 'Tòa án nhân dân'],
  ['vien kiem sat nhan dan', 'Viện kiểm sát nhân dân'],
];

/** Kinds of body whose own name follows as a sector ("SỞ TÀI CHÍNH" → "Sở" + "Tài chính"). */
const BODY_HEADS: [string, string][] = [
  ['trung tam', 'Trung tâm'],
  ['chi cuc', 'Chi cục'],
  ['tong cuc', 'Tổng cục'],
  ['van phong', 'Văn phòng'],
  ['cuc', 'Cục'],
  ['so', 'Sở'],
  ['bo', 'Bộ'],
  ['ban', 'Ban'],
  ['phong', 'Phòng'],
  ['benh vien', 'Bệnh viện'],
  ['truong', 'Trường'],
  ['vien', 'Viện'],
];

export interface Locality {
  type: string;
  name: string | null;
}

/** Splits "BAN CHỈ HUY QUÂN SỰ THỊ XÃ VĨNH CHÂU" into the body and its locality. */
export function splitLocality(capitals: string): { body: string; locality: Locality | null } {
  const words = capitals.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w));
  for (let i = words.length - 1; i >= 0; i -= 1) {
    for (const type of LOCALITY_FOLDED) {
      const parts = type.split(' ');
      if (i + parts.length > words.length) continue;
      if (parts.every((p, k) => folded[i + k] === p)) {
        const after = folded.slice(i + parts.length);
        // "XÃ HỘI" is society, not a commune; "thành phố" inside a longer phrase stays too.
        if (type === 'xa' && after[0] === 'hoi') continue;
        if (i > 0 && type === 'xa' && folded[i - 1] === 'thi') continue;
        const name = words.slice(i + parts.length).join(' ');
        return {
          body: words.slice(0, i).join(' '),
          locality: { type: LOCALITY_TYPES[LOCALITY_FOLDED.indexOf(type)]!, name: name ? titleCase(name) : null },
        };
      }
    }
  }
  return { body: capitals, locality: null };
}

export function expandAbbreviations(capitals: string): string {
  let out = nfc(capitals);
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out.replace(/\s+/g, ' ').trim();
}

/** "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → "Sở Tài nguyên và Môi trường". */
export function bodyCase(capitals: string): string {
  const text = normaliseTonePlacement(capitals).replace(/\s+/g, ' ').trim();
  if (!text) return text;
  const f = fold(text);
  for (const [key, spelling] of BODY_SPELLINGS) {
    if (f === key) return spelling;
    if (f.startsWith(key + ' ')) return spelling + ' ' + sectorCase(text.slice(key.length + 1)).replace(/^./u, (c) => lower(c));
  }
  for (const [key, head] of BODY_HEADS) {
    if (f === key) return head;
    if (f.startsWith(key + ' ')) {
      const rest = text.slice(key.length + 1);
      return head + ' ' + (knownSector(rest) ?? sectorCase(rest));
    }
  }
  return sectorCase(text);
}

export function localityText(locality: Locality): string {
  return locality.name ? `${locality.type} ${locality.name}` : locality.type;
}

/** Official titles whose spelling is not sentence case. Keys are folded. */
const TITLE_SPELLINGS: [string, string][] = [
  ['chanh van phong', 'Chánh Văn phòng'],
  ['pho chanh van phong', 'Phó Chánh Văn phòng'],
  ['chanh thanh tra', 'Chánh Thanh tra'],
  ['pho chanh thanh tra', 'Phó Chánh Thanh tra'],
  ['chu tich', 'Chủ tịch'],
  ['pho chu tich', 'Phó Chủ tịch'],
];

/** "PHÓ GIÁM ĐỐC" → "Phó Giám đốc", "CHỈ HUY TRƯỞNG" → "Chỉ huy trưởng". */
export function officialTitleCase(capitals: string): string {
  const text = normaliseTonePlacement(capitals).replace(/\s+/g, ' ').trim();
  const f = fold(text);
  for (const [key, spelling] of TITLE_SPELLINGS) {
    if (f === key) return spelling;
    if (f.startsWith(key + ' ')) return spelling + ' ' + lower(text.slice(key.length + 1));
  }
  const words = text.split(' ').map(lower);
  if (words[0] === 'phó' && words.length > 1) return `Phó ${capitalise(words[1]!)}${words.length > 2 ? ' ' + words.slice(2).join(' ') : ''}`;
  return capitalise(words.join(' '));
}
