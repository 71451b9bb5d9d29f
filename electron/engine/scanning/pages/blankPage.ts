/**
 * Blank-page detection for scanned sheets. A blank side of real paper is not white: it has paper
 * grain, dust specks, the scanner's edge shadow, and the text of the other side showing through,
 * mirrored and faint. Counting dark pixels alone calls such pages "content"; a low threshold on
 * average darkness calls a page with one short line "blank". So:
 *
 *  1. the page is reduced to ANALYSIS_WIDTH pixels wide (≈ 120 dpi for A4) and its margins
 *     (MARGIN of each side: edge shadow, punch holes) are left out;
 *  2. the paper's own level is its median grey, and a pixel is ink only when it is much darker
 *     than the paper (INK_DROP): show-through is 15–50 levels darker, printed ink 120+;
 *  3. connected ink pixels form marks; a mark smaller than MIN_MARK_PIXELS (≈ 1 mm², about a
 *     0.6 mm spot) is dust or a toner speck and does not count;
 *  4. the page is blank when the marks cover less than the threshold (DEFAULT_BLANK_THRESHOLD:
 *     20 parts per million of the analysed area, i.e. not even one mark).
 *
 * The threshold was chosen on generated scans (tests/helpers/scanning/syntheticPages.ts):
 * see electron/engine/scanning/README.md for the figures.
 */
import sharp from 'sharp';

export const ANALYSIS_WIDTH = 1000;
export const MARGIN = 0.04;
/** Connected ink smaller than this (≈ 1.1 mm² on A4) is dust or a toner speck, not a mark. */
export const MIN_MARK_PIXELS = 24;
/** A pixel is ink when darker than the paper by at least this share of the paper's level. */
export const INK_DROP = 0.35;
/** Mark area as a share of the analysed area below which a page is blank: 20 ppm is less than one
 *  mark of MIN_MARK_PIXELS on an A4 page, so a lone page number ("- 3 -", ≈ 40 ppm) is content. */
export const DEFAULT_BLANK_THRESHOLD = 0.00002;

export interface InkMeasure {
  /** Share of the analysed area covered by marks (0..1). */
  ink: number;
  /** Marks: connected ink of at least MIN_MARK_PIXELS. */
  marks: number;
  /** The largest ink spot too small to be a mark (dust), in analysis pixels. */
  largestSpeck: number;
  paperLevel: number;
}

/** Measures the ink on a page image (any format sharp reads). */
export async function measureInk(image: Uint8Array | string): Promise<InkMeasure> {
  const { data, info } = await sharp(image, { limitInputPixels: 400_000_000 })
    .greyscale()
    .resize({ width: ANALYSIS_WIDTH, withoutEnlargement: false, kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return measureInkRaw(data, info.width, info.height, info.channels);
}

export function measureInkRaw(data: Uint8Array, width: number, height: number, channels = 1): InkMeasure {
  const x0 = Math.floor(width * MARGIN);
  const y0 = Math.floor(height * MARGIN);
  const x1 = width - x0;
  const y1 = height - y0;
  const histogram = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[data[(y * width + x) * channels]!]! += 1;
  const total = (x1 - x0) * (y1 - y0);
  let seen = 0;
  let paperLevel = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total / 2) {
      paperLevel = v;
      break;
    }
  }
  const inkBelow = paperLevel * (1 - INK_DROP);
  // Ink pixels of the analysed area, then their 8-connected marks (iterative flood fill).
  const w = x1 - x0;
  const h = y1 - y0;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (data[((y + y0) * width + x + x0) * channels]! < inkBelow) mask[y * w + x] = 1;
  let markArea = 0;
  let marks = 0;
  let largestSpeck = 0;
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    stack.push(start);
    let area = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      area += 1;
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (mask[j] === 1) {
            mask[j] = 2;
            stack.push(j);
          }
        }
      }
    }
    if (area >= MIN_MARK_PIXELS) {
      marks += 1;
      markArea += area;
    } else largestSpeck = Math.max(largestSpeck, area);
  }
  return { ink: markArea / Math.max(1, w * h), marks, largestSpeck, paperLevel };
}

export function isBlank(measure: InkMeasure, threshold = DEFAULT_BLANK_THRESHOLD): boolean {
  return measure.ink < threshold;
}
