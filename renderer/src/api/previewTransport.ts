import { JOB_PROGRESS_EVENT } from '../../../shared/contract/events';
import type { JobProgress, Result } from '../../../shared/contract/index';
import type { Transport } from './transport';

const TOKEN_KEY = 'minhbach.previewToken';
const TOKEN_HEADER = 'x-minhbach-token';

/** The preview prints its URL as `…/#token=…`; the token moves to session storage and out of
 *  the address bar at once. */
export function takePreviewToken(): string | null {
  const match = /(?:^#|&)token=([a-f0-9]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    window.history.replaceState(null, '', `${window.location.pathname}#/library`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export function previewTransport(token: string): Transport {
  const headers = { [TOKEN_HEADER]: token, 'content-type': 'application/json' };
  let events: EventSource | null = null;
  const progressListeners = new Set<(p: JobProgress) => void>();

  const ensureEvents = () => {
    if (events) return;
    events = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
    events.addEventListener(JOB_PROGRESS_EVENT, (e) => {
      const progress = JSON.parse((e as MessageEvent<string>).data) as JobProgress;
      for (const listener of progressListeners) listener(progress);
    });
  };

  return {
    kind: 'preview',
    async invoke(channel, input, signal) {
      try {
        const res = await fetch(`api/invoke/${channel}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          ...(signal ? { signal } : {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        return failure((e as Error).message);
      }
    },
    onJobProgress(callback) {
      ensureEvents();
      progressListeners.add(callback);
      return () => progressListeners.delete(callback);
    },
    onMenuCommand: () => () => undefined,
    async upload(file) {
      const res = await fetch('api/upload', {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, 'content-type': 'application/octet-stream' },
        body: file,
      });
      const body = (await res.json()) as Result<{ uploadId: string }>;
      if (!body.ok) throw new Error(body.error.message);
      return body.value.uploadId;
    },
  };
}
