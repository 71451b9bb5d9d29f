import { API_METHODS, type ApiMethod, type DesktopApi } from '../../../shared/contract/api';
import type { Channel, Result } from '../../../shared/contract/index';
import type { Transport } from './transport';

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

const methodOf = new Map<Channel, ApiMethod>(
  Object.entries(API_METHODS).map(([m, c]) => [c as Channel, m as ApiMethod]),
);

export function electronTransport(api: DesktopApi): Transport {
  return {
    kind: 'electron',
    invoke(channel, input) {
      const method = methodOf.get(channel);
      if (!method) return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: channel } });
      const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
      return call(input);
    },
    onJobProgress: (callback) => api.onJobProgress(callback),
    onMenuCommand: (callback) => api.onMenuCommand(callback),
    pathsForFiles: (files) => api.pathsForFiles(files),
  };
}
