import { z } from 'zod';
import { JOB_STATES, JOB_UNITS } from '../domain/pipeline';
import { ErrorInfo, Id, ImportResult } from './schemas';

/** Job kinds of the pipeline (engine/jobs/README.md): import files → OCR pages without text →
 *  read the header and suggest an access class (`understand`). */
export const JOB_KINDS = ['import', 'ocr', 'understand'] as const;
export const JobKind = z.enum(JOB_KINDS);
export const JobState = z.enum(JOB_STATES);

/** Items of a job by state: true counts, also after a cancel. */
export const JobCounts = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});
export type JobCounts = z.infer<typeof JobCounts>;

/** An item in flight with progress of its own (a 1000-page TIFF being read, page by page). */
export const ItemProgress = z.object({ label: z.string(), done: z.number().int(), total: z.number().int() });

export const JobFailure = z.object({
  /** What failed, as the user knows it: a file name or "document 12, page 3". Data, not markup. */
  label: z.string(),
  error: ErrorInfo,
});

export const JobInfo = z.object({
  id: Id,
  kind: z.string(),
  /** `queued`: waiting its turn (nothing started); `running`: a process is working on it. */
  state: JobState,
  /** Items finished (done or failed; cancelled ones are not counted). */
  done: z.number().int(),
  /** Every item of the job, cancelled ones included (`counts` splits them). */
  total: z.number().int(),
  error: z.string().nullable(),
  failures: z.array(JobFailure),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What one item is: a file, a page or a document. */
  unit: z.enum(JOB_UNITS),
  counts: JobCounts,
  /** The documents the job works on (the first three, by id) and how many there are in all. For
   *  an import: the documents imported so far. */
  documents: z.array(z.object({ id: Id, fileName: z.string() })),
  documentCount: z.number().int(),
  /** For an import not yet finished: the first file names, so the job has a name before any
   *  document exists. */
  files: z.array(z.string()),
  /** The job whose results queued this one (an import's OCR), else null. */
  parentId: Id.nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Items in flight that report progress of their own. */
  current: z.array(ItemProgress),
  /** A retry would re-run failed or cancelled items. */
  retryable: z.boolean(),
});
export type JobInfo = z.infer<typeof JobInfo>;

/** Pushed while a job runs (IPC event in Electron, server-sent event in the preview). */
export const JobProgress = z.object({
  jobId: Id,
  kind: z.string(),
  /** Items finished (done or failed) and all items, as in JobInfo. */
  done: z.number().int(),
  total: z.number().int(),
  /** The item just finished, for import jobs. */
  result: ImportResult.optional(),
  /** The job's state after this event (a finished job sends one last event). */
  state: JobState.optional(),
  /** The document the finished item belongs to (OCR page, header + suggestion). */
  documentId: Id.optional(),
  /** Progress inside the item in flight (a long TIFF's pages), without an item finishing. */
  item: ItemProgress.optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export { JOB_PROGRESS_EVENT } from './events';

export const jobs = {
  'jobs:list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(JobInfo),
    hosts: 'all',
  },
  'jobs:cancel': { input: z.object({ id: Id }), output: z.object({ cancelled: z.boolean() }), hosts: 'all' },
  'jobs:retry': {
    input: z.object({ id: Id }),
    output: z.object({ retried: z.number().int() }),
    hosts: 'all',
  },
} as const;
