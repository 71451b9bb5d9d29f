import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/startHost';
import { createEngine } from '../../../electron/engine/index';
import { tempDir } from '../../helpers/fixtures';
import { smallArchive } from '../../helpers/faultSetup';
import { zeroLeafPage } from '../../helpers/archiveDamage';
import type { AppInfo } from '../../../shared/contract/app';

describe('an archive found damaged at start-up opens in read-only "archive damaged" mode', () => {
  const temp = tempDir();
  let host: RunningHost;
  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'data');
    await smallArchive(dataDir);
    zeroLeafPage(path.join(dataDir, 'archive.sqlite'), 'pages', 'last');
    host = await startHost({ host: 'preview', settingsFile: path.join(temp.dir, 's.json'), dataDir, appVersion: 't', startupCheck: 'quick' });
  });
  afterAll(async () => {
    await host.shutdown();
    temp.cleanup();
  });

  it('app:info carries the mode and the Vietnamese explanation; changes are refused as ARCHIVE_DAMAGED; nothing fails as INTERNAL', async () => {
    const info = await host.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { archive: { mode: 'damaged', code: 'ARCHIVE_DAMAGED', message: expect.stringContaining('minhbach restore') } } });
    expect((info as { value: AppInfo }).value.documentCount).toBe(2);
    const decide = await host.invoke('review:decide', { id: 1, access: 'secret', basis: 'L104.D6.K2' });
    expect(decide).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED', message: expect.stringContaining('Quyết định phân loại tài liệu số 1') } });
    const list = await host.invoke('documents:list', {});
    // The document whose rows sit on the damaged page may not list; either way the error is named.
    if (!list.ok) expect(list.error.code).toBe('ARCHIVE_DAMAGED');
    expect(host.engine.health.mode).toBe('damaged');
  });

  it('a large archive is checked in a worker thread after the start, then turns damaged (changes refused from then on)', async () => {
    // syncCheckBytes 0: every archive counts as large here (the real threshold is 64 MB).
    const engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), startupCheck: 'quick', syncCheckBytes: 0 });
    try {
      expect(engine.health.mode).toBe('normal');
      const problems = await engine.checkInBackground();
      expect(problems.length).toBeGreaterThan(0);
      expect(engine.health).toMatchObject({ mode: 'damaged', code: 'ARCHIVE_DAMAGED' });
      expect(() => engine.setDisclosureEnd(1, null)).toThrow(/damaged/);
    } finally {
      await engine.close();
    }
  });
});
