/**
 * THE job runner: every long piece of work (import, OCR, understanding) is a job of a declared
 * kind (jobKind.ts) with durable items (jobStore.ts). The runner leases a job so that one process
 * owns it, claims its items a few at a time, runs the kind's step under the kind's concurrency
 * limit (p-limit, shared by all jobs of the kind and re-read before every step so a setting change
 * applies live), reports progress, honours cancel, and leaves everything unfinished queued for
 * the next process when it stops or dies. See README.md in this folder.
 */
import { EventEmitter } from 'node:events';
import pLimit, { type LimitFunction } from 'p-limit';
import { AppError, ERROR_MESSAGES, isAppError, type ErrorCode } from '../../../shared/domain/errors';
import type { Logger } from '../logger';
import type { AnyJobKind, ClaimedItem, StepContext } from './jobKind';
import { HEARTBEAT_MS, newOwnerId, ownerGone } from './lease';
import type { ItemOutcome, JobCounts, JobRow, JobState, JobStore } from './jobStore';

/** Emitted after every finished item, on sub-item progress, and when a job ends. */
export interface RunnerProgress {
  jobId: number;
  kind: string;
  state: JobState;
  counts: JobCounts;
  /** The item that just finished, with its outcome. */
  finished?: { key: string; documentId: number | null; outcome: ItemOutcome };
  /** Progress inside an item in flight. */
  item?: { key: string; label: string; done: number; total: number };
}

export interface RunnerEvents {
  progress: [RunnerProgress];
  /** A job of this process ended (done, failed or cancelled) or was left for a resume. */
  settled: [{ jobId: number; kind: string; state: JobState }];
}

/** Lanes one job may keep waiting on its kind's limiter (the limiter decides how many run). */
const MAX_LANES = 8;
/** Sub-item progress is reported at most this often per item. */
const ITEM_PROGRESS_MS = 200;

