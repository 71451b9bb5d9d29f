import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyKeyOf, sameIssuer } from '../../../electron/engine/archive/copies';

describe('copy keys', () => {
  it('agree for the same number/notation and date however it was written or read', () => {
    const key = copyKeyOf('278/BC-UBND', '2021-10-05');
    expect(key).toBe('278bcubnd|2021-10-05');
    for (const written of ['Số: 278/BC-UBND', '278 / BC - UBND', '278/bc-ubnd', 'So 278/BC-UBNĐ', '278/BC–UBND']) {
      expect(copyKeyOf(written, '2021-10-05')).toBe(key);
    }
    expect(copyKeyOf('278/BC-UBND', '2021-10-06')).not.toBe(key);
    expect(copyKeyOf('279/BC-UBND', '2021-10-05')).not.toBe(key);
  });

  it('are absent without a date, without digits or without a notation (a bare number joins unrelated documents)', () => {
    expect(copyKeyOf('278/BC-UBND', null)).toBeNull();
    expect(copyKeyOf(null, '2021-10-05')).toBeNull();
    expect(copyKeyOf('12', '2021-10-05')).toBeNull();
    expect(copyKeyOf('BC-UBND', '2021-10-05')).toBeNull();
    expect(copyKeyOf('278/BC-UBND', '05/10/2021')).toBeNull();
  });

  it('ignore case, diacritics and spacing of the number, for any number and notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('QĐ-UBND', 'KH-STC', 'TB-VP', 'GM-STP'), (n, notation) => {
        const plain = copyKeyOf(`${n}/${notation}`, '2024-01-02');
        expect(plain).not.toBeNull();
        expect(copyKeyOf(`Số: ${n} / ${notation.toLowerCase()}`, '2024-01-02')).toBe(plain);
        expect(copyKeyOf(`${n}/${notation.normalize('NFD')}`, '2024-01-02')).toBe(plain);
      }),
    );
  });
});

describe('issuers of copies', () => {
  it('agree when equal once folded or a few OCR letters apart, never when different or missing', () => {
    expect(sameIssuer('Ủy ban nhân dân huyện Mỹ Tú', 'UỶ BAN NHÂN DÂN HUYỆN MỸ TÚ')).toBe(true);
    expect(sameIssuer('Ủy ban nhân dân huyện Mỹ Tú', 'Ủy ban nhân dân huyện Mỹ Tủ')).toBe(true);
    expect(sameIssuer('Ủy ban nhân dân huyện Mỹ Tú', 'Uy ban nhan dan huyen My Tu.')).toBe(true);
    expect(sameIssuer('Sở Tư pháp tỉnh Sóc Trăng', 'Sở Tài chính tỉnh Sóc Trăng')).toBe(false);
    expect(sameIssuer('Ủy ban nhân dân huyện Mỹ Tú', 'Ủy ban nhân dân huyện Mỹ Xuyên')).toBe(false);
    expect(sameIssuer(null, 'Sở Tư pháp')).toBe(false);
  });
});
