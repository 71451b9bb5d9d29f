/**
 * Scanning, from a press of "Scan" to documents in the archive. A batch is a folder of pages
 * (batch/batchStore.ts); a scan run adds pages to it through a driver (a child process); each
 * page is judged in the page worker (blank? separator?); archiving splits the batch, writes one
 * PDF per document and imports them through the engine's import, like any file.
 *
 * Faults keep pages: a jam, a vanished or busy scanner, a cancel — the pages already scanned stay
 * in the open batch with the problem in Vietnamese, and the user scans on into the same batch or
 * archives what is there. Open batches survive a restart.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'date-fns';
import sharp from 'sharp';
import type { BatchView, Corners, ScanDevice, ScanSettings } from '../../../shared/contract/scanning';
import { AppError, ERROR_MESSAGES, isAppError, type ErrorCode } from '../../../shared/domain/errors';
import type { ImportResult } from '../../../shared/contract/schemas';
import type { Logger } from '../logger';
import type { WorkerPool } from '../workers/workerPool';
import { writeFileAtomic } from '../archive/fileStore';
import { BatchStore, type BatchMeta, type PageAnalysis } from './batch/batchStore';
import { buildDocumentPdf } from './batch/buildPdf';
import { planDocuments } from './batch/splitBatch';
import { DEFAULT_BLANK_THRESHOLD } from './pages/blankPage';
import type { AnalyseReply, DetectReply, PageTask, StraightenReply } from './pages/pageWorker';
import type { DeviceCapabilities, ScannerDriver } from './types';
import { separatorSheetPdf } from './pages/separatorSheet';

export interface ScanServiceDeps {
  /** `<data>/scans` */
  root: string;
  driver: ScannerDriver;
  pool: () => WorkerPool<PageTask, AnalyseReply | DetectReply | StraightenReply>;
  importNamedFiles: (files: { path: string; fileName: string }[]) => Promise<ImportResult[]>;
  /** Runs what the import queued for freshly archived documents (OCR, header + suggestion). */
  afterImport: (ids: number[]) => Promise<void>;
  log: Logger;
}

interface RunningScan {
  controller: AbortController;
  page: number;
  percent: number;
  done: Promise<void>;
}

const DEVICE_CACHE_MS = 30_000;

export class ScanService {
  readonly batches: BatchStore;
  private readonly running = new Map<string, RunningScan>();
  private readonly busyDevices = new Set<string>();
  /** Batch metadata writes, one at a time per batch. */
  private readonly writes = new Map<string, Promise<unknown>>();
  private readonly analyses = new Map<string, Promise<void>>();
  private deviceCache: { at: number; devices: ScanDevice[] } | null = null;

  constructor(private readonly deps: ScanServiceDeps) {
    this.batches = new BatchStore(deps.root);
  }

  async listDevices(refresh = false): Promise<{ devices: ScanDevice[]; error: { code: string; message: string } | null }> {
    if (!refresh && this.deviceCache && Date.now() - this.deviceCache.at < DEVICE_CACHE_MS)
      return { devices: this.deviceCache.devices, error: null };
    try {
      const devices = await this.deps.driver.listDevices();
      this.deviceCache = { at: Date.now(), devices };
      return { devices, error: null };
    } catch (e) {
      const code: ErrorCode = isAppError(e) ? e.code : 'SCANNER_FAILED';
      this.deps.log.warn(`listing scanners failed: ${(e as Error).message}`);
      return { devices: [], error: { code, message: ERROR_MESSAGES[code].vi } };
    }
  }

  capabilities(device: string): Promise<DeviceCapabilities> {
    return this.deps.driver.capabilities(device);
  }

  private async resolveDevice(settings: ScanSettings): Promise<string> {
    if (settings.device) return settings.device;
    const { devices, error } = await this.listDevices();
    if (error) throw new AppError(error.code as ErrorCode);
    if (devices.length === 0) throw new AppError('SCANNER_NOT_FOUND', 'no scanner listed');
    return devices[0]!.id;
  }

