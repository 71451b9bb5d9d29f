/**
 * The Minh Bạch engine: everything the CLI, the desktop app, the browser preview and the tests
 * call. It never imports `electron`.
 *
 *   const engine = await createEngine({ dataDir });
 *   await engine.importPaths(['scans/']);
 *   engine.search('tiep can thong tin');
 *   await engine.close();
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from './archive/database';
import { dataPaths, resolveDataDir, type DataPaths } from './archive/dataDir';
import { FileStore } from './archive/fileStore';
import {
  countDocuments,
  getDocumentDetail,
  listDocuments,
  writeHeaderFields,
  type ListOptions,
} from './archive/documentsRepo';
import { appendAudit, verifyAudit } from './audit/auditLog';
import { searchDocuments, type SearchOptions, type SearchHit } from './search/search';
import { WorkerPool } from './workers/workerPool';
import { JobStore } from './jobs/jobStore';
import { createLogger, type Logger } from './logger';
import type { AnalyseTask } from './importing/analyseWorker';
import { DEFAULT_IMPORT_LIMITS, type FileAnalysis, type ImportLimits } from './importing/types';
import { queueImport, queueNamedImport, runImportJob, type ImportProgress } from './importing/importJob';
import type { ImportContext } from './importing/importer';
import { verifyStore, type VerifyReport } from './integrity/verify';
import { backupArchive, type BackupReport } from './integrity/backup';
import { summariesByIds } from './archive/documentSummaries';
import { PageImages, type PageImageBytes } from './viewing/pageImage';
import { listJobViews, requeueJob, type JobView } from './jobs/jobViews';
import { createOcrEngine, type OcrEngine, type RasterisedPage } from './ocr/index';
import type { PdfRasterTask } from './ocr/pdfRasterWorker';
import {
  OCR_JOB_KIND,
  ocrReport,
  queueOcr,
  runOcrJob,
  type OcrDocumentReport,
  type OcrJobContext,
  type OcrProgress,
  type OcrTarget,
} from './ocr/ocrJob';
import { buildDocumentPdf } from './ocr/documentPdf';
import { AppError } from '../../shared/domain/errors';
import { extractDocument, suggestDocument, type ExtractResult, type SuggestResult } from './understanding/index';
import {
  approveSuggestions,
  bulkApprovalPlan,
  recordDecision,
  type BulkApprovalFilter,
  type BulkApprovalItem,
  type DecisionInput,
  type DecisionRow,
} from './review/decisions';
import { listAudit } from './audit/auditLog';
import { documentEvidence, reviewQueue, type EvidenceFinding, type ReviewQueueFilter, type ReviewQueueItem } from './review/queue';
import { exportCatalogue, type ExportOptions, type ExportSummary } from './catalogue/exportCatalogue';
import { documentRefs, planExport, undecidedDocuments, type DocumentRef } from './catalogue/exportPlan';
import type { ExportPlan } from './catalogue/types';
import {
  readAgencySettings,
  setAgencyForm,
  setDisclosureEnd,
  writeAgencySettings,
  type AgencyPatch,
  type AgencySettings,
  type FormCode,
} from './catalogue/agencySettings';
import type { DocumentDetail, DocumentSummary, ImportResult } from '../../shared/contract/schemas';
import type { Header } from '../../shared/domain/header';
import { ScanService } from './scanning/scanService';
import { driverFor } from './scanning/drivers';
import { processScannedDocuments } from './scanning/afterImport';
import type { ScannerDriver } from './scanning/types';
import type { AnalyseReply, DetectReply, PageTask, StraightenReply } from './scanning/pages/pageWorker';

export interface EngineOptions {
  /** Data folder; default from MINHBACH_DATA_DIR or the per-user application-data folder. */
  dataDir?: string;
  /** Worker threads for reading files; default: one per core, at most 4. */
  workers?: number;
  limits?: Partial<ImportLimits>;
  /** Who the actions are recorded for in the audit trail. */
  actor?: string;
  logger?: Logger;
  /** Worker entry for file analysis (the Electron build passes its bundled script). */
  analyseWorkerScript?: URL;
  /** better-sqlite3 native module built for the host (Electron). */
  nativeBinding?: string;
  /** Worker entry for rendering PDF pages for the viewer (the Electron build passes its bundled script). */
  pdfPageWorkerScript?: URL;
  /** OCR recognition workers (~190 MB each); default: one per core. A call to `ocr` may override it. */
  ocrWorkers?: number;
  /** Worker entry that rasterises PDF pages for OCR (the Electron build passes its bundled script). */
  ocrRasterWorkerScript?: URL;
  /** The app's resources folder (OCR models, fonts); defaults to the repository's resources/. */
  resourcesDir?: string;
  /** Worker entry for scanned/photographed pages (the Electron build passes its bundled script). */
  scanPageWorkerScript?: URL;
  /** Scanner driver; default WIA on Windows, SANE elsewhere. */
  scannerDriver?: ScannerDriver;
}

