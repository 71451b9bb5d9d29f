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
import { verifyStore, type VerifyReport } from './integrity/verify';
import { backupArchive, type BackupReport } from './integrity/backup';
import { summariesByIds } from './archive/documentSummaries';
import { PageImages, type PageImageBytes } from './viewing/pageImage';
import { listJobViews, type JobView } from './jobs/jobViews';
import type { RunnerProgress } from './jobs/jobRunner';
import { OCR_JOB_KIND, ocrReport, queueOcr, type OcrDocumentReport, type OcrTarget } from './ocr/ocrJob';
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
import { confirmHeaderFields } from './review/headerCheck';
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
import { Pipeline } from './pipeline/pipeline';
import { toImportProgress, toJobProgress, toOcrProgress, type ImportProgress, type OcrProgress } from './pipeline/progress';
import type { PipelineSettings } from './pipeline/settings';
import type { DocumentDetail, DocumentSummary, ImportResult } from '../../shared/contract/schemas';
import type { JobProgress } from '../../shared/contract/jobs';
import type { Header, HeaderKey } from '../../shared/domain/header';

export type { ImportProgress, OcrProgress } from './pipeline/progress';

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
  /** Worker entry for rendering PDF pages for the viewer (the Electron build passes its bundled script). */
  pdfPageWorkerScript?: URL;
  /** OCR recognition workers (~190 MB each) for this process instead of the archive's setting
   *  (the CLI's --workers). A call to `ocr` may override it too. */
  ocrWorkers?: number;
  /** Worker entry that reads headers off the main thread (the Electron build passes its bundled script). */
  understandWorkerScript?: URL;
  /** Worker entry that rasterises PDF pages for OCR (the Electron build passes its bundled script). */
  ocrRasterWorkerScript?: URL;
  /** The app's resources folder (OCR models, fonts); defaults to the repository's resources/. */
  resourcesDir?: string;
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

  constructor(
    readonly db: Db,
    paths: DataPaths,
    private readonly options: EngineOptions,
  ) {
    super();
    this.paths = paths;
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
    this.pageImages = new PageImages(db, this.store, {
      maxPixels: this.limits.maxPixels,
      cacheDir: path.join(paths.root, 'cache', 'pages'),
      ...(options.pdfPageWorkerScript ? { pdfWorkerScript: options.pdfPageWorkerScript } : {}),
    });
    this.pipeline = new Pipeline({
      db,
      store: this.store,
      paths,
      log: this.log,
      limits: this.limits,
      analysePool: this.analysePool,
      overrides: options.ocrWorkers ? { ocrWorkers: options.ocrWorkers } : {},
      ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
      ...(options.ocrRasterWorkerScript ? { ocrRasterWorkerScript: options.ocrRasterWorkerScript } : {}),
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

  // ── The pipeline ────────────────────────────────────────────────────────────────────────────

  /** From now on, runs every job as it is queued — and those a crash or another process left —
   *  so an import goes on to OCR and header + suggestion by itself (the app and the preview).
   *  Without it (the CLI) a command runs what it queued, and `resume` the rest. */
  startPipeline(): void {
    if (!this.closed) this.pipeline.start(this.actor);
  }

  /** Resolves when no job this process can run is left (tests, `minhbach run`). */
  idle(): Promise<void> {
    return this.pipeline.runner.idle().then(() => undefined);
  }

  /** Runs every unfinished job to its end (CLI `resume`); returns the ids of the jobs it ran. */
  resume(onProgress?: (p: RunnerProgress) => void): Promise<number[]> {
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
    return this.runImport(await queueImport(this.jobs, paths, this.actor), onProgress);
  }

  /** Imports files whose names are given separately from where the bytes are (uploads). */
  importNamedFiles(files: { path: string; fileName: string }[], onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    return this.runImport(queueNamedImport(this.jobs, files, this.actor), onProgress);
  }

  private async runImport(jobId: number, onProgress?: (p: ImportProgress) => void): Promise<ImportResult[]> {
    await this.withProgress(this.importListener(() => jobId, onProgress), () => this.pipeline.runner.run(jobId));
    return importResults(this.jobs, jobId);
  }

  /** Finishes import jobs a crash or restart left unfinished; returns how many. */
  async resumeImports(onProgress?: (p: ImportProgress) => void): Promise<number> {
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
    return this.pipeline.runner.cancel(id);
  }

  /** Re-runs a finished job's failed and cancelled items in the background; returns how many. */
  retryJob(id: number): number {
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

  /** The searchable PDF of a document: page images with an invisible text layer. */
  searchablePdf(id: number): Promise<Uint8Array> {
    return buildDocumentPdf(this.db, this.store, id);
  }

  /** A person's correction of header fields, audited with each field's old and new value. */
  correctHeader(id: number, fields: Header, reviewer: string): DocumentDetail {
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
    return this.targetIds(target).map((id) => {
      try {
        return suggestDocument(this.db, id, actor);
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
    return recordDecision(this.db, input);
  }

  /** What bulk approval of suggestions would change (dry run). */
  planApproval(filter: BulkApprovalFilter): BulkApprovalItem[] {
    return bulkApprovalPlan(this.db, filter);
  }

  /** Approves the planned suggestions. With `confirmed`, exactly those: if the plan changed since
   *  the reviewer saw it (a suggestion arrived, a decision was made), nothing is approved
   *  (PLAN_CHANGED). The check and the approval run in one synchronous turn. */
  approveSuggestions(filter: BulkApprovalFilter, reviewer: string, confirmed?: readonly number[]): BulkApprovalItem[] {
    if (confirmed) {
      const planned = this.planApproval(filter).map((i) => i.id);
      const ids = [...confirmed].sort((a, b) => a - b);
      if (planned.length !== ids.length || planned.some((id, i) => id !== ids[i])) {
        throw new AppError('PLAN_CHANGED', `planned ${planned.length}, confirmed ${ids.length}`);
      }
    }
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

  // ── Integrity ──────────────────────────────────────────────────────────────────────────────

  verify(): Promise<VerifyReport> {
    return verifyStore(this.db, this.store);
  }

  verifyAudit() {
    return verifyAudit(this.db);
  }

  backup(target: string): Promise<BackupReport> {
    return backupArchive(this.db, this.paths.root, target);
  }

  /** Stops the jobs (what is unfinished stays queued for the next start), the workers, and
   *  closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pipeline.close();
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