  /** Per-batch serialisation of read-modify-write of batch.json. */
  private update(id: string, change: (meta: BatchMeta) => void | Promise<void>): Promise<BatchMeta> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const meta = await this.batches.load(id);
        await change(meta);
        await this.batches.save(meta);
        return meta;
      });
    this.writes.set(id, next);
    return next;
  }

  /**
   * Starts a scan run into a new batch (or more pages into `batchId`) and returns at once with
   * the batch in state "scanning"; `whenIdle(id)` waits for the run to end.
   */
  async start(settings: ScanSettings, batchId?: string): Promise<BatchView> {
    const device = await this.resolveDevice(settings);
    if (batchId && this.running.has(batchId)) throw new AppError('SCAN_IN_PROGRESS', batchId);
    if (this.busyDevices.has(device)) throw new AppError('SCANNER_BUSY', `${device} is scanning another batch`);
    const existing = batchId ? await this.batches.load(batchId) : null;
    if (existing && existing.state !== 'open') throw new AppError('SCAN_BATCH_NOT_FOUND', `${batchId} is ${existing.state}`);
    this.busyDevices.add(device);
    try {
      const capabilities = await this.deps.driver.capabilities(device);
      const meta = existing
        ? await this.update(existing.id, (m) => {
            // This run's settings (another source, the feeder reloaded…) become the batch's.
            m.runs += 1;
            m.device = device;
            m.settings = settings;
            m.lastError = null;
          })
        : await this.batches.create('scanner', settings, device).then((m) => this.update(m.id, (x) => void (x.runs = 1)));
      const pagesBefore = (await this.batches.pageFiles(meta.id)).length;
      const controller = new AbortController();
      const state: RunningScan = { controller, page: pagesBefore + 1, percent: 0, done: Promise.resolve() };
      this.running.set(meta.id, state);
      state.done = this.runScan(meta, settings, device, capabilities, state, pagesBefore).finally(() => {
        this.running.delete(meta.id);
        this.busyDevices.delete(device);
      });
      return this.view(meta.id);
    } catch (e) {
      this.busyDevices.delete(device);
      throw e;
    }
  }

  private async runScan(
    meta: BatchMeta,
    settings: ScanSettings,
    device: string,
    capabilities: DeviceCapabilities,
    state: RunningScan,
    pagesBefore: number,
  ): Promise<void> {
    const outDir = this.batches.pagesDir(meta.id);
    await mkdir(outDir, { recursive: true });
    let outcome;
    try {
      outcome = await this.deps.driver.scan({
        device,
        settings,
        capabilities,
        outDir,
        filePrefix: BatchStore.runPrefix(meta.runs),
        signal: state.controller.signal,
        onPage: (file) => {
          state.page += 1;
          state.percent = 0;
          this.analyse(meta.id, path.basename(file));
        },
        onProgress: (percent) => {
          state.percent = percent;
        },
      });
    } catch (e) {
      outcome = { ok: false as const, pages: 0, code: isAppError(e) ? e.code : ('SCANNER_FAILED' as ErrorCode), detail: (e as Error).message };
    }
    const pagesNow = (await this.batches.pageFiles(meta.id)).length;
    const scanned = pagesNow - pagesBefore;
    if (outcome.ok) {
      this.deps.log.info(`scan batch ${meta.id}: ${scanned} page(s) from ${device}`);
      return;
    }
    this.deps.log.warn(`scan batch ${meta.id} on ${device}: ${outcome.code}: ${outcome.detail}`);
    const kept = pagesNow > 0 ? ` Máy quét: ${device}. Lần quét này được ${scanned} trang; lô đang giữ ${pagesNow} trang đã quét.` : ` Máy quét: ${device}.`;
    await this.update(meta.id, (m) => {
      m.lastError = { code: outcome.code, message: `${ERROR_MESSAGES[outcome.code].vi}${kept}` };
    });
  }

  /** Judges a page in the page worker (queued; results land in batch.json). */
  private analyse(id: string, file: string): Promise<void> {
    const key = `${id}/${file}`;
    const existing = this.analyses.get(key);
    if (existing) return existing;
    const work = this.batches
      .load(id)
      .then((meta) =>
        this.deps.pool().run({
          kind: 'analyse',
          file: this.batches.pagePath(id, file),
          separator: meta.settings.split === 'qr',
          threshold: DEFAULT_BLANK_THRESHOLD,
        }),
      )
      .then((reply) => this.update(id, (m) => void (m.analysis[file] = reply as PageAnalysis)))
      .then(() => undefined)
      .catch((e: Error) => this.deps.log.warn(`analysing ${key} failed: ${e.message}`))
      .finally(() => this.analyses.delete(key));
    this.analyses.set(key, work);
    return work;
  }

  /** Waits until the batch's scan run (if any) has ended and its pages are judged. */
  async whenIdle(id: string): Promise<BatchView> {
    await this.running.get(id)?.done;
    await this.ensureAnalysed(id);
    return this.view(id);
  }

  private async ensureAnalysed(id: string): Promise<void> {
    const meta = await this.batches.load(id);
    const files = await this.batches.pageFiles(id);
    const wantsSeparator = meta.settings.split === 'qr';
    await Promise.all(
      files
        .filter((f) => !meta.analysis[f] || (wantsSeparator && meta.analysis[f]!.separator === null))
        .map((f) => this.analyse(id, f)),
    );
  }

  cancel(id: string): Promise<BatchView> {
    this.running.get(id)?.controller.abort();
    return this.whenIdle(id);
  }

  async view(id: string): Promise<BatchView> {
    const meta = await this.batches.load(id);
    const files = meta.state === 'open' ? await this.batches.pageFiles(id) : [];
    const pages = files.map((file, i) => {
      const a = meta.analysis[file];
      return { n: i + 1, ink: a?.ink ?? null, blank: a?.blank ?? null, separator: a?.separator ?? null };
    });
    if (meta.archived) return this.viewOf(meta, meta.archived.pages, meta.archived.plan);
    const plan = planDocuments(pages, {
      split: meta.settings.split,
      removeBlank: meta.settings.removeBlank,
      duplex: meta.settings.duplex && meta.settings.source === 'adf',
    });
    return this.viewOf(meta, pages, { documents: plan.documents.map((pages) => ({ pages })), dropped: plan.dropped });
  }

  private viewOf(meta: BatchMeta, pages: BatchView['pages'], plan: BatchView['plan']): BatchView {
    const run = this.running.get(meta.id);
    return {
      id: meta.id,
      origin: meta.origin,
      state: run ? 'scanning' : meta.state,
      device: meta.device,
      settings: meta.settings,
      createdAt: meta.createdAt,
      progress: run ? { page: run.page, percent: run.percent } : null,
      pages,
      plan,
      lastError: meta.lastError,
      results: meta.results,
    };
  }

  /** Batches still open (not archived), newest first. */
  async openBatches(): Promise<BatchView[]> {
    const views: BatchView[] = [];
    for (const id of (await this.batches.ids()).reverse()) {
      const meta = await this.batches.load(id).catch(() => null);
      if (meta?.state === 'open') views.push(await this.view(id));
    }
    return views;
  }

  private async pageFile(id: string, n: number): Promise<string> {
    const files = await this.batches.pageFiles(id);
    const file = files[n - 1];
    if (!file) throw new AppError('NOT_FOUND', `batch ${id} page ${n}`);
    return file;
  }

  async pageImage(id: string, n: number, size: number): Promise<Buffer> {
    const file = await this.pageFile(id, n);
    return sharp(this.batches.pagePath(id, file)).resize({ width: size, height: size, fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
  }

  async removePage(id: string, n: number): Promise<BatchView> {
    if (this.running.has(id)) throw new AppError('SCAN_IN_PROGRESS', id);
    const file = await this.pageFile(id, n);
    await this.batches.removePageFile(id, file);
    return this.view(id);
  }

  /**
   * Splits the batch as chosen, writes one PDF per document and imports them. Returns when they
   * are in the archive; `processing` settles when OCR, extraction and suggestion are done.
   */
  async archive(
    id: string,
    choice: { removeBlank?: boolean; split?: ScanSettings['split']; process?: boolean } = {},
  ): Promise<{ view: BatchView; processing: Promise<void> }> {
    if (this.running.has(id)) throw new AppError('SCAN_IN_PROGRESS', id);
    let meta = await this.update(id, (m) => {
      if (m.state !== 'open') throw new AppError('SCAN_BATCH_NOT_FOUND', `${id} is ${m.state}`);
      if (choice.removeBlank !== undefined) m.settings.removeBlank = choice.removeBlank;
      if (choice.split !== undefined) m.settings.split = choice.split;
    });
    await this.ensureAnalysed(id);
    const view = await this.view(id);
    const files = await this.batches.pageFiles(id);
    if (view.plan.documents.length === 0) throw new AppError('SCAN_BATCH_EMPTY', id);
    meta = await this.batches.load(id);
    const createdAt = new Date(meta.createdAt);
    const stamp = format(createdAt, 'dd-MM-yyyy HH.mm');
    const count = view.plan.documents.length;
    const outDir = path.join(this.batches.folder(id), 'documents');
    const prepared: { path: string; fileName: string }[] = [];
    for (const [i, doc] of view.plan.documents.entries()) {
      const name = count > 1 ? `Bản quét ${stamp} (${i + 1} trên ${count}).pdf` : `Bản quét ${stamp}.pdf`;
      const pages = await Promise.all(
        doc.pages.map(async (n) => {
          const file = this.batches.pagePath(id, files[n - 1]!);
          const density = meta.origin === 'camera' ? null : ((await sharp(file).metadata()).density ?? meta.settings.dpi);
          return { file, dpi: density && density > 30 ? density : meta.settings.dpi };
        }),
      );
      const bytes = await buildDocumentPdf(
        meta.origin === 'camera' ? pages.map((p) => ({ ...p, dpi: null })) : pages,
        { title: name.replace(/\.pdf$/, ''), colour: meta.settings.colour, createdAt },
      );
      const target = path.join(outDir, `document-${String(i + 1).padStart(3, '0')}.pdf`);
      await writeFileAtomic(target, bytes);
      prepared.push({ path: target, fileName: name });
    }
    const results = (await this.deps.importNamedFiles(prepared)).map((r) => ({ ...r, path: r.fileName }));
    const ids = results.filter((r) => r.id !== undefined && r.status !== 'rejected').map((r) => r.id!);
    const failed = results.some((r) => r.status === 'rejected');
    await this.update(id, (m) => {
      m.results = results;
      // A rejected document keeps the batch open (pages and all) so nothing is lost.
      if (!failed) {
        m.state = 'archived';
        m.archived = { pages: view.pages, plan: view.plan };
      }
    });
    if (!failed) await this.batches.dropPages(id);
    const processing = ids.length > 0 && choice.process !== false ? this.deps.afterImport(ids) : Promise.resolve();
    processing.catch((e: Error) => this.deps.log.error(`processing scanned documents ${ids.join(',')} failed: ${e.message}`));
    return { view: await this.view(id), processing };
  }

  async discard(id: string): Promise<boolean> {
    if (this.running.has(id)) throw new AppError('SCAN_IN_PROGRESS', id);
    await this.batches.load(id);
    await this.batches.remove(id);
    this.deps.log.info(`scan batch ${id} discarded`);
    return true;
  }

  separatorSheet(): Promise<Uint8Array> {
    return separatorSheetPdf();
  }

  /** Page corners in a camera frame (fractions), with the frame's full size. */
  async detect(image: Uint8Array): Promise<DetectReply> {
    return (await this.deps.pool().run({ kind: 'detect', image })) as DetectReply;
  }

  /** Straightens a camera frame to the corners and adds it to a camera batch (a new one if none). */
  async addCameraPage(image: Uint8Array, corners: Corners, batchId?: string): Promise<BatchView> {
    const meta = batchId
      ? await this.update(batchId, (m) => {
          if (m.state !== 'open' || m.origin !== 'camera') throw new AppError('SCAN_BATCH_NOT_FOUND', batchId);
          m.runs += 1;
        })
      : await this.batches
          .create('camera', { device: null, source: 'flatbed', duplex: false, dpi: 300, colour: 'grey', pageSize: 'a4', removeBlank: false, split: 'none', backendOptions: {} }, 'camera')
          .then((m) => this.update(m.id, (x) => void (x.runs = 1)));
    const file = `${BatchStore.runPrefix(meta.runs)}-0001.png`;
    await this.deps.pool().run({ kind: 'straighten', image, corners, out: this.batches.pagePath(meta.id, file) });
    await this.analyse(meta.id, file);
    return this.view(meta.id);
  }

  /** Stops running scans (their pages stay in their batches) and waits for them. */
  async close(): Promise<void> {
    for (const run of this.running.values()) run.controller.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await Promise.allSettled([...this.analyses.values()]);
    await Promise.allSettled([...this.writes.values()]);
  }
}

/** Reads a file the renderer sent as base64 (a camera frame). */
export function decodeBase64Image(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 16) throw new AppError('CAMERA_IMAGE_INVALID', 'too short');
  return bytes;
}
