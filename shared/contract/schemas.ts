import { z } from 'zod';
import { ACCESS_CLASSES, DOCUMENT_STATUSES, OCR_STATES, PAGE_SOURCES } from '../domain/access';
import { HEADER_KEYS } from '../domain/header';
import { JOB_STATES, PIPELINE_OCR_STAGES, PIPELINE_UNDERSTANDING_STAGES } from '../domain/pipeline';

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
  /** Pages of this document waiting in (or being recognised by) an OCR job right now; 0 with
   *  `ocr.pending` > 0 means nothing is queued ("cần OCR", not "đang chờ"). */
  ocrQueued: z.number().int(),
  /** Other documents linked as copies of this one (same number/notation, issuer and date). */
  copies: z.number().int(),
  /** The copy published instead of this one; null when this is the published copy or has none. */
  preferredCopy: Id.nullable(),
  /** Header fields marked "cần kiểm tra" (must be confirmed before approval for publication). */
  needsCheck: z.number().int(),
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

/** A header field with where its value came from and whether a person must check it. */
export const HeaderFieldInfo = z.object({
  key: z.enum(HEADER_KEYS),
  value: z.string().nullable(),
  /** How sure the header rules were (0–100); 100 after a person's correction. */
  confidence: z.number().nullable(),
  /** Confidence (0–100) of the weakest OCR word the value was read from; null for text-layer. */
  ocrConfidence: z.number().nullable(),
  /** The catalogue publishes this field. */
  published: z.boolean(),
  /** "Cần kiểm tra": confirm or correct it before approving publication. */
  needsCheck: z.boolean(),
  correctedBy: z.string().nullable(),
  confirmedBy: z.string().nullable(),
});
export type HeaderFieldInfo = z.infer<typeof HeaderFieldInfo>;

/** Another file of the same document (a scan and its born-digital PDF). */
export const CopyInfo = z.object({
  id: Id,
  fileName: z.string(),
  /** Every page has a text layer (the preferred copy for publication). */
  bornDigital: z.boolean(),
  /** The copy the export publishes. */
  preferred: z.boolean(),
  status: DocumentStatusSchema,
});
export type CopyInfo = z.infer<typeof CopyInfo>;

/** Where the document is in the pipeline: OCR of its image pages, then header + suggestion. */
export const PipelineInfo = z.object({
  ocr: z.enum(PIPELINE_OCR_STAGES),
  understanding: z.enum(PIPELINE_UNDERSTANDING_STAGES),
  /** The job working on it now (queued or running), if any. */
  job: z.object({ id: Id, kind: z.string(), state: z.enum(JOB_STATES) }).nullable(),
});
export type PipelineInfo = z.infer<typeof PipelineInfo>;

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
  /** Each header field with its confidence and check state (the `header` values, annotated). */
  headerFields: z.array(HeaderFieldInfo),
  /** Other files of the same document; empty when none. */
  copies: z.array(CopyInfo),
  /** The copy published instead of this one; null when this is the published copy or has none. */
  preferredCopy: Id.nullable(),
  pipeline: PipelineInfo,
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const ImportResult = z.object({
  path: z.string(),
  fileName: z.string(),
  status: z.enum(['imported', 'duplicate', 'rejected']),
  id: Id.optional(),
  pages: z.number().int().optional(),
  /** Warning codes (shared/domain/importWarnings.ts): PDF_REPAIRED, ACTIVE_CONTENT. */
  warnings: z.array(z.string()).optional(),
  error: ErrorInfo.optional(),
  /** Pages whose text came from the file's own text layer. */
  textPages: z.number().int().optional(),
  /** Pages without text: "cần OCR". */
  ocrPages: z.number().int().optional(),
  /** Those pages were queued for OCR (automatic OCR on). */
  ocrQueued: z.boolean().optional(),
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