export interface OcrRunOptions {
  /** Re-OCR every page of the documents, text-layer and already OCR'd pages included. */
  force?: boolean;
  /** Recognition workers for this run (restarts the idle OCR pool when it differs). */
  workers?: number;
  onProgress?: (progress: OcrProgress) => void;
}

export interface OcrRunResult {
  /** The OCR jobs that ran: unfinished ones resumed first, then the new one (if any page needed OCR). */
  jobIds: number[];
  documents: OcrDocumentReport[];
}

export interface EngineEvents {
  'import:progress': [ImportProgress];
  'ocr:progress': [OcrProgress];
}

export class Engine extends EventEmitter<EngineEvents> {
  readonly paths: DataPaths;
  readonly store: FileStore;
  readonly jobs: JobStore;
  readonly limits: ImportLimits;
  readonly log: Logger;
  private readonly analysePool: WorkerPool<AnalyseTask, FileAnalysis>;
  private readonly pageImages: PageImages;
  private closed = false;
  private ocrEngine: Promise<OcrEngine> | null = null;
  private ocrEngineWorkers = 0;
  private rasterPool: WorkerPool<PdfRasterTask, RasterisedPage> | null = null;
  /** OCR jobs running in this process (so a resume never runs one twice), with their promises. */
  private readonly ocrRuns = new Map<number, Promise<number[]>>();
  private scanService: ScanService | null = null;
  private scanPagePool: WorkerPool<PageTask, AnalyseReply | DetectReply | StraightenReply> | null = null;

  constructor(
    readonly db: Db,
    paths: DataPaths,
    private readonly options: EngineOptions,
  ) {
    super();
    this.paths = paths;
    this.store = new FileStore(paths.store);
    this.jobs = new JobStore(db);
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
    this.log = options.logger ?? createLogger({ folder: paths.logs });
    const workers = options.workers ?? Math.min(4, Math.max(1, os.availableParallelism()));
    this.analysePool = new WorkerPool<AnalyseTask, FileAnalysis>({
      script: options.analyseWorkerScript ?? new URL('./importing/analyseWorker.ts', import.meta.url),
      size: workers,
      taskTimeoutMs: this.limits.analyseTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      name: 'minhbach-analyse',
    });
    this.pageImages = new PageImages(db, this.store, {
      maxPixels: this.limits.maxPixels,
      cacheDir: path.join(paths.root, 'cache', 'pages'),
      ...(options.pdfPageWorkerScript ? { pdfWorkerScript: options.pdfPageWorkerScript } : {}),
    });
  }

  /** How many threads read imported files. */
  get analyseWorkers(): number {
    return this.analysePool.size;
  }

  get actor(): string {
    return this.options.actor ?? os.userInfo().username ?? 'minhbach';
  }

  private importContext(): ImportContext {
    return { db: this.db, store: this.store, pool: this.analysePool, jobs: this.jobs, limits: this.limits, log: this.log };
  }

  /** Imports files and folders (recursively) as one durable job. */
  async importPaths(paths: string[], onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    const ctx = this.importContext();
    const jobId = await queueImport(ctx, paths, this.actor);
    return this.runImport(jobId, onProgress);
  }

  /** Imports files whose names are given separately from where the bytes are (uploads). */
  async importNamedFiles(files: { path: string; fileName: string }[], onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    const jobId = queueNamedImport(this.importContext(), files, this.actor);
    return this.runImport(jobId, onProgress);
  }

  private runImport(jobId: number, onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    return runImportJob(this.importContext(), jobId, {
      actor: this.actor,
      concurrency: this.analysePool.size * 2,
      onProgress: (p) => {
        onProgress?.(p);
        this.emit('import:progress', p);
      },
    });
  }

