/**
 * One page through the whole pipeline: prepare (decode, dpi, orientation, deskew) → recognise on the
 * pool → reading order → result. Kept apart from index.ts so the entry point stays a table of
 * contents.
 */
import type { OcrPool } from './ocrPool';
import type Tesseract from 'tesseract.js';
import { preparePage, type PreparedPage } from './pagePreparation';
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

/** A page read upright with less mean confidence than this gets an orientation check (OSD) and,
 *  when OSD finds it turned, a second reading. Corpus: upright pages score 88–96 even when heavily
 *  degraded; pages lying on their side or upside down score ~40 read as they are. */
export const ORIENTATION_CHECK_BELOW = 80;

function readPage(page: PreparedPage, blocks: Tesseract.Block[], engine: string): PreparedPageResultPending {
  const base = {
    orientation: page.orientation,
    skew: page.skew,
    dpi: page.dpi,
    width: page.width,
    height: page.height,
    engine,
    png: page.png,
  };
  if (page.empty) return { ...base, text: '', words: [], confidence: 0, lowConfidence: true };
  const { text, words } = buildReadingOrder(blocks);
  const confidence = meanConfidence(words);
  return { ...base, text, words, confidence, lowConfidence: words.length === 0 || confidence < LOW_CONFIDENCE_THRESHOLD };
}

type PreparedPageResultPending = Omit<PreparedPageResult, 'preparedImage'> & { png: Promise<Buffer> };

/**
 * Orientation is checked only when it matters: most pages are upright, and reading them first
 * saves the OSD pass (~15 % of a page's CPU). A page that reads badly is checked with OSD; if it
 * is turned, it is prepared again upright and read again, and the better reading is kept.
 */
export async function recognisePreparedPage(
  pool: OcrPool,
  imageBytes: Uint8Array,
  options: { pageIndex?: number; engine: string },
): Promise<PreparedPageResult> {
  const pageOption = options.pageIndex !== undefined ? { pageIndex: options.pageIndex } : {};
  const page = await preparePage(imageBytes, pageOption);
  let result = readPage(page, page.empty ? [] : await pool.recognise(page.pgm), options.engine);
  if (!page.empty && result.confidence < ORIENTATION_CHECK_BELOW) {
    const checked = await preparePage(imageBytes, { ...pageOption, detectOrientation: (image) => pool.detectOrientation(image) });
    if (checked.orientation !== 0) {
      const turned = readPage(checked, await pool.recognise(checked.pgm), options.engine);
      if (turned.confidence > result.confidence) result = turned;
    }
  }
  const { png: pending, ...rest } = result;
  const png = await pending;
  return { ...rest, preparedImage: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
}
