/**
 * The one PDF module: open, render, text layer — used by import (analyse), OCR (rasterise, page
 * text) and the viewer (render), always in a memory-capped child process (PdfService), with the
 * bomb scan before any decoding (streamScan.ts) and the limits in limits.ts.
 *
 *   const pdf = new PdfService();
 *   await pdf.analyse(bytes, 5000);            // pages, sizes, text layer, warnings
 *   await pdf.rasterise(bytes, 1);             // greyscale PNG at 300 dpi (OCR)
 *   await pdf.rasteriseColour(bytes, 1, 200);  // colour PNG at ≥ 200 dpi (redaction)
 *   await pdf.renderForViewer(bytes, 1, 1600); // WebP, longest side 1600 px
 *   await pdf.textItems(bytes, 1);             // text items placed on the page (redaction)
 *   await pdf.close();
 *
 * The in-process functions of pdfDocument.ts are what the child runs; call them directly only
 * where a child process is not wanted (the standalone OCR engine API, benchmarks).
 */
export { PdfService, nodePdfLauncher, type PdfChild, type PdfChildLauncher, type PdfServiceOptions } from './pdfService';
export { DEFAULT_PDF_LIMITS, type PdfLimits } from './limits';
export { scanPdfStreams } from './streamScan';
export {
  RASTER_DPI,
  analysePdfDocument,
  countPdfPages,
  hasUsableText,
  pdfPageTextItems,
  rasterisePdfPage,
  rasterisePdfPageColour,
  readPdfPageText,
  renderPdfPageForViewer,
  textFromItems,
  type PageTextItems,
  type PdfPageInfo,
  type PlacedTextItem,
  type RasterisedPage,
  type ViewerImage,
} from './pdfDocument';

/** What the OCR job asks for one image-only PDF page. */
export interface PdfRasterTask {
  bytes: Uint8Array;
  /** 1-based page number. */
  page: number;
}

/** The rasteriser the OCR job is given (the engine's PdfService behind it). */
export interface PdfRasteriser {
  run(task: PdfRasterTask): Promise<import('./pdfDocument').RasterisedPage>;
}
