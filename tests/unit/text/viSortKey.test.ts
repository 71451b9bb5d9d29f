import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SORT_KEY_LENGTH, viSortKey } from '../../../shared/text/viSortKey';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'accent' });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const keyOrder = (a: string, b: string) => {
  const ka = viSortKey(a);
  const kb = viSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

// Every Vietnamese letter with every tone, both cases, digits, spaces and the punctuation of
// number notations ("12/QĐ-UBND", "V/v …").
const CHARS = Array.from(
  'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz' +
    'AÀÁĂẮÂẤĐÊẾÔỐƠỚƯỨ0123456789 -/.',
);
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));

describe('Vietnamese sort key', () => {
  it('orders any two strings of Vietnamese letters, tones, digits and notation punctuation as Intl.Collator("vi", numeric) does', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(keyOrder(a, b)).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('follows the Vietnamese alphabet, tones second, numbers by value, case ignored', () => {
    const words = ['Đà Nẵng', 'Cà Mau', 'ấp Bình An', 'An Giang', 'Ủy ban', 'Ư', 'Ô Môn', 'Ơ', 'd', 'đ', 'ă', 'â'];
    expect([...words].sort((a, b) => keyOrder(a, b))).toEqual([
      'An Giang', 'ă', 'â', 'ấp Bình An', 'Cà Mau', 'd', 'đ', 'Đà Nẵng', 'Ô Môn', 'Ơ', 'Ủy ban', 'Ư',
    ]);
    const tones = ['ạ', 'á', 'ã', 'ả', 'à', 'a'];
    expect([...tones].sort((a, b) => keyOrder(a, b))).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    const numbers = ['120/UBND', '12/UBND', '2/UBND', '012/QĐ'];
    expect([...numbers].sort((a, b) => keyOrder(a, b))).toEqual(['2/UBND', '012/QĐ', '12/UBND', '120/UBND']);
    expect(viSortKey('ỦY BAN')).toBe(viSortKey('ủy ban'));
  });

  it('is the same for NFD input, nothing for empty values, and looks only at the first characters', () => {
    expect(viSortKey('Thành phố'.normalize('NFD'))).toBe(viSortKey('Thành phố'));
    expect(viSortKey(null)).toBe('');
    expect(viSortKey('')).toBe('');
    const long = 'a'.repeat(SORT_KEY_LENGTH);
    expect(viSortKey(`${long}b`)).toBe(viSortKey(`${long}c`));
  });
});
