/**
 * Turning header capitals back into the spelling a reader expects:
 * "ỦY BAN NHÂN DÂN / TỈNH SÓC TRĂNG" → "Ủy ban nhân dân tỉnh Sóc Trăng",
 * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" → "Phó Chủ tịch".
 */
import { fold, nfc } from '../../../shared/text/vietnamese';
import { knownSector } from './ocrNoise';
import { headerVocabulary } from './headerVocabulary';

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


export interface Locality {
  type: string;
  name: string | null;
}

/** Splits "BAN CHỈ HUY QUÂN SỰ THỊ XÃ VĨNH CHÂU" into the body and its locality. */
export function splitLocality(capitals: string): { body: string; locality: Locality | null } {
  const words = capitals.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w));
  // Administrative units (header-vocabulary.json `localityTypes`), longest first so "thị xã" wins over "xã".
  const { localityTypes, localityFolded } = headerVocabulary();
  for (let i = words.length - 1; i >= 0; i -= 1) {
    for (const type of localityFolded) {
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
          locality: { type: localityTypes[localityFolded.indexOf(type)]!, name: name ? titleCase(name) : null },
        };
      }
    }
  }
  return { body: capitals, locality: null };
}

export function expandAbbreviations(capitals: string): string {
  let out = nfc(capitals);
  // Abbreviations used in header capitals ("UBND" → "ỦY BAN NHÂN DÂN").
  for (const [re, full] of headerVocabulary().abbreviations) out = out.replace(re, full);
  return out.replace(/\s+/g, ' ').trim();
}

/** "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → "Sở Tài nguyên và Môi trường". */
export function bodyCase(capitals: string): string {
  const text = normaliseTonePlacement(capitals).replace(/\s+/g, ' ').trim();
  if (!text) return text;
  const f = fold(text);
  // Body names whose official spelling is not the generic rule's, then kinds of body whose own
  // name follows as a sector ("SỞ TÀI CHÍNH" → "Sở" + "Tài chính").
  const { bodySpellings, bodyHeads } = headerVocabulary();
  for (const [key, spelling] of bodySpellings) {
    if (f === key) return spelling;
    if (f.startsWith(key + ' ')) return spelling + ' ' + sectorCase(text.slice(key.length + 1)).replace(/^./u, (c) => lower(c));
  }
  for (const [key, head] of bodyHeads) {
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

/** "PHÓ GIÁM ĐỐC" → "Phó Giám đốc", "CHỈ HUY TRƯỞNG" → "Chỉ huy trưởng". */
export function officialTitleCase(capitals: string): string {
  const text = normaliseTonePlacement(capitals).replace(/\s+/g, ' ').trim();
  const f = fold(text);
  // Official titles whose spelling is not sentence case ("Chánh Văn phòng").
  for (const [key, spelling] of headerVocabulary().titleSpellings) {
    if (f === key) return spelling;
    if (f.startsWith(key + ' ')) return spelling + ' ' + lower(text.slice(key.length + 1));
  }
  const words = text.split(' ').map(lower);
  if (words[0] === 'phó' && words.length > 1) return `Phó ${capitalise(words[1]!)}${words.length > 2 ? ' ' + words.slice(2).join(' ') : ''}`;
  return capitalise(words.join(' '));
}
