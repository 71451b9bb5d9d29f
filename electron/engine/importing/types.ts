export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most pages a document may have. */
  maxPages: number;
  /** Most pixels a single page image may declare (checked from the header, before decoding). */
  maxPixels: number;
  /** How long reading one file may take before it is abandoned. */
  analyseTimeoutMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxPages: 5000,
  // Pillow's decompression-bomb threshold: an A0 sheet at 600 dpi is ~ 140 Mpx.
  maxPixels: 178_956_970,
  analyseTimeoutMs: 120_000,
};

export interface PageAnalysis {
  n: number;
  width: number;
  height: number;
  /** Text layer (NFC), or null when the page needs OCR. */
  text: string | null;
}

export interface FileAnalysis {
  mime: string;
  kind: 'pdf' | 'image';
  pages: PageAnalysis[];
  warnings: string[];
}
