/**
 * A fixed set of tesseract.js workers: one page per worker at a time, a per-page timeout, crash
 * isolation, and one extra small worker for orientation detection (OSD).
 *
 * Why not electron/engine/workers/workerPool.ts: tesseract.js already runs every worker in its own
 * worker_thread. Wrapping it in a second thread would double the V8 isolates (memory) and copy each
 * page image twice, for no gain. What that pool gives — a stuck task ends by terminating its thread,
 * a crash fails only its own task, a fresh worker takes over — is done here on the tesseract
 * threads directly.
 *
 * Two traps in tesseract.js 7 this file handles:
 *  - `worker.terminate()` kills the thread but never settles a job in flight, so the timeout rejects
 *    the page itself;
 *  - a worker thread that dies (wasm abort, OOM) is not reported to the job's promise at all (its
 *    `onerror` property is never called on a Node Worker), so we listen for the thread's 'exit'.
 */
import type { Worker as NodeWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { AppError } from '../../../shared/domain/errors';
import { OCR_LANGUAGES, workerOptions } from './tesseractSetup';

export type TesseractWorker = Tesseract.Worker;
export type WorkerKind = 'recognise' | 'osd';
/** Creates a ready tesseract.js worker. Injectable so tests can reach the real thread behind it. */
export type TesseractWorkerFactory = (kind: WorkerKind, langPath: string) => Promise<TesseractWorker>;

export interface OcrPoolOptions {
  /** Recognition workers; each holds ~170 MB. */
  size: number;
  /** Folder with vie, eng and osd .traineddata.gz (see installTessdata). */
  langPath: string;
  /** A page taking longer than this fails with OCR_TIMEOUT and its worker is replaced. */
  pageTimeoutMs: number;
  createWorker?: TesseractWorkerFactory;
  /** Recognition languages, e.g. 'vie' or 'vie+eng' (default OCR_LANGUAGES). */
  languages?: string;
}

export interface OrientationGuess {
  /** Clockwise degrees that make the page upright. */
  degrees: 0 | 90 | 180 | 270;
  /** Tesseract's orientation confidence (margin over the runner-up); ~7+ is reliable. */
  confidence: number;
}

/** Whole pool (recognition workers + OSD worker + main thread) must stay under 1.5 GB. */
export const POOL_MEMORY_BUDGET_MB = 1536;
const WORKER_MEMORY_ESTIMATE_MB = 190;
const OSD_AND_MAIN_MEMORY_MB = 250;
export const MAX_POOL_SIZE = Math.floor((POOL_MEMORY_BUDGET_MB - OSD_AND_MAIN_MEMORY_MB) / WORKER_MEMORY_ESTIMATE_MB);

const OSD_TIMEOUT_MS = 30_000;

export async function createTesseractWorker(kind: WorkerKind, langPath: string, languages: string = OCR_LANGUAGES): Promise<TesseractWorker> {
  const onError = (): void => undefined; // failures reach us through the job's own rejection
  if (kind === 'osd') {
    // OSD needs the legacy engine; it runs on a downscaled page and takes ~0.3 s.
    const osd = await Tesseract.createWorker('osd', Tesseract.OEM.TESSERACT_ONLY, {
      ...workerOptions(langPath, onError),
      legacyCore: true,
      legacyLang: true,
    });
    // The downscaled copy carries no density; say what it roughly is instead of letting tesseract
    // guess (it prints "Invalid resolution" warnings otherwise).
    await osd.setParameters({ user_defined_dpi: '150', debug_file: '/dev/null' });
    return osd;
  }
  const worker = await Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, workerOptions(langPath, onError));
  // Automatic page segmentation: the two-column Vietnamese header needs block detection.
  // debug_file: tesseract's own chatter ("Detected 157 diacritics") goes nowhere instead of stdout.
  await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, user_defined_dpi: '300', debug_file: '/dev/null' });
  return worker;
}

function threadOf(worker: TesseractWorker): NodeWorker | undefined {
  return (worker as unknown as { worker?: NodeWorker | null }).worker ?? undefined;
}

/** One tesseract worker that is created on demand and replaced whenever a job times out or it dies. */
class Lane {
  private worker: Promise<TesseractWorker> | null = null;
  private closed = false;
  busy = false;

  constructor(
    private readonly kind: WorkerKind,
    private readonly langPath: string,
    private readonly factory: TesseractWorkerFactory,
  ) {}

