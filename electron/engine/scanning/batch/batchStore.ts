/**
 * Scan batches on disk, in the data folder: `scans/<id>/batch.json` (settings, state, page
 * judgements, last error) and `scans/<id>/pages/<run>-<n>.png` (each page as the scanner wrote
 * it). The page list is the folder itself, sorted by name: a page the scanner finished is a file,
 * so a crash, a jam or a killed scanner can never leave a page that the batch does not know.
 * Half-written pages (`*.part`, scanimage's own convention) are not pages.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../archive/fileStore';
import { AppError } from '../../../../shared/domain/errors';
import type { BatchView, ScanSettings } from '../../../../shared/contract/scanning';

export interface PageAnalysis {
  ink: number;
  blank: boolean;
  separator: boolean | null;
}

export interface BatchMeta {
  id: string;
  origin: 'scanner' | 'camera';
  state: 'open' | 'archived';
  device: string | null;
  settings: ScanSettings;
  createdAt: string;
  /** Scan runs so far (page files of run k start with `r<k>`). */
  runs: number;
  /** Per page file name. */
  analysis: Record<string, PageAnalysis>;
  lastError: { code: string; message: string } | null;
  results: BatchView['results'];
  /** Once archived: the pages and the split as they were (the page images are gone then). */
  archived?: { pages: BatchView['pages']; plan: BatchView['plan'] };
}

const PAGE_FILE = /^r\d{3}-\d{4}\.(png|jpg)$/;

export class BatchStore {
  constructor(readonly root: string) {}

  folder(id: string): string {
    if (!/^[a-z0-9-]{8,64}$/.test(id)) throw new AppError('SCAN_BATCH_NOT_FOUND', id);
    return path.join(this.root, id);
  }

  pagesDir(id: string): string {
    return path.join(this.folder(id), 'pages');
  }

  async create(origin: BatchMeta['origin'], settings: ScanSettings, device: string | null, now = new Date()): Promise<BatchMeta> {
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const id = `${stamp}-${randomBytes(4).toString('hex')}`;
    await mkdir(this.pagesDir(id), { recursive: true, mode: 0o700 });
    const meta: BatchMeta = {
      id,
      origin,
      state: 'open',
      device,
      settings,
      createdAt: now.toISOString(),
      runs: 0,
      analysis: {},
      lastError: null,
      results: [],
    };
    await this.save(meta);
    return meta;
  }

  async load(id: string): Promise<BatchMeta> {
    try {
      return JSON.parse(await readFile(path.join(this.folder(id), 'batch.json'), 'utf8')) as BatchMeta;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('SCAN_BATCH_NOT_FOUND', id);
    }
  }

  async save(meta: BatchMeta): Promise<void> {
    await writeFileAtomic(path.join(this.folder(meta.id), 'batch.json'), Buffer.from(JSON.stringify(meta, null, 1)));
  }

  /** Ids of every batch on disk, oldest first. */
  async ids(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isDirectory() && /^[a-z0-9-]{8,64}$/.test(e.name))
      .map((e) => e.name)
      .sort();
  }

  /** Page files in scan order. */
  async pageFiles(id: string): Promise<string[]> {
    const names = await readdir(this.pagesDir(id)).catch(() => [] as string[]);
    return names.filter((n) => PAGE_FILE.test(n)).sort();
  }

  pagePath(id: string, file: string): string {
    return path.join(this.pagesDir(id), file);
  }

  /** The prefix for the next run's page files (`r001`, `r002`, …). */
  static runPrefix(run: number): string {
    return `r${String(run).padStart(3, '0')}`;
  }

  async removePageFile(id: string, file: string): Promise<void> {
    await rm(this.pagePath(id, file), { force: true });
  }

  /** After archiving: the page images are in the archive's store now. */
  async dropPages(id: string): Promise<void> {
    await rm(this.pagesDir(id), { recursive: true, force: true });
    await rm(path.join(this.folder(id), 'documents'), { recursive: true, force: true });
  }

  async remove(id: string): Promise<void> {
    await rm(this.folder(id), { recursive: true, force: true });
  }
}
