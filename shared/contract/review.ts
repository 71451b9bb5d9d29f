import { z } from 'zod';
import { HEADER_KEYS } from '../domain/header';
import { AccessClassSchema, DocumentDetail, DocumentStatusSchema, ErrorInfo, Id } from './schemas';

/** The review workflow: understanding (extract + suggest), the queue, decisions, bulk approval,
 *  the legal-basis registry and the audit check. */

export const AnalyseInput = z.object({
  /** Documents to read and suggest for; all documents when left out. */
  ids: z.array(Id).min(1).max(100_000).optional(),
});
export const AnalyseResult = z.object({
  analysed: z.number().int().min(0),
  /** Documents that could not be analysed yet (pages still waiting for OCR). */
  failed: z.array(z.object({ id: Id, error: ErrorInfo })),
});

export const ReviewQueueQuery = z.object({
  status: DocumentStatusSchema.optional(),
  /** A suggested class, or 'none' for "needs review" (suggested without a class). */
  suggested: z.union([AccessClassSchema, z.literal('none')]).optional(),
  docType: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type ReviewQueueQuery = z.input<typeof ReviewQueueQuery>;

export const ReviewQueueItem = z.object({
  id: Id,
  title: z.string(),
  fileName: z.string(),
  status: DocumentStatusSchema,
  docType: z.string().nullable(),
  suggested: z.object({ class: AccessClassSchema.nullable(), basis: z.string().nullable() }).nullable(),
  decided: z.object({ class: AccessClassSchema, basis: z.string(), approved: z.boolean() }).nullable(),
  /** Other documents linked as copies of this one (same number/notation, issuer and date). */
  copies: z.number().int(),
  /** The copy published instead of this one; null when this is the published copy or has none. */
  preferredCopy: Id.nullable(),
  /** Header fields marked "cần kiểm tra": confirm or correct them before approving publication. */
  needsCheck: z.array(z.enum(HEADER_KEYS)),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const EvidenceFinding = z.object({
  page: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  /** `stamp:*`, `personal:*` or `signal:*`. */
  kind: z.string(),
  text: z.string(),
  rule: z.string().nullable(),
  /** Word boxes on the page image as fractions of its size; empty for text-layer pages. */
  boxes: z.array(z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })),
});
export type EvidenceFinding = z.infer<typeof EvidenceFinding>;

export const DecisionRequest = z.object({
  id: Id,
  access: AccessClassSchema,
  /** Registry entry id, e.g. "L104.D6.K1". */
  basis: z.string().min(1).max(200),
  /** Why; required by the engine when an approved decision changes. */
  note: z.string().max(4000).optional(),
  /** Approve for publication (default) or record as reviewed only. */
  approve: z.boolean().default(true),
});
export type DecisionRequest = z.input<typeof DecisionRequest>;

export const ApprovalFilter = z.object({
  access: AccessClassSchema.optional(),
  docType: z.string().min(1).max(200).optional(),
});
export type ApprovalFilter = z.input<typeof ApprovalFilter>;

export const ApprovalItem = z.object({
  id: Id,
  title: z.string(),
  from: AccessClassSchema.nullable(),
  to: AccessClassSchema,
  basis: z.string(),
  basisVersion: z.string(),
});
export type ApprovalItem = z.infer<typeof ApprovalItem>;

export const BasisEntry = z.object({
  id: z.string(),
  version: z.string(),
  titleVi: z.string(),
  /** "khoản 1 Điều 6 Luật Tiếp cận thông tin 104/2016/QH13". */
  citation: z.string(),
  accessClass: AccessClassSchema.nullable(),
  verified: z.boolean(),
});
export type BasisEntry = z.infer<typeof BasisEntry>;

export const LegalRegistryView = z.object({
  defaultVersion: z.string(),
  versions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      entries: z.array(BasisEntry),
    }),
  ),
});
export type LegalRegistryView = z.infer<typeof LegalRegistryView>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});

export const review = {
  /** Reads headers and evidence, then suggests a class, for the given documents (or all). */
  'review:analyse': { input: AnalyseInput, output: AnalyseResult, hosts: 'all' },
  'review:queue': {
    input: ReviewQueueQuery,
    output: z.object({ items: z.array(ReviewQueueItem), total: z.number().int().min(0) }),
    hosts: 'all',
  },
  'review:evidence': { input: z.object({ id: Id }), output: z.object({ findings: z.array(EvidenceFinding) }), hosts: 'all' },
  /** Records the reviewer's decision (reviewer = the name in Settings). */
  'review:decide': { input: DecisionRequest, output: DocumentDetail, hosts: 'all' },
  /** Dry run of bulk approval: what would change. */
  'review:plan': { input: ApprovalFilter, output: z.object({ items: z.array(ApprovalItem) }), hosts: 'all' },
  /** Approves the suggestions the dry run showed; refused if the plan changed meanwhile. */
  'review:approve': {
    input: ApprovalFilter.extend({ ids: z.array(Id).min(1).max(100_000) }),
    output: z.object({ items: z.array(ApprovalItem) }),
    hosts: 'all',
  },
  'review:registry': { input: z.object({}), output: LegalRegistryView, hosts: 'all' },
  'review:auditVerify': { input: z.object({}), output: AuditVerification, hosts: 'all' },
} as const;
