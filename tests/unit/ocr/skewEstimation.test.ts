import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../../electron/engine/ocr/skewEstimation';

/** Greyscale "page" of dark text-like bars, rotated counter-clockwise by `degrees`. */
async function barsRotated(degrees: number): Promise<{ data: Buffer; width: number; height: number }> {
  const rows = Array.from({ length: 30 }, (_, i) => `<rect x="80" y="${60 + i * 40}" width="${600 - (i % 4) * 60}" height="14" fill="#222"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1300"><rect width="800" height="1300" fill="#fff"/>${rows}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .rotate(-degrees, { background: '#ffffff' }) // sharp turns clockwise for positive angles
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([0, 1.5, -2.2, 4])('finds a %s° skew within 0.15°', async (degrees) => {
    const page = await barsRotated(degrees);
    expect(Math.abs(estimateSkew(page.data, page.width, page.height) - degrees)).toBeLessThan(0.15);
  });

  it('returns 0 for blank, black and degenerate images instead of dividing by zero', () => {
    expect(estimateSkew(new Uint8Array(100 * 100).fill(255), 100, 100)).toBe(0);
    expect(estimateSkew(new Uint8Array(100 * 100).fill(0), 100, 100)).toBe(0);
    expect(estimateSkew(new Uint8Array([255]), 1, 1)).toBe(0);
    expect(estimateSkew(new Uint8Array(0), 0, 0)).toBe(0);
  });
});
