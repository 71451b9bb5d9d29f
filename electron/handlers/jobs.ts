import type { HandlerContext, HandlerTable } from './types';

export function jobHandlers({ engine }: HandlerContext): HandlerTable {
  return {
    'jobs:list': ({ limit }) => engine.listJobs(limit),
    'jobs:cancel': ({ id }) => ({ cancelled: engine.cancelJob(id) }),
    // The engine re-runs the job's failed and cancelled items with the settings in force.
    'jobs:retry': ({ id }) => ({ retried: engine.retryJob(id) }),
  };
}
