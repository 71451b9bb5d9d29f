/**
 * What one PDF may cost the process that reads it. Checked *before* decoding where the file says
 * it (streamScan.ts), and enforced on the whole child process (pdfChild.ts) for what it does not
 * say. Sized from the corpus: a 600 dpi A4 colour scan page is 35 Mpx / 104 MB decoded, a born-digital
 * page's content stream a few hundred kB. Rendering a scanned A4 page at 300 dpi for OCR peaks at
 * 290–430 MB resident in the child (bench:faults prints it); the ceiling leaves room for A3 scans.
 */
export interface PdfLimits {
  /** Decoded size of any one compressed stream that is not an image (content, fonts, object streams). */
  maxStreamBytes: number;
  /** Pixels one image may declare (dictionary, JPEG SOF or JPEG 2000 SIZ). */
  maxImagePixels: number;
  /** Decoded bytes one image may need (pixels × components × bits / 8). */
  maxImageBytes: number;
  /** A page rendered larger than this many pixels is rendered at a lower dpi instead. */
  maxRenderPixels: number;
  /** The child process is killed when its resident memory passes this (MB). */
  rssCeilingMb: number;
  /** V8 heap of the child process (MB). */
  heapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxStreamBytes: 64 * 1024 * 1024,
  maxImagePixels: 60_000_000,
  maxImageBytes: 192 * 1024 * 1024,
  maxRenderPixels: 40_000_000,
  rssCeilingMb: 768,
  heapMb: 384,
};
