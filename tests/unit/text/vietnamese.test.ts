import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, formatDateVi, nfc, truncateForDisplay } from '../../../shared/text/vietnamese';

describe('Vietnamese folding', () => {
  it('removes tone marks and folds đ/Đ to d', () => {
    expect(fold('Tiếp cận thông tin')).toBe('tiep can thong tin');
    expect(fold('ĐÔN ĐỐC đôn đốc')).toBe('don doc don doc');
    expect(fold('Ủy ban nhân dân tỉnh Sóc Trăng')).toBe('uy ban nhan dan tinh soc trang');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    expect(decomposed).not.toBe(nfc(decomposed));
    expect(fold(decomposed)).toBe('quyet dinh');
  });

  it('maps every folded character back to the accented original', () => {
    const { folded, origin, original } = foldWithMap('Số: 3869/UBND-NC đôn đốc'.normalize('NFD'));
    const start = folded.indexOf('don doc');
    expect(original.slice(origin[start], origin[start + 'don doc'.length])).toBe('đôn đốc');
    expect(original).toBe(nfc(original));
  });
});

describe('display helpers', () => {
  it('truncates long names without splitting a letter from its marks', () => {
    const name = 'Quyết định số 1534 của Chủ tịch Ủy ban nhân dân huyện Châu Thành'.normalize('NFD');
    const short = truncateForDisplay(name, 10);
    expect(short).toBe('Quyết địn…');
    expect(short.normalize('NFC')).toBe(short);
  });

  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2024-11-26')).toBe('26/11/2024');
    expect(formatDateVi(null)).toBe('');
  });
});
