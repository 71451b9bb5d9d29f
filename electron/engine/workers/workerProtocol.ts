import { parentPort } from 'node:worker_threads';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../../shared/domain/errors';

export interface SerialisedError {
  name: string;
  message: string;
  code?: string;
  detail?: string;
}

/** An error as it crosses a thread or process boundary (AppError keeps its code and detail). */
export function serialiseError(e: unknown): SerialisedError {
  const err = e as { name?: string; message?: string; code?: unknown; detail?: unknown };
  return {
    name: String(err?.name ?? 'Error'),
    message: String(err?.message ?? e),
    ...(typeof err?.code === 'string' ? { code: err.code } : {}),
    ...(typeof err?.detail === 'string' ? { detail: err.detail } : {}),
  };
}

/** The other side: an AppError again when the code is one of ours. */
export function errorFromReply(error: SerialisedError): Error {
  if (error.code && error.code in ERROR_MESSAGES) return new AppError(error.code as ErrorCode, error.detail);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

export interface TaskRequest<I> {
  id: number;
  input: I;
}

export type TaskReply<O> =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; value: O }
  | { id: number; ok: false; error: SerialisedError };

/** Worker side: answers each task message with the handler's result or its error. A handler may
 *  report progress (a long file's pages) before it answers. */
export function serveTasks<I, O>(handler: (input: I, progress: (done: number, total: number) => void) => Promise<O> | O): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run inside a worker thread');
  port.on('message', async (message: TaskRequest<I>) => {
    let reply: TaskReply<O>;
    try {
      const progress = (done: number, total: number) => port.postMessage({ id: message.id, progress: { done, total } } satisfies TaskReply<O>);
      reply = { id: message.id, ok: true, value: await handler(message.input, progress) };
    } catch (e) {
      reply = { id: message.id, ok: false, error: serialiseError(e) };
    }
    port.postMessage(reply);
  });
}
