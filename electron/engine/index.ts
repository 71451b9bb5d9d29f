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
import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from './archive/database';
import { openArchive, SYNC_CHECK_BYTES, type ArchiveHealth } from './archive/openArchive';
import type { QuickCheckTask } from './integrity/quickCheckWorker';
import { ensurePrivate } from './archive/privacy';
import { cleanDebris } from './archive/debris';
import { dataPaths, resolveDataDir, type DataPaths } from './archive/dataDir';
import { FileStore } from './archive/fileStore';
import {
  countDocuments,
  getDocumentDetail,
  listDocuments,
  readHeader,
  writeHeaderFields,
  type ListOptions,
} from './archive/documentsRepo';
import { appendAudit, verifyAudit } from './audit/auditLog';
import { searchDocuments, type SearchOptions, type SearchHit } from './search/search';
import { WorkerPool } from './workers/workerPool';
import type { JobStore } from './jobs/jobStore';
import { createLogger, type Logger } from './logger';
import type { AnalyseTask } from './importing/analyseWorker';
import { DEFAULT_IMPORT_LIMITS, type FileAnalysis, type ImportLimits } from './importing/types';
import { IMPORT_JOB_KIND, importResults, queueImport, queueNamedImport } from './importing/importJob';
import type { FileReader } from './importing/importer';
import { verifyArchive, type VerifyOptions, type VerifyReport } from './integrity/verify';
import { backupArchive, type BackupReport } from './integrity/backup';
import { summariesByIds } from './archive/documentSummaries';
import { PageImages, type PageImageBytes } from './viewing/pageImage';
import { listJobViews, type JobView } from './jobs/jobViews';
import type { RunnerProgress } from './jobs/jobRunner';
import { buildSearchablePdf } from './ocr/index';
import { isEncryptedPdfError } from './catalogue/publishedPdf';
import { readFile } from 'node:fs/promises';
import { PdfService, type PdfChildLauncher, type PdfRasteriser } from './pdf/index';
import { sniffType } from './importing/sniff';
import { OCR_JOB_KIND, ocrReport, queueOcr, type OcrDocumentReport, type OcrTarget } from './ocr/ocrJob';
import { buildDocumentPdf } from './ocr/documentPdf';
import { AppError, ERROR_MESSAGES } from '../../shared/domain/errors';
import { namedOperation } from './faults/classify';
import { extractDocument, suggestDocument, type ExtractResult, type SuggestResult } from './understanding/index';
import {
  approveSuggestions,
  bulkApprovalPlan,
  recordDecision,
  type BulkApprovalFilter,
  type BulkApprovalItem,
  type ConfirmedApprovalItem,
  type DecisionInput,
  type DecisionRow,
} from './review/decisions';
import { listAudit } from './audit/auditLog';
import { undoLastDecision, type UndoneDecision } from './review/undo';
import { decideGroup, similarDocuments, type GroupDecisionInput, type SimilarDocument } from './review/group';
import { nextNeedingReview, reviewCounts, type ReviewCounts } from './review/progress';
import { documentEvidence, reviewQueue, type EvidenceFinding, type ReviewQueueFilter, type ReviewQueueItem } from './review/queue';
import { confirmHeaderFields } from './review/headerCheck';
import { exportCatalogue, type ExportOptions, type ExportSummary } from './catalogue/exportCatalogue';
import { documentRefs, planExport, undecidedDocuments, type DocumentRef } from './catalogue/exportPlan';
import type { ExportPlan } from './catalogue/types';
import { publishedTitleView, type PublishedTitleView } from './catalogue/publishedTitles';
import {
  readAgencySettings,
  setAgencyForm,
  setDisclosureEnd,
  writeAgencySettings,
  type AgencyPatch,
  type AgencySettings,
  type FormCode,
} from './catalogue/agencySettings';
import { Pipeline } from './pipeline/pipeline';
import { toImportProgress, toJobProgress, toOcrProgress, type ImportProgress, type OcrProgress } from './pipeline/progress';
import type { PipelineSettings } from './pipeline/settings';
import type { DocumentDetail, DocumentSummary, ImportResult } from '../../shared/contract/schemas';
import { legalData } from './understanding/rules/legalData';
import { ModelService, type ModelExport } from './understanding/model/modelService';
import type { ModelStatus } from './understanding/model/modelStore';
import { RequestsService } from './requests/index';
import { ScanService } from './scanning/scanService';
import { driverFor } from './scanning/drivers';
import type { ScannerDriver } from './scanning/types';
import type { AnalyseReply, DetectReply, PageTask, StraightenReply } from './scanning/pages/pageWorker';
import type { JobProgress } from '../../shared/contract/jobs';
import type { Header, HeaderKey } from '../../shared/domain/header';

export type { ImportProgress, OcrProgress } from './pipeline/progress';
import { RedactionService, hasActiveRegions, publicationForm, redactionState } from './redaction/index';

