import { describe, expect, it } from 'vitest';
import { judgeTextLayer, pageNeedsOcr } from '../../../electron/engine/ocr/textLayerDecision';

describe('pageNeedsOcr', () => {
  it('trusts a real Vietnamese text layer', () => {
    const text = 'ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN Số: 1245/UBND-VP V/v niêm yết, công khai thủ tục hành chính tại Bộ phận Tiếp nhận và Trả kết quả';
    expect(judgeTextLayer(text)).toEqual({ needsOcr: false, reason: 'ok' });
  });

  it('OCRs empty, near-empty and garbage layers', () => {
    expect(judgeTextLayer('')).toMatchObject({ needsOcr: true, reason: 'empty' });
    expect(judgeTextLayer(null)).toMatchObject({ needsOcr: true, reason: 'empty' });
    expect(judgeTextLayer('  - 2 -  ')).toMatchObject({ needsOcr: true, reason: 'too-short' });
    // a font without a ToUnicode map: private-use code points
    expect(pageNeedsOcr('\uE001\uE002\uE003 \uE004\uE005 '.repeat(20))).toBe(true);
    // symbol soup
    expect(pageNeedsOcr('ÿþ ¤¤¦ §¨© ª«¬ ®¯° ±²³ ´µ¶ ·¸¹ º»¼ ½¾¿ '.repeat(5))).toBe(true);
    // consonant clusters only: glyph ids mapped to the wrong letters
    expect(pageNeedsOcr('xzq bcdf ghjk lmnp qrst vwxz bcdf ghjk lmnp qrst vwxz')).toBe(true);
  });
});
