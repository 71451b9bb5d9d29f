/**
 * Shapes the OCR engine hands to its callers (the job queue stores them per page).
 * Coordinates are pixels of the *prepared* page image (upright, deskewed, ~300 dpi), the image the
 * caller stores for viewing, so word boxes line up with what the user sees.
 */

/** Clockwise quarter-turns applied to make the page upright; equals the counter-clockwise rotation
 *  the scan had (corpus convention: 90 = page lay on its side, 180 = upside down). */
export type Orientation = 0 | 90 | 180 | 270;

export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–100, tesseract's word confidence. */
  confidence: number;
}

export interface PageOcrResult {
  /** NFC text in reading order; lines joined with '\n'. Empty when the page has no text. */
  text: string;
  /** Words in reading order, boxes in prepared-image pixels. */
  words: OcrWord[];
  /** Mean word confidence 0–100, weighted by word length; 0 when there are no words. */
  confidence: number;
  orientation: Orientation;
  /** Degrees the scan was skewed (positive = counter-clockwise); the prepared image is corrected. */
  skew: number;
  /** Resolution of the prepared image. */
  dpi: number;
  width: number;
  height: number;
  /** e.g. 'tesseract.js 7.0.0 vie fast' — stored so results can be traced to a model. */
  engine: string;
  /** True when confidence is below LOW_CONFIDENCE_THRESHOLD (or nothing was read): ask a human. */
  lowConfidence: boolean;
}

export interface PreparedPageResult extends PageOcrResult {
  /** The corrected page as greyscale PNG bytes (store it; word boxes refer to it). */
  preparedImage: Uint8Array;
}

/** Below this mean word confidence a page is flagged for review. Chosen from the corpus bench:
 *  clean and medium scans score 85–95, pages that read badly fall under 70. */
export const LOW_CONFIDENCE_THRESHOLD = 70;