export interface EngineOptions {
  /** Data folder; default from MINHBACH_DATA_DIR or the per-user application-data folder. */
  dataDir?: string;
  /** Worker threads for reading files; default: one per core, at most 4. */
  workers?: number;
  limits?: Partial<ImportLimits>;
  /** Who the actions are recorded for in the audit trail; a function is asked each time (the app:
   *  the reviewer name from Settings, which the first-start dialog sets while the app runs). */
  actor?: string | (() => string);
  logger?: Logger;
  /** Worker entry for file analysis (the Electron build passes its bundled script). */
  analyseWorkerScript?: URL;
  /** better-sqlite3 native module built for the host (Electron). */
  nativeBinding?: string;
  /** Entry of the PDF child process (engine/pdf/pdfChild; the Electron build passes its bundled script). */
  pdfChildScript?: URL;
  /** Starts the PDF child process (Electron main passes one built on utilityProcess). */
  pdfLauncher?: PdfChildLauncher;
  /** OCR recognition workers (~190 MB each); default: one per core. A call to `ocr` may override it. */
  ocrWorkers?: number;
  /** Worker entry that reads headers off the main thread (the Electron build passes its bundled script). */
  understandWorkerScript?: URL;
  /** The app's resources folder (OCR models, fonts); defaults to the repository's resources/. */
  resourcesDir?: string;
  /** Worker entry that retrains the access model (the Electron build passes its bundled script). */
  modelWorkerScript?: URL;
  /** Retrain the access model in the background shortly after decisions (the app and the
   *  preview); the CLI brings it up to date before it suggests instead. */
  learnAfterDecisions?: boolean;
  /** 'quick': PRAGMA quick_check when opening (the app does; a damaged file opens in damaged mode);
   *  on a database larger than `syncCheckBytes` it runs in a worker thread after the start. */
  startupCheck?: 'quick' | 'none';
  syncCheckBytes?: number;
  /** Worker entry for the background quick_check (the Electron build passes its bundled script). */
  quickCheckWorkerScript?: URL;
  /** Worker entry for scanned/photographed pages (the Electron build passes its bundled script). */
  scanPageWorkerScript?: URL;
  /** Scanner driver; default WIA on Windows, SANE elsewhere. */
  scannerDriver?: ScannerDriver;
}

export interface OcrRunOptions {
  /** Re-OCR every page of the documents, text-layer and already OCR'd pages included. */
  force?: boolean;
  /** Recognition workers from now on in this process (the stored setting is not changed). */
  workers?: number;
  onProgress?: (progress: OcrProgress) => void;
}

export interface OcrRunResult {
  /** The OCR jobs that ran: unfinished ones resumed first, then the new one (if any page needed OCR). */
  jobIds: number[];
  documents: OcrDocumentReport[];
}

export interface EngineEvents {
  /** Every job's progress in the contract's shape (the hosts forward it to the UI). */
  'job:progress': [JobProgress];
}

type Failed = { id: number; error: { code: string; message: string } };

export class Engine extends EventEmitter<EngineEvents> {
  readonly paths: DataPaths;
  readonly store: FileStore;
  readonly jobs: JobStore;
  readonly limits: ImportLimits;
  readonly log: Logger;
  readonly pipeline: Pipeline;
  private readonly analysePool: WorkerPool<AnalyseTask, FileAnalysis>;
  private readonly pageImages: PageImages;
  private closed = false;
  private pdfService: PdfService | null = null;
  private quickCheckPool: WorkerPool<QuickCheckTask, string[]> | null = null;
  /** Requests for information: register, deadlines, consents, notices, statistics (requests/). */
  readonly requests: RequestsService;
  /** The agency's access model (understanding/model/). */
  readonly accessModel: ModelService;
  /** Partial disclosure: redaction regions and redacted files (redaction/). */
  readonly redaction: RedactionService;

  /** How the archive was opened: anything but `normal` refuses changes and says why. It turns
   *  `damaged` later if the background quick_check finds damage. */
  health: ArchiveHealth;
  private readonly disposeArchive: () => void;
  private scanService: ScanService | null = null;
  private scanPagePool: WorkerPool<PageTask, AnalyseReply | DetectReply | StraightenReply> | null = null;

