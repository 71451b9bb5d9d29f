import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/startHost';

const D01 = path.resolve(import.meta.dirname, '../../fixtures/corpus/d01/born-digital.pdf');
let dir: string;
let host: RunningHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-inbox-'));
  host = await startHost({
    host: 'preview',
    settingsFile: path.join(dir, 's.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 't',
  });
});
afterAll(async () => {
  await host.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('scan inbox through settings:set', () => {
  it('watches the folder and imports what the scanner drops there', async () => {
    const inbox = path.join(dir, 'scanner');
    mkdirSync(inbox);
    const set = await host.invoke('settings:set', { scanInbox: inbox });
    expect(set).toMatchObject({ ok: true, value: { scanInboxActive: true, settings: { scanInbox: inbox } } });

    copyFileSync(D01, path.join(inbox, 'quet-0001.pdf'));
    const deadline = Date.now() + 20_000;
    while (host.engine.count() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(host.engine.list()[0]).toMatchObject({ fileName: 'quet-0001.pdf' });

    const off = await host.invoke('settings:set', { scanInbox: null });
    expect(off).toMatchObject({ ok: true, value: { scanInboxActive: false } });
  });
});