  /** Finishes import jobs a crash or restart left unfinished. */
  async resumeImports(onProgress?: (p: ImportProgress) => void): Promise<number> {
    const unfinished = this.jobs.unfinished('import');
    for (const job of unfinished) await this.runImport(job.id, onProgress);
    return unfinished.length;
  }

  list(options: ListOptions = {}): DocumentSummary[] {
    return listDocuments(this.db, options);
  }

  count(options: ListOptions = {}): number {
    return countDocuments(this.db, options);
  }

  get(id: number): DocumentDetail {
    const detail = getDocumentDetail(this.db, id);
    if (!detail) throw new AppError('NOT_FOUND', `document ${id}`);
    return detail;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return searchDocuments(this.db, query, options);
  }

  /** Summaries for the given ids, in that order (search hits → library rows). */
  summaries(ids: readonly number[]): DocumentSummary[] {
    return summariesByIds(this.db, ids);
  }

  /** A page image for the viewer, or null when the page has none yet (PDF before OCR). */
  pageImage(id: number, page: number, size = 1600): Promise<PageImageBytes | null> {
    return this.pageImages.render(id, page, size);
  }

  /** OCR recognition workers used when a call does not say: the setting, else one per core. */
  get ocrWorkers(): number {
    return Math.max(1, this.options.ocrWorkers ?? os.availableParallelism());
  }

  private ocrContext(workers?: number): OcrJobContext {
    return {
      db: this.db,
      store: this.store,
      jobs: this.jobs,
      log: this.log,
      ocr: () => this.ocrEngineFor(workers ?? this.ocrWorkers),
      raster: () => this.rasteriser(),
      stopping: () => this.closed,
    };
  }

  /** The OCR engine, started on first use; restarted when asked for another worker count while idle. */
  private async ocrEngineFor(workers: number): Promise<OcrEngine> {
    if (this.closed) throw new AppError('OCR_FAILED', 'engine is closing');
    if (this.ocrEngine && this.ocrEngineWorkers !== workers && this.ocrRuns.size <= 1) {
      const old = this.ocrEngine;
      this.ocrEngine = null;
      await old.then((e) => e.close()).catch(() => undefined);
    }
    if (!this.ocrEngine) {
      this.ocrEngineWorkers = workers;
      const starting = createOcrEngine({
        tessdataDir: path.join(this.paths.root, 'tessdata'),
        workers,
        ...(this.options.resourcesDir ? { resourcesDir: this.options.resourcesDir } : {}),
      });
      this.ocrEngine = starting;
      starting.catch(() => {
        if (this.ocrEngine === starting) this.ocrEngine = null;
      });
    }
    return this.ocrEngine;
  }

  private rasteriser(): WorkerPool<PdfRasterTask, RasterisedPage> {
    this.rasterPool ??= new WorkerPool<PdfRasterTask, RasterisedPage>({
      script: this.options.ocrRasterWorkerScript ?? new URL('./ocr/pdfRasterWorker.ts', import.meta.url),
      size: 1,
      taskTimeoutMs: 120_000,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      name: 'minhbach-ocr-raster',
    });
    return this.rasterPool;
  }

  private runOcr(jobId: number, workers: number | undefined, onProgress?: (p: OcrProgress) => void): Promise<number[]> {
    const running = this.ocrRuns.get(jobId);
    if (running) return running;
    // One page more than there are workers: it is read or rasterised while the others recognise.
    const run = runOcrJob(this.ocrContext(workers), jobId, {
      concurrency: (workers ?? this.ocrWorkers) + 1,
      onProgress: (p) => {
        onProgress?.(p);
        this.emit('ocr:progress', p);
      },
    }).finally(() => this.ocrRuns.delete(jobId));
    this.ocrRuns.set(jobId, run);
    return run;
  }

