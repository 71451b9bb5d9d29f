import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelsFor } from '../../../shared/contract/index';
import { API_METHODS } from '../../../shared/contract/api';

// The real electron module cannot load outside Electron; the preload is checked against a stand-in.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
const listeners = new Map<string, (...args: unknown[]) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    removeListener: (event: string) => listeners.delete(event),
  },
  webUtils: { getPathForFile: (f: { p: string }) => f.p },
}));

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes one named method per Electron channel, and nothing that reaches ipcRenderer directly', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as Record<string, unknown>;
    expect(new Set(Object.values(API_METHODS))).toEqual(new Set(channelsFor('electron')));
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(API_METHODS), 'onJobProgress', 'onMenuCommand', 'pathsForFiles'].sort(),
    );
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');

    await (api.getDocument as (i: unknown) => Promise<unknown>)({ id: 3 });
    expect(invoke).toHaveBeenCalledWith('documents:get', { id: 3 });
  });

  it('job progress subscription forwards the payload without the event and unsubscribes', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as {
      onJobProgress: (cb: (p: unknown) => void) => () => void;
      pathsForFiles: (f: unknown[]) => string[];
    };
    const seen: unknown[] = [];
    const off = api.onJobProgress((p) => seen.push(p));
    listeners.get('jobs:progress')!({ sender: 'secret' }, { jobId: 1, done: 1, total: 2 });
    expect(seen).toEqual([{ jobId: 1, done: 1, total: 2 }]);
    off();
    expect(listeners.has('jobs:progress')).toBe(false);
    expect(api.pathsForFiles([{ p: '/a.pdf' }, { p: '' }])).toEqual(['/a.pdf']);
  });
});
