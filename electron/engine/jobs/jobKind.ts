import type { z } from 'zod';
import type { JobItemRow, ItemOutcome } from './jobStore';

/** A claimed item: its stored row and its key parsed (and validated) by the kind. */
export interface ClaimedItem<I> {
  key: string;
  item: I;
  documentId: number | null;
}

/** What a step gets from the runner for the items it was handed. */
export interface StepContext<P> {
  jobId: number;
  payload: P;
  /** Aborted when the job is cancelled or the engine stops; a step may stop early on it. */
  signal: AbortSignal;
  /** True once the engine is shutting down: items left unfinished then stay queued for a resume. */
  stopping(): boolean;
  /** Records an item's outcome. Call it inside the transaction that stores the item's result,
   *  so that after a crash an item is either wholly recorded or still to do. */
  finish(item: ClaimedItem<unknown>, outcome: ItemOutcome): void;
  /** Progress inside one item (a long TIFF's pages), shown while it runs. */
  progress(item: ClaimedItem<unknown>, done: number, total: number): void;
}

/**
 * A kind of durable job: its payload and item schemas, and the step that does the work of its
 * items. The runner (jobRunner.ts) does the rest for every kind alike: lease, claim, concurrency,
 * progress, cancel, retry, resume.
 */
export interface JobKind<P, I> {
  kind: string;
  unit: 'file' | 'page' | 'document';
  payload: z.ZodType<P>;
  /** The item key stored in job_items, and back (validated: a bad key fails its item). */
  keyOf(item: I): string;
  parseKey(key: string): I;
  /** Items handed to one step call (default 1); understanding takes them in batches. */
  batch?: number;
  /** Steps of this kind running at once, over all its jobs; read before every step (live). */
  concurrency(): number;
  /** Does the work. Must call `ctx.finish` for each item it completes; an item left unfinished
   *  fails with INTERNAL (or stays queued when the engine is stopping). */
  step(ctx: StepContext<P>, items: ClaimedItem<I>[]): Promise<void>;
  /** While this holds, a drained job stays open for items still to come instead of ending (the
   *  understanding job waits for the documents an OCR job in this process is still reading), so
   *  one job collects them rather than one job per document. */
  lingerWhile?: () => boolean;
  /** Finished-item progress events at most this often (ms) — for kinds of many quick items. */
  progressEveryMs?: number;
  /** What the user calls an item, for failures and progress ("scan.tiff", "scan.tiff (trang 3)"). */
  label?(row: JobItemRow): string;
}

// The registry holds kinds of different payload and item types side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any, any>;
