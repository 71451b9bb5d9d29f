import { z } from 'zod';
import { AccessClassSchema, Id } from './schemas';

/** Requests for information (Law on Access to Information, Chapter III): the register, working-day
 *  deadlines, consents for conditional information, notices and the yearly statistics. Requester
 *  and consenting-person fields are personal data: staff screens only. */

export const REQUEST_CHANNELS = [
  'in-person',
  'post',
  'email',
  'portal',
  'phone',
  'fax',
  'national-portal',
  'app',
] as const;
export const REQUEST_STATUSES = [
  'received',
  'in_progress',
  'answered',
  'partly_answered',
  'refused',
  'withdrawn',
] as const;
export const OPEN_STATUSES = ['received', 'in_progress'] as const;
export const ANSWER_OUTCOMES = ['provided', 'partly', 'refused'] as const;
export const NOTICE_KINDS = ['acceptance', 'extension', 'refusal', 'provision'] as const;
export const FEE_KINDS = ['print', 'copy', 'photo', 'postage', 'fax'] as const;
/** Open requests by deadline: `near` = due within NEAR_DUE_WORKING_DAYS working days. */
export const DUE_STATES = ['ok', 'near', 'overdue', 'closed'] as const;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const RequestChannel = z.enum(REQUEST_CHANNELS);
export const RequestStatus = z.enum(REQUEST_STATUSES);
export const AnswerOutcome = z.enum(ANSWER_OUTCOMES);
export const NoticeKind = z.enum(NOTICE_KINDS);
export const DueState = z.enum(DUE_STATES);

export const Fee = z.object({ kind: z.enum(FEE_KINDS), amount: z.number().int().min(0).max(1_000_000_000) });
export type Fee = z.infer<typeof Fee>;

export const NewRequest = z.object({
  receivedDate: IsoDate,
  channel: RequestChannel,
  requesterKind: z.enum(['citizen', 'organisation']).default('citizen'),
  requesterName: Text(300),
  requesterContact: z.string().trim().max(500).optional(),
  requesterIdNumber: z.string().trim().max(50).optional(),
  subject: Text(4000),
  /** Complex information (gathered from several units or needing others' opinion): longer limit. */
  complex: z.boolean().default(false),
  assignee: z.string().trim().max(200).optional(),
  documentIds: z.array(Id).max(500).default([]),
});
export type NewRequest = z.input<typeof NewRequest>;