  constructor(
    readonly db: Db,
    paths: DataPaths,
    private readonly options: EngineOptions,
    opened: { health?: ArchiveHealth; dispose?: () => void } = {},
  ) {
    super();
    this.paths = paths;
    this.health = opened.health ?? { mode: 'normal' };
    this.disposeArchive = opened.dispose ?? (() => undefined);
    this.store = new FileStore(paths.store);
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
    this.accessModel = new ModelService({
      db,
      database: paths.database,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.modelWorkerScript ? { workerScript: options.modelWorkerScript } : {}),
      log: this.log,
      actor: () => this.actor,
      registry: () => legalData().registry,
    });
    this.pageImages = new PageImages(db, this.store, {
      maxPixels: this.limits.maxPixels,
      cacheDir: path.join(paths.root, 'cache', 'pages'),
      pdf: () => this.pdf(),
    });
    this.redaction = new RedactionService({
      db,
      store: this.store,
      pdf: () => this.pdf(),
      useOcr: (fn) => this.pipeline.ocr.use(fn),
      ocrWorkers: () => this.ocrWorkers,
      actor: () => this.actor,
      assertWritable: (operation) => this.assertWritable(operation),
    });
    this.requests = new RequestsService({
      db,
      store: this.store,
      publishedSource: (id) => this.publishedSource(id),
      rasterise: (pdf) => this.rasterisedPdf(pdf),
      actor: () => this.actor,
    });
    this.pipeline = new Pipeline({
      db,
      store: this.store,
      paths,
      log: this.log,
      limits: this.limits,
      reader: this.fileReader(),
      readers: this.analysePool.size,
      raster: () => this.rasteriser(),
      model: () => this.accessModel.model(),
      overrides: options.ocrWorkers ? { ocrWorkers: options.ocrWorkers } : {},
      ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
      ...(options.understandWorkerScript ? { understandWorkerScript: options.understandWorkerScript } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    this.jobs = this.pipeline.jobs;
    this.pipeline.runner.on('progress', (p) => this.emit('job:progress', toJobProgress(p)));
  }

  /** How many threads read imported files. */
  get analyseWorkers(): number {
    return this.analysePool.size;
  }

  get actor(): string {
    const actor = typeof this.options.actor === 'function' ? this.options.actor() : this.options.actor;
    return actor || os.userInfo().username || 'minhbach';
  }

  /** Refuses a change while the archive is read-only or damaged, naming the operation. */
  assertWritable(operation: string): void {
    if (this.health.mode === 'normal') return;
    throw new AppError(this.health.code ?? 'READ_ONLY', `${operation} refused: archive is ${this.health.mode}`, { subject: operation });
  }

  /**
   * quick_check of a large archive in a worker thread after the start (≈ 10 s at 100 000 documents
   * must not block the UI). Damage found switches the engine to `damaged` (changes refused from
   * then on); the app's banner picks it up from app:info. Resolves to the problems found.
   */
  async checkInBackground(): Promise<string[]> {
    const pool = (this.quickCheckPool = new WorkerPool<QuickCheckTask, string[]>({
      script: this.options.quickCheckWorkerScript ?? new URL('./integrity/quickCheckWorker.ts', import.meta.url),
      size: 1,
      taskTimeoutMs: 30 * 60_000,
      name: 'minhbach-quick-check',
    }));
    try {
      const problems = await pool.run({ file: this.paths.database, ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}) });
      if (problems.length > 0 && this.health.mode === 'normal') {
        this.health = { mode: 'damaged', code: 'ARCHIVE_DAMAGED', detail: problems.slice(0, 5).join('; ') };
        this.log.error(`background quick_check found damage; archive now read-only: ${this.health.detail}`);
      }
      return problems;
    } finally {
      await pool.close();
    }
  }

  /** The archive's state for the app's banner and the CLI's warning (Vietnamese message). */
  healthReport(): { mode: ArchiveHealth['mode']; code: string | null; message: string | null } {
    const code = this.health.code ?? null;
    return { mode: this.health.mode, code, message: code ? ERROR_MESSAGES[code].vi : null };
  }

  /** The one PDF reader (engine/pdf): every PDF is opened in its memory-capped child process. */
  pdf(): PdfService {
    this.pdfService ??= new PdfService({
      size: Math.min(2, this.analysePool.size),
      log: this.log,
      ...(this.options.pdfChildScript ? { script: this.options.pdfChildScript } : {}),
      ...(this.options.pdfLauncher ? { launcher: this.options.pdfLauncher } : {}),
    });
    return this.pdfService;
  }

  /** Reads imported files: PDFs in the PDF child process, images in the analysis worker threads. */
  private fileReader(): FileReader {
    return {
      run: async (task, opts) => {
        if (sniffType(task.bytes).kind !== 'pdf') return this.analysePool.run(task, opts);
        const { pages, warnings } = await this.pdf().analyse(task.bytes, task.limits.maxPages, opts?.timeoutMs);
        if (opts?.signal?.aborted) throw new AppError('CANCELLED');
        opts?.onProgress?.(pages.length, pages.length);
        return { mime: 'application/pdf', kind: 'pdf', pages, warnings };
      },
    };
  }

  // ── The pipeline ────────────────────────────────────────────────────────────────────────────

  /** From now on, runs every job as it is queued — and those a crash or another process left —
   *  so an import goes on to OCR and header + suggestion by itself (the app and the preview).
   *  Without it (the CLI) a command runs what it queued, and `resume` the rest. */
  startPipeline(): void {
    if (!this.closed && this.health.mode === 'normal') this.pipeline.start(this.actor);
  }

