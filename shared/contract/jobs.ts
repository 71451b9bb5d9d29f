import { z } from 'zod';
import { ErrorInfo, Id, ImportResult } from './schemas';

/** Job kinds the UI knows how to show. `ocr` arrives with the OCR engine; the screen already
 *  handles it. */
export const JOB_KINDS = ['import', 'ocr'] as const;
export const JobKind = z.enum(JOB_KINDS);
export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const JobFailure = z.object({
  /** What failed, as the user knows it: a file name or "document 12, page 3". Data, not markup. */
  label: z.string(),
  error: ErrorInfo,
});

export const JobInfo = z.object({
  id: Id,
  kind: z.string(),
  state: JobState,
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  failures: z.array(JobFailure),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobInfo = z.infer<typeof JobInfo>;

/** Pushed while a job runs (IPC event in Electron, server-sent event in the preview). */
export const JobProgress = z.object({
  jobId: Id,
  kind: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** The item just finished, for import jobs. */
  result: ImportResult.optional(),
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
