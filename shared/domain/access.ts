/** The three access classes of Law 104/2016/QH13 (public, conditional, secret). */
export const ACCESS_CLASSES = ['public', 'conditional', 'secret'] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];

/**
 * Where a document stands: `imported` (some page still waits for OCR), `text_ready` (every page
 * has text, from its text layer or OCR), `suggested` (an access class was proposed), `reviewed`
 * (a person decided), `approved` (the decision may be published).
 */
export const DOCUMENT_STATUSES = ['imported', 'text_ready', 'suggested', 'reviewed', 'approved'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const PAGE_SOURCES = ['text-layer', 'ocr'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];

export const OCR_STATES = ['pending', 'done', 'failed', 'skipped'] as const;
export type OcrState = (typeof OCR_STATES)[number];
