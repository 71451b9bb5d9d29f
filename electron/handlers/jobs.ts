import type { HandlerContext, HandlerTable } from './types';

export function jobHandlers({ engine, settings, log }: HandlerContext): HandlerTable {
  return {
    'jobs:list': ({ limit }) => engine.listJobs(limit),
    'jobs:cancel': ({ id }) => ({ cancelled: engine.cancelJob(id) }),
    'jobs:retry': ({ id }) => {
      const retried = engine.retryJob(id);
      // Import jobs are re-run by the engine; a requeued OCR job is picked up by resumeOcr.
      if (retried > 0 && engine.jobs.get(id)?.kind === 'ocr') {
        engine
          .resumeOcr({ workers: settings.get().ocrWorkers })
          .catch((e: Error) => log.error(`OCR retry of job ${id} failed: ${e.message}`));
      }
      return { retried };
    },
  };
}
