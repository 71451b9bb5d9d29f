import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindIpc } from '../../../electron/main/ipcBinding';
import { APP_ORIGIN } from '../../../electron/main/appProtocol';
import { startHost, type RunningHost } from '../../../electron/host/startHost';
import { CHANNELS, channelsFor } from '../../../shared/contract/index';

type Listener = (event: unknown, input: unknown) => Promise<unknown>;

let dir: string;
let electronHost: RunningHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-ipc-'));
  electronHost = await startHost({
    host: 'electron',
    settingsFile: path.join(dir, 's.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 't',
  });
});
afterAll(async () => {
  await electronHost.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC binding in main', () => {
  it('every contract channel belongs to a host, and each host has a handler for each of its channels', () => {
    expect(new Set([...channelsFor('electron'), ...channelsFor('preview')])).toEqual(new Set(CHANNELS));
    for (const channel of channelsFor('electron'))
      expect(electronHost.handlers[channel], channel).toBeTypeOf('function');
  });

  it('binds every Electron channel to ipcMain.handle and refuses foreign senders', async () => {
    const bound = new Map<string, Listener>();
    const refused: string[] = [];
    bindIpc(
      { handle: (channel, listener) => bound.set(channel, listener as Listener) },
      channelsFor('electron'),
      {
        appOrigin: () => APP_ORIGIN,
        invoke: (channel, input) => electronHost.invoke(channel, input),
        onRefused: (channel) => refused.push(channel),
      },
    );
    expect([...bound.keys()].sort()).toEqual([...channelsFor('electron')].sort());

    const trusted = { senderFrame: { url: 'app://minhbach/index.html', parent: null } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await bound.get('app:info')!(trusted, {})).toMatchObject({
      ok: true,
      value: { host: 'electron' },
    });
    expect(await bound.get('app:info')!(foreign, {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(refused).toEqual(['app:info']);
    expect(await bound.get('documents:get')!(trusted, { id: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