  async run<T>(job: (worker: TesseractWorker) => Promise<T>, timeoutMs: number): Promise<T> {
    this.busy = true;
    const current = this.ensureWorker();
    // Once the page has settled (timeout, crash), late callbacks of its worker must not touch the
    // lane: by then it may already hold a fresh worker.
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let thread: NodeWorker | undefined;
    let onExit: ((code: number) => void) | undefined;
    try {
      return await new Promise<T>((resolve, reject) => {
        const fail = (error: AppError): void => {
          if (settled) return;
          settled = true;
          this.discard(current);
          reject(error);
        };
        timer = setTimeout(
          () => fail(new AppError('OCR_TIMEOUT', `${this.kind} page exceeded ${timeoutMs} ms`)),
          timeoutMs,
        );
        current
          .then((worker) => {
            if (settled) return undefined as T;
            if (this.closed) throw new AppError('OCR_FAILED', 'OCR pool closed');
            thread = threadOf(worker);
            onExit = (code) => fail(new AppError('OCR_FAILED', `tesseract ${this.kind} worker exited with code ${code}`));
            thread?.once('exit', onExit);
            return job(worker);
          })
          .then(
            (value) => {
              if (settled) return;
              settled = true;
              resolve(value);
            },
            (error: unknown) =>
              fail(error instanceof AppError ? error : new AppError('OCR_FAILED', `tesseract ${this.kind}: ${String(error)}`)),
          );
      });
    } finally {
      if (timer) clearTimeout(timer);
      if (onExit) thread?.off('exit', onExit);
      this.busy = false;
    }
  }

  private ensureWorker(): Promise<TesseractWorker> {
    if (!this.worker) {
      const creating = this.factory(this.kind, this.langPath);
      this.worker = creating;
      // A worker that failed to start is not kept: the next job tries a fresh one.
      creating.catch(() => {
        if (this.worker === creating) this.worker = null;
      });
    }
    return this.worker;
  }

  /** Kills `which` (if it is still this lane's worker, the lane forgets it: the next job starts a
   *  new one). A job that failed inside tesseract (a bad image) also lands here: a fresh worker is
   *  cheap (~0.5 s) next to the risk of reusing one in an unknown state. */
  discard(which: Promise<TesseractWorker>): void {
    if (this.worker === which) this.worker = null;
    void which.then((w) => w.terminate()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const old = this.worker;
    this.worker = null;
    if (old) await old.then((w) => w.terminate()).catch(() => undefined);
  }
}

interface QueuedPage {
  run: (lane: Lane) => Promise<void>;
  reject: (error: Error) => void;
}

export class OcrPool {
  private readonly lanes: Lane[];
  private readonly osdLane: Lane;
  private osdChain: Promise<unknown> = Promise.resolve();
  private readonly queue: QueuedPage[] = [];
  private closed = false;

  constructor(private readonly options: OcrPoolOptions) {
    const size = Math.min(Math.max(1, Math.floor(options.size)), MAX_POOL_SIZE);
    const languages = options.languages ?? OCR_LANGUAGES;
    const factory = options.createWorker ?? ((kind: WorkerKind, langPath: string) => createTesseractWorker(kind, langPath, languages));
    this.lanes = Array.from({ length: size }, () => new Lane('recognise', options.langPath, factory));
    this.osdLane = new Lane('osd', options.langPath, factory);
  }

  get size(): number {
    return this.lanes.length;
  }

  /** Recognises one prepared page image; resolves with tesseract's block tree. */
  recognise(image: Buffer, options: { timeoutMs?: number } = {}): Promise<Tesseract.Block[]> {
    return this.enqueue(
      (worker) => worker.recognize(image, {}, { text: false, blocks: true }).then((r) => r.data.blocks ?? []),
      options.timeoutMs ?? this.options.pageTimeoutMs,
    );
  }

  /** Guesses page orientation on a (downscaled) page image. One OSD worker serves the whole pool:
   *  it is ~15× faster than recognition, so it never becomes the bottleneck. */
  detectOrientation(image: Buffer): Promise<OrientationGuess> {
    if (this.closed) return Promise.reject(new AppError('OCR_FAILED', 'OCR pool is closed'));
    const job = this.osdChain.then(() =>
      this.osdLane.run(async (worker) => {
        const { data } = await worker.detect(image);
        const degrees = data.orientation_degrees;
        return {
          degrees: degrees === 90 || degrees === 180 || degrees === 270 ? degrees : 0,
          confidence: data.orientation_confidence ?? 0,
        } satisfies OrientationGuess;
      }, OSD_TIMEOUT_MS),
    );
    this.osdChain = job.catch(() => undefined);
    return job;
  }

  private enqueue<T>(job: (worker: TesseractWorker) => Promise<T>, timeoutMs: number): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('OCR_FAILED', 'OCR pool is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        run: (lane) => lane.run(job, timeoutMs).then(resolve, reject),
        reject,
      });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const lane = this.lanes.find((l) => !l.busy);
      if (!lane) return;
      const page = this.queue.shift()!;
      lane.busy = true; // claimed now; run() keeps it busy until the page settles
      void page.run(lane).finally(() => this.dispatch());
    }
  }

  /** Fails queued pages and terminates every worker thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const page of this.queue.splice(0)) page.reject(new AppError('OCR_FAILED', 'OCR pool closed'));
    // Pages in flight are failed by their thread's 'exit' when the worker is terminated.
    await Promise.all([...this.lanes, this.osdLane].map((lane) => lane.close()));
  }
}
