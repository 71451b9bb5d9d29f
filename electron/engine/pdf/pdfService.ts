import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/domain/errors';
import { errorFromReply } from '../workers/workerProtocol';
import type { Logger } from '../logger';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './limits';
import type { PageTextItems, PdfPageInfo, RasterisedPage, ViewerImage } from './pdfDocument';
import { OVER_MEMORY_MARK, type PdfReply, type PdfRequest, type PdfTask } from './pdfProtocol';

/** A started PDF child process, whichever way the host starts one. */
export interface PdfChild {
  send(request: PdfRequest): void;
  onMessage(listener: (reply: PdfReply) => void): void;
  onExit(listener: (code: number | null) => void): void;
  stderr: { on(event: 'data', listener: (chunk: Buffer) => void): unknown } | null;
  kill(): void;
}

/** Starts the child: plain Node forks it (below); Electron main passes one built on
 *  utilityProcess.fork, since a packaged app cannot run its binary as Node (fuses). */
export type PdfChildLauncher = (script: URL, options: { heapMb: number }) => PdfChild;

export const nodePdfLauncher: PdfChildLauncher = (script, { heapMb }) => {
  const isTs = script.pathname.endsWith('.ts');
  const entry = isTs ? fileURLToPath(new URL('./childBoot.mjs', import.meta.url)) : fileURLToPath(script);
  const child = fork(entry, isTs ? [script.href] : [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return {
    send: (request) => child.send(request),
    onMessage: (listener) => child.on('message', (m) => listener(m as PdfReply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    stderr: child.stderr,
    kill: () => child.kill('SIGKILL'),
  };
};

export interface PdfServiceOptions {
  /** The child's entry (pdfChild.ts from source; the Electron build passes its bundled script). */
  script?: URL;
  launcher?: PdfChildLauncher;
  limits?: Partial<PdfLimits>;
  /** Child processes (each one task at a time). */
  size?: number;
  taskTimeoutMs?: number;
  log?: Logger;
}

interface Pending {
  id: number;
  task: PdfTask;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  child: PdfChild;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  overMemoryMb: number | null;
  alive: boolean;
}

/**
 * Every PDF is opened in a child process whose whole memory is capped (pdfChild.ts), never in the
 * process that owns the database and answers the UI: a decompression bomb or a hostile page costs
 * at most the ceiling, fails its own task as DECOMPRESSION_BOMB (or PROCESSING_TIMEOUT), and the
 * next task gets a fresh child.
 */
export class PdfService {
  readonly limits: PdfLimits;
  /** Peak resident memory (MB) of the child during the last finished task (bench:faults). */
  lastPeakRssMb = 0;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PdfServiceOptions = {}) {
    this.limits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  }

  analyse(bytes: Uint8Array, maxPages: number, timeoutMs?: number): Promise<{ pages: PdfPageInfo[]; warnings: string[] }> {
    return this.run({ op: 'analyse', bytes, maxPages }, timeoutMs) as Promise<{ pages: PdfPageInfo[]; warnings: string[] }>;
  }

  countPages(bytes: Uint8Array): Promise<number> {
    return this.run({ op: 'count', bytes }) as Promise<number>;
  }

  pageText(bytes: Uint8Array, page: number): Promise<string> {
    return this.run({ op: 'text', bytes, page }) as Promise<string>;
  }

  /** Greyscale PNG at `dpi` (default 300) for OCR. */
  async rasterise(bytes: Uint8Array, page: number, dpi = 300): Promise<RasterisedPage> {
    const r = (await this.run({ op: 'rasterise', bytes, page, dpi })) as RasterisedPage;
    return { ...r, png: Buffer.from(r.png) };
  }

  /** Colour PNG at ≥ 200 dpi, e.g. for redaction (issue 14). */
  async rasteriseColour(bytes: Uint8Array, page: number, dpi = 300): Promise<RasterisedPage> {
    const r = (await this.run({ op: 'rasteriseColour', bytes, page, dpi: Math.max(200, dpi) })) as RasterisedPage;
    return { ...r, png: Buffer.from(r.png) };
  }

  /** The page's text items with their place on the page (redaction boxes on text-layer pages). */
  textItems(bytes: Uint8Array, page: number): Promise<PageTextItems> {
    return this.run({ op: 'textItems', bytes, page }) as Promise<PageTextItems>;
  }

  /** WebP whose longest side is `size` px, for the viewer. */
  renderForViewer(bytes: Uint8Array, page: number, size: number): Promise<ViewerImage> {
    return this.run({ op: 'viewer', bytes, page, size }, 30_000) as Promise<ViewerImage>;
  }

  private run(task: PdfTask, timeoutMs = this.options.taskTimeoutMs ?? 120_000): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'PDF service is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < Math.max(1, this.options.size ?? 1)) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.busy = task;
      slot.timer = setTimeout(() => this.lose(slot!, new AppError('PROCESSING_TIMEOUT', `PDF task exceeded ${task.timeoutMs} ms`)), task.timeoutMs);
      slot.child.send({ id: task.id, task: task.task, limits: this.limits });
    }
  }

  private spawn(): Slot {
    const launcher = this.options.launcher ?? nodePdfLauncher;
    const child = launcher(this.options.script ?? new URL('./pdfChild.ts', import.meta.url), { heapMb: this.limits.heapMb });
    const slot: Slot = { child, busy: null, timer: null, overMemoryMb: null, alive: true };
    let errText = '';
    child.stderr?.on('data', (d: Buffer) => {
      errText = (errText + d.toString('utf8')).slice(-4096);
      const m = new RegExp(`${OVER_MEMORY_MARK} (\\d+)`).exec(errText);
      if (m) slot.overMemoryMb = Number(m[1]);
    });
    child.onMessage((reply) => {
      const task = slot.busy;
      if (!task || task.id !== reply.id) return;
      this.settle(slot);
      this.lastPeakRssMb = reply.peakRssMb;
      if (reply.ok) task.resolve(reply.value);
      else task.reject(errorFromReply(reply.error));
      this.dispatch();
    });
    child.onExit((code) => {
      slot.alive = false;
      // stderr may still be draining the watchdog's last words: give it a moment.
      setTimeout(() => {
        const over = slot.overMemoryMb;
        this.lose(
          slot,
          over !== null
            ? new AppError('DECOMPRESSION_BOMB', `PDF child passed its ${this.limits.rssCeilingMb} MB memory ceiling (${over} MB) and was stopped`)
            : new AppError('INTERNAL', `PDF child exited with code ${code}`),
          over ?? undefined,
        );
      }, 30);
    });
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
  }

  /** Fails the slot's task, ends its child and lets a new one take the next task. */
  private lose(slot: Slot, error: AppError, peakMb?: number): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const task = slot.busy;
    this.settle(slot);
    if (slot.alive) slot.child.kill();
    if (peakMb !== undefined) this.lastPeakRssMb = peakMb;
    if (task) {
      this.options.log?.warn(`pdf task ${task.task.op} failed: ${error.code}: ${error.message}`);
      task.reject(error);
    }
    if (!this.closed) this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new AppError('INTERNAL', 'PDF service closed'));
    for (const slot of this.slots.splice(0)) {
      slot.busy?.reject(new AppError('INTERNAL', 'PDF service closed'));
      this.settle(slot);
      slot.child.kill();
    }
  }
}
