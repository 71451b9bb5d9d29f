/**
 * The pipeline: import → OCR of pages without text → header + suggestion → the review queue.
 * Each step is a job kind run by the one job runner; each step queues the next one in the
 * transaction that stores its own result (follow-ups), so nothing is lost between steps and a
 * restart carries on where the archive says. The settings the engine honours (automatic OCR,
 * OCR languages and workers) are read when they matter, so a change applies live.
 */
import path from 'node:path';
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import type { DataPaths } from '../archive/dataDir';
import { JobRunner } from '../jobs/jobRunner';
import { JobStore } from '../jobs/jobStore';
import type { Logger } from '../logger';
import { WorkerPool } from '../workers/workerPool';
import type { ImportLimits } from '../importing/types';
import type { FileReader } from '../importing/importer';
import { importJobKind } from '../importing/importJob';
import { createOcrEngine } from '../ocr/index';
import type { PdfRasteriser } from '../pdf/index';
import type { AccessModel } from '../understanding/model/types';
import { ocrJobKind, queueDocumentOcr, queueOcr } from '../ocr/ocrJob';
import { OcrService } from '../ocr/ocrService';
import type { ImportResult } from '../../../shared/contract/schemas';
import { defaultPipelineSettings, readPipelineSettings, tesseractLanguages, writePipelineSettings, type PipelineSettings } from './settings';
import { documentsToUnderstand, queueUnderstanding, UNDERSTAND_JOB_KIND, understandJobKind } from './understandKind';
import type { UnderstandOutcome, UnderstandTask } from './understandTypes';

export interface PipelineOptions {
  db: Db;
  store: FileStore;
  paths: DataPaths;
  log: Logger;
  limits: ImportLimits;
  /** Reads imported files (images in worker threads, PDFs in the PDF child process). */
  reader: FileReader;
  /** How many files are read at once (twice the readers, so one is loaded while one is read). */
  readers: number;
  /** Rasterises PDF pages for OCR (the PDF child process). */
  raster: () => PdfRasteriser;
  /** The agency's access model the suggestions use (null: rules only). */
  model: () => AccessModel | null;
  /** Settings this process uses instead of the stored ones (the CLI's `--workers`). */
  overrides?: Partial<PipelineSettings>;
  resourcesDir?: string;
  understandWorkerScript?: URL;
  nativeBinding?: string;
}

export class Pipeline {
  readonly jobs: JobStore;
  readonly runner: JobRunner;
  readonly ocr: OcrService;
  private understandPool: WorkerPool<UnderstandTask, UnderstandOutcome[]> | null = null;
  private cached: { at: number; value: PipelineSettings } | null = null;
  /** When the app was last used, and a search last typed (the host says so on every call);
   *  background steps on this thread give way. */
  lastInteraction = { any: 0, typing: 0 };

  constructor(private readonly o: PipelineOptions) {
    const { db } = o;
    this.jobs = new JobStore(db);
    this.runner = new JobRunner(this.jobs, o.log);
    this.ocr = new OcrService(
      (config) =>
        createOcrEngine({
          tessdataDir: path.join(o.paths.root, 'tessdata'),
          workers: config.workers,
          languages: config.languages,
          ...(o.resourcesDir ? { resourcesDir: o.resourcesDir } : {}),
        }),
      () => {
        const s = this.settings();
        return { workers: s.ocrWorkers, languages: tesseractLanguages(s.ocrLanguages) };
      },
    );
    this.runner.register(
      importJobKind({
        ctx: { db, store: o.store, pool: o.reader, limits: o.limits, log: o.log },
        concurrency: () => o.readers * 2,
        afterImport: (id, jobId, actor) => this.afterImport(id, jobId, actor),
      }),
    );
    this.runner.register(
      ocrJobKind({
        db,
        store: o.store,
        log: o.log,
        useOcr: (fn) => this.ocr.use(fn),
        raster: o.raster,
        // One page more than there are workers: it is read or rasterised while the others recognise.
        concurrency: () => this.settings().ocrWorkers + 1,
        afterTextReady: (id, actor) => this.queueUnderstanding([id], actor),
      }),
    );
    this.runner.register(
      understandJobKind({
        db,
        pool: () => this.understanding(),
        model: o.model,
        ocrRunning: () => this.runner.runningKind('ocr'),
        lastInteraction: () => this.lastInteraction,
      }),
    );
  }