  /** Resolves when no job this process can run is left (tests, `minhbach run`). */
  idle(): Promise<void> {
    return this.pipeline.runner.idle().then(() => undefined);
  }

  /** Runs every unfinished job to its end (CLI `resume`); returns the ids of the jobs it ran. */
  resume(onProgress?: (p: RunnerProgress) => void): Promise<number[]> {
    if (this.health.mode !== 'normal') return Promise.resolve([]);
    return this.withProgress(onProgress, () => this.pipeline.runner.drain());
  }

  /** Someone is using the app (the host calls this on every call; `typing` for a search typed in
   *  the Library): background steps that share this thread give way. */
  noteInteraction(typing = false): void {
    const now = Date.now();
    this.pipeline.lastInteraction = { any: now, typing: typing ? now : this.pipeline.lastInteraction.typing };
  }

  pipelineSettings(): PipelineSettings {
    return this.pipeline.settings();
  }

  /** Changes what the engine honours (automatic OCR, OCR languages and workers); applies live. */
  updatePipelineSettings(patch: Partial<PipelineSettings>): PipelineSettings {
    this.assertWritable('Lưu cài đặt quy trình');
    return this.pipeline.updateSettings(patch, this.actor);
  }

  /** Every job event of this process in the runner's detail (the CLI's progress lines). */
  onJobEvents(listener: (p: RunnerProgress) => void): () => void {
    this.pipeline.runner.on('progress', listener);
    return () => this.pipeline.runner.off('progress', listener);
  }

  private async withProgress<T>(listener: ((p: RunnerProgress) => void) | undefined, work: () => Promise<T>): Promise<T> {
    if (!listener) return work();
    this.pipeline.runner.on('progress', listener);
    try {
      return await work();
    } finally {
      this.pipeline.runner.off('progress', listener);
    }
  }

  private importListener(jobId: () => number | null, onProgress?: (p: ImportProgress) => void) {
    return onProgress
      ? (p: RunnerProgress) => {
          const mapped = p.jobId === jobId() ? toImportProgress(p) : null;
          if (mapped) onProgress(mapped);
        }
      : undefined;
  }

  /** Imports files and folders (recursively) as one durable job; the pipeline's next steps are
   *  queued as each file is recorded. */
  async importPaths(paths: string[], onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    this.assertWritable('Nhập tệp');
    return namedOperation('Nhập tệp', async () => this.runImport(await queueImport(this.jobs, paths, this.actor), onProgress));
  }

  /** Imports files whose names are given separately from where the bytes are (uploads). */
  importNamedFiles(files: { path: string; fileName: string }[], onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    this.assertWritable('Nhập tệp');
    return namedOperation('Nhập tệp', () => this.runImport(queueNamedImport(this.jobs, files, this.actor), onProgress));
  }

  private async runImport(jobId: number, onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    await this.withProgress(this.importListener(() => jobId, onProgress), () => this.pipeline.runner.run(jobId));
    return importResults(this.jobs, jobId);
  }

  /** Finishes import jobs a crash or restart left unfinished; returns how many. */
  async resumeImports(onProgress?: (p: ImportProgress) => void): Promise<number> {
    if (this.health.mode !== 'normal') return 0;
    const listener = onProgress
      ? (p: RunnerProgress) => {
          const mapped = toImportProgress(p);
          if (mapped) onProgress(mapped);
        }
      : undefined;
    return (await this.withProgress(listener, () => this.pipeline.runner.drain([IMPORT_JOB_KIND]))).length;
  }

  /** OCR recognition workers in force: the setting (or this process's override). */
  get ocrWorkers(): number {
    return this.pipeline.settings().ocrWorkers;
  }

  private ocrListener(onProgress?: (p: OcrProgress) => void) {
    return onProgress
      ? (p: RunnerProgress) => {
          const mapped = toOcrProgress(p);
          if (mapped) onProgress(mapped);
        }
      : undefined;
  }

  /**
   * OCRs the pages that need it (pending or failed; every page with `force`) of the given
   * documents or of all documents, as a durable job. Unfinished OCR jobs are resumed first.
   */
  async ocr(target: OcrTarget, options: OcrRunOptions = {}): Promise<OcrRunResult> {
    this.assertWritable('Nhận dạng chữ (OCR)');
    return namedOperation('Nhận dạng chữ (OCR)', () => this.runOcrTarget(target, options));
  }

  private async runOcrTarget(target: OcrTarget, options: OcrRunOptions): Promise<OcrRunResult> {
    if (options.workers) this.pipeline.override({ ocrWorkers: options.workers });
    const resumed = await this.resumeOcr(options);
    const jobId = queueOcr(this.db, this.jobs, target, { force: Boolean(options.force), actor: this.actor });
    if (jobId !== null) await this.withProgress(this.ocrListener(options.onProgress), () => this.pipeline.runner.run(jobId));
    const jobIds = [...resumed.jobIds, ...(jobId !== null ? [jobId] : [])];
    const documents = new Set<number>(target === 'all' ? [] : target);
    for (const d of resumed.documents) documents.add(d.id);
    if (jobId !== null) for (const d of this.jobDocuments(jobId)) documents.add(d);
    return { jobIds, documents: ocrReport(this.db, [...documents].sort((a, b) => a - b)) };
  }

