/**
 * One page through the whole pipeline: prepare (decode, dpi, orientation, deskew) → recognise on the
 * pool → reading order → result. Kept apart from index.ts so the entry point stays a table of
 * contents.
 */
import type { OcrPool } from './ocrPool';
import { preparePage } from './pagePreparation';
import { buildReadingOrder } from './readingOrder';
import { LOW_CONFIDENCE_THRESHOLD, type OcrWord, type PreparedPageResult } from './types';

/** Mean word confidence weighted by word length, so one-letter specks do not dominate. */
export function meanConfidence(words: OcrWord[]): number {
  let weighted = 0;
  let chars = 0;
  for (const w of words) {
    const n = [...w.text].length;
    weighted += w.confidence * n;
    chars += n;
  }
  return chars === 0 ? 0 : Math.round((weighted / chars) * 10) / 10;
}

export async function recognisePreparedPage(
  pool: OcrPool,
  imageBytes: Uint8Array,
  options: { pageIndex?: number; engine: string },
): Promise<PreparedPageResult> {
  const page = await preparePage(imageBytes, {
    ...(options.pageIndex !== undefined ? { pageIndex: options.pageIndex } : {}),
    detectOrientation: (image) => pool.detectOrientation(image),
  });
  const blocks = page.empty ? [] : await pool.recognise(page.pgm);
  const png = await page.png;
  const base = {
    orientation: page.orientation,
    skew: page.skew,
    dpi: page.dpi,
    width: page.width,
    height: page.height,
    engine: options.engine,
    preparedImage: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
  };
  if (page.empty) return { ...base, text: '', words: [], confidence: 0, lowConfidence: true };
  const { text, words } = buildReadingOrder(blocks);
  const confidence = meanConfidence(words);
  return { ...base, text, words, confidence, lowConfidence: words.length === 0 || confidence < LOW_CONFIDENCE_THRESHOLD };
}