export const RequestSummary = z.object({
  id: Id,
  receivedDate: z.string(),
  channel: RequestChannel,
  requesterName: z.string(),
  subject: z.string(),
  assignee: z.string().nullable(),
  status: RequestStatus,
  dueDate: z.string(),
  dueState: DueState,
  /** Working days left until the due date (negative when past due); null when closed. */
  workingDaysLeft: z.number().int().nullable(),
  extended: z.boolean(),
  answeredDate: z.string().nullable(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const Providability = z.object({
  providable: z.boolean(),
  /** Why not, in Vietnamese; or, for a conditional document, which consent allows it. */
  reason: z.string().nullable(),
  consentId: Id.nullable(),
});

export const RequestDocument = z.object({
  id: Id,
  title: z.string(),
  numberNotation: z.string().nullable(),
  access: AccessClassSchema.nullable(),
  provided: z.boolean(),
  check: Providability,
});
export type RequestDocument = z.infer<typeof RequestDocument>;

export const NoticeInfo = z.object({
  id: Id,
  kind: NoticeKind,
  createdAt: z.string(),
  createdBy: z.string(),
});

export const BasisOption = z.object({ code: z.string(), titleVi: z.string(), citation: z.string() });
export type BasisOption = z.infer<typeof BasisOption>;

export const RequestDetail = RequestSummary.extend({
  requesterKind: z.enum(['citizen', 'organisation']),
  requesterContact: z.string().nullable(),
  requesterIdNumber: z.string().nullable(),
  complex: z.boolean(),
  lawVersion: z.string(),
  lawTitle: z.string(),
  limitCitation: z.string(),
  extensionReason: z.string().nullable(),
  outcomeBases: z.array(BasisOption),
  outcomeNote: z.string().nullable(),
  fees: z.array(Fee),
  reviewer: z.string().nullable(),
  documents: z.array(RequestDocument),
  notices: z.array(NoticeInfo),
  /** Refusal bases allowed for this request's law version (registry + procedural grounds). */
  refusalBases: z.array(BasisOption),
  history: z.array(
    z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string() }),
  ),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestListQuery = z.object({
  due: z.enum(['open', 'near', 'overdue', 'attention']).optional(),
  status: RequestStatus.optional(),
  year: z.number().int().min(1990).max(2199).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type RequestListQuery = z.input<typeof RequestListQuery>;

export const DueCounts = z.object({
  open: z.number().int(),
  near: z.number().int(),
  overdue: z.number().int(),
});
export type DueCounts = z.infer<typeof DueCounts>;

export const AnswerInput = z.object({
  id: Id,
  outcome: AnswerOutcome,
  bases: z.array(z.string().min(1).max(100)).max(20).default([]),
  /** Documents provided (linked to the request if not yet). */
  documentIds: z.array(Id).max(500).default([]),
  note: z.string().trim().max(4000).optional(),
  fees: z.array(Fee).max(20).default([]),
  answeredDate: IsoDate.optional(),
});
export type AnswerInput = z.input<typeof AnswerInput>;

export const ConsentView = z.object({
  id: Id,
  personName: z.string(),
  personKind: z.enum(['person', 'business']),
  scope: z.string(),
  givenDate: z.string(),
  validUntil: z.string().nullable(),
  revokedDate: z.string().nullable(),
  /** Valid today (given, not revoked, not expired). */
  valid: z.boolean(),
  hasScan: z.boolean(),
  scanName: z.string().nullable(),
  documents: z.array(z.object({ id: Id, title: z.string() })),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const NewConsent = z.object({
  documentIds: z.array(Id).min(1).max(500),
  personName: Text(300),
  personKind: z.enum(['person', 'business']).default('person'),
  scope: Text(2000),
  givenDate: IsoDate,
  validUntil: IsoDate.nullable().default(null),
  /** The scanned consent letter: an upload id (preview) or a path chosen in a dialog (desktop). */
  scanUploadId: z
    .string()
    .regex(/^[a-f0-9]{32}$/)
    .optional(),
  scanPath: z.string().min(1).max(4096).optional(),
  scanName: z.string().trim().min(1).max(255).optional(),
});
export type NewConsent = z.input<typeof NewConsent>;

export const DownloadFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type DownloadFile = z.infer<typeof DownloadFile>;

export const YearStatistics = z.object({
  year: z.number().int(),
  received: z.number().int(),
  byChannel: z.array(z.object({ channel: RequestChannel, count: z.number().int() })),
  byOutcome: z.object({
    answered: z.number().int(),
    partlyAnswered: z.number().int(),
    refused: z.number().int(),
    withdrawn: z.number().int(),
    open: z.number().int(),
  }),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Open requests already past due (counted as late when answered). */
  openOverdue: z.number().int(),
  refusedByGround: z.array(z.object({ code: z.string(), titleVi: z.string(), count: z.number().int() })),
  fees: z.object({
    total: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(FEE_KINDS), amount: z.number().int() })),
  }),
  /** Requests received per month (index 0 = January). */
  receivedByMonth: z.array(z.number().int()).length(12),
  /** Documents approved for proactive disclosure in the year, per Art. 17 point and per month. */
  disclosed: z.object({
    total: z.number().int(),
    byPoint: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
    byMonth: z.array(z.number().int()).length(12),
  }),
});
export type YearStatistics = z.infer<typeof YearStatistics>;

const DayNote = z.object({ date: IsoDate, nameVi: Text(300) });
export const CalendarAnnouncement = z.object({
  source: z.string().trim().max(1000),
  holidays: z.record(z.string().regex(/^[a-z-]+$/), z.array(IsoDate).max(20)).default({}),
  extraDaysOff: z.array(DayNote).max(50).default([]),
  workingDays: z.array(DayNote).max(50).default([]),
});

export const CalendarYear = z.object({
  year: z.number().int(),
  announced: z.boolean(),
  edited: z.boolean(),
  source: z.string().nullable(),
  ruleSource: z.string(),
  dataVersion: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      nameVi: z.string(),
      kind: z.enum(['holiday', 'compensatory', 'swap', 'working']),
      origin: z.enum(['announced', 'rules']),
    }),
  ),
  announcement: CalendarAnnouncement.nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

const ById = z.object({ id: Id });

export const requests = {
  'requests:list': {
    input: RequestListQuery,
    output: z.object({ items: z.array(RequestSummary), counts: DueCounts }),
    hosts: 'all',
  },
  /** Open requests near or past due (the Library header's count). */
  'requests:dueCounts': { input: z.object({}), output: DueCounts, hosts: 'all' },
  'requests:get': { input: ById, output: RequestDetail, hosts: 'all' },
  'requests:add': { input: NewRequest, output: RequestDetail, hosts: 'all' },
  'requests:update': {
    input: z.object({
      id: Id,
      status: z.enum(['received', 'in_progress']).optional(),
      assignee: z.string().trim().max(200).nullable().optional(),
      complex: z.boolean().optional(),
      linkDocumentIds: z.array(Id).max(500).optional(),
      unlinkDocumentIds: z.array(Id).max(500).optional(),
    }),
    output: RequestDetail,
    hosts: 'all',
  },
  'requests:extend': { input: z.object({ id: Id, reason: Text(2000) }), output: RequestDetail, hosts: 'all' },
  'requests:withdraw': {
    input: z.object({ id: Id, note: z.string().trim().max(2000).optional() }),
    output: RequestDetail,
    hosts: 'all',
  },
  'requests:answer': { input: AnswerInput, output: RequestDetail, hosts: 'all' },
  /** Generates (and keeps) a notice as DOCX and PDF; returns the one asked for. */
  'requests:notice': {
    input: z.object({ id: Id, kind: NoticeKind, format: z.enum(['docx', 'pdf']).default('pdf') }),
    output: DownloadFile,
    hosts: 'all',
  },
  /** The file provided for a document of an answered request (its published version). */
  'requests:providedFile': {
    input: z.object({ id: Id, documentId: Id }),
    output: DownloadFile,
    hosts: 'all',
  },
  'requests:stats': {
    input: z.object({ year: z.number().int().min(1990).max(2199) }),
    output: YearStatistics,
    hosts: 'all',
  },
  'requests:statsReport': {
    input: z.object({ year: z.number().int().min(1990).max(2199), format: z.enum(['xlsx', 'pdf']) }),
    output: DownloadFile,
    hosts: 'all',
  },
  'consents:list': {
    input: z.object({ documentId: Id.optional() }),
    output: z.object({ items: z.array(ConsentView) }),
    hosts: 'all',
  },
  'consents:add': { input: NewConsent, output: ConsentView, hosts: 'all' },
  'consents:revoke': {
    input: z.object({ id: Id, date: IsoDate.optional() }),
    output: ConsentView,
    hosts: 'all',
  },
  'calendar:get': {
    input: z.object({ year: z.number().int().min(1990).max(2199) }),
    output: CalendarYear,
    hosts: 'all',
  },
  /** Saves a year's announcement (null = back to the shipped data); open requests' due dates follow. */
  'calendar:set': {
    input: z.object({
      year: z.number().int().min(1990).max(2199),
      announcement: CalendarAnnouncement.nullable(),
    }),
    output: CalendarYear,
    hosts: 'all',
  },
} as const;