  /** Finishes OCR jobs a crash or restart left (finished pages are not redone). */
  async resumeOcr(options: Omit<OcrRunOptions, 'force'> = {}): Promise<OcrRunResult> {
    if (this.health.mode !== 'normal') return { jobIds: [], documents: [] };
    if (options.workers) this.pipeline.override({ ocrWorkers: options.workers });
    const jobIds = await this.withProgress(this.ocrListener(options.onProgress), () => this.pipeline.runner.drain([OCR_JOB_KIND]));
    const documents = new Set<number>();
    for (const id of jobIds) for (const d of this.jobDocuments(id)) documents.add(d);
    return { jobIds, documents: ocrReport(this.db, [...documents].sort((a, b) => a - b)) };
  }

  /** The per-document OCR report of the documents of the given jobs (CLI `resume`). */
  jobOcrReport(jobIds: readonly number[]): OcrDocumentReport[] {
    const ids = new Set(jobIds.flatMap((id) => this.jobDocuments(id)));
    return ocrReport(this.db, [...ids].sort((a, b) => a - b));
  }

  private jobDocuments(jobId: number): number[] {
    return (this.db.prepare('SELECT DISTINCT document_id AS id FROM job_items WHERE job_id = ? AND document_id IS NOT NULL').all(jobId) as { id: number }[]).map((r) => r.id);
  }

  /** Header + suggestion for the given documents (or all) whose text is ready and that have none
   *  stored yet, off the main thread; waits for it. Documents still waiting for text: TEXT_NOT_READY. */
  async analyse(target: number[] | 'all'): Promise<{ analysed: number; failed: Failed[] }> {
    this.assertWritable('Phân tích và gợi ý');
    const ids = this.targetIds(target);
    const notReady = this.db.prepare(`SELECT 1 FROM pages WHERE document_id = ? AND text IS NULL LIMIT 1`);
    const failed: Failed[] = [];
    const ready: number[] = [];
    for (const id of ids) {
      if (notReady.get(id)) failed.push({ id, error: new AppError('TEXT_NOT_READY').toUser() });
      else ready.push(id);
    }
    // What is stored is not read again: only documents without a header or a suggestion.
    const stored = this.db.prepare('SELECT 1 FROM documents d WHERE d.id = ? AND d.extracted_at IS NOT NULL AND EXISTS (SELECT 1 FROM suggestions s WHERE s.document_id = d.id)');
    const missing = ready.filter((id) => !stored.get(id));
    this.db.transaction(() => this.pipeline.queueUnderstanding(missing, this.actor)).immediate();
    await this.pipeline.understood(missing);
    const suggested = this.db.prepare('SELECT 1 FROM suggestions WHERE document_id = ?');
    return { analysed: ready.filter((id) => suggested.get(id)).length, failed };
  }

  listJobs(limit = 50): JobView[] {
    return listJobViews(this.db, this.jobs, this.pipeline.runner, limit);
  }

  /** Cancels a queued or running job: queued items at once, items in flight as they stop (an
   *  import reading a long file is cut short). */
  cancelJob(id: number): boolean {
    this.assertWritable('Hủy công việc');
    return this.pipeline.runner.cancel(id);
  }

  /** Re-runs a finished job's failed and cancelled items in the background; returns how many. */
  retryJob(id: number): number {
    this.assertWritable('Chạy lại công việc');
    return this.pipeline.runner.retry(id);
  }

  // ── Documents ──────────────────────────────────────────────────────────────────────────────

  list(options: ListOptions = {}): DocumentSummary[] {
    return listDocuments(this.db, options);
  }

  count(options: ListOptions = {}): number {
    return countDocuments(this.db, options);
  }

