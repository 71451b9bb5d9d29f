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
  /** Only documents with no decision in force. */
  undecided: z.boolean().optional(),
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
  decided: z.object({ class: AccessClassSchema, basis: z.string(), approved: z.boolean(), partial: z.boolean().optional() }).nullable(),
  /** Mean OCR confidence (0–100) of the OCR'd pages; null when all text is a text layer. */
  confidence: z.number().nullable(),
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
  /** The title to publish (the reviewer's edit of the masked proposal); default: the proposal. */
  publishedTitle: z.string().max(2000).optional(),
  /** Public with redactions (công khai một phần): published with the accepted regions removed. */
  partial: z.boolean().optional(),
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
  /** The suggestion's identity: a re-analysis of the same document gives another. */
  suggestionId: z.string(),
  /** What approval publishes as the document's title (personal data masked); null for secret. */
  publishedTitle: z.string().nullable(),
});
export type ApprovalItem = z.infer<typeof ApprovalItem>;

/** One confirmed item of bulk approval, exactly as the dry run showed it. */
export const ConfirmedApprovalItem = ApprovalItem.pick({ id: true, to: true, basis: true, basisVersion: true, suggestionId: true, publishedTitle: true });

/** The title a decision would publish, and what it is masked against. */
export const PublishedTitleView = z.object({
  id: Id,
  headerTitle: z.string(),
  proposed: z.string(),
  approved: z.string().nullable(),
  findings: z.array(z.string()),
});
export type PublishedTitleView = z.infer<typeof PublishedTitleView>;

export const BasisEntry = z.object({
  id: z.string(),
  version: z.string(),
  titleVi: z.string(),
  /** "khoản 1 Điều 6 Luật Tiếp cận thông tin 104/2016/QH13". */
  citation: z.string(),
  accessClass: AccessClassSchema.nullable(),
  verified: z.boolean(),
  /** Where in the law (null where the article numbers are not known yet, e.g. the 2026 law). */
  article: z.number().int().nullable().optional(),
  clause: z.number().int().nullable().optional(),
  point: z.string().nullable().optional(),
  /** The instrument: "Luật Tiếp cận thông tin 104/2016/QH13". */
  law: z.string().optional(),
  /** The law it belongs to, with "số điều, khoản chờ xác nhận" when its numbering is unverified. */
  lawLabel: z.string().optional(),
  note: z.string().optional(),
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
      /** Every entry checked against the official text. */
      verified: z.boolean().optional(),
      /** The law lets the separable accessible part of a document be provided. */
      partialDisclosure: z.boolean().optional(),
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

// ——— The review desk (issue 13): undo, group review, next document needing a person, counts ———

export const UndoneDecision = z.object({
  documentId: Id,
  /** The decision row undone. */
  undone: Id,
  /** The state in force now: the earlier decision, never approved; null = no decision. */
  restored: z.object({ class: AccessClassSchema, basis: z.string(), approved: z.literal(false) }).nullable(),
});
export type UndoneDecision = z.infer<typeof UndoneDecision>;

export const SimilarDocument = z.object({
  id: Id,
  title: z.string(),
  subject: z.string().nullable(),
  suggested: z.object({ class: AccessClassSchema.nullable(), basis: z.string().nullable() }).nullable(),
  /** 0..1: how alike the subject patterns are. */
  similarity: z.number(),
});
export type SimilarDocument = z.infer<typeof SimilarDocument>;

export const GroupDecisionRequest = DecisionRequest.omit({ id: true }).extend({
  ids: z.array(Id).min(1).max(200),
});
export type GroupDecisionRequest = z.input<typeof GroupDecisionRequest>;

export const ReviewCounts = z.object({
  left: z.object({
    public: z.number().int(),
    conditional: z.number().int(),
    secret: z.number().int(),
    needsReview: z.number().int(),
    noSuggestion: z.number().int(),
    total: z.number().int(),
  }),
  decided: z.object({ approved: z.number().int(), reviewed: z.number().int() }),
});
export type ReviewCounts = z.infer<typeof ReviewCounts>;

export const NextToReviewQuery = ReviewQueueQuery.omit({ limit: true, undecided: true }).extend({
  /** The document the reviewer is on; the search starts after it and wraps round. */
  after: Id.nullable(),
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
  /** Approves the suggestions the dry run showed, compared by value inside the writing
   *  transaction; refused with PLAN_CHANGED if anything differs. */
  'review:approve': {
    input: ApprovalFilter.extend({ items: z.array(ConfirmedApprovalItem).min(1).max(100_000) }),
    output: z.object({ items: z.array(ApprovalItem) }),
    hosts: 'all',
  },
  'review:registry': { input: z.object({}), output: LegalRegistryView, hosts: 'all' },
  'review:auditVerify': { input: z.object({}), output: AuditVerification, hosts: 'all' },
  /** Undoes the reviewer's last decision (never approves; refused when a newer decision exists). */
  'review:undo': { input: z.object({}), output: z.object({ items: z.array(UndoneDecision) }), hosts: 'all' },
  /** Undecided documents near-identical to this one (same type, issuer and subject pattern). */
  'review:similar': { input: z.object({ id: Id }), output: z.object({ items: z.array(SimilarDocument) }), hosts: 'all' },
  /** One decision for the checked documents of a group (one audited batch, all or nothing). */
  'review:decideGroup': { input: GroupDecisionRequest, output: z.object({ ids: z.array(Id) }), hosts: 'all' },
  /** The next document in queue order that no decision is in force for. */
  'review:next': { input: NextToReviewQuery, output: z.object({ id: Id.nullable() }), hosts: 'all' },
  'review:counts': { input: z.object({}), output: ReviewCounts, hosts: 'all' },
  /** The title approval would publish (masked proposal) and the one approved. */
  'review:publishedTitle': { input: z.object({ id: Id }), output: PublishedTitleView, hosts: 'all' },
} as const;
