import { z } from 'zod';
import { HEADER_KEYS } from '../domain/header';
import {
  DocumentDetail,
  DocumentSummary,
  HeaderSchema,
  Id,
  SearchFiltersSchema,
  SearchHitSchema,
} from './schemas';

/** Columns the Library sorts by (engine/archive/librarySort.ts); `title` is the subject, else the
 *  file name. Each has a natural first direction (dates newest first, OCR-waiting first). */
export const LIBRARY_SORTS = ['created', 'issued', 'title', 'number', 'type', 'issuer', 'subject', 'pages', 'ocr', 'access'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

/** Library listing: one page of rows plus the total, so the renderer can size a virtual list
 *  for 100 000 documents and fetch only the pages the user scrolls to. */
export const ListQuery = SearchFiltersSchema.extend({
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
  sort: z.enum(LIBRARY_SORTS).optional(),
  direction: SortDirection.optional(),
});
export type ListQuery = z.input<typeof ListQuery>;

export const DocumentPage = z.object({ items: z.array(DocumentSummary), total: z.number().int().min(0) });
export type DocumentPage = z.infer<typeof DocumentPage>;

export const SearchQuery = z.object({
  query: z.string().max(500),
  filters: SearchFiltersSchema.default({}),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
  /** Search as you type: the last word matches as a prefix. */
  prefixLast: z.boolean().default(true),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** A hit carries its document's summary so the list can show it without a second round trip. */
export const LibraryHit = SearchHitSchema.extend({ document: DocumentSummary });
export type LibraryHit = z.infer<typeof LibraryHit>;

export const HeaderUpdate = z.object({ id: Id, fields: HeaderSchema });
export type HeaderUpdate = z.input<typeof HeaderUpdate>;

/** A person confirms header fields marked "cần kiểm tra" as read (all of them when `keys` is
 *  left out); a wrong value is corrected with documents:updateHeader instead. */
export const HeaderConfirm = z.object({ id: Id, keys: z.array(z.enum(HEADER_KEYS)).min(1).max(HEADER_KEYS.length).optional() });
export type HeaderConfirm = z.input<typeof HeaderConfirm>;

export const PageImageQuery = z.object({
  id: Id,
  page: z.number().int().min(1),
  /** Longest side in pixels; thumbnails ask for a small one. */
  size: z.number().int().min(64).max(4000).default(1600),
});
export type PageImageQuery = z.input<typeof PageImageQuery>;

/** A page image for viewing, or null when the page has none (a PDF page before OCR renders it). */
export const PageImage = z
  .object({
    mime: z.enum(['image/webp', 'image/png', 'image/jpeg']),
    base64: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .nullable();
export type PageImage = z.infer<typeof PageImage>;

export const documents = {
  'documents:list': { input: ListQuery, output: DocumentPage, hosts: 'all' },
  'documents:get': { input: z.object({ id: Id }), output: DocumentDetail, hosts: 'all' },
  'documents:search': { input: SearchQuery, output: z.object({ hits: z.array(LibraryHit) }), hosts: 'all' },
  'documents:updateHeader': { input: HeaderUpdate, output: DocumentDetail, hosts: 'all' },
  'documents:pageImage': { input: PageImageQuery, output: PageImage, hosts: 'all' },
  'documents:confirmHeader': { input: HeaderConfirm, output: DocumentDetail, hosts: 'all' },
} as const;
