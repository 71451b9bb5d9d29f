import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cancelDownloads, PickedFolders, trustedEnvironment } from '../../../electron/main/hardening';
import { sqliteBindingFor } from '../../../electron/main/nativeBinding';
import { electronBinaryPath, FUSES } from '../../../electron/packaging/fuses';
import { startHost, type RunningHost } from '../../../electron/host/startHost';

describe('the packaged app', () => {
  it('flips the fuses: RunAsNode, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity, only-load-from-asar on', () => {
    expect(FUSES).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('finds the Electron binary the afterPack hook flips on each platform', () => {
    expect(electronBinaryPath('/out', 'win32', 'Minh Bạch')).toBe(path.join('/out', 'Minh Bạch.exe'));
    expect(electronBinaryPath('/out', 'darwin', 'Minh Bạch')).toBe(path.join('/out', 'Minh Bạch.app', 'Contents', 'MacOS', 'Minh Bạch'));
    expect(electronBinaryPath('/out', 'linux', 'minhbach')).toBe(path.join('/out', 'minhbach'));
  });

  it('ignores MINHBACH_RESOURCES_DIR, MINHBACH_SQLITE_BINDING and ELECTRON_RENDERER_URL when packaged, honours them from the sources', () => {
    const env = { MINHBACH_RESOURCES_DIR: '/evil/res', MINHBACH_SQLITE_BINDING: '/evil/x.node', ELECTRON_RENDERER_URL: 'http://evil' };
    expect(trustedEnvironment({ env, isPackaged: true, resourcesPath: '/app/resources' })).toEqual({
      resourcesDir: path.join('/app/resources', 'resources'),
      sqliteBinding: undefined,
      devUrl: undefined,
    });
    expect(trustedEnvironment({ env, isPackaged: false, resourcesPath: '/x' })).toEqual({
      resourcesDir: '/evil/res',
      sqliteBinding: '/evil/x.node',
      devUrl: 'http://evil',
    });
    const base = { appPath: '/app', electronVersion: '39.8.10', platform: 'linux' as const, arch: 'x64' };
    expect(sqliteBindingFor({ ...base, env: { MINHBACH_SQLITE_BINDING: '/evil/x.node' }, isPackaged: true })).toBeUndefined();
  });

  it('cancels every download a page starts, and says so', () => {
    let listener: ((event: { preventDefault(): void }, item: { cancel(): void; getURL(): string }) => void) | null = null;
    const session = { on: (_e: 'will-download', l: typeof listener) => (listener = l) };
    const cancelled: string[] = [];
    cancelDownloads(session as never, (url) => cancelled.push(url));
    const event = { preventDefault: vi.fn() };
    const item = { cancel: vi.fn(), getURL: () => 'https://example.com/x.exe' };
    listener!(event, item);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(item.cancel).toHaveBeenCalled();
    expect(cancelled).toEqual(['https://example.com/x.exe']);
  });

  it('turns the OS sandbox on for every renderer before the app is ready', async () => {
    const calls: string[] = [];
    vi.doMock('electron', () => {
      const app = {
        isPackaged: true,
        enableSandbox: () => calls.push('enableSandbox'),
        requestSingleInstanceLock: () => {
          calls.push('lock');
          return false;
        },
        quit: () => calls.push('quit'),
        on: () => undefined,
        whenReady: () => new Promise(() => undefined),
      };
      return { app, protocol: { registerSchemesAsPrivileged: () => calls.push('schemes') }, BrowserWindow: class {}, ipcMain: {}, Menu: {}, session: {}, shell: {}, dialog: {}, utilityProcess: {} };
    });
    (process as { resourcesPath?: string }).resourcesPath = '/app/resources';
    await import('../../../electron/main/index');
    expect(calls[0]).toBe('enableSandbox');
    vi.doUnmock('electron');
  });
});

describe('export:run and settings:set accept only folders picked in the native dialog this session', () => {
  let dir: string;
  let host: RunningHost;
  const picked = new PickedFolders();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-guard-'));
    host = await startHost({
      host: 'electron',
      settingsFile: path.join(dir, 's.json'),
      dataDir: path.join(dir, 'data'),
      appVersion: 't',
      services: { pickedFolders: picked },
    });
  });
  afterAll(async () => {
    await host.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder the renderer names on its own with FOLDER_NOT_CHOSEN naming it, and accepts it once picked', async () => {
    const out = path.join(dir, 'site');
    expect(await host.invoke('export:run', { out })).toEqual({
      ok: false,
      error: { code: 'FOLDER_NOT_CHOSEN', message: expect.stringContaining(`Thư mục “${out}”`) },
    });
    const inbox = path.join(dir, 'inbox');
    expect(await host.invoke('settings:set', { scanInbox: inbox })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_CHOSEN' } });
    expect(await host.invoke('settings:set', { dataDir: path.join(dir, 'other') })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_CHOSEN' } });
    // Unchanged folders and other settings need no dialog.
    expect(await host.invoke('settings:set', { reviewerName: 'Lê Thị B', dataDir: host.settings.get().dataDir })).toMatchObject({ ok: true });
    picked.add(out);
    expect(await host.invoke('export:run', { out })).toMatchObject({ ok: true, value: { out } });
  });
});