  get(id: number): DocumentDetail {
    const detail = getDocumentDetail(this.db, id);
    if (!detail) throw new AppError('NOT_FOUND', `document ${id}`, { subject: `Tài liệu số ${id}` });
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

  private rasteriser(): PdfRasteriser {
    return { run: (task) => this.pdf().rasterise(task.bytes, task.page) };
  }

  /** The searchable PDF of a document: page images with an invisible text layer. */
  searchablePdf(id: number): Promise<Uint8Array> {
    return buildDocumentPdf(this.db, this.store, id);
  }

  /** A person's correction of header fields, audited with each field's old and new value. */
  correctHeader(id: number, fields: Header, reviewer: string): DocumentDetail {
    this.assertWritable(`Sửa thông tin tài liệu số ${id}`);
    const before = this.get(id).header;
    this.db.transaction(() => {
      writeHeaderFields(this.db, id, fields, { correctedBy: reviewer });
      const after = readHeader(this.db, id);
      const changes = (Object.keys(fields) as HeaderKey[])
        .filter((k) => fields[k] !== undefined)
        .map((key) => ({ key, from: before[key] ?? null, to: after[key] ?? null }));
      appendAudit(this.db, { actor: reviewer, action: 'header.corrected', documentId: id, payload: { fields, changes } });
    }).immediate();
    return this.get(id);
  }

  /** A person confirms header fields marked "cần kiểm tra" as read (all of them by default). */
  confirmHeader(id: number, reviewer: string, keys?: readonly HeaderKey[]): DocumentDetail {
    this.assertWritable(`Xác nhận thông tin tài liệu số ${id}`);
    confirmHeaderFields(this.db, id, reviewer, keys);
    return this.get(id);
  }

  /** Ids of every document, or the given ones (checked). */
  private targetIds(target: number[] | 'all'): number[] {
    if (target === 'all') return (this.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    for (const id of target) this.get(id);
    return target;
  }

  /** Reads header fields and evidence (stamps, personal data, markers) from page text again. */
  extract(target: number[] | 'all', actor = this.actor): (ExtractResult | Failed)[] {
    this.assertWritable('Đọc thông tin văn bản');
    return this.targetIds(target).map((id) => {
      try {
        return extractDocument(this.db, id, actor);
      } catch (e) {
        if (e instanceof AppError && e.code === 'TEXT_NOT_READY') return { id, error: e.toUser() };
        throw e;
      }
    });
  }

  /** Proposes an access class with reasons from what extraction stored (secret > conditional >
   *  public; else needs review). */
  suggest(target: number[] | 'all', actor = this.actor): (SuggestResult | Failed)[] {
    this.assertWritable('Đề xuất phân loại');
    const model = this.accessModel.model();
    return this.targetIds(target).map((id) => {
      try {
        return suggestDocument(this.db, id, actor, { model });
      } catch (e) {
        if (e instanceof AppError && e.code === 'TEXT_NOT_READY') return { id, error: e.toUser() };
        throw e;
      }
    });
  }

  // ── Review ─────────────────────────────────────────────────────────────────────────────────

  /** A person's access decision (audited; changing an approved one needs a note; approving
   *  publication needs the "cần kiểm tra" fields checked). */
  decide(input: DecisionInput): DecisionRow {
    this.assertWritable(`Quyết định phân loại tài liệu số ${input.documentId}`);
    const row = recordDecision(this.db, input);
    if (this.options.learnAfterDecisions) this.accessModel.schedule();
    return row;
  }

  /** What bulk approval of suggestions would change (dry run). */
  planApproval(filter: BulkApprovalFilter): BulkApprovalItem[] {
    return bulkApprovalPlan(this.db, filter);
  }

  /** Bulk approval; with `confirmed` (the dry run's items) it is refused with PLAN_CHANGED unless
   *  the plan inside the writing transaction is the same, value for value. */
  approveSuggestions(filter: BulkApprovalFilter, reviewer: string, confirmed?: readonly ConfirmedApprovalItem[]): BulkApprovalItem[] {
    this.assertWritable('Phê duyệt hàng loạt');
    const items = approveSuggestions(this.db, filter, reviewer, undefined, confirmed);
    if (this.options.learnAfterDecisions && items.length > 0) this.accessModel.schedule();
    return items;
  }

  /** The title approval would publish (personal data masked) and the one approved. */
  publishedTitle(id: number): PublishedTitleView {
    this.get(id);
    return publishedTitleView(this.db, id);
  }

  /** What the access model has learned and what it has not yet. */
  modelStatus(): ModelStatus {
    return this.accessModel.status();
  }

  /** Learns the approved decisions the access model has not learned yet (in a worker thread). */
  updateModel(): Promise<ModelStatus> {
    return this.accessModel.update();
  }

  /** Writes the shareable access model (a starter model for other agencies) to a file. */
  exportModel(file: string, source = this.agencySettings().name || this.actor): Promise<ModelExport> {
    return this.accessModel.exportTo(file, source);
  }

  /** Imports a starter access model and rebuilds the current one on it with this archive's decisions. */
  importModel(file: string): Promise<ModelStatus> {
    this.assertWritable('Nhập mô hình khởi đầu');
    return this.accessModel.importFrom(file);
  }

  auditLog(documentId?: number) {
    return listAudit(this.db, documentId);
  }

  /** The review queue: documents with their suggestion and latest decision (review/queue.ts). */
  reviewQueue(filter: ReviewQueueFilter = {}): { items: ReviewQueueItem[]; total: number } {
    return reviewQueue(this.db, filter);
  }

  /** Undoes the reviewer's last decision (review/undo.ts: never approves, refuses when stale). */
  undoDecision(reviewer: string): UndoneDecision[] {
    this.assertWritable('Hoàn tác quyết định');
    const undone = undoLastDecision(this.db, reviewer);
    if (this.options.learnAfterDecisions && undone.length > 0) this.accessModel.schedule();
    return undone;
  }

  /** Undecided documents near-identical to this one (same type, issuer, subject pattern). */
  similar(id: number): SimilarDocument[] {
    return similarDocuments(this.db, id);
  }

  /** One decision for several documents, as one audited batch. */
  decideGroup(input: GroupDecisionInput): DecisionRow[] {
    this.assertWritable('Quyết định theo nhóm');
    const rows = decideGroup(this.db, input);
    if (this.options.learnAfterDecisions && rows.length > 0) this.accessModel.schedule();
    return rows;
  }

  /** The next document in queue order that has no decision in force. */
  nextToReview(filter: Omit<ReviewQueueFilter, 'limit' | 'undecided'>, afterId: number | null): number | null {
    return nextNeedingReview(this.db, filter, afterId);
  }

  /** What is left to review, by suggested class, and what is decided. */
  reviewCounts(): ReviewCounts {
    return reviewCounts(this.db);
  }

  /** A document's findings with their text offsets and, on OCR'd pages, word boxes. */
  evidence(id: number): EvidenceFinding[] {
    this.get(id);
    return documentEvidence(this.db, id);
  }

  // ── Export ─────────────────────────────────────────────────────────────────────────────────

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
  async exportCatalogue(options: ExportOptions): Promise<ExportSummary> {
    const run = () =>
      exportCatalogue(
        {
          db: this.db,
          store: this.store,
          publishedSource: (id) => this.publishedSource(id),
          rasterise: (pdf) => this.rasterisedPdf(pdf),
          redactedText: (id) => this.redactedText(id),
        },
        { actor: this.actor, ...options },
      );
    if (this.health.mode === 'normal') return namedOperation('Xuất chuyên mục', run);
    // Read-only or damaged: the database is a private temporary copy (archive/openArchive.ts), so
    // the export's audit event can go there; it is lost at close, which the log says.
    this.db.pragma('query_only = 0');
    try {
      this.log.warn('export from a read-only archive: its audit event is not kept');
      return await run();
    } finally {
      this.db.pragma('query_only = 1');
    }
  }

  /** What a public document's published PDF is made from: its searchable PDF, or — when the
   *  original is an encrypted PDF that only pdf.js can open — the original, which the export then
   *  rasterises; for a document public with redactions, its redacted file (built if need be), and
   *  nothing at all while its regions differ from the approved ones. The one place that chooses a
   *  document's published bytes. */
  async publishedSource(id: number): Promise<Uint8Array> {
    if (this.redactedForm(id)) return readFile(this.store.pathFor((await this.redaction.build(id)).sha256));
    try {
      return await this.searchablePdf(id);
    } catch (e) {
      if (!isEncryptedPdfError(e)) throw e;
      const { file_sha256 } = this.db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(id) as { file_sha256: string };
      return readFile(this.store.pathFor(file_sha256));
    }
  }

  /** Whether a document is published through its redacted file: true for a partial decision whose
   *  regions are the approved ones; throws REDACTION_CHANGED for a public (or undecided) document
   *  whose regions are marked but not approved as they are now; false otherwise. */
  private redactedForm(id: number): boolean {
    const decision = this.db.prepare('SELECT access_class, partial, redaction_key FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as
      | { access_class: string; partial: number; redaction_key: string | null }
      | undefined;
    if (decision && decision.access_class !== 'public') return false; // provided with consent: whole
    if (decision?.partial !== 1 && !hasActiveRegions(this.db, id)) return false;
    const form = decision ? publicationForm(decision, redactionState(this.db, id)) : 'held';
    if (form !== 'redacted') throw new AppError('REDACTION_CHANGED', `document ${id}`, { subject: `Tài liệu số ${id}` });
    return true;
  }

  /** The text a reader sees in a partly public document's redacted file, page by page. */
  async redactedText(id: number): Promise<string[]> {
    if (!this.redactedForm(id)) throw new AppError('REDACTION_CHANGED', `document ${id} is not published redacted`, { subject: `Tài liệu số ${id}` });
    return (await this.redaction.build(id)).pageTexts;
  }

  /** The redacted PDF of the document's accepted regions (staff preview; `minhbach pdf --redacted`). */
  async redactedPdf(id: number): Promise<Uint8Array> {
    return readFile(this.store.pathFor((await this.redaction.build(id)).sha256));
  }

  /** Every page of a PDF as pdf.js draws it at default visibility (hidden layers are not drawn),
   *  with a new OCR text layer: a PDF made only of what a reader sees. */
  async rasterisedPdf(pdf: Uint8Array): Promise<{ pdf: Uint8Array; text: string[] }> {
    const pages = [];
    const text: string[] = [];
    // Parsed and drawn in the memory-capped PDF child (engine/pdf), like every other PDF; read by
    // the pipeline's OCR engine (one per process).
    for (let n = 1, count = await this.pdf().countPages(pdf); n <= count; n += 1) {
      const raster = await this.pdf().rasterise(pdf, n);
      const result = await this.pipeline.ocr.use((ocr) => ocr.recognisePage(raster.png));
      pages.push({ image: result.preparedImage, dpi: result.dpi, words: result.words });
      text.push(result.text);
    }
    return { pdf: await buildSearchablePdf(pages, { title: '' }), text };
  }

  agencySettings(): AgencySettings {
    return readAgencySettings(this.db);
  }

  updateAgencySettings(patch: AgencyPatch): AgencySettings {
    this.assertWritable('Lưu thông tin cơ quan');
    return writeAgencySettings(this.db, patch);
  }

  /** Stores a request form (Decree 13 forms 01a–06) supplied by the agency; null removes it. */
  setAgencyForm(code: FormCode, file: string | null): Promise<AgencySettings> {
    this.assertWritable(`Lưu biểu mẫu ${code}`);
    return setAgencyForm(this.db, this.store, code, file);
  }

  /** Last day a public document stays in the current list (yyyy-mm-dd); null = the default period. */
  setDisclosureEnd(id: number, until: string | null): void {
    this.assertWritable(`Thời hạn công khai tài liệu số ${id}`);
    this.get(id);
    setDisclosureEnd(this.db, id, until);
  }

  /** Checks the whole archive (integrity/verify.ts); `quick` uses quick_check and file sizes. */
  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    if (this.health.mode === 'normal') return verifyArchive(this.db, this.store, options);
    this.db.pragma('query_only = 0'); // the private copy: FTS5's integrity-check is an INSERT
    try {
      return await verifyArchive(this.db, this.store, options);
    } finally {
      this.db.pragma('query_only = 1');
    }
  }

  verifyAudit() {
    return verifyAudit(this.db);
  }

  /** A backup that proves itself (integrity/backup.ts); works on a read-only archive too. */
  backup(target: string): Promise<BackupReport> {
    return backupArchive(this.db, this.store, target, { tmpDir: this.health.mode === 'normal' ? this.paths.tmp : os.tmpdir() });
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
      // The import queued OCR and header + suggestion; a started pipeline runs them by itself,
      // the CLI runs them here.
      afterImport: async () => {
        if (!this.pipeline.runner.automatic) await this.resume();
      },
      log: this.log,
    });
    return this.scanService;
  }

