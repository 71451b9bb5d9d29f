import type Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { buildReadingOrder } from '../../../electron/engine/ocr/readingOrder';

/** A tesseract-shaped block tree; each line is [text, x0, y0] with 40-px-high words, 20 px/char. */
function blocks(paragraphs: [string, number, number][][]): Tesseract.Block[] {
  return [
    {
      paragraphs: paragraphs.map((lines) => ({
        lines: lines.map(([text, x0, y0]) => {
          let x = x0;
          const words = text.split(' ').map((w) => {
            const word = { text: w, confidence: 90, bbox: { x0: x, y0, x1: x + w.length * 20, y1: y0 + 40 } };
            x += w.length * 20 + 12;
            return word;
          });
          return { words };
        }),
      })),
    },
  ] as unknown as Tesseract.Block[];
}

describe('buildReadingOrder', () => {
  it('reads a two-column header left column first, even when tesseract joined the columns', () => {
    const r = buildReadingOrder(
      blocks([
        [
          ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0, 0], // will be split at the gap below
        ],
        [['Số: 12/UBND', 100, 60]],
        [['Độc lập - Tự do - Hạnh phúc', 1300, 60]],
        [['THÔNG BÁO', 900, 200]],
        [
          ['Nội dung dòng một của đoạn văn trải rộng hết chiều ngang trang giấy', 100, 300],
          ['dòng hai', 100, 350],
        ],
      ]).map((b) => {
        // Move the motto words of line 1 to the right column with a wide gap.
        const line = b.paragraphs[0]!.lines[0]!;
        let x = 1200;
        for (const w of line.words.slice(4)) {
          const width = w.bbox.x1 - w.bbox.x0;
          w.bbox = { ...w.bbox, x0: x, x1: x + width };
          x += width + 12;
        }
        return b;
      }),
    );
    expect(r.text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'Số: 12/UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'THÔNG BÁO',
      'Nội dung dòng một của đoạn văn trải rộng hết chiều ngang trang giấy dòng hai',
    ]);
    expect(r.words.map((w) => w.text).join(' ')).toBe(r.text.replace(/\n/g, ' '));
  });

  it('keeps a table row together with tab-separated cells and drops speck noise', () => {
    const r = buildReadingOrder(
      blocks([[['1 Nguyễn Văn An 2.000.000', 100, 0]], [['_ |', 900, 100]]]).map((b) => {
        const ws = b.paragraphs[0]!.lines[0]!.words;
        const place = [100, 400, 532, 604, 1400];
        ws.forEach((w, i) => {
          const width = w.bbox.x1 - w.bbox.x0;
          w.bbox = { ...w.bbox, x0: place[i]!, x1: place[i]! + width };
        });
        return b;
      }),
    );
    expect(r.text).toBe('1\tNguyễn Văn An\t2.000.000');
  });

  it('handles no blocks at all', () => {
    expect(buildReadingOrder(null)).toEqual({ text: '', words: [] });
  });

  it('drops low-confidence specks and strips table rules glued to words', () => {
    const tree = blocks([[['|Đấu thầu ị c rộng rãi| 4|', 100, 100]]]);
    const words = tree[0]!.paragraphs[0]!.lines[0]!.words;
    for (const w of words) if (w.text === 'ị' || w.text === 'c') w.confidence = 5;
    expect(buildReadingOrder(tree).text.replace(/\s+/g, ' ')).toBe('Đấu thầu rộng rãi 4');
  });

  it('folds the wrapped lines of a table row back into their cells', () => {
    const r = buildReadingOrder(
      blocks([
        [['1', 100, 100], ['Huỳnh Thanh', 300, 100], ['10/12/1964', 900, 100], ['ấp Phước Thuận,', 1300, 100]],
        [['Sa Phone', 300, 150], ['xã Phú Tân', 1300, 150]],
        [['2', 100, 220], ['Lê Văn', 300, 220], ['22/02/1939', 900, 220], ['ấp Bưng Cốc', 1300, 220]],
      ]).map((b) => {
        // tesseract reads each table row as one line: join the pieces of each paragraph.
        for (const p of b.paragraphs) p.lines = [{ words: p.lines.flatMap((l) => l.words) }] as typeof p.lines;
        return b;
      }),
    );
    expect(r.text.split('\n')).toEqual([
      '1\tHuỳnh Thanh Sa Phone\t10/12/1964\tấp Phước Thuận, xã Phú Tân',
      '2\tLê Văn\t22/02/1939\tấp Bưng Cốc',
    ]);
    expect(r.words.map((w) => w.text).join(' ')).toBe(r.text.replace(/\s+/g, ' '));
  });
});
