/**
 * The engine's access model: the current model for suggestions (reloaded when it changes),
 * updates after decisions in a worker thread (one at a time, debounced, awaited on close), and
 * export/import of a starter model.
 */
import path from 'node:path';
import type { Db } from '../../archive/database';
import type { Logger } from '../../logger';
import { WorkerPool } from '../../workers/workerPool';
import { AppError } from '../../../../shared/domain/errors';
import type { LegalRegistry } from '../legalRegistry';
import { WinkAccessModel, type ModelFile } from './accessModel';
import { readModelFile, writeModelFile } from './modelFile';
import { applyUpdate, modelStamp, modelStatus, planUpdate, readModel, storeStarter, type ModelStatus } from './modelStore';
import type { TrainTask } from './trainWorker';

export interface ModelServiceDeps {
  db: Db;
  /** The archive database file (the worker opens its own read-only connection). */
  database: string;
  nativeBinding?: string;
  workerScript?: URL;
  log: Logger;
  actor: () => string;
  registry: () => LegalRegistry;
}

export interface ModelExport {
  file: string;
  examples: number;
  labels: ModelFile['labels'];
}

const UPDATE_DELAY_MS = 500;

export class ModelService {
  private pool: WorkerPool<TrainTask, ModelFile> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private cached: { stamp: string | null; model: WinkAccessModel | null } | null = null;
  private closed = false;

  constructor(private readonly deps: ModelServiceDeps) {}

  /** The current model, or null before any decision has been learned. */
  model(): WinkAccessModel | null {
    const stamp = modelStamp(this.deps.db);
    if (this.cached?.stamp !== stamp) {
      const file = readModel(this.deps.db, 'current');
      this.cached = { stamp, model: file ? new WinkAccessModel(file) : null };
    }
    return this.cached.model;
  }

  status(): ModelStatus {
    return modelStatus(this.deps.db, this.deps.registry());
  }

  private worker(): WorkerPool<TrainTask, ModelFile> {
    this.pool ??= new WorkerPool<TrainTask, ModelFile>({
      script: this.deps.workerScript ?? new URL('./trainWorker.ts', import.meta.url),
      size: 1,
      taskTimeoutMs: 10 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      name: 'minhbach-model',
    });
    return this.pool;
  }

  /** Learns the approved decisions the model has not learned (in the worker); one update at a time. */
  update(): Promise<ModelStatus> {
    const run = this.queue.then(async () => {
      for (let attempt = 0; attempt < 5 && !this.closed; attempt += 1) {
        const plan = planUpdate(this.deps.db, this.deps.registry());
        if (plan.mode === 'none') break;
        const task: TrainTask = { database: this.deps.database, plan, ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}) };
        const file = await this.worker().run(task);
        if (this.closed) break;
        if (applyUpdate(this.deps.db, plan, file, this.deps.actor())) this.deps.log.info(`access model: ${plan.mode} update, ${plan.learn.length} decisions learned, ${file.examples} in all`);
      }
      return this.status();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** An update shortly after decisions (several decisions in a row make one update). */
  schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.update().catch((e: Error) => this.deps.log.error(`access model update failed: ${e.message}`));
    }, UPDATE_DELAY_MS);
  }

  /** Writes the shareable copy of the current model (or of the starter, before any decision). */
  async exportTo(file: string, source: string): Promise<ModelExport> {
    await this.update();
    const model = readModel(this.deps.db, 'current') ?? readModel(this.deps.db, 'starter');
    if (!model) throw new AppError('MODEL_INVALID', 'no model to export', { detailVi: 'Chưa có mô hình: cần ít nhất một quyết định đã phê duyệt hoặc một mô hình đã nhập.' });
    const written = await writeModelFile(path.resolve(file), model, source);
    return { file: path.resolve(file), examples: written.examples, labels: written.labels };
  }

  /** Keeps a model file as the starter and rebuilds the current model on it with this archive's decisions. */
  async importFrom(file: string): Promise<ModelStatus> {
    const model = await readModelFile(file);
    storeStarter(this.deps.db, model, this.deps.actor(), path.basename(file));
    return this.update();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue;
    await this.pool?.close();
  }
}
