import type { HeaderKey } from './header';

/**
 * "Cần kiểm tra": a header field read from OCR text that the catalogue would publish, whose words
 * OCR was unsure of, must be confirmed or corrected by a person before the document can be
 * approved for publication (engine/review/headerCheck.ts enforces it).
 */

/** The fields the disclosure catalogue publishes for a document (Decree 13 columns). */
export const PUBLISHED_HEADER_KEYS = ['numberNotation', 'docType', 'issuer', 'issuedDate', 'subject'] as const satisfies readonly HeaderKey[];
export type PublishedHeaderKey = (typeof PUBLISHED_HEADER_KEYS)[number];

/** Confidence (0–100) of the weakest OCR word a field was read from, below which it needs a
 *  check. Measured on the corpus scans (`npm run bench:header-check`): below 60 marks 2 of the 3
 *  wrong published fields and 9 of 137 right ones; 65 keeps a margin over the worst wrong one
 *  seen (55) for 11 of 137. */
export const OCR_FIELD_CHECK_THRESHOLD = 65;

/** Extraction confidence (0–100, how sure the header rules are) below which a field read from OCR
 *  text needs a check even when OCR was sure of each word. */
export const EXTRACTION_CHECK_THRESHOLD = 60;
