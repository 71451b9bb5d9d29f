import type { HandlerContext, HandlerTable } from './types';

export function jobHandlers({ engine }: HandlerContext): HandlerTable {
  return {
    'jobs:list': ({ limit }) => engine.listJobs(limit),
    'jobs:cancel': ({ id }) => ({ cancelled: engine.cancelJob(id) }),
    'jobs:retry': ({ id }) => ({ retried: engine.retryJob(id) }),
  };
}
