/**
 * The engine's one OCR pool, sized and configured by the settings at the moment it is used:
 * worker count and languages are read before every page. When they changed, the pool is
 * restarted — but only once no page is in flight: new pages wait until the running ones are
 * recorded, then the old pool is closed and the new one started. So a setting change applies
 * live, and never cuts a page of a running job short.
 */
import type { OcrEngine } from './index';

export interface OcrPoolConfig {
  workers: number;
  languages: string;
}

export type OcrEngineFactory = (config: OcrPoolConfig) => Promise<OcrEngine>;

export class OcrService {
  private engine: Promise<OcrEngine> | null = null;
  private config: OcrPoolConfig | null = null;
  private inFlight = 0;
  private drained: (() => void)[] = [];
  private closed = false;
  /** Pools started (tests and logs read it). */
  starts = 0;

  constructor(
    private readonly factory: OcrEngineFactory,
    private readonly wanted: () => OcrPoolConfig,
  ) {}

  /** Runs `fn` with the pool for the current settings (see the file comment). */
  async use<T>(fn: (engine: OcrEngine) => Promise<T>): Promise<T> {
    for (;;) {
      if (this.closed) throw new Error('OCR is shut down');
      const want = this.wanted();
      if (this.engine && this.config && !sameConfig(this.config, want)) {
        if (this.inFlight > 0) {
          await new Promise<void>((resolve) => this.drained.push(resolve));
          continue;
        }
        const old = this.engine;
        this.engine = null;
        this.config = null;
        await old.then((e) => e.close()).catch(() => undefined);
        continue;
      }
      if (!this.engine) {
        this.config = want;
        this.starts += 1;
        const starting = this.factory(want);
        this.engine = starting;
        starting.catch(() => {
          if (this.engine === starting) {
            this.engine = null;
            this.config = null;
          }
        });
      }
      break;
    }
    this.inFlight += 1;
    try {
      return await fn(await this.engine!);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /** Ends every worker; pages in flight fail (the runner leaves them queued for a resume). */
  async close(): Promise<void> {
    this.closed = true;
    const engine = this.engine;
    this.engine = null;
    await engine?.then((e) => e.close()).catch(() => undefined);
    for (const wake of this.drained.splice(0)) wake();
  }
}

function sameConfig(a: OcrPoolConfig, b: OcrPoolConfig): boolean {
  return a.workers === b.workers && a.languages === b.languages;
}