  /** The settings in force: the archive's, with this process's overrides. Re-read at most once a
   *  second, so a change made by another process (the CLI, the app) applies soon after. */
  settings(): PipelineSettings {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > 1000) this.cached = { at: now, value: readPipelineSettings(this.o.db) };
    return { ...this.cached.value, ...this.o.overrides };
  }

  /** Stores a change; turning automatic OCR on queues the pages still waiting for it. */
  updateSettings(patch: Partial<PipelineSettings>, actor: string): PipelineSettings {
    const changed = writePipelineSettings(this.o.db, patch);
    this.cached = null;
    const next = this.settings();
    if (changed.includes('autoOcr') && next.autoOcr) {
      if (queueOcr(this.o.db, this.jobs, 'all', { force: false, actor }) !== null) this.runner.kick();
    }
    return next;
  }

  /** Settings this process uses instead of the stored ones from now on (not stored). */
  override(patch: Partial<PipelineSettings>): void {
    this.o.overrides = { ...this.o.overrides, ...patch };
  }

  static defaults(): PipelineSettings {
    return defaultPipelineSettings();
  }

  /** After a document is recorded (inside its transaction): OCR for pages without text when
   *  automatic OCR is on, else — every page has text — its header and suggestion. */
  private afterImport(documentId: number, importJobId: number, actor: string): Partial<ImportResult> {
    const status = (this.o.db.prepare('SELECT status FROM documents WHERE id = ?').get(documentId) as { status: string }).status;
    if (status === 'text_ready') {
      this.queueUnderstanding([documentId], actor);
      return {};
    }
    if (!this.settings().autoOcr) return { ocrQueued: false };
    const queued = queueDocumentOcr(this.o.db, this.jobs, documentId, importJobId, actor);
    this.runner.kick();
    return { ocrQueued: queued > 0 };
  }

  queueUnderstanding(ids: readonly number[], actor: string): number {
    const n = queueUnderstanding(this.o.db, this.jobs, ids, actor);
    if (n > 0) this.runner.kick();
    return n;
  }

  /** Resolves once none of the documents waits in an understanding job (runs the job when no
   *  scheduler does). The job itself may stay open for documents an OCR job is still reading. */
  async understood(ids: readonly number[]): Promise<void> {
    const waiting = this.o.db.prepare(
      `SELECT ji.job_id FROM job_items ji JOIN jobs j ON j.id = ji.job_id
        WHERE ji.document_id = ? AND j.kind = '${UNDERSTAND_JOB_KIND}' AND ji.state IN ('queued','running') LIMIT 1`,
    );
    const open = () => ids.map((id) => waiting.get(id) as { job_id: number } | undefined).find(Boolean);
    const first = open();
    if (!first) return;
    void this.runner.run(first.job_id).catch((e: Error) => this.o.log.error(`understanding job ${first.job_id}: ${e.message}`));
    await new Promise<void>((resolve) => {
      const check = () => {
        if (open() && !this.runner.stopping) return;
        clearInterval(timer);
        this.runner.off('progress', check);
        resolve();
      };
      const timer = setInterval(check, 250);
      this.runner.on('progress', check);
    });
  }

  /** Runs every job as it is queued, and queues what an older archive never understood (in
   *  slices, so a first start on 100 000 documents does not hold the event loop). */
  start(actor: string): void {
    this.runner.start();
    const waiting = documentsToUnderstand(this.o.db);
    const slice = async () => {
      for (let i = 0; i < waiting.length && !this.runner.stopping; i += 2000) {
        this.o.db.transaction(() => this.queueUnderstanding(waiting.slice(i, i + 2000), actor)).immediate();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    slice().catch((e: Error) => this.o.log.error(`queueing documents to understand failed: ${e.message}`));
  }

  private understanding(): WorkerPool<UnderstandTask, UnderstandOutcome[]> {
    this.understandPool ??= new WorkerPool<UnderstandTask, UnderstandOutcome[]>({
      script: this.o.understandWorkerScript ?? new URL('./understandWorker.ts', import.meta.url),
      size: 1,
      taskTimeoutMs: 600_000,
      workerData: { dbFile: this.o.paths.database, ...(this.o.nativeBinding ? { nativeBinding: this.o.nativeBinding } : {}) },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      name: 'minhbach-understand',
    });
    return this.understandPool;
  }

  /** Stops the runner (unfinished items stay queued, leases released) and every worker. */
  async close(): Promise<void> {
    // OCR first: pages in flight are cut short and stay queued in their job for a resume.
    await this.runner.stop(() => this.ocr.close());
    await this.understandPool?.close();
  }
}
