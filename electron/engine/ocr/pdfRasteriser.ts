// PDF rendering lives in engine/pdf/ (the one PDF module); the OCR job reaches it through the
// engine's PdfService (a memory-capped child process). These in-process forms serve the standalone
// OCR engine API (createOcrEngine) and the benchmarks.
export { RASTER_DPI, countPdfPages, rasterisePdfPage, readPdfPageText, type RasterisedPage } from '../pdf/pdfDocument';