  /** Stops the jobs (what is unfinished stays queued for the next start), the workers, and
   *  closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Running scans stop first; the pages they scanned stay in their batches.
    await this.scanService?.close();
    this.closed = true;
    await this.scanPagePool?.close();
    // The jobs first: OCR pages in flight are cut short and stay queued in their job for a resume.
    await this.pipeline.close();
    await this.pdfService?.close();
    await this.quickCheckPool?.close();
    await this.accessModel.close();
    await this.analysePool.close();
    await this.pageImages.close();
    this.db.close();
    this.disposeArchive();
  }
}

/**
 * Opens (creating if needed) the archive in `dataDir`. A read-only or damaged archive still opens,
 * in a mode that refuses changes (engine.health). At a normal start, looser permissions than
 * owner-only are fixed and the leftovers of killed backups, restores and imports are removed;
 * both are logged.
 */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  // The legal data files are checked before anything opens: a bad edit is refused at start, in Vietnamese.
  legalData();
  const root = resolveDataDir(options.dataDir);
  const paths = dataPaths(root);
  const log = options.logger ?? createLogger({ folder: paths.logs });
  const opened = openArchive(paths, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    check: options.startupCheck ?? 'none',
    ...(options.syncCheckBytes !== undefined ? { syncCheckBytes: options.syncCheckBytes } : {}),
    log,
  });
  if (opened.health.mode === 'normal') {
    try {
      mkdirSync(paths.store, { recursive: true, mode: 0o700 });
      const fixed = await ensurePrivate(root);
      if (fixed.length > 0) log.warn(`permissions tightened to owner-only on ${fixed.length} path(s), first ${fixed[0]}`);
      const debris = await cleanDebris(root);
      for (const removed of debris.removed) log.info(`removed leftover of an interrupted operation: ${removed}`);
    } catch (e) {
      log.warn(`start-up housekeeping failed: ${(e as Error).message}`);
    }
  }
  const engine = new Engine(opened.db, paths, { ...options, logger: log }, opened);
  const large = opened.health.mode === 'normal' && statSync(paths.database).size >= (options.syncCheckBytes ?? SYNC_CHECK_BYTES);
  if (options.startupCheck === 'quick' && large) {
    engine.checkInBackground().catch((e: Error) => log.warn(`background quick_check did not run: ${e.message}`));
  }
  return engine;
}

export { resolveDataDir } from './archive/dataDir';
export { restoreArchive } from './integrity/backup';
