import { Worker, type TransferListItem } from 'node:worker_threads';
import { AppError } from '../../../shared/domain/errors';
import { errorFromReply, type TaskReply } from './workerProtocol';

export interface WorkerPoolOptions {
  /** Worker entry module (a .ts file from source, a .js file in the bundle). */
  script: URL;
  size: number;
  /** A task running longer than this terminates its worker; a fresh one takes its place. */
  taskTimeoutMs: number;
  workerData?: Record<string, unknown>;
  resourceLimits?: { maxOldGenerationSizeMb?: number };
  name?: string;
}

interface Pending<O> {
  id: number;
  input: unknown;
  transfer: TransferListItem[] | undefined;
  timeoutMs: number;
  onProgress: ((done: number, total: number) => void) | undefined;
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending<unknown> | null;
  timer: NodeJS.Timeout | null;
}

const TS_BOOT = new URL('./tsBoot.mjs', import.meta.url);

function spawnWorker(options: WorkerPoolOptions): Worker {
  const isTs = options.script.pathname.endsWith('.ts');
  const workerData = { ...(options.workerData ?? {}), ...(isTs ? { __entry: options.script.href } : {}) };
  return new Worker(isTs ? TS_BOOT : options.script, {
    workerData,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
}


/**
 * A fixed set of worker threads, one task per worker at a time. A stuck task is ended by
 * terminating its worker; a crashed worker fails only its own task. Either way a new worker
 * replaces it and the queue carries on.
 */
export class WorkerPool<I, O> {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending<O>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    if (options.size < 1) throw new Error('worker pool size must be at least 1');
  }

  get size(): number {
    return this.options.size;
  }

  /** Runs a task. `signal` cancels it: a queued task is dropped, a running one ends with its
   *  worker (replaced at once), either way rejecting with AppError CANCELLED. */
  run(
    input: I,
    opts: { timeoutMs?: number; transfer?: TransferListItem[]; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<O> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (opts.signal?.aborted) return Promise.reject(new AppError('CANCELLED'));
    return new Promise<O>((resolve, reject) => {
      const task: Pending<O> = {
        id: this.nextId++,
        input,
        transfer: opts.transfer,
        timeoutMs: opts.timeoutMs ?? this.options.taskTimeoutMs,
        onProgress: opts.onProgress,
        resolve,
        reject,
      };
      if (opts.signal) {
        const signal = opts.signal;
        const onAbort = () => this.cancel(task);
        signal.addEventListener('abort', onAbort, { once: true });
        task.resolve = (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        };
        task.reject = (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        };
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  private cancel(task: Pending<O>): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      task.reject(new AppError('CANCELLED'));
      return;
    }
    const slot = this.slots.find((s) => s.busy === task);
    if (!slot) return;
    this.replace(slot);
    task.reject(new AppError('CANCELLED'));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.options.size) slot = this.addSlot();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.busy = task as Pending<unknown>;
      slot.timer = setTimeout(() => this.onTimeout(slot!), task.timeoutMs);
      slot.worker.postMessage({ id: task.id, input: task.input }, task.transfer ?? []);
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(this.options), busy: null, timer: null };
    this.attach(slot);
    this.slots.push(slot);
    return slot;
  }

  private attach(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (reply: TaskReply<O>) => {
      const task = slot.busy;
      if (!task || task.id !== reply.id) return;
      if ('progress' in reply) {
        task.onProgress?.(reply.progress.done, reply.progress.total);
        return;
      }
      this.finish(slot);
      if (reply.ok) task.resolve(reply.value);
      else task.reject(errorFromReply(reply.error));
      this.dispatch();
    });
    worker.on('error', (error) => this.onWorkerLost(slot, worker, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.onWorkerLost(slot, worker, new Error(`worker exited with code ${code}`));
    });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
  }

  private onTimeout(slot: Slot): void {
    const task = slot.busy;
    if (!task) return;
    this.replace(slot);
    task.reject(new AppError('PROCESSING_TIMEOUT', `task exceeded ${task.timeoutMs} ms`));
    this.dispatch();
  }

  private onWorkerLost(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker) return; // already replaced
    const task = slot.busy;
    this.replace(slot);
    task?.reject(new AppError('INTERNAL', `worker crashed: ${error.message}`));
    this.dispatch();
  }

  private replace(slot: Slot): void {
    this.finish(slot);
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => undefined);
    void old.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  /** Stops accepting work, fails what is still queued, and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('worker pool closed'));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (slot) => {
        slot.busy?.reject(new Error('worker pool closed'));
        this.finish(slot);
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => undefined);
        await slot.worker.terminate();
      }),
    );
  }
}
