/**
 * Offline OCR engine: the API the archive/job-queue layer calls, one page at a time.
 *
 *   const ocr = await createOcrEngine({ tessdataDir: path.join(dataDir, 'tessdata') });
 *   // image page (PNG/JPEG/WebP, or page `pageIndex` of a TIFF):
 *   const result = await ocr.recognisePage(bytes, { pageIndex: 0 });
 *   //   → { text, words[{text,x0,y0,x1,y1,confidence}], confidence, orientation, skew, dpi,
 *   //       width, height, engine, lowConfidence, preparedImage (PNG bytes to store for viewing) }
 *   // PDF page (1-based) whose text layer is missing or garbage (see pageNeedsOcr):
 *   if (pageNeedsOcr(await readPdfPageText(pdf, n))) {
 *     const raster = await ocr.rasterisePdfPage(pdf, n);   // { png, width, height, dpi }
 *     const result = await ocr.recognisePage(raster.png);
 *   }
 *   const pdfBytes = await buildSearchablePdf(pages.map(p => ({ image: p.preparedImage, dpi: p.dpi,
 *     words: p.words })), { title, subject, keywords });
 *   await ocr.close();
 *
 * Errors are AppError: OCR_TIMEOUT (page exceeded pageTimeoutMs; its worker was replaced),
 * OCR_FAILED (tesseract failed or its worker died; only that page fails), CORRUPT_FILE,
 * IMAGE_TOO_LARGE, ENCRYPTED_PDF, EMPTY_FILE, INVALID_INPUT (no such page). A page too small to
 * hold text (e.g. 1×1 px) is not an error: it comes back with empty text and lowConfidence.
 *
 * Nothing here touches the network: models are read from `tessdataDir`, PDF assets from
 * node_modules/pdfjs-dist (tests/integration/ocr/noNetwork.test.ts proves it).
 */
import os from 'node:os';
import { OcrPool, MAX_POOL_SIZE } from './ocrPool';
import { recognisePreparedPage } from './pageRecognition';
import { rasterisePdfPage, type RasterisedPage } from './pdfRasteriser';
import { DEFAULT_OCR_MODEL, OCR_LANGUAGES, engineLabel, installTessdata, type OcrModel } from './tesseractSetup';

/** Tesseract language string: 'vie', 'vie+eng', 'eng' (models in resources/tessdata). */
export type OcrLanguages = string;
import type { PreparedPageResult } from './types';

export type { OcrWord, Orientation, PageOcrResult, PreparedPageResult } from './types';
export { LOW_CONFIDENCE_THRESHOLD } from './types';
export type { OcrModel } from './tesseractSetup';
export type { RasterisedPage } from './pdfRasteriser';
export { countPdfPages, readPdfPageText } from './pdfRasteriser';
export { countImagePages } from './pagePreparation';
export { judgeTextLayer, pageNeedsOcr } from './textLayerDecision';
export { buildSearchablePdf, type SearchablePdfMetadata, type SearchablePdfPage } from './searchablePdf';

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

export interface OcrEngineOptions {
  /** Folder the engine owns for model files, e.g. `<dataDir>/tessdata`. Filled on first start. */
  tessdataDir: string;
  /** Recognition workers (each ~170 MB). Default: number of CPU cores, capped by the memory budget. */
  workers?: number;
  /** A page taking longer fails with OCR_TIMEOUT. Default 120 s (a page takes 2–6 s on one core). */
  pageTimeoutMs?: number;
  /** Default 'fast' (see tesseractSetup.ts for the measurement behind it). */
  model?: OcrModel;
  /** The app's resources folder (holds tessdata/fast); defaults to the repository's resources/. */
  resourcesDir?: string;
  /** Recognition languages: 'vie' (default), 'vie+eng' or 'eng' (the setting, see pipeline/settings.ts). */
  languages?: OcrLanguages;
}

export interface OcrEngine {
  /** The label stored with results, e.g. 'tesseract.js 7.0.0 vie fast'. */
  readonly engine: string;
  readonly workers: number;
  recognisePage(imageBytes: Uint8Array, options?: { pageIndex?: number }): Promise<PreparedPageResult>;
  /** Renders PDF page `pageNumber` (1-based) at 300 dpi, greyscale PNG. */
  rasterisePdfPage(pdfBytes: Uint8Array, pageNumber: number): Promise<RasterisedPage>;
  /** Fails queued pages and ends every worker thread. */
  close(): Promise<void>;
}

export async function createOcrEngine(options: OcrEngineOptions): Promise<OcrEngine> {
  const model = options.model ?? DEFAULT_OCR_MODEL;
  const langPath = await installTessdata(options.tessdataDir, model, options.resourcesDir);
  const workers = Math.min(MAX_POOL_SIZE, Math.max(1, options.workers ?? os.availableParallelism()));
  const languages = options.languages ?? OCR_LANGUAGES;
  const pool = new OcrPool({ size: workers, langPath, languages, pageTimeoutMs: options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS });
  const engine = engineLabel(model, languages);
  return {
    engine,
    workers: pool.size,
    recognisePage: (imageBytes, pageOptions = {}) =>
      recognisePreparedPage(pool, imageBytes, { ...pageOptions, engine }),
    rasterisePdfPage: (pdfBytes, pageNumber) => rasterisePdfPage(pdfBytes, pageNumber),
    close: () => pool.close(),
  };
}
