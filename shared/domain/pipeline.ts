/** States of a durable job and of each of its items. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** What a job's items are: files (import), pages (OCR) or documents (header + suggestion). */
export const JOB_UNITS = ['file', 'page', 'document'] as const;

/**
 * A document's OCR stage: `not-needed` (every page has a text layer), `waiting` (pages without
 * text and no job for them: "cần OCR"), `queued`, `running`, `done`, `failed` (some page failed).
 */
export const PIPELINE_OCR_STAGES = ['not-needed', 'waiting', 'queued', 'running', 'done', 'failed'] as const;
/** Header extraction + suggestion: `waiting` for text, `queued`, `running`, `done`. */
export const PIPELINE_UNDERSTANDING_STAGES = ['waiting', 'queued', 'running', 'done'] as const;
