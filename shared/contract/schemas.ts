import { z } from 'zod';
import { ACCESS_CLASSES, DOCUMENT_STATUSES, OCR_STATES, PAGE_SOURCES } from '../domain/access';
import { HEADER_KEYS } from '../domain/header';

/** Shapes shared by the engine, the CLI's JSON, the IPC contract and the renderer. */

export const Id = z.number().int().positive();
export const AccessClassSchema = z.enum(ACCESS_CLASSES);
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES);

export const ErrorInfo = z.object({ code: z.string(), message: z.string() });

export const HeaderSchema = z.object(
  Object.fromEntries(HEADER_KEYS.map((k) => [k, z.string().nullable().optional()])) as Record<
    (typeof HEADER_KEYS)[number],
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);

export const DocumentSummary = z.object({
  id: Id,
  title: z.string(),
  fileName: z.string(),
  pages: z.number().int(),
  status: DocumentStatusSchema,
  access: AccessClassSchema.nullable(),
  numberNotation: z.string().nullable(),
  docType: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: z.string().nullable(),
  subject: z.string().nullable(),
  ocr: z.object({ pending: z.number().int(), failed: z.number().int(), done: z.number().int() }),
  createdAt: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const PageDetail = z.object({
  n: z.number().int(),
  text: z.string().nullable(),
  source: z.enum(PAGE_SOURCES).nullable(),
  confidence: z.number().nullable(),
  ocrState: z.enum(OCR_STATES),
  lowConfidence: z.boolean(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  orientation: z.number().nullable(),
  skew: z.number().nullable(),
});
export type PageDetail = z.infer<typeof PageDetail>;

export const AccessInfo = z.object({
  suggested: z
    .object({
      class: AccessClassSchema.nullable(),
      basis: z.string().nullable(),
      reasons: z.array(
        z.object({
          text: z.string(),
          page: z.number().int(),
          rule: z.string(),
          /** Who proposed it: the law's rules, or the agency's past decisions (the model). */
          source: z.enum(['rules', 'model']).optional(),
          /** "theo quy định: …" / "theo các quyết định trước đây của cơ quan, độ tin cậy 87 %". */
          explanation: z.string().optional(),
        }),
      ),
      /** The law version the basis belongs to ("2016", "2026"). */
      basisVersion: z.string().nullable().optional(),
      source: z.enum(['rules', 'model']).nullable().optional(),
      /** The model's probability when the model proposed the class. */
      confidence: z.number().min(0).max(1).nullable().optional(),
    })
    .nullable(),
  decided: z
    .object({
      class: AccessClassSchema,
      basis: z.string(),
      reviewer: z.string(),
      at: z.string(),
      note: z.string().nullable(),
      approved: z.boolean(),
      /** Public with redactions (công khai một phần). */
      partial: z.boolean().optional(),
    })
    .nullable(),
});
export type AccessInfo = z.infer<typeof AccessInfo>;

export const HistoryEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  payload: z.unknown(),
});

export const DocumentDetail = z.object({
  id: Id,
  fileName: z.string(),
  sha256: z.string(),
  mime: z.string(),
  size: z.number().int(),
  status: DocumentStatusSchema,
  warnings: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  pages: z.array(PageDetail),
  header: HeaderSchema,
  access: AccessInfo,
  personalData: z.array(z.object({ text: z.string(), page: z.number().int(), kind: z.string() })),
  history: z.array(HistoryEvent),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const ImportResult = z.object({
  path: z.string(),
  fileName: z.string(),
  status: z.enum(['imported', 'duplicate', 'rejected']),
  id: Id.optional(),
  pages: z.number().int().optional(),
  warnings: z.array(z.string()).optional(),
  error: ErrorInfo.optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const SearchFiltersSchema = z.object({
  access: z.union([AccessClassSchema, z.literal('undecided')]).optional(),
  docType: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  issuer: z.string().min(1).optional(),
  status: DocumentStatusSchema.optional(),
});

export const SearchHitSchema = z.object({
  id: Id,
  score: z.number(),
  page: z.number().int(),
  snippet: z.string(),
  snippetParts: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});