export class JobRunner extends EventEmitter<RunnerEvents> {
  readonly owner = newOwnerId();
  private readonly kinds = new Map<string, AnyJobKind>();
  private readonly limits = new Map<string, LimitFunction>();
  /** Jobs this process is running, with the promise of their end. */
  private readonly running = new Map<number, { kind: string; promise: Promise<JobState>; abort: AbortController }>();
  /** Items in flight that reported progress of their own, per job. */
  private readonly current = new Map<number, Map<string, { label: string; done: number; total: number; at: number }>>();
  private readonly lastProgress = new Map<number, number>();
  private readonly nudges = new Set<() => void>();
  private stopped = false;
  private auto = false;
  private kickPending = false;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(
    readonly store: JobStore,
    private readonly log: Logger,
  ) {
    super();
    this.heartbeatTimer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  register(kind: AnyJobKind): void {
    this.kinds.set(kind.kind, kind);
    this.limits.set(kind.kind, pLimit(Math.max(1, kind.concurrency())));
  }

  kindOf(name: string): AnyJobKind | undefined {
    return this.kinds.get(name);
  }

  /** Runs every unfinished job it can lease from now on, as they are queued (the app, the
   *  preview). The CLI does not start it: its commands run what they queue, or `drain()`. */
  start(): void {
    this.auto = true;
    this.kick();
  }

  /** Resolves at the next kick (something was queued) or after `ms`. */
  private nudged(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.nudges.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.nudges.add(done);
    });
  }

  get stopping(): boolean {
    return this.stopped;
  }

  /** Whether it runs jobs by itself as they are queued (started: the app, the preview). */
  get automatic(): boolean {
    return this.auto;
  }

  /** Whether this process is running a job of the kind right now. */
  runningKind(kind: string): boolean {
    return [...this.running.values()].some((r) => r.kind === kind);
  }

  /** Asks the scheduler to look for jobs to run (after something was queued). */
  kick(): void {
    for (const wake of [...this.nudges]) wake();
    if (!this.auto || this.stopped || this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      this.schedule();
    });
  }

  /** One job per kind at a time, oldest first: a second import or OCR job waits its turn
   *  ("queued" on the Jobs screen means exactly that). */
  private schedule(): void {
    if (this.stopped) return;
    const busyKinds = new Set([...this.running.values()].map((r) => r.kind));
    for (const job of this.store.unfinished()) {
      if (busyKinds.has(job.kind) || !this.kinds.has(job.kind) || !this.leasable(job)) continue;
      busyKinds.add(job.kind);
      void this.run(job.id);
    }
  }

  /** Runs jobs until none this process can lease is left (CLI `resume`, `run`, tests). */
  async drain(kinds?: readonly string[]): Promise<number[]> {
    const ran = new Set<number>();
    for (;;) {
      const jobs = this.store.unfinished().filter((j) => (!kinds || kinds.includes(j.kind)) && this.kinds.has(j.kind) && this.leasable(j));
      const mine = [...this.running.entries()].filter(([, r]) => !kinds || kinds.includes(r.kind)).map(([, r]) => r.promise);
      if (jobs.length === 0 && mine.length === 0) return [...ran];
      for (const j of jobs) ran.add(j.id);
      // Oldest first within a kind (its follow-ups were queued by the earlier ones).
      await Promise.all([...mine, ...groupByKind(jobs).map(async (list) => {
        for (const j of list) await this.run(j.id);
      })]);
      if (this.stopped) return [...ran];
    }
  }

  /** Resolves when no job this process could run is left (the scheduler is idle). */
  async idle(): Promise<void> {
    await this.drain();
  }

  private leasable(job: JobRow): boolean {
    if (this.running.has(job.id)) return true;
    return job.owner === null || job.owner === this.owner || ownerGone(job.owner, job.heartbeat_at);
  }

  /** Runs (or resumes) one job; resolves with its state when this process stops working on it.
   *  A job another live process holds is left alone (resolves 'running'). */
  run(jobId: number): Promise<JobState> {
    const existing = this.running.get(jobId);
    if (existing) return existing.promise;
    const job = this.store.get(jobId);
    if (!job) return Promise.reject(new AppError('NOT_FOUND', `job ${jobId}`));
    if (job.state !== 'queued' && job.state !== 'running') return Promise.resolve(job.state);
    const kind = this.kinds.get(job.kind);
    if (!kind) return Promise.reject(new Error(`no job kind ${job.kind}`));
    if (this.stopped) return Promise.resolve(job.state);
    const expired = job.owner !== null && job.owner !== this.owner && ownerGone(job.owner, job.heartbeat_at) ? job.owner : null;
    if (!this.store.lease(jobId, this.owner, expired)) return Promise.resolve(job.state);
    const abort = new AbortController();
    const promise = this.execute(job, kind, abort).finally(() => {
      this.running.delete(jobId);
      this.current.delete(jobId);
      this.lastProgress.delete(jobId);
      this.kick();
    });
    this.running.set(jobId, { kind: job.kind, promise, abort });
    return promise;
  }

  private async execute(job: JobRow, kind: AnyJobKind, abort: AbortController): Promise<JobState> {
    const parsed = kind.payload.safeParse(safeJson(job.payload));
    if (!parsed.success) {
      this.log.error(`job ${job.id} (${job.kind}): invalid payload: ${parsed.error.message}`);
      this.store.fail(job.id, 'invalid job payload');
      return this.settle(job, 'failed');
    }
    const limit = this.limits.get(kind.kind)!;
    const ctx = this.stepContext(job, kind, parsed.data, abort);
    let failure: Error | null = null;
    for (;;) {
      const pending = this.store.counts(job.id).queued;
      const lanes = Math.max(1, Math.min(MAX_LANES, Math.ceil(pending / (kind.batch ?? 1))));
      const lane = async (): Promise<void> => {
        for (;;) {
          // Read before queueing on the limiter: a setting changed since applies to this step.
          limit.concurrency = Math.max(1, kind.concurrency());
          const worked = await limit(async () => {
            if (this.stopped || abort.signal.aborted) return false;
            const claimed = this.store.claim(job.id, this.owner, kind.batch ?? 1);
            if (claimed.length === 0) return false;
            await this.step(job, kind, ctx, claimed);
            return true;
          });
          if (!worked) return;
        }
      };
      try {
        await Promise.all(Array.from({ length: lanes }, lane));
      } catch (e) {
        failure = e as Error;
      }
      if (failure || this.stopped || abort.signal.aborted || this.store.isCancelled(job.id)) break;
      if (kind.lingerWhile?.()) {
        await this.nudged(1000);
        continue;
      }
      let completed: boolean;
      try {
        completed = this.store.completeIfDrained(job.id, this.owner);
      } catch (e) {
        // The items are recorded but the job's own row cannot be written (a full disk): it stays
        // open and is finished at the next run, with nothing done twice.
        this.log.error(`job ${job.id} (${job.kind}): could not record its completion: ${(e as Error).message}`);
        return this.settle(job, 'running');
      }
      if (completed) return this.settle(job, 'done');
      if (!this.store.holds(job.id, this.owner)) break; // lease lost
    }
    if (!this.store.holds(job.id, this.owner)) {
      this.log.warn(`job ${job.id} (${job.kind}): another process took it over`);
      return this.settle(job, 'running');
    }
    if (this.store.isCancelled(job.id)) {
      this.store.settleCancelled(job.id, this.owner);
      return this.settle(job, 'cancelled');
    }
    if (failure && !this.stopped) {
      this.log.error(`job ${job.id} (${job.kind}) failed: ${failure.stack ?? failure.message}`);
      this.store.fail(job.id, failure.message);
      return this.settle(job, 'failed');
    }
    // Stopping: what is unfinished stays queued; the next process takes it over at once.
    this.store.release(job.id, this.owner);
    return this.settle(job, 'running');
  }

  private settle(job: JobRow, state: JobState): JobState {
    this.emit('progress', { jobId: job.id, kind: job.kind, state, counts: this.store.counts(job.id) });
    this.emit('settled', { jobId: job.id, kind: job.kind, state });
    return state;
  }

  private stepContext<P>(job: JobRow, kind: AnyJobKind, payload: P, abort: AbortController): StepContext<P> {
    return {
      jobId: job.id,
      payload,
      signal: abort.signal,
      stopping: () => this.stopped,
      finish: (item, outcome) => {
        // A holder that lost its lease (silent for longer than the lease: the machine slept, the
        // thread was stuck) must not record what the new holder may be doing too: this throws,
        // and the step's transaction rolls back.
        if (!this.store.holds(job.id, this.owner)) throw new LeaseLost(job.id);
        this.store.finishItem(job.id, item.key, outcome);
        (item as ClaimedItem<unknown> & { finished?: ItemOutcome }).finished = outcome;
        killPoint(job.kind);
      },
      progress: (item, done, total) => {
        const now = Date.now();
        let map = this.current.get(job.id);
        if (!map) this.current.set(job.id, (map = new Map()));
        const last = map.get(item.key);
        const label = kind.label?.({ job_id: job.id, item_key: item.key, state: 'running', error_code: null, error: null, result: null, document_id: item.documentId }) ?? item.key;
        map.set(item.key, { label, done, total, at: now });
        if (last && now - last.at < ITEM_PROGRESS_MS && done < total) {
          map.get(item.key)!.at = last.at;
          return;
        }
        this.emit('progress', { jobId: job.id, kind: job.kind, state: 'running', counts: this.store.counts(job.id), item: { key: item.key, label, done, total } });
      },
    };
  }

  /** One step over claimed items; afterwards every item is finished, failed, or (stopping /
   *  cancelled) left for the runner to settle. */
  private async step(job: JobRow, kind: AnyJobKind, ctx: StepContext<unknown>, rows: { item_key: string; document_id: number | null }[]): Promise<void> {
    type Tracked = ClaimedItem<unknown> & { finished?: ItemOutcome };
    const items: Tracked[] = [];
    for (const row of rows) {
      try {
        items.push({ key: row.item_key, item: kind.parseKey(row.item_key), documentId: row.document_id });
      } catch (e) {
        this.store.finishItem(job.id, row.item_key, { state: 'failed', errorCode: 'INVALID_INPUT', error: (e as Error).message });
      }
    }
    let thrown: unknown = null;
    if (items.length > 0) {
      try {
        await kind.step(ctx, items);
      } catch (e) {
        thrown = e;
      }
    }
    const finished: Tracked[] = [];
    for (const item of items) {
      this.current.get(job.id)?.delete(item.key);
      if (thrown instanceof LeaseLost || !this.store.holds(job.id, this.owner)) break; // another process has it now
      if (!item.finished && !this.stopped) {
        if (ctx.signal.aborted || this.store.isCancelled(job.id)) {
          ctx.finish(item, { state: 'cancelled', errorCode: 'CANCELLED', error: ERROR_MESSAGES.CANCELLED.en });
        } else {
          const code: ErrorCode = isAppError(thrown) ? thrown.code : 'INTERNAL';
          const message = thrown ? ((thrown as Error).message ?? String(thrown)) : 'step left the item unfinished';
          if (!isAppError(thrown)) this.log.error(`job ${job.id} item ${item.key}: ${thrown ? ((thrown as Error).stack ?? message) : message}`);
          ctx.finish(item, { state: 'failed', errorCode: code, error: message, result: { error: { code, message: ERROR_MESSAGES[code].vi } } });
        }
      }
      if (item.finished) finished.push(item);
    }
    if (finished.length === 0) return;
    const counts = this.store.counts(job.id);
    const every = kind.progressEveryMs ?? 0;
    const now = Date.now();
    if (every > 0) {
      if (now - (this.lastProgress.get(job.id) ?? 0) < every) return;
      finished.splice(0, finished.length - 1);
    }
    this.lastProgress.set(job.id, now);
    for (const item of finished) {
      this.emit('progress', { jobId: job.id, kind: job.kind, state: 'running', counts, finished: { key: item.key, documentId: item.documentId, outcome: item.finished! } });
    }
  }

  /** Items in flight with progress of their own (for the Jobs screen). */
  currentItems(jobId: number): { label: string; done: number; total: number }[] {
    return [...(this.current.get(jobId)?.values() ?? [])].map(({ label, done, total }) => ({ label, done, total }));
  }

  isRunningHere(jobId: number): boolean {
    return this.running.has(jobId);
  }

  /** Cancels a job: queued items at once, items in flight in this process are told to stop
   *  (another process holding the job notices at its next heartbeat). */
  cancel(jobId: number): boolean {
    const cancelled = this.store.requestCancel(jobId);
    if (cancelled) this.running.get(jobId)?.abort.abort();
    return cancelled;
  }

  /** Puts a finished job's failed and cancelled items back and runs them (in the background).
   *  A job another process holds: JOB_BUSY. Returns how many items were requeued. */
  retry(jobId: number): number {
    const job = this.store.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `job ${jobId}`);
    if ((job.state === 'queued' || job.state === 'running') && job.owner && job.owner !== this.owner && !ownerGone(job.owner, job.heartbeat_at)) {
      throw new AppError('JOB_BUSY', `job ${jobId} held by ${job.owner}`);
    }
    const n = this.store.requeue(jobId);
    if (n > 0) {
      if (this.auto) this.kick();
      else this.run(jobId).catch((e: Error) => this.log.error(`retry of job ${jobId} failed: ${e.message}`));
    }
    return n;
  }

  private beat(): void {
    if (this.stopped) return;
    try {
      this.store.heartbeat(this.owner);
      // A cancel from another process (the CLI cancelling the app's job, or the reverse).
      for (const [id, r] of this.running) if (!r.abort.signal.aborted && this.store.isCancelled(id)) r.abort.abort();
      if (this.auto) this.kick();
    } catch (e) {
      this.log.warn(`job heartbeat failed: ${(e as Error).message}`);
    }
  }

  /** Stops taking work; steps in flight end (their items stay queued); leases are released. */
  async stop(beforeWait?: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.heartbeatTimer);
    for (const wake of [...this.nudges]) wake();
    for (const r of this.running.values()) r.abort.abort();
    await beforeWait?.();
    await Promise.allSettled([...this.running.values()].map((r) => r.promise));
  }
}

class LeaseLost extends Error {
  constructor(jobId: number) {
    super(`job ${jobId}: lease lost to another process`);
  }
}

/**
 * Crash testing (tests/integration/pipeline/killPipeline.test.ts): with
 * MINHBACH_KILL_AFTER=<kind>:<n>, the process kills itself with SIGKILL right after the n-th item
 * of that kind it finished is committed — a real crash at a chosen point of a pipeline stage.
 * (The check runs on the next turn of the event loop, after the item's transaction commits.)
 */
const KILL_AFTER = /^([a-z]+):(\d+)$/.exec(process.env.MINHBACH_KILL_AFTER ?? '');
let killCount = 0;
function killPoint(kind: string): void {
  if (!KILL_AFTER || KILL_AFTER[1] !== kind) return;
  killCount += 1;
  if (killCount === Number(KILL_AFTER[2])) setImmediate(() => process.kill(process.pid, 'SIGKILL'));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function groupByKind(jobs: JobRow[]): JobRow[][] {
  const groups = new Map<string, JobRow[]>();
  for (const j of jobs) groups.set(j.kind, [...(groups.get(j.kind) ?? []), j]);
  return [...groups.values()];
}
