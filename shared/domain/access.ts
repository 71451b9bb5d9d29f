/** The three access classes of Law 104/2016/QH13 (public, conditional, secret). */
export const ACCESS_CLASSES = ['public', 'conditional', 'secret'] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];

/** Where a document stands in its life in the archive. */
export const DOCUMENT_STATUSES = ['imported', 'ocr_pending', 'ocr_done', 'suggested', 'reviewed', 'approved'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const PAGE_SOURCES = ['text-layer', 'ocr'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];