  /**
   * OCRs the pages that need it (pending or failed; every page with `force`) of the given
   * documents or of all documents, as a durable job. Unfinished OCR jobs are resumed first.
   */
  async ocr(target: OcrTarget, options: OcrRunOptions = {}): Promise<OcrRunResult> {
    const resumed = await this.resumeOcr(options);
    const jobId = queueOcr(this.ocrContext(options.workers), target, { force: Boolean(options.force), actor: this.actor });
    const documents = new Set<number>(target === 'all' ? [] : target);
    for (const id of resumed.documents) documents.add(id.id);
    if (jobId !== null) for (const id of await this.runOcr(jobId, options.workers, options.onProgress)) documents.add(id);
    return {
      jobIds: [...resumed.jobIds, ...(jobId !== null ? [jobId] : [])],
      documents: ocrReport(this.db, [...documents].sort((a, b) => a - b)),
    };
  }

  /** Finishes OCR jobs a crash or restart left unfinished (finished pages are not redone). */
  async resumeOcr(options: Omit<OcrRunOptions, 'force'> = {}): Promise<OcrRunResult> {
    const jobIds = this.jobs
      .unfinished(OCR_JOB_KIND)
      .map((j) => j.id)
      .filter((id) => !this.ocrRuns.has(id));
    const documents = new Set<number>();
    for (const id of jobIds) for (const doc of await this.runOcr(id, options.workers, options.onProgress)) documents.add(doc);
    return { jobIds, documents: ocrReport(this.db, [...documents].sort((a, b) => a - b)) };
  }

  /** The searchable PDF of a document: page images with an invisible text layer. */
  searchablePdf(id: number): Promise<Uint8Array> {
    return buildDocumentPdf(this.db, this.store, id);
  }

  listJobs(limit = 50): JobView[] {
    return listJobViews(this.db, this.jobs, limit);
  }

  /** Asks a queued or running job to stop after the items in flight. */
  cancelJob(id: number): boolean {
    return this.jobs.requestCancel(id);
  }

  /** Re-runs a finished job's failed and cancelled items in the background; returns how many. */
  retryJob(id: number): number {
    const requeued = requeueJob(this.db, this.jobs, id);
    if (requeued > 0 && this.jobs.get(id)?.kind === 'import') {
      this.runImport(id).catch((e: Error) => this.log.error(`retry of job ${id} failed: ${e.message}`));
    }
    if (requeued > 0 && this.jobs.get(id)?.kind === OCR_JOB_KIND) {
      this.runOcr(id, undefined).catch((e: Error) => this.log.error(`retry of job ${id} failed: ${e.message}`));
    }
    return requeued;
  }

  /** A person's correction of header fields, audited. */
  correctHeader(id: number, fields: Header, reviewer: string): DocumentDetail {
    this.get(id);
    this.db.transaction(() => {
      writeHeaderFields(this.db, id, fields, { correctedBy: reviewer });
      appendAudit(this.db, { actor: reviewer, action: 'header.corrected', documentId: id, payload: { fields } });
    }).immediate();
    return this.get(id);
  }

