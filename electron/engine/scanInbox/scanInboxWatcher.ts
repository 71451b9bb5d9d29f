import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../logger';

export interface ScanInboxOptions {
  folder: string;
  /** Imports a batch of files (the engine's importPaths). */
  importPaths: (paths: string[]) => Promise<unknown>;
  log: Logger;
  /** A file counts as written when its size has not changed for this long (scanners write
   *  slowly, page by page). */
  stableMs?: number;
  /** New files arriving within this window are imported as one job. */
  batchMs?: number;
}

/**
 * Watches the office scanner's output folder and imports what appears there. Files already in the
 * folder at start are imported too (the archive skips duplicates by content hash), so nothing
 * scanned while the app was closed is missed. Files are never moved or deleted.
 */
export class ScanInboxWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ScanInboxOptions) {}

  get folder(): string {
    return this.options.folder;
  }

  async start(): Promise<void> {
    const watcher = watch(this.options.folder, {
      ignoreInitial: false,
      depth: 4,
      // Hidden files and the temporary files scanners and browsers write while saving.
      ignored: (p: string) => /(^|[\\/])\.|\.(tmp|part|crdownload)$/i.test(path.basename(p)),
      awaitWriteFinish: { stabilityThreshold: this.options.stableMs ?? 2000, pollInterval: 200 },
    });
    watcher.on('add', (file) => this.enqueue(file));
    watcher.on('error', (e) => this.options.log.warn(`scan inbox watcher error: ${(e as Error).message}`));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
    this.options.log.info(`scan inbox watching ${this.options.folder}`);
  }

  private enqueue(file: string): void {
    this.pending.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.batchMs ?? 1000);
  }

  private flush(): void {
    this.timer = null;
    const batch = [...this.pending];
    this.pending.clear();
    if (batch.length === 0) return;
    // One import at a time: a second batch waits for the first rather than competing for workers.
    this.chain = this.chain
      .then(() => this.options.importPaths(batch))
      .catch((e: Error) => this.options.log.error(`scan inbox import failed: ${e.message}`));
  }

  /** Waits for the batch in progress, then stops watching. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher?.close();
    this.watcher = null;
    await this.chain;
  }
}
