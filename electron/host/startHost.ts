import { createEngine, resolveDataDir, type Engine } from '../engine/index';
import type { PdfChildLauncher } from '../engine/pdf/index';
import { createLogger, type Logger } from '../engine/logger';
import { ScanInboxWatcher } from '../engine/scanInbox/scanInboxWatcher';
import { createHandlers, invoke, type HandlerContext, type HandlerTable } from '../handlers/index';
import { defaultSettings, SettingsStore } from './settingsStore';
import { storedPipelineKeys } from '../engine/pipeline/settings';
import type { Host, JobProgress, Result } from '../../shared/contract/index';
import { userError } from '../../shared/domain/errors';

export interface HostOptions {
  host: Host;
  /** JSON settings file (outside the data folder). */
  settingsFile: string;
  /** Overrides the data-folder setting (the preview and tests use a temporary folder). */
  dataDir?: string;
  appVersion: string;
  analyseWorkerScript?: URL;
  modelWorkerScript?: URL;
  pdfChildScript?: URL;
  pdfLauncher?: PdfChildLauncher;
  quickCheckWorkerScript?: URL;
  scanPageWorkerScript?: URL;
  understandWorkerScript?: URL;
  nativeBinding?: string;
  logger?: Logger;
  services?: Pick<HandlerContext, 'dialogs' | 'openExternal' | 'uploads' | 'pickedFolders'>;
  /** 'quick': quick_check at start; damage opens the archive in read-only "damaged" mode. */
  startupCheck?: 'quick' | 'none';
  /** Run the pipeline: jobs left unfinished by a previous run, and every job as it is queued, so
   *  an import goes on to OCR and header + suggestion by itself (default true). */
  resumeJobs?: boolean;
}

export interface RunningHost {
  engine: Engine;
  settings: SettingsStore;
  handlers: HandlerTable;
  log: Logger;
  /** Validated, error-safe call of a channel; refused once shutdown has begun. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  onJobProgress(listener: (progress: JobProgress) => void): () => void;
  /** Stops accepting work, lets calls in flight finish (up to `drainMs`), stops the scan inbox,
   *  terminates the workers and closes the database. Unfinished jobs resume on the next start. */
  shutdown(drainMs?: number): Promise<void>;
}

/** The wiring Electron main and the preview share, so both run exactly the same handlers. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const settings = new SettingsStore(options.settingsFile, defaultSettings(resolveDataDir()));
  const dataDir = options.dataDir ?? settings.get().dataDir;
  const engine = await createEngine({
    dataDir,
    ...(options.analyseWorkerScript ? { analyseWorkerScript: options.analyseWorkerScript } : {}),
    ...(options.modelWorkerScript ? { modelWorkerScript: options.modelWorkerScript } : {}),
    // The access model learns each decision shortly after it is made, in a worker thread.
    learnAfterDecisions: true,
    ...(options.pdfChildScript ? { pdfChildScript: options.pdfChildScript } : {}),
    ...(options.pdfLauncher ? { pdfLauncher: options.pdfLauncher } : {}),
    ...(options.quickCheckWorkerScript ? { quickCheckWorkerScript: options.quickCheckWorkerScript } : {}),
    ...(options.scanPageWorkerScript ? { scanPageWorkerScript: options.scanPageWorkerScript } : {}),
    ...(options.understandWorkerScript ? { understandWorkerScript: options.understandWorkerScript } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    // The reviewer named in Settings (live: the first-start dialog sets it); until then the app's
    // own name, never the OS account.
    actor: () => settings.get().reviewerName.trim() || 'Minh Bạch',
    ...(options.startupCheck ? { startupCheck: options.startupCheck } : {}),
  });
  const log = options.logger ?? createLogger({ folder: engine.paths.logs });
  settings.useEngine({
    read: () => engine.pipelineSettings(),
    write: (patch) => engine.updatePipelineSettings(patch),
    stored: () => storedPipelineKeys(engine.db),
  });

  let inbox: ScanInboxWatcher | null = null;
  const applyScanInbox = async (folder: string | null): Promise<boolean> => {
    await inbox?.stop();
    inbox = null;
    if (!folder) return false;
    const watcher = new ScanInboxWatcher({ folder, importPaths: (paths) => engine.importPaths(paths), log });
    try {
      await watcher.start();
      inbox = watcher;
      return true;
    } catch (e) {
      log.warn(`scan inbox ${folder} not watched: ${(e as Error).message}`);
      return false;
    }
  };

  const handlers = createHandlers({
    host: options.host,
    engine,
    settings,
    log,
    appVersion: options.appVersion,
    applyScanInbox,
    scanInboxActive: () => inbox !== null,
    ...options.services,
  });

  // A read-only or damaged archive watches no scan inbox and runs no job (it can change nothing).
  const writable = engine.health.mode === 'normal';
  if (writable) await applyScanInbox(settings.get().scanInbox);
  // The pipeline runs itself: unfinished jobs first, then each job as it is queued.
  if (writable && (options.resumeJobs ?? true)) engine.startPipeline();

  let closing = false;
  const inFlight = new Set<Promise<unknown>>();

  return {
    engine,
    settings,
    handlers,
    log,
    invoke(channel, input) {
      if (closing) return Promise.resolve({ ok: false, error: userError('INTERNAL') });
      engine.noteInteraction(channel === 'documents:search');
      const call = invoke(handlers, channel, input, log);
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
      return call;
    },
    onJobProgress(listener) {
      engine.on('job:progress', listener);
      return () => engine.off('job:progress', listener);
    },
    async shutdown(drainMs = 10_000) {
      if (closing) return;
      closing = true;
      await inbox?.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, drainMs);
        }),
      ]);
      clearTimeout(timer);
      await engine.close();
    },
  };
}