  /** Ids of every document, or the given ones (checked). */
  private targetIds(target: number[] | 'all'): number[] {
    if (target === 'all') return (this.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    for (const id of target) this.get(id);
    return target;
  }

  /** Reads header fields and evidence (stamps, personal data, markers) from page text. */
  extract(target: number[] | 'all', actor = this.actor): (ExtractResult | { id: number; error: { code: string; message: string } })[] {
    return this.targetIds(target).map((id) => {
      try {
        return extractDocument(this.db, id, actor);
      } catch (e) {
        if (e instanceof AppError && e.code === 'TEXT_NOT_READY') return { id, error: e.toUser() };
        throw e;
      }
    });
  }

  /** Proposes an access class with reasons (secret > conditional > public; else needs review). */
  suggest(target: number[] | 'all', actor = this.actor): (SuggestResult | { id: number; error: { code: string; message: string } })[] {
    return this.targetIds(target).map((id) => {
      try {
        return suggestDocument(this.db, id, actor);
      } catch (e) {
        if (e instanceof AppError && e.code === 'TEXT_NOT_READY') return { id, error: e.toUser() };
        throw e;
      }
    });
  }

  /** A person's access decision (audited; changing an approved one needs a note). */
  decide(input: DecisionInput): DecisionRow {
    return recordDecision(this.db, input);
  }

  /** What bulk approval of suggestions would change (dry run). */
  planApproval(filter: BulkApprovalFilter): BulkApprovalItem[] {
    return bulkApprovalPlan(this.db, filter);
  }

  approveSuggestions(filter: BulkApprovalFilter, reviewer: string): BulkApprovalItem[] {
    return approveSuggestions(this.db, filter, reviewer);
  }

  auditLog(documentId?: number) {
    return listAudit(this.db, documentId);
  }

  /** The review queue: documents with their suggestion and latest decision (review/queue.ts). */
  reviewQueue(filter: ReviewQueueFilter = {}): { items: ReviewQueueItem[]; total: number } {
    return reviewQueue(this.db, filter);
  }

  /** A document's findings with their text offsets and, on OCR'd pages, word boxes. */
  evidence(id: number): EvidenceFinding[] {
    this.get(id);
    return documentEvidence(this.db, id);
  }

  /** What an export would publish now (the same single query the export runs). */
  exportPlan(asOf?: string): ExportPlan {
    return planExport(this.db, { asOf: asOf ?? new Date().toISOString().slice(0, 10) });
  }

  /** Documents no export publishes because no decision on them is approved (the first `limit`). */
  exportUndecided(limit = 200): DocumentRef[] {
    return undecidedDocuments(this.db, limit);
  }

  /** Name and number of documents by id (the export screen's held-back list). */
  documentRefs(ids: number[]): Map<number, DocumentRef> {
    return documentRefs(this.db, ids);
  }

  /** Writes the disclosure catalogue site and data files (incremental; see catalogue/README.md). */
  exportCatalogue(options: ExportOptions): Promise<ExportSummary> {
    return exportCatalogue(
      { db: this.db, store: this.store, searchablePdf: (id) => this.searchablePdf(id) },
      { actor: this.actor, ...options },
    );
  }

  agencySettings(): AgencySettings {
    return readAgencySettings(this.db);
  }

  updateAgencySettings(patch: AgencyPatch): AgencySettings {
    return writeAgencySettings(this.db, patch);
  }

  /** Stores a request form (Decree 13 forms 01a–06) supplied by the agency; null removes it. */
  setAgencyForm(code: FormCode, file: string | null): Promise<AgencySettings> {
    return setAgencyForm(this.db, this.store, code, file);
  }

  /** Last day a public document stays in the current list (yyyy-mm-dd); null = the default period. */
  setDisclosureEnd(id: number, until: string | null): void {
    this.get(id);
    setDisclosureEnd(this.db, id, until);
  }

  verify(): Promise<VerifyReport> {
    return verifyStore(this.db, this.store);
  }

  verifyAudit() {
    return verifyAudit(this.db);
  }

  backup(target: string): Promise<BackupReport> {
    return backupArchive(this.db, this.paths.root, target);
  }

  /** Scanners, scan batches and camera capture (scanning/README.md). */
  get scanning(): ScanService {
    this.scanService ??= new ScanService({
      root: path.join(this.paths.root, 'scans'),
      driver: this.options.scannerDriver ?? driverFor(),
      pool: () =>
        (this.scanPagePool ??= new WorkerPool<PageTask, AnalyseReply | DetectReply | StraightenReply>({
          script: this.options.scanPageWorkerScript ?? new URL('./scanning/pages/pageWorker.ts', import.meta.url),
          size: 1,
          taskTimeoutMs: 120_000,
          resourceLimits: { maxOldGenerationSizeMb: 1024 },
          name: 'minhbach-scan-pages',
        })),
      importNamedFiles: (files) => this.importNamedFiles(files),
      afterImport: (ids) => processScannedDocuments(this, ids),
      log: this.log,
    });
    return this.scanService;
  }

  /** Stops the workers and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Running scans stop first; the pages they scanned stay in their batches.
    await this.scanService?.close();
    this.closed = true;
    await this.scanPagePool?.close();
    // OCR first: pages in flight are cut short and stay queued in their job for a resume.
    const ocr = this.ocrEngine;
    this.ocrEngine = null;
    await ocr?.then((e) => e.close()).catch(() => undefined);
    await this.rasterPool?.close();
    await Promise.allSettled([...this.ocrRuns.values()]);
    await this.analysePool.close();
    await this.pageImages.close();
    this.db.close();
  }
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const root = resolveDataDir(options.dataDir);
  const paths = dataPaths(root);
  mkdirSync(paths.store, { recursive: true });
  const db = openDatabase(paths.database, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  return new Engine(db, paths, options);
}

export { resolveDataDir } from './archive/dataDir';
export { restoreArchive } from './integrity/backup';
